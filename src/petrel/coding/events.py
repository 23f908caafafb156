"""The events stage: sentences -> coded :class:`EventMention` records, each with the reason it exists.

For every sentence: find triggers (:mod:`petrel.coding.triggers`), read source and target off the parse
(:mod:`petrel.coding.arguments`), decide the status (:mod:`petrel.coding.status`), apply reported speech
(:mod:`petrel.coding.speech`, :mod:`petrel.coding.reported`), and emit one event per source/target pair;
once the document's events have their place hints, :mod:`petrel.coding.sides` settles whom each side
stands for (unknown perpetrators, a state's military, policing forces). A draft's ``provenance`` holds
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

from spacy.tokens import Doc, Span, Token

from petrel.coding import arguments as args
from petrel.coding import rules as R
from petrel.coding import accused, answers, coordination, issuer, located, reported, sides, story, unnamed
from petrel.coding.blend import MODEL_ONLY, NONE, BlendSettings, blend
from petrel.coding.drafts import MUTUAL_FIGHTS, Draft, Parties, actor_identity, weigh
from petrel.coding.lexicon import ANY, ARMED_SECTORS, CameoInfo, Lexicon, Pattern
from petrel.coding.proposal import code_for, main_predicate
from petrel.coding.quotes import cue_kind
from petrel.coding.unnamed import ACCIDENT_WORDS, UNKNOWN_ATTACKER
from petrel.coding.speech import (ACCUSE_CODE, SPEECH_NOUNS, STATE_SECTORS, accused_parties, can_accuse,
                                  is_claimed_wrong, is_obligation, same_camp, same_side, threat_code,
                                  threatened_party)
from petrel.coding.status import Status, clause_chain, status_of
from petrel.coding.triggers import Trigger, find_triggers
from petrel.config import Settings
from petrel.models import ActorRef, Article, EventMention, Evidence, PlaceHints, Quote, SentencePrediction

log = logging.getLogger(__name__)
PlaceOf = Callable[[Doc, Article, EventMention], PlaceHints]  # where an event's text (or article) puts it

CONSUMING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE"})
REQUEST_FOR_YIELD = "1056"
OWN_PRONOUNS = frozenset({"it", "they", "he", "she"})  # "X said it would ...": X, if nothing else
STAND_IN_SUBJECTS = frozenset({"this", "that", "these", "those", "there", "anything", "everything", "nothing"})
TARGETLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "RETREAT", "CONCEDE", "REJECT"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
OWN_CLAIM_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts a side's own report of them leaves claimed
# "Hezbollah and Israel fought a war", "Ethiopia and Eritrea clashed": each fought the other
INTENT_VERBS = frozenset({"agree", "promise", "pledge", "offer", "vow", "swear", "commit", "undertake",
                          "volunteer", "consent", "willing", "ready", "prepared", "committed", "plan", "intend"})
REFUSAL_VERBS = frozenset({"refuse", "decline", "reject", "fail", "unwilling", "reluctant"})
# "threatened to censure the minister": one threat, aimed where the threatened act is aimed
THREAT_VERBS = frozenset({"threaten", "warn"})
GENERIC_THREAT = "130"
INTENT_CODES = {"AID": "033", "COOPERATE": "031", "RETREAT": "035", "CONCEDE": "035", "CONSULT": "036",
                "SUPPORT": "030"}
REFUSAL_CODES = {"AID": "122", "COOPERATE": "121", "RETREAT": "124", "CONCEDE": "124", "CONSULT": "125",
                 "SUPPORT": "120"}
HELPER_VERBS = frozenset({"help", "assist", "try", "attempt", "seek", "continue", "begin", "start", "resume"})
PREVENT_VERBS = frozenset({"avoid", "prevent", "forestall", "avert", "deter", "stop", "end", "halt", "thwart",
                           "foil", "oppose", "fear", "risk"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
STATE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AID"})
ULTIMATUM_CODE = "139"
RESTRICTION_CODES = frozenset({"172", "1721", "1722", "1723", "1724"})  # fall on a place's people
TIME_PREPS = frozenset({"after", "since", "before", "following", "during", "until", "amid"})
CALENDAR_CUES = frozenset({"schedule", "due", "set", "slate", "expect"})  # planned, not promised: the act itself
CUSTODY_CODES = frozenset({"173", "0841"})  # arrests and releases: by the authorities when nobody is named
FIRED_VERBS = frozenset({"fire", "launch", "shell", "attack", "strike", "bomb", "target", "hit", "rocket", "shoot"})
# "gunmen arrived in the town" is no visit: only a party with a country or an id consults
SECTOR_FREE_TYPES = frozenset({"CONSULT"})
REPORTED_DEPS = frozenset({"ccomp", "conj", "xcomp", "dobj", "nsubj", "nsubjpass", "attr"})  # claim -> its verb


class EventStage:
    """Adds ``state.events``: PLOVER/CAMEO-coded event mentions with evidence and status."""

    name = "events"
    reads = ("doc", "mentions", "quotes", "predictions")
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
        self.sector_actors = self.settings.sector_actors if sector_actors is None else sector_actors
        self.disabled = frozenset(self.settings.disabled_rules)
        for rule_id in self.disabled:
            if rule_id not in R.RULES and rule_id.split(":", 1)[0] not in ("verb", "noun", "adj"):
                log.warning("Settings.disabled_rules names %r, which is neither a rule nor a lexicon entry", rule_id)

    def on(self, rule_id: str) -> bool:
        """Whether the registered rule ``rule_id`` applies (not in ``Settings.disabled_rules``)."""
        return R.check(rule_id) not in self.disabled

    def __call__(self, state) -> None:  # noqa: ANN001 - DocState
        index = args.MentionIndex(state.doc, state.mentions)
        if not index:
            return
        issuer.remember_issuer(index, state.mentions)
        quotes = sorted(state.quotes, key=lambda q: (q.end - q.start))
        preds = {p.start: p for p in state.predictions}
        events: list[EventMention] = []
        for sent in state.doc.sents:
            coded = self.code_sentence(sent, index, quotes, state.article.doc_id, preds.get(sent.start_char))
            unnamed.remember_doers(index, sent.start, coded)
            story.remember_told(index, sent.start, coded)
            events += coded
        events = _drop_restated_accusations(events) if self.on(R.RESTATED_ACCUSATION) else events
        if self.places is not None:
            places = self.places
            unnamed.locate_unknown_attackers(events, lambda e: places(state.doc, state.article, e).stated)
            if self.sector_actors:
                located.locate_parties(events, lambda e: places(state.doc, state.article, e), self._country_name,
                                       protests=self.on(R.PROTESTED_GOVERNMENT))
        sides.settle_sides(events, on=self.on, is_state_name=self._is_state_name)
        state.events.extend(events)

    def _is_country_name(self, name: str) -> bool:
        """"Lebanon", "the United States": a country's own name (not a town resolved to its country)."""
        if self.kb is None:
            return True
        term = self.kb.country_term(name)
        return term is not None and term.kind == "country"

    def _is_state_name(self, name: str) -> bool:
        """"Iran", "Moscow", "the United States": a state named by its country or capital (no knowledge
        base: none is)."""
        if self.kb is None:
            return False
        term = self.kb.country_term(name)
        return term is not None and term.kind in ("country", "capital")

    def _country_name(self, code: str) -> str:
        """"Nigeria" for "NGA" (the code itself without a knowledge base)."""
        return self.kb.country_name(code) if self.kb is not None else code

    def code_sentence(self, sent: Span, index: args.MentionIndex, quotes: list[Quote], doc_id: str,
                      prediction: SentencePrediction | None = None) -> list[EventMention]:
        """The sentence's events: the rules', weighed with the event model's ``prediction`` when there is
        one (see :mod:`petrel.coding.blend`)."""
        events = self.rule_events(sent, index, quotes, doc_id) if self.coder != "model" else []
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
        events = _pairs(draft, sent, doc_id)
        for event in events:
            event.origin = "model"
            if prediction.mode and (prediction.mode_score or 0) >= 0.5 and event.type == prediction.label:
                event.mode = prediction.mode
        return events

    def recode(self, event: EventMention, event_type: str, mode: str | None) -> EventMention:
        """``event`` with the model's type: its CAMEO code, quad class, Goldstein and id follow."""
        info = self.lexicon.info(code_for(event_type, mode, self.lexicon.cameo))
        evidence = event.evidence
        new_id = hashlib.sha1(f"{event.mention_id}|{info.type}".encode()).hexdigest()[:20]
        return replace(event, mention_id=new_id, type=info.type, mode=mode or info.mode, cameo=info.code,
                       quad_class=info.quad_class, goldstein=info.goldstein,
                       context=[info.context] if info.context else [], origin="relabelled",
                       evidence=replace(evidence))

    def rule_events(self, sent: Span, index: args.MentionIndex, quotes: list[Quote], doc_id: str) -> list[EventMention]:
        """The lexicon rules' events of one sentence."""
        found = find_triggers(sent, self.lexicon)
        if self.disabled:
            found = [t for t in found if t.pattern.entry_id not in self.disabled]
        triggers = _drop_governing(_drop_clause_consumed(found), self.lexicon)
        drafts = [d for t in triggers if (d := self.draft(t, index, quotes)) is not None]
        obligations = self.obligations(sent, index, quotes) if self.on(R.SPEECH_OBLIGATION) else []
        drafts = story.drop_asked_acts(weigh(drafts + obligations, self.disabled))
        drafts += self.accusations(drafts, index) if self.on(R.SPEECH_ACCUSE) else []
        drafts += answers.told_charges(drafts, self.lexicon.info(ACCUSE_CODE)) if self.on(R.DENIED_CHARGE) else []
        drafts += accused.accused_acts(triggers, index, self.lexicon) if self.on(R.ACCUSED_ACT) else []
        drafts += answers.misread_denials(drafts, index, sent, self.lexicon.info("120")) \
            if self.on(R.ANSWERED_PARTY) else []
        events: dict[tuple, EventMention] = {}
        for draft in drafts:
            for event in _pairs(draft, sent, doc_id):
                key = (event.type, actor_identity(event.source), actor_identity(event.target))
                if key not in events or events[key].confidence < event.confidence:
                    events[key] = event
        return list(events.values())

    def draft(self, trig: Trigger, index: args.MentionIndex, quotes: list[Quote]) -> Draft | None:
        tok, pat = trig.token, trig.pattern
        info = self.lexicon.info(pat.code)
        if pat.pos == "verb" and (_is_state_modifier(tok, info) or answers.is_misread_charge(tok)):
            return None  # "charges the army denies": the noun read as a verb
        parties = self._parties(trig, info, index)
        quote = _quote_at(tok, quotes)
        if quote is None and self.on(R.ISSUER):
            parties = issuer.issued_by(parties, index, tok)  # "We condemn ..." in a government's statement
        status = status_of(tok, neg_consumed=pat.neg, in_speech=quote is not None)
        if status.cue == "whether":
            return None  # "did not say whether it regarded the attack as a breach": asked, not asserted
        if pat.status:
            status = Status(pat.status, False, "lexicon")
        info, status, intent = self._intent(tok, info, status)
        provenance = (*parties.rules, *intent, pat.entry_id)
        draft = Draft(trig, info, parties.sources, parties.targets, status, provenance, quote,
                      _confidence(trig), by_subject=parties.by_subject)
        if quote is not None and is_obligation(tok) and info.type not in ("RETREAT", "CONCEDE"):
            return None  # what someone says another must do is their demand (see obligations), not an event
        if quote is not None and quote.speaker is not None and quote.cue != "according to":
            draft = self._speech(draft, parties.source_token, index, parties.agentless)
        if draft.info.type == "THREATEN" and not draft.targets:
            draft.targets = _condition_actors(tok, draft.sources[0], index) if draft.sources else []
        services = story.cuts_services(tok, draft.info.type)  # "cut mobile internet": a restriction too
        if (pat.code in RESTRICTION_CODES or services) and draft.sources and not pat.flip \
                and self.on(R.RESTRICTED_POPULATION) \
                and all(_same_actor(draft.sources[0], t) for t in draft.targets):  # none, or its own country
            draft.targets = unnamed.restricted_population(tok, index, draft.sources[0], self._country_name) or (
                [story.UNPLACED_POPULATION] if services and self.sector_actors else [])
            if draft.targets:
                draft.provenance = draft.with_rule(R.RESTRICTED_POPULATION)
        if pat.armed and not any(ARMED_SECTORS & set(s.sector) for s in draft.sources):
            return None  # "Acme set up quality checkpoints": only states and armed groups restrict people so
        if not _keep(draft):
            return None
        if quote is None or draft.info.type == "ACCUSE":
            unnamed.remember_said(index, tok, draft.info.type, draft.sources, draft.status.status,
                                  conflict=draft.info.quad_class >= 3)
        return draft

    def _parties(self, trig: Trigger, info: CameoInfo, index: args.MentionIndex) -> Parties:
        """Source and target read off the parse, then the fallbacks: what the pattern consumed, a party
        known only by its sector (rule sector-actor), unidentified attackers (rule unknown-agent), ...;
        each found party names its rule (:mod:`petrel.coding.rules`) unless that rule is switched off."""
        tok, pat = trig.token, trig.pattern
        roles = args.noun_roles(tok, index) if pat.pos == "noun" else args.verb_roles(tok, index)
        sources, targets, src_tok = roles.sources, roles.targets, roles.source_token
        reported = coordination.reporters(tok, info.type, self.lexicon.speech, index) \
            if pat.pos == "verb" and self.on(R.REPORTED_AND) else None
        if reported is not None:  # "said X was behind the raid and urged Y to act": the speaker urges
            sources, src_tok = reported
            targets = [t for t in targets if not any(_same_actor(t, s) for s in sources)]
        if info.type == "ASSAULT" and src_tok is not None and src_tok.lemma_.lower() in ACCIDENT_WORDS:
            sources = []  # "victims killed by the MH17 crash": an accident, not the airline's attack
        targets = _pattern_prep_actors(trig, index, sources) or targets
        targets = _helped_act_targets(trig, index) or targets
        asked = story.addressees(tok, index, sources, self._country_name) \
            if info.type == "REQUEST" and not pat.flip and self.on(R.ADDRESSEE) else []
        targets = asked or targets  # "urged X to press Y": X is asked
        if pat.flip:
            sources, targets = targets, sources
        found_by: tuple[str, ...] = (R.REPORTED_AND,) if reported is not None else ()
        if self.sector_actors and not sources and not pat.flip and info.type not in SECTOR_FREE_TYPES \
                and self.on(R.SECTOR_ACTOR):  # "rebels said ..."
            sources, src_tok = unnamed.sector_sources(tok, pat.pos, src_tok, index)
            found_by = (R.SECTOR_ACTOR,) if sources else ()
        if not sources and info.type == "PROTEST" and src_tok is not None and self.on(R.LOCAL_PROTESTERS):
            sources = unnamed.local_protesters(tok, src_tok, index)
            found_by = (R.LOCAL_PROTESTERS,) if sources else found_by
        if not sources and roles.agentless and info.code in CUSTODY_CODES and self.on(R.LOCAL_AUTHORITIES):
            sources = unnamed.local_authorities(tok, index)
            found_by = (R.LOCAL_AUTHORITIES,) if sources else found_by
        if not sources and roles.agentless and info.type == "MOBILIZE" and self.on(R.DEPLOYED_FORCES):
            sources = unnamed.deployed_forces(tok, index)  # "Russian peacekeepers were deployed"
            found_by = (R.DEPLOYED_FORCES,) if sources else found_by
        if not sources and not targets and pat.pos == "noun" and info.type in RECIPROCAL_TYPES \
                and self.on(R.BETWEEN) and len(both := coordination.between_parties(tok, index)) > 1:
            sources, targets, found_by = both[:1], both[1:], (R.BETWEEN,)  # "talks between X and Y"
        if not sources and info.type == "ASSAULT" and self.on(R.ATTACK_AGENT):
            sources = unnamed.attack_agents(tok, index.lenient_view() if self.sector_actors else index)
            found_by = (R.ATTACK_AGENT,) if sources else found_by
        if not sources and info.type == "ASSAULT" and self.on(R.CARRIED_FORWARD):
            sources = unnamed.carried_doers(tok, index)  # "The army launched an offensive. The strikes killed 12"
            found_by = (R.CARRIED_FORWARD,) if sources else found_by
        if not sources and self.on(R.UNKNOWN_AGENT) and (targets or unnamed.sector_victim(tok, index)) \
                and unnamed.is_unknown_attack(tok, info, roles.agentless, src_tok):
            sources, src_tok, found_by = [UNKNOWN_ATTACKER], None, (R.UNKNOWN_AGENT,)
            targets = targets or unnamed.local_victims(tok, index)
        if not targets and info.type == "REJECT" and sources and self.on(R.ANSWERED_PARTY):
            targets = unnamed.answered_parties(tok, index, sources)  # "a charge the party denied"
            found_by = (R.ANSWERED_PARTY, *found_by) if targets else found_by
        if not targets and pat.pos == "verb" and not pat.flip and self.on(R.RELATIVE_OBJECT):
            targets = story.relative_objects(tok, index) or story.misparsed_objects(tok, index)  # "officials it accused"
            found_by = (R.RELATIVE_OBJECT, *found_by) if targets else found_by
        targets = (targets or self._fallback_targets(trig, info, index, sources)
                   or self._sector_targets(trig, sources, index))
        if self.on(R.NO_TARGET):  # "sent 300 troops to the area", "X and Y clashed in Z district"
            kept = story.sent_forces(tok, targets, index) if targets else None
            kept = story.fight_places(tok, sources, targets, index) if kept is None else kept
            if kept is not None:
                targets, found_by = kept, (R.NO_TARGET, *found_by)
        vessels = story.named_vessels(tok, targets, index) if self.on(R.SETTLEMENT_PEOPLE) else targets
        if vessels is not targets:  # "seized the car carrier Ocean Star": a business's ship
            targets, found_by = vessels, (R.SETTLEMENT_PEOPLE, *found_by)
        if targets and self.sector_actors and not pat.flip and self.on(R.SETTLEMENT_PEOPLE):
            people = unnamed.town_targets(tok, info, targets, index, self._is_country_name)  # "shelled El Fasher"
            if people:
                targets, found_by = people, (R.SETTLEMENT_PEOPLE, *found_by)
        if targets and not pat.flip and self.on(R.SETTLEMENT_PEOPLE) and \
                (people := story.property_people(tok, info.type, targets, index)):  # "struck buildings in Beirut"
            targets, found_by = people, (R.SETTLEMENT_PEOPLE, *found_by)
        if not targets and self.sector_actors and not pat.flip and self.on(R.SETTLEMENT_PEOPLE):
            targets = unnamed.settlement_people(tok, info, index)
            found_by = (R.SETTLEMENT_PEOPLE, *found_by) if targets else found_by
        if not targets and info.type == "PROTEST" and sources and not pat.flip and self.on(R.PROTESTED_GOVERNMENT):
            state = STATE_SECTORS.intersection(sources[0].sector)  # a government does not protest at itself
            targets = [t for t in unnamed.protested_government(tok, index, sources[0], self._country_name)
                       if not (state and same_side(t, sources[0]))]
            found_by = (R.PROTESTED_GOVERNMENT, *found_by) if targets else found_by
        if not targets and sources and info.quad_class >= 3 and self.on(R.ANSWERED_PARTY):
            targets = unnamed.retaliated_parties(tok, index, sources) \
                or story.responded_parties(tok, index, sources)  # "carried out airstrikes in retaliation"
            found_by = (R.ANSWERED_PARTY, *found_by) if targets else found_by
        if not targets and sources and not pat.flip and self.on(R.STATE_INSTITUTION):
            targets = story.dissolved_institutions(tok, index, sources)  # "dissolved parliament"
            found_by = (R.STATE_INSTITUTION, *found_by) if targets else found_by
        if not targets and sources and info.type in story.TOLD_TYPES and self.on(R.TOLD_ACT):
            targets = story.told_act_doers(tok, index, sources)  # "condemned the coup": its plotters
            found_by = (R.TOLD_ACT, *found_by) if targets else found_by
        if asked and targets == asked:
            found_by = (R.ADDRESSEE, *found_by)
        if R.SECTOR_ACTOR in found_by and info.quad_class in (1, 2) and not targets:
            sources = []  # "the ministers signed a memorandum": cooperation by someone unnamed with nobody
        return Parties(sources, targets, src_tok, roles.agentless, found_by,
                       by_subject=pat.pos != "noun" or roles.source_token is not None)

    def _intent(self, tok: Token, info: CameoInfo, status: Status) -> tuple[CameoInfo, Status, tuple[str, ...]]:
        """Promised or refused cooperation is AGREE or REJECT (CAMEO 03x / 12x), not the act itself:
        "agreed to withdraw", "will provide aid", "refused to deploy peacekeepers"; a threatened,
        announced or conditional hostile act is a threat. Returns the rule applied (none: ``()``)."""
        governor = _governor(tok)
        hostile = threat_code(info)
        if governor in INTENT_VERBS and status.negated and info.quad_class >= 3 and self.on(R.INTENT_RULE):
            return self.lexicon.info("030"), Status(), (R.INTENT_RULE,)  # "agreed not to use force": a promise
        if tok.lemma_ == "help" and hostile and (status.status in ("future", "hypothetical")) \
                and self.on(R.INTENT_RULE):
            return self.lexicon.info("031"), Status(), (R.INTENT_RULE,)  # "would help Kabul fight": help promised
        conditional = status.status == "hypothetical" and status.cue in ("if", "in case")
        announced = status.status in ("future", "hypothetical") or (status.negated and _has_modal(tok))
        if governor in THREAT_VERBS and info.quad_class >= 3 and info.type != "THREATEN" and self.on(R.THREAT):
            said = status_of(tok.head, neg_consumed=False, in_speech=False)  # the threat itself happened
            if said.status == "hypothetical" and said.cue in ("if", "unless", "in case"):
                said = Status()  # "threatened to censure him if he stays": the condition is the threat's
            return self.lexicon.info(hostile or GENERIC_THREAT), said, (R.THREAT,)
        if info.type != "THREATEN" and announced and self.on(R.ULTIMATUM) and _ultimatum(tok):  # "will X unless Y"
            kept = Status("future", False, "unless") if status.negated else status
            return self.lexicon.info(hostile or ULTIMATUM_CODE), kept, (R.ULTIMATUM,)
        if hostile and info.type != "THREATEN" and self.on(R.ANNOUNCED) and (
                governor in INTENT_VERBS or status.status == "future" or (conditional and not _inside_condition(tok))):
            return self.lexicon.info(hostile), status, (R.ANNOUNCED,)  # "will impose", "vowed to fight"
        if info.quad_class not in (1, 2) or info.type == "AGREE":
            return info, status, ()
        if self.on(R.REFUSAL) and (governor in REFUSAL_VERBS or (status.negated and _has_modal(tok))):
            return self.lexicon.info(REFUSAL_CODES.get(info.type, "120")), Status(), (R.REFUSAL,)  # "will not aid"
        if self.on(R.INTENT_RULE) and (governor in INTENT_VERBS
                                       or (status.status == "future" and status.cue not in CALENDAR_CUES)):
            return self.lexicon.info(INTENT_CODES.get(info.type, "030")), Status(), (R.INTENT_RULE,)
        return info, status, ()

    def obligations(self, sent: Span, index: args.MentionIndex, quotes: list[Quote]) -> list[Draft]:
        """"X said (that) Y must/should/has to Z", "X issued a reminder to Y that it must Z": X demands it of Y,
        whatever Z is (rule speech-obligation)."""
        out: list[Draft] = []
        for tok in sent:
            for cue, comp in self._obliging_clauses(tok):
                draft = self._obligation(cue, comp, index, quotes)
                if draft is not None:
                    out.append(draft)
        return out

    def _obliging_clauses(self, tok: Token) -> list[tuple[Token, Token]]:
        """(the verb whose subject speaks, the obligation clause): "X said Y must ...", and a speech noun
        that is the verb's object with a "that" clause: "X issued a reminder that Y must ..."."""
        if tok.tag_.startswith("VB") and tok.lemma_.lower() in self.lexicon.speech:
            return [(tok, c) for c in tok.children if c.dep_ == "ccomp" and is_obligation(c)]
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS and tok.dep_ == "dobj":
            return [(tok.head, c) for c in tok.children if c.dep_ in ("acl", "ccomp") and is_obligation(c)
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        return []

    def _obligation(self, cue: Token, comp: Token, index: args.MentionIndex, quotes: list[Quote]) -> Draft | None:
        speaker_tok = _speaker_token(cue)
        sources = args.np_actors(speaker_tok, index) if speaker_tok is not None else []
        obliged = args.comp_subject_actors(comp, index) or _addressees(cue, comp, index)
        targets = [t for t in obliged if not any(same_camp(t, s) for s in sources)]
        if not sources or not targets:
            return None
        code = REQUEST_FOR_YIELD if comp.lemma_ in self.lexicon.classes.get("retreat", ()) else "100"
        pattern = Pattern(f"{R.SPEECH_OBLIGATION}:{code}", "verb", frozenset({comp.lemma_}), code)
        return Draft(Trigger(comp, pattern), self.lexicon.info(code), sources, targets,
                     status_of(cue), (pattern.entry_id,), _quote_at(comp, quotes), 0.62)

    def accusations(self, drafts: list[Draft], index: args.MentionIndex) -> list[Draft]:
        """"Israel said Hamas fired rockets at it": a violent or repressive act an actor says another camp
        did is also the speaker's accusation of that camp (ACCUSE, CAMEO 112, rule speech-accuse<...);
        the claimed act stays, and comes first (lower confidence for the accusation). As one side's word
        against another's, the act is ``claimed`` (by the speech verb) unless it already had a status."""
        out: list[Draft] = []
        for draft in drafts:
            accusation = self._accusation(draft, index)
            if accusation is None:
                continue
            out.append(accusation)
            official = self.on(R.OFFICIAL_REPORT) and all(
                reported.is_official_reporter(s, self._is_state_name) for s in accusation.sources)
            if draft.status.status in ("actual", "historical") and not official:
                draft.status = Status("claimed", False, accusation.trigger.token.lower_)
        return out

    def _accusation(self, draft: Draft, index: args.MentionIndex) -> Draft | None:
        quote = draft.quote
        if quote is None or quote.speaker is None:
            return None
        if not is_claimed_wrong(draft.info, draft.status.status, draft.status.negated):
            return None
        cue = _speech_verb(draft.trigger.token, self.lexicon.speech)
        if cue is None or cue_kind(cue.lemma_, self.lexicon.speech) not in ("say", "claim"):
            return None  # "denied that ...", "warned that ..." accuse nobody
        if not _what_was_said(draft.trigger.token, cue):
            return None
        speakers = _speakers(draft.trigger.token, index, self.lexicon.speech) or [quote.speaker]
        speakers = [s for s in speakers if can_accuse(s)]
        accused = accused_parties(speakers, draft.sources) if speakers else []
        if not accused:
            return None
        pattern = Pattern(f"{R.SPEECH_ACCUSE}:{ACCUSE_CODE}", "verb", frozenset({cue.lemma_.lower()}), ACCUSE_CODE)
        return Draft(Trigger(cue, pattern), self.lexicon.info(ACCUSE_CODE), speakers, accused,
                     status_of(cue), draft.with_rule(R.SPEECH_ACCUSE), quote, draft.confidence - 0.1,
                     repeats=draft.repeats)

    def _sector_targets(self, trig: Trigger, sources: list[ActorRef], index: args.MentionIndex) -> list[ActorRef]:
        """Nobody codable acted upon: a party known only by its sector ("attacked rebel positions")."""
        if trig.pattern.flip or not self.sector_actors:
            return []
        lenient = index.lenient_view()
        tok = trig.token
        roles = args.noun_roles(tok, lenient) if trig.pattern.pos == "noun" else args.verb_roles(tok, lenient)
        return [t for t in roles.targets if not any(_same_actor(t, s) for s in sources)]

    def _fallback_targets(self, trig: Trigger, info: CameoInfo, index: args.MentionIndex,
                          sources: list[ActorRef]) -> list[ActorRef]:
        """No direct object: look in what the pattern consumed, then in the complement clause."""
        for found in self._fallback_candidates(trig, info, index):
            found = [a for a in found if not any(same_camp(a, s) for s in sources)]
            if found:
                return found
        return []

    def _fallback_candidates(self, trig: Trigger, info: CameoInfo, index: args.MentionIndex):
        tok = trig.token
        for i in sorted(trig.consumed):
            comp = tok.doc[i]
            if comp.pos_ in ("VERB", "AUX"):
                yield args.comp_subject_actors(comp, index)
                yield args.object_actors(comp, index)
            elif comp.dep_ not in ("prep", "prt"):
                yield args.object_actors(comp, index)
        clause = _clause_child(tok)
        if clause is not None and info.type in CONSUMING_TYPES:
            yield args.clause_actors(clause, index, all_groups=True)
        if info.type in ("AID", "COOPERATE", "SUPPORT"):
            yield args.advcl_subject_actors(tok, index)
        if info.type == "PROTEST":  # a protest in Beijing is addressed to China's government
            yield args.place_actors(tok, index)

    def _speech(self, draft: Draft, src_tok: Token | None, index: args.MentionIndex, agentless: bool) -> Draft:
        quote, tok = draft.quote, draft.trigger.token
        speaker = quote.speaker
        speakers = _speakers(tok, index, self.lexicon.speech) or [speaker]
        if cue_kind(quote.cue, self.lexicon.speech) == "claim" and draft.status.status in ("actual", "historical"):
            draft.status = Status("claimed", False, quote.cue)
        first_person = args.is_first_person(src_tok) or (src_tok is not None and quote.kind == "direct"
                                                         and src_tok.lower_ in ("we", "i"))
        own_pronoun = quote.kind == "indirect" and src_tok is not None and src_tok.lower_ in OWN_PRONOUNS
        if agentless and threat_code(draft.info) and all(s is UNKNOWN_ATTACKER for s in draft.sources) \
                and self.on(R.SPEECH_ORIGIN):
            draft = _from_origin(draft, index, speaker)
        if self.on(R.SPEECH_SPEAKER) and (first_person or (not draft.sources and not agentless and (
                own_pronoun or (_speaker_may_stand_in(src_tok) and _speech_act(draft))))):
            draft.sources = speakers
            draft.provenance = draft.with_rule(R.SPEECH_SPEAKER)
            draft.targets = [t for t in draft.targets if not same_side(t, speaker)]
        if draft.info.type in OWN_CLAIM_TYPES and draft.status.status in ("actual", "historical") and draft.sources \
                and self.on(R.OWN_CLAIM) and (first_person or self._own_report(draft, speaker, index)):
            draft.status = Status("claimed", False, quote.cue)  # "Hezbollah said it fired rockets": its own word
        code = threat_code(draft.info)
        if code and draft.status.status in ("future", "hypothetical") and draft.info.type != "THREATEN" and (
                any(same_side(s, speaker) for s in draft.sources) or (draft.sources and draft.status.cue == "if")) \
                and self.on(R.SPEECH_THREAT):
            return self._as_threat(draft, code, speakers, index)
        if draft.info.type in ("RETREAT", "CONCEDE") and is_obligation(tok) and self.on(R.SPEECH_DEMAND):
            return self._as_demand(draft, speaker)
        return draft

    def _own_report(self, draft: Draft, speaker: ActorRef, index: args.MentionIndex) -> bool:
        """The doers' own side tells of their act (rule own-claim), unless it is the police or the courts
        telling of their own arrests (rule official-report, :mod:`petrel.coding.reported`)."""
        voices = _speakers(draft.trigger.token, index.lenient_view(), self.lexicon.speech) or [speaker]
        if not all(any(reported.own_side(v, s) for v in voices) for s in draft.sources):
            return False
        return not (self.on(R.OFFICIAL_REPORT) and reported.routine_custody(draft.info.code, voices[0], draft.sources))

    def _as_threat(self, draft: Draft, code: str, speakers: list[ActorRef], index: args.MentionIndex) -> Draft:
        targets = threatened_party(speakers[0], draft.sources, draft.targets)
        if not targets:
            targets = _condition_actors(draft.trigger.token, speakers[0], index)
        return replace(draft, info=self.lexicon.info(code), sources=speakers, targets=targets,
                       provenance=draft.with_rule(R.SPEECH_THREAT), confidence=draft.confidence - 0.1)

    def _as_demand(self, draft: Draft, speaker: ActorRef) -> Draft:
        targets = [s for s in draft.sources if not same_side(s, speaker)]
        return replace(draft, info=self.lexicon.info(REQUEST_FOR_YIELD), sources=[speaker], targets=targets,
                       status=Status(), provenance=draft.with_rule(R.SPEECH_DEMAND),
                       confidence=draft.confidence - 0.1)


def _ultimatum(tok: Token) -> bool:
    """"X will withdraw its troops unless Y ...": an act announced on the condition "unless" is a threat
    (CAMEO 139, give ultimatum; a hostile act keeps its own threat code). The act inside the "unless"
    clause is the condition, not the threat."""
    for node in clause_chain(tok):
        if any(c.dep_ == "mark" and c.lower_ == "unless" for c in node.children):
            return False
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
               for c in node.children):
            return True
        if node.dep_ in ("ccomp", "advcl", "relcl"):
            return False
    return False


