"""Where news puts the parties of an event outside the plain subject and object: word-level helpers the
argument rules (:mod:`petrel.coding.arguments`) and the fallbacks (:mod:`petrel.coding.unnamed`) share.

- a participle of doing on an event noun names its doer in a "by" phrase and its target in an "on/against"
  phrase: "a travel ban *imposed* on the ministers *by* the EU", "an attack *claimed by* the group",
  "strikes *carried out by* drones"; a participle of judging does not ("an attack *condemned by* the UN");
- a quantity names its people through "of": "*thousands of* teachers protested", "dozens of settlers";
- a site is where its owner's people are: "strikes on nine *sites* in Pakistan" (Pakistan), "the *village*
  of Beita" (its residents);

- a site named by its owner's sector is an attack on them: "raided a *military* base" (the military),
  "attacked a *police* station" (the police);
- property in a place is its people's: "set fire to houses in Gujba" (the people of Gujba).

Each helper takes tokens and returns tokens; turning tokens into actors stays with the callers.
"""

from __future__ import annotations

from spacy.tokens import Token

# participles whose "by" agent did the act the noun names (not "condemned/reported/denied by")
DOING_PARTICIPLES = frozenset({"impose", "claim", "carry", "conduct", "launch", "stage", "mount", "wage", "lead",
                               "order", "perpetrate", "commit", "fire", "organise", "organize", "declare",
                               "execute", "orchestrate", "plan", "undertake", "unleash", "initiate", "spearhead",
                               "announce", "issue", "enforce", "level", "file", "bring", "deliver", "provide"})
QUANTITY_WORDS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "scores", "score",
                            "millions", "tens", "crowds", "crowd", "group", "groups", "number", "handful", "some",
                            "many", "several", "most", "all", "members", "busloads"})
# places of people: an attack on them is an attack on who lives there
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "neighbourhood", "neighborhood", "district", "suburb",
                              "camp", "hamlet", "settlement", "township", "quarter", "area", "locality"})
# places of a party's assets: "strikes on nine sites in Pakistan" are on Pakistan
SITE_NOUNS = frozenset({"site", "target", "position", "base", "facility", "location", "post", "hideout",
                        "installation", "depot", "outpost", "stronghold", "infrastructure", "area", "region",
                        "territory", "border", "checkpoint", "compound"})


def doing_participle(noun: Token) -> Token | None:
    """The participle of doing that describes an event noun ("a ban *imposed* by the EU"), or None."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in DOING_PARTICIPLES:
            return child
    return None


def participle_agent(noun: Token) -> Token | None:
    """"an attack claimed by the group", "a ban imposed on X by the EU": the "by" object of a participle of
    doing on the noun (the noun's doer)."""
    part = doing_participle(noun)
    if part is None:
        return None
    for child in part.children:
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def quantity_head(tok: Token) -> Token:
    """"Thousands of teachers", "dozens of settlers": the people a quantity counts (else ``tok`` itself)."""
    if tok.lower_ not in QUANTITY_WORDS and tok.lemma_.lower() not in QUANTITY_WORDS:
        return tok
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return tok


def is_settlement(tok: Token) -> bool:
    """"the village of Beita", "the town", "a refugee camp": a place where people live."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in SETTLEMENT_NOUNS


def is_site(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in SITE_NOUNS


def named_place(tok: Token) -> bool:
    """A town named as such: a GPE/LOC entity on a proper noun ("shelled Saraqib")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "LOC", "FAC")


def settlement_phrase(tok: Token) -> str:
    """The text of a settlement phrase without its clauses: "the village of Beita", "Saraqib"."""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("punct",)]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            words += list(child.subtree)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words).strip()


# "a military base", "a police station": the owners a site's modifier names, by sector
SITE_OWNERS = {"military": "MIL", "army": "MIL", "naval": "MIL", "air": "MIL", "police": "COP", "government": "GOV",
               "rebel": "REB", "militant": "REB", "insurgent": "REB", "security": "COP",
               "cargo": "BUS", "merchant": "BUS", "commercial": "BUS", "container": "BUS", "fishing": "CVL",
               "navy": "MIL", "bandit": "CRM", "cartel": "CRM", "gang": "CRM", "criminal": "CRM", "pirate": "CRM",
               "terrorist": "REB", "jihadist": "REB", "guerrilla": "REB", "insurgent": "REB", "separatist": "REB",
               "car": "BUS", "oil": "BUS", "gas": "BUS", "chemical": "BUS", "bulk": "BUS", "passenger": "BUS"}
OWNED_SITES = frozenset({"base", "station", "post", "outpost", "checkpoint", "barracks", "camp", "convoy",
                         "patrol", "position", "positions", "headquarters", "garrison", "compound", "vehicle",
                         "building", "office", "academy", "airbase", "airport", "stronghold", "hideout",
                         "ship", "vessel", "tanker", "freighter", "boat", "carrier", "hideout", "den", "lair",
                         "hideaway", "enclave", "training"})  # "a cargo ship": its business
# what business owns whatever modifies it: "attacking shipping", "seized a tanker"
BUSINESS_THINGS = frozenset({"shipping", "tanker", "freighter", "carrier", "merchantman", "containership"})
# what people own where they live: burning it falls on them
PROPERTY_NOUNS = frozenset({"house", "home", "shop", "clinic", "school", "hospital", "mosque", "church", "market",
                            "farm", "crop", "property", "dwelling", "hut", "store", "livestock", "cattle"})


def site_owner(tok: Token) -> str | None:
    """The sector whose site ``tok`` is: "a military base" -> MIL, "a police station" -> COP, else None."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in OWNED_SITES | BUSINESS_THINGS:
        return None
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.i < tok.i and child.lower_ in SITE_OWNERS:
            return SITE_OWNERS[child.lower_]
        if child.dep_ == "compound" and child.i < tok.i and child.lemma_.lower() in SITE_OWNERS:
            return SITE_OWNERS[child.lemma_.lower()]  # "bandits hideouts", "pirates' den"
    if tok.lemma_.lower() in BUSINESS_THINGS and not any(c.dep_ in ("amod", "compound", "poss") and c.i < tok.i
                                                          and c.pos_ in ("PROPN", "ADJ") for c in tok.children):
        return "BUS"  # "attacking shipping", "the tanker" (not "an aircraft carrier", nor "Iran's tankers")
    return None


def property_place(tok: Token, act: Token | None = None) -> Token | None:
    """"houses and a clinic in Gujba": the place named after property (its "in" object; with ``act``, the
    place of the act: "burned houses in the village"), else None."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PROPERTY_NOUNS:
        return None
    for node in ((act,) if act is not None else (tok, *tok.conjuncts)):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and (obj.pos_ == "PROPN" or is_settlement(obj)):
                    return obj
    return None
