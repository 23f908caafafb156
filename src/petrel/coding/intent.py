"""Promised, refused, threatened and announced acts, and which trigger carries them.

:func:`read_intent`: promised or refused cooperation is AGREE or REJECT (CAMEO 03x / 12x), not the act
itself ("agreed to withdraw", "refused to deploy"); a threatened, announced or conditional hostile act is
a threat (rules intent, refusal, threat, ultimatum, announced). :func:`drop_governing` and
:func:`drop_clause_consumed`: the complement carries the event, so a bare "refuse", "threaten" or "help"
on its head goes, and a threat or demand "that ..." owns the events inside its clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.coding import coordination
from petrel.coding import rules as R
from petrel.coding.context import RuleContext
from petrel.coding.lexicon import ANY, CameoInfo, Lexicon, Pattern
from petrel.coding.speech import threat_code
from petrel.coding.status import Status, clause_chain, status_of
from petrel.coding.triggers import Trigger

INTENT_VERBS = frozenset({"agree", "promise", "pledge", "offer", "vow", "swear", "commit", "undertake",
                          "volunteer", "consent", "willing", "ready", "prepared", "committed", "plan", "intend"})
REFUSAL_VERBS = frozenset({"refuse", "decline", "reject", "fail", "unwilling", "reluctant"})
# "threatened to censure the minister": one threat, aimed where the threatened act is aimed
THREAT_VERBS = frozenset({"threaten", "warn"})
GENERIC_THREAT = "130"
INTENT_CODES = {"AID": "033", "COOPERATE": "031", "RETREAT": "035", "CONCEDE": "035", "CONSULT": "036",
                "SUPPORT": "030"}
REFUSAL_CODES = {"AID": "122", "COOPERATE": "121", "RETREAT": "124", "CONCEDE": "124", "CONSULT": "125",
                 "SUPPORT": "120"}
HELPER_VERBS = frozenset({"help", "assist", "try", "attempt", "seek", "continue", "begin", "start", "resume"})
ULTIMATUM_CODE = "139"
CALENDAR_CUES = frozenset({"schedule", "due", "set", "slate", "expect"})  # planned, not promised: the act itself


def read_intent(ctx: RuleContext, tok: Token, info: CameoInfo,
                status: Status) -> tuple[CameoInfo, Status, tuple[str, ...]]:
    """Promised or refused cooperation is AGREE or REJECT (CAMEO 03x / 12x), not the act itself:
    "agreed to withdraw", "will provide aid", "refused to deploy peacekeepers"; a threatened,
    announced or conditional hostile act is a threat. Returns the rule applied (none: ``()``)."""
    governor = _governor(tok)
    hostile = threat_code(info)
    if governor in INTENT_VERBS and status.negated and info.quad_class >= 3 and ctx.on(R.INTENT_RULE):
        return ctx.lexicon.info("030"), Status(), (R.INTENT_RULE,)  # "agreed not to use force": a promise
    if tok.lemma_ == "help" and hostile and (status.status in ("future", "hypothetical")) \
            and ctx.on(R.INTENT_RULE):
        return ctx.lexicon.info("031"), Status(), (R.INTENT_RULE,)  # "would help Kabul fight": help promised
    conditional = status.status == "hypothetical" and status.cue in ("if", "in case")
    announced = status.status in ("future", "hypothetical") or (status.negated and _has_modal(tok))
    if governor in THREAT_VERBS and info.quad_class >= 3 and info.type != "THREATEN" and ctx.on(R.THREAT):
        said = status_of(tok.head, neg_consumed=False, in_speech=False)  # the threat itself happened
        if said.status == "hypothetical" and said.cue in ("if", "unless", "in case"):
            said = Status()  # "threatened to censure him if he stays": the condition is the threat's
        return ctx.lexicon.info(hostile or GENERIC_THREAT), said, (R.THREAT,)
    if info.type != "THREATEN" and announced and ctx.on(R.ULTIMATUM) and _ultimatum(tok):  # "will X unless Y"
        kept = Status("future", False, "unless") if status.negated else status
        return ctx.lexicon.info(hostile or ULTIMATUM_CODE), kept, (R.ULTIMATUM,)
    if hostile and info.type != "THREATEN" and ctx.on(R.ANNOUNCED) and (
            governor in INTENT_VERBS or status.status == "future" or (conditional and not _inside_condition(tok))):
        return ctx.lexicon.info(hostile), status, (R.ANNOUNCED,)  # "will impose", "vowed to fight"
    if info.quad_class not in (1, 2) or info.type == "AGREE":
        return info, status, ()
    if ctx.on(R.REFUSAL) and (governor in REFUSAL_VERBS or (status.negated and _has_modal(tok))):
        return ctx.lexicon.info(REFUSAL_CODES.get(info.type, "120")), Status(), (R.REFUSAL,)  # "will not aid"
    if ctx.on(R.INTENT_RULE) and (governor in INTENT_VERBS
                                   or (status.status == "future" and status.cue not in CALENDAR_CUES)):
        return ctx.lexicon.info(INTENT_CODES.get(info.type, "030")), Status(), (R.INTENT_RULE,)
    return info, status, ()


def _ultimatum(tok: Token) -> bool:
    """"X will withdraw its troops unless Y ...": an act announced on the condition "unless" is a threat
    (CAMEO 139, give ultimatum; a hostile act keeps its own threat code). The act inside the "unless"
    clause is the condition, not the threat."""
    for node in clause_chain(tok):
        if any(c.dep_ == "mark" and c.lower_ == "unless" for c in node.children):
            return False
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
               for c in node.children):
            return True
        if node.dep_ in ("ccomp", "advcl", "relcl"):
            return False
    return False


def _inside_condition(tok: Token) -> bool:
    """The trigger is part of an "if" clause ("if Israel were to attack"), not the act made conditional."""
    for node in clause_chain(tok):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.dep_ in ("ccomp", "ROOT"):
            return False
    return False


def _has_modal(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall", "can", "ca", "could")
               for c in tok.children)


def _governor(tok: Token) -> str | None:
    """The lemma of the verb or adjective an infinitive hangs on ("agreed to X" -> agree)."""
    if tok.dep_ in ("xcomp", "acl") and tok.head.i != tok.i:
        return tok.head.lemma_.lower()
    return None


def drop_governing(triggers: list[Trigger], lexicon: Lexicon) -> list[Trigger]:
    """"refused to deploy", "threatened to censure": the complement carries the event; a bare "refuse" or
    "threaten" on its head goes."""
    heads = {t.token.head.i for t in triggers
             if (_governor(t.token) in REFUSAL_VERBS and lexicon.info(t.pattern.code).quad_class in (1, 2))
             or _governor(t.token) in INTENT_VERBS | HELPER_VERBS
             or (_governor(t.token) in THREAT_VERBS and lexicon.info(t.pattern.code).quad_class >= 3)}
    heads |= _helpers_of_nested_acts(triggers)
    return [t for t in triggers if not (t.token.i in heads and t.pattern.specificity == 0)]


def _helpers_of_nested_acts(triggers: list[Trigger]) -> set[int]:
    """"helped to prepare and carry out raids": a helper verb whose infinitive clause holds an event noun
    (or a verb with an event-noun object: "carry out attacks"), however deep, is part of that act, not aid
    of its own. (A verb there is often figurative: "helping to
    house migrants and tackling poverty" stays aid.)"""
    positions = {t.token.i for t in triggers if t.pattern.pos == "noun" or _names_event_by_object(t.pattern)}
    out: set[int] = set()
    for t in triggers:
        if t.token.lemma_.lower() not in HELPER_VERBS:
            continue
        comps = [c for c in t.token.children if c.dep_ == "xcomp"]
        if any(d.i in positions for c in comps for d in c.subtree):
            out.add(t.token.i)
    return out


def _names_event_by_object(pattern: Pattern) -> bool:
    """A verb pattern naming its event by the object ("carry out +attacks", "launch +strikes")."""
    return pattern.pos == "verb" and pattern.objects is not None and pattern.objects != ANY


def drop_clause_consumed(triggers: list[Trigger]) -> list[Trigger]:
    """A threat or demand "that ..." owns the events inside its clause (they are what is threatened)."""
    inside: set[int] = set()
    for trig in triggers:
        if trig.pattern.that or trig.pattern.comp is not None:
            clause = clause_child(trig.token)
            if clause is not None:
                inside |= {t.i for t in clause.subtree} | coordination.infinitive_conjuncts(trig.token, clause)
    return [t for t in triggers if t.token.i not in inside]


def clause_child(tok: Token) -> Token | None:
    deps = ("ccomp", "xcomp") if tok.pos_ != "NOUN" else ("ccomp", "xcomp", "acl")  # "its demand that X ..."
    return next((c for c in tok.children if c.dep_ in deps), None)
