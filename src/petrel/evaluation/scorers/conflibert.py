"""ConfliBERT scores: PentaClass accuracy/macro-F1 and source/target span F1.

PentaClass of petrel's top (most confident) event: from the first two digits of its CAMEO code (01-02 ->
0 statement, 03-05 -> 1 verbal cooperation, 06-08 -> 2 material cooperation, 09-13 -> 3 verbal conflict,
14-20 -> 4 material conflict), else from its PLOVER type (:data:`TYPE_CLASS`). A sentence with no event
predicts class 0, the catch-all "make a statement" class; ``coverage`` (sentences with an event) and the
accuracy over covered sentences are reported beside it.

Spans are scored on tokens: a gold source token is any token labelled ``S`` or ``R`` (reciprocal actors
are on both sides), a gold target token ``T`` or ``R``; a predicted source token is any token that
overlaps the top event's source mention (character offsets), likewise for targets. Precision, recall
and F1 are micro-averaged over all tokens of all sentences; tokens without a letter or digit (punctuation)
are ignored. Gold tokens are aligned onto the coded text by their letters and digits, so tokenisation and
apostrophe differences (``government 's`` / ``governmentʼs``) do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from petrel.evaluation.metrics import PRF, accuracy, macro_f1, ratio
from petrel.evaluation.predict import CodedText, PredictedEvent, Span, top_event
from petrel.evaluation.records import Metric, Miss, PentaSentence, SetResult, SpanSentence

SET = "conflibert"
NO_EVENT_CLASS = 0
ROOT_CLASS: dict[int, int] = {root: (0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
                              for root in range(1, 21)}
#: PentaClass of a PLOVER type, for events without a CAMEO code (the CAMEO roots each type comes from)
TYPE_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4,
}
SIDES = {"source": ("S", "R"), "target": ("T", "R")}


def penta_class(event: PredictedEvent | None) -> int:
    if event is None:
        return NO_EVENT_CLASS
    root = event.cameo[:2] if event.cameo else ""
    if root.isdigit() and int(root) in ROOT_CLASS:
        return ROOT_CLASS[int(root)]
    return TYPE_CLASS.get(event.type, NO_EVENT_CLASS)


def score_pentaclass(sentences: Sequence[PentaSentence], predictions: Sequence[Sequence[PredictedEvent]]) -> SetResult:
    tops = [top_event(events) for events in predictions]
    gold = [s.label for s in sentences]
    pred = [penta_class(t) for t in tops]
    covered = [(g, p) for g, p, t in zip(gold, pred, tops, strict=True) if t is not None]
    metrics = [
        Metric(f"{SET}.penta_accuracy", accuracy(gold, pred), len(gold), "PentaClass of top event (none -> 0)"),
        Metric(f"{SET}.penta_macro_f1", macro_f1(gold, pred), len(gold), "macro-F1 over the five classes"),
        Metric(f"{SET}.coverage", ratio(len(covered), len(gold)), len(gold), "sentences with an event", gated=False),
        Metric(f"{SET}.penta_accuracy_covered", accuracy([g for g, _ in covered], [p for _, p in covered]),
               len(covered), "PentaClass accuracy where petrel coded an event", gated=False),
    ]
    misses = [Miss(SET, str(s.index), s.text, f"class {g}", f"class {p}: {t.describe() if t else 'no event'}",
                   "miss" if t is None else "wrong", (str(g), str(p)))
              for s, g, p, t in zip(sentences, gold, pred, tops, strict=True) if g != p]
    return SetResult(SET, metrics, misses)


def token_key(text: str) -> str:
    """Lower-cased ASCII letters and digits of ``text``: what gold tokens and coded text are aligned on."""
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())


def align_tokens(tokens: Sequence[str], text: str) -> list[Span | None] | None:
    """Character span of each token in ``text`` (None for punctuation), or None if they do not align."""
    positions = [i for i, c in enumerate(text) if c.isascii() and c.isalnum()]
    if token_key("".join(tokens)) != token_key(text):
        return None
    spans: list[Span | None] = []
    cursor = 0
    for token in tokens:
        size = len(token_key(token))
        spans.append((positions[cursor], positions[cursor + size - 1] + 1) if size else None)
        cursor += size
    return spans


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|n't\b|'ll\b|'ve\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenize(tokens: Sequence[str]) -> str:
    """A readable sentence from CoNLL tokens (spaces removed before punctuation and clitics)."""
    text = " ".join(tokens)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def side_prf(sentence: SpanSentence, offsets: Sequence[Span | None] | None, predicted: Span | None,
             side: str) -> PRF:
    """Token counts of one side (``source``/``target``) of one sentence."""
    wanted = SIDES[side]
    roles = sentence.token_roles()
    gold = {i for i, r in enumerate(roles) if r in wanted and (offsets is None or offsets[i] is not None)}
    if offsets is None or predicted is None:
        return PRF(0, 0, len(gold))
    hit = {i for i, span in enumerate(offsets)
           if span is not None and span[0] < predicted[1] and predicted[0] < span[1]}
    return PRF(len(hit & gold), len(hit), len(gold))


def score_spans(sentences: Sequence[SpanSentence], coded: Sequence[CodedText]) -> SetResult:
    """Token-level span P/R/F1 of the top event's source and target (see the module docstring)."""
    totals = {side: PRF(0, 0, 0) for side in SIDES}
    misses: list[Miss] = []
    for sentence, item in zip(sentences, coded, strict=True):
        offsets = align_tokens(sentence.tokens, item.text)
        top = top_event(item.events)
        for side in SIDES:
            span = None if top is None else (top.source_span if side == "source" else top.target_span)
            counts = side_prf(sentence, offsets, span, side)
            totals[side] += counts
            if counts.tp < counts.gold or counts.tp < counts.predicted:
                misses.append(_span_miss(sentence, item.text, span, side))
    metrics = [Metric(f"{SET}.{side}_span_{what}", getattr(counts, what), _n(counts, what), f"{side} tokens, {what}")
               for side, counts in totals.items() for what in ("precision", "recall", "f1")]
    return SetResult(SET, metrics, misses)


def _n(counts: PRF, what: str) -> int:
    return {"precision": counts.predicted, "recall": counts.gold}.get(what, counts.predicted + counts.gold)


def _span_miss(sentence: SpanSentence, text: str, span: Span | None, side: str) -> Miss:
    wanted = SIDES[side]
    gold = " ".join(t for t, r in zip(sentence.tokens, sentence.token_roles(), strict=True) if r in wanted)
    shown = text[span[0]:span[1]] if span else "none"
    return Miss(SET, f"ner-{sentence.index}:{side}", text, gold or "none", shown, "wrong")
