"""Find event triggers in a sentence: verbs and event nouns matched against the lexicon.

A trigger is a token plus the most specific lexicon pattern whose constraints its dependents meet.
Dependents a pattern used (the object of "call for withdrawal", the complement of "threaten to attack")
are *consumed*: they do not fire as events of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from petrel.coding.answers import keep_answers
from petrel.coding.lexicon import ANY, Lexicon, Pattern
from petrel.coding.status import is_negated

OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "advmod", "npadvmod", "acomp", "obj"})
REAL_OBJ_DEPS = frozenset({"dobj", "dative", "obj"})
PREP_DEPS = frozenset({"prep", "prt", "agent", "dative", "advmod", "acomp", "dobj", "compound:prt"})
COMP_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
NOUN_TAGS = frozenset({"NN", "NNS"})
PRESS_WORDS = frozenset({"press", "news"})
COMPOUND_HEADS = frozenset({"delivery", "effort", "shipment", "program", "programme", "flight", "convoy", "package",
                            "process", "mission", "operation", "supply", "supplies", "force", "contingent", "round",
                            "team", "material", "materials", "kit", "kits", "item", "items", "assistance", "order",
                            "orders", "level", "status"})
NAMING_VERBS = frozenset({"call", "dub", "term", "label", "brand"})  # "called the deal a surrender"
RESULT_VERBS = frozenset({"leave", "render"})  # "left 100 people dead", "rendered the airport unusable"
SPEECH_ACT_ROOTS = frozenset({"09", "10", "11", "12", "13"})  # investigate, demand, accuse, reject, threaten
MEASURE_NOUNS = frozenset({"ton", "tonne", "million", "billion", "thousand", "hundred", "dollar", "euro", "pound",
                           "worth", "amount", "number", "lot", "shipment", "package", "batch", "kg", "kilogram",
                           "unit", "round", "wave", "series", "set", "convoy", "load", "supply", "plenty", "bag", "team"})


@dataclass(slots=True)
class Trigger:
    token: Token
    pattern: Pattern
    consumed: set[int] = field(default_factory=set)  # token indices the pattern used


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger in the sentence, in text order, with consumed dependents removed."""
    found: list[Trigger] = []
    for tok in sent:
        trig = match_token(tok, lexicon)
        if trig is not None:
            found.append(trig)
    consumed = {i for t in found for i in t.consumed}
    return [t for t in found if t.token.i not in consumed]


def token_pos(tok: Token) -> str | None:
    """verb|noun|adj for lexicon lookup; a noun that only modifies another noun ("war games") is none."""
    if tok.dep_ == "acomp" or tok.tag_ == "JJ":
        return "adj"
    if tok.tag_.startswith("VB"):
        return "verb"
    if tok.tag_ in ("NN", "NNS") and tok.dep_ in ("ROOT", "ccomp") and _has_subject_and_object(tok):
        return "verb"  # a headline's verb the tagger read as a noun: "Fighters storm hotel in Kismayo"
    if (tok.tag_ in NOUN_TAGS or tok.pos_ == "NOUN") and tok.dep_ not in ("compound", "amod"):
        if any(c.dep_ == "compound" and c.lower_ in PRESS_WORDS for c in tok.children):
            return None  # "a press release", "a news briefing": a publication, not an event
        return "noun"
    return None


def _has_subject_and_object(tok: Token) -> bool:
    """A subject and a direct object hang on ``tok``: only a verb has both (the parser got the clause right
    and the tagger the word wrong, as it often does in headlines, which drop articles and auxiliaries)."""
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "dobj" in deps


