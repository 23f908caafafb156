"""PETRARCH-2 GSR scores: dyad precision/recall/F1 at CAMEO root and at full code.

A dyad is ``(event code, source country, target country)`` and is compared per sentence as a bag (one
predicted dyad matches at most one gold dyad). Two families of metrics, under two scoring conventions
(``docs/evaluation.md``): the plain names (``petr2.root_dyad_f1``) are **strict**, session 3's conventions,
and are the ones the gate pins; the ``_lenient`` ones (``petr2.root_dyad_f1_lenient``) follow session 4's.
Choices common to both:

- root = the first two digits of the event code; full = the code as written (``0352`` is not ``035``);
- actor country = the first three letters of a CAMEO actor code, so ``IRQGOVMIL`` is ``IRQ``; IGOs and
  non-state groups compare on their prefix like countries (``IGOUNO`` is ``IGO``, ``IMGMUSISI`` is
  ``IMG``, which is what petrel writes as the country of such actors); ``---`` (country unknown) matches
  a petrel actor without a country and nothing else;
- petrel's ``negated`` events are left out (the gold codes only what happened, like PETRARCH);
- an event without a CAMEO code can match nothing, so it only costs precision.

Where they differ (lenient only):

- a missing target is ``---``: PETRARCH writes ``---`` as the target code when it finds no target (the
  file has no empty ``targetcode``), so a petrel event without target matches a gold ``---`` target;
  strictly, a missing target matches nothing;
- petrel's ``claimed`` events are left out: where a speaker claims or alleges an act, the gold codes the
  speech act (the speaker's accusation, 112, which petrel emits too), never the claimed act itself;
  strictly, a claimed event is scored like any other.

Also reported: the event-code root alone (actors ignored) and, on sentences that expect no event, the
share where petrel codes none.
"""

from __future__ import annotations

from collections.abc import Sequence

from petrel.evaluation.metrics import PRF, multiset_prf, ratio
from petrel.evaluation.predict import PredictedEvent
from petrel.evaluation.records import Metric, Miss, PetrSentence, SetResult

SET = "petr2"
UNKNOWN = "---"
NO_TARGET = ""  # strict: a petrel event without target, which no gold target matches
UNSCORED_STATUSES = frozenset({"negated", "claimed"})  # lenient
STRICT_UNSCORED = frozenset({"negated"})
LENIENT = "_lenient"
Dyad = tuple[str, str, str]


def actor_country(code: str | None) -> str:
    """``IRQGOVMIL`` -> ``IRQ``; ``---REB`` -> ``---``; an empty code (no actor) -> ``---`` as well."""
    code = (code or "").strip().upper()
    return code[:3] if code else UNKNOWN


def _predicted_country(country: str | None, present: bool, strict: bool = False) -> str:
    """A petrel actor's country as PETRARCH would write it: ``---`` for no country; for no actor at all,
    ``---`` too (lenient) or nothing a gold code can match (strict)."""
    if not present:
        return NO_TARGET if strict else UNKNOWN
    return country.strip().upper()[:3] if country else UNKNOWN


def dyads(events: Sequence[PredictedEvent], *, level: str, strict: bool = False) -> list[Dyad]:
    """Petrel's dyads at ``level`` ``root`` / ``code`` / ``event`` (root without actors), under the strict
    or the lenient conventions (see the module docstring)."""
    out: list[Dyad] = []
    unscored = STRICT_UNSCORED if strict else UNSCORED_STATUSES
    for e in events:
        if e.status in unscored:
            continue
        code = _code(e.cameo, level)
        if level == "event":
            out.append((code, "", ""))
        else:
            out.append((code, _predicted_country(e.source_country, True),
                        _predicted_country(e.target_country, e.has_target, strict)))
    return out


def gold_dyads(sentence: PetrSentence, *, level: str) -> list[Dyad]:
    if level == "event":
        return [(_code(c.event_code, level), "", "") for c in sentence.codings]
    return [(_code(c.event_code, level), actor_country(c.source_code), actor_country(c.target_code))
            for c in sentence.codings]


def _code(code: str | None, level: str) -> str:
    code = (code or "").strip()
    return code if level == "code" else code[:2]


def score_petr2(sentences: Sequence[PetrSentence], predictions: Sequence[Sequence[PredictedEvent]]) -> SetResult:
    """Both families: strict (gated) first, then lenient (diagnostic)."""
    metrics: list[Metric] = []
    for strict in (True, False):
        for level, label in (("root", "root_dyad"), ("code", "code_dyad"), ("event", "root")):
            total = PRF(0, 0, 0)
            for sent, events in zip(sentences, predictions, strict=True):
                total += multiset_prf(dyads(events, level=level, strict=strict), gold_dyads(sent, level=level))
            metrics += _prf_metrics(label, total, strict)
        quiet = [not dyads(ev, level="event", strict=strict)
                 for s, ev in zip(sentences, predictions, strict=True) if not s.codings]
        metrics.append(Metric(f"{SET}.no_event_specificity{'' if strict else LENIENT}", ratio(sum(quiet), len(quiet)),
                              len(quiet), "no-event sentences left without event" + _family(strict), gated=strict))
    return SetResult(SET, metrics, _misses(sentences, predictions))


def _family(strict: bool) -> str:
    return "" if strict else " (lenient: missing target = ---, claimed unscored)"


def _prf_metrics(label: str, counts: PRF, strict: bool = True) -> list[Metric]:
    what = {"root_dyad": "root+source+target", "code_dyad": "full code+source+target", "root": "code root only"}
    suffix, family = ("" if strict else LENIENT), _family(strict)
    return [
        Metric(f"{SET}.{label}_precision{suffix}", counts.precision, counts.predicted,
               f"{what[label]}, of petrel's{family}", gated=strict),
        Metric(f"{SET}.{label}_recall{suffix}", counts.recall, counts.gold, f"{what[label]}, of the gold{family}",
               gated=strict),
        Metric(f"{SET}.{label}_f1{suffix}", counts.f1, counts.predicted + counts.gold, f"{what[label]}, F1{family}",
               gated=strict),
    ]


def _misses(sentences: Sequence[PetrSentence], predictions: Sequence[Sequence[PredictedEvent]]) -> list[Miss]:
    out: list[Miss] = []
    for sent, events in zip(sentences, predictions, strict=True):
        pred, gold = dyads(events, level="root", strict=True), gold_dyads(sent, level="root")
        if sorted(pred) != sorted(gold):
            shown_gold = "; ".join(f"{c.event_code} {c.source_code}->{c.target_code}" for c in sent.codings)
            shown_pred = "; ".join(e.describe() for e in events if e.status not in STRICT_UNSCORED)
            kind = "spurious" if not gold else ("miss" if not pred else "wrong")
            out.append(Miss(SET, sent.sentence_id, sent.text, shown_gold or "no event", shown_pred or "no event", kind))
    return out
