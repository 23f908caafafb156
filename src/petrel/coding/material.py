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


def _struck(tok: Token) -> Iterator[Token]:
    """What a force trigger acts on: its object, or the object of its on/at/against phrase."""
    for child in tok.children:
        if child.dep_ == "dobj":
            yield child
        elif child.dep_ == "prep" and child.lower_ in ("on", "at", "against", "upon", "in", "into"):
            yield from (g for g in child.children if g.dep_ == "pobj")
