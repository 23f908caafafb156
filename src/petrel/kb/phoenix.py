"""Import Phoenix / TABARI actor dictionaries (the PETRARCH2 format) as petrel actors.

The format, one actor per block::

    HEZBOLLAH_ [LBNREB]          # a name, words joined by "_", with its code
    +HIZBALLAH                   # synonyms
    BARHAM_SALIH_                # a name whose codes follow on their own lines
        [IRQGOV 040801-090831]   # a code valid between two dates (YYMMDD or YYYYMMDD)
        [IRQGOV >110101]         # ... from a date on;  [IRQ <20030320] until a date

A code is a country (3 letters: ISO alpha-3, IGO, IMG, ...) followed by sector codes of 3 letters.
Undated codes become the actor's own country and sectors; dated ones become roles. Use
:func:`write_actors_yaml` to save the result as a user file for ``settings.kb_paths``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from petrel.errors import ConfigError
from petrel.kb.loader import dump_actors
from petrel.kb.normalise import slugify
from petrel.kb.records import Actor, Role

log = logging.getLogger(__name__)
ID_PREFIX = "phx:"
_CODE = re.compile(r"\[([A-Z-]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*\]")
_KEEP_CASE = frozenset({"AL", "EL", "OF", "THE", "AND", "BIN", "IBN", "ABU", "ABD", "BEN", "DE", "DA", "DU", "LA",
                        "LE", "VAN", "VON", "DER", "DEL", "ALI", "NEW", "FOR", "ON", "IN", "TO", "AT", "BY"})


@dataclass(slots=True)
class _Block:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)


def import_phoenix(path: Path | str) -> list[Actor]:
    """Every actor of one dictionary file (ConfigError if the file cannot be read)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read the Phoenix dictionary {path}: {exc}", path=str(path)) from exc
    blocks = list(_blocks(text.splitlines()))
    actors = _unique_ids([_to_actor(b) for b in blocks if b.codes])
    log.info("imported %d actors from %s", len(actors), path)
    return actors


def write_actors_yaml(actors: list[Actor], path: Path | str) -> Path:
    """Write actors as a knowledge-base YAML file (for ``settings.kb_paths``); returns the path."""
    path = Path(path)
    path.write_text(dump_actors(actors), encoding="utf-8")
    return path


def _blocks(lines: list[str]):
    current: _Block | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+") and current is not None:
            current.aliases.extend(n for n in (_name(p) for p in line[1:].split("+")) if n)
            current.codes.extend(_codes(line))
        elif line[0] in " \t[" and current is not None:
            current.codes.extend(_codes(line))
        elif not line[0].isspace():
            if current is not None:
                yield current
            current = _Block(_name(line.split("[", 1)[0]), codes=list(_codes(line)))
    if current is not None:
        yield current


def _codes(line: str):
    for match in _CODE.finditer(line):
        code, op, one, start, end = match.groups()
        if op == ">":
            yield code, _date(one), None
        elif op == "<":
            yield code, None, _date(one)
        else:
            yield code, _date(start), _date(end)


def _date(text: str | None) -> date | None:
    """YYMMDD (years up to 30 are 20xx) or YYYYMMDD; None when unreadable."""
    if not text:
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _name(raw: str) -> str:
    words = [w for w in raw.strip().strip("_").split("_") if w]
    if len(words) == 1 and len(words[0]) <= 5:
        return words[0]
    return " ".join(_word_case(w) for w in words)


def _word_case(word: str) -> str:
    if not re.search(r"[AEIOUY]", word) or (len(word) <= 3 and word not in _KEEP_CASE and word.isalpha()):
        return word
    return "-".join(part.capitalize() for part in word.split("-"))


def _split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    code = code.strip("-")
    if len(code) < 3:
        return None, ()
    return code[:3], tuple(code[i:i + 3] for i in range(3, len(code) - 2, 3))


def _to_actor(block: _Block) -> Actor:
    base = next(((c, s, e) for c, s, e in block.codes if s is None and e is None), None)
    country, sectors = _split_code(base[0]) if base else (None, ())
    roles = [_role(code, start, end) for code, start, end in block.codes if start or end]
    if country is None and roles:
        country = roles[-1].country
    kind = "person" if roles else "organisation"
    aliases = [a for a in dict.fromkeys(block.aliases) if a != block.name]
    return Actor(id=ID_PREFIX + slugify(block.name), name=block.name, kind=kind, aliases=aliases,
                 country=country, sectors=list(sectors), roles=roles)


def _role(code: str, start: date | None, end: date | None) -> Role:
    country, sectors = _split_code(code)
    return Role(title=code, country=country, sectors=sectors, start=start, end=end)


def _unique_ids(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, int] = {}
    for actor in actors:
        count = seen.get(actor.id, 0)
        seen[actor.id] = count + 1
        if count:
            actor.id = f"{actor.id}-{count + 1}"
    return actors
