"""Reported speech: how what an actor said turns into that actor's events.

Inside a quote (direct or indirect) with a resolved speaker:

- the speaker is the source when the clause has a first-person subject ("we will not accept that") or no
  resolvable subject at all ("this will hurt them");
- a hostile act the speaker announces as future or conditional is the speaker's *threat*
  ("if the US stays, we will resist": THREATEN speaker -> US); the threatened party is the other side:
  the act's doer when that is not the speaker's country ("if Israel attacks ..."), else its target;
- an obligation put on another actor to yield ("the US must leave") is the speaker's *demand*;
- a hostile act the speaker says another camp did is also the speaker's *accusation* of that camp
  ("Israel said Hamas fired rockets at it": ACCUSE Israel -> Hamas, CAMEO 112, besides the attack).
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding.lexicon import CameoInfo
from petrel.models import ActorRef

OBLIGATION_AUX = frozenset({"must", "should", "ought"})
OBLIGATION_VERBS = frozenset({"have", "need"})
# nouns of saying whose "that" clause is what was said ("issued a reminder that Iraq must ...")
SPEECH_NOUNS = frozenset({"reminder", "warning", "message", "statement", "declaration", "assertion", "insistence",
                          "reiteration", "conclusion", "view", "position", "argument", "note", "letter", "word"})
YIELD_TYPES = frozenset({"RETREAT", "CONCEDE", "AID", "COOPERATE", "AGREE"})
NON_STATES = frozenset({"IGO", "NGO", "IMG", "MNC"})  # codes in the country slot that name no country
DISSIDENT_SECTORS = frozenset({"REB", "OPP", "INS", "CVL"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
ACCUSE_CODE = "112"  # CAMEO "accuse, not specified below": the speaker alleges a wrong done by another
ACCUSED_TYPES = frozenset({"ASSAULT", "COERCE"})  # violence and repression are wrongs to allege; a sanction is not
CLAIMED_STATUSES = frozenset({"actual", "historical", "claimed"})  # said to have happened, not announced
THREAT_CODES = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "1312", "MOBILIZE": "138", "PROTEST": "133",
                "THREATEN": "130"}


def is_obligation(tok: Token) -> bool:
    """"X must/should leave", "X has to / needs to leave"."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_ in OBLIGATION_VERBS


def threat_code(info: CameoInfo) -> str | None:
    """The CAMEO threat code for announcing a hostile act of this kind, or None if it is not hostile."""
    if info.type in THREAT_CODES and info.quad_class >= 3:
        return THREAT_CODES[info.type]
    return None


def same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None:
        return False
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    if a.country in NON_STATES:  # the UN and the EU are both "IGO" but not one side
        return a.country == b.country and (a.actor_id or a.name) == (b.actor_id or b.name)
    return a.country is not None and a.country == b.country


def same_camp(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Same side, unless one is a dissident (rebels, opposition, protesters) and the other the state:
    "rebels demanded that the government ..." is a demand across camps of one country."""
    if not same_side(a, b):
        return False
    dissident = {bool(DISSIDENT_SECTORS & set(x.sector)) for x in (a, b)}
    state = {bool(STATE_SECTORS & set(x.sector)) for x in (a, b)}
    return not (dissident == {True, False} and state == {True, False})


def threatened_party(speaker: ActorRef, sources: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
    """Whom a conditional or announced hostile act threatens, from the speaker's side."""
    others = [s for s in sources if not same_side(s, speaker)]
    if others:
        return others
    return [t for t in targets if not same_side(t, speaker)]


def is_claimed_wrong(info: CameoInfo, status: str, negated: bool) -> bool:
    """A violent or repressive act said to have happened: "Hamas fired rockets", "the army arrested them"
    (not "will attack", not "did not attack")."""
    return info.type in ACCUSED_TYPES and info.quad_class >= 3 and status in CLAIMED_STATUSES and not negated


def can_accuse(speaker: ActorRef) -> bool:
    """A speaker known by country or identity, and not the news media: a newspaper reporting an attack
    tells of it, it does not accuse (a minister of information does)."""
    if not (speaker.country or speaker.actor_id):
        return False
    return "MED" not in speaker.sector or bool(STATE_SECTORS & set(speaker.sector))


def accused_parties(speakers: list[ActorRef], doers: list[ActorRef]) -> list[ActorRef]:
    """The doers of a claimed wrong the speakers accuse: those with a country or a known identity, in
    another camp than every speaker ("Israel said Hamas ..." accuses Hamas; "Israel said its army ..." no one)."""
    return [d for d in doers if (d.country or d.actor_id)
            and not any(same_camp(d, s) for s in speakers)]
