"""Who acted and upon whom: a trigger's source and target read off the parse (:mod:`petrel.coding.arguments`),
then the fallbacks in order, each naming its rule (:mod:`petrel.coding.rules`) unless that rule is switched
off: the speaker of a joined speech act, the pattern's preposition, the act helped with, the addressee of a
request, parties the text does not name (:mod:`petrel.coding.unnamed`), targets from the whole clause and the
story (:mod:`petrel.coding.story`), what the pattern consumed, and parties known only by their sector.
"""

from __future__ import annotations

from petrel.coding import arguments as args
from petrel.coding import rules as R
from petrel.coding import coordination, devices, material, story, unnamed
from petrel.coding.context import RuleContext
from petrel.coding.drafts import Parties
from petrel.coding.intent import HELPER_VERBS, clause_child
from petrel.coding.lexicon import CameoInfo
from petrel.coding.pairs import RECIPROCAL_TYPES, same_actor
from petrel.coding.speech import STATE_SECTORS, same_camp, same_side
from petrel.coding.triggers import Trigger
from petrel.coding.unnamed import ACCIDENT_WORDS, UNKNOWN_ATTACKER
from petrel.coding.whom import group_targets, pair_sources, revise_targets
from petrel.models import ActorRef

CONSUMING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE"})
CUSTODY_CODES = frozenset({"173", "0841"})  # arrests and releases: by the authorities when nobody is named
# "gunmen arrived in the town" is no visit: only a party with a country or an id consults
SECTOR_FREE_TYPES = frozenset({"CONSULT"})


