"""What someone is accused of doing, told as the accuser's claim (rule ``accused-act``).

"Rights groups accused soldiers of killing civilians": besides the accusation (ACCUSE, the whole "of"
complement consumed by it), the violent or repressive act the charge names is an event of its own, by the
accused, upon whom the act names, with status ``claimed`` (one side's word). So is "gangs have been
accused of killings and kidnappings", where nobody is named as accuser and the accusation itself is no
event. Only violence and repression (ASSAULT, COERCE: :data:`CLAIMED_TYPES`); "accused X of corruption"
names no such act.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding.drafts import Draft
from petrel.coding.lexicon import Lexicon
from petrel.coding.rules import ACCUSED_ACT
from petrel.coding.status import Status
from petrel.coding.triggers import Trigger, match_token
from petrel.models import Provenance

CLAIMED_TYPES = frozenset({"ASSAULT", "COERCE"})
ACCUSING_VERBS = frozenset({"accuse", "charge", "implicate", "suspect"})


def accused_acts(triggers: list[Trigger], index: args.MentionIndex, lexicon: Lexicon) -> list[Draft]:
    """The acts the accusations among ``triggers`` charge (see the module docstring)."""
    out: list[Draft] = []
    for trig in triggers:
        tok = trig.token
        if lexicon.info(trig.pattern.code).type != "ACCUSE" or tok.lemma_.lower() not in ACCUSING_VERBS:
            continue
        accused = args.verb_roles(tok, index).targets
        if not accused and any(c.dep_ == "auxpass" for c in tok.children):  # "gangs control X and are accused"
            subj = args.subject_token(tok)
            accused = args.np_actors(subj, index) if subj is not None else []
        if not accused:
            continue
        for act in _charged(tok):
            found = match_token(act, lexicon)
            if found is None or lexicon.info(found.pattern.code).type not in CLAIMED_TYPES:
                continue
            info = lexicon.info(found.pattern.code)
            roles = args.noun_roles(act, index) if found.pattern.pos == "noun" else args.verb_roles(act, index)
            targets = [t for t in roles.targets if t not in accused]
            out.append(Draft(Trigger(act, found.pattern, found.consumed), info, list(accused), targets,
                             Status("claimed", False, tok.lower_), Provenance((ACCUSED_ACT,), found.pattern.entry_id), None,
                             0.5))
            break  # one act per charge: "of killing civilians suspected of backing militants" is one
    return out


def _charged(tok: Token) -> list[Token]:
    """The heads of the "of" complement: "accused X of *killing* ...", "of *killings* and *kidnappings*"
    (the parser may hang "of" on the accused: "accused [Somali forces of arresting ...]")."""
    out: list[Token] = []
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    for prep in (p for h in holders for p in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    out += [obj, *obj.conjuncts]
    return out
