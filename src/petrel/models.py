"""Typed records that cross stage and module boundaries.

Internal records are dataclasses (cheap to build by the thousand); the HTTP API has its own
pydantic models in ``petrel.api.schemas``. ``to_dict`` gives the JSON shape of the contracts in
``docs/contracts.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

EventStatus = Literal["actual", "historical", "future", "hypothetical", "negated", "claimed"]
STATUSES: tuple[str, ...] = ("actual", "historical", "future", "hypothetical", "negated", "claimed")
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
DatePrecision = Literal["day", "month", "year", "range"]
PlacePrecision = Literal["point", "city", "admin1", "country", "region"]


@dataclass(slots=True)
class RawDocument:
    """What a reader hands to the pipeline: text plus whatever metadata the input carried."""

    source: str  # path, "path:line", "path#record", url or "-:line"
    text: str
    fmt: str  # text|jsonl|csv|html|warc|api
    doc_id: str | None = None  # given id, kept as the document id
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given (ISO 8601 expected)
    outlet: str | None = None
    section: str | None = None


@dataclass(slots=True)
class Rejection:
    """An input that could not be ingested, with a reason a user can act on."""

    source: str
    code: str
    reason: str
    fmt: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned article with its recovered metadata (the ``clean`` stage's output)."""

    doc_id: str
    source: str
    fmt: str
    text: str  # repaired body text: every offset in petrel points into this string
    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    section: str | None = None
    wire_credit: str | None = None
    dateline: str | None = None  # place named in a dateline ("BAGHDAD (AP) -")
    content_hash: str = ""
    filed: datetime | None = None  # the day a dateline gives ("KABUL, March 4 (Reuters) -"), when it gives one

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class ActorRef:
    """An actor as it takes part in one event or quote."""

    name: str
    actor_id: str | None = None
    country: str | None = None
    sector: list[str] = field(default_factory=list)
    resolution: str = "unresolved"  # kb|context|coref|country|demonym|place|unresolved

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "actor_id": self.actor_id, "country": self.country,
                "sector": list(self.sector), "resolution": self.resolution}


@dataclass(slots=True)
class ActorMention:
    """One span of an article linked to an actor (the ``actors`` stage's output)."""

    doc_id: str
    start: int  # character offsets into Article.text
    end: int
    text: str
    actor: ActorRef


@dataclass(slots=True)
class Evidence:
    doc_id: str
    sentence: str
    start: int  # offsets of the sentence in Article.text
    end: int
    trigger: str
    trigger_start: int | None = None  # offsets of the trigger in Article.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Place:
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"
    geonameid: int | None = None
    basis: str | None = None  # where the event's text gives it: sentence|paragraph|dateline|document

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PlaceHints:
    """Where an event's own text puts it (``stated``), else where its article happens (``fallback``)."""

    stated: Place | None = None
    fallback: Place | None = None


@dataclass(slots=True)
class Quote:
    quote_id: str
    doc_id: str
    speaker: ActorRef | None
    cue: str | None
    content: str
    start: int
    end: int
    kind: Literal["direct", "indirect"] = "direct"


def rule_text(provenance: Iterable[str], repeats: Iterable[Iterable[str]] = ()) -> str:
    """The display string of a provenance, the one place it is written: ``a<b<entry``, then ``+`` and each
    folded repeat's (``speech-threat<announced<verb:190:attack+noun:193:firefight``). For people and the
    stored ``rule`` column only: code reads the typed record, never this string (an entry's text may hold
    ``<`` or ``+``)."""
    return "+".join("<".join(chain) for chain in (provenance, *repeats))


