"""Whom a verbal or diplomatic act is aimed at, where the plain parse reading (:mod:`petrel.coding.arguments`)
misses it or takes a place or a topic for the party. Each family names its rule (:mod:`petrel.coding.rules`):

- ``with-party``: a meeting or an agreement is with the party its "with" phrase names, on the trigger or on
  the noun a light verb governs ("held talks with X", "signed a pact with X", "discussed the crisis with X"),
  before a topic or a place ("met in Kampala" is no meeting with Uganda);
- ``reciprocal-subject``: "officials from X and Y met", "the foreign ministers of X and Y signed": the
  subject names both sides, so the other one is the target;
- ``addressed-party``: a concession, apology, appeal or warning is to the party its "to/towards" phrase
  names, on the trigger or on the light verb that carries the noun ("granted concessions to X", "softened
  its stance towards X", "issued a warning to X");
- ``passive-holder``: a passive whose subject is a demand, a ban or a proposal aimed at or made by a party
  acts upon that party ("calls from the unions were rejected by X", "the ban on Y was lifted by X");
- ``appositive-party``: an object that is only a relation noun names its party in an apposition
  ("stood by its ally, the Philippines", "warned its neighbour, Guyana");
- ``deed-doer``: praise or blame of a deed is aimed at its "by" doer ("welcomed the release of X by Y");
- ``reported-subject``: an accusation, demand or threat read off a speech verb is aimed at the reported
  clause's subject ("warned that Greece would face consequences");
- ``returned-people``: "returned 12 children to their families": the children;
- ``answered-party`` (the rule of :mod:`petrel.coding.answers`): a denied charge whose maker is named
  rejects the maker ("denied allegations by Canada");
- ``group-party`` (:func:`group_targets`, also for obligations in :mod:`petrel.coding.speech_drafts`): a
  group noun the actors stage left unlinked ("accused the opposition of", "released political prisoners");
- ``pair-anaphor`` (:func:`pair_sources`): "both parties", "the two sides" stand for the last two parties
  named, each acting with the other.

The functions only read the parse and the mention index; :func:`revise_targets` is called by
:func:`petrel.coding.parties.find_parties` with the targets the parse gave, :func:`group_targets` when no
fallback found one, :func:`pair_sources` on the parse's sources.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding.answers import DENIED_THINGS
from petrel.coding.clause_tokens import is_passive
from petrel.coding.context import RuleContext
from petrel.coding import rules as R
from petrel.coding.lexicon import CameoInfo
from petrel.coding.pairs import same_actor
from petrel.coding.speech import STATE_SECTORS
from petrel.coding.triggers import Trigger
from petrel.models import ActorRef

WHOM_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONSULT", "AGREE", "SUPPORT", "CONCEDE",
                        "RETREAT"})
MEETING_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT"})  # SUPPORT: CAMEO 057, signing a pact
ADDRESSED_TYPES = frozenset({"CONCEDE", "SUPPORT", "REQUEST", "THREATEN"})
ADDRESS_PREPS = frozenset({"to", "towards", "toward"})
PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside"})
# nouns that only relate a party to another: the party is named beside them
RELATION_NOUNS = frozenset({"ally", "allies", "neighbour", "neighbours", "neighbor", "neighbors", "partner",
                            "partners", "counterpart", "counterparts", "rival", "rivals", "adversary", "foe",
                            "host", "hosts", "guest", "guests"})
# a proposal, demand or restriction whose own phrase names the party it comes from or falls on
HELD_NOUNS = frozenset({"call", "calls", "demand", "demands", "request", "requests", "proposal", "proposals",
                        "offer", "offers", "plea", "pleas", "appeal", "appeals", "ban", "bans", "restriction",
                        "restrictions", "sanction", "sanctions", "embargo", "blockade", "suspension",
                        "claim", "claims", "allegation", "allegations", "accusation", "accusations", "bid",
                        "petition", "ultimatum", "plan", "initiative", "invitation", "veto"})
GROUP_PREPS = frozenset({"with", "to", "towards", "toward", "on", "against", "of"})
DEED_TYPES = frozenset({"SUPPORT", "ACCUSE"})  # "welcomed the release of X by Y", "condemned the arrest of X by Y"
REPORTED_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})
ENVOY_NOUNS = frozenset({"delegation", "envoy", "emissary", "mission", "team", "representative", "negotiator"})
SIDE_NOUNS = frozenset({"side", "party", "country", "government", "nation", "leader", "delegation",
                        "neighbour", "neighbor", "state", "army"})
MASS_NOUNS = frozenset({"force", "security", "intelligence"})  # "use force", "share intelligence"
GROUP_HEADS = frozenset({"party", "parties", "group", "groups", "leader", "leaders", "member", "members",
                         "figure", "figures", "movement", "movements", "bloc", "camp", "coalition", "alliance"})
DETAINED_NOUNS = frozenset({"prisoner", "detainee", "hostage", "captive", "inmate"})
OWN_WORDS = frozenset({"their", "his", "her", "its"})
HOLDER_PREPS = frozenset({"from", "by", "of", "on", "against"})


def revise_targets(trig: Trigger, info: CameoInfo, index: args.MentionIndex, sources: list[ActorRef],
                   targets: list[ActorRef], ctx: RuleContext) -> tuple[list[ActorRef], str | None]:
    """The targets after the families above (each only when its rule is on), and the rule that changed
    them (None: unchanged)."""
    on = ctx.on
    if info.type not in WHOM_TYPES or trig.pattern.flip:
        return targets, None
    tok = trig.token
    holders = _holders(tok, trig.pattern.pos)
    if info.type in MEETING_TYPES and on(R.WITH_PARTY):
        found = _prep_parties(holders, frozenset({"with"}), index, sources)
        if found:
            return (targets, None) if _covers(targets, found) else (found, R.WITH_PARTY)
        if not targets and (sent := delegation_parties(holders, index, sources)):
            return sent, R.WITH_PARTY  # "received a delegation from X"
        if trig.pattern.pos == "verb" and (not targets or _all_placed(targets, holders, index)) \
                and on(R.RECIPROCAL_SUBJECT):
            if len(sources) > 1 and targets:
                return [], R.RECIPROCAL_SUBJECT  # "X and Y met in Z": X meets Y, Z is only the place
            if other := reciprocal_others(tok, index, sources, ctx):
                return other, R.RECIPROCAL_SUBJECT
    if targets and info.type == "RETREAT" and on(R.RETURNED_PEOPLE) \
            and (people := returned_people(tok, index, targets, sources)):
        return people, R.RETURNED_PEOPLE
    if info.type == "REJECT" and trig.pattern.pos == "verb" and on(R.ANSWERED_PARTY) \
            and (makers := charge_makers(tok, index, sources)):
        return makers, R.ANSWERED_PARTY  # "denied allegations by Canada", "dismissed Y's claims"
    if info.type in DEED_TYPES and trig.pattern.pos == "verb" and on(R.DEED_DOER) \
            and (doers := deed_doers(tok, index, sources)) and not _covers(targets, doers):
        return doers, R.DEED_DOER
    if targets:
        return targets, None
    if info.type in REPORTED_TYPES and tok.lemma_.lower() in ctx.lexicon.speech and on(R.REPORTED_SUBJECT) \
            and (said := reported_subjects(tok, index, sources, ctx)):
        return said, R.REPORTED_SUBJECT
    if info.type in ADDRESSED_TYPES and on(R.ADDRESSED_PARTY):
        found = _prep_parties(holders, ADDRESS_PREPS, index, sources)
        if found:
            return found, R.ADDRESSED_PARTY
    if info.type == "REQUEST" and trig.pattern.pos == "noun" and sources and on(R.ADDRESSED_PARTY) \
            and (asked := asked_of(tok, index, sources)):
        return asked, R.ADDRESSED_PARTY
    if trig.pattern.pos == "verb" and is_passive(tok) and on(R.PASSIVE_HOLDER):
        found = passive_holders(tok, index, sources, ctx)
        if found:
            return found, R.PASSIVE_HOLDER
    if on(R.APPOSITIVE_PARTY):
        found = appositive_parties(holders, index, sources)
        if found:
            return found, R.APPOSITIVE_PARTY
    return targets, None


def _holders(tok: Token, pos: str) -> list[Token]:
    """The trigger, its object (a verb's) or the light verb it is the object of (a noun's)."""
    if pos == "noun":
        return [tok, tok.head] if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX") else [tok]
    return [tok, *(c for c in tok.children if c.dep_ in ("dobj", "attr"))]


def _others(found: list[ActorRef], sources: list[ActorRef]) -> list[ActorRef]:
    return [a for a in found if not any(same_actor(a, s) or _same_state(a, s) for s in sources)]


def _same_state(a: ActorRef, b: ActorRef) -> bool:
    """A country and its own government speaking: "Jordan" and "Jordan's king" are one side here."""
    return a.country is not None and a.country == b.country and (not a.sector or not b.sector)


def _covers(targets: list[ActorRef], found: list[ActorRef]) -> bool:
    return any(same_actor(t, f) for t in targets for f in found)


def _prep_parties(holders: list[Token], preps: frozenset[str], index: args.MentionIndex,
                  sources: list[ActorRef]) -> list[ActorRef]:
    """The party a preposition of the trigger or its holder names; a party known only by its sector
    ("concessions to striking miners") when no named one is."""
    return _named_prep_parties(holders, preps, index, sources) \
        or [_at_home(a, sources) for a in _named_prep_parties(holders, preps, index.lenient_view(), sources)]


def _at_home(party: ActorRef, sources: list[ActorRef]) -> ActorRef:
    """A party known only by its sector, addressed by a state: that state's own people ("the government
    granted concessions to striking miners")."""
    state = next((s for s in sources if s.country and STATE_SECTORS & set(s.sector)), None)
    if party.country is not None or state is None:
        return party
    return replace(party, country=state.country, sector=list(party.sector))


