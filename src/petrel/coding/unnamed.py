"""Parties the text does not name: who did something when no actor is given as its doer.

Used by the event coder's fallbacks (:func:`petrel.coding.parties.find_parties`), in this order:

- ``local-protesters``: people no actor names, protesting in a country, are its civilians;
- ``protested-government``: a protest against nobody named is addressed to the government of its place;
- ``restricted-population``: a curfew, ban or state of emergency on nobody named falls on its place's people;
- ``local-authorities``: an agentless arrest or release in a country is by its authorities;
- ``attack-agent``: a killing "in an Israeli air strike" or "by government shelling" is by whoever
  carried out the attack named (an attack noun's own source: its demonym or "by X");
- ``carried-forward``: "The army launched an offensive. The strikes killed 12": a definite attack noun
  with nobody named is the last attack's, within ``CARRY_SENTENCES`` sentences;
- ``deployed-forces``: troops deployed or sent, in the passive with nobody named, are their own side's
  mobilisation ("Russian peacekeepers were deployed to the region");
- ``answered-party``: a rejection of a charge, an offer or a demand with nobody named answers whoever made it;
  an act "in response" or "in retaliation" with nobody named is aimed at the last hostile act's doer;
- ``settlement-people``: force against a town or village with nobody named falls on its residents;
- ``unknown-agent``: violence by nobody named is by "unidentified attackers" (of the country where they
  struck, :func:`locate_unknown_attackers`), unless the deaths were an accident or a disaster. An unknown
  perpetrator the text itself names ("unidentified gunmen") gets no country (:mod:`petrel.coding.sides`).

The rule ids are registered in :mod:`petrel.coding.rules`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from petrel.coding import answers
from petrel.coding import arguments as args
from petrel.coding import phrases
from petrel.coding.lexicon import CameoInfo
from petrel.coding.rules import DEVICE_AGENT, SPEECH_SPEAKER, UNKNOWN_AGENT
from petrel.models import ActorRef, EventMention, Place

HARM_VERBS = frozenset({"kill", "wound", "injure", "maim", "shoot", "assassinate", "murder", "attack", "ambush", "stab",
                        "behead", "bomb", "shell"})
UNKNOWN_AGENTS = frozenset({"bomb", "bombing", "bomber", "device", "explosion", "blast", "attack", "mine", "landmine", "ied",
                            "shell", "rocket", "mortar", "gunman", "gunmen", "assailant", "attacker", "sniper",
                            "grenade", "car", "shelling", "airstrike", "strike"})
ACCIDENT_WORDS = frozenset({"crash", "collapse", "accident", "flood", "flooding", "earthquake", "quake", "landslide",
                            "mudslide", "avalanche", "storm", "cyclone", "hurricane", "typhoon", "tornado", "stampede",
                            "derailment", "derail", "drown", "blaze", "wildfire", "heatwave", "outbreak", "epidemic",
                            "collision", "capsize", "shipwreck", "tsunami", "eruption"})
# Nouns of a violent act whose doer may be named on the noun itself ("a Russian missile strike").
ATTACK_NOUNS = frozenset({"strike", "airstrike", "raid", "shelling", "bombing", "bombardment", "attack", "assault",
                          "offensive", "ambush", "fire", "gunfire", "barrage", "firefight", "shootout", "operation",
                          "crackdown", "onslaught", "incursion", "attacks", "strikes", "raids", "airstrikes"})
HOSTAGE_WORDS = frozenset({"hostage", "captive", "abductee", "kidnap", "kidnapped", "abducted", "hostages"})
UNKNOWN_ATTACKER = ActorRef(name="unidentified attackers", resolution="unknown")


def is_unknown_attack(tok: Token, info: CameoInfo, agentless: bool, src_tok: Token | None) -> bool:
    """"Three soldiers were killed by a roadside bomb", "a car bombing killed five policemen": violence
    by nobody named is still an attack on the victims, by unidentified attackers (rule unknown-agent)."""
    if info.type != "ASSAULT" or tok.lemma_.lower() not in HARM_VERBS or _accident(tok):
        return False
    if agentless:
        return True
    return src_tok is not None and src_tok.lemma_.lower() in UNKNOWN_AGENTS


def attack_agents(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"Four civilians were killed in a Russian missile strike", "... by government shelling": the doers
    of the attack a harm verb names as its cause ("in", "by", "during" an attack noun), from the noun's own
    modifiers and "by X" (rule attack-agent). Not its target ("killed in an attack on Russian troops")."""
    if tok.lemma_.lower() not in HARM_VERBS:
        return []
    for subj in tok.children:  # "a raid by special forces killed two commanders"
        if subj.dep_ == "nsubj" and subj.lemma_.lower() in ATTACK_NOUNS:
            found = args.noun_roles(subj, index).sources
            if found:
                return found
    for prep in tok.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in ATTACK_NOUNS:
                found = args.noun_roles(noun, index).sources
                if found:
                    return found
    return []


