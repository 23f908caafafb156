"""Reported speech applied to drafts: what an actor's words make of the acts they tell (the rules are in
:mod:`petrel.coding.speech`, :mod:`petrel.coding.reported` decides who reports with authority).

- :func:`apply_speech`: inside a quote with a speaker, the speaker stands in for a first-person or missing
  subject (rule speech-speaker), a side's own report of its attack leaves it claimed (own-claim), a hostile
  act the speaker announces is the speaker's threat (speech-threat), an obligation to yield is the
  speaker's demand (speech-demand), and an attack told without its doer is by the side it came from
  (speech-origin);
- :func:`obligations`: "X said Y must Z" is X's demand of Y, whatever Z is (speech-obligation);
- :func:`accusations`: a violent or repressive act a speaker says another camp did is also the speaker's
  accusation (speech-accuse); :func:`drop_restated_accusations` drops it when the article states it outright.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from petrel.coding import arguments as args
from petrel.coding import reported, whom
from petrel.coding import rules as R
from petrel.coding.context import RuleContext
from petrel.coding.drafts import Draft
from petrel.coding.lexicon import Pattern
from petrel.coding.quotes import cue_kind
from petrel.coding.screening import purpose_clause
from petrel.coding.speech import (ACCUSE_CODE, SPEECH_NOUNS, accused_parties, can_accuse, is_claimed_wrong,
                                  is_obligation, same_camp, same_side, threat_code, threatened_party)
from petrel.coding.status import Status, clause_chain, status_of
from petrel.coding.triggers import Trigger
from petrel.coding.unnamed import UNKNOWN_ATTACKER
from petrel.models import ActorRef, EventMention, Provenance, Quote

REQUEST_FOR_YIELD = "1056"
OWN_PRONOUNS = frozenset({"it", "they", "he", "she"})  # "X said it would ...": X, if nothing else
STAND_IN_SUBJECTS = frozenset({"this", "that", "these", "those", "there", "anything", "everything", "nothing"})
OWN_CLAIM_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts a side's own report of them leaves claimed
FIRED_VERBS = frozenset({"fire", "launch", "shell", "attack", "strike", "bomb", "target", "hit", "rocket", "shoot"})
REPORTED_DEPS = frozenset({"ccomp", "conj", "xcomp", "dobj", "nsubj", "nsubjpass", "attr"})  # claim -> its verb


def apply_speech(ctx: RuleContext, draft: Draft, src_tok: Token | None, index: args.MentionIndex,
                 agentless: bool) -> Draft:
    quote, tok = draft.quote, draft.trigger.token
    speaker = quote.speaker
    speakers = _speakers(tok, index, ctx.lexicon.speech) or [speaker]
    if cue_kind(quote.cue, ctx.lexicon.speech) == "claim" and draft.status.status in ("actual", "historical"):
        draft.status = Status("claimed", False, quote.cue)
    first_person = args.is_first_person(src_tok) or (src_tok is not None and quote.kind == "direct"
                                                     and src_tok.lower_ in ("we", "i"))
    own_pronoun = quote.kind == "indirect" and src_tok is not None and src_tok.lower_ in OWN_PRONOUNS
    if agentless and threat_code(draft.info) and all(s is UNKNOWN_ATTACKER for s in draft.sources) \
            and ctx.on(R.SPEECH_ORIGIN):
        draft = _from_origin(draft, index, speaker)
    if ctx.on(R.SPEECH_SPEAKER) and not _named_so(draft) and (first_person or (
            not draft.sources and not agentless and (
                own_pronoun or (_speaker_may_stand_in(src_tok) and _speech_act(draft))))):
        draft.sources = speakers
        draft.provenance = draft.with_rule(R.SPEECH_SPEAKER)
        # "the army said it killed 12 Boko Haram fighters": the country's rebels are another camp (issue 11)
        draft.targets = [t for t in draft.targets if not same_camp(t, speaker)]
    if draft.info.type in OWN_CLAIM_TYPES and draft.status.status in ("actual", "historical") and draft.sources \
            and ctx.on(R.OWN_CLAIM) and (first_person or _own_report(ctx, draft, speaker, index)):
        draft.status = Status("claimed", False, quote.cue)  # "Hezbollah said it fired rockets": its own word
    code = threat_code(draft.info)
    if code and draft.status.status in ("future", "hypothetical") and draft.info.type != "THREATEN" and (
            any(same_side(s, speaker) for s in draft.sources) or (draft.sources and draft.status.cue == "if")) \
            and ctx.on(R.SPEECH_THREAT):
        return _as_threat(ctx, draft, code, speakers, index)
    if draft.info.type in ("RETREAT", "CONCEDE") and is_obligation(tok) and ctx.on(R.SPEECH_DEMAND):
        return _as_demand(ctx, draft, speaker)
    return draft


def _own_report(ctx: RuleContext, draft: Draft, speaker: ActorRef, index: args.MentionIndex) -> bool:
    """The doers' own side tells of their act (rule own-claim), unless it is the police or the courts
    telling of their own arrests (rule official-report, :mod:`petrel.coding.reported`)."""
    voices = _speakers(draft.trigger.token, index.lenient_view(), ctx.lexicon.speech) or [speaker]
    if not all(any(reported.own_side(v, s) for v in voices) for s in draft.sources):
        return False
    return not (ctx.on(R.OFFICIAL_REPORT) and reported.routine_custody(draft.info.code, voices[0], draft.sources))


def _as_threat(ctx: RuleContext, draft: Draft, code: str, speakers: list[ActorRef],
               index: args.MentionIndex) -> Draft:
    targets = threatened_party(speakers[0], draft.sources, draft.targets)
    if not targets:
        targets = condition_actors(draft.trigger.token, speakers[0], index)
    return replace(draft, info=ctx.lexicon.info(code), sources=speakers, targets=targets,
                   provenance=draft.with_rule(R.SPEECH_THREAT), confidence=draft.confidence - 0.1)


def _as_demand(ctx: RuleContext, draft: Draft, speaker: ActorRef) -> Draft:
    targets = [s for s in draft.sources if not same_side(s, speaker)]
    return replace(draft, info=ctx.lexicon.info(REQUEST_FOR_YIELD), sources=[speaker], targets=targets,
                   status=Status(), provenance=draft.with_rule(R.SPEECH_DEMAND),
                   confidence=draft.confidence - 0.1)


def _named_so(draft: Draft) -> bool:
    """""It was a massacre," the mayor said": violence named as what something was (the noun after "be")
    is the speaker's word for someone else's act, never the speaker's own act (issue 11). A charge
    ("It was a provocation") stays the speaker's accusation."""
    tok = draft.trigger.token
    return (draft.info.quad_class == 4 and tok.pos_ == "NOUN" and tok.dep_ == "attr"
            and tok.head.lemma_.lower() == "be")