def _helped_act_targets(trig: Trigger, index: args.MentionIndex) -> list[ActorRef]:
    """"The US helped Iraq (to) fight the Islamic State": coded as the act helped with (a pattern like
    ``help >fight``), the target is the act's object, not the one helped."""
    tok = trig.token
    if trig.pattern.comp is None or tok.lemma_.lower() not in HELPER_VERBS:
        return []
    acts = [tok.doc[i] for i in sorted(trig.consumed) if tok.doc[i].pos_ in ("VERB", "AUX")]
    return [a for act in acts for a in args.verb_roles(act, index).targets]


def _names_event_by_object(pattern: Pattern) -> bool:
    """A verb pattern naming its event by the object ("carry out +attacks", "launch +strikes")."""
    return pattern.pos == "verb" and pattern.objects is not None and pattern.objects != ANY


def _condition_actors(tok: Token, speaker: ActorRef, index: args.MentionIndex) -> list[ActorRef]:
    """Actors of the "if" clause that governs a threat ("if he insists, ...")."""
    for node in clause_chain(tok):
        for clause in (node, *node.children):
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                               for c in clause.children):
                found = [a for a in args.clause_actors(clause, index) if not same_side(a, speaker)]
                if found:
                    return found
    return []


def _speech_act(draft: Draft) -> bool:
    """Saying it is doing it (a demand, a threat, a rejection), or a hostile act announced as future."""
    if draft.info.quad_class in (1, 3):
        return True
    return threat_code(draft.info) is not None and draft.status.status in ("future", "hypothetical")


