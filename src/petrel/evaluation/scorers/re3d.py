"""re3d actor spans: does petrel find the people, organisations and nationalities the annotators marked?

Compared per document on character spans, after mapping re3d's offsets onto the text petrel coded (the
clean stage may change whitespace and quotes; the two texts are aligned with ``difflib``):

- gold actor spans: Organisation, Person and Nationality entities with annotator confidence >= 0.5 (a
  span listed under two types counts once);
- recall: gold actor spans that some petrel actor mention overlaps (also per type, as information);
- precision: petrel actor mentions that overlap a span the annotators marked as an Organisation, Person,
  Nationality or Location, at any confidence (petrel reads "Damascus said" as an actor, re3d marks the
  place; a mention on nothing marked is counted wrong);
- context share (information): of the recalled spans, those petrel resolved without its knowledge base
  (context, coreference, country or demonym rules).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from petrel.evaluation.metrics import PRF, ratio
from petrel.evaluation.predict import CodedText, MentionSpan
from petrel.evaluation.records import Metric, Miss, Re3dDocument, Re3dEntity, SetResult

SET = "re3d"
ACTOR_TYPES = ("Organisation", "Person", "Nationality")
MARKED_TYPES = (*ACTOR_TYPES, "Location")
GOLD_CONFIDENCE = 0.5
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    type: str
    value: str


class OffsetMap:
    """Maps offsets in an original text onto a lightly edited copy (matching blocks of ``difflib``)."""

    def __init__(self, original: str, edited: str) -> None:
        matcher = difflib.SequenceMatcher(None, original, edited, autojunk=False)
        self.blocks = [b for b in matcher.get_matching_blocks() if b.size]

    def __call__(self, pos: int) -> int | None:
        for block in self.blocks:
            if block.a <= pos < block.a + block.size:
                return block.b + pos - block.a
        return None

    def span(self, start: int, end: int) -> Span | None:
        a, b = self(start), self(end - 1)
        return (a, b + 1) if a is not None and b is not None and b >= a else None


def gold_actor_spans(doc: Re3dDocument, mapping: OffsetMap) -> list[GoldSpan]:
    """Confident actor entities, one per span, mapped onto the coded text (unmappable ones dropped)."""
    seen: dict[Span, GoldSpan] = {}
    for ent in sorted(doc.entities, key=lambda e: (e.begin, ACTOR_TYPES.index(e.type) if e.type in ACTOR_TYPES else 9)):
        if ent.type in ACTOR_TYPES and ent.confidence >= GOLD_CONFIDENCE:
            span = mapping.span(ent.begin, ent.end)
            if span is not None and span not in seen:
                seen[span] = GoldSpan(span[0], span[1], ent.type, ent.value)
    return list(seen.values())


def marked_spans(entities: Sequence[Re3dEntity], mapping: OffsetMap) -> list[Span]:
    spans = (mapping.span(e.begin, e.end) for e in entities if e.type in MARKED_TYPES)
    return [s for s in spans if s is not None]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(slots=True)
class _Tally:
    recall: PRF = PRF(0, 0, 0)
    precision_tp: int = 0
    predicted: int = 0
    by_type: dict[str, list[int]] | None = None
    without_kb: int = 0


def score_re3d(docs: Sequence[Re3dDocument], coded: Sequence[CodedText]) -> SetResult:
    tally = _Tally(by_type={t: [0, 0] for t in ACTOR_TYPES})
    misses: list[Miss] = []
    for doc, text in zip(docs, coded, strict=True):
        missed, spurious = _score_document(doc, text, tally)
        if missed or spurious:
            misses.append(Miss(SET, doc.doc_id, doc.text[:200], "; ".join(missed) or "-", "; ".join(spurious) or "-",
                               "miss" if missed else "spurious"))
    return SetResult(SET, _metrics(tally), misses)


def _score_document(doc: Re3dDocument, text: CodedText, tally: _Tally) -> tuple[list[str], list[str]]:
    mapping = OffsetMap(doc.text, text.text)
    gold = gold_actor_spans(doc, mapping)
    mentions = [(m.start, m.end) for m in text.mentions]
    missed = []
    for g in gold:
        hit = next((m for m in text.mentions if overlaps((g.start, g.end), (m.start, m.end))), None)
        tally.by_type[g.type][1] += 1
        if hit is None:
            missed.append(g.value)
            continue
        tally.by_type[g.type][0] += 1
        tally.without_kb += _without_kb(hit)
    found = len(gold) - len(missed)
    tally.recall += PRF(found, 0, len(gold))
    marked = marked_spans(doc.entities, mapping)
    wrong = [m for m in mentions if not any(overlaps(m, s) for s in marked)]
    tally.predicted += len(mentions)
    tally.precision_tp += len(mentions) - len(wrong)
    return missed, [text.text[a:b] for a, b in wrong]


def _without_kb(mention: MentionSpan) -> int:
    return int(mention.resolution not in ("kb", "unresolved"))


def _metrics(t: _Tally) -> list[Metric]:
    recall, precision = t.recall.recall, ratio(t.precision_tp, t.predicted)
    f1 = 2 * recall * precision / (recall + precision) if recall and precision else None
    out = [
        Metric(f"{SET}.actor_recall", recall, t.recall.gold, "gold person/organisation/nationality spans found"),
        Metric(f"{SET}.actor_precision", precision, t.predicted, "actor mentions on a marked entity"),
        Metric(f"{SET}.actor_f1", f1, t.recall.gold + t.predicted, "actor spans, F1"),
    ]
    for kind, (hit, total) in (t.by_type or {}).items():
        out.append(Metric(f"{SET}.{kind.lower()}_recall", ratio(hit, total), total,
                          f"{kind} spans found", gated=False))
    out.append(Metric(f"{SET}.context_share", ratio(t.without_kb, t.recall.tp), t.recall.tp,
                      "found spans resolved without the knowledge base", gated=False))
    return out
