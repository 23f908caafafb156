"""Place mentions in a sentence: where they are, what they resolve to, and what role they play.

A mention comes from the supplement's curated phrases ("northern Iraq", "Ayn al-Asad airbase"),
from spaCy's GPE/LOC/FAC entities (widened by a compass word: "western Anbar"), from "the Iraqi
capital", or from "X-Y border". Its *role* says whether it is a place of the event or an actor:

- ``locative``: object of in/at/near/across/inside/... ("in Iraq", "at the base near Mosul")
- ``actor``:    subject, possessor, agent, object of against/with/for ("Iraq said", "Iraq's parliament",
                "arms against the US")
- ``modifier``: a noun's modifier ("US troops", "a US-led coalition"): whose, not where
- ``other``:    anything else (objects: "attack Lebanon")
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from petrel.geo.gazetteer import Gazetteer
from petrel.geo.qualifiers import Span as Named
from petrel.geo.qualifiers import possessor_country, qualified, qualifier_of
from petrel.geo.register import countryside_place, countryside_spans, joined_spans, of_unit_kind
from petrel.geo.sources import GazEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"ORG", "PERSON", "NORP"})  # the small model's mislabelled places (a town tagged NORP)
LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "across", "inside", "outside", "within", "throughout", "around", "into", "from",
    "to", "toward", "towards", "along", "over", "on", "off", "beyond", "between", "outside", "through",
    "out", "onto", "nearby", "past", "via",
})
# "the town of Mandera", "the province of Idlib": the name stands for the noun it names.
PLACE_NOUNS = frozenset({
    "town", "city", "village", "province", "region", "district", "capital", "port", "area", "state",
    "governorate", "county", "island", "municipality", "enclave", "outskirts", "suburb", "camp", "base",
})
# A place that is the object of these verbs is addressed, not where anything happens: "urged Baghdad to act",
# "accused Bangkok of aggression", "called on Kyiv to", "warned Tehran".
ADDRESSEE_VERBS = frozenset({
    "urge", "accuse", "blame", "warn", "ask", "tell", "press", "pressure", "criticise", "criticize", "condemn",
    "invite", "thank", "praise", "reassure", "persuade", "implore", "exhort", "encourage", "advise", "fault",
    "denounce", "rebuke", "lobby", "threaten", "sanction", "recognise", "recognize", "congratulate",
})
# A place named as the possessor of one of these is where its noun is: "in Beirut's southern suburbs".
AREA_NOUNS = PLACE_NOUNS | {"suburbs", "outskirts", "neighbourhood", "neighborhood", "centre", "center", "street",
                            "streets", "downtown", "quarter", "sector", "part", "heart", "north", "south", "east",
                            "west", "countryside", "border", "border area", "periphery", "side", "edge", "stronghold"}
# Objects of these prepositions are participants ("against the US", "talks with Iran"), not places.
PARTICIPANT_PREPS = frozenset({"against", "with", "for", "versus", "vs"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
COMPASS = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "north-eastern", "north-western",
    "south-eastern", "south-western",
}
ADMIN_WORDS = frozenset({"province", "governorate", "region", "state", "district", "oblast", "county", "prefecture",
                         "department"})
# A place name followed by one of these (capitalised) names an organisation: "the Kenya Police", "the
# UN General Assembly", "Baghdad University", "the Basra Oil Company".
INSTITUTION_WORDS = frozenset({
    "Assembly", "Council", "Parliament", "Ministry", "University", "College", "Police", "Army", "Airlines",
    "Airways", "Times", "News", "Post", "Herald", "Tribune", "Party", "Front", "Movement", "Bank", "Club",
    "Committee", "Commission", "Agency", "Court", "Senate", "Congress", "Cup", "League", "Company", "Corporation",
    "Group", "Institute", "Foundation", "Federation", "Union", "Brigade", "Brigades", "Battalion", "Force",
    "Forces", "Guard", "Television", "TV", "Radio", "Network", "Declaration", "Accord", "Accords", "Agreement",
    "Protocol", "Convention", "Summit", "Conference", "Process", "Format", "Office", "Department", "Mission",
})
# One-word "places" that are English words more often than towns ("Of" in Turkey, "Police" in Poland).
COMMON_WORDS = frozenset({
    "of", "police", "mobile", "split", "nice", "reading", "bath", "mercy", "hope", "unity", "liberty",
    "independence", "progress", "security", "opposition", "government", "army", "victoria", "union", "central",
    "federal", "national", "general", "president", "minister", "hamas", "islam", "sharia",
})
OBJECT_CITY_POPULATION = 100_000  # a city this large named as an object is a place, whatever its entity label
FOREIGN_TOWN_POPULATION = 250_000  # smaller towns of a country the document never names are homonyms ...
FOREIGN_STORY_VOTES = 1.5  # ... when another country has at least this many votes (not one "US" in passing) ...
KNOWN_TOWN_ALTERNATES = 30  # ... unless known the world over (Geneva, Sharm el-Sheikh: many names in geonames)
CAPITAL = re.compile(r"\b[Tt]he\s+(?P<adj>[A-Z][a-z]+)\s+capital\b")
ADMIN_GLOSS = re.compile(r"\(((?:[A-Z][\w'\u2019-]*\s+){1,4}(?:governorate|province|state|region|district|county|oblast|prefecture))[,)]")
ADMIN_NAMED = re.compile(r"(?<![\w'\u2019-])((?:[A-Z][\w-]*\s+){1,3}(?:province|region|governorate|state|oblast|prefecture|"
                         r"Province|Region|Governorate|State|Oblast|Prefecture))\b")
BORDER = re.compile(r"\b(?P<a>[A-Z][a-z]+)\s*[-\u2013]\s*(?P<b>[A-Z][a-z]+)\s+border\b")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # offsets into the document text
    end: int
    text: str
    entry: GazEntry
    head: Token
    role: str  # locative|actor|other


def climb(token: Token) -> Token:
    """From a name up to the phrase it heads: through compounds, appositions, conjuncts and
    "the town of"."""
    while token.head.i != token.i:
        if token.dep_ in ("compound", "amod", "nmod", "appos", "conj", "det"):
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ in PLACE_NOUNS:
            token = token.head.head
        else:
            return token
    return token


def role_of(head: Token) -> str:
    """Whether a place mention headed by ``head`` is where something happened, who acted, or neither."""
    if head.dep_ in ("compound", "amod") and head.head.pos_ in ("NOUN", "PROPN") and head.head.ent_type_ not in PLACE_LABELS \
            and head.head.lemma_.lower() not in PLACE_NOUNS:
        return "modifier"  # "US troops": whose, not where ("Basra city", "Gaza city" are where)
    if head.dep_ == "poss" and head.head.lemma_.lower() in AREA_NOUNS and head.head.i != head.i:
        return role_of(head.head)  # "in Beirut's southern suburbs", "in Mogadishu's Hodan district"
    if is_hyphen_modifier(head):
        return "modifier"  # "a US-led coalition", "Iran-backed militias"
    if is_listed_unit(head):
        return "locative"  # "in Tame, Arauca department", "outskirts of Ain Issa, Raqqa governorate"
    if listed_with_a_party(head):
        return "actor"  # "a truce between the group and the United States"
    token = climb(head)
    if addressed(token):
        return "actor"
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
        return "locative"
    if token.dep_ == "pobj" and (token.head.lower_ in PARTICIPANT_PREPS or token.head.dep_ == "agent"):
        return "actor"
    if head.dep_ in ACTOR_DEPS or token.dep_ in ACTOR_DEPS:
        return "actor"
    return "other"


# the words of an administrative unit after its name ("Raqqa governorate", "Arauca department")
UNIT_HEADS = frozenset({"governorate", "province", "district", "state", "region", "oblast", "county", "department",
                        "division", "prefecture", "municipality", "township", "lga", "territory", "subdistrict"})


def is_listed_unit(head: Token) -> bool:
    """A named administrative unit set beside another place as a link of a chain of places ("in Kumbo,
    North-West region", "the outskirts of Ain Issa, Tell Abiad district, Raqqa governorate"): it locates
    the place before it, so it is where the act happened, never a party, whatever the chain hangs on."""
    unit = head if head.lower_ in UNIT_HEADS else None
    if unit is None and head.dep_ == "compound" and head.head.lower_ in UNIT_HEADS:
        unit = head.head
    if unit is None or not any(c.dep_ == "compound" or c.pos_ == "PROPN" for c in unit.children):
        return False
    if unit.dep_ in ("nsubj", "nsubjpass", "poss") or unit.left_edge.i == 0:
        return False  # the parser often hangs the link on a verb or as an object: only the comma is sure
    return unit.doc[unit.left_edge.i - 1].text == ","


def addressed(token: Token) -> bool:
    """A place named as the one a verb of urging, accusing or warning addresses ("urged Baghdad to act",
    "called on Kyiv to", "accused Bangkok of"): the government it stands for, not a place of the event."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "on" and verb.head.lemma_ in ("call", "prevail"):
        return True
    return token.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in ADDRESSEE_VERBS


def listed_with_a_party(head: Token) -> bool:
    """``head`` is a conjunct of a noun that is no place ("the group and the United States"): the list
    names the parties of something, not where it happened."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.i != head.i and first.pos_ in ("NOUN", "PRON") and first.ent_type_ not in PLACE_LABELS \
        and first.lemma_.lower() not in PLACE_NOUNS


def is_hyphen_modifier(head: Token) -> bool:
    """``head`` starts a hyphenated adjective: "US-led", "Iran-backed"."""
    doc, i = head.doc, head.i
    return i + 2 < len(doc) and doc[i + 1].text in "-‐‑" and doc[i + 1].whitespace_ == "" \
        and doc[i + 2].pos_ in ("VERB", "ADJ") and doc[i + 2].tag_ in ("VBN", "JJ", "VBD")


def raw_spans(doc: Doc, sentence: Span, gazetteer: Gazetteer) -> list[tuple[int, int, str, str]]:
    """(start, end, text, source) of every candidate span in the sentence, overlapping allowed."""
    base = sentence.start_char
    spans = [(base + s, base + e, t, "phrase") for s, e, t in gazetteer.find_phrases(sentence.text)]
    for m in CAPITAL.finditer(sentence.text):
        spans.append((base + m.start(), base + m.end(), m.group("adj"), "capital"))
    for pattern in (ADMIN_GLOSS, ADMIN_NAMED):  # "(Abyan governorate)", "Odesa region": whatever the tagger made of it
        for m in pattern.finditer(sentence.text):
            spans.append((base + m.start(1), base + m.end(1), m.group(1), "compass"))
    for m in BORDER.finditer(sentence.text):
        spans.append((base + m.start(), base + m.end(), m.group(0), "border"))
    spans += countryside_spans(sentence) + joined_spans(sentence, gazetteer)  # the monitors' register
    for ent in sentence.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append(widened(ent))
        elif ent.label_ in WEAK_LABELS:  # "near the town of Mandera" tagged ORG: kept only if locative
            start, end, text, source = widened(ent)  # ... unless its kind follows: "(Abyan governorate)"
            kind_named = source == "compass" and text.split()[-1].lower() in ADMIN_WORDS
            spans.append((start, end, text, "compass") if kind_named else (ent.start_char, ent.end_char, ent.text, "weak"))
    return spans


def widened(ent: Span) -> tuple[int, int, str, str]:
    """An entity span with a compass word before it ("western Anbar") and an admin word after it
    ("Kirkuk province") included; the source says which were added."""
    doc = ent.doc
    start, end, source = ent.start, ent.end, "entity"
    while start > 0 and _name_before(doc[start - 1], ent):  # "Tal Afar": the town, not Ethiopia's Afar
        start -= 1
    if start > 0 and doc[start - 1].lower_ in COMPASS:
        start, source = start - 1, "compass"
    if end < len(doc) and doc[end].lower_ in ADMIN_WORDS:
        end, source = end + 1, "compass"
    elif end - start > 1 and doc[end - 1].lower_ in ADMIN_WORDS:  # the entity is "Oddar Meanchey province"
        source = "compass"
    span = doc[start:end]
    return span.start_char, span.end_char, span.text, source


def _name_before(tok: Token, ent: Span) -> bool:
    """A capitalised proper noun the entity leaves out but the parse makes part of its name ("Tal" in
    "Tal Afar", "Kafr" in "Kafr Nabl"): the name is the whole."""
    return tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ in ("", *PLACE_LABELS) and tok.dep_ == "compound" \
        and ent.start <= tok.head.i < ent.end and tok.lower_ not in COMPASS


def non_overlapping(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Longest first among overlapping spans; result in text order."""
    kept: list[tuple[int, int, str, str]] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def resolve_span(text: str, source: str, gazetteer: Gazetteer, votes: Mapping[str, float],
                 hint: str | None = None) -> GazEntry | None:
    """The gazetteer entry a candidate span denotes, or ``None``. ``hint``: the country the text says the
    place lies in ("Burkina Faso's Sahel region"): a name of that country is preferred."""
    if source == "capital":
        code = gazetteer.demonym_country(text)
        return gazetteer.capital_of(code) if code else None
    if source == "countryside":  # "the northern Idlib countryside"
        return countryside_place(text, gazetteer, votes, hint)
    entry = gazetteer.best(text, votes=votes, country_hint=hint)
    if hint and (entry is None or entry.country != hint):
        inside = qualified_place(text, gazetteer, votes, hint)
        if inside is not None and inside.country == hint:
            return inside
    if entry is not None:
        return entry
    words = text.split()
    if len(words) > 1 and words[-1].lower() in SETTLEMENT_WORDS:  # "Basra city", "Ibb city"
        entry = gazetteer.best(" ".join(words[:-1]), votes=votes)
        if entry is not None and entry.kind == "city":
            return entry
    if source == "compass":
        return qualified_place(text, gazetteer, votes)
    if source == "border":
        return border_region(text, gazetteer)
    return None


SETTLEMENT_WORDS = frozenset({"city", "town"})


def weak_place(entry: GazEntry, head: Token, role: str) -> bool:
    """A name spaCy tagged a person or organisation is a place when it stands as one: in a locative
    phrase, after "the town of", or a city of 100,000 people or more as a verb's object ("captured Bukavu")."""
    if entry.kind == "admin2":
        return False
    if role == "locative" or named_a_place(head):
        return True
    return role == "other" and head.dep_ == "dobj" and entry.kind == "city" and entry.population >= OBJECT_CITY_POPULATION


def named_a_place(head: Token) -> bool:
    """The name follows "the town of", "the village of", ...: a place whatever the parser tagged it."""
    token = climb(head)
    return token.i != head.i and token.lemma_.lower() in PLACE_NOUNS


def village_name(text: str) -> str:
    """The name of "Kalu village", "Hays district", "the town of X" as a village would be listed."""
    words = text.split()
    while len(words) > 1 and (words[-1].lower() in PLACE_NOUNS or words[-1].lower() in ADMIN_WORDS):
        words.pop()
    return " ".join(words)


def qualified_place(text: str, gazetteer: Gazetteer, votes: Mapping[str, float],
                    hint: str | None = None) -> GazEntry | None:
    """"southern Kirkuk province": the admin1 named (preferred over a same-named city), as a region. A
    province the gazetteer spells otherwise ("Oddar Meanchey province") is the most alike subdivision of
    the ``hint`` country, else of a country the document names (votes 1 or more)."""
    words = text.split()
    want_admin = bool(words) and words[-1].lower() in ADMIN_WORDS
    if want_admin:
        unit = words.pop()  # "Plateau state" is Nigeria's, "Plateau department" Benin's
        whole = of_unit_kind([e for e in gazetteer.ranked(" ".join(words), votes=votes, country_hint=hint)
                              if e.kind in ("admin1", "admin2")], unit)
        if whole:  # "South Kivu province", "North Darfur state": the compass word is part of the name
            return whole[0]
    direction = words.pop(0) if len(words) > 1 and words[0].lower() in COMPASS else None
    ranked = gazetteer.ranked(" ".join(words), votes=votes, country_hint=hint)
    admin = [e for e in ranked if e.kind in ("admin1", "admin2")] if want_admin else []
    if want_admin and not admin and words:
        countries = [hint] if hint else [code for code, n in votes.items() if n >= 1]
        similar = gazetteer.similar_subdivision(" ".join(words), countries)
        admin = [similar] if similar is not None else []
    base = (admin or ranked or [None])[0]
    return compass_region(direction, base) if direction else base


def compass_region(direction: str, entry: GazEntry | None) -> GazEntry | None:
    """"western Anbar" without a curated entry: part of a country, admin1 or city, at its point."""
    if entry is None:
        return None
    if entry.kind == "city":
        return replace(entry, name=f"{direction.lower()} {entry.name}")
    admin1 = entry.admin1 if entry.kind in ("admin1", "admin2") else None
    return replace(entry, name=f"{direction.lower()} {entry.name}", precision="region", kind="region", admin1=admin1)


def border_region(text: str, gazetteer: Gazetteer) -> GazEntry | None:
    """"X-Y border" between two countries: a region midway between their centres, first side's country."""
    m = BORDER.match(text)
    if m is None:
        return None
    sides = [gazetteer.country(c) for c in (side_country(m.group(g), gazetteer) for g in ("a", "b")) if c]
    if len(sides) != 2 or any(s is None or s.lat is None for s in sides):
        return None
    a, b = sides
    return GazEntry(f"{a.name}-{b.name} border", a.country, "region", (a.lat + b.lat) / 2, (a.lon + b.lon) / 2,
                    kind="border", approximate=True)


def side_country(word: str, gazetteer: Gazetteer) -> str | None:
    entry = gazetteer.best(word)
    if entry is not None and entry.kind == "country":
        return entry.country
    return gazetteer.demonym_country(word)


def mention_head(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a mention that attaches it to the sentence (a noun, not "the" or a hyphen)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    outward = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    nouns = [t for t in outward if t.pos_ in ("PROPN", "NOUN")]
    return (nouns or outward or [span.root])[0]


def names_an_organisation(doc: Doc, start: int, end: int) -> bool:
    """The span is part of an organisation's name ("the UN General Assembly", "the Kenya Police")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if span[-1].text in INSTITUTION_WORDS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.text in INSTITUTION_WORDS and after.is_title


def is_common_word(text: str) -> bool:
    """A one-word hit that is an English word, not a place ("Of", "Police", "Mobile"), or lower case."""
    words = text.split()
    return text.islower() or (len(words) == 1 and words[0].lower() in COMMON_WORDS)


def foreign_homonym(entry: GazEntry, gazetteer: Gazetteer, votes: Mapping[str, float]) -> bool:
    """A town of a country the document never otherwise names, while it is about another country: "Hamm"
    in a Gaza story is not the German city. Capitals, large cities (250,000 people) and towns known the world
    over (30 geonames alternate names: Geneva, Sharm el-Sheikh) stay."""
    if entry.kind != "city" or entry.population >= FOREIGN_TOWN_POPULATION or not votes:
        return False
    if entry.alternates >= KNOWN_TOWN_ALTERNATES:
        return False
    own = votes.get(entry.country or "", 0.0)
    if own >= 1 or max(votes.values()) < max(FOREIGN_STORY_VOTES, 2 * own):
        return False
    capital = gazetteer.capital_of(entry.country or "")
    return capital is None or capital.geonameid != entry.geonameid


def is_place(doc: Doc, start: int, end: int, text: str, entry: GazEntry, gazetteer: Gazetteer,
             votes: Mapping[str, float]) -> bool:
    """Whether a resolved span is really a place: not an organisation's name, a common word or a far
    homonym of a town."""
    if entry.kind in ("country", "admin1", "admin2") and not is_common_word(text):
        return not names_an_organisation(doc, start, end)
    return not (is_common_word(text) or names_an_organisation(doc, start, end)
                or foreign_homonym(entry, gazetteer, votes))


def sentence_places(doc: Doc, sentence: Span, gazetteer: Gazetteer,
                    votes: Mapping[str, float]) -> list[PlaceMention]:
    """Every resolvable place mention of the sentence with its role, in text order. A name the text
    qualifies by a larger place ("Kalu village (Hays district, Abyan governorate)") takes that place's
    country and admin1 (:mod:`petrel.geo.qualifiers`)."""
    found: list[tuple[Named, str, bool]] = []
    unknown: list[tuple[Named, bool]] = []  # (span, tagged as a person or organisation)
    for start, end, text, source in non_overlapping(raw_spans(doc, sentence, gazetteer)):
        head = mention_head(doc, start, end)
        if head is None:
            continue
        entry = resolve_span(text, source, gazetteer, votes, possessor_country(doc, start, gazetteer))
        if entry is not None and not is_place(doc, start, end, text, entry, gazetteer, votes):
            if not foreign_homonym(entry, gazetteer, votes) or is_common_word(text) \
                    or names_an_organisation(doc, start, end):
                continue
            entry = None  # a far homonym: a place all the same, if the text qualifies it
        if entry is None:
            if source in ("entity", "weak", "compass") and not is_common_word(text):
                unknown.append((Named(start, end, text, None, head), source == "weak"))
            continue
        role = role_of(head)
        found.append((Named(start, end, text, entry, head), role, source != "weak" or weak_place(entry, head, role)))
    qualifiers = [named for named, role, _ in found if role != "actor"]
    mentions = []
    for named, role, keep in found:
        outer = qualifier_of(doc, named, qualifiers)
        entry = qualified(named, outer, gazetteer) if outer is not None else None
        if keep or (entry is not None and role != "actor"):
            mentions.append(PlaceMention(named.start, named.end, named.text, entry or named.entry, named.head, role))
    for named, weak in unknown:
        outer = qualifier_of(doc, named, qualifiers)
        entry = qualified(named, outer, gazetteer) if outer is not None else None
        role = role_of(named.head)
        if entry is None and (role == "locative" or role == "other" and (not weak or named_a_place(named.head))):
            entry = gazetteer.village(village_name(named.text), votes)
        if entry is not None and role in ("locative", "other"):
            mentions.append(PlaceMention(named.start, named.end, named.text, entry, named.head, role))
    return sorted(mentions, key=lambda m: m.start)
