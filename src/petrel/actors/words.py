"""The words the actor resolver reads a noun phrase by, and what single tokens say.

Word lists (agent heads whose sector yields to a modifier's, camp qualifiers, titles that tell a
gender, verbs whose object is a victim) and predicates over one token or phrase head that need no
document state: :class:`petrel.actors.resolver.DocResolver` and :mod:`petrel.actors.profiles` use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from petrel.actors.phrases import is_plural

if TYPE_CHECKING:
    from spacy.tokens import Token

    from petrel.kb import KnowledgeBase


# Heads whose own sector yields to a modifier's ("militia leaders" are REB, "army officials" MIL).
GENERIC_HEADS = frozenset({"leader", "official", "member", "spokesman", "spokesperson", "spokeswoman", "head",
                           "chief", "representative", "figure", "group", "commander", "fighter", "supporter",
                           "loyalist", "unit", "wing", "faction", "element", "delegation", "envoy", "source",
                           "candidate"})
# Capitalised heads after a demonym that name a thing, not an organisation ("the Iraqi Constitution").
NOT_NAMES = frozenset({"constitution", "embassy", "consulate", "airspace", "border", "territory", "capital", "city",
                       "province", "region", "coast", "sea", "river", "desert", "law", "act", "constitutional",
                       "revolution", "war", "independence", "republic", "kingdom", "empire", "day", "year"})
# Every country names its legislature and courts with these nouns ("Congress", "Supreme Court"); a bare one in
# a story set elsewhere is that country's. Ministries have names of their own ("State Department").
HOME_SECTORS = frozenset({"LEG", "JUD"})
PP_OWNERS = frozenset({"of", "for", "in", "from", "at"})
RESIDENCE_PREPS = frozenset({"of", "in"})
ALLEGIANCE_WORDS = frozenset({"loyal", "allied", "aligned", "faithful", "linked", "affiliated", "tied", "close"})
LEAD_VERBS = frozenset({"head", "lead", "run", "command", "chair", "found", "direct", "represent"})
CAPITAL_SECTORS = ["GOV"]
PEOPLE_SECTORS = ["CVL"]
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "queen", "princess", "spokeswoman", "chairwoman",
                           "congresswoman", "businesswoman", "sister", "lady", "dame", "empress", "duchess"})
MALE_TITLES = frozenset({"mr", "sir", "king", "prince", "spokesman", "chairman", "congressman", "businessman",
                         "brother", "lord", "emperor", "duke", "sheikh", "father"})
PAST_MARKERS = frozenset({"former", "ex", "late", "erstwhile", "onetime", "deposed", "ousted"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout"})


# A modifier that says which camp an agent belongs to: "opposition lawmakers" are LEG and OPP,
# "rebel commanders" MIL and REB. Only camp words: "foreign ministers" stay GOV.
QUALIFIERS = {"opposition": "OPP", "dissident": "OPP", "rebel": "REB", "insurgent": "REB", "militant": "REB",
              "jihadist": "REB", "separatist": "REB", "paramilitary": "REB",
              "cartel": "CRM", "gang": "CRM", "criminal": "CRM", "mafia": "CRM"}  # "cartel gunmen": criminals


def qualifier_sectors(head: Token) -> list[str]:
    """Camp sectors from the compound/adjective modifiers left of an agent noun."""
    return [QUALIFIERS[c.lower_] for c in head.children
            if c.i < head.i and c.dep_ in ("compound", "amod", "nmod") and c.lower_ in QUALIFIERS]



def may_stand_alone(head: Token, kb: KnowledgeBase) -> bool:
    """An agent phrase with no owner is kept (unresolved) when it is plural or determined, not a title."""
    if kb.is_person_noun(head.lemma_) and not is_plural(head):
        return _acted_upon_someone(head)
    if _definite_singular(head):
        return False
    return is_plural(head) or any(c.dep_ in ("det", "nummod", "poss") for c in head.children)


def _acted_upon_someone(head: Token) -> bool:
    """"Gunmen killed a council member", "a local official was kidnapped": an indefinite title that is
    acted upon names a victim (a party), not a person to be resolved by a name."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    return indefinite and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in HARM_VERBS


# verbs whose object is a victim: "killed a council member", "a local official was abducted" (not "a new
# minister will be named")
HARM_VERBS = frozenset({"kill", "shoot", "wound", "injure", "assassinate", "murder", "stab", "beat", "attack",
                        "target", "ambush", "kidnap", "abduct", "arrest", "detain", "seize", "capture", "execute",
                        "behead", "torture", "threaten", "release", "free", "hang", "lynch", "assault", "shell"})


def title_gender(words) -> str | None:
    lowered = {t.lower_.rstrip(".") for t in words}
    if lowered & FEMALE_TITLES:
        return "f"
    return "m" if lowered & MALE_TITLES else None


def is_location(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() and token.dep_ in ("compound", "pobj")


def _definite_singular(head: Token) -> bool:
    """"the group", "the president": left for coreference, not an unresolved actor of its own."""
    return not is_plural(head) and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def clean_name(text: str) -> str:
    """A display name from a phrase: whitespace collapsed, leading article and trailing possessive gone."""
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an", "some", "many"):
        words = words[1:]
    return " ".join(words).removesuffix("'s").removesuffix("’s")


def state_of_affairs(token: Token) -> bool:
    """"a state of siege", "the state of emergency", "state of play": a condition, not a state. "the State
    of Israel" (a proper noun after "of") is one."""
    if token.lemma_.lower() != "state":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children) for c in token.children)
