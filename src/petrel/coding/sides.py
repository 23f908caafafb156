"""Whom a side stands for, once a document's events have their parties and places (issue 11).

Asked by :mod:`petrel.coding.settle` once the place hints have located the parties (:func:`settled_source`;
the target's kind: :mod:`petrel.coding.targets`), each step a registered rule (:mod:`petrel.coding.rules`) that ``Settings.disabled_rules`` may switch off:

- ``unknown-perpetrator``: an unknown perpetrator stays unknown. A source "unidentified gunmen", "unknown
  assailants", "armed men" or a bare, indefinite "gunmen" gets no country from the place or the story (a
  country the focus rule or the place guessed is dropped; a country the words name, "Pakistani gunmen",
  stays). The text stays as written, the sector only where the words give one (REB for "gunmen");
  resolution ``unknown``. Dedup reads that resolution as "nobody in particular"
  (:func:`petrel.dedup.compat.anonymous`), so two events never merge only because both sides are unknown.
  "The gunmen" (definite: someone the story already named) and "suspected cartel gunmen" (the words say
  who) are left alone, and so are targets: gunmen killed or arrested keep what the other rules give them
  (applied to targets too, real-news tuple precision fell by one event on each half).
  The coder's own "unidentified attackers" of agentless violence ("two policemen were killed in a bomb
  blast in Quetta") keep the country of the place their sentence states (rule ``unknown-agent``, the
  CAMEO convention of the PLOVER and PETR-2 gold): dropping it cost PLOVER source country .879 -> .866 and
  PETR-2 root-dyad F1 .538 -> .526, under their floors, for a real-news gain of about .013 (dev) and .005
  (test) in tuple precision. Without a stated place they have no country either, resolution ``unknown``.
- ``armed-state``: a state named alone as the doer of armed force acts through its military: "Iran
  launched missiles at X", "Moscow said it shot down 40 drones" (a country, capital or a pronoun standing
  for one) -> the country with the sectors ``MIL`` and ``GOV``: the state acting through its military (a
  campaign a state "launched" is the government's decision as much as the soldiers' deed). A weapon or platform
  with a country ("Russian missiles", "Chinese coast guard vessels") is no actor of its own: it carries its
  country and the ``MIL`` sector to the side it stands for. Only for ASSAULT events.
- ``policing-forces``: "security forces" and bare "officers" are the police (``COP``, not ``MIL``) when what
  they do is policing: an arrest, a detention, a deportation, dispersing a crowd (CAMEO 173, 174, 175, or
  an event the model coded whose trigger is such a word: "dispersed them by firing into the air").
  Soldiers, troops and the army stay ``MIL`` whatever they do; "security forces" that attack or clash stay
  ``MIL``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from petrel.coding import rules as R
from petrel.models import ActorRef, EventMention

UNKNOWN_MARKS = frozenset({"unidentified", "unknown", "unnamed", "masked", "anonymous", "unidentifed"})
UNKNOWN_HEADS = frozenset({"gunman", "gunmen", "assailant", "assailants", "attacker", "attackers"})
# words that may stand beside a bare unknown head without saying who ("two armed gunmen", "a gunman")
FILLERS = frozenset({"a", "an", "some", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                     "ten", "dozens", "of", "armed", "heavily", "group", "band", "number", "more", "other"})
GUESSED = frozenset({"context", "place", "unresolved"})  # resolutions that guessed the country (or none)
UNKNOWN = "unknown"
AGENTLESS = "unidentified attackers"  # petrel.coding.unnamed.UNKNOWN_ATTACKER's name

# weapons and platforms: no actor of their own, they stand for the side that fields them
PLATFORM_WORDS = frozenset({"missile", "missiles", "rocket", "rockets", "drone", "drones", "jet", "jets", "warplane",
                            "warplanes", "aircraft", "bomber", "bombers", "helicopter", "helicopters", "gunship",
                            "gunships", "artillery", "tank", "tanks", "warship", "warships", "vessel", "vessels",
                            "ship", "ships", "frigate", "frigates", "destroyer", "destroyers", "submarine",
                            "submarines", "mortar", "mortars", "shell", "shells", "cutter", "cutters", "boat", "boats"})
# armed acts named by a country's adjective: "Israeli strikes", "Russian shelling", "Turkish air raids"
FORCE_NOUNS = frozenset({"strike", "strikes", "airstrike", "airstrikes", "shelling", "bombardment", "bombardments",
                         "bombing", "bombings", "raid", "raids", "barrage", "barrages", "shellfire", "offensive",
                         "incursion", "incursions", "fire"})
MILITARY_WORDS = frozenset({"coast guard", "coastguard", "navy", "naval", "air force", "military", "army"})
STATE_RESOLUTIONS = frozenset({"country", "coref", "demonym", "kb"})

POLICING_CODES = ("173", "174", "175")
POLICING_TRIGGERS = ("arrest", "detain", "dispers", "search", "confiscat", "round")  # a model-coded event's word
POLICING_WORDS = ("security forces", "security force", "officers", "officer")


def settled_source(event: EventMention, *, on: Callable[[str], bool],
                   is_state_name: Callable[[str], bool]) -> ActorRef:
    """The event's source once the rules of the module docstring have weighed whom it stands for
    (``event`` is read, never edited: :mod:`petrel.coding.settle` builds the final parties)."""
    source = event.source
    if on(R.UNKNOWN_PERPETRATOR):
        source = keep_unknown(source)
    if on(R.ARMED_STATE) and event.type == "ASSAULT":
        source = armed_side(source, is_state_name)
    if on(R.POLICING_FORCES) and ((event.cameo or "").startswith(POLICING_CODES)
                                  or event.evidence.trigger.lower().startswith(POLICING_TRIGGERS)):
        source = policing_side(source)
    return source


def _words(name: str) -> list[str]:
    return name.lower().replace("-", " ").split()


def is_unknown_perpetrator(party: ActorRef) -> bool:
    """"unidentified gunmen", "unknown assailants", "two gunmen", "armed men", "unidentified attackers"; not
    "the gunmen", "suspected cartel gunmen", nor anybody with a knowledge-base id."""
    if party.actor_id:
        return False
    words = _words(party.name)
    if not words:
        return False
    if any(w in UNKNOWN_MARKS for w in words):
        return True
    head = words[-1]
    if head in UNKNOWN_HEADS or (head == "men" and len(words) > 1 and words[-2] == "armed"):
        return all(w in FILLERS for w in words[:-1])
    return False


def keep_unknown(party: ActorRef) -> ActorRef:
    """An unknown perpetrator without a guessed country (rule ``unknown-perpetrator``)."""
    if not is_unknown_perpetrator(party) or party.resolution not in GUESSED:
        return party
    if party.name == AGENTLESS and party.resolution == "place":
        return party  # the coder's agentless attacker keeps the CAMEO convention (see the module docstring)
    return replace(party, country=None, sector=list(party.sector), resolution=UNKNOWN)


def armed_side(party: ActorRef, is_state_name: Callable[[str], bool]) -> ActorRef:
    """The doer of an armed attack: a state named alone, or a weapon, a platform or an armed act with a
    country ("Russian missiles", "Israeli strikes"), is that country's military (rule ``armed-state``)."""
    if not party.country or party.actor_id or "MIL" in party.sector or party.resolution not in STATE_RESOLUTIONS:
        return party
    if set(party.sector) - {"GOV"}:
        return party  # "Iranian protesters", "Hamas", "police": the words say who acted
    words = _words(party.name)
    text = " ".join(words)
    by_weapon = bool(words) and (words[-1] in PLATFORM_WORDS | FORCE_NOUNS or any(w in text for w in MILITARY_WORDS))
    if by_weapon:
        return replace(party, sector=["MIL", *party.sector])
    if not is_state_name(party.name):
        return party
    return replace(party, sector=["MIL", "GOV"])  # the state (GOV) acting through its military (MIL)


def policing_side(party: ActorRef) -> ActorRef:
    """"Security forces detained ...", "officers arrested ...": the police (rule ``policing-forces``)."""
    if party.actor_id or "MIL" not in party.sector:
        return party
    text = " ".join(w for w in _words(party.name) if w not in ("the", "some", "a"))
    if not any(text == w or text.endswith(" " + w) for w in POLICING_WORDS):
        return party
    if any(w in text for w in ("army", "military", "naval", "air force")):
        return party  # "army officers"
    return replace(party, sector=["COP", *(s for s in party.sector if s != "MIL")])
