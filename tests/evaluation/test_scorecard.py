"""The scorecard's wiring on an invented miniature eval folder, with a scripted stand-in pipeline (no spaCy)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table

from petrel.config import Settings
from petrel.errors import EvalDataMissing, ProcessingFailed, QueryError
from petrel.evaluation import (
    confusion,
    diagnose,
    format_misses,
    readers,
    render_scorecard,
    run_scorecard,
    scorecard_markdown,
)
from petrel.models import ActorMention, ActorRef, Article, EventMention, Evidence, ProcessedDocument

COUNTRIES = {"Zorland": "ZZZ", "Vexo": "VVV", "Quen": "QQQ"}
VERBS = {"attacked": ("ASSAULT", "190"), "praised": ("SUPPORT", "051")}
CLAUSE = re.compile(r"(\w+) (attacked|praised) (\w+)")


class ScriptedPipeline:
    """Codes "<Country> attacked|praised <Country>" clauses; nothing else."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def process_articles(self, articles: Iterable[Article]) -> Iterator[ProcessedDocument]:
        articles = list(articles)
        self.batches.append(len(articles))
        for article in articles:
            yield self._code(article)

    def _code(self, article: Article) -> ProcessedDocument:
        doc = ProcessedDocument(article)
        for m in CLAUSE.finditer(article.text):
            if m.group(1) not in COUNTRIES or m.group(3) not in COUNTRIES:
                continue
            src = ActorRef(m.group(1), country=COUNTRIES[m.group(1)])
            tgt = ActorRef(m.group(3), country=COUNTRIES[m.group(3)])
            doc.mentions += [ActorMention(article.doc_id, m.start(1), m.end(1), m.group(1), src),
                             ActorMention(article.doc_id, m.start(3), m.end(3), m.group(3), tgt)]
            etype, cameo = VERBS[m.group(2)]
            sent = Evidence(article.doc_id, article.text, 0, len(article.text), m.group(2), m.start(2))
            doc.events.append(EventMention(f"e{len(doc.events)}", article.doc_id, etype, src, tgt, sent, cameo=cameo))
        return doc