def find_parties(ctx: RuleContext, trig: Trigger, info: CameoInfo, index: args.MentionIndex) -> Parties:
    """Source and target read off the parse, then the fallbacks: what the pattern consumed, a party
    known only by its sector (rule sector-actor), unidentified attackers (rule unknown-agent), ...;
    each found party names its rule (:mod:`petrel.coding.rules`) unless that rule is switched off."""
    tok, pat = trig.token, trig.pattern
    roles = args.noun_roles(tok, index) if pat.pos == "noun" else args.verb_roles(tok, index)
    sources, targets, src_tok = roles.sources, roles.targets, roles.source_token
    reported = coordination.reporters(tok, info.type, ctx.lexicon.speech, index) \
        if pat.pos == "verb" and ctx.on(R.REPORTED_AND) else None
    if reported is not None:  # "said X was behind the raid and urged Y to act": the speaker urges
        sources, src_tok = reported
        targets = [t for t in targets if not any(same_actor(t, s) for s in sources)]
    if info.type == "ASSAULT" and src_tok is not None and src_tok.lemma_.lower() in ACCIDENT_WORDS:
        sources = []  # "victims killed by the MH17 crash": an accident, not the airline's attack
    targets = _pattern_prep_actors(trig, index, sources) or targets
    targets = _helped_act_targets(trig, index) or targets
    asked = story.addressees(tok, index, sources, ctx.country_name) \
        if info.type == "REQUEST" and not pat.flip and ctx.on(R.ADDRESSEE) else []
    targets = asked or targets  # "urged X to press Y": X is asked
    targets, aimed_by = revise_targets(trig, info, index, sources, targets, ctx)  # "talks with X"
    if pat.flip:
        sources, targets = targets, sources
    found_by: tuple[str, ...] = (R.REPORTED_AND,) if reported is not None else ()
    found_by = (aimed_by, *found_by) if aimed_by else found_by
    if ctx.sector_actors and not sources and not pat.flip and info.type not in SECTOR_FREE_TYPES \
            and ctx.on(R.SECTOR_ACTOR):  # "rebels said ..."
        sources, src_tok = unnamed.sector_sources(tok, pat.pos, src_tok, index)
        found_by = (R.SECTOR_ACTOR,) if sources else ()
    if (pair := pair_sources(trig, info, index, sources, ctx)) and not pat.flip:
        sources, targets, found_by = pair, [], (R.PAIR_ANAPHOR, *found_by)  # "both sides agreed"
    if not sources and info.type == "PROTEST" and src_tok is not None and ctx.on(R.LOCAL_PROTESTERS):
        sources = unnamed.local_protesters(tok, src_tok, index)
        found_by = (R.LOCAL_PROTESTERS,) if sources else found_by
    if not sources and roles.agentless and info.code in CUSTODY_CODES and ctx.on(R.LOCAL_AUTHORITIES):
        sources = unnamed.local_authorities(tok, index)
        found_by = (R.LOCAL_AUTHORITIES,) if sources else found_by
    if not sources and roles.agentless and info.type == "MOBILIZE" and ctx.on(R.DEPLOYED_FORCES):
        sources = unnamed.deployed_forces(tok, index)  # "Russian peacekeepers were deployed"
        found_by = (R.DEPLOYED_FORCES,) if sources else found_by
    if not sources and not targets and pat.pos == "noun" and info.type in RECIPROCAL_TYPES \
            and ctx.on(R.BETWEEN) and len(both := coordination.between_parties(tok, index)) > 1:
        sources, targets, found_by = both[:1], both[1:], (R.BETWEEN,)  # "talks between X and Y"
    if not sources and info.type == "ASSAULT" and ctx.on(R.ATTACK_AGENT):
        sources = unnamed.attack_agents(tok, index.lenient_view() if ctx.sector_actors else index)
        found_by = (R.ATTACK_AGENT,) if sources else found_by
    if not sources and info.type == "ASSAULT" and ctx.on(R.CARRIED_FORWARD):
        sources = unnamed.carried_doers(tok, index)  # "The army launched an offensive. The strikes killed 12"
        found_by = (R.CARRIED_FORWARD,) if sources else found_by
    if not sources and info.type == "ASSAULT" and ctx.on(R.DEVICE_AGENT) \
            and (struck := devices.device_victims(tok, index)):  # "a roadside bomb killed two soldiers"
        sources, src_tok, found_by = [UNKNOWN_ATTACKER], None, (R.DEVICE_AGENT,)
        targets = struck
    if not sources and ctx.on(R.UNKNOWN_AGENT) and (targets or unnamed.sector_victim(tok, index)) \
            and unnamed.is_unknown_attack(tok, info, roles.agentless, src_tok):
        sources, src_tok, found_by = [UNKNOWN_ATTACKER], None, (R.UNKNOWN_AGENT,)
        targets = targets or unnamed.local_victims(tok, index)
    if not targets and info.type == "REJECT" and sources and ctx.on(R.ANSWERED_PARTY):
        targets = unnamed.answered_parties(tok, index, sources)  # "a charge the party denied"
        found_by = (R.ANSWERED_PARTY, *found_by) if targets else found_by
    if not targets and pat.pos == "verb" and not pat.flip and ctx.on(R.RELATIVE_OBJECT):
        targets = story.relative_objects(tok, index) or story.misparsed_objects(tok, index)  # "officials it accused"
        found_by = (R.RELATIVE_OBJECT, *found_by) if targets else found_by
    if not targets and not pat.flip:  # "massed troops near its border with X", "were handed over to X by Y"
        targets, found_by = _material_targets(ctx, tok, info.type, index, sources, found_by)
    targets = (targets or _fallback_targets(trig, info, index, sources)
               or _sector_targets(ctx, trig, sources, index))
    if ctx.on(R.NO_TARGET):  # "sent 300 troops to the area", "X and Y clashed in Z district"
        kept = story.sent_forces(tok, targets, index) if targets else None
        kept = story.fight_places(tok, sources, targets, index) if kept is None else kept
        if kept is not None:
            targets, found_by = kept, (R.NO_TARGET, *found_by)
    vessels = story.named_vessels(tok, targets, index) if ctx.on(R.SETTLEMENT_PEOPLE) else targets
    if vessels is not targets:  # "seized the car carrier Ocean Star": a business's ship
        targets, found_by = vessels, (R.SETTLEMENT_PEOPLE, *found_by)
    if targets and ctx.sector_actors and not pat.flip and ctx.on(R.SETTLEMENT_PEOPLE):
        people = unnamed.town_targets(tok, info, targets, index, ctx.is_country_name)  # "shelled El Fasher"
        if people:
            targets, found_by = people, (R.SETTLEMENT_PEOPLE, *found_by)
    if targets and not pat.flip and ctx.on(R.SETTLEMENT_PEOPLE) and \
            (people := story.property_people(tok, info.type, targets, index)):  # "struck buildings in Beirut"
        targets, found_by = people, (R.SETTLEMENT_PEOPLE, *found_by)
    if targets and not pat.flip and ctx.on(R.DISTRICT_PEOPLE) and \
            (people := material.district_people(tok, info.type, targets, index)):  # "a suburb of Damascus"
        targets, found_by = people, (R.DISTRICT_PEOPLE, *found_by)
    if not targets and ctx.sector_actors and not pat.flip and ctx.on(R.SETTLEMENT_PEOPLE):
        targets = unnamed.settlement_people(tok, info, index)
        found_by = (R.SETTLEMENT_PEOPLE, *found_by) if targets else found_by
    if not targets and info.type == "PROTEST" and sources and not pat.flip and ctx.on(R.PROTESTED_GOVERNMENT):
        state = STATE_SECTORS.intersection(sources[0].sector)  # a government does not protest at itself
        targets = [t for t in unnamed.protested_government(tok, index, sources[0], ctx.country_name)
                   if not (state and same_side(t, sources[0]))]
        found_by = (R.PROTESTED_GOVERNMENT, *found_by) if targets else found_by
    if not targets and sources and info.quad_class >= 3 and ctx.on(R.ANSWERED_PARTY):
        targets = unnamed.retaliated_parties(tok, index, sources) \
            or story.responded_parties(tok, index, sources)  # "carried out airstrikes in retaliation"
        found_by = (R.ANSWERED_PARTY, *found_by) if targets else found_by
    if not targets and sources and not pat.flip and ctx.on(R.STATE_INSTITUTION):
        targets = story.dissolved_institutions(tok, index, sources)  # "dissolved parliament"
        found_by = (R.STATE_INSTITUTION, *found_by) if targets else found_by
    if not targets and sources and info.type in story.TOLD_TYPES and ctx.on(R.TOLD_ACT):
        targets = story.told_act_doers(tok, index, sources)  # "condemned the coup": its plotters
        found_by = (R.TOLD_ACT, *found_by) if targets else found_by
    if not targets and sources and not pat.flip and ctx.on(R.REPRESSED_GROUP):
        targets = material.repressed_groups(tok, info.type, index, sources)  # "a crackdown on the opposition"
        found_by = (R.REPRESSED_GROUP, *found_by) if targets else found_by
    if not targets and sources and not pat.flip and ctx.on(R.FOREIGN_GROUND):
        targets = material.foreign_ground(tok, info.type, index, sources)  # "airstrikes in southern Lebanon"
        found_by = (R.FOREIGN_GROUND, *found_by) if targets else found_by
    if not pat.flip and ctx.on(R.FLAG_STATE) and (ships := material.flagged_vessels(tok, info.type, targets, index)):
        targets, found_by = ships, (R.FLAG_STATE, *found_by)  # "seized a British-flagged tanker"
    if asked and targets == asked:
        found_by = (R.ADDRESSEE, *found_by)
    if R.SECTOR_ACTOR in found_by and info.quad_class in (1, 2) and not targets:
        sources = []  # "the ministers signed a memorandum": cooperation by someone unnamed with nobody
    if not targets and (groups := group_targets(trig, info, index, sources, ctx)):
        targets, found_by = groups, (R.GROUP_PARTY, *found_by)  # "accused the opposition of ..."
    if aimed_by == R.RECIPROCAL_SUBJECT and len(sources) > 1:
        targets = []  # "X and Y met in Z": each meets the other (pairs.pair_events), Z is only the place
    return Parties(sources, targets, src_tok, roles.agentless, found_by,
                   by_subject=pat.pos != "noun" or roles.source_token is not None)