def _named_prep_parties(holders: list[Token], preps: frozenset[str], index: args.MentionIndex,
                        sources: list[ActorRef]) -> list[ActorRef]:
    for holder in holders:
        for child in holder.children:
            if child.lower_ in preps and (child.dep_ == "prep" or (child.dep_ == "dative" and child.lower_ == "to")):
                for obj in _prep_objects(child):
                    found = _others(_party_of(obj, index), sources)
                    if found:
                        return found
    return []


def asked_of(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"Kenya's demand for an apology from Uganda", "the EU's request for data from Meta": a demand whose
    source its possessive names is made of the party its "from" phrase names (on the noun, or on what is
    asked for)."""
    if not any(c.dep_ == "poss" for c in tok.children):
        return []
    asked = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
             if o.dep_ == "pobj"]
    for holder in (tok, *asked):
        found = _others([a for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"
                         for o in c.children if o.dep_ == "pobj" for a in args.np_actors(o, index)], sources)
        if found:
            return found
    return []


def delegation_parties(holders: list[Token], index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"Received a delegation from X", "met envoys of X": the party that sent them."""
    for holder in holders:
        for obj in (c for c in holder.children if c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in ENVOY_NOUNS):
            found = _others([a for c in obj.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                             for o in c.children if o.dep_ == "pobj" for a in args.np_actors(o, index)], sources)
            if found:
                return found
    return []


def _prep_objects(prep: Token) -> list[Token]:
    """A preposition's object, or the object of its gerund ("to striking miners" parsed as a gerund)."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    for comp in (o for o in prep.children if o.dep_ == "pcomp" and o.tag_ == "VBG"):
        objs += [o for o in comp.children if o.dep_ == "dobj"]
    return objs


def _party_of(obj: Token, index: args.MentionIndex) -> list[ActorRef]:
    """A noun phrase's party: its own, or an apposition's after a relation noun ("its ally, X")."""
    own = args.np_actors(obj, index)
    if obj.lower_ in RELATION_NOUNS:
        named = [a for c in obj.children if c.dep_ == "appos" for a in args.np_actors(c, index)]
        return [_placed_as(a, own) for a in named] or own
    return own


def _placed_as(party: ActorRef, relation: list[ActorRef]) -> ActorRef:
    """"His Jordanian counterpart X": X, of the country the relation noun's demonym names when X has none."""
    country = next((r.country for r in relation if r.country), None)
    return replace(party, country=country, sector=list(party.sector)) if party.country is None and country else party


def _all_placed(targets: list[ActorRef], holders: list[Token], index: args.MentionIndex) -> bool:
    """Every target is only the place of the act ("met in Kampala", "talks in Doha")."""
    placed = [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
              for o in c.children if o.dep_ == "pobj" for a in index.actors_at(o)]
    return all(any(same_actor(t, p) for p in placed) for t in targets)


def reciprocal_others(tok: Token, index: args.MentionIndex, sources: list[ActorRef],
                      ctx: RuleContext) -> list[ActorRef]:
    """"Officials from X and Y met", "X's and Y's envoys met": the parties named inside the subject
    besides the source, when the subject names at least one beside it. A country name the source's own
    mention swallowed ("officials from Uganda and Kenya" read as one Ugandan party) is a party of its own."""
    subj = args.subject_token(tok)
    if subj is None:
        return []
    found: list[ActorRef] = []
    for node in _named_inside(subj):
        if node.i != subj.i:
            here = index.actors_at(node)
            if all(any(same_actor(a, s) for s in sources) for a in here):
                here = _swallowed(node, ctx)
            found += here
    return args.dedup_actors(_others(found, sources))


def charge_makers(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"Denied allegations by Canada", "dismissed the Congolese government's claims": a denial of a charge
    whose maker is named (a possessive, a "by/from" phrase) rejects that maker; a charge nobody is named
    for stays a statement (:func:`petrel.coding.answers.is_statement`)."""
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in DENIED_THINGS):
        makers = [a for c in obj.children if c.dep_ == "poss" for a in args.np_actors(c, index)]
        holders = [obj] if is_passive(tok) else [obj, tok]  # the parser may hang "by X" on the active verb
        makers += [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   for o in c.children if o.dep_ == "pobj" for a in args.np_actors(o, index)]
        found = _others(makers, sources)
        if found:
            return found
    return []


def deed_doers(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"Welcomed the release of two hostages by Hamas", "condemned the arrest of the reporters by police":
    a judgement of a deed is aimed at its doer (the "by" phrase of the object), not at the people it befell."""
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        befallen = [o for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                    if o.dep_ == "pobj"]  # the parser may hang "by Y" on X in "the release of X by Y"
        bys = [o for h in (obj, *befallen) for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
               for o in c.children if o.dep_ == "pobj"]
        for view in (index, index.lenient_view()):
            found = _others([a for o in bys for a in args.np_actors(o, view)], sources)
            if found:
                return found
    return []


def reported_subjects(tok: Token, index: args.MentionIndex, sources: list[ActorRef],
                      ctx: RuleContext) -> list[ActorRef]:
    """"X said the Moroccan government was behind the campaign", "X said the government must ...": an
    accusation, demand or threat read off a speech verb is aimed at the reported clause's subject."""
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON":
            continue
        found = _others(args.np_actors(subj, index), sources)
        if not found and (group := group_party(subj, index, sources, ctx)) is not None:
            found = _others([group], sources)
        if found:
            return found
    return []


def returned_people(tok: Token, index: args.MentionIndex, targets: list[ActorRef],
                    sources: list[ActorRef]) -> list[ActorRef]:
    """"Returned 12 children to their families", "sent the migrants back to their country": the people
    returned home are the target, not their own families or country."""
    home = [o for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for o in c.children if o.dep_ == "pobj" and any(g.dep_ == "poss" and g.lower_ in OWN_WORDS
                                                             for g in o.children)]
    if not home:
        return []
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    people = _others(args.np_actors(obj, index) or args.np_actors(obj, index.lenient_view()), sources)
    return people


def _named_inside(subj: Token) -> list[Token]:
    """The words of a subject that can name a side: its conjuncts, possessives and the objects of its
    prepositions ("officials from X and Y"), never a relative clause or an apposition ("Malaysia, which
    chairs ASEAN")."""
    out: list[Token] = []
    todo = [subj]
    while todo:
        node = todo.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in ("conj", "poss", "pobj") or (child.dep_ == "prep" and child.lower_ in ("from", "of")):
                todo.append(child)
    return out


def _swallowed(node: Token, ctx: RuleContext) -> list[ActorRef]:
    """The party a word names by itself when the source's mention swallowed it: a country's name, or a
    knowledge-base actor's ("delegations from Yemen's government and the Houthis")."""
    if ctx.kb is None:
        return []
    if node.pos_ == "PROPN" and ctx.is_country_name(node.text) and (code := ctx.kb.country_for_term(node.text)):
        return [ActorRef(name=ctx.country_name(code), actor_id=None, country=code, sector=[], resolution="country")]
    words = [t for t in node.subtree if t.dep_ not in ("det", "cc", "punct") and t.i <= node.i]
    phrase = " ".join(t.text for t in words).replace(" 's", "'s")
    actor = ctx.kb.match(phrase) if node.pos_ == "PROPN" else None
    if actor is None:
        return []
    return [ActorRef(name=actor.name, actor_id=actor.id, country=actor.country, sector=list(actor.sectors),
                     resolution="kb")]


def passive_holders(tok: Token, index: args.MentionIndex, sources: list[ActorRef],
                    ctx: RuleContext) -> list[ActorRef]:
    """The party a passive subject's demand, ban or proposal comes from or falls on; a group named only by
    what it is ("the ban on the opposition party") when no actor is named there."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ not in HELD_NOUNS:
        return []
    for view in (index, index.lenient_view()):
        found = _others([a for c in subj.children if c.dep_ == "poss" for a in args.np_actors(c, view)], sources)
        for child in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in HOLDER_PREPS):
            found = found or _others([a for o in child.children if o.dep_ == "pobj"
                                      for a in args.np_actors(o, view)], sources)
        if found:
            return found
    groups = [group_party(o, index, sources, ctx) for c in subj.children
              if c.dep_ == "prep" and c.lower_ in HOLDER_PREPS for o in _prep_objects(c)]
    return [g for g in groups if g is not None][:1]


def appositive_parties(holders: list[Token], index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """An object or prepositional object that is a relation noun names its party in an apposition."""
    for holder in holders:
        for child in holder.children:
            objs = [child] if child.dep_ in ("dobj", "attr") else \
                [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "prep" else []
            for obj in objs:
                if obj.lower_ in RELATION_NOUNS:
                    found = _others([a for c in obj.children if c.dep_ == "appos"
                                     for a in args.np_actors(c, index)], sources)
                    if found:
                        return found
    return []


def group_targets(trig: Trigger, info: CameoInfo, index: args.MentionIndex, sources: list[ActorRef],
                  ctx: RuleContext) -> list[ActorRef]:
    """A verbal act with no target whose object is a group named only by what it is ("accused the
    opposition of", "talks with opposition parties", "released 135 political prisoners"): that group, of
    the country its demonym names, else of the source's own country (rule group-party)."""
    if info.type not in WHOM_TYPES or trig.pattern.flip or not sources or not ctx.on(R.GROUP_PARTY):
        return []
    tok = trig.token
    holders = _holders(tok, trig.pattern.pos)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] if trig.pattern.pos == "verb" else []
    objs += [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in GROUP_PREPS
             for o in _prep_objects(c)]
    for obj in objs:
        if obj.i in trig.consumed or obj.lower_ in MASS_NOUNS:
            continue  # "use force": the pattern's own word, a means, not a group
        party = group_party(obj, index, sources, ctx)
        if party is not None:
            return [party]
    return []


def _detained_sectors(tok: Token) -> list[str]:
    """Prisoners and hostages are civilians, political prisoners the opposition."""
    if tok.lemma_.lower() not in DETAINED_NOUNS:
        return []
    return ["OPP"] if any(c.lower_ == "political" for c in tok.children) else ["CVL"]


def group_party(tok: Token, index: args.MentionIndex, sources: list[ActorRef], ctx: RuleContext) -> ActorRef | None:
    """The group a noun phrase names by an agent noun ("the opposition", "opposition parties", "the
    federal government"), when no actor is named there; None otherwise."""
    if ctx.kb is None or tok.pos_ not in ("NOUN", "PROPN") or index.actors_at(tok) \
            or any(c.dep_ == "poss" and c.lower_ in OWN_WORDS for c in tok.children):
        return None
    sectors = ctx.kb.sectors_for_noun(tok.lemma_.lower()) or _detained_sectors(tok)
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i]
    if tok.lemma_.lower() in GROUP_HEADS:  # "opposition parties": the modifier says what group
        for mod in mods:
            sectors = sectors or ctx.kb.sectors_for_noun(mod.lemma_.lower())
    if not sectors:
        return None
    country = next((code for m in mods if (code := ctx.kb.country_for_term(m.text))), None)
    own = next((s.country for s in sources if s.country and s.country not in args.INTERNATIONAL), None)
    if country is None:  # another country the sentence names first ("Washington ... Tbilisi ... the government")
        named = [a.country for start, a in index.named() if tok.sent.start_char <= start < tok.idx
                 and a.resolution == "country" and a.country and a.country != own
                 and a.country not in args.INTERNATIONAL]
        country = named[-1] if named else None
    country = country or own
    if country is None:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "nummod", "quantmod", "punct")
             and t.head.dep_ not in ("nummod", "quantmod")]  # "about 4,000 inmates": "inmates"
    name = " ".join(t.text for t in words).replace(" 's", "'s")
    return ActorRef(name=name, actor_id=None, country=country, sector=list(sectors), resolution="context")


