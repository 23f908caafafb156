"""The realnews runner: articles ingested with their metadata, coded in one batch, scored per half."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from petrel.config import Settings
from petrel.evaluation import run_scorecard
from petrel.models import Article, ProcessedDocument

from .test_scorecard import ScriptedPipeline


class RecordingPipeline(ScriptedPipeline):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[Article] = []

    def process_articles(self, articles: Iterable[Article]) -> Iterator[ProcessedDocument]:
        articles = list(articles)
        self.seen += articles
        return super().process_articles(articles)


def _write(tmp_path: Path) -> Path:
    folder = tmp_path / "realnews"
    folder.mkdir()
    texts = {"d1": "KIRA, Vexo, May 4 (Desk) - Zorland attacked Vexo on Monday.", "t1": "Quen praised Vexo."}
    articles = [{"id": aid, "title": f"title {aid}", "outlet": "Desk", "published": "2024-05-04", "url": None,
                 "licence": "MIT", "split": split, "text": texts[aid]} for aid, split in (("d1", "dev"), ("t1", "test"))]
    events = [{"article_id": "d1", "type": "ASSAULT", "mode": None, "status": "actual", "sentence": texts["d1"],
               "source": {"text": "Zorland", "country": "ZZZ", "sector": []},
               "target": {"text": "Vexo", "country": "VVV", "sector": []}, "date": "2024-04-29", "place": None},
              {"article_id": "t1", "type": "SUPPORT", "mode": None, "status": "actual",
               "sentence": texts["t1"], "source": {"text": "Quen", "country": "QQQ", "sector": []},
               "target": {"text": "Vexo", "country": "VVV", "sector": []}, "date": None, "place": None},
              {"article_id": "t1", "type": "AID", "mode": None, "status": "actual", "sentence": texts["t1"],
               "source": {"text": "Quen", "country": "QQQ", "sector": []}, "target": None, "date": None,
               "place": None}]
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (folder / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    (tmp_path / "eval").mkdir()
    return folder


def test_realnews_runner(tmp_path: Path):
    folder = _write(tmp_path)
    pipe = RecordingPipeline()
    card = run_scorecard(Settings(eval_dir=tmp_path / "eval", realnews_dir=folder), sets=["realnews"], pipeline=pipe)
    assert card.sets == ["realnews"]
    assert pipe.batches == [2]
    seen = {a.doc_id: a for a in pipe.seen}
    assert seen["d1"].outlet == "Desk" and seen["d1"].published is not None and seen["d1"].title == "title d1"
    assert "KIRA" not in seen["d1"].text  # the dateline went through the clean stage
    got = {m.name: (m.value, m.n) for m in card.metrics}
    assert got["realnews.dev.event_recall"] == (1.0, 1)
    assert got["realnews.dev.tuple_precision"] == (1.0, 1)
    assert got["realnews.test.event_recall"] == (0.5, 2)
    assert got["realnews.all.event_recall"] == (2 / 3, 3)


def test_realnews_dev_half_shows_nothing_of_the_test_half(tmp_path: Path):
    folder = _write(tmp_path)
    pipe = RecordingPipeline()
    card = run_scorecard(Settings(eval_dir=tmp_path / "eval", realnews_dir=folder), sets=["realnews"],
                         pipeline=pipe, realnews_split="dev")
    assert [a.doc_id for a in pipe.seen] == ["d1"]
    got = {m.name: m.n for m in card.metrics}
    assert got["realnews.dev.event_recall"] == 1 and got["realnews.test.event_recall"] == 0
    assert all(m.item == "d1" for r in card.results for m in r.misses)


def test_realnews_missing_folder_is_skipped(tmp_path: Path):
    (tmp_path / "eval").mkdir()
    settings = Settings(eval_dir=tmp_path / "eval", realnews_dir=tmp_path / "nowhere")
    card = run_scorecard(settings, sets=["realnews"], pipeline=RecordingPipeline())
    assert card.sets == [] and card.results[0].skipped.startswith("data missing")
