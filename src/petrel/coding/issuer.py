"""Who "we" is in a statement a government or an organisation issues (rule ``issuer``).

A press statement speaks in the first person plural outside any quote: "We condemn the arrests",
"We congratulate the president-elect", "We continue to call on the government to free the prisoners".
The speaker is the party that issues the statement, which such documents name before they say "we": in
their heading (the office and its city: "Washington, DC") or in their first sentence ("The United States
applauds ..."). A news story says "we" only inside quotes, whose speaker stands in already
(rule ``speech-speaker``); so the issuer is asked for only outside quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from petrel.coding import arguments as args
from petrel.coding.drafts import Parties
from petrel.coding.rules import ISSUER
from petrel.models import ActorMention, ActorRef

ISSUING_SECTORS = frozenset({"GOV", "MIL", "IGO", "LEG"})
WE = frozenset({"we"})
KEY = "*issuer"  # where the stage keeps the document's issuer in ``MentionIndex.said``: (offset, [actor])


def remember_issuer(index: args.MentionIndex, mentions: Sequence[ActorMention]) -> None:
    """Keep the document's issuing party (:func:`issuing_party`) on the index, for :func:`issued_by`."""
    found = issuing_party(mentions)
    if found is not None:
        index.said[KEY] = (found[0], [found[1]])


def issuing_party(mentions: Sequence[ActorMention]) -> tuple[int, ActorRef] | None:
    """The first party named in the document that can issue a statement (a country, its government,
    military or legislature, an international organisation), with its character offset."""
    for mention in sorted(mentions, key=lambda m: m.start):
        actor = mention.actor
        state = ISSUING_SECTORS & set(actor.sector) and (actor.country or actor.actor_id)
        if state or (actor.country and not actor.sector and not actor.actor_id):
            return mention.start, actor
    return None


def speaks_as_issuer(src_tok: Token | None) -> bool:
    """The clause's subject is "we" (not "we" inside a larger phrase)."""
    return src_tok is not None and src_tok.lower_ in WE and src_tok.tag_ == "PRP"


def issued_by(parties: Parties, index: args.MentionIndex, trigger: Token) -> Parties:
    """``parties`` with the document's issuer as the source when "we" is the subject of ``trigger``'s
    clause and the issuer was named before it; otherwise unchanged. Not through a coordination: in a
    long list the parser often joins an asked-for act to "we" ("we call on X to respect A, allow B and
    release C": "release" is no act of ours)."""
    tok = parties.source_token
    issuer = index.said.get(KEY)
    if parties.sources or issuer is None or tok is None or not speaks_as_issuer(tok) or issuer[0] >= tok.idx:
        return parties
    if _through_conjunct(trigger, tok):
        return parties
    actor = issuer[1][0]
    targets = [t for t in parties.targets if not args_same(t, actor)]
    return replace(parties, sources=[actor], targets=targets, rules=(ISSUER, *parties.rules))


def args_same(a: ActorRef, b: ActorRef) -> bool:
    """The same party: one id, or one country and sector set."""
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return a.country == b.country and sorted(a.sector) == sorted(b.sector)



def _through_conjunct(trigger: Token, subject: Token) -> bool:
    """Whether the way up from ``trigger`` to the verb whose subject is ``subject`` crosses a conjunct."""
    node = trigger
    for _ in range(8):
        if subject.head.i == node.i:
            return False
        if node.dep_ == "conj":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False

