"""The event lexicon: verb and noun patterns compiled once into lookups keyed by head lemma.

The YAML files in ``petrel/data/lexicon`` group patterns by CAMEO code; ``cameo.yaml`` gives each code
its PLOVER type, mode, context and Goldstein score. The pattern syntax is documented in ``docs/coding.md``
and at the top of ``verbs.yaml``. Loading is explicit (:meth:`Lexicon.load`), never at import time.

The compiled lexicon is cached on disk (:mod:`petrel.cache`, keyed by the content of every YAML file) and
shared within a process (the quote and event stages read the same one): parsing the YAML cost about a
second of CPU on every start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from petrel.errors import ConfigError

FILES: tuple[str, ...] = ("classes.yaml", "cameo.yaml", "speech.yaml", "verbs.yaml", "nouns.yaml", "adjectives.yaml")
# libyaml's loader when PyYAML was built with it (as the knowledge base reads its files), else pure Python
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LOADED: dict[str, Lexicon] = {}  # compiled lexicons of this process, by cache key

#: words that a pattern treats as a preposition or verb particle attached to the head
PARTICLES: frozenset[str] = frozenset(
    "about across against ahead alongside among around as at away back by down for from in into off "
    "of on onto out over through to toward towards up upon with within without".split()
)


ANY: frozenset[str] = frozenset({"*"})
#: sectors of the parties an ``armed: true`` pattern needs as doer: a state's or an armed group's
ARMED_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "INS", "CRM", "RAD"})


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """What a CAMEO code means in PLOVER terms, with its quad class and Goldstein score."""

    code: str
    type: str
    mode: str | None
    context: str | None
    goldstein: float
    name: str

    @property
    def quad_class(self) -> int:
        root = int(self.code[:2])
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        return 3 if root <= 13 else 4


@dataclass(frozen=True, slots=True)
class EntryId:
    """A lexicon entry's typed id: its kind (the file's part of speech: verb|noun|adj) and key (the CAMEO
    code and the pattern as written). ``str()`` gives the id provenance, ``Settings.disabled_rules`` and
    ``petrel eval --ablate`` use (``verb:172:ban from``); it is looked up (:meth:`Lexicon.entries`), never
    split."""

    kind: str
    code: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.code}:{self.text}"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled lexicon entry: a head lemma set plus the constraints its dependents must meet."""

    entry_id: str
    pos: str  # verb|noun
    heads: frozenset[str]
    code: str
    objects: frozenset[str] | None = None  # verbs: direct object; nouns: modifier
    unless: frozenset[str] | None = None  # "-X": an object (nouns: "of" object or modifier) that blocks it
    preps: tuple[tuple[str, frozenset[str] | None], ...] = ()
    comp: frozenset[str] | None = None  # clausal complement lemmas (xcomp, ccomp, acl, advcl)
    that: bool = False
    neg: bool = False
    flip: bool = False
    status: str | None = None
    armed: bool = False  # only when a doer is a state or an armed group (ARMED_SECTORS): "set up checkpoints"
    entry: EntryId | None = None  # the lexicon entry it compiles (None: a pattern a rule builds, "event-model:190")

    @property
    def specificity(self) -> int:
        score = 2 * len(self.preps) + sum(1 for _, objs in self.preps if objs)
        score += 3 * (self.objects is not None) + 3 * (self.comp is not None) + self.that + 4 * self.neg
        score -= 2 * ((self.objects == ANY) + (self.comp == ANY))  # a wildcard is less specific than a list
        return score


@dataclass(slots=True)
class Lexicon:
    """Compiled patterns (by part of speech and head lemma), speech cues and the CAMEO table."""

    patterns: dict[tuple[str, str], list[Pattern]]
    cameo: dict[str, CameoInfo]
    speech: dict[str, str]  # lemma -> cue kind (say|claim|warn|demand|deny)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None, *, cache_dir: Path | None | bool = True) -> Lexicon:
        """The compiled YAML files (the packaged ones unless ``folder`` is given).

        Read from the disk cache when its key (the files' content) matches, else compiled and stored there;
        ``cache_dir`` is the cache directory (``True``: the default one, unless ``PETREL_USE_CACHE=false``;
        ``None`` or ``False``: no disk cache). One process compiles or reads each lexicon once.
        Callers must not mutate the result (it is shared).
        """
        from petrel.cache import cache_key, cached, resolve_cache_dir

        base = folder or Path(str(resources.files("petrel") / "data" / "lexicon"))
        try:
            # ":entry-ids": a cache written before Pattern.entry existed is not read back
            key = cache_key("lexicon", [base / name for name in FILES], extra=f"{_LOADER.__name__}:entry-ids")
        except OSError as exc:
            raise ConfigError(f"cannot load the event lexicon from {base}: {exc}", path=str(base)) from exc
        if key not in _LOADED:
            if cache_dir is True:
                from petrel.config import Settings

                cache_dir = resolve_cache_dir(Settings())
            _LOADED[key] = cached("lexicon", key, lambda: cls.compile(base), cache_dir or None)
        return _LOADED[key]

    @classmethod
    def compile(cls, base: Path) -> Lexicon:
        """Read and compile the YAML files in ``base`` (no cache)."""
        try:
            classes = _read(base / "classes.yaml")
            cameo = {str(k): _cameo_info(str(k), v) for k, v in _read(base / "cameo.yaml").items()}
            speech = _speech_table(_read(base / "speech.yaml"))
            pats = _compile_file(_read(base / "verbs.yaml"), "verb", classes, cameo)
            pats += _compile_file(_read(base / "nouns.yaml"), "noun", classes, cameo)
            pats += _compile_file(_read(base / "adjectives.yaml"), "adj", classes, cameo)
        except (OSError, yaml.YAMLError, ValueError, KeyError) as exc:
            raise ConfigError(f"cannot load the event lexicon from {base}: {exc}", path=str(base)) from exc
        return cls(_index(pats), cameo, speech, {k: frozenset(map(str, v)) for k, v in classes.items()})

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        """Patterns whose head is ``lemma``, most specific first."""
        return self.patterns.get((pos, lemma), [])

    def info(self, code: str) -> CameoInfo:
        return self.cameo[code]

    def entries(self) -> dict[str, EntryId]:
        """Every lexicon entry, by its id string: what tells a lexicon entry id from a rule id."""
        return {p.entry_id: p.entry for pats in self.patterns.values() for p in pats if p.entry is not None}

    def __len__(self) -> int:
        return len({p.entry_id for pats in self.patterns.values() for p in pats})


