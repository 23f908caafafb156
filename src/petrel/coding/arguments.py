"""From tokens to actors: who did it (source) and to whom (target), read off the dependency parse.

:class:`MentionIndex` maps each token to the actor mentions the actors stage found over it (by character
offsets). The functions here walk the parse around a trigger:

- source: the subject (``nsubj``), climbing through xcomp/conj/relcl/acl heads when the trigger has none;
  in a passive, the ``agent`` ("was jailed by X"); for a noun trigger a possessive or demonym modifier,
  "by/from X", or the subject of the verb the noun hangs on ("X launched airstrikes");
- target: the direct object, the passive subject, or the object of a target preposition
  ("against ISIS", "on Iraq", "from Iraq"), searching into the object's own modifiers ("Trump's comment").

Each side may hold several actors (compound actors: "British and US forces"); the caller codes one event
per pair.

The index lives in :mod:`petrel.coding.mention_index`, the clause's subject, agent and object tokens in
:mod:`petrel.coding.clause_tokens`, the actors of a noun phrase in :mod:`petrel.coding.noun_phrases`;
their public names are importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from petrel.coding import phrases
from petrel.coding.clause_tokens import (agent_token, is_first_person, is_passive, object_of, prep_object,
                                         relative_antecedent, small_clause, subject_token)
from petrel.coding.mention_index import INTERNATIONAL, MentionIndex, actor_key, dedup_actors, resolvable
from petrel.coding.noun_phrases import conj_actors, led_by, np_actors
from petrel.models import ActorRef

__all__ = ["INTERNATIONAL", "OWN_POSSESSIVES", "MentionIndex", "Roles", "actor_key", "advcl_subject_actors",
           "agent_token", "clause_actors", "comp_subject_actors", "is_first_person", "noun_roles", "np_actors",
           "object_actors", "place_actors", "place_countries", "resolvable", "subject_token", "token_actors",
           "verb_roles"]

# the addressee ("complained to the UN about X") and places come after the party acted upon
PREP_PRIORITY = {p: i for i, p in enumerate(
    "against targeting on upon at into with over about of from for toward towards alongside to inside in".split())}
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
TARGET_PREPS = frozenset({"against", "on", "at", "with", "to", "toward", "towards", "into", "upon", "from",
                          "over", "of", "for", "targeting", "alongside", "inside", "in"})
DESCEND_PREPS = frozenset({"of", "including", "against", "on", "targeting", "with", "to", "toward", "towards", "from"})
NOUN_SOURCE_PREPS = frozenset({"by", "from"})
NOUN_TARGET_PREPS = frozenset({"against", "on", "at", "with", "to", "toward", "towards", "upon", "into", "over",
                               "inside", "targeting", "for", "of"})
LEAVING_NOUNS = frozenset({"withdrawal", "pullout", "pull-out", "departure", "exit", "evacuation", "retreat",
                           "drawdown", "redeployment"})  # "the withdrawal from X": X is left, not the leaver
PLACE_PREPS = frozenset({"in", "at", "outside", "near", "inside"})
EXPULSION_VERBS = frozenset({"expel", "deport", "ban", "bar", "kick", "eject", "evict"})
RESPONSIBLE_WORDS = frozenset({"responsible", "guilty", "culpable", "accountable"})
BEHIND_CUES = frozenset({"say", "tell", "claim", "allege", "state", "insist", "add", "announce", "report"})
# acts whose author "was behind" them did them: violence ("was behind the peace talks" backs the talks)
BEHIND_NOUNS = frozenset({"attack", "attacks", "raid", "raids", "bombing", "bombings", "strike", "strikes",
                          "airstrike", "killing", "killings", "murder", "assassination", "kidnapping", "abduction",
                          "ambush", "massacre", "shelling", "coup", "hijacking", "assault", "violence"})
# nouns that count acts: "a package of sanctions", "a wave of strikes", "a series of raids"
EVENT_BATCHES = frozenset({"package", "round", "wave", "series", "set", "spate", "string", "barrage", "volley",
                           "salvo", "flurry", "raft", "batch"})
LIGHT_VERBS = frozenset({"adopt", "launch", "carry", "conduct", "stage", "hold", "mount", "wage", "begin", "start",
                         "continue", "step", "intensify", "escalate", "resume", "make", "give", "offer", "issue",
                         "express", "voice", "impose", "declare", "announce", "sign", "reach", "provide", "send",
                         "deliver", "organize", "organise", "lead", "call", "extend", "renew", "pledge", "promise",
                         "unleash", "undertake", "perform", "execute", "deploy", "order", "approve", "grant",
                         "lodge", "file", "level", "hurl", "make", "be", "have", "seek", "complete",
                         "deepen", "strengthen", "expand", "boost", "enhance", "develop", "build", "forge",
                         "establish", "pursue", "promote", "conclude", "renew", "cement", "bolster", "stag",
                         "speed", "accelerate", "hasten", "expedite", "finish"})
CAUSE_VERBS = frozenset({"spark", "draw", "trigger", "prompt", "provoke", "cause", "attract", "earn", "face",
                         "receive", "meet", "invite", "incur", "suffer", "bring"})
PARTICIPATION_OBJECTS = frozenset({"part", "role"})  # "took part in", "played a role in"
# Events a crowd holds: who acts on something during one (police firing tear gas) need not be in the crowd,
# unlike an attack, whose agent acts through it ("wounded two soldiers in a bomb attack").
CROWD_NOUNS = frozenset({"demonstration", "protest", "rally", "march", "sit-in", "vigil", "riot", "gathering",
                         "procession"})
GATHER_VERBS = frozenset({"gather", "converge", "assemble", "congregate", "mass", "flock", "turn", "come"})
LIGHT_SUBJECT_STOP = frozenset({"ccomp", "advcl", "relcl_stop"})


@dataclass(slots=True)
class Roles:
    """Who did it and to whom, as read off the parse for one trigger."""

    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    source_token: Token | None = None
    agentless: bool = False  # a passive without a "by" agent: nobody may stand in as the source


def verb_roles(tok: Token, index: MentionIndex) -> Roles:
    """Source and target of a verb trigger (active, passive, controlled or coordinated)."""
    passive = is_passive(tok)
    src_tok = agent_token(tok) if passive else subject_token(tok)
    if passive and src_tok is None and (tok.dep_ == "xcomp" or small_clause(tok)) and tok.tag_ == "VBN":
        src_tok = subject_token(tok.head)  # "X ordered him banned": X is the source
    if passive and src_tok is None and tok.lemma_ in EXPULSION_VERBS:
        src_tok = prep_object(tok, "from")  # "inspectors were expelled from North Korea"
    sources = np_actors(src_tok, index) if src_tok is not None else []
    targets = _verb_targets(tok, index, passive)
    obj = object_of(tok.head) if passive and tok.dep_ == "xcomp" else object_of(tok)
    if small_clause(tok):
        obj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None) or object_of(tok.head)
    if obj is not None and obj.lower_ in OBJECT_PRONOUNS and any(actor_key(t) == actor_key(s)
                                                                for t in targets for s in sources):
        other = index.named_before(obj.idx, sources)  # "X ordered him banned": him is not X
        targets = [other] if other is not None else []
    return Roles(sources, targets, src_tok, agentless=passive and src_tok is None)


def _verb_targets(tok: Token, index: MentionIndex, passive: bool) -> list[ActorRef]:
    if passive:
        for child in tok.children:
            if child.dep_ in PASSIVE_SUBJ:
                return np_actors(relative_antecedent(child), index)
        if tok.dep_ == "xcomp" and tok.tag_ == "VBN":
            obj = object_of(tok.head)
            if obj is not None:
                return np_actors(obj, index)
        if small_clause(tok):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None) or object_of(tok.head)
            if subj is not None:
                return np_actors(subj, index)
        if tok.dep_ == "acl":
            return np_actors(tok.head, index)
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd") and not _own_asset(child):
            found = object_actors(child, index, located=True)
            if found:
                return found
            if phrases.site_owner(child) is not None:
                return []  # "ambushed an army patrol outside X": the army's (unnamed.settlement_people)
    return _prep_targets(tok, index, TARGET_PREPS)


def _own_asset(obj: Token) -> bool:
    """"withdraw its troops", "deploy their forces": the subject's own people, not a target."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in obj.children)


