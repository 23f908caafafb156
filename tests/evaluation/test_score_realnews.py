"""The real-news scorer on invented gold and predictions (pure functions; no pipeline)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petrel.evaluation.records import RealnewsActor, RealnewsArticle, RealnewsEvent, RealnewsPlace
from petrel.evaluation.scorers.realnews import (
    RealnewsPrediction,
    admin1_key,
    day_agrees,
    locate,
    match_article,
    score_realnews,
    side_agrees,
    tuple_agrees,
)

S1 = "Zorland's army shelled the Vexan border post of Kira on Monday, officials said."
S2 = "The Vexan government demanded that Zorland withdraw its troops."
TEXT = f"KIRA, Vexa, May 4 (Desk) - {S1}\n\n{S2}"
ARMY = RealnewsActor("Zorland's army", "ZZZ", ("MIL",))
POST = RealnewsActor("the Vexan border post", "VVV", ("MIL",))
VEXA = RealnewsActor("The Vexan government", "VVV", ("GOV",))
ZOR = RealnewsActor("Zorland", "ZZZ", ("GOV",))


def gold(type_: str, sentence: str, source: RealnewsActor, target: RealnewsActor | None, *, article: str = "a1",
         status: str = "actual", date: str | None = None, place: RealnewsPlace | None = None) -> RealnewsEvent:
    return RealnewsEvent(article, type_, status, sentence, source, target, date=date, place=place)


def span(sentence: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def pred(type_: str, sentence: str, *, src: str | None = "ZZZ", src_sec: tuple[str, ...] = ("MIL",),
         tgt: str | None = "VVV", tgt_sec: tuple[str, ...] = ("MIL",), conf: float = 0.5, **kw) -> RealnewsPrediction:
    start, end = span(sentence)
    return RealnewsPrediction(type=type_, status=kw.pop("status", "actual"), start=start, end=end, sentence=sentence,
                              source_country=src, source_sectors=src_sec, has_target=tgt is not None,
                              target_country=tgt, target_sectors=tgt_sec if tgt else (), confidence=conf, **kw)


def article(aid: str = "a1", split: str = "dev", text: str = TEXT) -> RealnewsArticle:
    return RealnewsArticle(aid, "t", "desk", "2024-05-04", None, "MIT", split, text)


def test_locate_flexible_whitespace_and_dateline():
    assert locate(S2, TEXT) == span(S2)
    assert locate("The  Vexan\ngovernment demanded that Zorland withdraw its troops.", TEXT) == span(S2)
    cleaned = TEXT.split(" - ", 1)[1]  # the clean stage moved the dateline out
    assert locate(f"KIRA, Vexa, May 4 (Desk) - {S1}", cleaned) == span(S1, cleaned)
    assert locate("Nothing of this is there.", TEXT) is None


def test_match_needs_same_type_and_overlapping_sentence():
    g = [gold("ASSAULT", S1, ARMY, POST), gold("REQUEST", S2, VEXA, ZOR)]
    wrong_type = pred("COERCE", S1)
    wrong_sentence = pred("ASSAULT", S2)
    right = pred("ASSAULT", S1)
    matches = match_article(g, [wrong_type, wrong_sentence, right], TEXT)
    assert [(m.gold.type, m.predicted) for m in matches] == [("ASSAULT", right)]


def test_match_is_one_to_one_and_greedy_by_confidence():
    g = [gold("ASSAULT", S1, ARMY, POST)]
    low, high = pred("ASSAULT", S1, conf=0.4, src="QQQ"), pred("ASSAULT", S1, conf=0.9)
    matches = match_article(g, [low, high], TEXT)
    assert len(matches) == 1 and matches[0].predicted is high


@pytest.mark.parametrize(("gold_side", "country", "sectors", "present", "ok"), [
    (ARMY, "ZZZ", ("MIL",), True, True),
    (ARMY, "ZZZ", ("GOV", "MIL"), True, True),  # one shared sector is enough
    (ARMY, "ZZZ", ("GOV",), True, False),
    (ARMY, "QQQ", ("MIL",), True, False),
    (ARMY, None, (), False, False),  # gold has a side, prediction none
    (None, None, (), False, True),  # both absent
    (None, "ZZZ", (), True, False),  # a side the gold does not have
    (RealnewsActor("gunmen", None), None, (), True, True),  # unknown matches unknown
    (RealnewsActor("the UN", None, ("IGO",)), "IGO", ("IGO",), True, True),  # petrel's IGO pseudo-country
    (ZOR, "ZZZ", (), True, True),  # a bare country is its state
    (ARMY, "ZZZ", (), True, False),  # ... but not its army
    (RealnewsActor("Zorland", "ZZZ"), "ZZZ", ("REB",), True, True),  # no gold sector: any
])
def test_side_agreement(gold_side, country, sectors, present, ok):
    assert side_agrees(gold_side, country, sectors, present) is ok


def test_full_tuple_needs_status_and_both_sides():
    g = gold("ASSAULT", S1, ARMY, POST)
    (m,) = match_article([g], [pred("ASSAULT", S1)], TEXT)
    assert tuple_agrees(m)
    (m,) = match_article([g], [pred("ASSAULT", S1, status="claimed")], TEXT)
    assert not tuple_agrees(m)
    (m,) = match_article([g], [pred("ASSAULT", S1, tgt=None)], TEXT)
    assert not tuple_agrees(m)


@pytest.mark.parametrize(("gold_day", "predicted", "ok"), [
    ("2024-05-02", "2024-05-02", True), ("2024-05-02", "2024-05-03", False), ("2024-05", "2024-05-19", True),
    ("2024", "2024-01-01", True), ("2024-05-02", "2024-05", False), ("2024-05-02", None, False),
])
def test_day_at_gold_precision(gold_day, predicted, ok):
    assert day_agrees(gold_day, predicted) is ok


@pytest.mark.parametrize(("a", "b"), [
    ("North-Kivu Province", "North Kivu"), ("Idlib Governorate", "idlib"), ("Kaduna State", "Kaduna"),
    ("Ninawa", "Nīnawá"), ("Nairobi Area", "Nairobi"),
])
def test_admin1_names_compare_loosely(a, b):
    assert admin1_key(a) == admin1_key(b)
    assert admin1_key(a) != admin1_key("Kherson Oblast")


@given(st.text(max_size=40))
def test_admin1_key_is_idempotent(name):
    assert admin1_key(admin1_key(name)) == admin1_key(name)


def test_scores_per_half_and_all():
    kira = RealnewsPlace("Kira", "VVV", "Kira Province")
    text_b = "Zorland's army fired on protesters. Vexa condemned the killings."
    arts = [article("a1", "dev"), article("a2", "test", text_b)]
    g = [gold("ASSAULT", S1, ARMY, POST, date="2024-04-29", place=kira),
         gold("REQUEST", S2, VEXA, ZOR),
         gold("ASSAULT", "Zorland's army fired on protesters.", ARMY, RealnewsActor("protesters", "VVV", ("CVL",)),
              article="a2"),
         gold("ACCUSE", "Vexa condemned the killings.", VEXA, ARMY, article="a2")]
    p1 = pred("ASSAULT", S1, date="2024-04-29", place_country="VVV", admin1="Kira")
    p2 = pred("REQUEST", S2, src="VVV", src_sec=("GOV",), tgt=None)  # target missing
    p3 = pred("PROTEST", S2, src="VVV", src_sec=("CVL",), tgt=None)  # spurious
    b = RealnewsPrediction("ASSAULT", "actual", 0, 35, "Zorland's army fired on protesters.", "ZZZ", ("MIL",),
                           True, "VVV", ("CVL",))
    result = score_realnews(arts, g, {"a1": [p1, p2, p3], "a2": [b]}, {"a1": TEXT, "a2": text_b})
    values = {m.name: (m.value, m.n) for m in result.metrics}
    assert values["realnews.dev.event_recall"] == (1.0, 2)
    assert values["realnews.dev.event_precision"] == (pytest.approx(2 / 3), 3)
    assert values["realnews.dev.tuple_precision"] == (pytest.approx(1 / 3), 3)
    assert values["realnews.dev.target_filled"] == (0.5, 2)
    assert values["realnews.dev.place_country"] == (1.0, 1)
    assert values["realnews.dev.admin1"] == (1.0, 1)
    assert values["realnews.dev.day"] == (1.0, 1)
    assert values["realnews.test.event_recall"] == (0.5, 2)
    assert values["realnews.test.tuple_recall"] == (0.5, 2)
    assert values["realnews.test.admin1"] == (None, 0)
    assert values["realnews.all.event_recall"] == (0.75, 4)
    assert values["realnews.all.tuple_recall"] == (0.5, 4)
    assert values["realnews.all.source_right"] == (1.0, 3)
    # each half is pinned like a test set; "all" (their sum) is for information
    assert {m.name.split(".")[1] for m in result.metrics if m.gated} == {"dev", "test"}
    assert not any(m.gated for m in result.metrics if m.name.startswith("realnews.all."))
    kinds = sorted(m.kind for m in result.misses)
    assert kinds == ["miss", "spurious", "wrong"]
