"""One document through named stages.

``ingest`` readers yield :class:`RawDocument` or :class:`Rejection`; the ``clean`` stage turns a raw
document into an :class:`Article`; ``nlp`` parses batches with spaCy; then per-document stages run in
order on a :class:`DocState`; they read what earlier stages wrote and add their own part (the table is in :mod:`petrel.state`).

Stages are plain objects built from a :class:`Settings` and shared resources (knowledge base,
gazetteer); none holds global state, so two pipelines can live in one process.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from petrel.config import Settings
from petrel.models import Article, ProcessedDocument
from petrel.state import DocState, Stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from petrel.prefilter import PreFilter


log = logging.getLogger(__name__)

BATCH_DOCS = 64  # documents whose stages run together (the event model reads all their sentences at once)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the model and resources load.

    Loading allocates a few million long-lived objects: the collector ran about 390 times while a
    one-article ingest started, three of them full collections over the whole growing heap, some 0.2 s
    of CPU for next to no garbage (docs/benchmarks.md). Reference counting still frees everything that
    is not in a cycle; the collector runs again as usual once loading is done.

    Its thresholds are set to 0 too (no automatic collection): spaCy's model files are read with srsly's
    msgpack loader, which disables the collector around each read and then turns it back on whatever it
    was before, and the collector then ran 10 times while the model loaded (about 0.08 s of CPU).
    """
    if not gc.isenabled():
        yield
        return
    thresholds = gc.get_threshold()
    gc.disable()
    gc.set_threshold(0, *thresholds[1:])
    try:
        yield
    finally:
        if _freeze_loaded:
            gc.freeze()
        gc.set_threshold(*thresholds)
        gc.enable()


_freeze_loaded = False


def freeze_loaded_objects() -> None:
    """From now on, what a pipeline loads is moved out of the cyclic collector's reach (``gc.freeze``).

    For a process that keeps its pipeline until it exits (the ``petrel`` command: :func:`petrel.cli.main`):
    the model and resources are millions of long-lived objects that every later full collection, and the
    interpreter's last one at exit, would traverse again for nothing (about 0.2 s of CPU at the end of a
    one-article ingest, docs/benchmarks.md). Frozen objects are never collected, so a library user who
    builds and drops pipelines should not call this.
    """
    global _freeze_loaded
    _freeze_loaded = True


class Pipeline:
    """spaCy plus petrel's per-document stages. Build once, reuse for many batches."""

    def __init__(self, settings: Settings | None = None, *, resources: Resources | None = None) -> None:
        self.settings = settings or Settings()
        # the "pipeline: ..." debug lines mark the steps of a start (bench/first_event.py times them from outside)
        log.debug("pipeline: loading")
        with collector_paused():
            self.resources = resources or Resources.load(self.settings)
            self.stages: list[Stage] = build_stages(self.settings, self.resources)
        log.debug("pipeline: stages ready")
        self.nlp: Language = self.resources.nlp
        self.prefilter: PreFilter | None = None
        if self.settings.prefilter:
            from petrel.prefilter import PreFilter

            lexicon = next((getattr(s, "lexicon", None) for s in self.stages if s.name == "events"), None)
            model = self.resources.classifier if self.settings.event_model != "rules" else None
            self.prefilter = PreFilter(self.nlp, lexicon, lead=self.settings.prefilter_lead_sentences, classifier=model,
                                       min_event_probability=self.settings.prefilter_event_probability)

    def parse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        """``nlp.pipe`` over the texts; with ``settings.prefilter`` on, through the pre-filter, which fully
        parses only the sentences that can hold an event (:mod:`petrel.prefilter`)."""
        if self.prefilter is None:
            return self.nlp.pipe(texts, batch_size=batch_size)
        return self.prefilter.pipe(texts, batch_size=batch_size)

    def process_articles(self, articles: Iterable[Article]) -> Iterator[ProcessedDocument]:
        """Parse articles in batches and run every stage on each (a stage error is raised)."""
        articles = list(articles)
        texts = (a.text for a in articles)
        pairs = list(zip(articles, self.parse(texts), strict=True))
        for start in range(0, len(pairs), BATCH_DOCS):
            for result in self.run_batch(pairs[start:start + BATCH_DOCS]):
                if isinstance(result, Exception):
                    raise result
                yield result

    def run_batch(self, pairs: list[tuple[Article, Doc]]) -> list[ProcessedDocument | Exception]:
        """Run the stages on parsed documents, stage by stage: a stage with ``run_batch`` (the event model)
        sees the whole batch at once, the others one document at a time. A document a stage fails on gets
        the exception in its place and goes no further; the others go on."""
        states = [DocState(article, doc, parsed=parsed_spans(doc)) for article, doc in pairs]
        errors: dict[int, Exception] = {}
        for stage in self.stages:
            live = [i for i in range(len(states)) if i not in errors]
            batch = getattr(stage, "run_batch", None)
            if batch is not None:
                try:
                    batch([states[i] for i in live])
                    continue
                except Exception:  # noqa: BLE001 - find the document it fails on, one by one
                    pass
            for i in live:
                try:
                    stage(states[i])
                except Exception as exc:  # noqa: BLE001 - handed back in the document's place
                    errors[i] = exc
        return [errors[i] if i in errors else state.result() for i, state in enumerate(states)]

    def run_stages(self, article: Article, doc: Doc) -> ProcessedDocument:
        state = DocState(article, doc, parsed=parsed_spans(doc))
        for stage in self.stages:
            stage(state)
        return state.result()

    def code_text(self, text: str, *, published: str | None = None, doc_id: str = "adhoc") -> ProcessedDocument:
        """Code one piece of text (a sentence or an article) without storing it."""
        from petrel.clean import article_from_text

        article = article_from_text(text, doc_id=doc_id, published=published)
        return next(self.process_articles([article]))


