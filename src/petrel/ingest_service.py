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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from petrel.config import Settings
from petrel.errors import ConfigError, IdConflict, InputError, ProcessingFailed
from petrel.models import Article, ProcessedDocument, RawDocument, Rejection
from petrel.pipeline import Pipeline
from petrel.store import Store

log = logging.getLogger(__name__)

ProgressHook = Callable[["IngestReport"], None]


@dataclass(frozen=True, slots=True)
class IngestDefaults:
    """Metadata for inputs that carry none: the publication time and outlet of files that neither give
    them (JSONL/CSV fields, HTML meta data) nor say them in their text (a date line, a dateline's date, a
    breadcrumb). What an input says always wins."""

    published: datetime | None = None
    outlet: str | None = None

    @classmethod
    def parse(cls, published: str | None = None, outlet: str | None = None) -> IngestDefaults:
        """From command-line strings; :class:`ConfigError` (E100) for a date that cannot be read."""
        from petrel.clean import normalise_outlet
        from petrel.clean._dates import parse_published

        when = parse_published(published) if published else None
        if published and when is None:
            raise ConfigError(f"cannot read the publication date {published!r}: use YYYY-MM-DD", published=published)
        name = (normalise_outlet(outlet) or " ".join(outlet.split())) if outlet and outlet.strip() else None
        return cls(published=when, outlet=name)

    def apply(self, article: Article) -> Article:
        """``article`` with the defaults filled where it has no value of its own."""
        if self.published is not None and article.published is None:
            article.published = self.published
        if self.outlet and not article.outlet:
            article.outlet = self.outlet
        return article


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
    workers: int = 1  # processes that parsed and coded (1: this one)
    worker_peak_mb: float = 0.0  # largest peak memory of one worker process (0 when there were none)

    @property
    def failed(self) -> bool:
        return bool(self.rejected)

    def to_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "skipped": self.skipped, "rejected": len(self.rejected),
                "events": self.events, "quotes": self.quotes, "words": self.words,
                "seconds": round(self.seconds, 3),
                "rejections": [{"source": r.source, "code": r.code, "reason": r.reason} for r in self.rejected]}


def ingest_paths(paths: list[str], settings: Settings, *, stdin: TextIO | None = None,
                 pipeline: Pipeline | None = None, on_batch: ProgressHook | None = None,
                 workers: int | None = None, scheduler: str | None = None,
                 shards: Path | None = None, defaults: IngestDefaults | None = None) -> IngestReport:
    """Ingest files, folders and ``-`` (JSONL on stdin) into the store at ``settings.db_path``.

    ``workers`` processes parse and code in parallel (default ``settings.workers``; 0 is one per core;
    a given ``pipeline`` means this process alone). ``scheduler`` (``tcp://HOST:PORT``) runs the stages on
    a Dask cluster instead, its workers writing Parquet shards to ``shards``. Every way gives the same
    store: see ``docs/scale.md``. ``defaults`` gives the publication time and outlet of inputs that carry
    neither.
    """
    from petrel.ingest import iter_inputs

    log.debug("ingest started: %d inputs", len(paths))  # bench/first_event.py times the start up to this line
    inputs = iter_inputs(paths, settings, stdin=stdin)
    if scheduler:
        from petrel.dask_ingest import ingest_on_cluster

        return ingest_on_cluster(inputs, settings, scheduler, shards=shards, on_batch=on_batch, defaults=defaults)
    if pipeline is None:
        from petrel.parallel import ingest_parallel, resolve_workers

        n = resolve_workers(workers, settings)
        if n > 1:
            return ingest_parallel(inputs, settings, n, on_batch, defaults=defaults)
    return _run(inputs, settings, pipeline, on_batch, defaults)


def ingest_records(records: Iterable[dict[str, Any]] | str, settings: Settings, *,
                   pipeline: Pipeline | None = None, source: str = "-",
                   defaults: IngestDefaults | None = None) -> IngestReport:
    """Ingest JSONL records (dicts or a JSONL string) given in memory, e.g. through the HTTP API.

    Their lines are named ``SOURCE:LINE`` (``-:LINE`` by default); the API gives each call its own
    ``source`` (``api:JOB``), so rejections of two calls never share a name (a rejection's id is made of
    its source and code).
    """
    from petrel.ingest import iter_inputs

    if not isinstance(records, str):
        records = "\n".join(json.dumps(r) for r in records)
    inputs = iter_inputs(["-"], settings, stdin=io.StringIO(records))
    return _run(_renamed(inputs, source), settings, pipeline, None, defaults)


def _renamed(inputs: Iterable[RawDocument | Rejection], source: str) -> Iterator[RawDocument | Rejection]:
    """The inputs read from '-' with their sources renamed ``source:LINE``."""
    for item in inputs:
        if source != "-" and (item.source == "-" or item.source.startswith("-:")):
            item.source = source + item.source[1:]
        yield item


def _run(inputs: Iterable[RawDocument | Rejection], settings: Settings, pipeline: Pipeline | None,
         on_batch: ProgressHook | None, defaults: IngestDefaults | None = None) -> IngestReport:
    report = IngestReport()
    started = time.perf_counter()
    with Store.open(settings.db_path, settings=settings) as store, DeferredRefresh(store) as refresher:
        for articles, rejections in _batches(inputs, settings, defaults or IngestDefaults()):
            fresh, conflicts = _unseen(articles, store, report)
            if fresh and pipeline is None:
                pipeline = Pipeline(settings)
            processed, failures = _process(pipeline, fresh) if fresh else ([], [])
            rejections = rejections + conflicts + failures
            report.rejected.extend(rejections)  # re-recording a known rejection is a no-op in the store
            result = store.write_batch(processed, rejections, refresh=refresher.due())
            _account(report, processed, result.events, result.quotes)
            report.seconds = time.perf_counter() - started
            if on_batch:
                on_batch(report)
    report.seconds = time.perf_counter() - started
    return report


