"""One runner per labelled set: read the gold, code its texts with the pipeline, score.

A runner takes an :class:`EvalContext` (settings, the data folder and a lazily built pipeline) and
returns a :class:`SetResult`. :data:`RUNNERS` names them in the scorecard's order.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from petrel.config import Settings
from petrel.errors import PetrelError
from petrel.evaluation import readers, scorers
from petrel.evaluation.predict import CodedText, PredictedEvent, code_texts, predicted_events
from petrel.evaluation.records import Metric, PentaSentence, SeedEvent, SetResult, SpanSentence
from petrel.evaluation.scorers.realnews import RealnewsPrediction
from petrel.models import Article, EventMention, RawDocument
from petrel.pipeline import Pipeline

log = logging.getLogger(__name__)


class EvalContext:
    """What every runner needs. The pipeline is built on first use and then shared; codings are cached."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None, *, merge_check: bool = True,
                 realnews_split: str | None = None) -> None:
        self.settings = settings
        self.merge_check = merge_check
        self.realnews_split = realnews_split  # "dev" or "test": code only that half of the real-news set
        self._pipeline = pipeline
        self.coded: dict[str, list[CodedText]] = {}

    @property
    def eval_dir(self) -> Path:
        return Path(self.settings.eval_dir)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def code(self, key: str, texts: list[str]) -> list[CodedText]:
        """Code ``texts`` once per context (``key`` names the batch)."""
        if key not in self.coded:
            self.coded[key] = code_texts(self.pipeline, texts, prefix=f"eval-{key}")
        return self.coded[key]


def run_plover(ctx: EvalContext) -> SetResult:
    records = readers.read_plover(ctx.eval_dir)
    coded = ctx.code("plover", [r.text for r in records])
    return scorers.score_plover(records, [c.events for c in coded])


def run_petr2(ctx: EvalContext) -> SetResult:
    sentences = readers.read_petr2(ctx.eval_dir)
    coded = ctx.code("petr2", [s.text for s in sentences])
    return scorers.score_petr2(sentences, [c.events for c in coded])


def run_conflibert(ctx: EvalContext) -> SetResult:
    """PentaClass on ``cameo_class``; spans on ``cameo_ner``, reusing the coded class sentence when the
    CoNLL sentence is the same text (same letters and digits), else coding its detokenised text."""
    classes = readers.read_pentaclass(ctx.eval_dir)
    coded = ctx.code("conflibert", [s.text for s in classes])
    result = scorers.score_pentaclass(classes, [c.events for c in coded])
    spans = readers.read_spans(ctx.eval_dir)
    span_result = scorers.score_spans(spans, _span_texts(ctx, spans, classes, coded))
    result.metrics += span_result.metrics
    result.misses += span_result.misses
    return result


def _span_texts(ctx: EvalContext, spans: list[SpanSentence], classes: list[PentaSentence],
                coded: list[CodedText]) -> list[CodedText]:
    by_key = {scorers.token_key(s.text): c for s, c in zip(classes, coded, strict=True)}
    missing = [s for s in spans if scorers.token_key("".join(s.tokens)) not in by_key]
    extra = ctx.code("conflibert-ner", [scorers.detokenize(s.tokens) for s in missing])
    by_index = {s.index: c for s, c in zip(missing, extra, strict=True)}
    return [by_index.get(s.index) or by_key[scorers.token_key("".join(s.tokens))] for s in spans]


def run_re3d(ctx: EvalContext) -> SetResult:
    docs = readers.read_re3d(ctx.eval_dir)
    coded = ctx.code("re3d", [d.text for d in docs])
    return scorers.score_re3d(docs, coded)


def run_seeds(ctx: EvalContext) -> SetResult:
    gold = readers.read_seed_events(ctx.eval_dir)
    articles = dict(seed_articles(ctx.settings, readers.seed_articles_dir(ctx.eval_dir)))
    predicted = seed_predictions(ctx, articles)
    result = scorers.score_seeds(gold, predicted)
    metadata, wrong = scorers.score_seed_metadata(readers.read_seed_metadata(ctx.eval_dir), articles)
    result.metrics.append(metadata)
    result.misses += wrong
    if ctx.merge_check:
        result.metrics.append(merge_metric(ctx, gold, predicted))
    return result


def seed_articles(settings: Settings, folder: Path) -> list[tuple[str, Article]]:
    """``(file stem, Article)`` for every seed article, through petrel's ingest and clean stages."""
    from petrel.clean import clean_document
    from petrel.ingest import iter_inputs

    out: list[tuple[str, Article]] = []
    for item in iter_inputs([str(folder)], settings):
        if isinstance(item, RawDocument):
            out.append((Path(item.source).stem, clean_document(item, settings)))
        else:
            log.warning("seed input rejected: %s %s %s", item.source, item.code, item.reason)
    return out