def _material_targets(ctx: RuleContext, tok, event_type: str, index: args.MentionIndex,  # noqa: ANN001
                      sources: list[ActorRef], found_by: tuple[str, ...]) -> tuple[list[ActorRef], tuple[str, ...]]:
    """Rules ``border-party``, ``passive-recipient``, ``shared-object``, ``clause-object``, ``purpose-party``,
    ``person-victims`` (:mod:`petrel.coding.material`), the first that finds a party."""
    for rule, find in ((R.BORDER_PARTY, material.border_parties), (R.PASSIVE_RECIPIENT, material.passive_recipients),
                       (R.SHARED_OBJECT, material.shared_objects), (R.CLAUSE_OBJECT, material.clause_objects),
                       (R.PURPOSE_PARTY, material.purpose_parties), (R.PERSON_VICTIMS, material.person_victims)):
        if ctx.on(rule) and (found := find(tok, event_type, index, sources)):
            return found, (rule, *found_by)
    return [], found_by


def _sector_targets(ctx: RuleContext, trig: Trigger, sources: list[ActorRef],
                    index: args.MentionIndex) -> list[ActorRef]:
    """Nobody codable acted upon: a party known only by its sector ("attacked rebel positions")."""
    if trig.pattern.flip or not ctx.sector_actors:
        return []
    lenient = index.lenient_view()
    tok = trig.token
    roles = args.noun_roles(tok, lenient) if trig.pattern.pos == "noun" else args.verb_roles(tok, lenient)
    return [t for t in roles.targets if not any(same_actor(t, s) for s in sources)]