class DeferredRefresh:
    """When the dedup refresh runs during an ingest: every ``settings.dedup_refresh_batches`` batches, and once
    when the run ends (also when it stops on an error, so written batches are never left unmerged).

    The refresh is incremental (mentions never merged are its seeds), so one refresh over many batches
    leaves the same events, merges and stories as one per batch (``docs/dedup.md``).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.every = store.settings.dedup_refresh_batches
        self.batches = 0
        self.owed = False

    def due(self) -> bool:
        """Whether the batch being written now refreshes (else the refresh is owed)."""
        self.batches += 1
        now = bool(self.every) and self.batches % self.every == 0
        self.owed = not now
        return now

    def __enter__(self) -> DeferredRefresh:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.owed:
            return
        self.owed = False
        try:
            self.store.refresh_derived()
        except Exception:
            if exc_type is None:
                raise
            log.exception("the dedup refresh at the end of a failed run failed too; `petrel dedup` redoes it")


# articles in the first batch of a run: its first events are committed (and shown) after one article is coded,
# not a whole batch (docs/benchmarks.md, "Time to first event"); batch boundaries change no event (docs/scale.md)
FIRST_BATCH_ARTICLES = 1


def _batches(inputs: Iterable[RawDocument | Rejection], settings: Settings, defaults: IngestDefaults
             ) -> Iterator[tuple[list[Article], list[Rejection]]]:
    """Clean inputs and group them into batches of ``settings.batch_size`` articles, the first of
    ``FIRST_BATCH_ARTICLES``."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    size = min(FIRST_BATCH_ARTICLES, settings.batch_size)
    for item in inputs:
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            _clean_into(item, settings, articles, rejections, defaults)
        if len(articles) >= size or len(rejections) >= settings.batch_size:
            if articles:
                size = settings.batch_size
            yield articles, rejections
            articles, rejections = [], []
    if articles or rejections:
        yield articles, rejections


def _clean_into(raw: RawDocument, settings: Settings, articles: list[Article],
                rejections: list[Rejection], defaults: IngestDefaults) -> None:
    from petrel.clean import clean_document

    try:
        articles.append(defaults.apply(clean_document(raw, settings)))
    except InputError as exc:
        rejections.append(Rejection(raw.source, exc.code, exc.message, raw.fmt))
    except Exception as exc:  # a clean-stage bug costs this document only; logged with its traceback
        log.exception("cleaning %s failed", raw.source)
        rejections.append(Rejection(raw.source, ProcessingFailed.code,
                                    _short(f"{ProcessingFailed.default_message}: {type(exc).__name__}: {exc}"), raw.fmt))


def _unseen(articles: list[Article], store: Store, report: IngestReport,
            pending: Mapping[str, tuple[str, str]] | None = None) -> tuple[list[Article], list[Rejection]]:
    """Drop articles already stored (or ``pending``: coded, not yet written) and repeats within the batch;
    an id repeated with different text is a conflict (E213), recorded with both sources."""
    known = store.stored_hashes(a.doc_id for a in articles)
    if pending:
        known.update({a.doc_id: pending[a.doc_id] for a in articles if a.doc_id in pending and a.doc_id not in known})
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
        docs: list[Any] = list(_parse(pipeline, [a.text for a in articles]))
    except Exception:  # the parser failed on one of them: parse them one by one, so only that one is lost
        log.exception("parsing a batch failed; parsing its %d documents one by one", len(articles))
        docs = [_parse_one(pipeline, a) for a in articles]
    log.debug("batch parsed: %d documents", len(docs))
    processed: list[ProcessedDocument] = []
    failures: list[Rejection] = []
    parsed = [(a, d) for a, d in zip(articles, docs, strict=True) if not isinstance(d, Exception)]
    results = dict(zip((id(a) for a, _ in parsed), pipeline.run_batch(parsed), strict=True))
    log.debug("batch coded: %d documents", len(parsed))
    for article, doc in zip(articles, docs, strict=True):
        result = doc if isinstance(doc, Exception) else results[id(article)]
        if isinstance(result, Exception):  # a stage bug must not stop the batch; it is recorded with its reason
            log.error("stage failed on %s: %s: %s", article.source, type(result).__name__, result)
            failures.append(Rejection(article.source, ProcessingFailed.code,
                                      _short(f"{ProcessingFailed.default_message}: {type(result).__name__}: {result}"),
                                      article.fmt))
        else:
            processed.append(result)
    return processed, failures


def _parse(pipeline: Pipeline, texts: list[str]) -> Any:
    """``Pipeline.parse`` (through the pre-filter when it is on); a stand-in with only ``nlp`` parses fully."""
    parse = getattr(pipeline, "parse", None)
    return parse(texts) if parse is not None else pipeline.nlp.pipe(texts, batch_size=32)


def _parse_one(pipeline: Pipeline, article: Article) -> Any:
    """The parsed document, or the exception the parser raised on it."""
    try:
        return next(iter(_parse(pipeline, [article.text])))
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
