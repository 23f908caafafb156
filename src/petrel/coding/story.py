"""Targets read off the whole clause and the story, where the object the parse gives is not the party
acted upon (issue 11, "both sides from the whole clause and the story"):

- ``addressee``: a request's target is the one asked, not what is asked of them: "urged the rebels to
  leave the capital", "appealed to donors to press Kenya", "wrote to the Security Council requesting a
  session"; "urged all sides" is aimed at the story's parties (the countries it names most, not the
  requester's); a group no actor names ("the international community", "Western partners") is a party
  without a country. An addressee the actors stage tied by coreference to the requester's own state ("X
  urged the government to ...") is the government of the last other country named;
- ``told-act``: an act reported as an object, "condemned the coup", "voiced concern over the incident",
  "welcomed the decision", is aimed at whoever did that act as the story told it: the doers of the nearest
  earlier event of a fitting type in the document (:func:`remember_told`), never a quoted speaker standing in;
- what is no target (rule ``no-target``): the forces sent ("sent 300 troops to the area": MOBILIZE has no
  target unless sent against someone), the place two sides fought in ("X and Y clashed in Z district").

The rule ids are registered in :mod:`petrel.coding.rules`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding import phrases
from petrel.coding.speech import same_camp
from petrel.models import ActorRef

# verbs whose object (or "to"/"on" object) is the one asked, when a complement says what is asked
ASKING_VERBS = frozenset({"urge", "ask", "call", "appeal", "press", "push", "pressure", "encourage", "invite",
                          "implore", "beg", "plead", "petition", "request", "tell", "exhort", "enjoin", "beseech",
                          "lobby", "challenge"})
ASKED_PREPS = {"appeal": ("to",), "plead": ("with", "to"), "call": ("on", "upon"), "petition": ("to",),
               "write": ("to",), "turn": ("to",), "apply": ("to",)}
WRITING_VERBS = frozenset({"write", "send", "turn", "appeal", "apply", "petition"})  # "wrote to X requesting"
ASKING_PARTICIPLES = frozenset({"request", "ask", "seek", "demand", "urge", "call"})
# groups no actor names that a request may address: a party without a country (STATE: governments)
STATE_GROUPS = frozenset({"ally", "partner", "country", "nation", "government", "state", "donor", "neighbour",
                          "neighbor", "power"})
OTHER_GROUPS = frozenset({"community", "supporter", "follower", "member", "leader", "citizen"})
ALL_SIDES = frozenset({"side", "party", "faction", "belligerent"})  # "urged all sides": the story's parties
BOTH = frozenset({"both", "two"})

# the act a noun reports -> the event types that may have told it earlier (None: any)
TOLD_ACTS: dict[str, frozenset[str] | None] = {
    **dict.fromkeys(("coup", "putsch", "takeover", "mutiny", "uprising"),
                    frozenset({"ASSAULT", "COERCE"})),
    **dict.fromkeys(("attack", "strike", "airstrike", "bombing", "raid", "shelling", "assault", "killing",
                     "killings", "massacre", "incursion", "offensive", "ambush", "violence", "aggression",
                     "bombardment", "incident", "provocation", "escalation", "seizure", "kidnapping",
                     "abduction", "detention", "arrest", "crackdown", "harassment", "intimidation"),
                    frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})),
    **dict.fromkeys(("sanction", "sanctions", "expulsion", "embargo", "ban"), frozenset({"SANCTION", "COERCE"})),
    **dict.fromkeys(("decision", "move", "step", "ruling", "announcement", "measure", "verdict", "deal",
                     "agreement", "accord", "plan", "proposal", "offer", "pledge", "resolution", "vote"), None),
}
COUP_WORDS = frozenset({"coup", "putsch", "takeover"})
TOLD_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "PROTEST", "REQUEST", "SANCTION"})  # said about an act
ABOUT_PREPS = frozenset({"over", "about", "at", "on", "of", "for", "regarding", "against"})
SEND_VERBS = frozenset({"send", "deploy", "dispatch", "rush", "move", "station", "mobilize", "mobilise", "airlift",
                        "redeploy", "post", "mass", "position"})
FORCE_NOUNS = frozenset({"troop", "soldier", "force", "guard", "reinforcement", "unit", "personnel", "officer",
                         "police", "policeman", "battalion", "brigade", "warship", "ship", "jet", "marine",
                         "paratrooper", "commando", "contingent", "army", "military", "gendarme", "detachment"})
FIGHT_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "trade"})
PLACE_PREPS = frozenset({"in", "at", "near", "around", "inside", "outside", "along", "across", "over"})


@dataclass(frozen=True, slots=True)
class Told:
    """One event the story has told so far: where, what, by whom."""

    sent_start: int
    type: str
    sources: tuple[ActorRef, ...]
    coup: bool = False  # "soldiers tried to seize power": what a later "coup" names


# -- the one asked ------------------------------------------------------------------------------------------

def addressee_token(tok: Token) -> Token | None:
    """The word naming the one asked: "urged *the rebels* to leave", "appealed to *donors* to ...", "called
    on *both governments* to ...", "wrote to *the Council* requesting ...". None when the verb names no one
    asked apart from what is asked ("urged restraint")."""
    lemma = tok.lemma_.lower()
    if lemma in ASKING_PARTICIPLES and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") \
            and tok.head.lemma_.lower() in WRITING_VERBS:
        return _prep_object(tok.head, ("to",))  # "wrote to X requesting a session"
    if lemma not in ASKING_VERBS and lemma not in ASKED_PREPS:
        return None
    complement = any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")
                     or (c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ASKING_PARTICIPLES)
                     for c in tok.children)  # "wrote to X requesting ...": the participle says what is asked
    if not complement:
        return None
    found = _prep_object(tok, ASKED_PREPS.get(lemma, ()))
    if found is not None:
        return found
    return next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)


def addressees(tok: Token, index: args.MentionIndex, sources: list[ActorRef],
               country_name: Callable[[str], str] = str) -> list[ActorRef]:
    """The parties a request is addressed to (see the module docstring); [] when no rule applies."""
    addr = addressee_token(tok)
    if addr is None or addr.lower_ in args.OWN_POSSESSIVES | {"him", "her", "them", "us", "me", "it"}:
        return []
    found = [a for a in args.np_actors(addr, index) if not _weapon_name(a)]
    if found:
        own = sources or _asker(tok, index)
        return [_other_government(a, addr, index, own) for a in found]
    lenient = [a for a in args.np_actors(addr, index.lenient_view()) if not _weapon_name(a)]
    if lenient:
        return lenient
    lemma = addr.lemma_.lower()
    words = {c.lower_ for c in addr.children if c.dep_ in ("det", "predet", "nummod", "amod")}
    if lemma in ALL_SIDES:
        return story_parties(index, sources, 2 if words & BOTH else 1, addr.idx, country_name)
    if lemma in STATE_GROUPS and words & BOTH:
        return story_parties(index, sources, 2, addr.idx, country_name)
    if lemma in STATE_GROUPS or lemma in OTHER_GROUPS:
        return [ActorRef(name=_phrase(addr), sector=["GOV"] if lemma in STATE_GROUPS else [],
                         resolution="unresolved")]
    return []


def _other_government(actor: ActorRef, addr: Token, index: args.MentionIndex,
                      sources: list[ActorRef]) -> ActorRef:
    """"Washington urged the government to drop the bill": a state the actors stage tied by coreference to
    the requester's own is the last other country's."""
    if actor.resolution != "coref" or not any(same_camp(actor, s) for s in sources):
        return actor
    own = {s.country for s in sources}
    other = next((a for start, a in reversed(index.named()) if start < addr.idx and a.country
                  and a.country not in own and a.country not in args.INTERNATIONAL), None)
    if other is None:
        return actor
    return ActorRef(name=actor.name, country=other.country, sector=list(actor.sector), resolution="coref")


def responded_parties(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"India revoked the region's autonomy, and Pakistan downgraded ties in response": an act "in response"
    with nobody named, told after what it answers in the same sentence, is aimed at that clause's subject
    (when no hostile act was kept to answer; see ``unnamed.retaliated_parties``)."""
    holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") else [tok]
    verb = holders[-1]
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "downgraded ties and suspended trade in response"
    if not any(p.dep_ == "prep" and p.lower_ in ("in", "as") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in ("response", "retaliation", "reprisal", "answer")
            for g in p.children) for h in (*holders, *tok.conjuncts, *(c for c in tok.children if c.dep_ == "dobj"))
            for p in h.children):
        return []
    if verb.dep_ != "conj" or verb.head.i >= verb.i:
        return []
    subj = args.subject_token(verb.head)
    found = args.np_actors(subj, index) if subj is not None else []
    return [a for a in found if not any(same_camp(a, s) for s in sources)]