def hyphen_prefix(tok: Token) -> str | None:
    """``"sit-"`` when ``tok`` ends a hyphenated word the tokenizer split ("sit-in", "test-fired",
    "build-up"): the lexicon writes such words whole, so they are looked up joined as well."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        return f"{doc[i - 2].lower_}-"
    return None


def lemma_keys(tok: Token) -> tuple[str, ...]:
    """The hyphenated whole ("test-fire" for the "fired" of "test-fired"), the lemma, the word itself, and
    for "-ed" forms the stems the small model sometimes misses ("staged" lemmatised as "stag")."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    keys = (lemma,) if lemma == lower else (lemma, lower)
    prefix = hyphen_prefix(tok)
    if prefix is not None:
        keys = tuple(prefix + k for k in keys) + keys
    if lower.endswith("ed") and tok.tag_ in ("VBD", "VBN") and not lower.startswith(lemma + "e"):
        keys += (lower[:-1], lower[:-2], lower[:-3])
    return keys


def match_token(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """The most specific pattern this token satisfies, or None."""
    pos = token_pos(tok)
    if pos is None or (names_something(tok.head) and _is_name_given(tok)):
        return None
    if tok.lemma_.lower() in RESULT_VERBS and any(c.dep_ == "oprd" for c in tok.children):
        return None  # "the clashes left 100 people dead": a result, nobody left anywhere
    negated = None
    for key in lemma_keys(tok):
        for pat in lexicon.candidates(pos, key):
            if pat.neg:
                if negated is None:
                    negated = is_negated(tok)
                if not negated:
                    continue
            used = _satisfies(tok, pat)
            if used is not None:
                return Trigger(tok, pat, used)
    return None


def names_something(verb: Token) -> bool:
    """Whether a verb of naming gives its object a name or a quality ("call X Y"): the name is speech
    about X, not the act it denotes ("called the deal an attack" is no attack).

    Example: "calling the deal a surrender", "called the parliament illegitimate" (an object predicate)
    and "a memorandum that Mogadishu called an attack" (a relative clause whose own object is the name)
    name something; "called the minister on Monday" and "called up reservists" do not.
    """
    if verb.lemma_.lower() not in NAMING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    relative = verb.dep_ in ("relcl", "acl") and any(c.lower_ in ("that", "which") and c.dep_ in ("mark", "dobj")
                                            for c in verb.children)
    return relative and any(c.dep_ == "dobj" for c in verb.children)


def _is_name_given(tok: Token) -> bool:
    """The name or quality a naming verb gives: its object predicate, or the object of a naming relative
    clause ("that Mogadishu called an attack")."""
    return tok.dep_ == "oprd" or (tok.dep_ == "dobj" and tok.head.dep_ in ("relcl", "acl"))


def _satisfies(tok: Token, pat: Pattern) -> set[int] | None:
    if pat.unless is not None and any(_lemma_in(o, pat.unless) for o in _patients(tok)):
        return None
    used: set[int] = set()
    hit: Token | None = None
    if pat.objects is not None:
        deps = MOD_DEPS if pat.pos == "noun" else (OBJ_DEPS if pat.objects != ANY else REAL_OBJ_DEPS)
        hit = _child_in(tok, deps, pat.objects)
        if hit is None and pat.pos == "verb" and (pat.objects != ANY or pat.comp is not None):
            raised = _raised_subject(tok)  # "ordered a curfew to start at dawn"
            hit = raised if raised is not None and (pat.objects == ANY or _lemma_in(raised, pat.objects)) else None
        if hit is None:
            return None
        used.add(hit.i)
        if pat.code[:2] in SPEECH_ACT_ROOTS and pat.pos != "noun":  # "rejected a request to hold a rally"
            used |= keep_answers(hit.subtree)
    for prep, objs in pat.preps:
        hit_set = _prep_match(tok, prep, objs)
        if hit_set is None and hit is not None and pat.pos == "verb":
            hit_set = _prep_match(hit, prep, objs)  # "presented evidence against X": on the object
        if hit_set is None and pat.pos == "noun" and tok.dep_ == "dobj":
            hit_set = _prep_match(tok.head, prep, objs)  # "issued warrants for X": on the light verb
        if hit_set is None:
            return None
        used |= hit_set
        if pat.code[:2] in SPEECH_ACT_ROOTS:  # "accused X of violating Y": the charge is no event
            used |= keep_answers(t for i in hit_set for t in tok.doc[i].subtree)  # "..., which Y denied" is
    if pat.comp is not None:
        hit = _comp_match(tok, pat.comp)
        if hit is None:
            return None
        used.add(hit.i)
    if pat.that and not any(c.dep_ == "ccomp" or (pat.pos == "noun" and c.dep_ == "acl" and
                                                 any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children))
                            for c in tok.children):
        return None
    return used


