"""What the event coder's rules read of the events stage: the lexicon, which rules are on, whether parties
known only by their sector count, and the knowledge base's country names.

:class:`petrel.coding.events.EventStage` builds one :class:`RuleContext` from its settings and hands it to
the rule modules (:mod:`petrel.coding.parties`, :mod:`petrel.coding.speech_drafts`,
:mod:`petrel.coding.intent`), so that they need not import the stage that runs them.
"""

from __future__ import annotations

from dataclasses import dataclass

from petrel.coding import rules as R
from petrel.coding.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class RuleContext:
    """The stage's read-only state the coding rules use."""

    lexicon: Lexicon
    kb: object | None
    sector_actors: bool  # also parties known only by their sector ("the rebels")
    disabled: frozenset[str]  # Settings.disabled_rules

    def on(self, rule_id: str) -> bool:
        """Whether the registered rule ``rule_id`` applies (not in ``Settings.disabled_rules``)."""
        return R.check(rule_id) not in self.disabled

    def is_country_name(self, name: str) -> bool:
        """"Lebanon", "the United States": a country's own name (not a town resolved to its country)."""
        if self.kb is None:
            return True
        term = self.kb.country_term(name)
        return term is not None and term.kind == "country"

    def is_state_name(self, name: str) -> bool:
        """"Iran", "Moscow", "the United States": a state named by its country or capital (no knowledge
        base: none is)."""
        if self.kb is None:
            return False
        term = self.kb.country_term(name)
        return term is not None and term.kind in ("country", "capital")

    def country_name(self, code: str) -> str:
        """"Nigeria" for "NGA" (the code itself without a knowledge base)."""
        return self.kb.country_name(code) if self.kb is not None else code