def _asker(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """Who asks when the clause's own subject names nobody ("X said it ... and urged Y"): the nearest
    subject above that names someone."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        subj = args.subject_token(node)
        found = args.np_actors(subj, index) if subj is not None else []
        if found:
            return found
    return []


def misparsed_objects(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"Pakistani jets struck suspected TTP hideouts": when the parser makes a noun phrase the head of a
    clause under the verb (a noun cannot head one), it is the verb's object."""
    if any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return []
    return [a for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "NOUN"
            and not any(g.dep_ in ("nsubj", "aux", "mark") for g in c.children) for a in args.np_actors(c, index)]


def relative_objects(tok: Token, index: args.MentionIndex) -> list[ActorRef]:
    """"sanctions on three officials *it accused* of abusing power": a relative clause with its own subject
    and no object is about its antecedent, the one acted upon."""
    if tok.dep_ != "relcl" or any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in tok.children):
        return []
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("who", "which", "that", "whom"):
        return []
    head = tok.head
    while head.dep_ == "conj":  # "five politicians and two companies it accused": all of them
        head = head.head
    return args.np_actors(head, index)


def story_parties(index: args.MentionIndex, sources: list[ActorRef], n: int, before: int,
                  country_name: Callable[[str], str] = str) -> list[ActorRef]:
    """The story's parties: the ``n`` countries its actors name most (up to ``before`` first), not the
    requester's own nor an international body."""
    own = {s.country for s in sources}
    counts = Counter(a.country for _, a in index.named()
                     if a.country and a.country not in own and a.country not in args.INTERNATIONAL)
    first = {}
    for start, a in index.named():
        first.setdefault(a.country, start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first.get(c, 0) > before, first.get(c, 0)))
    return [ActorRef(name=country_name(c), country=c, resolution="context") for c in ranked[:n]]


