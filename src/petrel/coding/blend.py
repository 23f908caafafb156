"""How the lexicon rules and the event model decide a sentence's events together.

The rules find triggers, parties, status and evidence; the model reads the whole sentence and says how
likely each PLOVER type (or no event) is. For one sentence:

- rule events the model is confident are no event (``NONE`` above ``veto``) are dropped, unless the model
  gives their own type at least ``keep``, or the event exists because of what an earlier sentence said
  (:data:`CONTEXT_RULES`: "A spokesman denied the charge" answers the accusation two sentences back; read
  alone, the model rightly sees a bare statement);
- when the model is confident of a type no rule event has (above ``relabel``), the most confident rule
  event takes that type (``provenance.blend = "relabelled"``): the rules were right that something happened between
  those parties, the lexicon entry named it wrongly;
  An act called off ("postponed his visit", "cancelled the talks": CAMEO 16x) is not relabelled into the
  act itself (a visit, a meeting): the model reads the visit, the rule read that it will not happen;
  nor is a speaker's accusation read off a reported act (``speech-accuse``): relabelled, the speaker
  would become the doer;
- each kept event's confidence mixes the rule's with the model's probability of its type (``weight``), so
  the sentence's top event is the one both agree on;
- where the rules found nothing and the model is confident of a type (above ``propose``), the event is
  read off the sentence's main predicate (``provenance.blend = "proposed"``, see :mod:`petrel.coding.proposal`);
- every event the blend hands on records the model's label and score and what the blend did (``kept``,
  ``proposed``, ``relabelled``) in its :class:`petrel.models.Provenance`; a vetoed event is not handed on
  (a caller that passes ``vetoed`` gets it there, marked ``vetoed``).

The thresholds are tuned on the validation share of the training corpus (never on a test set) and ship
with the model as ``blend.json``; :class:`BlendSettings` holds them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from petrel.coding.rules import ANSWERED_PARTY, SPEECH_ACCUSE
from petrel.models import EventMention, SentencePrediction

NONE = "NONE"
# rules whose events rest on the story before the sentence, which a one-sentence model does not read
CONTEXT_RULES = frozenset({ANSWERED_PARTY})
BLEND_FILE = "blend.json"


@dataclass(frozen=True, slots=True)
class BlendSettings:
    propose: float = 0.6
    veto: float = 0.9
    keep: float = 0.05
    relabel: float = 0.85
    weight: float = 0.5
    span_party: float = 0.7  # least span score for a model-proposed event's side (rule span-party)
    span_target: float = 0.9  # least target-span score for a rule event without a target (span-target; >1 = off)

    @classmethod
    def load(cls, folder: Path | None) -> BlendSettings:
        """The thresholds shipped beside a model (defaults when the file is absent)."""
        path = folder / BLEND_FILE if folder is not None else None
        if path is None or not path.is_file():
            return cls()
        data = json.loads(path.read_text())
        return cls(**{f.name: float(data[f.name]) for f in fields(cls) if f.name in data})

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


MODEL_ONLY = BlendSettings(propose=0.0, veto=0.0, keep=1.1, relabel=1.1, weight=1.0)

Propose = Callable[[], list[EventMention]]
Recode = Callable[[EventMention, str, str | None], EventMention]


def blend(events: list[EventMention], pred: SentencePrediction, settings: BlendSettings, propose: Propose,
          recode: Recode, *, vetoed: list[EventMention] | None = None) -> list[EventMention]:
    """The sentence's events once rules and model are weighed (see the module docstring); the events the
    model vetoed go to ``vetoed`` when given."""
    outcome = "kept"
    if events and pred.prob(NONE) >= settings.veto:
        kept = [e for e in events if pred.prob(e.type) >= settings.keep or _from_context(e)]
        if vetoed is not None:
            left = {id(e) for e in kept}
            vetoed += [replace(e, provenance=e.provenance.blended("vetoed", pred.label, pred.score))
                       for e in events if id(e) not in left]
        events = kept
    relabelled: EventMention | None = None
    if events and pred.label != NONE and pred.score >= settings.relabel and all(e.type != pred.label for e in events):
        top = max(events, key=lambda e: e.confidence)
        if not called_off(top, pred.label) and not speakers_word(top):
            relabelled = recode(top, pred.label, pred.mode)
            events = [relabelled if e is top else e for e in events]
    if not events and pred.label != NONE and pred.score >= settings.propose:
        events, outcome = propose(), "proposed"
    for e in events:
        e.provenance = e.provenance.blended("relabelled" if e is relabelled else outcome, pred.label, pred.score)
        e.confidence = round((1 - settings.weight) * e.confidence + settings.weight * pred.prob(e.type), 3)
    return events


def _from_context(event: EventMention) -> bool:
    """The event exists because of an earlier sentence (a rule of :data:`CONTEXT_RULES` shaped it)."""
    return any(event.provenance.applied(rule) for rule in CONTEXT_RULES)


COOPERATION_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "RETREAT", "CONCEDE"})


def called_off(event: EventMention, label: str) -> bool:
    """"postponed his visit", "cancelled a planned trip": the rule coded a reduction of relations (CAMEO
    16x) whose object is the very act the model would relabel it into."""
    return bool(event.cameo) and event.cameo.startswith("16") and label in COOPERATION_TYPES


def speakers_word(event: EventMention) -> bool:
    """"A bomber blew himself up at a cafe, killing nine, police said": the speaker's accusation read off
    the reported act (``speech-accuse``) is the speaker's word. Relabelled into the act, it would make the
    speaker its doer, and speakers are not doers (issue 11)."""
    return event.provenance.applied(SPEECH_ACCUSE)