def object_actors(obj: Token, index: MentionIndex, *, located: bool = False) -> list[ActorRef]:
    """Actors of an object phrase, looking into its prepositions ("withdrawal of US troops");
    ``located`` also takes the place of the object ("withdraw the troops in the country")."""
    found = [] if _own_asset(obj) else np_actors(obj, index)
    if found:
        return found
    located = located and phrases.site_owner(obj) is None  # "a police station in X": the police's, not X
    preps = NOUN_TARGET_PREPS | {"including", "of", "from", "by"} | ({"in", "inside"} if located else set())
    return _prep_targets(obj, index, frozenset(preps), depth=1)


def _is_prep(tok: Token) -> bool:
    """A preposition, including a "to/for" the parser labels as a dative ("provided arms to X")."""
    return tok.dep_ in ("prep", "agent") or (tok.dep_ == "dative" and tok.lower_ in ("to", "for"))


def _prep_targets(tok: Token, index: MentionIndex, preps: frozenset[str], depth: int = 2) -> list[ActorRef]:
    children = sorted(tok.children, key=lambda c: PREP_PRIORITY.get(c.lower_, 50))
    for child in children:
        if _is_prep(child) and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and not _own_asset(obj):
                    found = np_actors(obj, index)
                    if not found and depth > 0:
                        found = _prep_targets(obj, index, preps & DESCEND_PREPS, depth - 1)
                    if not found and phrases.is_site(obj) and phrases.site_owner(obj) is None:  # "sites in Pakistan"
                        found = place_countries(obj, index, 0)
                    if found:
                        return found
        if child.dep_ == "acl" and child.lemma_ in ("target", "include", "involve", "against"):
            for obj in child.children:
                if obj.dep_ == "dobj":
                    found = np_actors(obj, index)
                    if found:
                        return found
    return []