def _speech_act(draft: Draft) -> bool:
    """Saying it is doing it (a demand, a threat, a rejection), or a hostile act announced as future."""
    if draft.info.quad_class in (1, 3):
        return True
    return threat_code(draft.info) is not None and draft.status.status in ("future", "hypothetical")


def _speaker_may_stand_in(src_tok: Token | None) -> bool:
    """No resolvable subject: the speaker stands in unless the subject names someone else."""
    if src_tok is None or src_tok.dep_ == "expl" or src_tok.lower_ in STAND_IN_SUBJECTS:
        return True
    # "driven out by force": an instrument in the by-phrase, not an agent
    return src_tok.dep_ == "pobj" and src_tok.head.dep_ == "agent" and src_tok.pos_ not in ("PROPN", "PRON")


def _from_origin(draft: Draft, index: args.MentionIndex, speaker: ActorRef) -> Draft:
    """"Kenya said rockets were launched at its town from Somalia": a hostile act reported without its
    doer but with where it came from is by that place's side, unless that is the speaker's own
    (rule speech-origin<...)."""
    tok = draft.trigger.token
    if tok.lemma_.lower() not in FIRED_VERBS:
        return draft  # "kidnapped from their base": the place they were taken from
    origins = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj" for a in args.np_actors(o, index)]
    origins = [a for a in origins if a.country and not same_side(a, speaker)]
    if not origins:
        return draft
    provenance = draft.without_rule(R.UNKNOWN_AGENT).with_rule(R.check(R.SPEECH_ORIGIN))
    return replace(draft, sources=origins, targets=[t for t in draft.targets if not same_side(t, origins[0])],
                   provenance=provenance)


def condition_actors(tok: Token, speaker: ActorRef, index: args.MentionIndex) -> list[ActorRef]:
    """Actors of the "if" clause that governs a threat ("if he insists, ...")."""
    for node in clause_chain(tok):
        for clause in (node, *node.children):
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                               for c in clause.children):
                found = [a for a in args.clause_actors(clause, index) if not same_side(a, speaker)]
                if found:
                    return found
    return []


