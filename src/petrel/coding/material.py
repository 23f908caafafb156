"""Whom a material act is aimed at when the parse names it outside the object (whom9m).

Three families of wire copy that left force, sanctions, aid and troop movements without a target, each a
registered rule (:mod:`petrel.coding.rules`) applied by :func:`petrel.coding.parties.find_parties`:

- ``border-party``: troops moved, massed, sent or deployed "to/along/near (its) border with X", "a build-up
  of troops on the frontier with X": the forces face X, the country across the border (MOBILIZE, also a
  noun trigger: "Belarus's deployment of troops to its border with Poland"). The border itself is the
  mover's own ("its border"), which kept the old reading from looking into it.
- ``passive-recipient``: a passive act on a thing, with the party it goes to in a preposition: "two patrol
  boats were handed over to the Ghanaian navy by the US", "an asset freeze was imposed on three judges by
  Britain", "supplies were flown to flood victims in X by the air force" (AID, SUPPORT, COOPERATE, SANCTION,
  COERCE): the recipient ("to", "for") or the party acted upon ("on", "upon", "against") is the target.
- ``shared-object``: verbs joined by "and" share the object the last one takes: "settlers beat and robbed
  two farmers", "soldiers stormed and looted the village", "police arrested and beat three journalists":
  the first act is on the farmers too (force, coercion, sanctions, aid), when the joined verb has no subject
  of its own.
- ``clause-object``: a target preposition whose object is a clause: "fired tear gas at students marching in
  Nakuru", "opened fire on villagers fleeing the town": the clause's subject is the one fired at (ASSAULT,
  COERCE; also a party known only by its sector, as the sector-actor setting allows).
- ``purpose-party``: forces moved "to deter Iran", "to confront the rebels", "to pressure Caracas": a troop
  movement is aimed at whom its purpose clause acts against (MOBILIZE; hostile purposes only, not "to
  protect", "to help").
- ``flag-state``: a ship named by its flag ("a British-flagged tanker", "a Panama-flagged bulk carrier")
  attacked or seized is a business of the flag's country (ASSAULT, COERCE), when the parse gave no target
  or one without a country.
- ``foreign-ground``: one-sided force with nobody named, carried out in another country than the doer's
  ("Israeli jets carried out airstrikes in southern Lebanon"): aimed at that country. Not a fight (two
  sides, "clashed in X": rule ``no-target``) and not force at home ("the army bombed hideouts in Borno": the
  place is no party).
- ``repressed-group``: a state's force or coercion against a group named only by its role, which the actors
  stage leaves no party ("the junta's crackdown on the opposition", "police cracked down on dissent",
  "a campaign against the press"): that group of the state's own country (the opposition ``OPP``, the press
  ``MED``, students ``EDU``, ...).
- ``person-victims``: force or coercion on people named only as persons, which the actors stage leaves no
  party ("shot dead a teenager near Jenin", "shot and wounded a woman in Kherson", "arrested two men"): a
  civilian party known by its sector (``CVL``), given the country of the act's place like any sector-only
  party (:mod:`petrel.coding.located`).
- ``district-people``: force against a part of a city ("shelled a neighbourhood of Tripoli", "bombed the
  southern suburbs of Damascus", "strikes on the outskirts of Khartoum") falls on the people who live there,
  civilians of its country, not on the state a capital's name stands for (docs/coding.md, "homes in a city
  are its people's").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding.clause_tokens import is_passive
from petrel.coding.pairs import same_actor
from petrel.models import ActorRef

BORDER_NOUNS = frozenset({"border", "borders", "frontier", "frontiers", "boundary", "boundaries"})
BORDER_TYPES = frozenset({"MOBILIZE"})
# clause links a border phrase is not looked for across: another clause's act is not this one's
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "csubj"})
RECIPIENT_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE", "SANCTION", "COERCE"})
RECIPIENT_PREPS = ("to", "on", "upon", "against", "for")
# parts of a settlement named "of" the settlement: their residents are hit, not the state
DISTRICT_NOUNS = frozenset({"neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "suburb",
                            "suburbs", "district", "districts", "quarter", "quarters", "outskirts", "part", "parts",
                            "area", "areas", "centre", "center", "downtown", "edge", "edges", "periphery"})
DISTRICT_TYPES = frozenset({"ASSAULT"})


def _phrase_tokens(tok: Token, depth: int = 4) -> Iterator[Token]:
    """Tokens of the trigger's own phrase: its dependents, not crossing into another clause."""
    for child in tok.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "punct":
            continue
        yield child
        if depth > 0:
            yield from _phrase_tokens(child, depth - 1)


