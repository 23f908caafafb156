"""Violence done by a device nobody is named for (rule ``device-agent``).

Conflict monitors and wires write agentless violence with the weapon as the subject: "a roadside bomb
killed two soldiers", "an explosion at a mosque killed four worshippers", "an IED exploded near an army
patrol, injuring three soldiers", "a landmine went off in a field, killing a shepherd". The passive form
("were killed by a roadside bomb") is read by :func:`petrel.coding.unnamed.is_unknown_attack`; here the
device is the subject of the harm verb, or of the verb a harm participle elaborates. The act is an attack
by unidentified attackers on the people it names as harmed; a victim known only by its sector ("two
soldiers") is of the country its sentence places the act in, as in the passive. The attackers take the
country of the place, like the passive's (the CAMEO convention of the PLOVER and PETR-2 gold, see
:mod:`petrel.coding.sides`; the real-news gold and the description probe leave them unknown). Their doer
is inferred, so the event ranks below one whose doer the sentence names (``events.DEVICE_DOUBT``): in a
sentence with both, the named one is the sentence's first event.

A fight no side of which is named is written the same way ("a tribal clash broke out near X, killing two
civilians", places10) and read the same way. A headline's bare count ("Car bomb kills four in Manbij") stands for that many people, as civilians (the text
says nothing else of them). Not an accident ("a gas cylinder exploded", "a crash killed"), not a weapon with an owner
named (those are parties: "an Israeli drone"), not a victim that is no party ("destroyed a car").
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding.phrases import quantity_head
from petrel.coding.unnamed import ACCIDENT_WORDS
from petrel.models import ActorRef

#: the weapons and blasts that stand as the doer of agentless violence
DEVICES = frozenset({"bomb", "ied", "device", "explosive", "explosives", "explosion", "blast", "mine", "landmine",
                     "rocket", "shell", "mortar", "grenade", "missile", "bombing", "detonation", "projectile",
                     "booby", "car-bomb", "bomber"})
#: fights with no side named that a monitor writes the same way ("a tribal clash broke out in X, killing one
#: person", "an exchange of fire erupted near the border, wounding two"): violence by unidentified doers
#: (places10)
FIGHTS = frozenset({"clash", "clashes", "fighting", "firefight", "gunfight", "shootout", "gunfire", "exchange"})
#: verbs of harm a device does to people ("hit", "strike", "target" take things and places: "a rocket hit a
#: base housing US troops" names no victim)
DEVICE_HARM = frozenset({"kill", "wound", "injure", "maim"})
#: verbs of a device going off, which a harm participle elaborates ("exploded ..., killing two")
GOING_OFF = frozenset({"explode", "detonate", "go", "hit", "strike", "target", "rip", "tear", "land", "fall"})
#: verbs of a fight starting, which a harm participle elaborates ("a clash broke out ..., killing one")
BREAKING_OUT = frozenset({"break", "erupt", "flare", "occur", "take"})
#: entity labels that name a weapon's owner
OWNER_LABELS = frozenset({"NORP", "GPE", "ORG"})
#: not explosive devices, though the words may say "device" or "shell" ("a mobile device", "shell company")
HARMLESS = frozenset({"gas", "cylinder", "tyre", "tire", "boiler", "transformer", "mobile", "electronic", "company"})


def device_subject(tok: Token) -> Token | None:
    """The device that does ``tok``'s harm: its own subject, or (for a harm participle) its head verb's."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    fight = False
    if subj is None and tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG" \
            and tok.head.lemma_.lower() in GOING_OFF | BREAKING_OUT:
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        fight = subj is not None and tok.head.lemma_.lower() in BREAKING_OUT and subj.lemma_.lower() in FIGHTS \
            and not any(c.dep_ == "prep" and c.lower_ == "between" for c in subj.children)  # sides named
    if subj is None or (subj.lemma_.lower() not in DEVICES and not fight):
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & (ACCIDENT_WORDS | HARMLESS) or any(t.ent_type_ in OWNER_LABELS for left in subj.lefts for t in left.subtree):
        return None  # an accident, or a weapon whose owner is named ("a Russian missile killed ...")
    return subj


def device_victims(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """The people a device's harm verb ``tok`` names as harmed, placed in the sentence's country (see the
    module docstring); nobody when the subject is no device or the object is no party."""
    if tok.lemma_.lower() not in DEVICE_HARM or device_subject(tok) is None:
        return []
    lenient = index.lenient_view()
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    victims = [a for c in objects for a in lenient.actors_at(quantity_head(c))]
    if not victims:  # a headline's bare count: "Car bomb kills four in ...", "... kills 15"
        victims = [ActorRef(c.text, None, None, ["CVL"], "unresolved") for c in objects[:1] if _bare_count(c)]
    if not victims:
        return []
    places = args.place_countries(tok, index) or args.place_countries(tok.head, index)
    country = places[0].country if places else None
    return [v if v.country is not None or v.actor_id is not None or country is None
            else ActorRef(v.name, None, country, list(v.sector), "context") for v in victims[:2]]


def _bare_count(tok: Token) -> bool:
    """"four", "15", "at least 10": a number standing alone for the people harmed (no noun after it)."""
    return (tok.like_num or tok.ent_type_ == "CARDINAL") and not any(c.dep_ == "prep" for c in tok.children)
