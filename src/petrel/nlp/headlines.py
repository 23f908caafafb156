"""Headline grammar: a subject, a bare present-tense verb and an object with no article.

spaCy's small English parser reads "US sanctions Sudanese commanders", "Saudi Arabia arrests cleric over
sermon" or "Mauritania transfers suspects to Bamako" as one noun phrase: the verb becomes a plural noun or a
compound, the clause has no subject and petrel codes nothing. The component ``petrel_headlines`` (after the
parser) repairs such a sentence when it has no subject anywhere: a run of names at its start (``US``,
``Kenya, Ethiopia``, ``Police``) followed by a lower-case word in ``-s`` (or, in a headline without a
full stop, a past verb) that is followed by an object, a particle or a preposition becomes subject, verb
and object; the rest of the parse is kept. Names joined by a comma before the verb (``Kenya, Ethiopia sign pact``) are one coordinated
subject. Sentences of more than 20 tokens are left alone. A sentence with a subject is never touched, so article prose is unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from petrel.clean import is_common_word as is_common

HEADLINES = "petrel_headlines"
MAX_TOKENS = 20
_NAME_TAGS = frozenset(("NNP", "NNPS"))
_VERBISH = frozenset(("VBZ", "NNS", "VBP", "VBD"))
_OBJECT_TAGS = frozenset(("DT", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "POS", "HYPH",
                          "PRP"))
_JOINERS = frozenset((",", "and", "&"))
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj", "expl"))
_MODIFIER_DEP = {"DT": "det", "CD": "nummod", "JJ": "amod", "JJR": "amod", "JJS": "amod", "PRP$": "poss"}


@Language.component(HEADLINES)
def repair_headlines(doc: Doc) -> Doc:
    """Give a headline sentence without a subject its subject, verb and object (see the module)."""
    if not doc.has_annotation("DEP"):
        return doc
    for sent in list(doc.sents):
        if len(sent) <= MAX_TOKENS and any(t.dep_ for t in sent):
            _repair(sent)
    return doc


def _headline_verb(sent: Span) -> int | None:
    """Index in ``sent`` of the headline's verb, or None when the sentence does not read as a headline."""
    i = _candidate(sent)
    if i is None:
        return None
    root, verb = sent.root, sent[i]
    if root.tag_.startswith("VB") and any(c.dep_ in _SUBJECTS for c in root.children):
        # a clause with a subject keeps its parse, unless the tagger's own verb follows the names and the
        # parser made a later plural noun the verb ("Bolivia expels envoy over coup remarks")
        if not (verb.tag_ == "VBZ" and root.i > verb.i and root.is_lower and root.text.endswith("s")):
            return None
    return i


def _candidate(sent: Span) -> int | None:
    for i, tok in enumerate(sent):
        if i == 0:
            if tok.tag_ not in _NAME_TAGS and not tok.text[:1].isupper():
                return None
            continue
        if tok.text in _JOINERS or (tok.tag_ in _NAME_TAGS and tok.text[:1].isupper()):
            continue
        nxt = sent[i + 1] if i + 1 < len(sent) else None
        # a past verb only in a headline without a full stop: article prose keeps its parse
        verbish = (tok.tag_ in _VERBISH and tok.is_lower and tok.is_alpha and len(tok) > 2
                   and (tok.text.endswith("s") if tok.tag_ != "VBD" else sent[-1].text not in (".", "!", "?")))
        if not verbish or nxt is None or nxt.is_punct or nxt.tag_ in ("VBZ", "VBD", "VBP", "MD"):
            return None
        if sent[i - 1].text in _JOINERS:
            return None
        # after a common word ("Rebel attacks on convoys", "Junta bans rallies") only a word the tagger reads
        # as a verb: a noun-noun headline stays a noun phrase (a name the tagger calls an adjective,
        # "Nepal transfers", is still a name)
        if sent[0].tag_ not in _NAME_TAGS and tok.tag_ != "VBZ" and is_common(sent[0].text):
            return None
        return i
    return None


