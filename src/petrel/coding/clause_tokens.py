"""The tokens that hold a clause's parties, read off the dependency parse (no actors yet): the subject,
climbing control, coordination and relative clauses (:func:`subject_token`); the "by" agent of a passive
(:func:`agent_token`); the direct object, a preposition's object, and whether a verb is passive.
"""

from __future__ import annotations

from spacy.tokens import Token

# "X is scheduled/expected/said to visit Y": X is the subject of "visit"
RAISING_PASSIVES = frozenset({"schedule", "expect", "set", "slate", "due", "suppose", "poise", "believe", "report",
                              "say", "think", "understand", "know", "rumour", "rumor", "allege", "see", "tip"})
TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "moment", "morning", "evening", "night", "date",
                        "period", "era", "decade", "weekend", "hour"})
FIRST_PERSON = frozenset({"we", "i", "us", "our", "my", "me", "ours", "ourselves", "myself"})
SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})
STATE_PARTICIPLES = frozenset({"commit", "prepare", "determine", "dedicate", "resolve", "engage", "involve",
                               "poise", "set", "oppose"})
DOCUMENT_NOUNS = frozenset({"statement", "declaration", "letter", "resolution", "report", "communique", "note",
                            "message", "decree", "speech", "interview", "appeal", "call", "motion", "bill",
                            "document", "memo", "petition", "ultimatum", "warning", "order", "law", "legislation"})
# acts a speaker does in words: joined by "and" to what the speaker reported, they are the speaker's
SPEAKER_ACTS = frozenset({"accuse", "urge", "call", "demand", "condemn", "appeal", "denounce", "blame", "warn"})
SAYING_VERBS = frozenset({"say", "tell", "announce", "state", "add", "report"})


def is_first_person(tok: Token | None) -> bool:
    if tok is None:
        return False
    if tok.lower_ in FIRST_PERSON and tok.tag_ in ("PRP", "PRP$") and tok.text != "US":
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in tok.children)


def subject_token(tok: Token, limit: int = 6) -> Token | None:
    """The grammatical subject of the clause whose verb is ``tok``, climbing control and coordination."""
    node = tok
    for _ in range(limit):
        for child in node.children:
            if child.dep_ in SUBJ_DEPS or (child.dep_ == "nsubjpass" and (
                    node.lemma_ in STATE_PARTICIPLES or (node is not tok and node.lemma_ in RAISING_PASSIVES))):
                return relative_antecedent(child)
            if child.dep_ == "aux":  # the parser sometimes hangs the subject on "have"
                for grand in child.children:
                    if grand.dep_ in SUBJ_DEPS:
                        return relative_antecedent(grand)
        if node is tok and _speaker_act(tok):  # "X said Y bombed a village and accused Z of ...": X accuses
            node = tok.head.head
            continue
        if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head.i != node.i:
            if node.dep_ == "xcomp" and node.tag_ == "VBN" and object_of(node.head) is not None:
                return None  # "ordered him banned": the object is the patient, the source is one up
            node = node.head
            continue
        if node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            noun = node.head  # "has no plans to withdraw": the planner is the subject of "has"
            if noun.dep_ in ("dobj", "attr", "pobj") and noun.head.i != noun.i:
                node = noun.head
                continue
            return None
        if node.dep_ == "acl" and node.head.lemma_.lower() in DOCUMENT_NOUNS and node.head.dep_ in ("dobj", "pobj"):
            node = node.head.head  # "issued a declaration demanding ...": the issuer demands
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return node.head
        if node.dep_ in ("pcomp", "pobj", "prep") and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _speaker_act(verb: Token) -> bool:
    """"The ministry said jets had bombed a village and accused Bangkok of ...": the parser joins "accused"
    to the reported verb; a past-tense act of speaking so joined is the speaker's, not the reported
    subject's (issue 11)."""
    head = verb.head
    if not (verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.lemma_.lower() in SPEAKER_ACTS
            and head.dep_ == "ccomp" and head.head.lemma_.lower() in SAYING_VERBS and head.head.tag_ == "VBD"):
        return False
    # "said it was reviewing ties and urged ...": a pronoun subject is the speaker anyway (speech rules)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in head.children)


def relative_antecedent(subj: Token) -> Token:
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        return subj.head.head
    if subj.lower_ in ("who", "which"):  # the parser missed the relative clause: the noun before it
        for prev in reversed(subj.doc[max(subj.sent.start, subj.i - 6):subj.i]):
            if prev.pos_ in ("NOUN", "PROPN") and prev.lemma_ not in TIME_NOUNS:
                return prev
    return subj


def object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    return None


def prep_object(tok: Token, prep: str) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def agent_token(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and is_passive(tok)):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def is_passive(tok: Token) -> bool:
    if tok.lemma_ in STATE_PARTICIPLES and not any(c.dep_ == "agent" for c in tok.children):
        return False  # "is committed to", "were engaged in": a state of the subject, not a passive
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False  # "are believed to have attacked": a perfect, not a passive
    return tok.tag_ == "VBN" and (tok.dep_ in ("xcomp", "acl", "oprd") or small_clause(tok))


#: verbs that report a clause rather than order one ("said [X killed ...]")
REPORTING_VERBS = frozenset({"say", "tell", "report", "add", "claim", "state", "announce", "confirm", "allege"})


def small_clause(tok: Token) -> bool:
    """"ordered [him banned]": a participle clause without auxiliary under a verb of ordering. Not a
    past tense the tagger read as a participle: a reported clause ("strikes killed 20 people, medics said")
    or one with a direct object ("... killed 20 people"), which a passive participle does not take."""
    return (tok.dep_ == "ccomp" and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
            and tok.head.lemma_.lower() not in REPORTING_VERBS and not any(c.dep_ == "dobj" for c in tok.children))
