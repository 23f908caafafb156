"""PLOVER GSR scores: top event type accuracy and macro-F1, source and target country accuracy.

Per sentence petrel's *top* event is its most confident one (the first of equals); a sentence with no
event predicts the label ``NONE``, which is always wrong. Macro-F1 averages per-type F1 over the types
the gold uses. Country accuracy is counted over the records whose gold side has a code (a reciprocal
record lists both parties as sources and has no target): the top event's country must be one of the
gold side's codes, compared as written (ISO alpha-3, ``IGO``, ``NGO``, ...), except that ``IGO`` and
``NGO`` are one class: the GSR writes ``IGO`` for Amnesty International and the Red Cross and ``NGO``
for the Association of African Jurists, while petrel keeps CAMEO's line (``IGO`` for organisations of
states, ``NGO`` for the rest). Both say "an international body, no country".

The pair figures ask what a blind test of marked pairs asks: over the records whose gold names both a source
and a target country, is there an event going from that source to that target (``pair_found``), and is the
most confident such event of the gold type (``pair_type_accuracy``; no event for the pair counts as wrong)?
Countries stand in for the parties, so a pair of two parties of one country is found by any event within it.
"""

from __future__ import annotations

from collections.abc import Sequence

from petrel.evaluation.metrics import accuracy, macro_f1, ratio
from petrel.evaluation.predict import PredictedEvent, top_event
from petrel.evaluation.records import Metric, Miss, PloverRecord, SetResult

NO_EVENT = "NONE"
SET = "plover"
INTERNATIONAL = frozenset({"IGO", "NGO"})


def score_plover(records: Sequence[PloverRecord], predictions: Sequence[Sequence[PredictedEvent]]) -> SetResult:
    """Metrics over aligned lists: ``predictions[i]`` are the events petrel coded from ``records[i]``."""
    tops = [top_event(events) for events in predictions]
    gold = [r.type for r in records]
    labels = [t.type if t else NO_EVENT for t in tops]
    any_hit = [r.type in {e.type for e in events} for r, events in zip(records, predictions, strict=True)]
    src = _country_hits(records, tops, "source")
    tgt = _country_hits(records, tops, "target")
    metrics = [
        Metric(f"{SET}.type_accuracy", accuracy(gold, labels), len(gold), "top event type = gold type"),
        Metric(f"{SET}.type_macro_f1", macro_f1(gold, labels), len(gold), "macro-F1 of top type over gold types"),
        Metric(f"{SET}.type_any", ratio(sum(any_hit), len(gold)), len(gold), "some event has the gold type"),
        Metric(f"{SET}.source_country_accuracy", ratio(sum(src), len(src)), len(src), "top source country in gold"),
        Metric(f"{SET}.target_country_accuracy", ratio(sum(tgt), len(tgt)), len(tgt), "top target country in gold"),
        *_pair_metrics(records, predictions),
        Metric(f"{SET}.coverage", ratio(sum(t is not None for t in tops), len(tops)), len(tops),
               "sentences with at least one event", gated=False),
    ]
    return SetResult(SET, metrics, _misses(records, tops))


def _pair_metrics(records: Sequence[PloverRecord], predictions: Sequence[Sequence[PredictedEvent]]) -> list[Metric]:
    found: list[bool] = []
    right: list[bool] = []
    for record, events in zip(records, predictions, strict=True):
        if not (record.source_codes and record.target_codes):
            continue
        pair = top_event([e for e in events if country_matches(e.source_country, record.source_codes)
                          and country_matches(e.target_country, record.target_codes)])
        found.append(pair is not None)
        right.append(pair is not None and pair.type == record.type)
    return [
        Metric(f"{SET}.pair_found", ratio(sum(found), len(found)), len(found),
               "an event goes from the gold source's country to the gold target's"),
        Metric(f"{SET}.pair_type_accuracy", ratio(sum(right), len(right)), len(right),
               "the top event for the gold pair has the gold type (none = wrong)"),
    ]


def _country_hits(records: Sequence[PloverRecord], tops: Sequence[PredictedEvent | None], side: str) -> list[bool]:
    hits: list[bool] = []
    for record, top in zip(records, tops, strict=True):
        codes = record.source_codes if side == "source" else record.target_codes
        if codes:
            country = None if top is None else (top.source_country if side == "source" else top.target_country)
            hits.append(country_matches(country, codes))
    return hits


def country_matches(country: str | None, codes: frozenset[str] | set[str]) -> bool:
    """Is petrel's country one of the gold codes? ``IGO`` and ``NGO`` match each other (see above)."""
    if not country:
        return False
    country = country.upper()
    return country in codes or (country in INTERNATIONAL and bool(INTERNATIONAL & set(codes)))


def _misses(records: Sequence[PloverRecord], tops: Sequence[PredictedEvent | None]) -> list[Miss]:
    out: list[Miss] = []
    for record, top in zip(records, tops, strict=True):
        if not _all_right(record, top):
            gold = (f"{record.type} {'/'.join(sorted(record.source_codes)) or '-'} -> "
                    f"{'/'.join(sorted(record.target_codes)) or '-'}")
            out.append(Miss(SET, record.record_id, record.text, gold, top.describe() if top else NO_EVENT,
                            "miss" if top is None else "wrong", (record.type, top.type if top else NO_EVENT)))
    return out


def _all_right(record: PloverRecord, top: PredictedEvent | None) -> bool:
    if top is None or top.type != record.type:
        return False
    src_ok = not record.source_codes or country_matches(top.source_country, record.source_codes)
    tgt_ok = not record.target_codes or country_matches(top.target_country, record.target_codes)
    return src_ok and tgt_ok