#: what the event model did to an event: ``kept`` (a rule event the model let stand), ``proposed`` (the
#: model found it where the rules found none), ``relabelled`` (a rule event that took the model's type),
#: ``vetoed`` (a rule event the model dropped: never emitted, see petrel.coding.blend); None when the model
#: took no part (``event_model = "rules"``, or no reading of the sentence)
BlendOutcome = Literal["kept", "proposed", "relabelled", "vetoed"]
#: the ``origin`` of schema 3 to 5 (stored, derived): who decided the event exists and its type
ORIGIN_OF_BLEND: dict[str | None, str] = {None: "rules", "kept": "rules", "vetoed": "rules",
                                          "proposed": "model", "relabelled": "relabelled"}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Why an event exists: one typed record, set by the events stage and carried to the store, the
    exports, the API and the dashboard.

    ``rules`` are the registered rule ids that shaped it, outermost first (``petrel.coding.rules``: each has
    its registry entry, :func:`petrel.coding.rules.fired`); ``entry`` the lexicon entry that fired
    (``verb:190:attack``; ``event-model:CODE`` for an event the model proposed); ``repeats`` the chain
    (rules, then entry) of each act told again and folded into it; ``model_label``/``model_score`` the event
    model's reading of the sentence when it took part, and ``blend`` what the blend did (:data:`BlendOutcome`).
    Code reads these fields; ``text`` is the display string (``speech-threat<announced<verb:190:attack``)."""

    rules: tuple[str, ...] = ()
    entry: str | None = None
    repeats: tuple[tuple[str, ...], ...] = ()
    model_label: str | None = None
    model_score: float | None = None
    blend: BlendOutcome | None = None

    @property
    def chain(self) -> tuple[str, ...]:
        """The rules, then the entry: the stored ``provenance`` list column."""
        return (*self.rules, self.entry) if self.entry is not None else self.rules

    @property
    def text(self) -> str:
        """The display string (:func:`rule_text`)."""
        return rule_text(self.chain, self.repeats)

    @property
    def origin(self) -> str:
        """Who decided the event exists and its type: ``rules``, ``model`` or ``relabelled`` (the stored
        ``origin`` column of schema 3 to 5, derived from ``blend``)."""
        return ORIGIN_OF_BLEND[self.blend]

    def applied(self, rule_id: str) -> bool:
        """Whether the registered rule ``rule_id`` shaped the event (its own chain, not a repeat's)."""
        return rule_id in self.rules

    def outermost(self) -> str | None:
        """The rule applied last (first in ``rules``), if any."""
        return self.rules[0] if self.rules else None

    def with_rule(self, rule_id: str) -> Provenance:
        """This provenance with ``rule_id`` put in front (the caller checks it is registered)."""
        return replace(self, rules=(rule_id, *self.rules))

    def without_rule(self, rule_id: str) -> Provenance:
        return replace(self, rules=tuple(r for r in self.rules if r != rule_id))

    def blended(self, outcome: str, label: str, score: float) -> Provenance:
        """This provenance once the blend weighed it with the model's reading (``label``, ``score``)."""
        return replace(self, blend=outcome, model_label=label, model_score=score)

    @classmethod
    def of_chain(cls, chain: Iterable[str] | None, repeats: Iterable[Iterable[str]] | None = None, *,
                 model_label: str | None = None, model_score: float | None = None,
                 blend: str | None = None) -> Provenance:
        """From the stored list columns: ``chain`` is the rules then the entry (its last item)."""
        items = tuple(chain or ())
        return cls(items[:-1], items[-1] if items else None, tuple(tuple(r) for r in repeats or ()),
                   model_label, model_score, blend)

    def to_dict(self) -> dict[str, Any]:
        return {"rules": list(self.rules), "entry": self.entry, "repeats": [list(r) for r in self.repeats],
                "model_label": self.model_label, "model_score": self.model_score, "blend": self.blend}


@dataclass(slots=True)
class EventMention:
    """One event as coded from one sentence of one article."""

    mention_id: str
    doc_id: str
    type: str
    source: ActorRef
    target: ActorRef | None
    evidence: Evidence
    status: str = "actual"
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None = None
    date: str | None = None
    date_precision: str | None = None
    place: Place | None = None
    confidence: float = 0.5
    quote_id: str | None = None
    negated: bool = False
    # why it exists, one typed record (rules and their lexicon entry, the model's reading, what the blend
    # did); ``rule`` is its display string, derived
    provenance: Provenance = field(default_factory=Provenance)

    @property
    def rule(self) -> str:
        """The display string of the provenance (``a<b<entry+repeat``): :func:`rule_text`."""
        return self.provenance.text


@dataclass(frozen=True, slots=True)
class PartySpan:
    """A stretch of text the event model reads as one side of its sentence's event."""

    start: int
    end: int
    score: float  # mean probability of the span's tags over its word pieces

    def shifted(self, by: int) -> PartySpan:
        return PartySpan(self.start + by, self.end + by, self.score)


@dataclass(slots=True)
class SentencePrediction:
    """The event model's reading of one sentence (the ``model`` stage's output)."""

    label: str  # a PLOVER type, or NONE: no political event
    score: float  # probability of ``label``
    probs: dict[str, float]  # probability of every label
    mode: str | None = None  # best PLOVER mode of ``label``
    mode_score: float | None = None
    start: int = 0  # offsets of the sentence in Article.text
    end: int = 0
    #: the span head's source and target spans (offsets in Article.text once the model stage placed the
    #: sentence; in the sentence's own text straight from the classifier), best score first
    source_spans: tuple[PartySpan, ...] = ()
    target_spans: tuple[PartySpan, ...] = ()

    def prob(self, label: str) -> float:
        return self.probs.get(label, 0.0)


@dataclass(slots=True)
class ProcessedDocument:
    """Everything the per-document stages produced for one article."""

    article: Article
    mentions: list[ActorMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