def seed_predictions(ctx: EvalContext, articles: dict[str, Article]) -> dict[str, list[PredictedEvent]]:
    """Events of each seed article, by file stem."""
    docs = ctx.pipeline.process_articles(list(articles.values()))
    return {stem: predicted_events(doc) for stem, doc in zip(articles, docs, strict=True)}


def merge_metric(ctx: EvalContext, gold: list[SeedEvent], predicted: dict[str, list[PredictedEvent]]) -> Metric:
    """Share of ``same_as`` gold pairs that a full ingest stores as one event with two sources.

    Only pairs whose two lines were both matched count; None when no such pair (or no store) exists.
    """
    from petrel.evaluation.merge import merged_pairs

    matches = {m.gold.gold_id: m for m in scorers.match_seed_events(gold, predicted)}
    pairs = [(matches[g.gold_id], matches[g.same_as]) for g in gold
             if g.same_as and g.gold_id in matches and g.same_as in matches]
    if not pairs:
        return Metric("seeds.merge", None, 0, "same_as pairs merged into one event with 2 sources")
    try:
        with tempfile.TemporaryDirectory(prefix="petrel-eval-") as tmp:
            merged = merged_pairs(ctx, pairs, Path(tmp) / "seeds.duckdb")
    except (PetrelError, ImportError) as exc:
        log.warning("seeds merge check skipped: %s", exc)
        return Metric("seeds.merge", None, len(pairs), f"not measured: {exc}")
    return Metric("seeds.merge", merged / len(pairs), len(pairs), "same_as pairs merged into one event with 2 sources")


def run_synthetic(ctx: EvalContext) -> SetResult:
    """The synthetic test split in ``Settings.synthetic_dir`` (written before training, never trained on)."""
    from petrel.model.train.data import dedupe, read_rows

    folder = Path(ctx.settings.synthetic_dir)
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(str(folder))
    rows, _ = read_rows(files, folder)
    rows = dedupe(rows)
    coded = ctx.code("synthetic", [r.text for r in rows])
    return scorers.score_synthetic(rows, [c.events for c in coded])


def run_realnews(ctx: EvalContext) -> SetResult:
    """The real-news set in ``Settings.realnews_dir``: articles ingested with their metadata (title,
    outlet, publication day), cleaned and coded by the pipeline, scored by :func:`scorers.score_realnews`.
    The set carries its own ``dev``/``test`` split and reports both; ``ctx.realnews_split`` ``dev`` keeps only
    the dev articles (so ``python -m petrel.evaluation realnews --split dev`` shows nothing of the test half)."""
    from petrel.clean import clean_document

    folder = Path(ctx.settings.realnews_dir)
    if not (folder / readers.realnews.ARTICLES_FILE).is_file():
        raise FileNotFoundError(str(folder / readers.realnews.ARTICLES_FILE))
    articles, gold = readers.read_realnews(folder)
    if ctx.realnews_split is not None:
        articles = [a for a in articles if a.split == ctx.realnews_split]
        kept = {a.article_id for a in articles}
        gold = [g for g in gold if g.article_id in kept]
    cleaned: list[Article] = []
    for a in articles:
        raw = RawDocument(source=f"realnews:{a.article_id}", text=a.text, fmt="text", doc_id=a.article_id,
                          title=a.title, url=a.url, published=a.published, outlet=a.outlet)
        try:
            cleaned.append(clean_document(raw, ctx.settings))
        except PetrelError as exc:
            log.warning("realnews article %s not coded: %s", a.article_id, exc.one_line())
    docs = ctx.pipeline.process_articles(cleaned)
    predicted = {d.article.doc_id: [realnews_prediction(e, d.article.text) for e in d.events] for d in docs}
    texts = {d.article.doc_id: d.article.text for d in docs}
    return scorers.score_realnews(articles, gold, predicted, texts)


def realnews_prediction(event: EventMention, text: str) -> RealnewsPrediction:
    """What the real-news scorer compares of one extracted event."""
    ev, target, place = event.evidence, event.target, event.place
    return RealnewsPrediction(
        type=event.type, status=event.status, start=ev.start, end=ev.end, sentence=ev.sentence or text[ev.start:ev.end],
        source_country=event.source.country, source_sectors=tuple(event.source.sector),
        has_target=target is not None, target_country=target.country if target else None,
        target_sectors=tuple(target.sector) if target else (), date=event.date,
        place_country=place.country if place else None, admin1=place.admin1 if place else None,
        confidence=event.confidence, source_name=event.source.name, target_name=target.name if target else "")


def run_dedup(ctx: EvalContext) -> SetResult:
    from petrel.evaluation.dedup import dedup_metrics

    return SetResult("dedup", dedup_metrics(ctx))


Runner = Callable[[EvalContext], SetResult]
RUNNERS: dict[str, Runner] = {
    "plover": run_plover,
    "petr2": run_petr2,
    "conflibert": run_conflibert,
    "re3d": run_re3d,
    "seeds": run_seeds,
    "dedup": run_dedup,
    "synthetic": run_synthetic,
    "realnews": run_realnews,
}
