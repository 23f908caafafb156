"""Drafts: an event before it is split into source/target pairs, and the rules that weigh drafts of one
sentence against each other (:class:`petrel.coding.events.EventStage` runs them in this order):

- :func:`fold_protest_purposes`: what a protest's purpose clause demands, protests or rejects is the
  protest's target, not a second event;
- :func:`drop_charges`: what someone is punished, blamed or wanted for is the charge;
- :func:`drop_elaborations`: a participle of the same act tells how it was done;
- :func:`drop_repeats`: an act told again without its target is that act.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from petrel.coding.lexicon import CameoInfo
from petrel.coding.rules import CHARGE, ELABORATION, PROTEST_PURPOSE, PROTESTED_GOVERNMENT, REPEAT, check
from petrel.coding.speech import same_camp
from petrel.coding.status import Status
from petrel.coding.triggers import Trigger
from petrel.models import ActorRef, Provenance, Quote

MUTUAL_FIGHTS = frozenset({"fight", "clash", "battle", "skirmish", "trade", "exchange"})  # pairs.pair_events
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "conj"})
CHARGE_TYPES = frozenset({"COERCE", "ACCUSE", "SANCTION"})
SUSPICION_VERBS = frozenset({"seek", "want", "suspect", "accuse", "convict", "charge", "sentence", "implicate",
                             "blame", "indict", "arrest", "detain", "jail", "hold", "try"})
PROTEST_PURPOSES = frozenset({"REQUEST", "ACCUSE", "PROTEST", "REJECT"})  # what a protest is about


@dataclass(slots=True)
class Draft:
    """An event before it is split into source/target pairs."""

    trigger: Trigger
    info: CameoInfo
    sources: list[ActorRef]
    targets: list[ActorRef]
    status: Status
    # the registered rule ids that shaped it, outermost first, the lexicon entry id, and the provenance of
    # each act told again and folded into it (drop_repeats); the events it gives carry it on
    provenance: Provenance
    quote: Quote | None
    confidence: float
    by_subject: bool = True  # the sources are a clause subject ("X and Y held talks"), so may be reciprocal

    @property
    def rule(self) -> str:
        """The display string: ``a<b<entry`` (see :func:`petrel.models.rule_text`)."""
        return self.provenance.text

    def applied(self, rule_id: str) -> bool:
        """Whether the registered rule ``rule_id`` shaped this draft."""
        return self.provenance.applied(rule_id)

    def with_rule(self, rule_id: str) -> Provenance:
        """The provenance with ``rule_id`` (registered) put in front."""
        return self.provenance.with_rule(check(rule_id))

    def without_rule(self, rule_id: str) -> Provenance:
        return self.provenance.without_rule(rule_id)


@dataclass(slots=True)
class Parties:
    """Who did it and to whom, with the fallbacks that found them (registered rule ids, outermost first)."""

    sources: list[ActorRef]
    targets: list[ActorRef]
    source_token: Token | None
    agentless: bool
    rules: tuple[str, ...]
    by_subject: bool


def weigh(drafts: list[Draft], disabled: frozenset[str] = frozenset()) -> list[Draft]:
    """The drafting rules in their order, each unless switched off (``Settings.disabled_rules``):
    protest purposes and charges first, then elaborations and repeats."""
    if PROTEST_PURPOSE not in disabled:
        drafts = fold_protest_purposes(drafts)
    if CHARGE not in disabled:
        drafts = drop_charges(drafts)
    if ELABORATION not in disabled:
        drafts = drop_elaborations(drafts)
    return drop_repeats(drafts) if REPEAT not in disabled else drafts


def fold_protest_purposes(drafts: list[Draft]) -> list[Draft]:
    """"staged demonstrations to demand reforms", "blocked roads demanding ...", "began a fast to
    oppose the court's ruling", "sat in at the ministry to voice anger at the new tax": the
    demand, protest or disapproval is what the protest is about. The protest stays the event and takes the
    purpose's target; the purpose goes."""
    protests = {_protest_anchor(d.trigger.token): d for d in drafts if d.info.type == "PROTEST"}
    out: list[Draft] = []
    for draft in drafts:
        anchor = _purpose_anchor(draft.trigger.token, infinitive=draft.info.type != "REQUEST") \
            if draft.info.type in PROTEST_PURPOSES else None
        protest = protests.get(anchor) if anchor is not None else None
        if protest is None or protest is draft or (draft.info.type != "REQUEST" and not _same_sources(protest, draft)):
            out.append(draft)
        elif not protest.targets or protest.applied(PROTESTED_GOVERNMENT):
            named = [t for t in draft.targets if not any(same_camp(t, s) for s in protest.sources)]
            if named or not protest.targets:  # what the purpose names outranks the place's government
                protest.targets = named
                protest.provenance = protest.without_rule(PROTESTED_GOVERNMENT)
    return out


