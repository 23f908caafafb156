"""Denials that answer a charge told in the same sentence (rule ``answered-party``, with
:func:`petrel.coding.unnamed.answered_parties` for a charge told in an earlier sentence).

News often tells an accusation and its denial in one sentence, with the denial in a tail the parser
hangs in odd places:

- "X accused Y of arming rebels, *a charge Y denies*": an apposition, sometimes parsed with the
  accusation as the clausal complement of "denies" and "charge" as its object;
- "X accused Y of failing to protect them, *which Y denied*": a relative clause on the last noun of the
  charge, inside the accusation's complement (which a speech act consumes: :func:`keep_answers` keeps it);
- "X have accused Y of killing civilians, *charges Y denies*": "charges" read as a verb whose clausal
  complement is the denial (:func:`is_misread_charge`: no event "charge" of its own);
- "X called the vote a sham, *a charge the government rejected*": nothing coded as an accusation before
  it, yet the apposition says that what the sentence's subject said was a charge
  (:func:`sentence_accusers`);
- "X accused Y of buying votes, *a charge the Kremlin rejects*": "rejects" tagged as a plural noun, the
  denier its compound (:func:`misread_denials`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding.lexicon import CameoInfo, Pattern
from petrel.coding.rules import ANSWERED_PARTY, DENIED_CHARGE
from petrel.coding.status import status_of
from petrel.models import ActorRef, Provenance

if TYPE_CHECKING:  # the triggers module reads this one's tails (keep_answers): no import cycle at run time
    from petrel.coding.drafts import Draft

DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})
CHARGE_NOUNS = frozenset({"charge", "charges", "accusation", "accusations", "allegation", "allegations", "claim",
                          "claims"})
RELATIVES = frozenset({"which", "that"})
MISREAD_DENIALS = frozenset({"denies", "rejects", "disputes"})  # "a charge the Kremlin rejects" tagged a noun
NO_COMMENT = frozenset({"comment", "elaborate", "speculate", "confirm", "answer", "say", "disclose", "specify",
                        "reveal", "discuss", "respond", "identify", "name", "give"})
DENIED_THINGS = frozenset({"charge", "accusation", "allegation", "claim", "report", "responsibility", "involvement",
                           "rumor", "rumour", "suggestion", "wrongdoing"})


def is_denial_tail(tok: Token) -> bool:
    """A denial clause that answers what came before it in its sentence: a relative ("which Y denied", "a
    charge Y rejected") or the complement of a charge noun misread as a verb ("charges the army denies")."""
    if tok.lemma_.lower() not in DENIAL_VERBS or tok.dep_ not in ("relcl", "ccomp", "acl"):
        return False
    if _object(tok) is not None and _object(tok).lower_ not in RELATIVES:
        return False
    head = tok.head
    return tok.dep_ == "relcl" or head.lower_ in CHARGE_NOUNS


def keep_answers(tokens: Iterable[Token]) -> set[int]:
    """The token indices of ``tokens`` (a consumed complement) outside any denial tail: "accused X of Y,
    which Z denied" consumes the charge, not Z's denial."""
    tokens = list(tokens)
    tails = {t.i for tail in tokens if is_denial_tail(tail) for t in tail.subtree}
    return {t.i for t in tokens if t.i not in tails}


def is_misread_charge(tok: Token) -> bool:
    """"..., charges the army denies": the noun "charges" read as a verb with the denial as its complement;
    it is no charging (arrest, CAMEO 173) of anyone."""
    if tok.lower_ not in CHARGE_NOUNS or not tok.tag_.startswith("VB"):
        return False
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in tok.children):
        return False
    return any(is_denial_tail(c) for c in tok.children)


def answered_nouns(tok: Token) -> list[Token]:
    """What a denial rejects, besides its object: the noun a relative clause hangs on ("a charge Y
    denied"), a charge noun misread as a verb ("charges Y denies"), a sentential "which"."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in RELATIVES]
    if tok.dep_ in ("relcl", "ccomp", "acl") and tok.head.lower_ in CHARGE_NOUNS:
        out.append(tok.head)
    return out


def is_sentential_which(tok: Token) -> bool:
    """"..., which Moscow denied": a relative whose object is "which", hung on the last noun of a clause
    (the whole clause is what is denied)."""
    return tok.dep_ == "relcl" and tok.lemma_.lower() in DENIAL_VERBS and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "which" for c in tok.children)


def charge_clause(tok: Token) -> Token | None:
    """The verb of the clause a denial tail calls a charge: "X *called* the vote a sham, a charge Y
    rejected", "X *accused* Y of ..., a charge Y denies" (parsed with "denies" as the root, the accusation
    its complement, "charge" its object). None when the denial answers no charge noun of its sentence."""
    if tok.lemma_.lower() not in DENIAL_VERBS:
        return None
    if tok.dep_ in ("relcl", "ccomp", "acl"):
        noun = tok.head
        if noun.lower_ not in CHARGE_NOUNS or noun.dep_ not in ("appos", "npadvmod", "conj", "dobj", "ccomp", "ROOT"):
            return None
        root = tok.sent.root
        return root if root.i < noun.i and root.i != noun.i else None
    noun = _object(tok)
    if noun is None or noun.lower_ not in CHARGE_NOUNS or tok.dep_ != "ROOT":
        return None
    return next((c for c in tok.children if c.dep_ == "ccomp" and c.i < noun.i), None)


def sentence_accusers(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"X called the vote a sham, a charge the government rejected": the charge noun in apposition says
    the sentence's subject made a charge; that subject is whom the denial answers (not the denier)."""
    root = charge_clause(tok)
    if root is None:
        return []
    subj = args.subject_token(root)
    found = args.np_actors(subj, index) if subj is not None else []
    own = {(s.actor_id, s.country, tuple(s.sector)) for s in sources}
    return [a for a in found if (a.actor_id, a.country, tuple(a.sector)) not in own]