def _fallback_targets(trig: Trigger, info: CameoInfo, index: args.MentionIndex,
                      sources: list[ActorRef]) -> list[ActorRef]:
    """No direct object: look in what the pattern consumed, then in the complement clause."""
    for found in _fallback_candidates(trig, info, index):
        found = [a for a in found if not any(same_camp(a, s) for s in sources)]
        if found:
            return found
    return []


def _fallback_candidates(trig: Trigger, info: CameoInfo, index: args.MentionIndex):
    tok = trig.token
    for i in sorted(trig.consumed):
        comp = tok.doc[i]
        if comp.pos_ in ("VERB", "AUX"):
            yield args.comp_subject_actors(comp, index)
            yield args.object_actors(comp, index)
        elif comp.dep_ not in ("prep", "prt"):
            yield args.object_actors(comp, index)
    clause = clause_child(tok)
    if clause is not None and info.type in CONSUMING_TYPES:
        yield args.clause_actors(clause, index, all_groups=True)
    if info.type in ("AID", "COOPERATE", "SUPPORT"):
        yield args.advcl_subject_actors(tok, index)
    if info.type == "PROTEST":  # a protest in Beijing is addressed to China's government
        yield args.place_actors(tok, index)


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
                found = [a for a in found if not any(same_actor(a, s) for s in sources)]
                if found:
                    return found
    return []


def _helped_act_targets(trig: Trigger, index: args.MentionIndex) -> list[ActorRef]:
    """"The US helped Iraq (to) fight the Islamic State": coded as the act helped with (a pattern like
    ``help >fight``), the target is the act's object, not the one helped."""
    tok = trig.token
    if trig.pattern.comp is None or tok.lemma_.lower() not in HELPER_VERBS:
        return []
    acts = [tok.doc[i] for i in sorted(trig.consumed) if tok.doc[i].pos_ in ("VERB", "AUX")]
    return [a for act in acts for a in args.verb_roles(act, index).targets]
