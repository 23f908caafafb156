"""Who a noun phrase stands for, read from its words: titles, owners, appositives and prepositional phrases.

:class:`PhraseProfiles` answers, for one parsed document, the country, sectors and listed actor a phrase
names ("Iraqi President X" -> IRQ, GOV; "militias in Iraq" -> IRQ; "forces loyal to Y" -> Y's country),
as a :class:`Profile`; :class:`petrel.actors.resolver.DocResolver` turns profiles into
:class:`~petrel.models.ActorRef` records. It keeps no state of its own beyond the entities it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from petrel.actors.entities import EntityInfo
from petrel.actors.phrases import left_start
from petrel.actors.words import ALLEGIANCE_WORDS, GENERIC_HEADS, LEAD_VERBS, PP_OWNERS, qualifier_sectors
from petrel.kb import Actor, KnowledgeBase
from petrel.models import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(slots=True)
class Profile:
    """Who a phrase stands for before it becomes an :class:`ActorRef`."""

    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    actor: Actor | None = None
    ref: ActorRef | None = None  # an already resolved actor (a person met earlier)


def with_title(profile: Profile, title_sectors: list[str]) -> Profile:
    """``profile``, or its country with the title's sectors when it names neither an actor nor sectors."""
    if profile.actor is not None or profile.sectors:
        return profile
    return Profile(profile.country, list(title_sectors), profile.actor, profile.ref)


class PhraseProfiles:
    """Reads what the phrases of one document say about who they stand for (one instance per document).

    ``by_token`` (entity per token) and ``groups`` (entities per phrase head) are the resolver's own
    mappings, shared, not copied: the resolver fills and extends them as it walks the document.
    """

    def __init__(self, doc: Doc, kb: KnowledgeBase, when: date | None, by_token: dict[int, EntityInfo],
                 groups: dict[int, list[EntityInfo]]) -> None:
        self.doc, self.kb, self.when = doc, kb, when
        self.by_token, self.groups = by_token, groups

    def sectors(self, token: Token) -> list[str]:
        """Sectors of an agent noun, trying "rights group" and "military authorities" before "group" and
        "authorities", plus its qualifiers'."""
        left = self.doc[token.i - 1] if token.i > 0 else None
        if left is not None and left.dep_ in ("compound", "amod") and left.head.i == token.i:
            two = self.kb.sectors_for_noun(f"{left.lower_} {token.lemma_.lower()}")
            if two:
                return two
        own = self.kb.sectors_for_noun(token.lemma_) or self.kb.sectors_for_noun(token.text)
        return own + [s for s in qualifier_sectors(token) if s not in own] if own else own

    def kb_ref(self, actor: Actor) -> ActorRef:
        country, sectors = self.kb.profile_at(actor, self.when)
        return ActorRef(actor.name, actor.id, country, sectors, "kb")

    def title_profile(self, start: int, end: int, head: Token) -> Profile:
        """Country and sectors from a person's titles and appositives ("Iraqi President X", "X, who heads Y").
        A title without a country takes one from the right ("King Hassan of Morocco": GOV from the title,
        MAR from the "of" phrase)."""
        profile = self.span_profile(start, end)
        if profile.country is None and profile.actor is None:
            right = self.right_context(head)
            if right.country or right.sectors or right.actor or right.ref:
                profile = with_title(right, profile.sectors)
        return profile

    def span_profile(self, start: int, end: int) -> Profile:
        """What the words between ``start`` and ``end`` say: an organisation wins over a country and a title."""
        profile = Profile()
        for i in range(start, end):
            info = self.by_token.get(i)
            if info is not None and info.actor is not None and info.actor.kind != "person":
                country, sectors = self.kb.profile_at(info.actor, self.when)
                return Profile(country, sectors, info.actor)
            if info is not None and info.country is not None and profile.country is None:
                profile.country = info.country.code
            elif info is None and not profile.sectors:
                profile.sectors = self.sectors(self.doc[i])
        return profile

    def right_context(self, head: Token) -> Profile:
        """An appositive ("X, the leader of Y"), a clause ("X, who heads Y") or a country after "of" ("King
        Hassan of Morocco", "President Assad of Syria")."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                info = self.by_token.get(pobj.i) if pobj is not None else None
                if info is not None and info.country is not None and info.country.kind == "country":
                    return Profile(info.country.code, [])
            if child.dep_ == "appos":
                found = self.pp_profile(child) or self.span_profile(left_start(child), child.i + 1)
                if found.country or found.sectors:
                    return with_title(found, self.sectors(child))
            if child.dep_ == "relcl" and child.lemma_ in LEAD_VERBS:
                objects = [c for c in child.children if c.dep_ in ("dobj", "attr")]
                if objects:
                    return self.phrase_profile(objects[0])
        return Profile()

    def pp_profile(self, head: Token, depth: int = 0) -> Profile | None:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in PP_OWNERS):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and depth < 3:
                profile = self.phrase_profile(pobj, depth + 1)
                if profile.country or profile.actor or profile.ref:
                    return profile
        return None

    def phrase_profile(self, token: Token, depth: int = 0) -> Profile:
        info = self.by_token.get(token.i)
        if info is not None and info.actor is not None:
            if info.actor.kind == "person":
                return Profile(ref=self.kb_ref(info.actor))
            country, sectors = self.kb.profile_at(info.actor, self.when)
            return Profile(country, sectors, info.actor)
        if info is not None and info.country is not None:
            return Profile(info.country.code, [])
        mods = [m for m in self.groups.get(token.i, []) if m.actor is not None or m.country is not None]
        if mods:
            return self.phrase_profile(mods[0].root, depth)
        nested = self.pp_profile(token, depth) if depth < 3 else None
        if nested is not None:
            return Profile(nested.country, nested.sectors or self.sectors(token), nested.actor, nested.ref)
        return Profile(None, self.sectors(token))

    def allegiance(self, head: Token) -> tuple[Profile, int] | None:
        """"Militants loyal to Zarqawi", "forces allied with the government": the side's country, the phrase's
        own sectors, and where the phrase ends. Not the side itself: an allied militia is not the army."""
        for adj in (c for c in head.children if c.dep_ in ("amod", "acl") and c.lower_ in ALLEGIANCE_WORDS):
            for prep in (c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                profile = self.phrase_profile(pobj) if pobj is not None else Profile()
                country = profile.ref.country if profile.ref is not None else profile.country
                if country:
                    return Profile(country, []), prep.right_edge.i + 1
        return None

    def pp_end(self, head: Token) -> int:
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in PP_OWNERS]
        return max((p.right_edge.i + 1 for p in preps), default=head.i + 1)

    def agent_sectors(self, head: Token, start: int) -> list[str]:
        """The head noun's sectors, or a modifying agent noun's when the head is generic."""
        own = self.sectors(head)
        if head.lemma_.lower() not in GENERIC_HEADS:
            return own
        for i in range(start, head.i):
            if i not in self.by_token and self.sectors(self.doc[i]):
                return self.sectors(self.doc[i])
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            owner = next((g for g in prep.children if g.dep_ == "pobj"), None)  # "leaders of the union"
            if owner is not None and owner.i not in self.by_token and self.sectors(owner):
                return self.sectors(owner)
        return own

    def modifier_sectors(self, start: int, end: int) -> list[str]:
        return next((self.sectors(self.doc[i]) for i in range(start, end)
                     if i not in self.by_token and self.sectors(self.doc[i])), [])
