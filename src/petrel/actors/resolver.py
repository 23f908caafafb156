"""Actor mentions of one document: named actors, countries with agent nouns, and context actors.

The resolver walks the noun phrases that can name an actor. A phrase is found from its head noun:
an entity not modifying another noun ("Qais al-Khazali", "Iraq"), or an agent noun ("troops",
"officials", "spokesperson"). Its pre-modifiers say whose it is ("US troops", "Lebanon's prime minister",
"Hezbollah Brigades officials"); a prepositional phrase can too ("militias in Iraq", "the leader of ...").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from petrel.actors.context import DocumentActors, context_id
from petrel.actors.entities import EntityInfo, resolve_entities
from petrel.actors.found import Found, drop_nested_duplicates
from petrel.actors.phrases import NOMINAL_POS, SPEECH_VERBS, is_plural, is_subject, left_start, np_head
from petrel.actors.profiles import PhraseProfiles, Profile, with_title
from petrel.actors.words import (
    CAPITAL_SECTORS,
    GENERIC_HEADS,
    HOME_SECTORS,
    NOT_NAMES,
    PAST_MARKERS,
    PEOPLE_SECTORS,
    RESIDENCE_PREPS,
    clean_name,
    is_location,
    may_stand_alone,
    name_word,
    state_of_affairs,
    title_gender,
)
from petrel.kb import KnowledgeBase, normalise
from petrel.models import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class DocResolver:
    """Finds the actor mentions of one parsed document (one instance per document)."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, when: date | None) -> None:
        self.doc, self.kb, self.when = doc, kb, when
        self.entities = resolve_entities(doc, kb)
        self.by_token = {i: e for e in self.entities for i in range(e.span.start, e.span.end)}
        self.by_root_order = sorted(self.entities, key=lambda e: e.root_i)
        self.root_index = [e.root_i for e in self.by_root_order]
        self.groups: defaultdict[int, list[EntityInfo]] = defaultdict(list)
        self.known = DocumentActors()
        self.affiliations: dict[str, ActorRef] = {}
        self.genders: dict[str, str] = {}  # context persons whose title tells ("spokeswoman", "Mr")
        self.consumed: set[int] = set()
        self.profiles = PhraseProfiles(doc, kb, when, self.by_token, self.groups)

    def _entities_rooted_in(self, start: int, end: int) -> list[EntityInfo]:
        """Entities whose root token lies in ``[start, end)``."""
        lo, hi = bisect_left(self.root_index, start), bisect_left(self.root_index, end)
        return [self.by_root_order[k] for k in range(lo, hi)]

    def run(self) -> list[Found]:
        for info in self.entities:
            self.groups[self._np_head(info.root).i].append(info)
        heads = set(self.groups) | {t.i for t in self.doc if self._is_agent_head(t)}
        found: list[Found] = []
        for i in sorted(heads):
            if i not in self.consumed:
                found.extend(self._resolve_head(self.doc[i]))
        found.extend(self._lone_surnames(found))
        return drop_nested_duplicates(sorted(found, key=lambda f: f.start))

    def _lone_surnames(self, found: list[Found]) -> list[Found]:
        """Surnames the model did not tag ("Salih added ...") of persons named in full elsewhere, or of the
        one listed office holder of that name when the surname is the subject of a speech verb."""
        covered = {i for f in found for i in range(f.start, f.end)}
        extra: list[Found] = []
        for token in self.doc:
            if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            ref = self.known.by_surname(token.text)
            if ref is None and is_subject(token) and token.head.lemma_ in SPEECH_VERBS:
                ref = self._office_holder(token.text)  # "Salih told reporters": the president that day
            if ref is not None:
                extra.append(self._found(token.i, token.i + 1, token, ref, person=True))
        return extra

    # -- heads ------------------------------------------------------------------------------------------
    def _agentive(self, token: Token) -> bool:
        return token.pos_ in NOMINAL_POS and not state_of_affairs(token) and (
            bool(self.profiles.sectors(token)) or self.kb.is_person_noun(token.lemma_))

    def _np_head(self, token: Token) -> Token:
        return np_head(token, stop=self._agentive)

    def _is_agent_head(self, token: Token) -> bool:
        return self._agentive(token) and (token.dep_ == "poss" or np_head(token) is token)

    def _resolve_head(self, head: Token) -> list[Found]:
        own = self.by_token.get(head.i)
        if own is not None and own.root.i == head.i:
            return self._entity_head(head, own)
        if own is None and (self.profiles.sectors(head) or self.kb.is_person_noun(head.lemma_)):
            return self._agent_head(head)
        return self._other_head(head)

    def _found(self, start: int, end: int, head: Token, ref: ActorRef, *, person: bool = False) -> Found:
        person = person or (self.kb.is_person_noun(head.lemma_) and not is_plural(head))
        return Found(start, end, head.i, ref, person=person, plural=is_plural(head) and not person,
                     subject=is_subject(head), group=self._group_of(ref) if person else None)

    def _group_of(self, ref: ActorRef) -> ActorRef | None:
        """The organisation of a KB person's role on the day, or the one a context actor was titled by."""
        if ref.actor_id in self.affiliations:
            return self.affiliations[ref.actor_id]
        actor = self.kb.get(ref.actor_id) if ref.actor_id else None
        role = self.kb.role_at(actor, self.when) if actor is not None else None
        org = self.kb.get(role.org) if role is not None and role.org else None
        return self.profiles.kb_ref(org) if org is not None else None

    # -- a named entity heads the phrase ----------------------------------------------------------------
    def _entity_head(self, head: Token, own: EntityInfo) -> list[Found]:
        start = self._title_start(head, own)
        others = [m for m in self.groups.get(head.i, []) if m is not own]
        if own.is_person:
            ref = self._with_title_sectors(self._person_ref(own, head, start), own, start)
            return [self._found(start, own.span.end, head, ref, person=True)]
        resident = self._resident_people(head, own, others, start)
        if resident is not None:
            return [resident]
        owned = self._owned_institution(head, own, others)
        if owned is not None:
            ref, end = owned
            return [self._found(start, end, head, ref)]
        ref = self._org_or_country_ref(own, others)
        if not ref:
            return []
        home = own.actor is not None and bool(HOME_SECTORS.intersection(self._institution_sectors(own))) and not any(
            o.country is not None for o in others)  # "U.S. Congress" names its owner: not a bare "Congress"
        return [replace(self._found(start, own.span.end, head, ref), institution=home)]

    # -- peoples living elsewhere: "Bosnian Serbs", "the Albanians of southern Serbia" -----------------------
    def _resident_people(self, head: Token, own: EntityInfo, others: list[EntityInfo], start: int) -> Found | None:
        """A people named by a plural demonym whose phrase says it lives in another country takes that country,
        as CAMEO codes an ethnic group by residence: "Bosnian Serbs" (BIH), "Kosovo Albanians" (XKX), "the
        Albanians of southern Serbia" and "ethnic Albanians in Serbia" (SRB). "Turks from Bulgaria" says
        where they came from, not where they live, and keeps TUR. "Ethnic Albanians" alone is marked a
        ``minority``: in a story set in another country it lives there (see :func:`petrel.actors.focus.apply_focus`)."""
        if own.country is None or own.country.kind != "demonym" or not is_plural(head):
            return None
        end = own.span.end
        home = next((o.country.code for o in others if o.country is not None and o.country.kind != "region"
                     and o.span.start < own.span.start), None)
        if home is None:
            home, end = self._residence_pp(head, end)
        if home is None and any(c.lower_ == "ethnic" for c in head.children if c.i < head.i):
            ref = ActorRef(clean_name(self.doc[start:end].text), None, own.country.code, list(PEOPLE_SECTORS), "demonym")
            return replace(self._found(start, end, head, ref), minority=True)
        if home is None or home == own.country.code:
            return None
        name = clean_name(self.doc[start:end].text)
        return self._found(start, end, head, ActorRef(name, None, home, list(PEOPLE_SECTORS), "context"))

    def _residence_pp(self, head: Token, end: int) -> tuple[str | None, int]:
        """The country of an "in <place>" / "of <place>" after a people's name, and where the phrase ends."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in RESIDENCE_PREPS):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            profile = self.profiles.phrase_profile(pobj) if pobj is not None else None
            if profile is not None and profile.country and profile.actor is None and profile.ref is None:
                return profile.country, prep.right_edge.i + 1
        return None, end

    # -- generic institutions: "Peru's Congress", "the Supreme Court of Brazil", "the Congress in Lima" -----
    def _institution_sectors(self, own: EntityInfo) -> list[str]:
        """Sectors of an organisation named by a generic institution noun ("Congress", "Supreme Court"), else []."""
        if not own.is_org:
            return []
        return self.kb.sectors_for_noun(normalise(own.span.text))

    def _owned_institution(self, head: Token, own: EntityInfo, others: list[EntityInfo]) -> tuple[ActorRef, int] | None:
        """A generic institution whose phrase names its country: that country's institution, not the KB's.

        The owner is a possessive, demonym or country modifier ("Peru's", "Peruvian", "Kenya") or a
        prepositional owner ("of Brazil", "in Lima"). The listed actor ("Congress" = the US Congress) stays
        when the owner is its own country or when nothing in the phrase names one.
        """
        sectors = self._institution_sectors(own)
        if not sectors:
            return None
        end = own.span.end
        owner = next((o.country.code for o in others if o.country is not None and o.country.kind != "region"), None)
        if owner is None:
            pp = self.profiles.pp_profile(head)
            owner = pp.country if pp is not None and pp.actor is None and pp.ref is None else None
            end = max(end, self.profiles.pp_end(head)) if owner else end
        listed = self.kb.profile_at(own.actor, self.when)[0] if own.actor is not None else None
        if owner is None or owner == listed:
            return None
        name = clean_name(self.doc[left_start(head):end].text)
        return ActorRef(name, None, owner, sectors, "country"), end

    def _title_start(self, head: Token, own: EntityInfo) -> int:
        """Extend a name leftwards over its titles and owners ("Iraqi President", "Asa'ib Ahl al-Haq leader").

        A person's whole pre-modifier phrase describes them ("Israeli right-winger Ariel Sharon"); an
        organisation's stops at words that are not titles (a verb the parser folded in, "battle ISIS").
        """
        start = own.span.start
        floor = left_start(head)
        if own.is_person:
            return floor
        while start > floor and self._title_word(self.doc[start - 1]):
            start -= 1
        return start

    def _title_word(self, token: Token) -> bool:
        return (token.i in self.by_token or token.pos_ in ("DET", "ADJ", "PROPN", "NUM") or token.tag_ == "POS"
                or token.is_punct or token.is_space or bool(self.profiles.sectors(token))
                or self.kb.is_person_noun(token.lemma_))

    def _org_or_country_ref(self, own: EntityInfo, others: list[EntityInfo]) -> ActorRef | None:
        if own.actor is not None:
            return self.profiles.kb_ref(own.actor)
        if own.country is not None:
            # "talks in Paris": the place, not the French government, so no GOV sector
            governs = own.country.kind == "capital" and not is_location(own.root)
            sectors = CAPITAL_SECTORS if governs else []
            resolution = "demonym" if own.country.kind == "demonym" else "country"
            if own.country.kind == "demonym":
                sectors = PEOPLE_SECTORS  # "Palestinians", "the Lebanese": the people
            name = clean_name(own.span.text) if own.country.kind == "region" else self.kb.country_name(own.country.code)
            return ActorRef(name, None, own.country.code, list(sectors), resolution)
        return self._unknown_org_ref(own, others)

    def _unknown_org_ref(self, own: EntityInfo, others: list[EntityInfo]) -> ActorRef:
        name = clean_name(own.span.text)
        earlier = self.known.find(name)
        if earlier is not None:
            return earlier
        country = next((o.country.code for o in others if o.country), None)
        sectors = [] if country else self._institution_sectors(own)  # "the Supreme Court": JUD, owner unknown
        ref = ActorRef(name, context_id(name) if country else None, country, sectors,
                       "context" if country else "unresolved")
        self.known.remember(name, ref, person=False)
        return ref

    # -- persons ----------------------------------------------------------------------------------------
    def _person_ref(self, own: EntityInfo, head: Token, start: int, extra: Profile | None = None) -> ActorRef:
        if own.actor is not None:
            ref = self.profiles.kb_ref(own.actor)
            self.known.remember(own.span.text, ref, person=True)
            return ref
        name = clean_name(own.span.text)
        earlier = self.known.find(name) or self._office_holder(name)
        if earlier is not None:
            return earlier
        profile = extra or self.profiles.title_profile(start, own.span.start, head)
        ref = self._context_ref(name, profile)
        self.known.remember(name, ref, person=True)
        gender = title_gender(self.doc[start:own.span.start])
        if gender and ref.actor_id:
            self.genders[ref.actor_id] = gender
        if profile.actor is not None and ref.actor_id:
            self.affiliations[ref.actor_id] = self.profiles.kb_ref(profile.actor)
        return ref

    def _with_title_sectors(self, ref: ActorRef, own: EntityInfo, start: int) -> ActorRef:
        """A listed person with no office known for the day takes the one the text gives ("President Kagame"),
        unless it is past ("former President")."""
        if own.actor is None or self.kb.role_at(own.actor, self.when) is not None:
            return ref
        words = self.doc[start:own.span.start]
        if any(t.lower_.rstrip("-") in PAST_MARKERS for t in words):
            return ref
        sectors = next((self.profiles.sectors(t) for t in reversed(words) if t.i not in self.by_token and self.profiles.sectors(t)),
                       [])
        return replace(ref, sector=sectors) if sectors else ref

    def _office_holder(self, name: str) -> ActorRef | None:
        """A lone surname ("Kadhimi said") of the one listed person holding an office on the day."""
        if " " in name.strip() or self.when is None:
            return None
        holders = [a for a in self.kb.persons_by_surname(name) if self.kb.role_at(a, self.when) is not None]
        if len(holders) != 1:
            return None
        ref = self.profiles.kb_ref(holders[0])
        self.known.remember(holders[0].name, ref, person=True)
        return ref

    def _context_ref(self, name: str, profile: Profile) -> ActorRef:
        if profile.ref is not None:
            return profile.ref
        resolved = profile.country is not None or bool(profile.sectors)
        return ActorRef(name, context_id(name), profile.country, list(profile.sectors),
                        "context" if resolved else "unresolved")

    # -- an agent noun heads the phrase -----------------------------------------------------------------
    def _agent_head(self, head: Token) -> list[Found]:
        start, end = left_start(head), head.i + 1
        person_pobj = self._person_after_title(head)
        if person_pobj is not None:
            return [person_pobj]
        if head.dep_ == "appos" and head.head.i in self.by_token and self.by_token[head.head.i].is_person:
            return []  # "X, the leader of Y": X's mention carries the appositive's information
        if any(c.dep_ == "poss" and c.pos_ in ("PRON", "DET") for c in head.children):
            return []  # "his group", "whose forces": coreference resolves the owner
        mods = self._entities_rooted_in(start, head.i)
        refs = self._modifier_refs(head, mods)
        if not refs:
            pp = self.profiles.pp_profile(head)
            if pp is not None:
                end = max(end, self.profiles.pp_end(head))
                refs = [self._group_ref(head, start, end, pp)]
        if not refs:
            side = self.profiles.allegiance(head)
            if side is not None:
                profile, end = side
                refs = [self._group_ref(head, start, end, profile)]
        if not refs and may_stand_alone(head, self.kb):
            refs = [ActorRef(clean_name(self.doc[start:end].text), None, None, self.profiles.agent_sectors(head, start),
                             "unresolved")]
        return [self._found(start, end, head, ref) for ref in refs]

    def _modifier_refs(self, head: Token, mods: list[EntityInfo]) -> list[ActorRef]:
        """One reference per organisation or country among the pre-modifiers of an agent noun."""
        start = left_start(head)
        orgs = [m for m in mods if m.is_org]
        if orgs:
            return [self._org_or_country_ref(m, mods) or self._unknown_org_ref(m, mods) for m in orgs]
        persons = [m for m in mods if m.is_person]
        if persons:
            ref = self._person_ref(persons[0], persons[0].root, persons[0].span.start)
            return [self._group_ref(head, start, head.i + 1, Profile(ref.country, []))]
        countries = list(dict.fromkeys(m.country.code for m in mods if m.country))
        if len(countries) < 2:
            return [self._group_ref(head, start, head.i + 1, Profile(code, [])) for code in countries]
        terms = {m.country.code: m.span.text for m in mods if m.country}
        return [replace(self._group_ref(head, start, head.i + 1, Profile(code, [])), name=f"{terms[code]} {head.text}")
                for code in countries]

    def _group_ref(self, head: Token, start: int, end: int, profile: Profile) -> ActorRef:
        if profile.actor is not None:
            return self.profiles.kb_ref(profile.actor)
        if profile.ref is not None:
            return profile.ref
        generic = head.lemma_.lower() in GENERIC_HEADS
        sectors = (profile.sectors if generic and profile.sectors else None) or self.profiles.agent_sectors(head, start) \
            or profile.sectors
        name = clean_name(self.doc[start:end].text)
        return ActorRef(name, None, profile.country, sectors, "country" if profile.country else "unresolved")

    def _person_after_title(self, head: Token) -> Found | None:
        """"Spokesperson for Y X": the title heads the parse, the name sits in its prepositional object."""
        if not self.kb.is_person_noun(head.lemma_):
            return None
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "to")):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            info = self._person_at(pobj) if pobj is not None else None
            if info is not None:
                start = left_start(head)
                profile = with_title(self.profiles.span_profile(prep.i + 1, info.span.start), self.profiles.sectors(head))
                ref = self._person_ref(info, pobj, start, extra=profile)
                self.consumed.add(pobj.i)
                return self._found(start, info.span.end, head, ref, person=True)
        return None

    def _person_at(self, token: Token) -> EntityInfo | None:
        """The person named at ``token``: a PERSON entity, or two or more capitalised words the model missed."""
        info = self.by_token.get(token.i)
        if info is not None:
            return info if info.is_person and info.root.i == token.i else None
        start = token.i
        while start > 0 and start - 1 not in self.by_token and name_word(self.doc[start - 1]):
            start -= 1
        if token.i - start < 1 or not name_word(token):
            return None
        info = EntityInfo(self.doc[start:token.i + 1], unknown="person")
        self.by_token.update({i: info for i in range(start, token.i + 1)})
        return info

    # -- prepositional owners: "militias in Iraq", "the leader of Y" ------------------------------------

    # -- a phrase headed by another noun: "Iraqi soil", "Trump's comment" --------------------------------
    def _other_head(self, head: Token) -> list[Found]:
        found: list[Found] = []
        for info in self.groups.get(head.i, []):
            if info.root.dep_ == "poss" or info.actor is not None or info.unknown:
                found.extend(self._entity_head(info.root, info))
            elif info.country is not None and self._is_name(head, info):
                name = clean_name(self.doc[info.span.start:head.i + 1].text)
                ref = self.known.find(name) or ActorRef(name, context_id(name), info.country.code, [], "context")
                self.known.remember(name, ref, person=False)
                found.append(self._found(left_start(head), head.i + 1, head, ref))
            elif info.country is not None:
                sectors = self.profiles.modifier_sectors(left_start(head), head.i)  # "Israeli army bulldozers": MIL
                ref = ActorRef(clean_name(self.doc[left_start(head):head.i + 1].text), None, info.country.code, sectors,
                               "demonym" if info.country.kind == "demonym" else "country")
                found.append(self._found(left_start(head), head.i + 1, head, ref))
        return found

    def _is_name(self, head: Token, info: EntityInfo) -> bool:
        """"Sudanese Freedom Vanguard": a demonym then capitalised words, an organisation nobody listed."""
        words = self.doc[info.span.end:head.i + 1]
        return info.country.kind == "demonym" and len(words) >= 1 and head.lower_ not in NOT_NAMES and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in ("", "ORG", "NORP") for t in words)