def obligations(ctx: RuleContext, sent: Span, index: args.MentionIndex, quotes: list[Quote]) -> list[Draft]:
    """"X said (that) Y must/should/has to Z", "X issued a reminder to Y that it must Z": X demands it of Y,
    whatever Z is (rule speech-obligation)."""
    out: list[Draft] = []
    for tok in sent:
        for cue, comp in _obliging_clauses(ctx, tok):
            draft = _obligation(ctx, cue, comp, index, quotes)
            if draft is not None:
                out.append(draft)
    return out


def _obliging_clauses(ctx: RuleContext, tok: Token) -> list[tuple[Token, Token]]:
    """(the verb whose subject speaks, the obligation clause): "X said Y must ...", and a speech noun
    that is the verb's object with a "that" clause: "X issued a reminder that Y must ..."."""
    if tok.tag_.startswith("VB") and tok.lemma_.lower() in ctx.lexicon.speech:
        return [(tok, c) for c in tok.children if c.dep_ == "ccomp" and is_obligation(c)]
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS and tok.dep_ == "dobj":
        return [(tok.head, c) for c in tok.children if c.dep_ in ("acl", "ccomp") and is_obligation(c)
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
    return []


def _obligation(ctx: RuleContext, cue: Token, comp: Token, index: args.MentionIndex,
                quotes: list[Quote]) -> Draft | None:
    speaker_tok = speaker_token(cue)
    sources = args.np_actors(speaker_tok, index) if speaker_tok is not None else []
    obliged = args.comp_subject_actors(comp, index) or _addressees(cue, comp, index) \
        or _obliged_group(ctx, comp, index, sources)
    targets = [t for t in obliged if not any(same_camp(t, s) for s in sources)]
    if not sources or not targets:
        return None
    code = REQUEST_FOR_YIELD if comp.lemma_ in ctx.lexicon.classes.get("retreat", ()) else "100"
    pattern = Pattern(f"{R.SPEECH_OBLIGATION}:{code}", "verb", frozenset({comp.lemma_}), code)
    return Draft(Trigger(comp, pattern), ctx.lexicon.info(code), sources, targets,
                 status_of(cue), Provenance(entry=pattern.entry_id), quote_at(comp, quotes), 0.62)


def _obliged_group(ctx: RuleContext, comp: Token, index: args.MentionIndex,
                   sources: list[ActorRef]) -> list[ActorRef]:
    """"X said the government must ...": a group named only by what it is, of X's country (rule group-party)."""
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    party = whom.group_party(subj, index, sources, ctx) if subj is not None and ctx.on(R.GROUP_PARTY) else None
    return [party] if party is not None else []


def speaker_token(cue: Token) -> Token | None:
    """The subject of a speech verb; "the charity working in Chad said": the parser may make the
    participle the subject, and the speaker is the participle's own subject."""
    subj = args.subject_token(cue)
    if subj is not None and subj.tag_ in ("VBG", "VBN"):
        return next((c for c in subj.children if c.dep_ == "nsubj"), subj)
    return subj


def _addressees(cue: Token, comp: Token, index: args.MentionIndex) -> list[ActorRef]:
    """Whom an obligation with a pronoun subject is put on: the one spoken to ("told Iran that it must",
    "issued a reminder to Iraq that it must")."""
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in OWN_PRONOUNS:
        return []
    heads = (cue, comp.head) if comp.head.i != cue.i else (cue,)
    spoken_to = [c for h in heads for c in h.children if c.dep_ in ("dobj", "dative") or
                 (c.dep_ == "prep" and c.lower_ == "to")]
    objects = [g for c in spoken_to for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in ("dobj", "pobj")]
    return [a for o in objects for a in args.np_actors(o, index)]


def accusations(ctx: RuleContext, drafts: list[Draft], index: args.MentionIndex) -> list[Draft]:
    """"Israel said Hamas fired rockets at it": a violent or repressive act an actor says another camp
    did is also the speaker's accusation of that camp (ACCUSE, CAMEO 112, rule speech-accuse<...);
    the claimed act stays, and comes first (lower confidence for the accusation). As one side's word
    against another's, the act is ``claimed`` (by the speech verb) unless it already had a status."""
    out: list[Draft] = []
    for draft in drafts:
        accusation = _accusation(ctx, draft, index)
        if accusation is None:
            continue
        out.append(accusation)
        official = ctx.on(R.OFFICIAL_REPORT) and all(
            reported.is_official_reporter(s, ctx.is_state_name) for s in accusation.sources)
        if draft.status.status in ("actual", "historical") and not official:
            draft.status = Status("claimed", False, accusation.trigger.token.lower_)
    return out


def _accusation(ctx: RuleContext, draft: Draft, index: args.MentionIndex) -> Draft | None:
    quote = draft.quote
    if quote is None or quote.speaker is None:
        return None
    if not is_claimed_wrong(draft.info, draft.status.status, draft.status.negated):
        return None
    cue = _speech_verb(draft.trigger.token, ctx.lexicon.speech)
    if cue is None or cue_kind(cue.lemma_, ctx.lexicon.speech) not in ("say", "claim"):
        return None  # "denied that ...", "warned that ..." accuse nobody
    if not _what_was_said(draft.trigger.token, cue):
        return None
    speakers = _speakers(draft.trigger.token, index, ctx.lexicon.speech) or [quote.speaker]
    speakers = [s for s in speakers if can_accuse(s)]
    accused = accused_parties(speakers, draft.sources) if speakers else []
    if not accused:
        return None
    pattern = Pattern(f"{R.SPEECH_ACCUSE}:{ACCUSE_CODE}", "verb", frozenset({cue.lemma_.lower()}), ACCUSE_CODE)
    return Draft(Trigger(cue, pattern), ctx.lexicon.info(ACCUSE_CODE), speakers, accused,
                 status_of(cue), draft.with_rule(R.SPEECH_ACCUSE), quote, draft.confidence - 0.1)


def _speakers(tok: Token, index: args.MentionIndex, speech: dict[str, str]) -> list[ActorRef]:
    """All actors of the nearest speech verb above the trigger ("X and Y said they ..." -> X, Y)."""
    verb = _speech_verb(tok, speech)
    subj = args.subject_token(verb) if verb is not None else None
    return args.np_actors(subj, index) if subj is not None else []


def _speech_verb(tok: Token, speech: dict[str, str]) -> Token | None:
    """The nearest speech verb above the trigger ("Israel *said* rockets were fired")."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        if node.tag_.startswith("VB") and node.lemma_.lower() in speech:
            return node
    return None


def _what_was_said(tok: Token, cue: Token) -> bool:
    """The trigger is the reported clause itself ("said Hamas *fired* rockets", "said Hamas carried out the
    *attack*"), not a detail inside it ("said warrants were issued for men sought in the *slaying*")."""
    node = tok
    while node.i != cue.i:
        if _taking_part(node) or (node.dep_ == "pobj" and node.head.lower_ == "behind"):
            node = node.head.head  # "took part in the *killing*", "was behind the *attack*": what was done
            continue
        if node.dep_ not in REPORTED_DEPS and not purpose_clause(node):  # "used gangs to target X"
            return False
        node = node.head
    return True


def _taking_part(tok: Token) -> bool:
    """The act in "took part in X", "participated in X", "was involved in X", "engaged in X"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    verb = tok.head.head
    if verb.lemma_ == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    return verb.lemma_ in ("participate", "involve", "engage")


def drop_restated_accusations(events: list[EventMention]) -> list[EventMention]:
    """"Kenya accused Somalia of an incursion. The ministry said Somali soldiers fired on a post": when the
    article states the accusation outright, the one read off the reported details (speech-accuse) is the
    same accusation told again, and goes."""
    stated = {_country_pair(e) for e in events if e.type == "ACCUSE" and not _read_off(e)}
    return [e for e in events if not (_read_off(e) and _country_pair(e) in stated)]


def _read_off(event: EventMention) -> bool:
    """An accusation read off a reported act (the outermost rule is speech-accuse)."""
    return event.provenance.outermost() == R.SPEECH_ACCUSE


def _country_pair(event: EventMention) -> tuple[str | None, str | None]:
    target = event.target
    return (event.source.country or event.source.actor_id,
            (target.country or target.actor_id) if target is not None else None)


def quote_at(tok: Token, quotes: list[Quote]) -> Quote | None:
    """The innermost quote whose content holds the token (quotes are sorted by length)."""
    for quote in quotes:
        if quote.start <= tok.idx < quote.end:
            return quote
    return None