def _purpose_anchor(tok: Token, *, infinitive: bool) -> int | None:
    """The token a purpose clause hangs on: "to demand X" -> its head; "to show their disapproval" -> the
    head of the light verb whose object the trigger is. With ``infinitive``, only a "to" clause is a
    purpose ("blocking the road to the border" tells how they protested, not against whom)."""
    verb = _clause_verb(tok)
    if verb.dep_ not in PURPOSE_DEPS:
        return None
    if infinitive and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return verb.head.i


def drop_elaborations(drafts: list[Draft]) -> list[Draft]:
    """"protested in Cucuta, blocking the highway", "shelled the town, hitting a school": a participle
    clause of the same type and source tells how the act was done, not a second act; it goes. When the act
    itself names nobody acted upon ("a drone struck a car, killing two fighters"), the participle's
    targets are its targets: the people harmed, not the thing hit."""
    anchors = {(_protest_anchor(d.trigger.token), d.info.type): d for d in drafts}
    out: list[Draft] = []
    for draft in drafts:
        tok = draft.trigger.token
        head = anchors.get((tok.head.i, draft.info.type)) if tok.dep_ == "advcl" and tok.tag_ == "VBG" else None
        if head is None or head is draft or not _same_sources(head, draft):
            out.append(draft)
        elif not head.targets and draft.targets and not _mutual_fight(head):
            head.targets = list(draft.targets)
    return out


def _mutual_fight(draft: Draft) -> bool:
    """"X and Y traded fire, killing two civilians": two sides that fought fought each other, whoever their
    fire killed (see ``MUTUAL_FIGHTS``)."""
    return len(draft.sources) > 1 and draft.by_subject and draft.trigger.token.lemma_.lower() in MUTUAL_FIGHTS


def drop_repeats(drafts: list[Draft]) -> list[Draft]:
    """"engaged the peacekeepers in a firefight", "met Assad to discuss the war": an act of the same type
    and source with nobody acted upon, inside the clause of one that names its target, is that act told
    again; it goes, and the kept act takes its code when that says more ("a firefight": 193, not 190)."""
    out: list[Draft] = []
    for d in drafts:
        kept = next((o for o in drafts if o is not d and _repeats(d, o)), None)
        if kept is None:
            out.append(d)
        elif kept.info.code.endswith("0") and d.info.code[:2] == kept.info.code[:2] and d.info.code != kept.info.code:
            folded = (*kept.provenance.repeats, d.provenance.chain, *d.provenance.repeats)
            kept.info, kept.provenance = d.info, replace(kept.provenance, repeats=folded)
    return out


def _repeats(d: Draft, o: Draft) -> bool:
    tok, other = d.trigger.token, o.trigger.token
    if not _same_sources(o, d) or not (other in tok.ancestors or tok in other.ancestors):
        return False
    return not d.targets and bool(o.targets) and o.info.type == d.info.type


def _same_sources(a: Draft, b: Draft) -> bool:
    return {actor_identity(s) for s in a.sources} == {actor_identity(s) for s in b.sources}


def drop_charges(drafts: list[Draft]) -> list[Draft]:
    """"jailed X for helping militants", "criticized Y for attacking Z", "men sought in the slaying of ...":
    what someone is punished, blamed or wanted for is the charge, not an event of its own."""
    punishers = {d.trigger.token.i for d in drafts if d.info.type in CHARGE_TYPES}
    return [d for d in drafts if not _is_charge(d.trigger.token, punishers)]


def _is_charge(tok: Token, punishers: set[int]) -> bool:
    prep = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep":
        return False
    if prep.lower_ == "for" and prep.head.i in punishers:
        return True
    suspicion = prep.head  # "two men sought in the slaying", "a man wanted for the bombing"
    return suspicion.dep_ == "acl" and suspicion.tag_ == "VBN" and suspicion.lemma_ in SUSPICION_VERBS


def _protest_anchor(tok: Token) -> int:
    """The verb a protest hangs on (see :func:`_clause_verb`), as a token index."""
    return _clause_verb(tok).i


def _clause_verb(tok: Token) -> Token:
    """The verb an act's clause hangs on: its own token, or the light verb of an event noun ("held rallies")."""
    return tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok


def actor_identity(actor: ActorRef | None) -> tuple | None:
    """Identity for deduplication: the KB id, else country and sectors."""
    if actor is None:
        return None
    if actor.actor_id:
        return (actor.actor_id,)
    return (actor.country, tuple(sorted(actor.sector)))