def _comma_subjects(sent: Span) -> None:
    """``Kenya, Ethiopia sign pact``: names joined by a comma before the root verb are one coordinated subject
    (the parser makes two subjects, or an adverbial and a subject)."""
    root = sent.root
    i = root.i - sent.start
    head = list(sent[:i])
    if not root.tag_.startswith("VB") or not any(t.text == "," for t in head) or head[-1:] and head[-1].text in _JOINERS:
        return
    if all(t.text in _JOINERS or (t.tag_ in _NAME_TAGS and t.text[:1].isupper()) for t in head) and head[0].text != ",":
        _attach_subject(head, root)


def _repair(sent: Span) -> None:
    i = _headline_verb(sent)
    if i is None:
        _comma_subjects(sent)
        return
    verb = sent[i]
    if verb.tag_ in ("NNS", "VBP"):
        verb.tag_ = "VBZ"
    verb.head = verb
    verb.dep_ = "ROOT"
    _attach_subject(list(sent[:i]), verb)
    rest = list(sent[i + 1:])
    if rest and rest[0].tag_ == "RP":
        rest[0].head, rest[0].dep_ = verb, "prt"
        rest = rest[1:]
    taken = _attach_object(rest, verb)
    for tok in rest[taken:]:
        if tok.head == tok or tok.head.i < verb.i:  # an old root, or hung on the subject
            tok.head = verb
            tok.dep_ = "prep" if tok.tag_ in ("IN", "TO") else ("punct" if tok.is_punct else "dep")


def _attach_subject(tokens: list[Token], verb: Token) -> None:
    """The subject run: its first conjunct is the subject (``Kenya`` of ``Kenya, Ethiopia``), the others are its
    conjuncts; the words before a conjunct's last are compounds of it (``Saudi`` of ``Saudi Arabia``)."""
    conjuncts: list[list[Token]] = [[]]
    joiners: list[Token] = []
    for tok in tokens:
        if tok.text in _JOINERS:
            joiners.append(tok)
            conjuncts.append([])
        else:
            conjuncts[-1].append(tok)
    heads = [c[-1] for c in conjuncts if c]
    subject = heads[0]
    subject.head, subject.dep_ = verb, "nsubj"
    for other in heads[1:]:
        other.head, other.dep_ = subject, "conj"
    for tok in joiners:
        tok.head, tok.dep_ = subject, ("punct" if tok.is_punct else "cc")
    for conj in conjuncts:
        for tok in conj[:-1]:
            tok.head, tok.dep_ = conj[-1], "compound"


def _attach_object(tokens: list[Token], verb: Token) -> int:
    """Attach the noun phrase at the start of ``tokens`` as the verb's object; how many tokens it took."""
    n = 0
    while n < len(tokens) and tokens[n].tag_ in _OBJECT_TAGS:
        n += 1
    phrase = tokens[:n]
    nouns = [k for k, t in enumerate(phrase) if t.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP")]
    if not nouns:
        return 0
    last = nouns[-1]
    obj = phrase[last]
    obj.head, obj.dep_ = verb, "dobj"
    for k, tok in enumerate(phrase[:last]):
        if tok.tag_ == "POS":
            tok.head, tok.dep_ = phrase[k - 1] if k else obj, "case"
        elif k + 1 < last and phrase[k + 1].tag_ == "POS":
            tok.head, tok.dep_ = obj, "poss"
        else:
            tok.head, tok.dep_ = obj, _MODIFIER_DEP.get(tok.tag_, "compound")
    return last + 1


#: headline abbreviations the tokenizer would split at their full stop, ending the sentence there
ABBREVIATIONS = {"pres.": "president", "Pres.": "President", "govt.": "government", "Govt.": "Government",
                 "dept.": "department", "Dept.": "Department", "min.": "minister", "Min.": "Minister"}


def add_headline_repair(nlp: Language) -> None:
    """Add :func:`repair_headlines` right after the parser (nothing without one) and the headline
    abbreviations to the tokenizer (one token each, normalised to the full word); idempotent."""
    from spacy.attrs import NORM, ORTH

    for short, full in ABBREVIATIONS.items():
        nlp.tokenizer.add_special_case(short, [{ORTH: short, NORM: full.lower()}])
    if HEADLINES in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(HEADLINES, after="parser")