def border_parties(tok: Token, event_type: str, index: args.MentionIndex,
                   sources: list[ActorRef]) -> list[ActorRef]:
    """"massed troops near its border with Ukraine": Ukraine (rule ``border-party``); ``[]``: none."""
    if event_type not in BORDER_TYPES:
        return []
    for border in (t for t in _phrase_tokens(tok) if t.lemma_.lower() in BORDER_NOUNS or t.lower_ in BORDER_NOUNS):
        for prep in (c for c in border.children if c.dep_ == "prep" and c.lower_ == "with"):
            found = [a for o in prep.children if o.dep_ == "pobj" for a in args.np_actors(o, index)]
            found = [a for a in found if not any(same_actor(a, s) for s in sources)]
            if found:
                return found
    return []


def passive_recipients(tok: Token, event_type: str, index: args.MentionIndex,
                       sources: list[ActorRef]) -> list[ActorRef]:
    """"boats were handed over to the Ghanaian navy by the US": the navy (rule ``passive-recipient``)."""
    if event_type not in RECIPIENT_TYPES or tok.pos_ not in ("VERB", "AUX") or not is_passive(tok):
        return []
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and args.np_actors(subject, index):
        return []  # "X was sanctioned": the subject is the target, as the parse reads it
    for prep in (c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS):
        found = [a for o in prep.children if o.dep_ == "pobj" for a in args.object_actors(o, index)]
        found = [a for a in found if not any(same_actor(a, s) for s in sources)]
        if found:
            return found
    return []


SHARED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID"})
CLAUSE_TYPES = frozenset({"ASSAULT", "COERCE"})
CLAUSE_PREPS = frozenset({"at", "on", "upon", "against"})


def shared_objects(tok: Token, event_type: str, index: args.MentionIndex,
                   sources: list[ActorRef]) -> list[ActorRef]:
    """"beat and robbed two Palestinian farmers": the farmers (rule ``shared-object``); ``[]``: none."""
    if event_type not in SHARED_TYPES or tok.pos_ != "VERB" or any(c.dep_ == "dobj" for c in tok.children):
        return []
    for verb in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue  # "X beat Y and Z robbed W": another clause
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        found = [a for a in args.object_actors(obj, index) if not any(same_actor(a, s) for s in sources)]
        if found:
            return found
    return []


def clause_objects(tok: Token, event_type: str, index: args.MentionIndex,
                   sources: list[ActorRef]) -> list[ActorRef]:
    """"fired tear gas at students marching in Nakuru": the students (rule ``clause-object``)."""
    if event_type not in CLAUSE_TYPES:
        return []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in CLAUSE_PREPS):
        for clause in (g for g in prep.children if g.dep_ == "pcomp" and g.pos_ == "VERB"):
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            found = args.np_actors(subj, index) or args.np_actors(subj, index.lenient_view())
            found = [a for a in found if not any(same_actor(a, s) for s in sources)]
            if found:
                return found
    return []


PURPOSE_VERBS = frozenset({"deter", "counter", "confront", "fight", "attack", "pressure", "intimidate", "threaten",
                           "repel", "combat", "punish", "encircle", "invade", "dislodge", "expel", "crush", "strike"})


