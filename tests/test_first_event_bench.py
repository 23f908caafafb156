"""The time-to-first-event bench (bench/first_event.py) finds its moments in what petrel logs: if an ingest stops
reporting the commit of its first event (or the bench stops reading it), these fail. Nothing here is timed."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest
import spacy

from petrel.config import Settings
from petrel.ingest_service import ingest_paths
from petrel.models import ActorRef, Article, Evidence, EventMention, ProcessedDocument

BENCH = Path(__file__).resolve().parents[1] / "bench" / "first_event.py"


@pytest.fixture(scope="module")
def first_event():
    spec = importlib.util.spec_from_file_location("first_event", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["first_event"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("first_event", None)


class OneEventPerMeeting:
    """A stand-in pipeline (blank spaCy): an article that says 'met' holds one event mention, others none."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")

    def run_batch(self, pairs: list) -> list:
        out = []
        for article, _doc in pairs:
            events = []
            if " met " in article.text:
                src = ActorRef("Someone", None, "XXX", [], "country")
                events.append(EventMention(f"{article.doc_id}-e", article.doc_id, "CONSULT", src, None,
                                           Evidence(article.doc_id, article.text, 0, len(article.text), "met")))
            out.append(ProcessedDocument(article, [], [], events))
        return out


def _logged_lines(caplog: pytest.LogCaptureFixture) -> list[tuple[float, str]]:
    return [(float(i), record.getMessage()) for i, record in enumerate(caplog.records)]


def test_an_ingest_reports_the_commit_of_its_first_event(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                         first_event) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The weather on the coast stayed mild all through the week.", encoding="utf-8")
    for i in range(3):
        (corpus / f"b{i}.txt").write_text(f"Trade envoys of two towns met in the valley on day {i}.", encoding="utf-8")
    caplog.set_level(logging.DEBUG, logger="petrel")
    report = ingest_paths([str(corpus)], Settings(db_path=tmp_path / "s.duckdb"), pipeline=OneEventPerMeeting())
    assert report.events == 3

    found = first_event.timeline(_logged_lines(caplog))
    assert found.events_in_first_batch > 0 and found.articles_in_first_batch >= 1
    assert {"ingest_started", "parsed", "coded"} <= set(found.moments)
    assert found.moments["ingest_started"] < found.moments["parsed"] < found.moments["coded"] < found.first_event_s


def test_no_committed_event_is_an_error_not_a_figure(first_event) -> None:
    lines = [(0.5, "ingest started: 1 inputs"), (2.0, "batch committed: 1 articles, 0 event mentions, 0 rejected")]
    with pytest.raises(first_event.NoFirstEvent):
        first_event.timeline(lines)
    with pytest.raises(first_event.NoFirstEvent):
        first_event.timeline([])


def test_parts_are_taken_from_the_batch_that_holds_the_first_event(first_event) -> None:
    lines = [(0.5, "ingest started: 2 inputs"), (0.6, "pipeline: loading"), (0.9, "pipeline: modules imported"),
             (1.0, "pipeline: knowledge base ready"), (1.1, "pipeline: gazetteer ready"),
             (1.6, "pipeline: spaCy model ready"), (1.7, "pipeline: stages ready"),
             (1.9, "batch parsed: 1 documents"), (2.0, "batch coded: 1 documents"),
             (2.1, "batch committed: 1 articles, 0 event mentions, 0 rejected"),
             (3.0, "batch parsed: 9 documents"), (3.5, "batch coded: 9 documents"),
             (3.6, "batch committed: 9 articles, 4 event mentions, 0 rejected"),
             (4.0, "batch committed: 5 articles, 7 event mentions, 0 rejected")]
    found = first_event.timeline(lines)
    assert (found.first_event_s, found.articles_in_first_batch, found.events_in_first_batch) == (3.6, 9, 4)
    assert found.batches_before == 1
    parts = found.parts()
    assert parts["stages on the first batch"] == pytest.approx(0.5)
    assert parts["rows, write and commit"] == pytest.approx(0.1)
    assert parts["process start, imports, CLI"] == 0.5
    assert sum(parts.values()) == pytest.approx(3.6)  # the parts add up to the whole


def test_a_run_is_timed_from_its_stderr_as_it_arrives(first_event) -> None:
    script = ("import sys, time\n"
              "print('ingest started: 1 inputs', file=sys.stderr, flush=True)\n"
              "time.sleep(0.2)\n"
              "print('batch committed: 1 articles, 2 event mentions, 0 rejected', file=sys.stderr, flush=True)\n")
    run = first_event.run_once([sys.executable, "-c", script], {})
    assert run.timeline.moments["ingest_started"] < run.timeline.first_event_s <= run.exit_s
    assert run.timeline.events_in_first_batch == 2
    assert run.first_event_cpu_s >= 0 or sys.platform != "linux"  # read from /proc when the line came
