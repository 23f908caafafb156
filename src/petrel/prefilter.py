"""Parse only what can hold an event: a pre-filter in front of the full spaCy parse.

Every article is tokenised (spaCy's tokenizer alone) and cut into sentences by a rule splitter (sentence-final
punctuation and line breaks), without the parser. A sentence is *kept* when one of the event lexicon's
patterns could match in it, judged on its words alone: the pattern's head lemma appears in some inflected form
("attacked", "struck", "talks") and so does every word the pattern requires beside it (its particle or
preposition, a listed object or complement: "hold" only with a meeting noun, "call on" only with "on"), or
when it holds an obligation modal ("must", "should", "has to": the speech-obligation rule codes those
without a lexicon trigger). The first ``lead`` sentences are always kept (the lede names the places and actors
the rest of the article leans on). The event model, when there is one, then reads the sentences the words
would skip (raw text, no parse needed) and keeps those it gives a non-negligible event probability: the
events it proposes alone sit in sentences without a lexicon word.

Runs of kept sentences are parsed with the whole pipeline (tagger, parser, lemmatizer, rulers, NER) as one
piece each; runs of skipped sentences get only what the stages need from every sentence: their entities (the
knowledge base's rulers and the statistical NER), for the actor mentions and for the later sentences that
refer back to them. No tags, no dependencies, no lemmas. The pieces are joined back into one ``Doc`` over
the article's exact text, so every character offset is the same as with a full parse, and ``doc.sents``
gives the parsed sentences plus the skipped ones. A skipped sentence codes no event: no token has a part of
speech for a trigger, and the event model stage does not read it (:attr:`petrel.state.DocState.parsed`).

What can be lost: an event in a sentence without a lexicon word that the model scores below the threshold,
and quotes, dates and descriptions that only a parse finds in skipped sentences. ``Settings.prefilter =
False`` (``petrel ingest --full-parse``) parses everything; docs/benchmarks.md has the measured speed and recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from petrel.coding.lexicon import ANY, Lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from petrel.model.classifier import EventClassifier

__all__ = ["FilterStats", "PreFilter", "TriggerWords", "inflections", "sentence_bounds"]

SENT_END = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
WORD = re.compile(r"[a-z]+")
OBLIGATION = re.compile(r"\b(?:must|should|ought|(?:has|have|had|need|needs|needed) to)\b")
MONTH = re.compile(r"(?<=\S )March\b")  # the month (a proper noun, never a trigger), not the protest
NONE_LABEL = "NONE"  # the event model's "no political event" label
PARSED_EXT = "petrel_parsed"  # Doc extension: (start_char, end_char) of the parsed pieces, or None (all parsed)


def inflections(word: str) -> set[str]:
    """Regular English forms of a lemma, generously (a form that is not a word costs nothing):
    "attack" -> attacks, attacked, attacking; "seize" -> seizing; "ally" -> allies, allied; "stop" -> stopped."""
    w = word.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + w[-1:] + "ed", w + w[-1:] + "ing"}
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    return forms


@dataclass(frozen=True, slots=True)
class _Need:
    """What one lexicon pattern needs to find among a sentence's words: one word of each group."""

    groups: tuple[frozenset[str], ...]


@dataclass(slots=True)
class TriggerWords:
    """The lexicon's patterns as word requirements, indexed by every surface form of their heads."""

    by_form: dict[str, list[_Need]] = field(default_factory=dict)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon, irregular: dict[str, set[str]] | None = None) -> TriggerWords:
        """``irregular`` maps a lemma to its irregular forms ("strike" -> struck, stricken), e.g. from
        :func:`irregular_forms`."""
        irregular = irregular or {}

        def forms(words: Iterable[str]) -> frozenset[str]:
            out: set[str] = set()
            for w in words:
                for part in w.lower().split():
                    out |= inflections(part) | irregular.get(part, set())
            return frozenset(out)

        index = cls()
        seen: set[str] = set()
        for pats in lexicon.patterns.values():
            for pat in pats:
                if pat.entry_id in seen:
                    continue
                seen.add(pat.entry_id)
                groups: list[frozenset[str]] = []
                for words in (pat.objects, pat.comp):
                    if words and words != ANY:
                        groups.append(forms(words))
                for prep, objs in pat.preps:
                    groups += [frozenset({p}) for p in prep.lower().split()]
                    if objs and objs != ANY:
                        groups.append(forms(objs))
                need = _Need(tuple(groups))
                for form in forms(pat.heads):
                    index.by_form.setdefault(form, []).append(need)
        return index

    def can_hold_event(self, words: set[str]) -> bool:
        """Whether some pattern finds its head and every word it requires among ``words`` (lower case)."""
        for w in words:
            for need in self.by_form.get(w, ()):
                if all(not words.isdisjoint(g) for g in need.groups):
                    return True
        return False


