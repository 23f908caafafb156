"""Outlet names: a hand-written table (``petrel/data/outlets.yaml``) plus fallbacks for unknown names.

Names match on a key that ignores case, spaces, punctuation and a leading "The", so the table needs
aliases only for really different spellings (AP / Associated Press). Unknown joined or camel-case
names are split into words (``BaghdadPost``, ``examplepost`` -> ``Example Post``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from petrel.errors import ConfigError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the table parses in ms, not 0.05 s

#: words that end joined outlet names ("baghdadpost" -> "Baghdad Post")
NAME_SUFFIXES: tuple[str, ...] = (
    "post", "times", "news", "daily", "today", "herald", "tribune", "journal", "gazette", "express",
    "monitor", "observer", "telegraph", "guardian", "chronicle", "review", "report", "insider", "press",
    "online", "network", "media", "star", "mail", "voice", "weekly", "agency", "standard", "magazine",
    "tv", "radio", "wire", "ledger", "dispatch", "bulletin", "courier", "briefing", "mirror", "sentinel",
    "record", "leader", "examiner", "inquirer", "globe", "nation",
)
_KEY_DROP = re.compile(r"[\W_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "english.")


def name_key(name: str) -> str:
    """Match key of a name: lower case, letters and digits only, without a leading "the" when two or
    more words follow (so "The National" does not match a section called "National")."""
    key = name.strip().casefold()
    if key.startswith("the ") and len(key.split()) > 2:
        key = key[4:]
    return _KEY_DROP.sub("", key)


def looks_like_outlet(name: str) -> bool:
    """True for names built like outlet names: ``Baghdadpost``, ``HarbourDaily``, ``Great Lakes Observer``."""
    words = name.split()
    if len(words) == 1:
        return split_joined_name(name) != name
    return words[-1].lower() in NAME_SUFFIXES and all(w[:1].isupper() for w in words)


def split_joined_name(name: str) -> str:
    """``BaghdadPost`` -> ``Baghdad Post``; ``baghdadpost`` -> ``Baghdad Post``; other names unchanged."""
    name = " ".join(name.split())
    if " " in name or not name.isalpha():
        return name
    if _CAMEL.search(name):
        return _CAMEL.sub(" ", name)
    if name.isupper():
        return name
    lower = name.lower()
    for suffix in NAME_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            head = lower[: -len(suffix)]
            return f"{head.title()} {suffix.upper() if suffix == 'tv' else suffix.title()}"
    return name.title() if name.islower() else name


def host_of(url: str) -> str | None:
    """The host of a URL without ``www.``-like prefixes, or ``None``."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host


@dataclass(frozen=True)
class OutletTable:
    """Canonical outlet names by name key and by web domain."""

    by_key: dict[str, str] = field(default_factory=dict)
    by_domain: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: Path | str) -> OutletTable:
        """Read a table in the format of ``petrel/data/outlets.yaml``."""
        try:
            entries = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER) or []  # noqa: S506 - safe
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read the outlet table {path}: {exc}") from exc
        return cls.from_entries(entries, str(path))

    @classmethod
    def from_entries(cls, entries: list[dict], origin: str = "outlets") -> OutletTable:
        table = cls()
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise ConfigError(f"{origin}: every outlet needs a name, got {entry!r}")
            name = entry["name"]
            for alias in [name, *entry.get("aliases", [])]:
                table.by_key.setdefault(name_key(alias), name)
            for domain in entry.get("domains", []):
                table.by_domain[domain.lower()] = name
        return table

    def known(self, name: str) -> str | None:
        """The canonical name of a name or domain in the table, else ``None``."""
        found = self.by_key.get(name_key(name))
        if found is None and "." in name and " " not in name.strip():
            found = self.from_url(name, fallback=False)
        return found

    def normalise(self, name: str | None) -> str | None:
        """Canonical name from the table, else the name with joined words split; blank -> ``None``."""
        if not name or not name.strip():
            return None
        return self.known(name) or split_joined_name(name)

    def from_url(self, url: str | None, *, fallback: bool = True) -> str | None:
        """Outlet of a URL: its domain (or a parent domain) in the table; else, with ``fallback``,
        the split site name when it ends in a news word (``examplepost.com`` -> ``Example Post``) or the host."""
        host = host_of(url) if url else None
        if host is None:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[i:]))
            if found:
                return found
        if not fallback:
            return None
        site = labels[-2] if len(labels) >= 2 else host
        split = split_joined_name(site)
        return split if " " in split else host


@cache
def default_outlets() -> OutletTable:
    """The bundled table, read once per process (a read-only constant; nothing mutates it)."""
    path = resources.files("petrel") / "data" / "outlets.yaml"
    return OutletTable.from_yaml(Path(str(path)))