def noun_roles(tok: Token, index: MentionIndex) -> Roles:
    """(sources, targets, source token) for a noun trigger such as "airstrikes" or "criticism"."""
    sources = _noun_modifier_actors(tok, index)
    src_tok: Token | None = None
    source_preps, target_preps = _noun_preps(tok)
    if not sources:
        sources = _prep_targets(tok, index, source_preps, depth=0)
    if not sources and (agent := phrases.participle_agent(tok)) is not None:
        src_tok, sources = agent, np_actors(agent, index)  # "a ban imposed on X by the EU"
    if not sources and tok.dep_ == "dobj" and tok.head.lemma_ in CAUSE_VERBS:
        sources = _prep_targets(tok.head, index, NOUN_SOURCE_PREPS, depth=0)  # "drew criticism from X"
    if not sources and src_tok is None:
        src_tok = _governing_subject(tok)
        sources = np_actors(src_tok, index) if src_tok is not None else []
    targets = _prep_targets(tok, index, target_preps)
    if not targets and (part := phrases.doing_participle(tok)) is not None:
        targets = _prep_targets(part, index, target_preps - {"of", "for"})  # "a ban imposed on the ministers"
    if not targets and tok.dep_ == "dobj" and tok.head.lemma_ in CAUSE_VERBS:
        causer = subject_token(tok.head)  # "X drew criticism from Y": X is the target
        targets = np_actors(causer, index) if causer is not None else []
    return Roles(sources, targets, src_tok)


def _noun_preps(tok: Token) -> tuple[frozenset[str], frozenset[str]]:
    """Prepositions naming a noun event's source and its target. "from" names the source ("criticism from
    X"), except after a noun of leaving, where it names the place left: "the withdrawal from X" targets X."""
    if tok.lemma_.lower() in LEAVING_NOUNS:
        return NOUN_SOURCE_PREPS - {"from"}, NOUN_TARGET_PREPS | {"from"}
    return NOUN_SOURCE_PREPS, NOUN_TARGET_PREPS


def _noun_modifier_actors(tok: Token, index: MentionIndex) -> list[ActorRef]:
    if any(c.dep_ == "amod" and c.lower_ == "civil" for c in tok.children):
        return []  # "Syria's civil war": the country is where it is fought, not who fights
    out: list[ActorRef] = []
    for child in tok.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < tok.i:
            out += (index.actors_at(child) + conj_actors(child, index)) or led_by(child, index)
    return dedup_actors(out)


def _governing_subject(tok: Token) -> Token | None:
    """The subject of the verb a noun hangs on: "X launched airstrikes", "X fought in battles"."""
    responsible = _responsible_party(tok)
    if responsible is not None:
        return responsible
    node = tok
    for _ in range(4):
        if node.dep_ == "prep" and node.lower_ == "of" and node.head.lemma_.lower() in EVENT_BATCHES:
            node = node.head  # "adopted a new package of sanctions", "launched a wave of strikes"
            continue
        if node.dep_ == "prep" and node.lower_ not in ("in", "into") and not _gathering_for(node):
            return None  # "fought in battles" yes; "rose to prominence after the invasion" no
        if node.dep_ in ("dobj", "attr", "oprd", "pobj", "prep") and node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                via_in = tok.dep_ == "pobj" and (tok.head.lower_ in ("in", "into") or _gathering_for(tok.head))
                if node.lemma_ in CAUSE_VERBS or not (via_in or node.lemma_ in LIGHT_VERBS):
                    return None  # "forestall violence", "condemned the attack": not the subject's act
                if via_in and tok.lemma_.lower() in CROWD_NOUNS and node.lemma_ not in LIGHT_VERBS \
                        and _acts_on_something(node, tok.i):
                    return None  # "police fired tear gas in the demonstration": not who demonstrated
                return subject_token(node)
            continue
        return None
    return None