def _confidence(trig: Trigger) -> float:
    """Main-clause triggers first, then specific patterns; nouns and deeply embedded triggers lower.
    A noun that is the object of the clause's verb ("began a hunger strike") counts at the verb's depth."""
    tok = trig.token
    depth = len(clause_chain(tok)) - 1
    if trig.pattern.pos == "noun" and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and depth:
        depth -= 1
    if _purpose_clause(tok):  # "resigned to allow elections": the purpose is below the act
        depth += 1
    conf = 0.6 + 0.015 * min(trig.pattern.specificity, 6) - 0.06 * min(depth, 4)
    return round(conf - (0.05 if trig.pattern.pos == "noun" else 0.0), 3)


def _purpose_clause(tok: Token) -> bool:
    """A "to" infinitive adverbial without its own subject: the purpose of the act it hangs on."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _keep(draft: Draft) -> bool:
    """Junk filter: a source is required; dyadic cooperation needs a target; a bare condition or a wish
    ("a deadline for the army to pull out") is no event. (A reflexive act is kept here, so that "the US
    said Iraq attacked itself" still accuses Iraq, and emits no event of its own in :func:`_pairs`.)"""
    if not draft.sources:
        return False
    if draft.status.cue == "for" and not draft.applied(R.SPEECH_THREAT):
        return False
    tok = draft.trigger.token
    if answers.is_statement(tok, draft.info) and not draft.applied(R.ANSWERED_PARTY):
        return False  # "denied the charges" answering nobody the story names; answering X, it rejects X
    if _noun_infinitive(tok) and not draft.trigger.pattern.neg and draft.info.type != "THREATEN":
        return False  # "permission to help", "a mandate to attack": wanted, not done (a threat stays)
    if tok.dep_ in ("dobj", "xcomp", "pcomp", "pobj") and tok.head.lemma_ in PREVENT_VERBS:
        return False  # "hoped to avoid military action": what is prevented did not happen
    if draft.info.code in ("110", "111") and not draft.targets and draft.trigger.pattern.pos == "noun":
        return False  # "condemned the attack" with nobody named: a statement
    if not draft.targets and draft.trigger.pattern.pos == "noun" and draft.info.type not in TARGETLESS_TYPES \
            and not (tok.dep_ == "dobj" and (draft.applied(R.ANNOUNCED) or draft.applied(R.ULTIMATUM))) \
            and not (draft.by_subject and len(draft.sources) > 1 and draft.info.type in RECIPROCAL_TYPES):
        return False
    pat = draft.trigger.pattern
    if pat.objects == ANY and pat.comp is not None and not draft.targets and draft.status.status == "hypothetical":
        return False  # "X might want its own troops to ...": a possible wish, and nobody else is asked
    if draft.info.type == "CONSULT" and draft.targets and all("MED" in t.sector for t in draft.targets):
        return False  # an interview with a news agency is not a consultation
    if draft.info.type == "CONSULT" and draft.targets and all(
            "MIL" in t.sector and any(same_side(t, s) for s in draft.sources) for t in draft.targets):
        return False  # a leader visiting his own country's troops is not a consultation
    if _time_reference(tok):
        return False  # "after the 2003 invasion": a point in time, not an event of this sentence
    if _describes_a_party(tok):
        return False
    return not (_in_condition(draft.trigger.token) and not draft.applied(R.SPEECH_THREAT))


def _time_reference(tok: Token) -> bool:
    """An event noun that dates something else: "rose to prominence after the 2003 invasion"."""
    prep = tok.head
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and prep.lower_ in TIME_PREPS and prep.head.pos_ in ("VERB", "AUX")


def _pattern_prep_actors(trig: Trigger, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """The object of the preposition the pattern names is its target: "fought alongside X against Y"
    with "fight alongside" (COOPERATE) is with X. A noun's preposition may hang on its light verb
    ("issued arrest warrants for X")."""
    tok = trig.token
    holders = [tok, tok.head] if trig.pattern.pos == "noun" and tok.dep_ == "dobj" else [tok]
    for prep, _ in trig.pattern.preps:
        for child in (c for h in holders for c in h.children):
            if child.lower_ == prep and child.dep_ == "prep":
                found = [a for o in child.children if o.dep_ == "pobj" for a in args.np_actors(o, index)]
                found = [a for a in found if not any(_same_actor(a, s) for s in sources)]
                if found:
                    return found
    return []


def _describes_a_party(tok: Token) -> bool:
    """"the militant group that has seized parts of Iraq", "Boko Haram, which has killed thousands": a
    perfect-tense relative clause on a party of the sentence says who it is, not what it did now."""
    if tok.dep_ != "relcl":
        return False
    auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(a in ("has", "have") for a in auxes) and not any(c.dep_ == "npadvmod" or (
        c.dep_ == "prep" and c.lower_ in ("on", "in") and any(g.ent_type_ in ("DATE", "TIME") for g in c.children))
        for c in tok.children)


def _noun_infinitive(tok: Token) -> bool:
    """An infinitive hung on a noun: "permission to help", "a mandate to attack", "the right to resist"."""
    return tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)



def _inside_condition(tok: Token) -> bool:
    """The trigger is part of an "if" clause ("if Israel were to attack"), not the act made conditional."""
    for node in clause_chain(tok):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.dep_ in ("ccomp", "ROOT"):
            return False
    return False


def _in_condition(tok: Token) -> bool:
    """The trigger is the verb of an "if" clause: a condition, not an event."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def _is_state_modifier(tok: Token, info: CameoInfo) -> bool:
    """"Iranian-backed militias", "US-led coalition", "militias backed by Iran": a state, not an event."""
    if tok.dep_ in ("amod", "compound"):
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and info.type in STATE_TYPES


def _speaker_may_stand_in(src_tok: Token | None) -> bool:
    """No resolvable subject: the speaker stands in unless the subject names someone else."""
    if src_tok is None or src_tok.dep_ == "expl" or src_tok.lower_ in STAND_IN_SUBJECTS:
        return True
    # "driven out by force": an instrument in the by-phrase, not an agent
    return src_tok.dep_ == "pobj" and src_tok.head.dep_ == "agent" and src_tok.pos_ not in ("PROPN", "PRON")


def _clause_child(tok: Token) -> Token | None:
    deps = ("ccomp", "xcomp") if tok.pos_ != "NOUN" else ("ccomp", "xcomp", "acl")  # "its demand that X ..."
    return next((c for c in tok.children if c.dep_ in deps), None)


def _speakers(tok: Token, index: args.MentionIndex, speech: dict[str, str]) -> list[ActorRef]:
    """All actors of the nearest speech verb above the trigger ("X and Y said they ..." -> X, Y)."""
    verb = _speech_verb(tok, speech)
    subj = args.subject_token(verb) if verb is not None else None
    return args.np_actors(subj, index) if subj is not None else []


def _drop_restated_accusations(events: list[EventMention]) -> list[EventMention]:
    """"Kenya accused Somalia of an incursion. The ministry said Somali soldiers fired on a post": when the
    article states the accusation outright, the one read off the reported details (speech-accuse) is the
    same accusation told again, and goes."""
    stated = {_country_pair(e) for e in events if e.type == "ACCUSE" and not _read_off(e)}
    return [e for e in events if not (_read_off(e) and _country_pair(e) in stated)]


def _read_off(event: EventMention) -> bool:
    """An accusation read off a reported act (the outermost rule is speech-accuse)."""
    return event.provenance[:1] == (R.SPEECH_ACCUSE,) and len(event.provenance) > 1


def _country_pair(event: EventMention) -> tuple[str | None, str | None]:
    target = event.target
    return (event.source.country or event.source.actor_id,
            (target.country or target.actor_id) if target is not None else None)


def _from_origin(draft: Draft, index: args.MentionIndex, speaker: ActorRef) -> Draft:
    """"Kenya said rockets were launched at its town from Somalia": a hostile act reported without its
    doer but with where it came from is by that place's side, unless that is the speaker's own
    (rule speech-origin<...)."""
    tok = draft.trigger.token
    if tok.lemma_.lower() not in FIRED_VERBS:
        return draft  # "kidnapped from their base": the place they were taken from
    origins = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj" for a in args.np_actors(o, index)]
    origins = [a for a in origins if a.country and not same_side(a, speaker)]
    if not origins:
        return draft
    provenance = (R.SPEECH_ORIGIN, *(r for r in draft.provenance[:-1] if r != R.UNKNOWN_AGENT), draft.provenance[-1])
    return replace(draft, sources=origins, targets=[t for t in draft.targets if not same_side(t, origins[0])],
                   provenance=provenance)


def _speaker_token(cue: Token) -> Token | None:
    """The subject of a speech verb; "the charity working in Chad said": the parser may make the
    participle the subject, and the speaker is the participle's own subject."""
    subj = args.subject_token(cue)
    if subj is not None and subj.tag_ in ("VBG", "VBN"):
        return next((c for c in subj.children if c.dep_ == "nsubj"), subj)
    return subj


def _addressees(cue: Token, comp: Token, index: args.MentionIndex) -> list[ActorRef]:
    """Whom an obligation with a pronoun subject is put on: the one spoken to ("told Iran that it must",
    "issued a reminder to Iraq that it must")."""
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in OWN_PRONOUNS:
        return []
    heads = (cue, comp.head) if comp.head.i != cue.i else (cue,)
    spoken_to = [c for h in heads for c in h.children if c.dep_ in ("dobj", "dative") or
                 (c.dep_ == "prep" and c.lower_ == "to")]
    objects = [g for c in spoken_to for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in ("dobj", "pobj")]
    return [a for o in objects for a in args.np_actors(o, index)]


def _what_was_said(tok: Token, cue: Token) -> bool:
    """The trigger is the reported clause itself ("said Hamas *fired* rockets", "said Hamas carried out the
    *attack*"), not a detail inside it ("said warrants were issued for men sought in the *slaying*")."""
    node = tok
    while node.i != cue.i:
        if _taking_part(node) or (node.dep_ == "pobj" and node.head.lower_ == "behind"):
            node = node.head.head  # "took part in the *killing*", "was behind the *attack*": what was done
            continue
        if node.dep_ not in REPORTED_DEPS and not _purpose_clause(node):  # "used gangs to target X"
            return False
        node = node.head
    return True


def _taking_part(tok: Token) -> bool:
    """The act in "took part in X", "participated in X", "was involved in X", "engaged in X"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    verb = tok.head.head
    if verb.lemma_ == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    return verb.lemma_ in ("participate", "involve", "engage")


def _speech_verb(tok: Token, speech: dict[str, str]) -> Token | None:
    """The nearest speech verb above the trigger ("Israel *said* rockets were fired")."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        if node.tag_.startswith("VB") and node.lemma_.lower() in speech:
            return node
    return None


def _has_modal(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall", "can", "ca", "could")
               for c in tok.children)


def _governor(tok: Token) -> str | None:
    """The lemma of the verb or adjective an infinitive hangs on ("agreed to X" -> agree)."""
    if tok.dep_ in ("xcomp", "acl") and tok.head.i != tok.i:
        return tok.head.lemma_.lower()
    return None


def _drop_governing(triggers: list[Trigger], lexicon: Lexicon) -> list[Trigger]:
    """"refused to deploy", "threatened to censure": the complement carries the event; a bare "refuse" or
    "threaten" on its head goes."""
    heads = {t.token.head.i for t in triggers
             if (_governor(t.token) in REFUSAL_VERBS and lexicon.info(t.pattern.code).quad_class in (1, 2))
             or _governor(t.token) in INTENT_VERBS | HELPER_VERBS
             or (_governor(t.token) in THREAT_VERBS and lexicon.info(t.pattern.code).quad_class >= 3)}
    heads |= _helpers_of_nested_acts(triggers)
    return [t for t in triggers if not (t.token.i in heads and t.pattern.specificity == 0)]


def _helpers_of_nested_acts(triggers: list[Trigger]) -> set[int]:
    """"helped to prepare and carry out raids": a helper verb whose infinitive clause holds an event noun
    (or a verb with an event-noun object: "carry out attacks"), however deep, is part of that act, not aid
    of its own. (A verb there is often figurative: "helping to
    house migrants and tackling poverty" stays aid.)"""
    positions = {t.token.i for t in triggers if t.pattern.pos == "noun" or _names_event_by_object(t.pattern)}
    out: set[int] = set()
    for t in triggers:
        if t.token.lemma_.lower() not in HELPER_VERBS:
            continue
        comps = [c for c in t.token.children if c.dep_ == "xcomp"]
        if any(d.i in positions for c in comps for d in c.subtree):
            out.add(t.token.i)
    return out


def _drop_clause_consumed(triggers: list[Trigger]) -> list[Trigger]:
    """A threat or demand "that ..." owns the events inside its clause (they are what is threatened)."""
    inside: set[int] = set()
    for trig in triggers:
        if trig.pattern.that or trig.pattern.comp is not None:
            clause = _clause_child(trig.token)
            if clause is not None:
                inside |= {t.i for t in clause.subtree} | coordination.infinitive_conjuncts(trig.token, clause)
    return [t for t in triggers if t.token.i not in inside]


def _quote_at(tok: Token, quotes: list[Quote]) -> Quote | None:
    """The innermost quote whose content holds the token (quotes are sorted by length)."""
    for quote in quotes:
        if quote.start <= tok.idx < quote.end:
            return quote
    return None


def _same_actor(a: ActorRef, b: ActorRef | None) -> bool:
    if b is None:
        return False
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return a.country == b.country and sorted(a.sector) == sorted(b.sector) and (
        a.country is not None or a.name == b.name)


def _pairs(draft: Draft, sent: Span, doc_id: str) -> list[EventMention]:
    """One event per source/target pair; "X and Y met" is reciprocal: X->Y and Y->X."""
    out: list[EventMention] = []
    tok = draft.trigger.token
    if any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVES for c in tok.children):
        return out  # "will defend itself": nobody else is acted upon
    reciprocal = (not draft.targets and len(draft.sources) > 1 and draft.by_subject
                  and (draft.info.type in RECIPROCAL_TYPES or draft.trigger.token.lemma_.lower() in MUTUAL_FIGHTS))
    for source in draft.sources:
        targets: list[ActorRef | None] = (
            [s for s in draft.sources if s is not source] if reciprocal else list(draft.targets) or [None])
        if draft.info.type in TARGETLESS_TYPES and all(t is not None and _same_actor(source, t) for t in targets):
            targets = [None]  # "lifted the emergency in its own province": no other party
        for target in targets:
            if _same_actor(source, target):
                continue
            out.append(_event(draft, sent, doc_id, source, target))
    return out