def pair_sources(trig: Trigger, info: CameoInfo, index: args.MentionIndex, sources: list[ActorRef],
                 ctx: RuleContext) -> list[ActorRef]:
    """"X and Y signed a deal, and both parties pledged ...", "the two sides met again": a reciprocal
    subject that only counts the sides stands for the last two parties named before it in the sentence
    (or the sentence before), each acting with the other (rule pair-anaphor); [] when there are not two."""
    if info.type not in MEETING_TYPES or trig.pattern.pos != "verb" or not ctx.on(R.PAIR_ANAPHOR):
        return []
    subj = args.subject_token(trig.token)
    if subj is None or subj.lemma_.lower() not in SIDE_NOUNS \
            or not any(c.lower_ in ("both", "two") for c in subj.children):
        return []
    sent_start = subj.sent.start_char
    before = [(start, a) for start, a in index.named() if start < subj.idx and a.country
              and not any(same_actor(a, s) for s in sources if s.name.lower() != subj.text.lower())]
    recent = [a for start, a in before if start >= sent_start] or [a for _, a in before[-4:]]
    picked: list[ActorRef] = []
    for actor in reversed(recent):
        if not any(same_actor(actor, p) for p in picked) and not _is_place_of(actor):
            picked.append(actor)
        if len(picked) == 2:
            return list(reversed(picked))
    return []


def _is_place_of(actor: ActorRef) -> bool:
    return actor.resolution == "place"

