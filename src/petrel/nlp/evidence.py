"""From an event's evidence (character offsets) to spaCy tokens, and distances in the parse tree.

Shared by the date and place stages, so it lives with the parser helpers rather than in either stage (a stage
never imports another stage's module): both pick, among the expressions of a sentence, the one whose words
hang closest to the event's trigger in the dependency tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from petrel.models import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Arcs that open a clause or a description of their own: what hangs below one belongs to that clause.
CLAUSE_ARCS = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "csubj", "parataxis", "conj"})
FAR = 99  # distance between tokens with no path (other sentence, missing trigger)


def sentence_of(doc: Doc, evidence: Evidence) -> Span | None:
    """The evidence sentence as a span of ``doc`` (``None`` if its offsets fall outside the doc)."""
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


def trigger_token(doc: Doc, evidence: Evidence, sentence: Span | None) -> Token | None:
    """The syntactic head of the trigger words, found by offset or else by text within the sentence."""
    start = evidence.trigger_start
    if start is None and sentence is not None and evidence.trigger:
        found = doc.text.find(evidence.trigger, sentence.start_char, sentence.end_char)
        start = found if found >= 0 else None
    if start is None:
        return sentence.root if sentence is not None else None
    span = doc.char_span(start, start + max(len(evidence.trigger), 1), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of the same sentence (``FAR`` if unconnected)."""
    if a.doc is not b.doc:
        return FAR
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return FAR


def span_head(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering ``doc.text[start:end]``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def path_arcs(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens climbed from ``a`` to the lowest common ancestor, and those descended to ``b``.

    The first list holds the tokens left on the way up (``a`` and its ancestors below the common
    ancestor); the second those entered on the way down (ending with ``b``), each entered through
    its own ``dep_`` arc. ``None`` when the tokens share no ancestor.
    """
    chain_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(chain_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            down = [b, *b.ancestors][:n]
            return chain_a[: index[t.i]], list(reversed(down))
    return None
