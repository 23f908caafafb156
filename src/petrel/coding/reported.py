"""Who reports an act decides whether it is ``actual`` or ``claimed`` (issue 11, the real-news convention).

An act told by someone whose business is to report it is ``actual``: officials, police, prosecutors,
ministries, local authorities, a health ministry, monitors, the news ("..., the regional governor said",
"..., prosecutors said", "..., local officials said"), even when the speaker's side suffered it. It is
``claimed`` when a party to the event asserts it about itself or about its enemy: "the militants said they
...", "the army said its troops killed ...", "Israel said Hamas fired ..." (a state named alone speaks as a
party).

- :func:`is_official_reporter`: the speaker is of the first kind (rule ``official-report``): its sectors
  are those of a civil office, the law, health, the media or a monitor, and none of a fighting or
  partisan one (MIL, REB, PTY, OPP, ...); not a state named alone or as a whole ("the government", "the
  regime"), not a named leader of the knowledge base.
- :func:`own_side`: the speaker is the doer's own side (rule ``own-claim``), also when the doer has no
  country yet: "the army said troops killed ..." (both military, the doer's country not named).
- :func:`routine_custody`: police or prosecutors telling of their own arrests report them: "police said
  they arrested four men" stays ``actual`` (an army telling of its raid still claims it).

Tried and not kept: a party, a movement, rebels or an army telling of a wrong another did, claimed even
when the speaker has no country ("her party said she was beaten by police"): real-news dev tuple
precision fell .311 -> .306 and PETR-2's lenient root-dyad F1 .561 -> .543 (its scorer leaves claimed
events out).
"""

from __future__ import annotations

from collections.abc import Callable

from petrel.coding.speech import same_camp
from petrel.models import ActorRef

REPORTER_SECTORS = frozenset({"GOV", "COP", "JUD", "HLH", "MED", "NGO", "HRI", "IGO", "LEG"})
PARTISAN_SECTORS = frozenset({"MIL", "REB", "PTY", "OPP", "INS", "RAD", "CRM", "SPY"})
MONITOR_SECTORS = frozenset({"HLH", "MED", "NGO", "HRI", "IGO"})  # named ones report too (a listed monitor)
FIGHTING_SECTORS = frozenset({"MIL", "REB"})
LAW_SECTORS = frozenset({"COP", "JUD"})
# the state as a whole, which speaks as a party ("the government said the rebels attacked ...")
STATE_WORDS = frozenset({"government", "governments", "regime", "administration", "presidency", "cabinet", "junta",
                         "kremlin", "state", "leadership"})
CUSTODY_CODES = ("173", "174", "0841")  # arrest, deport, release


def is_official_reporter(speaker: ActorRef | None, is_state_name: Callable[[str], bool]) -> bool:
    """"the regional governor", "police officials", "prosecutors", "the health ministry", "local officials"."""
    if speaker is None:
        return False
    sectors = set(speaker.sector)
    if not sectors & REPORTER_SECTORS or sectors & PARTISAN_SECTORS:
        return False
    if speaker.actor_id and not speaker.actor_id.startswith("ctx:") and not sectors & MONITOR_SECTORS:
        return False  # "President X said ...": a named leader speaks for the state, a party
    words = speaker.name.lower().split()
    if words and words[-1] in STATE_WORDS:
        return False  # "the government said ...": the state as a whole speaks as a party
    return not is_state_name(speaker.name)  # "Moscow said ...": the state itself


def own_side(speaker: ActorRef | None, doer: ActorRef) -> bool:
    """The doer's own camp speaks: same camp, or fighters of one kind where the doer's country is not yet
    named ("the army said troops ...", "the Pakistani army said security forces ...")."""
    if speaker is None:
        return False
    if same_camp(speaker, doer):
        return True
    unnamed = not (doer.country or doer.actor_id)
    return unnamed and bool(FIGHTING_SECTORS & set(speaker.sector) & set(doer.sector))


def routine_custody(code: str | None, speaker: ActorRef | None, doers: list[ActorRef]) -> bool:
    """An arrest, deportation or release told by the police or the courts that made it: a report, not a claim."""
    if speaker is None or not (code or "").startswith(CUSTODY_CODES):
        return False
    if not LAW_SECTORS & set(speaker.sector) or FIGHTING_SECTORS & set(speaker.sector):
        return False
    return all(not FIGHTING_SECTORS & set(d.sector) for d in doers)