def irregular_forms(nlp: Language) -> dict[str, set[str]]:
    """lemma -> irregular forms, from the exception tables of the pipeline's rule lemmatizer (empty without)."""
    out: dict[str, set[str]] = {}
    if "lemmatizer" not in nlp.pipe_names:
        return out
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return out
    table = lookups.get_table("lemma_exc")
    for pos in ("verb", "noun", "adj"):
        if pos not in table:
            continue
        for form, lemmas in table[pos].items():
            for lemma in lemmas:
                out.setdefault(lemma, set()).add(form)
    return out


def sentence_bounds(doc: Doc) -> list[int]:
    """Token indices where a sentence starts, by rule, without the parser: after a line break, and after
    sentence-final punctuation (with any closing quotes or brackets after it) followed by a space and a word
    that does not start in lower case. Always 0 first; a space token stays with the sentence before it."""
    if not len(doc):
        return []
    starts = [0]
    ended = pending = False
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text in SENT_END:
            ended = True
        elif not (ended and (prev.text in CLOSERS or prev.is_space)):
            ended = False
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            pending = True
        elif ended and (prev.whitespace_ or prev.is_space) and not tok.is_space and not tok.text[:1].islower():
            pending = True
        if pending and not tok.is_space:
            starts.append(tok.i)
            pending = ended = False
    return starts


@dataclass(slots=True)
class FilterStats:
    """Running counts of what the pre-filter saw and kept."""

    documents: int = 0
    sentences: int = 0
    kept: int = 0
    by_model: int = 0  # kept because the event model gave them an event probability, not for their words
    words: int = 0
    kept_words: int = 0

    @property
    def share_kept(self) -> float:
        return self.kept / self.sentences if self.sentences else 1.0


Sentence = tuple[int, int, bool]  # (start token, end token, kept)


def _piece(doc: Doc, start: int, end: int) -> Doc:
    """Tokens ``start:end`` of ``doc`` as a ``Doc`` of their own; the tokenised document itself when that is
    all of it (a fully kept article is parsed as it was tokenised, not copied first)."""
    return doc if start == 0 and end == len(doc) else doc[start:end].as_doc()