def parsed_spans(doc: Doc) -> tuple[tuple[int, int], ...] | None:
    """The character spans the pre-filter parsed (None: the whole document was)."""
    from petrel.prefilter import PARSED_EXT

    return doc._.get(PARSED_EXT) if doc.has_extension(PARSED_EXT) else None


@dataclass
class Resources:
    """Heavy shared read-only resources: spaCy pipeline, knowledge base, gazetteer."""

    nlp: Language
    kb: object
    gazetteer: object
    classifier: object | None = None  # the event model; None when settings.event_model is "rules"

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        from petrel.geo import load_gazetteer
        from petrel.kb import load_knowledge_base
        from petrel.nlp import load_nlp  # imports spaCy

        log.debug("pipeline: modules imported")
        kb = load_knowledge_base(settings)
        log.debug("pipeline: knowledge base ready")
        classifier = None
        if settings.event_model != "rules":
            from petrel.cache import resolve_cache_dir
            from petrel.model import LazyClassifier

            # loaded when a sentence first needs it (a run with nothing to score never creates the session);
            # its optimised graph is kept in the resource cache (petrel.model.optimised)
            classifier = LazyClassifier(str(settings.event_model_dir) if settings.event_model_dir else None,
                                        cache_dir=resolve_cache_dir(settings))
        gazetteer = load_gazetteer(settings)
        gazetteer.warm()  # its packed cache loads in milliseconds; no first document pays for it
        log.debug("pipeline: gazetteer ready")
        nlp = load_nlp(settings, kb)
        log.debug("pipeline: spaCy model ready")
        return cls(nlp=nlp, kb=kb, gazetteer=gazetteer, classifier=classifier)


def build_stages(settings: Settings, resources: Resources) -> list[Stage]:
    from petrel.actors import ActorStage
    from petrel.coding import EventStage, QuoteStage
    from petrel.dates import DateStage
    from petrel.geo.stage import PlaceResolver, PlaceStage
    from petrel.model import ModelStage

    places = PlaceResolver(resources.gazetteer)  # one per pipeline: the events and places stages share it
    return [
        ActorStage(settings, resources.kb, place_country=resources.gazetteer.country_of,
                   town_country=resources.gazetteer.town_country),
        *([ModelStage(resources.classifier)] if resources.classifier is not None and settings.event_model != "rules" else []),
        QuoteStage(settings),
        EventStage(settings, resources.kb, places=places.hints_of),
        DateStage(settings),
        PlaceStage(settings, resources.gazetteer, places),
    ]
