"""The events stage: sentences -> coded :class:`EventMention` records, each with the reason it exists.

For every sentence: find triggers (:mod:`petrel.coding.triggers`), read source and target off the parse
(:mod:`petrel.coding.parties`, :mod:`petrel.coding.arguments`), decide the status
(:mod:`petrel.coding.status`) and whether the act is promised, refused or threatened
(:mod:`petrel.coding.intent`), apply reported speech (:mod:`petrel.coding.speech_drafts`,
:mod:`petrel.coding.speech`, :mod:`petrel.coding.reported`), drop what is no event
(:mod:`petrel.coding.screening`), and emit one event per source/target pair (:mod:`petrel.coding.pairs`);
once the document is coded, :mod:`petrel.coding.settle` decides each event's parties once, from the place
hints (unidentified attackers, parties known by their sector, protests at nobody named) and whom each side
stands for (:mod:`petrel.coding.sides`, :mod:`petrel.coding.targets`). A draft's ``provenance`` holds
the registered rules that shaped it (:mod:`petrel.coding.rules`), then the lexicon entry; the event's
``rule`` is its stored form (``speech-threat<verb:190:attack``). A rule in ``Settings.disabled_rules`` is
not applied. Events without a resolvable source, or whose source and target are the same actor, are not
emitted.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from petrel.coding import arguments as args
from petrel.coding import rules as R
from petrel.coding import accused, answers, issuer, place_lists, speech_drafts, story, unnamed
from petrel.coding.blend import MODEL_ONLY, NONE, BlendSettings, blend
from petrel.coding.context import RuleContext
from petrel.coding.drafts import Draft, actor_identity, weigh
from petrel.coding.intent import drop_clause_consumed, drop_governing, read_intent
from petrel.coding.lexicon import ARMED_SECTORS, Lexicon, Pattern
from petrel.coding.pairs import mention_id, pair_events, same_actor
from petrel.coding.parties import find_parties
from petrel.coding.proposal import SELF_TYPES, code_for, main_predicate, other_party
from petrel.coding.span_parties import span_actor
from petrel.coding.screening import is_state_modifier, keep_draft, trigger_confidence
from petrel.coding.settle import Settling, settle_parties
from petrel.coding.speech import ACCUSE_CODE, is_obligation
from petrel.coding.speech_drafts import condition_actors, drop_restated_accusations, quote_at
from petrel.coding.speech_drafts import speaker_token as _speaker_token  # noqa: F401 - imported from here by tests
from petrel.coding.status import Status, status_of
from petrel.coding.triggers import Trigger, find_triggers
from petrel.config import Settings
from petrel.models import Article, EventMention, PlaceHints, Provenance, Quote, SentencePrediction

__all__ = ["EventStage", "PlaceOf", "mention_id"]

log = logging.getLogger(__name__)
PlaceOf = Callable[[Doc, Article, EventMention], PlaceHints]  # where an event's text (or article) puts it

RESTRICTION_CODES = frozenset({"172", "1721", "1722", "1723", "1724"})  # fall on a place's people
DEVICE_DOUBT = 0.1  # a device's doer is inferred (rule device-agent): below an event whose doer is named


class EventStage:
    """Adds ``state.events``: PLOVER/CAMEO-coded event mentions with evidence and status."""

    name = "events"
    # article: the doc id; article.dateline: read through the place hints (``places``, PlaceResolver.hints_of:
    # the event's stated place, else the article's) that give unnamed and sector-only parties a country
    reads = ("doc", "article", "article.dateline", "mentions", "quotes", "predictions")
    adds = ("events",)

    def __init__(self, settings: Settings | None = None, kb: object | None = None, *,
                 lexicon: Lexicon | None = None, sector_actors: bool | None = None,
                 blend_settings: BlendSettings | None = None, places: PlaceOf | None = None) -> None:
        self.settings = settings or Settings()
        self.places = places  # where an event's text says it happened (petrel.geo.stage.PlaceResolver)
        self.kb = kb
        self.lexicon = lexicon or Lexicon.load()
        self.coder = self.settings.event_model
        if blend_settings is None:
            from petrel.model.classifier import DEFAULT_DIR

            blend_settings = BlendSettings.load(self.settings.event_model_dir or DEFAULT_DIR)
        self.blend_settings = MODEL_ONLY if self.coder == "model" else blend_settings
        # also parties known only by their sector ("the rebels"); off in the pipeline until dedup can merge
        # events whose source has no country (see docs/coding.md)
        sector_actors = self.settings.sector_actors if sector_actors is None else sector_actors
        disabled = frozenset(self.settings.disabled_rules)
        # what the rule modules read of the stage (petrel.coding.context)
        self.ctx = RuleContext(self.lexicon, kb, sector_actors, disabled)
        entries = self.lexicon.entries() if disabled else {}
        for rule_id in disabled:
            if rule_id not in R.RULES and rule_id not in entries:
                log.warning("Settings.disabled_rules names %r, which is neither a rule nor a lexicon entry", rule_id)

    def on(self, rule_id: str) -> bool:
        """Whether the registered rule ``rule_id`` applies (not in ``Settings.disabled_rules``)."""
        return self.ctx.on(rule_id)

    def __call__(self, state) -> None:  # noqa: ANN001 - DocState
        if not state.mentions:
            return
        mentions = place_lists.party_mentions(state.doc, state.mentions) if self.on(R.PLACE_LIST) else state.mentions
        index = args.MentionIndex(state.doc, mentions)  # may be empty: "Car bomb kills four in Syria's Manbij"
        issuer.remember_issuer(index, state.mentions)
        quotes = sorted(state.quotes, key=lambda q: (q.end - q.start))
        preds = {p.start: p for p in state.predictions}
        events: list[EventMention] = []
        for sent in state.doc.sents:
            coded = self.code_sentence(sent, index, quotes, state.article.doc_id, preds.get(sent.start_char))
            unnamed.remember_doers(index, sent.start, coded)
            story.remember_told(index, sent.start, coded)
            events += coded
        events = drop_restated_accusations(events) if self.on(R.RESTATED_ACCUSATION) else events
        places = self.places
        how = Settling(None if places is None else (lambda e: places(state.doc, state.article, e)), self.on,
                       self.ctx.country_name, self.ctx.is_state_name, self.ctx.sector_actors)
        state.events.extend(settle_parties(e, how) for e in events)  # the parties, decided once

    def code_sentence(self, sent: Span, index: args.MentionIndex, quotes: list[Quote], doc_id: str,
                      prediction: SentencePrediction | None = None) -> list[EventMention]:
        """The sentence's events: the rules', weighed with the event model's ``prediction`` when there is
        one (see :mod:`petrel.coding.blend`)."""
        if self.coder == "model":
            events = []
        else:
            events = self.rule_events(sent, index, quotes, doc_id, prediction if self.coder == "combined" else None)
        if prediction is None or self.coder == "rules":
            return events
        propose = (lambda: self.proposed_events(sent, index, quotes, doc_id, prediction)) \
            if self.on(R.EVENT_MODEL) else list
        return blend(events, prediction, self.blend_settings, propose, self.recode)

    def proposed_events(self, sent: Span, index: args.MentionIndex, quotes: list[Quote], doc_id: str,
                        prediction: SentencePrediction) -> list[EventMention]:
        """The event the model says the sentence holds, with parties read off its main predicate."""
        if prediction.label == NONE:
            return []
        tok = main_predicate(sent, self.lexicon.speech)
        code = code_for(prediction.label, prediction.mode, self.lexicon.cameo)
        pos = "noun" if tok.pos_ in ("NOUN", "PROPN") else "verb"
        pattern = Pattern(f"{R.EVENT_MODEL}:{code}", pos, frozenset({tok.lemma_.lower()}), code)
        draft = self.draft(Trigger(tok, pattern), index, quotes)
        if draft is None:
            return []
        if self.on(R.SPAN_PARTY):
            self.span_parties(draft, index, prediction)
        if draft.sources and not draft.targets and draft.info.type not in SELF_TYPES and self.on(R.MODEL_TARGET):
            speaker = draft.quote.speaker if draft.quote is not None else None
            other = other_party(sent, tok, index.named(), draft.sources, speaker)
            if other is not None:
                draft.targets, draft.provenance = [other], draft.with_rule(R.MODEL_TARGET)
        events = pair_events(draft, sent, doc_id)
        for event in events:
            if prediction.mode and (prediction.mode_score or 0) >= 0.5 and event.type == prediction.label:
                event.mode = prediction.mode
        return events

    def span_parties(self, draft: Draft, index: args.MentionIndex, prediction: SentencePrediction) -> None:
        """A model-proposed draft's sides from the span head (rule span-party): the actor the best source span
        covers, unless the parse already has it among the sources; the same for the target, never the source
        itself. A side no span covers keeps what the parse gave."""
        least = self.blend_settings.span_party
        used = False
        source = span_actor(prediction.source_spans, index, least)
        if source is not None and not any(same_actor(source, s) for s in draft.sources):
            # the parse's target may be the very party the span reads as the source: it is no target then
            draft.sources, used = [source], True
            draft.targets = [t for t in draft.targets if not same_actor(source, t)]
        target = span_actor(prediction.target_spans, index, least, avoid=draft.sources)
        if target is not None and not any(same_actor(target, t) for t in draft.targets):
            draft.targets, used = [target], True
        if used:
            draft.provenance = draft.with_rule(R.SPAN_PARTY)

    def span_targets(self, drafts: list[Draft], index: args.MentionIndex, prediction: SentencePrediction) -> None:
        """Rule drafts with a source and no target take the actor the best target span covers when its score
        is at least ``span_target`` (rule span-target), never the source itself (the same actor, or the same country and sectors)."""
        for draft in drafts:
            if draft.sources and not draft.targets:
                target = span_actor(prediction.target_spans, index, self.blend_settings.span_target,
                                    avoid=draft.sources)
                if target is not None:
                    draft.targets, draft.provenance = [target], draft.with_rule(R.SPAN_TARGET)

    def recode(self, event: EventMention, event_type: str, mode: str | None) -> EventMention:
        """``event`` with the model's type: its CAMEO code, quad class, Goldstein and id follow."""
        info = self.lexicon.info(code_for(event_type, mode, self.lexicon.cameo))
        evidence = event.evidence
        new_id = hashlib.sha1(f"{event.mention_id}|{info.type}".encode()).hexdigest()[:20]
        return replace(event, mention_id=new_id, type=info.type, mode=mode or info.mode, cameo=info.code,
                       quad_class=info.quad_class, goldstein=info.goldstein,
                       context=[info.context] if info.context else [],
                       evidence=replace(evidence))

    def rule_events(self, sent: Span, index: args.MentionIndex, quotes: list[Quote], doc_id: str,
                    prediction: SentencePrediction | None = None) -> list[EventMention]:
        """The lexicon rules' events of one sentence (a target from the model's spans where the rules found
        none, when ``prediction`` is given: rule span-target)."""
        found = find_triggers(sent, self.lexicon)
        if self.ctx.disabled:
            found = [t for t in found if t.pattern.entry_id not in self.ctx.disabled]
        triggers = drop_governing(drop_clause_consumed(found), self.lexicon)
        drafts = [d for t in triggers if (d := self.draft(t, index, quotes)) is not None]
        obligations = speech_drafts.obligations(self.ctx, sent, index, quotes) if self.on(R.SPEECH_OBLIGATION) else []
        drafts = story.drop_asked_acts(weigh(drafts + obligations, self.ctx.disabled))
        drafts += speech_drafts.accusations(self.ctx, drafts, index) if self.on(R.SPEECH_ACCUSE) else []
        drafts += answers.told_charges(drafts, self.lexicon.info(ACCUSE_CODE)) if self.on(R.DENIED_CHARGE) else []
        drafts += accused.accused_acts(triggers, index, self.lexicon) if self.on(R.ACCUSED_ACT) else []
        drafts += answers.misread_denials(drafts, index, sent, self.lexicon.info("120")) \
            if self.on(R.ANSWERED_PARTY) else []
        if prediction is not None and prediction.target_spans and self.on(R.SPAN_TARGET):
            self.span_targets(drafts, index, prediction)
        events: dict[tuple, EventMention] = {}
        for draft in drafts:
            for event in pair_events(draft, sent, doc_id):
                key = (event.type, actor_identity(event.source), actor_identity(event.target))
                if key not in events or events[key].confidence < event.confidence:
                    events[key] = event
        return list(events.values())

    def draft(self, trig: Trigger, index: args.MentionIndex, quotes: list[Quote]) -> Draft | None:
        tok, pat = trig.token, trig.pattern
        info = self.lexicon.info(pat.code)
        if pat.pos == "verb" and (is_state_modifier(tok, info) or answers.is_misread_charge(tok)):
            return None  # "charges the army denies": the noun read as a verb
        parties = find_parties(self.ctx, trig, info, index)
        quote = quote_at(tok, quotes)
        if quote is None and self.on(R.ISSUER):
            parties = issuer.issued_by(parties, index, tok)  # "We condemn ..." in a government's statement
        status = status_of(tok, neg_consumed=pat.neg, in_speech=quote is not None)
        if status.cue == "whether":
            return None  # "did not say whether it regarded the attack as a breach": asked, not asserted
        if pat.status:
            status = Status(pat.status, False, "lexicon")
        info, status, intent = read_intent(self.ctx, tok, info, status)
        provenance = Provenance((*parties.rules, *intent), pat.entry_id)
        draft = Draft(trig, info, parties.sources, parties.targets, status, provenance, quote,
                      trigger_confidence(trig) - (DEVICE_DOUBT if R.DEVICE_AGENT in parties.rules else 0.0),
                      by_subject=parties.by_subject)
        if quote is not None and is_obligation(tok) and info.type not in ("RETREAT", "CONCEDE"):
            return None  # what someone says another must do is their demand (see obligations), not an event
        if quote is not None and quote.speaker is not None and quote.cue != "according to":
            draft = speech_drafts.apply_speech(self.ctx, draft, parties.source_token, index, parties.agentless)
        if draft.info.type == "THREATEN" and not draft.targets:
            draft.targets = condition_actors(tok, draft.sources[0], index) if draft.sources else []
        services = story.cuts_services(tok, draft.info.type)  # "cut mobile internet": a restriction too
        if (pat.code in RESTRICTION_CODES or services) and draft.sources and not pat.flip \
                and self.on(R.RESTRICTED_POPULATION) \
                and all(same_actor(draft.sources[0], t) for t in draft.targets):  # none, or its own country
            draft.targets = unnamed.restricted_population(tok, index, draft.sources[0], self.ctx.country_name) or (
                [story.UNPLACED_POPULATION] if services and self.ctx.sector_actors else [])
            if draft.targets:
                draft.provenance = draft.with_rule(R.RESTRICTED_POPULATION)
        if pat.armed and not any(ARMED_SECTORS & set(s.sector) for s in draft.sources):
            return None  # "Acme set up quality checkpoints": only states and armed groups restrict people so
        if not keep_draft(draft):
            return None
        if quote is None or draft.info.type == "ACCUSE":
            unnamed.remember_said(index, tok, draft.info.type, draft.sources, draft.status.status,
                                  conflict=draft.info.quad_class >= 3)
        return draft