def _accident(tok: Token) -> bool:
    """"Five people were killed in a car crash", "... when a canopy collapsed": deaths in an accident or a
    disaster, which nobody attacked (no unidentified attackers, and the crash is no actor)."""
    return any(t.lemma_.lower() in ACCIDENT_WORDS for t in tok.subtree)


def local_authorities(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"A teacher was detained in Chad", "detainees have been freed in Tunis": an arrest or a
    release by nobody named, in a country, is by its authorities (a government actor of that country).
    Not a release of hostages: kidnappers hold those ("two hostages were freed in Mali")."""
    if any(t.lemma_.lower() in HOSTAGE_WORDS for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree):
        return []
    return [ActorRef(name=f"authorities in {place.name}", country=place.country, sector=["GOV"],
                     resolution="context") for place in args.place_countries(tok, index)]


def protested_government(tok: Token, index: args.MentionIndex, protester: ActorRef,
                         country_name: Callable[[str], str] = str) -> list[ActorRef]:
    """"Activists staged a protest in Beijing", "students protested in Lagos": a protest that names nobody
    it is against is addressed to the government of the country where it is held (CAMEO and PLOVER code
    protests so); with no place named (or only a town, which the places stage resolves later), to the
    protesters' own government."""
    return _of_the_place(tok, index, protester, country_name, "government", "GOV")


def restricted_population(tok: Token, index: args.MentionIndex, ruler: ActorRef,
                          country_name: Callable[[str], str] = str) -> list[ActorRef]:
    """"Imposed a curfew in Hebron", "declared a state of emergency", "threatened martial law": a
    restriction on nobody named falls on the civilians of its place's country, else of the ruler's own."""
    return _of_the_place(tok, index, ruler, country_name, "population", "CVL")


def _of_the_place(tok: Token, index: args.MentionIndex, actor: ActorRef, country_name: Callable[[str], str],
                  what: str, sector: str) -> list[ActorRef]:
    """The ``what`` (a ``sector`` party) of the country an act happens in, else of ``actor``'s country. The
    place is read on the trigger, or on the light verb of an event noun ("staged a protest in Beijing")."""
    holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") else [tok]
    places = next((found for h in holders if (found := args.place_countries(h, index))), [])
    country = places[0].country if places else actor.country
    if country is None or country in args.INTERNATIONAL:
        return []
    name = places[0].name if places else country_name(country)
    return [ActorRef(name=f"{what} of {name}", country=country, sector=[sector], resolution="context")]


def local_protesters(tok: Token, src_tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"Inmates went on the rampage inside a prison in Lima": people no actor names, protesting in a country, are its
    civilians (or the sector their mention gives). A pronoun or an unresolved name gives nobody."""
    people = phrases.quantity_head(src_tok)  # "thousands of teachers"
    if people.pos_ != "NOUN":
        return []
    sectors = next((a.sector for a in index.lenient_view().actors_at(people) if a.sector), ["CVL"])
    name = " ".join(t.text for t in src_tok.subtree if t.i <= people.i)
    found = [ActorRef(name=name, country=place.country, sector=list(sectors), resolution="context")
             for place in args.place_countries(tok, index)]
    if not found and people.tag_ == "NNS" and named_place(tok):  # "bakers ... in Sanandaj": a town the actors do not know;
        found = [ActorRef(name=name, country=None, sector=list(sectors), resolution="unresolved")]  # its country
    return found  # comes from the places stage (petrel.coding.located), as for any party known by its sector


def named_place(tok: Token, depth: int = 2) -> bool:
    """The act is said to happen in a named place: a proper noun (or one of its names, a GPE or LOC entity)
    in an in/at/near/outside/inside phrase of the trigger, through at most ``depth`` nouns ("went on strike
    in Sanandaj", "protested outside the court in Comrat"; places10)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in args.PLACE_PREPS:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "LOC"):
                    return True
                if depth > 0 and named_place(obj, depth - 1):
                    return True
        elif child.dep_ in ("prep", "dobj") and depth > 0 and named_place(child, depth - 1):
            return True  # "went on strike in X": the phrase hangs on "strike"
    return False


def sector_victim(tok: Token, index: args.MentionIndex) -> bool:
    """"A reporter was killed in a grenade blast": the victim of an agentless passive is a party known
    only by its sector. The act is still an attack by unidentified attackers; the victim names no target.
    Not in a relative clause ("condolences to farmers who were killed"), nor when the clause names who did
    it ("died in a drone strike by the army", "killed as X launched strikes")."""
    lenient = index.lenient_view()
    if tok.dep_ in ("relcl", "acl") or not any(lenient.actors_at(c) for c in tok.children if c.dep_ == "nsubjpass"):
        return False
    return not any(_names_a_doer(t, tok, lenient) for t in tok.subtree)


def local_victims(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"A journalist was killed in Beirut": a victim known only by its sector, harmed in a country, is of
    that country (as ACLED's "Civilians (Lebanon)"), resolution ``context``. Nobody when no country is
    named as the place."""
    places = args.place_countries(tok, index)
    if not places:
        return []
    lenient = index.lenient_view()
    victims = [a for c in tok.children if c.dep_ == "nsubjpass" for a in lenient.actors_at(c)]
    return [ActorRef(v.name, None, places[0].country, list(v.sector), "context") for v in victims[:1]
            if v.country is None and v.actor_id is None]


def _names_a_doer(tok: Token, act: Token, index: args.MentionIndex) -> bool:
    """A party in a "by" phrase, or the subject of a clause hung on the act ("as X launched ...")."""
    by_phrase = tok.dep_ == "pobj" and tok.head.lower_ == "by"
    clause_subject = tok.dep_ == "nsubj" and tok.head.dep_ in ("advcl", "conj") and tok.head.head.i == act.i
    return (by_phrase or clause_subject) and bool(args.np_actors(tok, index))


def located_attacker(event: EventMention, stated_place: Callable[[EventMention], Place | None]) -> ActorRef:
    """The event's source, placed: an unidentified perpetrator ("a roadside bomb near a town in Iraq killed a
    soldier", rule ``unknown-agent``; rule ``device-agent``: "a roadside bomb killed a soldier") is known by
    where it struck, like ACLED's "Unidentified Armed Group (Iraq)": it takes the country of the place its
    sentence or dateline gives (``stated_place``, the places resolver; not the article's dominant place),
    with resolution ``place``. The CAMEO-derived PLOVER gold codes such actors so too. Any other source is
    returned as it is (:mod:`petrel.coding.settle` builds the event's final parties from it)."""
    source = event.source
    if source.country or not {UNKNOWN_AGENT, DEVICE_AGENT} & set(event.provenance.rules) \
            or source.name != UNKNOWN_ATTACKER.name:
        return source
    place = stated_place(event)
    if place is not None and place.country:
        return replace(source, country=place.country, sector=list(source.sector), resolution="place")
    return source


SETTLEMENT_TYPES = frozenset({"ASSAULT", "COERCE"})
TARGET_PREPS = frozenset({"on", "at", "against", "into", "upon"})


def settlement_people(tok: Token, info: CameoInfo, index: args.MentionIndex) -> list[ActorRef]:
    """"Troops stormed the village of Beita", "shelled the town", "shelled Saraqib": force against a place
    where people live, with nobody named, falls on its residents: a civilian party named as the text names
    the place, with the country of a place mention inside it ("the town of Rafah in Gaza"), else none (the
    places stage gives it the country of the event's place)."""
    if info.type not in SETTLEMENT_TYPES:
        return []
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS | {"to"}
                for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        sector = phrases.site_owner(obj)  # "raided a military base": the military
        if sector is not None:  # of the country a place named with it resolves to ("a post in Mali's north")
            place = next((found for h in (obj, tok) if (found := args.place_countries(h, index))), [])
            country = place[0].country if place and sector != "BUS" else None
            return [ActorRef(name=phrases.settlement_phrase(obj), country=country, sector=[sector],
                             resolution="context" if country else "unresolved")]
    for obj in [phrases.property_place(o) or phrases.property_place(o, tok) or o for o in objects]:  # its people
        if not (phrases.is_settlement(obj) or (phrases.named_place(obj) and not index.lenient_view().actors_at(obj))):
            continue
        places = [a for t in obj.subtree for a in index.actors_at(t)
                  if a.resolution == "country" and a.country and a.country not in args.INTERNATIONAL]
        if any(a.resolution != "country" for t in obj.subtree for a in index.actors_at(t)):
            continue  # "the camp of the rebels": a party is named, the argument rules decide
        country = places[0].country if places else None
        return [ActorRef(name=phrases.settlement_phrase(obj), country=country, sector=["CVL"],
                         resolution="context" if country else "unresolved")]
    return []


def sector_sources(tok: Token, pos: str, src_tok: Token | None,
                   index: args.MentionIndex) -> tuple[list[ActorRef], Token | None]:
    """A doer known only by what it is, when the parse names nobody codable (rule ``sector-actor``): the
    subject ("Regime forces shelled ...", "Thousands of teachers marched"), or a noun event's own doer
    ("the army's offensive", "a raid by special forces"). Returns (sources, the token they stand on)."""
    lenient = index.lenient_view()
    if pos == "noun":
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and phrases.participle_agent(tok) is None:
            return [], None  # "the journalist who was killed in the blast": the victim, not the bomber
    if pos == "noun" and src_tok is None:
        roles = args.noun_roles(tok, lenient)
        return roles.sources, roles.source_token
    if src_tok is None:
        return [], None
    found = args.np_actors(src_tok, lenient)
    if not found and (people := phrases.quantity_head(src_tok)) is not src_tok:
        found = args.np_actors(people, lenient)
    return found, src_tok


CARRY_SENTENCES = 2
DEFINITE = frozenset({"the", "these", "those", "this", "that"})
# nouns that name an attack told before: ATTACK_NOUNS and the words news uses for one afterwards
CARRIED_NOUNS = ATTACK_NOUNS | frozenset({"shooting", "shootings", "massacre", "bombardment", "blast", "explosion"})
CARRIED_PREPS = frozenset({"in", "during", "by"})
PARTITIVES = frozenset({"one", "two", "three", "some", "many", "most", "all", "several", "each", "none"})


def _told_attack_nouns(tok: Token) -> list[Token]:
    """The definite attack nouns that may name an attack told before: the trigger itself as a subject,
    the subject of a harm verb ("The strikes killed 12", "one of the strikes hit a school") or the object of
    its in/during/by, or a conjunct's ("Seven soldiers were killed in the ambush", "two were killed and
    three wounded during the attack")."""
    if tok.pos_ == "NOUN":  # "The strikes continued"; not "TTP claimed the attack", "condemned the attack"
        return [tok] if tok.dep_ in ("nsubj", "nsubjpass") else []
    nouns = []
    # "Seven soldiers were killed and four wounded in the ambush": the phrase may hang on a conjunct
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj")] + ([tok.head] if tok.dep_ == "conj" else [])
    for child in (c for v in verbs for c in v.children if v is tok or c.dep_ in ("prep", "agent")):
        if child.dep_ == "nsubj":
            nouns.append(child)
            if child.lower_ in PARTITIVES:  # "one of the strikes"
                nouns += [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]
        elif child.dep_ in ("prep", "agent") and child.lower_ in CARRIED_PREPS:
            nouns += [g for g in child.children if g.dep_ == "pobj"]
    return nouns


def carried_doers(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"The army launched an offensive on Monday. The strikes killed 12 people", "Seven soldiers were killed
    in the ambush": an attack named by a definite noun ("the strikes", "the raid", "this attack", "the
    shooting"), as the trigger when it is a subject, as the subject of a harm verb or in its in/during/by
    phrase, with nobody named, is the doer's of the last attack told at most ``CARRY_SENTENCES`` sentences
    before (``index.recent``, kept by the events stage). Unidentified attackers are not carried."""
    if not any(n.lemma_.lower() in CARRIED_NOUNS and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in n.children)
               for n in _told_attack_nouns(tok)):
        return []
    last = index.recent.get("ASSAULT")
    if last is None:
        return []
    start, doers = last
    sents = list(tok.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    before = next((i for i, s in enumerate(sents) if s.start == start), None)
    if before is None or not 0 < here - before <= CARRY_SENTENCES:
        return []
    return list(doers)


def remember_doers(index: args.MentionIndex, sent_start: int, events: list) -> None:
    """The doers of a sentence's attacks that happened (not unidentified), kept on the index for the next
    sentences' definite attack nouns (:func:`carried_doers`). An attack a speaker reports counts when its
    doer is named in what is reported ("The RSF shelled a hospital, the ministry said"), not when the
    speaker stands in for a doer nobody named (``speech-speaker``): the speaker of "..., officials said"
    is no attacker (issue 11)."""
    doers = [e.source for e in events if e.type == "ASSAULT" and e.status in ("actual", "claimed")
             and e.source is not UNKNOWN_ATTACKER and (e.quote_id is None or not e.provenance.applied(SPEECH_SPEAKER))]
    if doers:
        index.recent["ASSAULT"] = (sent_start, list({id(d): d for d in doers}.values()))


# what a rejection answers: the object noun -> the types of act that make one
ANSWERED = {**dict.fromkeys(("charge", "accusation", "allegation", "claim", "role", "involvement", "report",
                             "responsibility", "complicity", "criticism", "assertion"), ("ACCUSE",)),
            **dict.fromkeys(("offer", "proposal", "initiative", "invitation", "plan"),
                            ("AGREE", "CONSULT", "COOPERATE", "AID", "YIELD", "CONCEDE")),
            **dict.fromkeys(("demand", "request", "call", "appeal", "ultimatum", "plea"), ("REQUEST", "THREATEN"))}


def answered_parties(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"X accused Y of rigging the vote, a charge Y denied", "Mali offered talks; the rebels rejected the
    offer", "the BNP denied any role": a rejection of a charge, an offer or a demand, with nobody named,
    answers whoever made the last such act, in its sentence or at most ``CARRY_SENTENCES`` before
    (``index.said``, kept as the events stage drafts). Not the rejecter itself."""
    nouns = answers.answered_nouns(tok)  # "denied the charge", "a charge the party denied"
    if tok.dep_ == "relcl" or (tok.dep_ == "ccomp" and tok.head.i > 0 and tok.doc[tok.head.i - 1].text == ","):
        nouns.append(tok.head)  # "a charge the party denied"; ", charges the government denies" (read as a verb)
    kinds = next((ANSWERED[n.lemma_.lower()] for n in nouns if n.lemma_.lower() in ANSWERED), None)
    which = kinds is None and answers.is_sentential_which(tok)  # "..., which Moscow denied": this sentence
    kinds = ("ACCUSE",) if which else kinds
    if kinds is None:
        return []
    sents = list(tok.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    starts = {s.start: i for i, s in enumerate(sents)}
    found = [(starts.get(start, -1), doers) for kind in kinds if (seen := index.said.get(kind)) for start, doers in [seen]]
    found = [(i, doers) for i, doers in found if 0 <= here - i <= (0 if which else CARRY_SENTENCES)]
    if not found:
        return answers.sentence_accusers(tok, index, sources) if "ACCUSE" in kinds else []
    own = {(s.actor_id, s.country, tuple(s.sector)) for s in sources}
    doers = max(found, key=lambda f: f[0])[1]
    return [d for d in doers if (d.actor_id, d.country, tuple(d.sector)) not in own
            and not (d.actor_id and any(d.actor_id == s.actor_id for s in sources))]


def remember_said(index: args.MentionIndex, tok: Token, info_type: str, sources: list[ActorRef],
                  status: str, *, conflict: bool = False) -> None:
    """Keep who made an accusation, an offer or a demand that is told as made (:func:`answered_parties`),
    and who did the last hostile act (``"*conflict"``, :func:`retaliated_parties`)."""
    if sources and status in ("actual", "claimed") and sources[0] is not UNKNOWN_ATTACKER:
        index.said[info_type] = (tok.sent.start, list(sources))
        if conflict:
            index.said[HOSTILE] = (tok.sent.start, list(sources))


HOSTILE = "*conflict"
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge", "answer"})


def retaliated_parties(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"Militants attacked an army post. The army carried out airstrikes in retaliation", "Pakistan
    downgraded ties in response": an act "in response/retaliation" that names nobody is aimed at whoever
    did the last hostile act, in its sentence or at most ``CARRY_SENTENCES`` before, on another side."""
    holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") else [tok]
    if not any(p.dep_ == "prep" and p.lower_ in ("in", "as") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in RESPONSE_NOUNS for g in p.children)
            for h in holders for p in h.children):
        return []
    seen = index.said.get(HOSTILE)
    if seen is None:
        return []
    sents = list(tok.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    before = next((i for i, s in enumerate(sents) if s.start == seen[0]), None)
    if before is None or not 0 <= here - before <= CARRY_SENTENCES:
        return []
    own = {(s.actor_id, s.country, tuple(s.sector)) for s in sources}
    return [d for d in seen[1] if (d.actor_id, d.country, tuple(d.sector)) not in own]


SEIZING_CODES = frozenset({"192", "1921", "1922"})  # taking a town is taking it from whoever holds it


def town_targets(tok: Token, info: CameoInfo, targets: list[ActorRef], index: args.MentionIndex,
                 is_country_name: Callable[[str], bool]) -> list[ActorRef] | None:
    """"Sudanese forces shelled El Fasher", "looted the market in Um Kadada, North Darfur", "abducted 15
    passengers on the Abuja-Kaduna highway": force whose only targets are places (a town, a road, a
    province the actors stage resolved to its country, not a country itself) falls on people: the
    victims its object names ("15 passengers"), else the place's residents (civilians of its country,
    named as the text names the place).
    Seizing a town stays as it is (a town taken is taken from its rulers). ``None``: nothing to change."""
    if info.type not in SETTLEMENT_TYPES or info.code in SEIZING_CODES or not targets:
        return None
    if all(_people_property(t) for t in targets):  # "demolished two Palestinian homes": Palestinians' homes
        return [replace(t, sector=["CVL"]) for t in targets]
    if not all(_place_party(t, is_country_name) for t in targets):
        return None
    lenient = index.lenient_view()
    victims = [a for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for a in args.np_actors(c, lenient)
               if a.sector and not a.country and not a.actor_id]
    if victims:
        return [replace(v, country=v.country or targets[0].country, resolution="place" if not v.country
                        else v.resolution) for v in victims]
    # its residents, named as the text names the place (as settlement_people names "the village of X")
    return [ActorRef(name=t.name, country=t.country, sector=["CVL"], resolution="context") for t in targets[:1]]


def _people_property(actor: ActorRef) -> bool:
    """"two Palestinian homes", "Syrian farms": what people own, named with their country and no sector."""
    words = actor.name.lower().split()
    return bool(words) and bool(actor.country) and not actor.sector and not actor.actor_id \
        and words[-1].rstrip("s") in phrases.PROPERTY_NOUNS


def _place_party(actor: ActorRef, is_country_name: Callable[[str], bool]) -> bool:
    """An "actor" that is only a place resolved to its country ("El Fasher", "the Abuja-Kaduna highway")."""
    return (actor.resolution == "country" and not actor.sector and not actor.actor_id and bool(actor.country)
            and not is_country_name(actor.name))


DEPLOYED_SECTORS = frozenset({"MIL", "COP"})


def deployed_forces(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"Russian peacekeepers had been deployed to the region", "Kenyan police were sent to Haiti": forces
    deployed in the passive with no agent mobilise as their own side (rule deployed-forces): the
    passive subject, when it is a military or police party with a country."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return []
    return [a for a in args.np_actors(subj, index) if DEPLOYED_SECTORS & set(a.sector) and a.country]
