"""The main job: inputs -> clean -> NLP and coding stages -> store, in batches.

``ingest_paths`` is what ``petrel ingest`` and ``petrel demo`` call; ``ingest_records`` is what the
HTTP API's ``POST /documents`` calls. Both skip articles already stored (ids are content hashes or
given ids), write each batch in one transaction, and record every input that could not be used as a
rejected article with a one-line reason, so a bad input never stops a batch. A given id that comes
again with different text is not skipped in silence: it is recorded as a conflict (E213) naming the
source that holds the id.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from petrel.config import Settings
from petrel.errors import IdConflict, InputError, ProcessingFailed
from petrel.models import Article, ProcessedDocument, RawDocument, Rejection
from petrel.pipeline import Pipeline
from petrel.store import Store

log = logging.getLogger(__name__)

ProgressHook = Callable[["IngestReport"], None]


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    skipped: int = 0  # already in the store
    rejected: list[Rejection] = field(default_factory=list)
    events: int = 0
    quotes: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.rejected)

    def to_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "skipped": self.skipped, "rejected": len(self.rejected),
                "events": self.events, "quotes": self.quotes, "words": self.words,
                "seconds": round(self.seconds, 3),
                "rejections": [{"source": r.source, "code": r.code, "reason": r.reason} for r in self.rejected]}


def ingest_paths(paths: list[str], settings: Settings, *, stdin: TextIO | None = None,
                 pipeline: Pipeline | None = None, on_batch: ProgressHook | None = None) -> IngestReport:
    """Ingest files, folders and ``-`` (JSONL on stdin) into the store at ``settings.db_path``."""
    from petrel.ingest import iter_inputs

    return _run(iter_inputs(paths, settings, stdin=stdin), settings, pipeline, on_batch)


def ingest_records(records: Iterable[dict[str, Any]] | str, settings: Settings, *,
                   pipeline: Pipeline | None = None) -> IngestReport:
    """Ingest JSONL records (dicts or a JSONL string) given in memory, e.g. through the HTTP API."""
    from petrel.ingest import iter_inputs

    if not isinstance(records, str):
        records = "\n".join(json.dumps(r) for r in records)
    return _run(iter_inputs(["-"], settings, stdin=io.StringIO(records)), settings, pipeline, None)


def _run(inputs: Iterable[RawDocument | Rejection], settings: Settings, pipeline: Pipeline | None,
         on_batch: ProgressHook | None) -> IngestReport:
    report = IngestReport()
    started = time.perf_counter()
    with Store.open(settings.db_path, settings=settings) as store:
        for articles, rejections in _batches(inputs, settings):
            fresh, conflicts = _unseen(articles, store, report)
            if fresh and pipeline is None:
                pipeline = Pipeline(settings)
            processed, failures = _process(pipeline, fresh) if fresh else ([], [])
            rejections = rejections + conflicts + failures
            report.rejected.extend(rejections)  # re-recording a known rejection is a no-op in the store
            result = store.write_batch(processed, rejections)
            _account(report, processed, result.events, result.quotes)
            report.seconds = time.perf_counter() - started
            if on_batch:
                on_batch(report)
    report.seconds = time.perf_counter() - started
    return report


def _batches(inputs: Iterable[RawDocument | Rejection], settings: Settings
             ) -> Iterator[tuple[list[Article], list[Rejection]]]:
    """Clean inputs and group them into batches of ``settings.batch_size`` articles."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for item in inputs:
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            _clean_into(item, settings, articles, rejections)
        if len(articles) >= settings.batch_size or len(rejections) >= settings.batch_size:
            yield articles, rejections
            articles, rejections = [], []
    if articles or rejections:
        yield articles, rejections


def _clean_into(raw: RawDocument, settings: Settings, articles: list[Article],
                rejections: list[Rejection]) -> None:
    from petrel.clean import clean_document

    try:
        articles.append(clean_document(raw, settings))
    except InputError as exc:
        rejections.append(Rejection(raw.source, exc.code, exc.message, raw.fmt))
    except Exception as exc:  # a clean-stage bug costs this document only; logged with its traceback
        log.exception("cleaning %s failed", raw.source)
        rejections.append(Rejection(raw.source, ProcessingFailed.code,
                                    _short(f"{ProcessingFailed.default_message}: {type(exc).__name__}: {exc}"), raw.fmt))


def _unseen(articles: list[Article], store: Store, report: IngestReport) -> tuple[list[Article], list[Rejection]]:
    """Drop articles already stored and repeats within the batch; an id repeated with different text is a
    conflict (E213), recorded with both sources."""
    known = store.stored_hashes(a.doc_id for a in articles)
    fresh: dict[str, Article] = {}
    conflicts: list[Rejection] = []
    for article in articles:
        first = fresh.get(article.doc_id)
        prior = (first.content_hash, first.source) if first is not None else known.get(article.doc_id)
        if prior is None:
            fresh[article.doc_id] = article
        elif prior[0] and article.content_hash and prior[0] != article.content_hash:
            reason = (f"id {article.doc_id!r} is already used by {prior[1]} with different text; the first is "
                      "kept: give this record its own id")
            conflicts.append(Rejection(article.source, IdConflict.code, _short(reason), article.fmt))
        else:
            report.skipped += 1
    return list(fresh.values()), conflicts


def _process(pipeline: Pipeline, articles: list[Article]) -> tuple[list[ProcessedDocument], list[Rejection]]:
    """Run the stages; a document that breaks the parser or a stage is rejected (E209) and the batch goes on."""
    try:
        docs: list[Any] = list(pipeline.nlp.pipe((a.text for a in articles), batch_size=32))
    except Exception:  # the parser failed on one of them: parse them one by one, so only that one is lost
        log.exception("parsing a batch failed; parsing its %d documents one by one", len(articles))
        docs = [_parse_one(pipeline, a) for a in articles]
    processed: list[ProcessedDocument] = []
    failures: list[Rejection] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            if isinstance(doc, Exception):
                raise doc
            processed.append(pipeline.run_stages(article, doc))
        except Exception as exc:  # a stage bug must not stop the batch; it is recorded with its reason
            log.exception("stage failed on %s", article.source)
            failures.append(Rejection(article.source, ProcessingFailed.code,
                                      _short(f"{ProcessingFailed.default_message}: {type(exc).__name__}: {exc}"),
                                      article.fmt))
    return processed, failures


def _parse_one(pipeline: Pipeline, article: Article) -> Any:
    """The parsed document, or the exception the parser raised on it."""
    try:
        return pipeline.nlp(article.text)
    except Exception as exc:  # handed back to _process, which rejects this document only
        return exc


def _account(report: IngestReport, processed: list[ProcessedDocument], events: int, quotes: int) -> None:
    report.ingested += len(processed)
    report.events += events
    report.quotes += quotes
    report.words += sum(p.article.word_count for p in processed)


def _short(reason: str, limit: int = 300) -> str:
    """A rejection reason on one line of at most ``limit`` characters."""
    reason = " ".join(reason.split())
    return reason if len(reason) <= limit else reason[: limit - 3] + "..."