def _responsible_party(tok: Token) -> Token | None:
    """"The LRA is responsible for mass killings and abductions", "X was guilty of the bombing", "X was
    behind the attack": who is said to be responsible for an act did it."""
    while tok.dep_ == "conj":
        tok = tok.head
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "behind" and prep.dep_ == "prep" and tok.lemma_.lower() in BEHIND_NOUNS:
        return _said_to_be_behind(prep.head)  # "X said militias were behind the attack"
    if tok.dep_ != "pobj" or prep.lower_ not in ("for", "of"):
        return None
    adjective = prep.head
    if adjective.lemma_.lower() not in RESPONSIBLE_WORDS or adjective.dep_ not in ("acomp", "oprd"):
        return None
    return subject_token(adjective.head)


def _said_to_be_behind(be: Token) -> Token | None:
    """"Officials said militias were behind the attack": the subject of "be behind", when that clause is
    what a speaker asserts (not denied, negated, doubted or asked: "denied it was behind", "whether X was
    behind"), and the subject is a name, not a pronoun ("no group said it was behind the attack")."""
    if be.lemma_ != "be" or be.dep_ != "ccomp" or be.head.lemma_.lower() not in BEHIND_CUES:
        return None
    if any(c.dep_ in ("neg", "aux", "mark") and c.lower_ in ("not", "n't", "whether", "if", "may", "might", "could")
           for c in be.children):
        return None
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ != "PRON" else None


def _acts_on_something(verb: Token, before: int) -> bool:
    """Whether a verb has a direct object of its own (other than "part" or "role") before the event noun
    at ``before``: then a crowd event after "in" is only the occasion of the act, and the verb's subject
    need not take part in it. An "object" after the noun is mostly a misparsed apposition.

    Example: "fired tear gas in the demonstration" acts on "gas" (True); "fought in battles" and "took
    part in the protests" do not (False).
    """
    return any(c.dep_ in ("dobj", "obj") and c.i < before and c.lemma_.lower() not in PARTICIPATION_OBJECTS
               for c in verb.children)


def _gathering_for(prep: Token) -> bool:
    """"gathered for a rally", "converged for a protest": who gathers for an event holds it."""
    return prep.lower_ == "for" and prep.head.lemma_ in GATHER_VERBS


def token_actors(tok: Token | None, index: MentionIndex) -> list[ActorRef]:
    return np_actors(tok, index) if tok is not None else []


def clause_actors(clause: Token, index: MentionIndex, *, all_groups: bool = False) -> list[ActorRef]:
    """Actors named in a clause, condition subjects first, then subjects, then the rest in text order."""
    ranked: list[tuple[int, int, ActorRef]] = []
    for tok in clause.subtree:
        actors = index.actors_at(tok)
        if not actors:
            continue
        rank = 2
        if tok.dep_ in ("nsubj", "nsubjpass"):
            rank = 0 if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.head.children) else 1
        ranked += [(rank, tok.i, a) for a in actors]
    if not ranked:
        return []
    ranked.sort(key=lambda r: (r[0], r[1]))
    if all_groups:  # every candidate, best first: the caller filters and keeps the first that fits
        return dedup_actors(a for _, _, a in ranked)
    best = ranked[0][1]
    group = {best} | {c.i for c in clause.doc[best].conjuncts}
    return dedup_actors(a for _, i, a in ranked if i in group)


def comp_subject_actors(comp: Token, index: MentionIndex) -> list[ActorRef]:
    """Actors of a complement clause's own subject ("a plan for foreign troops to depart")."""
    for child in comp.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return np_actors(child, index)
    return []


def advcl_subject_actors(tok: Token, index: MentionIndex) -> list[ActorRef]:
    """Subject of an "as/while" clause: "X provided air support as Y regrouped" (Y receives it)."""
    for child in tok.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in child.children):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return np_actors(subj, index)
    return []


def place_actors(tok: Token, index: MentionIndex) -> list[ActorRef]:
    """Actors named by the place of an act ("a protest in Beijing")."""
    return _prep_targets(tok, index, frozenset({"in", "outside", "near"}), depth=0)


def place_countries(tok: Token, index: MentionIndex, depth: int = 1) -> list[ActorRef]:
    """Places named by country or city where an act happened, through one place noun: "marched outside a court in
    Lima" -> Peru. Only place mentions (resolved as a country or city), never a party's name."""
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            found = [a for a in index.actors_at(obj) if a.resolution == "country" and a.country
                     and a.country not in INTERNATIONAL]
            if not found and depth > 0:
                found = place_countries(obj, index, depth - 1)
            if found:
                return found
    return []