def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} must be a mapping")
    return data


def _cameo_info(code: str, row: list[Any]) -> CameoInfo:
    ptype, mode, context, goldstein, *name = row  # an unquoted name may contain commas
    return CameoInfo(code, str(ptype), mode, context, float(goldstein), ", ".join(map(str, name)))


def _speech_table(data: dict[str, list[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, lemmas in data.items():
        for lemma in lemmas:
            table.setdefault(str(lemma), kind)
    return table


def _compile_file(data: dict[str, Any], pos: str, classes: dict[str, list[str]],
                  cameo: dict[str, CameoInfo]) -> list[Pattern]:
    out: list[Pattern] = []
    for code, entries in data.items():
        code = str(code)
        if code not in cameo:
            raise ValueError(f"{pos} patterns use unknown CAMEO code {code}")
        for entry in entries:
            out.append(compile_pattern(entry, pos, code, classes))
    return out


def _words(spec: str, classes: dict[str, list[str]]) -> frozenset[str]:
    """``a|b|@class``; ``*`` alone matches any word (kept as the one-element set {"*"})."""
    words: set[str] = set()
    for alt in spec.split("|"):
        if alt.startswith("@"):
            words.update(str(w) for w in classes[alt[1:]])
        elif alt:
            words.add(alt)
    return frozenset(words)


def compile_pattern(entry: str | dict[str, Any], pos: str, code: str,
                    classes: dict[str, list[str]]) -> Pattern:
    """Compile one entry (a pattern string or a mapping with ``p`` and flags)."""
    flags: dict[str, Any] = {}
    if isinstance(entry, dict):
        flags = {k: v for k, v in entry.items() if k != "p"}
        entry = str(entry["p"])
    text = str(entry).strip()
    neg = text.startswith("!")
    tokens = text.lstrip("!").split()
    parts = _parse_tokens(tokens, pos, classes)
    entry_id = EntryId(pos, code, text)
    return Pattern(entry_id=str(entry_id), entry=entry_id, pos=pos, code=code, neg=neg,
                   flip=bool(flags.get("flip", False)), status=flags.get("status"),
                   armed=bool(flags.get("armed", False)), **parts)


def _parse_tokens(tokens: list[str], pos: str, classes: dict[str, list[str]]) -> dict[str, Any]:
    heads: frozenset[str] | None = None
    objects = comp = unless = None
    preps: list[tuple[str, frozenset[str] | None]] = []
    that = False
    pending_mod: frozenset[str] | None = None
    for i, tok in enumerate(tokens):
        if tok.startswith(">"):
            comp = _words(tok[1:], classes)
        elif tok.startswith("+") and pos == "noun":
            heads, objects = _words(tok[1:], classes), pending_mod
        elif tok.startswith("+"):
            objects = _words(tok[1:], classes)
        elif tok.startswith("-") and i > 0:  # "release -@media_n": not when the object is a document
            unless = _words(tok[1:], classes)
        elif tok == "that" and i > 0:
            that = True
        elif i == 0:
            pending_mod = heads = _words(tok, classes)
        elif tok.split(":")[0] in PARTICLES:
            prep, _, objs = tok.partition(":")
            preps.append((prep, _words(objs, classes) if objs else None))
        else:  # a second plain word: part of a multi-word head such as "set free"
            preps.append((tok, None))
    if heads is None:
        raise ValueError(f"pattern {' '.join(tokens)!r} has no head")
    return {"heads": heads, "objects": objects, "preps": tuple(preps), "comp": comp, "that": that,
            "unless": unless}


def _index(patterns: list[Pattern]) -> dict[tuple[str, str], list[Pattern]]:
    index: dict[tuple[str, str], list[Pattern]] = {}
    seen: set[tuple[Any, ...]] = set()
    for pat in patterns:
        key = (pat.pos, pat.heads, pat.objects, pat.preps, pat.comp, pat.that, pat.neg, pat.unless)
        if key in seen:  # the first code listed for an identical pattern wins
            continue
        seen.add(key)
        for head in pat.heads:
            index.setdefault((pat.pos, head), []).append(pat)
    for pats in index.values():
        pats.sort(key=lambda p: (-p.specificity, len(p.objects or ()) + len(p.comp or ())))
    return index