def purpose_parties(tok: Token, event_type: str, index: args.MentionIndex,
                    sources: list[ActorRef]) -> list[ActorRef]:
    """"deployed an aircraft carrier to the Gulf to deter Iran": Iran (rule ``purpose-party``)."""
    if event_type != "MOBILIZE":
        return []
    for clause in (c for c in tok.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PURPOSE_VERBS
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        found = args.object_actors(obj, index) if obj is not None else []
        found = [a for a in found if not any(same_actor(a, s) for s in sources)]
        if found:
            return found
    return []


VESSEL_NOUNS = frozenset({"ship", "ships", "vessel", "vessels", "tanker", "tankers", "carrier", "carriers",
                          "freighter", "freighters", "boat", "boats", "trawler", "trawlers", "ferry", "barge"})
FLAG_TYPES = frozenset({"ASSAULT", "COERCE"})


def flagged_vessels(tok: Token, event_type: str, targets: list[ActorRef],
                    index: args.MentionIndex) -> list[ActorRef]:
    """"seized a British-flagged tanker": a British business (rule ``flag-state``); ``[]``: nothing to change."""
    if event_type not in FLAG_TYPES or any(t.country for t in targets):
        return []
    for ship in (t for t in _struck(tok) if t.lemma_.lower() in VESSEL_NOUNS or t.lower_ in VESSEL_NOUNS):
        for flagged in (c for c in ship.children if c.lower_ in ("flagged", "-flagged") or c.lower_.endswith("-flagged")):
            for word in (flagged, *flagged.subtree):
                owner = next((a for a in index.actors_at(word) if a.country), None)
                if owner is not None:
                    first = min(t.i for t in ship.subtree if t.dep_ != "det")
                    named = ship.doc[first:ship.i + 1].text
                    return [ActorRef(name=named, country=owner.country, sector=["BUS"], resolution="demonym")]
    return []


ONE_SIDED_NOUNS = frozenset({"fighting", "clash", "clashes", "battle", "battles", "war", "fight", "firefight",
                             "skirmish", "skirmishes", "exchange", "hostilities", "combat", "violence"})
ONE_SIDED_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "trade", "engage"})


def foreign_ground(tok: Token, event_type: str, index: args.MentionIndex,
                   sources: list[ActorRef]) -> list[ActorRef]:
    """"Israeli jets carried out airstrikes in southern Lebanon": Lebanon (rule ``foreign-ground``)."""
    if event_type != "ASSAULT" or not sources or not all(s.country for s in sources) \
            or tok.lemma_.lower() in ONE_SIDED_NOUNS | ONE_SIDED_VERBS:
        return []
    holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") else [tok]
    for holder in holders:
        places = args.place_countries(holder, index, 0)
        foreign = [p for p in places if all(p.country != s.country for s in sources)]
        if places:
            return foreign[:1]
    return []


# roles a repressed group is named by, with its sectors
REPRESSED_GROUPS = {"opposition": ["OPP"], "dissent": ["OPP"], "dissident": ["OPP"], "dissidents": ["OPP"],
                    "critic": ["OPP"], "critics": ["OPP"], "press": ["MED"], "media": ["MED"],
                    "students": ["EDU", "CVL"], "minority": ["CVL"], "minorities": ["CVL"],
                    "civil society": ["CVL"], "society": ["CVL"]}
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD"})
REPRESSION_TYPES = frozenset({"COERCE", "ASSAULT"})


