"""Token -> actor mentions: :class:`MentionIndex` maps each token to the actor mentions the actors stage
found over it (by character offsets), and keeps what the coder remembers of the story so far (recent
doers, what was said, the events told). :func:`resolvable` says which actors can be coded.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from petrel.models import ActorMention, ActorRef

INTERNATIONAL = frozenset({"IGO", "NGO", "MNC"})


def resolvable(actor: ActorRef) -> bool:
    """An actor we can code: a country, a knowledge-base id or an international sector (IGO, NGO);
    "militias" alone is not enough."""
    return bool(actor.country or actor.actor_id or INTERNATIONAL & set(actor.sector))


class MentionIndex:
    """Token index -> actor mentions over that token, for one document."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention]) -> None:
        self.lenient = False  # also actors known only by their sector ("the rebels", "opposition groups")
        self.recent: dict[str, tuple[int, list[ActorRef]]] = {}  # type -> (sentence start, doers): the story so far
        self.said: dict[str, tuple[int, list[ActorRef]]] = {}  # type -> (sentence start, doers), this sentence too
        self.told: list = []  # the story's events so far (petrel.coding.story.Told), in text order
        self._by_token: dict[int, list[ActorMention]] = {}
        self._mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._ordered = sorted(((m.start, m.actor) for m in mentions), key=lambda pair: pair[0])
        self._countries = sorted(((m.start, m.actor) for m in mentions
                                  if m.actor.country and not m.actor.sector and not m.actor.actor_id),
                                 key=lambda pair: pair[0])
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self._by_token.setdefault(tok.i, []).append(mention)

    def at(self, tok: Token) -> list[ActorMention]:
        return self._by_token.get(tok.i, [])

    def actors_at(self, tok: Token) -> list[ActorRef]:
        """Actors over a token; where mentions nest, the longest one speaks for the token."""
        found = self.at(tok)
        if len(found) > 1:
            longest = max(m.end - m.start for m in found)
            outer = [m for m in found if m.end - m.start == longest]
            found = outer if all(m.start <= o.start and o.end <= m.end for o in found for m in outer) else found
        return [m.actor for m in found if resolvable(m.actor) or (self.lenient and m.actor.sector)]

    def lenient_view(self) -> MentionIndex:
        """The same index, accepting sector-only actors: for a source nothing better names."""
        view = copy.copy(self)
        view.lenient = True
        return view

    def country_before(self, offset: int) -> ActorRef | None:
        """The last country named before ``offset`` ("the country" in the next sentence)."""
        found = None
        for start, actor in self._countries:
            if start >= offset:
                break
            found = actor
        return found

    def mentions_over(self, start: int, end: int) -> list[ActorMention]:
        """The mentions of a codable actor (:func:`resolvable`) that overlap the characters ``start:end``."""
        return [m for m in self._mentions if m.start < end and start < m.end and resolvable(m.actor)]

    def named(self) -> list[tuple[int, ActorRef]]:
        """Every actor mention of the document as (start offset, actor), in text order."""
        return list(self._ordered)

    def named_before(self, offset: int, exclude: Sequence[ActorRef]) -> ActorRef | None:
        """The last named actor (one with a knowledge-base id) before ``offset`` that is not excluded."""
        keys = {actor_key(a) for a in exclude}
        for start, actor in reversed(self._ordered):
            if start < offset and actor.actor_id and actor_key(actor) not in keys:
                return actor
        return None

    def __bool__(self) -> bool:
        return bool(self._by_token)


def actor_key(actor: ActorRef) -> tuple[str | None, str | None, tuple[str, ...], str]:
    return actor.actor_id, actor.country, tuple(actor.sector), actor.name if not actor.actor_id else ""


def dedup_actors(actors: Iterable[ActorRef]) -> list[ActorRef]:
    seen: set[tuple[str | None, str | None, tuple[str, ...], str]] = set()
    out: list[ActorRef] = []
    for actor in actors:
        key = actor_key(actor)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out