def put(root: Path, rel: Path | str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def mini(tmp_path: Path) -> Settings:
    ev = tmp_path / "eval"
    plover = [{"id": "H", "event": "DOCUMENT"},
              {"id": "P1", "event": "FIGHT", "text": "Zorland attacked Vexo.", "source": [{"code": "ZZZ"}],
               "target": [{"code": "VVV"}]},
              {"id": "P2", "event": "DEMAND", "text": "Quen asked Vexo for help.", "source": [{"code": "QQQ"}],
               "target": [{"code": "VVV"}]}]
    put(ev, readers.PLOVER_FILE, json.dumps(plover))
    put(ev, readers.PETR2_FILE, '<Sentences>\n<Sentence id="A" category="T"/>\n'
        '<EventCoding eventcode="193" sourcecode="ZZZGOV" targetcode="VVV" />\n<Text>Zorland attacked Vexo.</Text>\n'
        '<Sentence id="B" category="T"/>\n<EventCoding noevents="True" />\n<Text>Vexo praised Quen.</Text>\n')
    put(ev, readers.PENTA_FILE, "Zorland attacked Vexo.\t4\nQuen slept.\t0\nVexo praised Quen.\t3\n")
    put(ev, readers.SPAN_FILE, "Zorland B-S\nattacked O\nVexo B-T\n. O\n\nThe O\nQuen B-S\nslept O\n")
    gold = [{"id": "G1", "doc": "one", "type": ["ASSAULT"], "source": {"country": "ZZZ"},
             "target": {"country": "VVV"}, "cue": "attacked Vexo", "core": True, "status": "actual"},
            {"id": "G2", "doc": "one", "type": ["AID"], "source": {"country": "QQQ"}, "cue": "Quen gave",
             "core": False}]
    put(ev, readers.SEED_GOLD_FILE, "\n".join(json.dumps(g) for g in gold))
    put(ev, readers.SEED_METADATA_FILE, json.dumps({"doc": "one"}))
    put(tmp_path, "corpus/seeds/one.txt",
        "Zorland attacked Vexo on Monday.\n\nQuen stayed home and Vexo praised Quen.\n")
    return Settings(db_path=tmp_path / "x.duckdb", eval_dir=ev)


def values(card) -> dict[str, float | None]:
    return {m.name: m.value for m in card.metrics}


def test_scorecard_on_miniature_sets(mini):
    pipe = ScriptedPipeline()
    card = run_scorecard(mini, sets=["plover", "petr2", "conflibert", "seeds"], pipeline=pipe, merge_check=False)
    v = values(card)
    assert card.sets == ["plover", "petr2", "conflibert", "seeds"]
    assert v["plover.type_accuracy"] == 0.5 and v["plover.source_country_accuracy"] == 0.5
    assert v["petr2.root_dyad_recall"] == 1.0 and v["petr2.code_dyad_recall"] == 0.0
    assert v["petr2.no_event_specificity"] == 0.0
    assert v["conflibert.penta_accuracy"] == pytest.approx(2 / 3)  # "praised" is class 1, gold 3
    assert v["conflibert.source_span_recall"] == 0.5 and v["conflibert.target_span_f1"] == 1.0
    assert v["seeds.core_recall"] == 1.0 and v["seeds.recall"] == 0.5 and v["seeds.precision"] == 0.5
    assert all(n > 1 for n in pipe.batches[:3]), "sets are coded in batches"


def test_render_scorecard_lists_metrics_and_floors(mini):
    card = run_scorecard(mini, sets=["plover"], pipeline=ScriptedPipeline())
    table = render_scorecard(card, floors={"plover.type_accuracy": 0.9})
    assert isinstance(table, Table)
    console = Console(record=True, width=200)
    console.print(table)
    text = console.export_text()
    assert "plover.type_accuracy" in text and "0.900" in text and "0.500" in text
    markdown = scorecard_markdown(card)
    assert "| `plover.type_accuracy` | 0.500 | 2 |" in markdown and "(info)" in markdown


def test_missing_set_files_are_reported_as_skipped(mini):
    (Path(mini.eval_dir) / readers.PETR2_FILE).unlink()
    card = run_scorecard(mini, sets=["petr2"], pipeline=ScriptedPipeline())
    assert card.sets == [] and card.results[0].skipped.startswith("data missing")


def test_absent_eval_dir_and_unknown_set(tmp_path):
    with pytest.raises(EvalDataMissing):
        run_scorecard(Settings(eval_dir=tmp_path / "nowhere"), pipeline=ScriptedPipeline())
    with pytest.raises(QueryError):
        run_scorecard(Settings(eval_dir=tmp_path), sets=["nope"], pipeline=ScriptedPipeline())


def test_diagnose_lists_gold_beside_prediction(mini):
    misses = diagnose("plover", settings=mini, pipeline=ScriptedPipeline())
    assert [(m.item, m.kind, m.predicted) for m in misses] == [("P2", "miss", "NONE")]
    assert "REQUEST QQQ -> VVV" in format_misses(misses)
    assert diagnose("plover", settings=mini, pipeline=ScriptedPipeline(), kinds=["wrong"]) == []
    assert confusion(misses) == [("REQUEST", "NONE", 1)]


def test_module_entry_point_lists_misses(mini, monkeypatch, capsys):
    from petrel.evaluation import __main__ as entry

    monkeypatch.setenv("PETREL_EVAL_DIR", str(mini.eval_dir))
    monkeypatch.setattr(entry, "diagnose", lambda name, kinds=None, realnews_split=None: diagnose(
        name, settings=mini, pipeline=ScriptedPipeline(), kinds=kinds, realnews_split=realnews_split))
    assert entry.main(["plover", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "P2" in out and "1 listed" in out


class BrokenPipeline:
    def process_articles(self, articles):
        raise ProcessingFailed("a stage broke")


def test_a_set_on_which_petrel_fails_is_skipped_with_the_reason(mini):
    card = run_scorecard(mini, sets=["plover"], pipeline=BrokenPipeline())
    assert card.sets == [] and "E209" in card.results[0].skipped


def test_every_metric_is_documented(mini):
    from petrel.evaluation.dedup import FIELDS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "evaluation.md").read_text(encoding="utf-8")
    card = run_scorecard(mini, sets=["plover", "petr2", "conflibert", "seeds"], pipeline=ScriptedPipeline(),
                         merge_check=False)
    names = {m.name.split(".", 1)[1] for m in card.metrics} | set(FIELDS) | {"merge", "mentions_found"}
    undocumented = sorted(n for n in names if not _documented(n, docs))
    assert not undocumented, f"document these metrics in docs/evaluation.md: {undocumented}"
    for set_name in ("plover", "petr2", "conflibert", "seeds", "dedup"):
        assert f"### `{set_name}`" in docs


def _documented(name: str, docs: str) -> bool:
    """`name` in backticks, or its P/R/F1 family written as `stem_precision/recall/f1` or `stem_precision`."""
    stem = re.sub(r"_(precision|recall|f1)$", "", name)
    return any(f"`{form}" in docs for form in (f"{name}`", f"{stem}_precision/recall/f1`", f"{stem}_precision`"))


def test_documented_check_can_fail():
    assert _documented("root_dyad_recall", "| `root_dyad_precision/recall/f1` |")
    assert not _documented("type_accuracy", "| `type_macro_f1` |")