class PreFilter:
    """Tokenise, split, keep the sentences that can hold an event, parse only those (see the module docstring).

    ``classifier`` (the event model, optional) reads the sentences the words would skip, and keeps those to
    which it gives at least ``min_event_probability`` of holding an event (1 - P(NONE)): its own proposals
    live in sentences without a lexicon word."""

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None, *, lead: int = 2,
                 classifier: EventClassifier | None = None, min_event_probability: float = 0.2) -> None:
        from spacy.tokens import Doc

        from petrel.nlp import RULER_NAMES

        if not Doc.has_extension(PARSED_EXT):
            Doc.set_extension(PARSED_EXT, default=None)
        self.nlp = nlp
        self.words = TriggerWords.from_lexicon(lexicon or Lexicon.load(), irregular_forms(nlp))
        self.lead = lead
        self.classifier = classifier
        self.min_event_probability = min_event_probability
        self.stats = FilterStats()
        # skipped sentences still get their entities (the knowledge base's rulers and the statistical NER):
        # the actors stage lists their mentions, and later sentences refer back to them ("the group")
        wanted = {"ner", *RULER_NAMES}
        if "tok2vec" in nlp.pipe_names and wanted & set(getattr(nlp.get_pipe("tok2vec"), "listening_components", ())):
            wanted.add("tok2vec")
        self.skip_disable = [name for name in nlp.pipe_names if name not in wanted]

    def keep(self, text: str) -> bool:
        """Whether a sentence's words can hold an event."""
        lower = MONTH.sub(" ", text).lower()
        return self.words.can_hold_event(set(WORD.findall(lower))) or OBLIGATION.search(lower) is not None

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        """One ``Doc`` per text, in order, like ``nlp.pipe``: kept sentences parsed, the rest tokens and
        entities only."""
        docs = [self.nlp.make_doc(t) for t in texts]
        plans = [self._sentences(doc) for doc in docs]
        self._ask_model(docs, plans)
        runs = [self._runs(plan) or [(0, 0, True)] for plan in plans]  # an empty text is parsed as it is
        self._count(docs, plans)
        kept = [_piece(doc, a, b) for doc, rs in zip(docs, runs, strict=True) for a, b, k in rs if k]
        skipped = [doc[a:b].as_doc() for doc, rs in zip(docs, runs, strict=True) for a, b, k in rs if not k]
        parsed = iter(self.nlp.pipe(kept, batch_size=batch_size))
        light = iter(self.nlp.pipe(skipped, batch_size=batch_size, disable=self.skip_disable))
        for doc, rs in zip(docs, runs, strict=True):
            yield self._join(doc, rs, parsed, light)

    def _sentences(self, doc: Doc) -> list[Sentence]:
        """The document's sentences; a blank one (only spaces) goes with what precedes it."""
        starts = sentence_bounds(doc)
        out: list[Sentence] = []
        n = 0
        for start, end in zip(starts, starts[1:] + [len(doc)] if starts else [], strict=True):
            span = doc[start:end]
            if all(t.is_space for t in span) and out:
                out[-1] = (out[-1][0], end, out[-1][2])
                continue
            out.append((start, end, n < self.lead or self.keep(span.text)))
            n += 1
        return out

    def _ask_model(self, docs: list[Doc], plans: list[list[Sentence]]) -> None:
        """Keep the skipped sentences the event model gives a non-negligible event probability (one call)."""
        if self.classifier is None:
            return
        asked = [(i, j) for i, plan in enumerate(plans) for j, (_, _, kept) in enumerate(plan) if not kept]
        if not asked:
            return
        texts = [docs[i][plans[i][j][0]:plans[i][j][1]].text for i, j in asked]
        for (i, j), pred in zip(asked, self.classifier.predict(texts), strict=True):
            if 1.0 - pred.prob(NONE_LABEL) >= self.min_event_probability:
                start, end, _ = plans[i][j]
                plans[i][j] = (start, end, True)
                self.stats.by_model += 1

    @staticmethod
    def _runs(plan: list[Sentence]) -> list[Sentence]:
        runs: list[Sentence] = []
        for start, end, kept in plan:
            if runs and runs[-1][2] == kept:
                runs[-1] = (runs[-1][0], end, kept)
            else:
                runs.append((start, end, kept))
        return runs

    def _count(self, docs: list[Doc], plans: list[list[Sentence]]) -> None:
        for doc, plan in zip(docs, plans, strict=True):
            self.stats.documents += 1
            for start, end, kept in plan:
                words = sum(1 for t in doc[start:end] if not (t.is_space or t.is_punct))
                self.stats.sentences += 1
                self.stats.kept += kept
                self.stats.words += words
                self.stats.kept_words += words * kept

    @staticmethod
    def _concatenate(doc: Doc, pieces: list[Doc]) -> Doc:
        """The pieces' annotations written into ``doc``, the tokenised article they were cut from.

        What ``Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])`` gives (the
        same attributes, from the same arrays: tested), without building a second ``Doc`` word by word from
        the pieces' texts: that rebuild was most of the join's cost. Pieces with span groups (no petrel
        component makes any) go through ``from_docs``, which carries them.
        """
        from spacy.tokens import Doc as SpacyDoc

        if any(piece.spans for piece in pieces):
            return SpacyDoc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
        attrs = list(SpacyDoc._get_array_attrs())  # what from_docs copies
        return doc.from_array(attrs, np.concatenate([piece.to_array(attrs) for piece in pieces]))

    def _join(self, doc: Doc, runs: list[Sentence], parsed: Iterator[Doc], light: Iterator[Doc]) -> Doc:
        """The article's ``Doc`` from its pieces, with the rule splitter's sentences in the skipped ones."""
        from spacy.attrs import SENT_START

        if all(kept for _, _, kept in runs):
            out = next(parsed)
            out._.set(PARSED_EXT, None)
            return out
        pieces = [next(parsed) if kept else next(light) for _, _, kept in runs]
        bounds = set(sentence_bounds(doc))
        out = self._concatenate(doc, pieces)
        starts = out.to_array([SENT_START]).astype(np.int64)
        for start, end, kept in runs:
            if not kept:
                starts[start:end] = [1 if i in bounds else -1 for i in range(start, end)]
        out.from_array([SENT_START], starts.astype(np.uint64))
        out._.set(PARSED_EXT, tuple((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e, kept in runs if kept))
        return out
