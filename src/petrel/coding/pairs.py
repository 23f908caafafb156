"""From a draft to its event mentions: one :class:`EventMention` per source/target pair, with a stable id.

"X and Y met" is reciprocal (X->Y and Y->X); a reflexive act ("will defend itself") and an actor acting
on itself give no event; a missing target lowers the confidence, less for acts that often have none.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Span

from petrel.coding.drafts import MUTUAL_FIGHTS, Draft, actor_identity
from petrel.coding.lexicon import CameoInfo
from petrel.models import ActorRef, EventMention, Evidence

TARGETLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "RETREAT", "CONCEDE", "REJECT"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})


def pair_events(draft: Draft, sent: Span, doc_id: str) -> list[EventMention]:
    """One event per source/target pair; "X and Y met" is reciprocal: X->Y and Y->X."""
    out: list[EventMention] = []
    tok = draft.trigger.token
    if any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVES for c in tok.children):
        return out  # "will defend itself": nobody else is acted upon
    reciprocal = (not draft.targets and len(draft.sources) > 1 and draft.by_subject
                  and (draft.info.type in RECIPROCAL_TYPES or draft.trigger.token.lemma_.lower() in MUTUAL_FIGHTS))
    for source in draft.sources:
        targets: list[ActorRef | None] = (
            [s for s in draft.sources if s is not source] if reciprocal else list(draft.targets) or [None])
        if draft.info.type in TARGETLESS_TYPES and all(t is not None and same_actor(source, t) for t in targets):
            targets = [None]  # "lifted the emergency in its own province": no other party
        for target in targets:
            if same_actor(source, target):
                continue
            out.append(_event(draft, sent, doc_id, source, target))
    return out


def mention_id(doc_id: str, sent: Span, trigger_start: int, etype: str,
               source: ActorRef, target: ActorRef | None) -> str:
    """Stable id: same document, sentence, trigger, type and actors give the same id."""
    key = f"{doc_id}|{sent.start_char}|{sent.end_char}|{trigger_start}|{etype}|{actor_identity(source)}|{actor_identity(target)}"
    return hashlib.sha1(key.encode()).hexdigest()[:20]


def _event(draft: Draft, sent: Span, doc_id: str, source: ActorRef, target: ActorRef | None) -> EventMention:
    tok, info = draft.trigger.token, draft.info
    evidence = Evidence(doc_id, sent.text, sent.start_char, sent.end_char, tok.text, tok.idx)
    return EventMention(
        mention_id=mention_id(doc_id, sent, tok.idx, info.type, source, target),
        doc_id=doc_id, type=info.type, source=source, target=target, evidence=evidence,
        status=draft.status.status, mode=info.mode, context=[info.context] if info.context else [],
        cameo=info.code, quad_class=info.quad_class, goldstein=info.goldstein,
        provenance=draft.provenance,
        confidence=round(max(0.1, draft.confidence - _targetless_penalty(info, target)), 3),
        quote_id=draft.quote.quote_id if draft.quote is not None else None, negated=draft.status.negated)


def _targetless_penalty(info: CameoInfo, target: ActorRef | None) -> float:
    """A missing target lowers confidence, less for acts that often have none ("resigned", "protested")."""
    if target is not None:
        return 0.0
    return 0.06 if info.type in TARGETLESS_TYPES else 0.12


def same_actor(a: ActorRef, b: ActorRef | None) -> bool:
    if b is None:
        return False
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return a.country == b.country and sorted(a.sector) == sorted(b.sector) and (
        a.country is not None or a.name == b.name)
