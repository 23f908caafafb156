"""PETRARCH-2 GSR scores: dyad precision/recall/F1 at CAMEO root and at full code.

A dyad is ``(event code, source country, target country)`` and is compared per sentence as a bag (one
predicted dyad matches at most one gold dyad). Choices, documented in ``docs/evaluation.md``:

- root = the first two digits of the event code; full = the code as written (``0352`` is not ``035``);
- actor country = the first three letters of a CAMEO actor code, so ``IRQGOVMIL`` is ``IRQ``; IGOs and
  non-state groups compare on their prefix like countries (``IGOUNO`` is ``IGO``, ``IMGMUSISI`` is
  ``IMG``, which is what petrel writes as the country of such actors); ``---`` (country unknown) matches
  a petrel actor without a country and nothing else;
- a missing target is ``---`` too: PETRARCH writes ``---`` as the target code when it finds no target (the
  file has no empty ``targetcode``), so a petrel event without target matches a gold ``---`` target;
- petrel's ``negated`` events are left out (the gold codes only what happened, like PETRARCH), and so are its
  ``claimed`` ones: where a speaker claims or alleges an act, the gold codes the speech act (the speaker's
  accusation, 112, which petrel emits too; a claim of one's own act, 015), never the claimed act itself;
- an event without a CAMEO code can match nothing, so it only costs precision.

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
UNSCORED_STATUSES = frozenset({"negated", "claimed"})
Dyad = tuple[str, str, str]


def actor_country(code: str | None) -> str:
    """``IRQGOVMIL`` -> ``IRQ``; ``---REB`` -> ``---``; an empty code (no actor) -> ``---`` as well."""
    code = (code or "").strip().upper()
    return code[:3] if code else UNKNOWN


def _predicted_country(country: str | None, present: bool) -> str:
    """A petrel actor's country as PETRARCH would write it: ``---`` for no actor or no country."""
    return country.strip().upper()[:3] if present and country else UNKNOWN


def dyads(events: Sequence[PredictedEvent], *, level: str) -> list[Dyad]:
    """Petrel's dyads at ``level`` ``root`` / ``code`` / ``event`` (root without actors)."""
    out: list[Dyad] = []
    for e in events:
        if e.status in UNSCORED_STATUSES:
            continue
        code = _code(e.cameo, level)
        if level == "event":
            out.append((code, "", ""))
        else:
            out.append((code, _predicted_country(e.source_country, True),
                        _predicted_country(e.target_country, e.has_target)))
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
    metrics: list[Metric] = []
    for level, label in (("root", "root_dyad"), ("code", "code_dyad"), ("event", "root")):
        total = PRF(0, 0, 0)
        for sent, events in zip(sentences, predictions, strict=True):
            total += multiset_prf(dyads(events, level=level), gold_dyads(sent, level=level))
        metrics += _prf_metrics(label, total)
    quiet = [not dyads(ev, level="event") for s, ev in zip(sentences, predictions, strict=True) if not s.codings]
    metrics.append(Metric(f"{SET}.no_event_specificity", ratio(sum(quiet), len(quiet)), len(quiet),
                          "no-event sentences left without event"))
    return SetResult(SET, metrics, _misses(sentences, predictions))


def _prf_metrics(label: str, counts: PRF) -> list[Metric]:
    what = {"root_dyad": "root+source+target", "code_dyad": "full code+source+target", "root": "code root only"}
    return [
        Metric(f"{SET}.{label}_precision", counts.precision, counts.predicted, f"{what[label]}, of petrel's"),
        Metric(f"{SET}.{label}_recall", counts.recall, counts.gold, f"{what[label]}, of the gold"),
        Metric(f"{SET}.{label}_f1", counts.f1, counts.predicted + counts.gold, f"{what[label]}, F1"),
    ]


def _misses(sentences: Sequence[PetrSentence], predictions: Sequence[Sequence[PredictedEvent]]) -> list[Miss]:
    out: list[Miss] = []
    for sent, events in zip(sentences, predictions, strict=True):
        pred, gold = dyads(events, level="root"), gold_dyads(sent, level="root")
        if sorted(pred) != sorted(gold):
            shown_gold = "; ".join(f"{c.event_code} {c.source_code}->{c.target_code}" for c in sent.codings)
            shown_pred = "; ".join(e.describe() for e in events if e.status not in UNSCORED_STATUSES)
            kind = "spurious" if not gold else ("miss" if not pred else "wrong")
            out.append(Miss(SET, sent.sentence_id, sent.text, shown_gold or "no event", shown_pred or "no event", kind))
    return out
