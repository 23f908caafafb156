"""The actors a noun phrase refers to (:func:`np_actors`): the head's mention, else its modifiers'
("US forces"), a weapon's user ("rockets fired by X"), the owner in "the head of X", plus conjuncts and
listed appositions ("the US, Russia, and Switzerland") and each further owner in "the navies of X and Y".
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding.clause_tokens import agent_token
from petrel.coding.mention_index import MentionIndex, dedup_actors
from petrel.models import ActorRef

WEAPON_NOUNS = frozenset({"missile", "rocket", "bomb", "shell", "mortar", "drone", "jet", "plane", "aircraft",
                          "warplane", "tank", "artillery", "helicopter", "gunship", "warship", "projectile"})
NP_MOD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod", "quantmod"})


def np_actors(head: Token, index: MentionIndex, *, depth: int = 0) -> list[ActorRef]:
    """The actors a noun phrase refers to: the head's mention, else its modifiers', plus conjuncts."""
    found = _np_single(head, index, depth)
    for conj in [*_name_conjuncts(head, index), *_listed_appositions(head)]:
        if conj.i > head.i:
            found += _np_single(conj, index, depth)
    return dedup_actors(found)


def _name_conjuncts(head: Token, index: MentionIndex) -> list[Token]:
    """Conjuncts of the head, or of another word of the same name: the parser may split "Barack Obama and
    Vladimir Putin" into "Barack" with "Putin" a conjunct of "Obama"."""
    on_head = index.actors_at(head)
    same_name = [c for c in head.children if on_head and c.dep_ != "conj" and index.actors_at(c) == on_head]
    return [conj for t in [head, *same_name] for conj in t.conjuncts]


def _listed_appositions(head: Token) -> list[Token]:
    """"The US, Russia, and Switzerland": the parser hangs the list on the first name as an apposition
    with conjuncts; an apposition without conjuncts ("Obama, the president") is the same actor."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and any(c.dep_ == "conj" for c in child.children):
            out += [child, *child.conjuncts]
    return out


def _np_single(head: Token, index: MentionIndex, depth: int) -> list[ActorRef]:
    on_head = index.actors_at(head)
    if on_head:
        return on_head + _shared_by_owners(head, on_head[0], index)
    if head.lower_ == "country" and any(c.lower_ in ("the", "that", "this") for c in head.children):
        country = index.country_before(head.idx)  # "the country": the last country named
        return [country] if country is not None else []
    mods: list[ActorRef] = []
    for child in head.children:
        if child.dep_ in NP_MOD_DEPS and child.i < head.i:
            mods += (index.actors_at(child) + conj_actors(child, index)) or led_by(child, index)
    if mods:
        return mods
    if head.lemma_.lower() in WEAPON_NOUNS:  # "rockets fired by the Syrian army"
        for child in head.children:
            if child.dep_ == "acl":
                agent = agent_token(child)
                if agent is not None:
                    return np_actors(agent, index, depth=depth + 1)
    if depth < 1:
        for child in head.children:  # "the head of X", "leader of X"
            if child.dep_ == "prep" and child.lower_ in ("of", "between"):  # "summit between X and Y"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return np_actors(obj, index, depth=depth + 1)
            if child.dep_ == "appos":
                return np_actors(child, index, depth=depth + 1)
    return []


def _shared_by_owners(head: Token, actor: ActorRef, index: MentionIndex) -> list[ActorRef]:
    """"the navies of Chile and Peru" is one mention with Chile's country; each further owner
    named in the "of" phrase has its own such party (Argentina's army, same sectors)."""
    out: list[ActorRef] = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            for conj in obj.conjuncts if obj.dep_ == "pobj" else ():
                inner = sorted(index.at(conj), key=lambda m: m.end - m.start)  # Argentina, not the whole phrase
                owner = next((m.actor for m in inner if m.actor.country), None)
                if owner is not None and owner.country != actor.country:
                    out.append(ActorRef(f"{head.text} of {conj.text}", None, owner.country, list(actor.sector),
                                        actor.resolution))
    return out


def led_by(mod: Token, index: MentionIndex) -> list[ActorRef]:
    """"a US-led coalition": the leader named inside the modifier."""
    if mod.lemma_ != "lead":
        return []
    return [a for c in mod.children if c.i < mod.i for a in index.actors_at(c)]


def conj_actors(tok: Token, index: MentionIndex) -> list[ActorRef]:
    out: list[ActorRef] = []
    for conj in tok.conjuncts:
        out += index.actors_at(conj)
    return out
