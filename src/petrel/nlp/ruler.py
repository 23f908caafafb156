"""The knowledge base's names as entities: a phrase ruler that starts in milliseconds.

spaCy's ``entity_ruler`` tokenises every pattern when it is built (about 5,700 names and country terms:
0.3-0.4 s of CPU on every start, most of it creating lexemes). :class:`PhraseRuler` does what the two
rulers did with a dict of token tuples instead: the tuples are made once with the model's tokenizer and
cached on disk (:mod:`petrel.cache`, keyed by the patterns and the spaCy model), so a start reads them.

What a ruler does to a document is spaCy's ``EntityRuler`` (``phrase_matcher_attr`` LOWER or ORTH,
``overwrite_ents`` false) step by step: every phrase match, longest first then leftmost, skipped when a
token already has an entity type or was taken by a longer match, overlapping entities dropped; a match
becomes ``Span(label, span_id=id)``. Where one phrase has two (label, id) pairs, spaCy's winner depended
on hash order; here the pattern listed first wins (``tests/nlp/test_ruler.py`` compares both rulers).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

FACTORY = "petrel_phrase_ruler"
Phrase = tuple[tuple[str, ...], str, str | None]  # (token texts, label, id)


class PhraseRuler:
    """Entities from phrase patterns matched on token ``LOWER`` or ``ORTH`` values."""

    def __init__(self, nlp: Language, name: str, attr: str = "LOWER") -> None:
        if attr not in ("LOWER", "ORTH"):
            raise ValueError(f"PhraseRuler matches LOWER or ORTH, not {attr}")
        self.name = name
        self.attr = attr
        self._phrases: dict[tuple[str, ...], tuple[str, str | None]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}

    def set_phrases(self, phrases: Iterable[Phrase]) -> None:
        """Use these (tokens, label, id) phrases; for a repeated token tuple the first listed wins."""
        table: dict[tuple[str, ...], tuple[str, str | None]] = {}
        lengths: dict[str, set[int]] = {}
        for words, label, ent_id in phrases:
            if words and words not in table:
                table[words] = (label, ent_id)
                lengths.setdefault(words[0], set()).add(len(words))
        self._phrases = table
        self._lengths = {w: tuple(sorted(n)) for w, n in lengths.items()}

    def __len__(self) -> int:
        return len(self._phrases)

    def _key(self, token: Token) -> str:
        return token.lower_ if self.attr == "LOWER" else token.text

    def matches(self, doc: Doc) -> list[tuple[int, int, str, str | None]]:
        """(start, end, label, id) of every phrase in ``doc``, longest first, then leftmost."""
        keys = [self._key(t) for t in doc]
        found = []
        for i, key in enumerate(keys):
            for n in self._lengths.get(key, ()):
                hit = self._phrases.get(tuple(keys[i:i + n])) if i + n <= len(keys) else None
                if hit is not None:
                    found.append((i, i + n, *hit))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        return found

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        new: list[Span] = []
        seen: set[int] = set()
        for start, end, label, ent_id in self.matches(doc):
            if any(t.ent_type for t in doc[start:end]):
                continue
            if start in seen or end - 1 in seen:
                continue
            new.append(Span(doc, start, end, label=label, span_id=ent_id) if ent_id is not None
                       else Span(doc, start, end, label=label))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            seen.update(range(start, end))
        doc.ents = entities + new
        return doc


@Language.factory(FACTORY, default_config={"attr": "LOWER"})
def make_phrase_ruler(nlp: Language, name: str, attr: str) -> PhraseRuler:
    return PhraseRuler(nlp, name, attr)


def tokenize_patterns(nlp: Language, patterns: list[dict[str, Any]], attr: str) -> list[Phrase]:
    """``(tokens, label, id)`` of each ``{"label", "pattern", "id"}`` pattern, tokenised as the ruler's
    documents are (the tokenizer alone), in ``attr`` form."""
    texts = [p["pattern"] for p in patterns]
    out: list[Phrase] = []
    for p, doc in zip(patterns, nlp.tokenizer.pipe(texts), strict=True):
        words = tuple(t.lower_ if attr == "LOWER" else t.text for t in doc)
        out.append((words, p["label"], p.get("id")))
    return out


def phrases_key(nlp: Language, patterns: list[list[dict[str, Any]]] | None = None, *,
                source_key: str | None = None) -> str:
    """What the tokenised phrases depend on: the patterns and the model (name, version, spaCy version).

    ``source_key`` (the knowledge base's own cache key: its files and builder code) stands for the
    patterns, so a start need not make the 19,000 patterns only to find the cached phrases; this module's
    source is then part of the key too (it tokenises them)."""
    from spacy import __version__ as spacy_version

    meta = nlp.meta
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((meta.get("lang"), meta.get("name"), meta.get("version"), spacy_version)).encode())
    if source_key is not None:
        digest.update(f"kb:{source_key}\n".encode())
        digest.update(Path(__file__).read_bytes())
        return digest.hexdigest()
    for group in patterns or ():
        for p in group:
            digest.update(f"{p['label']}\0{p['pattern']}\0{p.get('id')}\n".encode())
    return digest.hexdigest()