def _weapon_name(actor: ActorRef) -> bool:
    """"Patriot systems", "Shahed drones": a weapon is nobody's target or source."""
    words = actor.name.lower().split()
    return not actor.country and not actor.sector and bool(words) and words[-1].rstrip("s") in WEAPON_WORDS


WEAPON_WORDS = frozenset({"system", "missile", "drone", "rocket", "jet", "tank", "battery", "launcher", "patriot",
                          "interceptor", "munition", "weapon", "howitzer", "shell", "bomb"})


def drop_asked_acts(drafts: list) -> list:
    """"appealed to donors to press Kenya": what is asked of the addressee is theirs to do, not a second
    act of the requester's (the parse climbs to the requester as its subject); it goes."""
    from petrel.coding.rules import ADDRESSEE

    asked: dict[int, frozenset] = {}
    for d in drafts:
        if d.applied(ADDRESSEE):
            keys = frozenset(args.actor_key(s) for s in d.sources)
            for c in d.trigger.token.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    asked.update({t.i: keys for t in c.subtree})
    return [d for d in drafts if asked.get(d.trigger.token.i) != frozenset(args.actor_key(s) for s in d.sources)]


# -- acts reported as objects -------------------------------------------------------------------------------

def remember_told(index: args.MentionIndex, sent_start: int, events: list) -> None:
    """Keep the sentence's events that happened as the story so far, for :func:`told_act_doers`: not reported
    speech (a speaker's word, which a later "the incident" need not mean), not a speaker standing in for an
    unnamed doer, nor unidentified attackers."""
    from petrel.coding.rules import SPEECH_ACCUSE, SPEECH_SPEAKER, UNKNOWN_AGENT

    for e in events:
        if e.status in ("future", "hypothetical") or e.negated or e.quote_id is not None:
            continue
        if {SPEECH_SPEAKER, SPEECH_ACCUSE, UNKNOWN_AGENT} & set(e.provenance.rules):
            continue
        index.told.append(Told(sent_start, e.type, (e.source,), _seized_power(e.evidence)))


def _seized_power(evidence) -> bool:  # noqa: ANN001 - petrel.models.Evidence
    """"soldiers tried to seize power", "officers seized power in X": the act a "coup" names later."""
    if evidence.trigger_start is None or not evidence.trigger.lower().startswith(("seiz", "grab", "usurp", "wrest")):
        return False
    after = evidence.sentence[evidence.trigger_start - evidence.start:].lower().split()
    return "power" in after[1:3]