def _patients(tok: Token) -> Iterable[Token]:
    """What the trigger acts on, for ``-X`` exclusions: a verb's direct object or passive subject, or the
    noun a passive participle describes; a noun's "of" object and modifiers.

    Example: in "photos released by the presidency" and "released a video", the patients of "released"
    are "photos" and "video"; in "the release of the footage" that of "release" is "footage".
    """
    if tok.pos_ == "NOUN" and tok.tag_ in NOUN_TAGS:
        yield from _with_conjuncts(c for c in tok.children if c.dep_ in ("compound", "nmod"))
        yield from _with_conjuncts(_of_objects(tok))
        return
    yield from _with_conjuncts(c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass"))
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "photos released by the presidency"
        yield from _with_conjuncts([tok.head])


def _raised_subject(tok: Token) -> Token | None:
    """"allowed X to run", "wants X to leave": the parser often makes X the subject of a "to" clause
    (ccomp) instead of the verb's object; for "verb +* >*" patterns it is the object all the same."""
    for comp in tok.children:
        if comp.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            return next((c for c in comp.children if c.dep_ == "nsubj"), None)
    return None


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    if words == ANY:  # "ordered him banned": a passive participle carries its own event
        return tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "PRON") and tok.tag_ != "VBN"
    if tok.lemma_.lower() in words or tok.lower_ in words:
        return True
    prefix = hyphen_prefix(tok)  # "staged a sit-in": the object is the "in" of "sit-in"
    return prefix is not None and (prefix + tok.lemma_.lower() in words or prefix + tok.lower_ in words)


def _with_conjuncts(tokens: Iterable[Token]) -> Iterable[Token]:
    for t in tokens:
        yield t
        yield from t.conjuncts


def _child_in(tok: Token, deps: frozenset[str], words: frozenset[str]) -> Token | None:
    for child in _with_conjuncts(c for c in tok.children if c.dep_ in deps):
        if _lemma_in(child, words):
            return child
        if words != ANY and child.lemma_.lower() in COMPOUND_HEADS and any(
                m.dep_ in ("compound", "amod") and _lemma_in(m, words) for m in child.children):
            return child  # "suspended aid deliveries", "ended mediation efforts"
        if child.lemma_.lower() in MEASURE_NOUNS or child.tag_ == "CD":  # "25,000 tons of food aid"
            for grand in _of_objects(child):
                if _lemma_in(grand, words):
                    return grand
    return None


def _of_objects(tok: Token) -> Iterable[Token]:
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            yield from (g for g in prep.children if g.dep_ == "pobj")


def _prep_match(tok: Token, prep: str, objs: frozenset[str] | None) -> set[int] | None:
    for child in tok.children:
        if child.lower_ != prep or child.dep_ not in PREP_DEPS:
            continue
        if objs is None:
            return {child.i}
        for obj in _with_conjuncts(c for c in child.children if c.dep_ in ("pobj", "pcomp", "dobj")):
            if _lemma_in(obj, objs) or any(_lemma_in(m, objs) for m in obj.children if m.dep_ in MOD_DEPS):
                return {child.i, obj.i}
    return None


def _comp_match(tok: Token, words: frozenset[str]) -> Token | None:
    children = list(tok.children)
    if tok.dep_ == "attr":  # "there is no justification for X to remain": the clause hangs on "is"
        children += [c for c in tok.head.children if c.dep_ == "advcl"]
    for child in children:
        if child.dep_ in COMP_DEPS and _lemma_in(child, words):
            return child
        if child.dep_ == "prep":  # "call for X to withdraw": the clause hangs under the preposition
            for grand in child.children:
                if grand.dep_ in COMP_DEPS | {"pobj"} and _lemma_in(grand, words) and grand.pos_ in ("VERB", "AUX"):
                    return grand
    return None
