"""A speech act coordinated with a reported clause is the reporter's (rule ``reported-and``).

"Officials said the militia was behind the raid and urged the government to act": the parser hangs
"urged" on "was" (a conjunct inside the reported clause), so its subject would be the militia. A speech act
(a demand, an accusation, a rejection, a threat, an appeal) joined to the clause of a speech verb, with no
subject of its own, is the speaker's: they said one thing and urged another. An act that is not speech
stays with the reported clause's subject ("said the rebels attacked the town and burned the market": the
rebels burned it).

"Talks between Russian and Ukrainian delegations": a meeting noun names its parties in a "between"
phrase (:func:`between_parties`).

The same misattachment puts the second and third verbs of a demanded list ("called on X to respect A,
allow B and release C") beside the finite "called": :func:`infinitive_conjuncts` gives them back to the
demand.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.models import ActorRef

SPEECH_ACT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})  # PLOVER types said, not done
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def reporting_verb(tok: Token, info_type: str, speech: dict[str, str]) -> Token | None:
    """The speech verb whose subject made the speech act ``tok``, when ``tok`` is a verbal speech act
    joined (``conj``) to that verb's reported clause and has no subject of its own; else None."""
    if info_type not in SPEECH_ACT_TYPES or not tok.tag_.startswith("VB") or tok.dep_ != "conj":
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    cue = clause.head
    if clause.dep_ != "ccomp" or not cue.tag_.startswith("VB") or cue.lemma_.lower() not in speech:
        return None
    return cue


def infinitive_conjuncts(verb: Token, clause: Token) -> set[int]:
    """"called on X to respect the constitution, allow a vote, and release the prisoners": the parser
    often hangs "allow" and "release" on the finite "called" instead of on "respect". A base-form verb
    (VB) with no subject of its own, coordinated with a finite verb whose complement ``clause`` is a "to"
    infinitive, belongs to that infinitive: what was asked, not done. Their token indices (subtrees)."""
    if verb.tag_ not in FINITE_TAGS or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return set()
    out: set[int] = set()
    for conj in verb.conjuncts:
        if conj.i > clause.i and conj.tag_ == "VB" and not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            out |= {t.i for t in conj.subtree}
    return out


def reporters(tok: Token, info_type: str, speech: dict[str, str],
              index: args.MentionIndex) -> tuple[list[ActorRef], Token] | None:
    """The speakers of a speech act joined to their reported clause (:func:`reporting_verb`) and their
    subject token; None when ``tok`` is no such act or the speaker names nobody codable."""
    cue = reporting_verb(tok, info_type, speech)
    speaker = args.subject_token(cue) if cue is not None else None
    found = args.np_actors(speaker, index) if speaker is not None else []
    return (found, speaker) if found and speaker is not None else None


def between_parties(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"talks between Russian and Ukrainian delegations", "a deal between Kenya and Somalia": the parties
    a noun names in its "between" phrase, in text order (the first is the source, the rest its targets)."""
    found: list[ActorRef] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found += [a for a in args.np_actors(obj, index) if a not in found]
    return found