def told_act_doers(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"ECOWAS condemned the coup", "Japan voiced concern over the incident", "the EU welcomed the decision":
    the doers of the nearest earlier act of a fitting type the story told (this sentence's earlier events
    are not yet kept; an act told in the same sentence names its doer on the noun or not at all)."""
    noun = told_noun(tok, index)
    if noun is None:
        return []
    kinds = TOLD_ACTS[noun.lemma_.lower()]
    here = tok.sent.start
    earlier = [t for t in index.told if t.sent_start < here]
    if noun.lemma_.lower() in COUP_WORDS and any(t.coup for t in earlier):
        earlier = [t for t in earlier if t.coup]  # "condemned the coup": the plotters, not later arrests
    for told in reversed(earlier):
        if told.sent_start >= here or (kinds is not None and told.type not in kinds):
            continue
        doers = [d for d in told.sources if not any(same_camp(d, s) for s in sources)]
        if doers:
            return doers
        if kinds is None:
            continue
        return []
    return []


def told_noun(tok: Token, index: args.MentionIndex) -> Token | None:
    """The noun of a reported act that a statement is about: its object ("condemned *the coup*") or the
    object of its "over/about/at" ("voiced concern *over the incident*"), with no party named on it."""
    holders = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        holders.append(tok.head)  # "voiced concern over the incident": the preposition may hang on the verb
    objects = [c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    holders += [o for o in objects if o.lemma_.lower() not in TOLD_ACTS]  # "voiced concern over the incident"
    objects += [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ABOUT_PREPS
                for g in p.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.lemma_.lower() in TOLD_ACTS and not _names_a_party(obj, index):
            return obj
    return None


def _names_a_party(noun: Token, index: args.MentionIndex) -> bool:
    """"the Russian attack", "Israel's decision", "the attack by X": the noun names a party of its own (a
    place named in it does not count: "the incident in the strait")."""
    return any(a.sector or a.actor_id or t.dep_ in ("poss", "amod", "compound")
               for t in noun.subtree if t.i != noun.i for a in index.actors_at(t))


# -- what is no target --------------------------------------------------------------------------------------

def sent_forces(tok: Token, targets: list[ActorRef], index: args.MentionIndex) -> list[ActorRef] | None:
    """"sent 300 troops to the area", "will deploy another 100 soldiers to the province": the forces sent
    are the sender's, not its target; the target is whom they are sent against or to (an actor), else
    none. ``None``: nothing to change."""
    if tok.lemma_.lower() not in SEND_VERBS:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in FORCE_NOUNS:
        return None
    forces = {args.actor_key(a) for a in args.np_actors(obj, index.lenient_view())}
    if not forces or not any(args.actor_key(t) in forces for t in targets):
        return None
    kept = [a for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ in ("against", "to", "into", "toward")
            for g in p.children if g.dep_ == "pobj" for a in args.np_actors(g, index)
            if args.actor_key(a) not in forces]
    return kept


def fight_places(tok: Token, sources: list[ActorRef], targets: list[ActorRef],
                 index: args.MentionIndex) -> list[ActorRef] | None:
    """"Houthi forces and government troops clashed in Raghwan district": two sides that fought fought each
    other, not the place they fought in. ``None``: nothing to change."""
    subj = args.subject_token(tok)
    if tok.lemma_.lower() not in FIGHT_VERBS or subj is None or not subj.conjuncts or not sources:
        return None
    places = {args.actor_key(a) for p in tok.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
              for g in p.children if g.dep_ == "pobj" for t in g.subtree for a in index.actors_at(t)}
    if not all(args.actor_key(t) in places for t in targets):
        return None
    if len(sources) > 1:
        return [] if targets else None  # each fought the other (the events stage pairs them)
    own = {args.actor_key(s) for s in sources}  # "Houthi forces and government troops": the troops
    others = [a for a in args.np_actors(subj, index.lenient_view()) if args.actor_key(a) not in own]
    return others or ([] if targets else None)


VESSELS = frozenset({"ship", "vessel", "boat", "tanker", "freighter", "carrier", "trawler", "yacht", "ferry"})


def named_vessels(tok: Token, targets: list[ActorRef], index: args.MentionIndex) -> list[ActorRef]:
    """"seized the car carrier Ocean Star", "attacked the tanker Sea Breeze": a ship named by its own name,
    which no actor has a country or sector for, is a business's (BUS); an aircraft carrier or a navy's ship
    is named with its owner and keeps it."""
    if not targets or any(t.country or t.sector for t in targets):
        return targets
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for p in tok.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    for obj in objects:
        words = list(obj.subtree)
        if not any(w.lemma_.lower() in VESSELS for w in words) or any(w.lower_ in ("aircraft", "navy", "naval",
                                                                               "warship", "war") for w in words):
            continue
        names = {args.actor_key(a) for w in words for a in index.actors_at(w)}
        if all(args.actor_key(t) in names for t in targets):
            return [ActorRef(t.name, t.actor_id, None, ["BUS"], t.resolution) for t in targets]
    return targets


# -- the state's institutions, the people's services and homes ---------------------------------------------

DISSOLVING = frozenset({"dissolve", "suspend", "annul", "disband", "abolish", "scrap", "overturn", "nullify",
                        "void", "invalidate", "cancel"})
INSTITUTIONS = {**dict.fromkeys(("parliament", "assembly", "senate", "legislature", "congress"), "LEG"),
                **dict.fromkeys(("government", "cabinet", "institution", "constitution", "result", "election",
                                 "vote"), "GOV"),
                **dict.fromkeys(("court", "judiciary"), "JUD")}
SERVICES = frozenset({"internet", "network", "communication", "communications", "phone", "telephone", "signal",
                      "connectivity", "connection", "broadband", "electricity", "power", "broadcast", "broadcasts"})
LAWS = frozenset({"law", "bill", "legislation", "amendment", "budget"})
SEIZING = frozenset({"seize", "grab", "usurp", "wrest", "snatch"})  # not "took power" after a vote
CUTTING_VERBS = frozenset({"cut", "shut", "block", "suspend", "restrict", "disconnect", "throttle", "switch",
                           "turn", "disrupt", "halt", "curb", "sever", "black"})
BUILDINGS = frozenset({"building", "apartment", "residence", "tower", "block", "home", "house", "dwelling"})


def dissolved_institutions(tok: Token, index: args.MentionIndex, sources: list[ActorRef]) -> list[ActorRef]:
    """"dissolved parliament", "were annulling the election result and dissolving state institutions", "would
    veto the law" (the legislature's): the
    state's institution (LEG, GOV, JUD) of the doer's country, else of the place (the places stage gives a
    party without one the country of the event's place); "soldiers tried to seize power": a coup, against
    the government (not when a government is the doer: a junta "which seized power" is told as it is now)."""
    lemma = tok.lemma_.lower()
    if lemma not in DISSOLVING and lemma not in SEIZING and lemma != "veto":
        return []
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        if lemma in SEIZING:  # "soldiers tried to seize power": a coup, against the state's government
            if obj.lower_ != "power" or any("GOV" in s.sector for s in sources):
                continue
            sector, obj_name = "GOV", "government"
        elif lemma == "veto":  # "would veto the law": the legislature's
            sector, obj_name = ("LEG", "legislature") if obj.lemma_.lower() in LAWS else (None, "")
        else:
            sector, obj_name = INSTITUTIONS.get(obj.lemma_.lower()), _phrase(obj)
        if sector is None or args.np_actors(obj, index):
            continue
        own = next((s.country for s in sources if s.country and s.country not in args.INTERNATIONAL), None)
        place = args.place_countries(tok, index)
        country = own or (place[0].country if place else None)
        return [ActorRef(name=obj_name, country=country, sector=[sector],
                         resolution="context" if country else "unresolved")]
    return []


UNPLACED_POPULATION = ActorRef(name="population", sector=["CVL"], resolution="unresolved")  # placed later


def cuts_services(tok: Token, info_type: str) -> bool:
    """"cut mobile internet across the country", "shut down phone networks": coercion of the people who use
    them (the convention of a restriction on nobody named; see ``restricted-population``)."""
    return info_type == "COERCE" and tok.lemma_.lower() in CUTTING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SERVICES for c in tok.children)  # not "seized power"


def property_people(tok: Token, info_type: str, targets: list[ActorRef], index: args.MentionIndex) -> list[ActorRef]:
    """"struck buildings in the southern suburbs of Beirut": force against homes named only by their place
    falls on the people who live there (civilians of the place's country), not on the state the capital
    stands for. ``[]``: nothing to change."""
    if info_type not in ("ASSAULT", "COERCE") or not targets or not all(
            t.country and not t.actor_id and t.resolution == "country" for t in targets):
        return []  # only places ("in Beirut"), not a party named there ("in Hezbollah's stronghold")
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() not in BUILDINGS | phrases.PROPERTY_NOUNS or args.np_actors(obj, index):
            continue
        placed = {args.actor_key(a) for t in obj.subtree if t.i != obj.i for a in index.actors_at(t)}
        if all(args.actor_key(t) in placed for t in targets):
            return [ActorRef(name=f"residents of {t.name}", country=t.country, sector=["CVL"], resolution="context")
                    for t in targets[:1]]
    return []


def _prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _phrase(tok: Token) -> str:
    return " ".join(t.text for t in tok.subtree if t.i <= tok.i or t.dep_ in ("amod", "compound")).strip()
