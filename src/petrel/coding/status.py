"""What the grammar says about whether an event happened: status and negation.

``actual`` unless the clause around the trigger says otherwise:

- ``negated``: "did not attack", "never attacked", "no attack", "has no plans to withdraw"
  (a pattern that *requires* negation, such as "no plans to withdraw" -> REJECT, consumes it);
- ``hypothetical``: inside or governed by a condition ("if", "unless", "in case", "were to"), or under
  may/might/could/would/can/should/must; inside an embedded question ("did not say whether it regarded
  the attack as a breach") with cue ``whether``, which the coder drops: a question asserts nothing;
- ``future``: will/shall, "going to", "plan/intend/prepare/set/expect to", "would" in reported speech (not on
  a past-tense conjunct: "said he would veto it and accused X of ..." accused now);
- ``historical``: past perfect ("had withdrawn"; not one a past speech verb reports, "said it had expelled
  a diplomat on Monday", which is the speaker's simple past moved back), a past act over years ("in a three-year campaign"); dates
  may later move more events here;
- ``claimed``: an unverified claim ("claimed", "alleged", "reportedly", "allegedly").

Tense and date words beyond the grammar ("in 2011") are the dates stage's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "nobody", "none"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
HYPO_MODALS = frozenset({"may", "might", "could", "would", "can", "should", "must", "ought"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_VERBS = frozenset({"plan", "intend", "prepare", "prepared", "ready", "expect", "aim", "schedule", "set", "due",
                          "go", "seek", "hope", "want", "consider", "mull", "weigh"})
TIME_MARKS = frozenset({"before", "after", "until", "once", "till"})
CLAIM_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
SPEECH_DEPS = frozenset({"ccomp"})
# dependency labels through which a clause's status reaches a dependent clause
CLIMB_DEPS = frozenset({"xcomp", "conj", "acl", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr",
                        "advcl", "relcl", "ccomp", "compound", "amod", "appos", "oprd", "dative", "agent"})


@dataclass(frozen=True, slots=True)
class Status:
    status: str = "actual"
    negated: bool = False
    cue: str | None = None  # the word that decided it

    def to_tuple(self) -> tuple[str, bool]:
        return self.status, self.negated


def _has_neg(node: Token) -> bool:
    for c in node.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return True
        if c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(g.lower_ in ("no", "not") for g in c.children):
            return True  # "no longer", "no more"
    return False


def is_negated(tok: Token) -> bool:
    """Negation on the token, on its clause, or a "no" determiner on the noun that governs it."""
    if _has_neg(tok):
        return True
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "without":  # "without meeting any officials"
        return True
    if tok.dep_ in ("xcomp", "acl", "pcomp", "pobj", "dobj", "nsubj", "attr") and head.i != tok.i:
        if _has_neg(head):
            return True
        if tok.dep_ in ("pobj", "pcomp") and head.head.i != head.i:
            return _has_neg(head.head)
    if tok.dep_ == "advcl" and _has_neg(head) and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # "would not give permission to X to help Y": the purpose of an act not done
    if tok.dep_ == "acl" and head.dep_ == "attr":  # "there is no (longer a) reason to ..."
        return _has_neg(head.head)
    return False


def clause_chain(tok: Token, limit: int = 8) -> list[Token]:
    """The token and the heads above it, up to the sentence root."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < limit:
        chain.append(chain[-1].head)
    return chain


def status_of(tok: Token, *, neg_consumed: bool = False, in_speech: bool = False) -> Status:
    """The grammatical status of the event whose trigger is ``tok``."""
    if not neg_consumed and is_negated(tok):
        return Status("negated", True, "not")
    if any(c.lower_ in CLAIM_ADVERBS for c in tok.children):
        return Status("claimed", False, "allegedly")
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return Status("hypothetical", False, "for")  # "a proposal for X to leave": wanted, not done
    chain = clause_chain(tok)
    cond = _condition(chain)
    if cond is not None:
        return Status("hypothetical", False, cond)
    if _pending(chain):
        return Status("future", False, "before")
    return _modality(chain, in_speech)


