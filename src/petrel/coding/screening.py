"""Which drafts are events, and how much a trigger's place in the sentence is trusted.

:func:`keep_draft` is the junk filter (a source is required; a wish, a condition, a point in time, a party's
description or a prevented act is no event); :func:`is_state_modifier` drops "Iranian-backed militias"
before any party is read; :func:`trigger_confidence` ranks main-clause and specific triggers first.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding import answers
from petrel.coding import rules as R
from petrel.coding.drafts import Draft
from petrel.coding.lexicon import ANY, CameoInfo
from petrel.coding.pairs import RECIPROCAL_TYPES, TARGETLESS_TYPES
from petrel.coding.speech import same_side
from petrel.coding.status import clause_chain
from petrel.coding.triggers import Trigger

PREVENT_VERBS = frozenset({"avoid", "prevent", "forestall", "avert", "deter", "stop", "end", "halt", "thwart",
                           "foil", "oppose", "fear", "risk"})
STATE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AID"})
TIME_PREPS = frozenset({"after", "since", "before", "following", "during", "until", "amid"})


def keep_draft(draft: Draft) -> bool:
    """Junk filter: a source is required; dyadic cooperation needs a target; a bare condition or a wish
    ("a deadline for the army to pull out") is no event. (A reflexive act is kept here, so that "the US
    said Iraq attacked itself" still accuses Iraq, and emits no event of its own in :func:`pair_events`.)"""
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
            "MIL" in t.sector and "REB" not in t.sector and any(same_side(t, s) for s in draft.sources)
            for t in draft.targets):  # a rebel force is not one's own troops: "the army met the RSF"
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


def _in_condition(tok: Token) -> bool:
    """The trigger is the verb of an "if" clause: a condition, not an event."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def is_state_modifier(tok: Token, info: CameoInfo) -> bool:
    """"Iranian-backed militias", "US-led coalition", "militias backed by Iran": a state, not an event."""
    if tok.dep_ in ("amod", "compound"):
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and info.type in STATE_TYPES


def trigger_confidence(trig: Trigger) -> float:
    """Main-clause triggers first, then specific patterns; nouns and deeply embedded triggers lower.
    A noun that is the object of the clause's verb ("began a hunger strike") counts at the verb's depth."""
    tok = trig.token
    depth = len(clause_chain(tok)) - 1
    if trig.pattern.pos == "noun" and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and depth:
        depth -= 1
    if purpose_clause(tok):  # "resigned to allow elections": the purpose is below the act
        depth += 1
    conf = 0.6 + 0.015 * min(trig.pattern.specificity, 6) - 0.06 * min(depth, 4)
    return round(conf - (0.05 if trig.pattern.pos == "noun" else 0.0), 3)


def purpose_clause(tok: Token) -> bool:
    """A "to" infinitive adverbial without its own subject: the purpose of the act it hangs on."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
