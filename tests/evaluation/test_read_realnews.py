"""The real-news reader: on an invented miniature set, and on the committed set in eval/realnews."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from petrel.config import Settings
from petrel.evaluation.readers import check_realnews, read_realnews
from petrel.evaluation.records import RealnewsActor, RealnewsPlace

REPO_SET = Path(__file__).resolve().parents[2] / "eval" / "realnews"
TEXT = "Zorland's army shelled the Vexan town of Kira on Monday. Vexa protested."


def write_set(folder: Path, events: list[dict], articles: list[dict] | None = None) -> Path:
    articles = articles or [{"id": "a1", "title": "Shelling", "outlet": "Desk", "published": "2024-05-04",
                             "url": None, "licence": "MIT", "split": "dev", "text": TEXT}]
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (folder / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return folder


def event(**kw) -> dict:
    base = {"article_id": "a1", "type": "ASSAULT", "mode": "heavy-weapons", "status": "actual",
            "sentence": "Zorland's army shelled the Vexan town of Kira on Monday.",
            "source": {"text": "Zorland's army", "country": "ZZZ", "sector": ["MIL"]},
            "target": {"text": "the Vexan town of Kira", "country": "VVV", "sector": ["CVL"]},
            "date": "2024-04-29", "place": {"name": "Kira", "country": "VVV", "admin1": "Kira Province"}}
    base.update(kw)
    return base


def test_reads_typed_records(tmp_path):
    folder = write_set(tmp_path, [event(), event(type="PROTEST", sentence="Vexa protested.", target=None,
                                                 place=None, date=None, mode=None)])
    articles, events = read_realnews(folder)
    assert [a.article_id for a in articles] == ["a1"] and articles[0].split == "dev"
    first, second = events
    assert first.source == RealnewsActor("Zorland's army", "ZZZ", ("MIL",))
    assert first.place == RealnewsPlace("Kira", "VVV", "Kira Province") and first.mode == "heavy-weapons"
    assert second.target is None and second.place is None and second.date is None
    assert check_realnews(folder) == []


@pytest.mark.parametrize(("bad", "problem"), [
    ({"type": "SHELL", "mode": None}, "not a PLOVER type"),
    ({"status": "rumoured"}, "status"),
    ({"mode": "phone"}, "not a PLOVER mode of ASSAULT"),
    ({"sentence": "Zorland's army shelled Kira."}, "sentence not in the article text"),
    ({"date": "29 April"}, "date"),
    ({"source": {"text": "x", "country": "Zorland", "sector": []}}, "ISO alpha-3"),
    ({"article_id": "a9"}, "unknown article"),
])
def test_a_bad_event_is_reported_and_left_out(tmp_path, bad, problem):
    folder = write_set(tmp_path, [event(), event(**bad)])
    _, events = read_realnews(folder)
    assert len(events) == 1
    problems = check_realnews(folder)
    assert len(problems) == 1 and problem in problems[0] and problems[0].startswith("event line 2")


def test_article_problems(tmp_path):
    article = {"id": "a1", "title": "t", "published": "May 4", "licence": "MIT", "split": "train", "text": TEXT}
    problems = check_realnews(write_set(tmp_path, [], [article, dict(article)]))
    assert any("duplicate id" in p for p in problems)
    assert any("is not dev or test" in p for p in problems)
    assert any("not an ISO date" in p for p in problems)


def test_settings_point_at_the_committed_set():
    assert Settings().realnews_dir == Path("eval/realnews")


def test_committed_set_is_sound():
    assert check_realnews(REPO_SET) == []
    articles, events = read_realnews(REPO_SET)
    assert len(articles) >= 30
    splits = Counter(a.split for a in articles)
    assert abs(splits["dev"] - splits["test"]) <= 2
    with_events = {e.article_id for e in events}
    assert all(a.article_id in with_events for a in articles), "every article has gold events"
    assert all(a.licence for a in articles)