def _pending(chain: list[Token]) -> bool:
    """"before they launch ...", "after the US withdraws ...": a present-tense time clause looks ahead."""
    for node in chain[:3]:
        if node.dep_ == "advcl" and node.tag_ in ("VBP", "VBZ") and any(
                c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in node.children):
            return True
        if node.dep_ in ("ccomp", "relcl", "ROOT"):
            break
    return False


def _condition(chain: list[Token]) -> str | None:
    """A condition on any clause from the trigger up to the root."""
    for node in chain:
        if _is_question(node):  # "did not say whether it regarded the attack as ...": asked, not asserted
            return "whether"
        if _is_condition(node):  # an "if" clause, or a main verb the parser gave the "if" to
            return "if"
        for child in node.children:
            if child.dep_ == "advcl" and _is_condition(child):
                return "if"
            if _in_case(child):
                return "in case"
    return None


def _is_question(clause: Token) -> bool:
    """An embedded question: a complement clause opened by "whether" ("decide whether to strike")."""
    return clause.dep_ in ("ccomp", "xcomp", "advcl", "pcomp") and any(
        c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children)


def _is_condition(clause: Token) -> bool:
    return any((c.dep_ == "mark" and c.lower_ in CONDITION_MARKS) or _in_case(c) for c in clause.children)


def _in_case(prep: Token) -> bool:
    """"in case ..." (but not "in such a case", "in the case of")."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        g.lower_ == "case" and g.i == prep.i + 1 and not list(g.children) for g in prep.children)


def _modality(chain: list[Token], in_speech: bool) -> Status:
    for depth, node in enumerate(chain):
        if depth and node.dep_ == "ccomp" and node.lemma_ in ("say", "tell"):
            break
        if depth and chain[depth - 1].dep_ == "conj" and chain[depth - 1].tag_ == "VBD":
            break  # "said he would veto the bill and accused X of ...": a past-tense conjunct keeps its own time
        for child in node.children:
            if child.dep_ not in ("aux", "auxpass"):
                continue
            word = child.lower_
            if word in FUTURE_MODALS:
                return Status("future", False, word)
            if word == "would" and (in_speech or _under_speech(node)):
                return Status("future", False, word)
            if word in HYPO_MODALS:
                return Status("hypothetical", False, word)
            if word == "had" and node.tag_ == "VBN" and depth == 0 and not _backshifted(node):
                return Status("historical", False, "had")
        if depth and node.lemma_ in FUTURE_VERBS and chain[depth - 1].dep_ in ("xcomp", "acl") \
                and not is_negated(node):
            return Status("future", False, node.lemma_)
        if depth == 0 and _over_years(node):
            return Status("historical", False, "years")
        if node.dep_ in ("ccomp", "advcl", "relcl") or node.dep_ == "ROOT":
            break
        if node.dep_ == "acl" and node.tag_ == "VBN":
            break  # "will release the hostages held by them": a participle modifier keeps its own time
    return Status()


REPORT_VERBS = frozenset({"say", "tell", "announce", "report", "state", "confirm", "add", "disclose", "reveal",
                          "acknowledge", "admit", "claim", "insist"})


def _backshifted(verb: Token) -> bool:
    """"the ministry said it had expelled a diplomat on Monday": a past perfect reported by a past speech verb
    is the speaker's simple past moved back, not an earlier time (dates decide if it is old news)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "... had expelled X and had recalled Y"
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_ in REPORT_VERBS and clause.head.tag_ == "VBD"


def _over_years(verb: Token) -> bool:
    """"pushed the rebels back in a long two-year offensive", "fought alongside them in recent years": a past act
    spread over years is history, not the news of the day (a past tense or a perfect only)."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # the parser may hang it on the object
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ in YEARS_PREPS:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if any(_years_word(t) for t in obj.subtree):
                    return True
    return False


def _years_word(tok: Token) -> bool:
    """"years", "decades", or the "year" of "three-year" (not "this year", "last year": dates say those)."""
    if tok.lower_ in ("years", "decades"):
        return True
    return tok.lower_ == "year" and tok.i > 0 and tok.doc[tok.i - 1].text == "-"


YEARS_PREPS = frozenset({"in", "during", "over", "for", "throughout", "across"})


def _under_speech(node: Token) -> bool:
    return node.dep_ in SPEECH_DEPS and node.head.pos_ == "VERB"