def _object(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)


def told_charges(drafts: list[Draft], info: CameoInfo) -> list[Draft]:
    """"X called the vote a sham, a charge the government rejected": what the sentence's subject said is,
    by the denial's own word, a charge: X accuses the rejecter (``info``: CAMEO 112; the event's rule is
    ``denied-charge:112``). An accusation the clause codes already without a target ("called the vote a
    sham") takes the denier as its target instead; none when the sentence codes one with a target."""
    from petrel.coding.drafts import Draft
    from petrel.coding.triggers import Trigger

    out: list[Draft] = []
    if any(d.info.type == "ACCUSE" and d.targets for d in drafts):
        return out  # the charge is coded already ("accused X of ..., a charge X denies")
    for draft in drafts:
        if draft.info.type != "REJECT" or not draft.applied(ANSWERED_PARTY) or not draft.targets:
            continue
        clause = charge_clause(draft.trigger.token)
        if clause is None:
            continue
        told = next((d for d in drafts if d.info.type == "ACCUSE" and d.trigger.token.i == clause.i), None)
        if told is not None:  # "called the vote a sham": an accusation of nobody named, now of the denier
            told.targets = list(draft.sources)
            continue
        pattern = Pattern(f"{DENIED_CHARGE}:{info.code}", "verb", frozenset({clause.lemma_.lower()}), info.code)
        out.append(Draft(Trigger(clause, pattern), info, list(draft.targets), list(draft.sources),
                         status_of(clause), Provenance(entry=pattern.entry_id), None,
                         round(draft.confidence - 0.1, 3)))
    return out

def is_statement(tok: Token, info: CameoInfo) -> bool:
    """"declined to comment", "denied the charges": statements, not rejections."""
    if info.type != "REJECT":
        return False
    if any(c.dep_ == "xcomp" and c.lemma_ in NO_COMMENT for c in tok.children):
        return True
    if is_sentential_which(tok):  # "..., which Moscow denied"
        return True
    nouns = [*answered_nouns(tok), *(c for c in tok.children if c.dep_ == "attr")]
    return any(n.lemma_ in DENIED_THINGS for n in nouns)  # "denied the charges", "a charge X rejected"


def misread_denials(drafts: list[Draft], index: args.MentionIndex, sent, info: CameoInfo) -> list[Draft]:  # noqa: ANN001
    """"X accused Y of buying votes, a charge the Kremlin rejects": the tagger reads "rejects" as a plural
    noun with the denier as its compound. After a charge noun, with an accusation coded in the sentence,
    it is the denier's rejection (``info``: CAMEO 120) of the accuser (rule ``answered-party``)."""
    from petrel.coding.drafts import Draft
    from petrel.coding.triggers import Trigger

    accusations = [d for d in drafts if d.info.type == "ACCUSE" and d.sources]
    out: list[Draft] = []
    for tok in sent if accusations else ():
        if tok.lower_ not in MISREAD_DENIALS or not tok.tag_.startswith("NN"):
            continue
        if not any(t.lower_ in CHARGE_NOUNS for t in tok.doc[max(tok.i - 5, sent.start):tok.i]):
            continue
        deniers = [a for c in tok.children if c.dep_ in ("compound", "nmod", "poss") and c.lower_ not in CHARGE_NOUNS
                   for a in args.np_actors(c, index)]
        accusers = accusations[-1].sources
        targets = [a for a in accusers if a not in deniers]
        if not deniers or not targets:
            continue
        pattern = Pattern(f"{ANSWERED_PARTY}:{info.code}", "verb", frozenset({tok.lemma_.lower()}), info.code)
        out.append(Draft(Trigger(tok, pattern), info, deniers, targets, status_of(tok), Provenance(entry=pattern.entry_id), None,
                         round(accusations[-1].confidence - 0.1, 3)))
    return out