def repressed_groups(tok: Token, event_type: str, index: args.MentionIndex,
                     sources: list[ActorRef]) -> list[ActorRef]:
    """"the junta's crackdown on the opposition": Guinea's opposition (rule ``repressed-group``)."""
    state = next((s for s in sources if s.country and (STATE_SECTORS.intersection(s.sector) or not s.sector)), None)
    if event_type not in REPRESSION_TYPES or state is None:
        return []
    for obj in _struck(tok, places=False):
        word = obj.lower_
        if any(c.lower_ == "civil" for c in obj.children) and word == "society":
            word = "civil society"
        sectors = REPRESSED_GROUPS.get(word)
        if sectors is None or word == "society" or args.np_actors(obj, index.lenient_view()):
            continue
        first = min(t.i for t in obj.subtree if t.i <= obj.i)
        return [ActorRef(name=obj.doc[first:obj.i + 1].text, country=state.country, sector=list(sectors),
                         resolution="context")]
    return []


PERSON_WORDS = frozenset({"woman", "women", "man", "men", "boy", "boys", "girl", "girls", "child", "children",
                          "teenager", "teenagers", "teen", "teens", "youth", "youths", "baby", "babies", "infant",
                          "infants", "toddler", "person", "persons", "elderly", "pensioner", "pensioners",
                          "mother", "mothers", "father", "fathers"})
PERSON_TYPES = frozenset({"ASSAULT", "COERCE"})


def person_victims(tok: Token, event_type: str, index: args.MentionIndex,
                   sources: list[ActorRef]) -> list[ActorRef]:
    """"shot dead a teenager near Jenin": a civilian teenager (rule ``person-victims``); ``[]``: none."""
    if event_type not in PERSON_TYPES or not sources:
        return []
    lenient = index.lenient_view()
    for obj in (*_struck(tok, places=False), *_joined_objects(tok)):
        if obj.lower_ not in PERSON_WORDS or args.np_actors(obj, lenient) or \
                any(c.dep_ == "poss" and c.lower_ in args.OWN_POSSESSIVES for c in obj.children):
            continue  # "their children": someone's own, not a victim named
        first = min(t.i for t in obj.subtree if t.i <= obj.i and t.dep_ != "det")
        return [ActorRef(name=obj.doc[first:obj.i + 1].text, country=None, sector=["CVL"], resolution="unresolved")]
    return []


def _joined_objects(tok: Token) -> Iterator[Token]:
    """The objects of verbs joined to ``tok`` by "and" with no subject of their own ("shot and wounded X")."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return
    for verb in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            yield from (c for c in verb.children if c.dep_ == "dobj")


def district_people(tok: Token, event_type: str, targets: list[ActorRef],
                    index: args.MentionIndex) -> list[ActorRef]:
    """"shelled a neighbourhood of Tripoli": the residents of Tripoli, civilians of Libya (rule
    ``district-people``); ``[]``: nothing to change. Only when every target is a place's state (no id,
    resolved by its country) named inside the district's phrase, not a party named there ("a district held
    by the rebels")."""
    if event_type not in DISTRICT_TYPES or not targets or not all(
            t.country and not t.actor_id and t.resolution == "country" for t in targets):
        return []
    for part in _struck(tok):
        if part.lemma_.lower() not in DISTRICT_NOUNS and part.lower_ not in DISTRICT_NOUNS:
            continue
        of = next((c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            continue
        placed = {args.actor_key(a) for t in of.subtree for a in index.actors_at(t)}
        if all(args.actor_key(t) in placed for t in targets):
            place = next(t for t in of.subtree if t.dep_ == "pobj")
            named = " ".join(t.text for t in place.subtree if t.i >= place.i or t.dep_ == "compound")
            return [ActorRef(name=f"residents of {named}", country=t.country, sector=["CVL"], resolution="context")
                    for t in targets[:1]]
    return []


def _struck(tok: Token, *, places: bool = True) -> Iterator[Token]:
    """What a force trigger acts on: its object, or the object of its on/at/against (``places``: in/into)
    phrase."""
    preps = ("on", "at", "against", "upon", "in", "into") if places else ("on", "at", "against", "upon")
    for child in tok.children:
        if child.dep_ == "dobj":
            yield child
        elif child.dep_ == "prep" and child.lower_ in preps:
            yield from (g for g in child.children if g.dep_ == "pobj")
