"""The event model's argument spans as parties (rules ``span-party`` and ``span-target``).

The model's span head tags, in each sentence it reads, the words it takes for the event's source and
target (:class:`petrel.models.PartySpan`, character offsets in the article). A span is only a stretch of
text: it becomes a party when it covers the mention of an actor the actors stage resolved (a country, a
knowledge-base actor, an international body). Where several mentions overlap a span, the one sharing the
most characters with it wins (the longer mention on a tie: "the Sudanese army" over "Sudanese").
"""

from __future__ import annotations

from collections.abc import Sequence

from petrel.coding.mention_index import MentionIndex
from petrel.coding.pairs import same_actor
from petrel.models import ActorRef, PartySpan


def span_actor(spans: Sequence[PartySpan], index: MentionIndex, min_score: float,
               avoid: Sequence[ActorRef] = ()) -> ActorRef | None:
    """The actor the best span (score at least ``min_score``) covers, none of ``avoid``; None when no such
    span covers a resolved actor. "None of" is :func:`petrel.coding.pairs.same_actor`: the same
    knowledge-base actor, or the same country and sectors, so the army and the rebels of one country are
    two parties (much of real news is a state against its own people)."""
    for span in sorted(spans, key=lambda s: (-s.score, s.start)):
        if span.score < min_score:
            break
        found = index.mentions_over(span.start, span.end)
        found = [m for m in found if not any(same_actor(m.actor, a) or same_actor(a, m.actor) for a in avoid)]
        if found:
            best = max(found, key=lambda m: (min(m.end, span.end) - max(m.start, span.start), m.end - m.start,
                                             -m.start))
            return best.actor
    return None