def mention_id(doc_id: str, sent: Span, trigger_start: int, etype: str,
               source: ActorRef, target: ActorRef | None) -> str:
    """Stable id: same document, sentence, trigger, type and actors give the same id."""
    key = f"{doc_id}|{sent.start_char}|{sent.end_char}|{trigger_start}|{etype}|{actor_identity(source)}|{actor_identity(target)}"
    return hashlib.sha1(key.encode()).hexdigest()[:20]


def _event(draft: Draft, sent: Span, doc_id: str, source: ActorRef, target: ActorRef | None) -> EventMention:
    tok, info = draft.trigger.token, draft.info
    evidence = Evidence(doc_id, sent.text, sent.start_char, sent.end_char, tok.text, tok.idx)
    return EventMention(
        mention_id=mention_id(doc_id, sent, tok.idx, info.type, source, target),
        doc_id=doc_id, type=info.type, source=source, target=target, evidence=evidence,
        status=draft.status.status, mode=info.mode, context=[info.context] if info.context else [],
        cameo=info.code, quad_class=info.quad_class, goldstein=info.goldstein, rule=draft.rule,
        provenance=draft.provenance,
        confidence=round(max(0.1, draft.confidence - _targetless_penalty(info, target)), 3),
        quote_id=draft.quote.quote_id if draft.quote is not None else None, negated=draft.status.negated)


def _targetless_penalty(info: CameoInfo, target: ActorRef | None) -> float:
    """A missing target lowers confidence, less for acts that often have none ("resigned", "protested")."""
    if target is not None:
        return 0.0
    return 0.06 if info.type in TARGETLESS_TYPES else 0.12
