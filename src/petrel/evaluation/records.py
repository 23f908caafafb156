"""Typed records of the evaluation: gold records of each labelled set, metrics, the scorecard.

Gold records are frozen dataclasses built by the readers (:mod:`petrel.evaluation.readers`); metrics
and the scorecard are what :func:`petrel.evaluation.run_scorecard` returns and what the baseline
(``eval/baseline.json``) pins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


# --- gold records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One actor of a gold record: a country-like code (ISO alpha-3, ``IGO``, ...) and a sector."""

    code: str | None
    sector: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One PLOVER gold-standard sentence with its (renamed to current PLOVER) event type."""

    record_id: str
    text: str
    type: str  # current PLOVER name (DEMAND -> REQUEST, ...)
    original_type: str  # as written in the file (PLOVER 0.5b1)
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()
    mode: str | None = None

    @property
    def source_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.sources if a.code)

    @property
    def target_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.targets if a.code)


@dataclass(frozen=True, slots=True)
class PetrCoding:
    """One expected CAMEO coding: event code and CAMEO actor codes (``IRQGOVMIL``, ``---REB``)."""

    event_code: str
    source_code: str
    target_code: str


@dataclass(frozen=True, slots=True)
class PetrSentence:
    """One PETRARCH-2 validation sentence; no codings means no event is expected."""

    sentence_id: str
    category: str
    date: str | None  # YYYYMMDD as given
    text: str
    codings: tuple[PetrCoding, ...] = ()


@dataclass(frozen=True, slots=True)
class PentaSentence:
    """One ConfliBERT CAMEO-class sentence: text and PentaClass label 0-4."""

    index: int
    text: str
    label: int


@dataclass(frozen=True, slots=True)
class SpanSentence:
    """One ConfliBERT CoNLL sentence: tokens and their BIO labels (S source, T target, R both)."""

    index: int
    tokens: tuple[str, ...]
    labels: tuple[str, ...]

    def token_roles(self) -> list[str | None]:
        """``S``, ``T``, ``R`` or None for every token."""
        return [None if lab == "O" else lab.split("-", 1)[-1] for lab in self.labels]


@dataclass(frozen=True, slots=True)
class SeedActor:
    """A seed gold actor: acceptable countries (empty: any) and sectors, name where named."""

    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    name: str | None = None


@dataclass(frozen=True, slots=True)
class SeedEvent:
    """One hand-coded event of a seed article (``seeds/gold.jsonl``)."""

    gold_id: str
    doc: str  # seed file stem, e.g. ``000_69b8e296afddf9f7``
    types: tuple[str, ...]
    source: SeedActor
    target: SeedActor | None
    cue: str
    status: str | None = None
    date: str | None = None
    place: str | None = None
    core: bool = False
    same_as: str | None = None


@dataclass(frozen=True, slots=True)
class SeedMetadata:
    """What ingestion should recover for one seed article."""

    doc: str
    published: str | None
    outlet: str | None
    title: str | None
    wire_credit: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class RealnewsArticle:
    """One article of the real-news set (``eval/realnews/articles.jsonl``)."""

    article_id: str
    title: str
    outlet: str | None
    published: str | None  # ISO date
    url: str | None
    licence: str
    split: str  # dev | test
    text: str


@dataclass(frozen=True, slots=True)
class RealnewsActor:
    """One side of a real-news gold event: the words as written, an ISO alpha-3 country and sectors."""

    text: str | None
    country: str | None
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RealnewsPlace:
    name: str | None
    country: str | None
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class RealnewsEvent:
    """One hand-coded event of a real-news article (``eval/realnews/events.jsonl``)."""

    article_id: str
    type: str
    status: str
    sentence: str  # a substring of the article text
    source: RealnewsActor
    target: RealnewsActor | None = None
    mode: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM, YYYY or None
    place: RealnewsPlace | None = None


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Re3dEntity:
    """One annotated span of a re3d document (offsets into its text)."""

    begin: int
    end: int
    type: str  # Organisation, Person, Nationality, Location, Weapon, ...
    value: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Re3dDocument:
    """One re3d document: id, source folder (the publisher), text and entity spans."""

    doc_id: str
    source: str
    text: str
    entities: tuple[Re3dEntity, ...]


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure of the scorecard. ``value`` is None when it is undefined (nothing to measure).

    ``gated`` metrics get a floor in the baseline; the others (coverage, counts) are diagnostics.
    """

    name: str  # "<set>.<metric>", e.g. "plover.type_accuracy"
    value: float | None
    n: int  # how many items the figure is computed over
    description: str = ""
    gated: bool = True

    @property
    def set_name(self) -> str:
        return self.name.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "n": self.n, "description": self.description,
                "gated": self.gated}


@dataclass(frozen=True, slots=True)
class Miss:
    """One diagnostic line: what the gold says and what petrel produced."""

    set_name: str
    item: str  # record id or sentence index
    text: str
    gold: str
    predicted: str
    kind: str = "miss"  # miss (gold not found) | spurious (extracted, matches no gold) | wrong
    labels: tuple[str, str] | None = None  # (gold label, predicted label) where the set has labels


@dataclass(slots=True)
class SetResult:
    """What scoring one labelled set produced."""

    name: str
    metrics: list[Metric] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str | None = None  # reason, when the set could not be scored


@dataclass(slots=True)
class Scorecard:
    """Every metric of one evaluation run, with the sets it covered."""

    results: list[SetResult] = field(default_factory=list)

    @property
    def metrics(self) -> list[Metric]:
        return [m for r in self.results for m in r.metrics]

    @property
    def sets(self) -> list[str]:
        return [r.name for r in self.results if r.skipped is None]

    def get(self, name: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name), None)

    def value(self, name: str) -> float | None:
        metric = self.get(name)
        return None if metric is None else metric.value

    def to_dict(self) -> dict[str, Any]:
        return {"sets": self.sets, "metrics": [m.to_dict() for m in self.metrics],
                "skipped": {r.name: r.skipped for r in self.results if r.skipped},
                "seconds": {r.name: round(r.seconds, 2) for r in self.results}}


@dataclass(frozen=True, slots=True)
class Regression:
    """A gated metric below its pinned floor (or no longer measured)."""

    name: str
    floor: float
    value: float | None

    def __str__(self) -> str:
        shown = "not measured" if self.value is None else f"{self.value:.3f}"
        return f"{self.name}: {shown} < floor {self.floor:.3f}"
