"""Per-rule ablation: what one rule of the coder adds on each sentence set.

For each rule id (:mod:`petrel.coding.rules`, or a lexicon entry id such as ``verb:172:bar``), the
scorecard is run once with that rule alone switched off (``Settings.disabled_rules``) and compared with the
scorecard of the full coder: a negative delta is what the rule contributes. Texts are parsed once and the
parses shared by every run (only the stages after the parser run again), so one rule costs a few seconds
per set rather than a full parse. ``petrel eval --ablate RULE_ID`` and ``python -m petrel.evaluation
--ablate RULE_ID`` call :func:`ablate`; neither is part of the default test suite.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from petrel.config import Settings
from petrel.evaluation.records import Scorecard
from petrel.evaluation.scorecard import check_eval_dir, run_scorecard

ABLATION_SETS = ("plover", "petr2", "conflibert", "seeds")


@dataclass(frozen=True, slots=True)
class Delta:
    """One metric with and without a rule."""

    metric: str
    full: float | None
    without: float | None

    @property
    def change(self) -> float | None:
        """``without - full``: negative when the rule helps."""
        return None if self.full is None or self.without is None else round(self.without - self.full, 4)


@dataclass(frozen=True, slots=True)
class Ablation:
    """What switching one rule off does to every metric."""

    rule_id: str
    deltas: list[Delta]

    def changed(self) -> list[Delta]:
        return [d for d in self.deltas if d.change]


class _ParsedOnce:
    """The spaCy pipeline, memoised by text: every ablation run reuses the first run's parses."""

    def __init__(self, nlp: object) -> None:
        self._nlp = nlp
        self._docs: dict[str, object] = {}

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterable[object]:
        texts = list(texts)
        new = [t for t in dict.fromkeys(texts) if t not in self._docs]
        if new:
            self._docs.update(zip(new, self._nlp.pipe(new, batch_size=batch_size), strict=True))
        return (self._docs[t] for t in texts)

    def __call__(self, text: str) -> object:
        return next(iter(self.pipe([text])))

    def __getattr__(self, name: str) -> object:
        return getattr(self._nlp, name)


def ablate(settings: Settings, rule_ids: Sequence[str], *, sets: Sequence[str] = ABLATION_SETS,
           resources: object | None = None) -> list[Ablation]:
    """One :class:`Ablation` per rule id, against the full coder on ``sets`` (no merge check).
    ``resources`` (a loaded :class:`petrel.pipeline.Resources`) is reused when given."""
    from petrel.coding.lexicon import Lexicon
    from petrel.coding.rules import RULES
    from petrel.errors import QueryError
    from petrel.pipeline import Pipeline, Resources

    entries = Lexicon.load().entries()  # a lexicon entry id is looked up, not told by its prefix
    unknown = [r for r in rule_ids if r not in RULES and r not in entries]
    if unknown:
        raise QueryError(f"unknown rule id {', '.join(unknown)}: see petrel.coding.rules.RULES or a lexicon entry id",
                         rules=unknown)
    check_eval_dir(settings)
    resources = resources or Resources.load(settings)
    resources = dataclasses.replace(resources, nlp=_ParsedOnce(resources.nlp))

    def card(disabled: frozenset[str]) -> Scorecard:
        chosen = settings.model_copy(update={"disabled_rules": frozenset(settings.disabled_rules) | disabled})
        return run_scorecard(chosen, sets=list(sets), merge_check=False, pipeline=Pipeline(chosen, resources=resources))

    full = _values(card(frozenset()))
    out: list[Ablation] = []
    for rule_id in rule_ids:
        without = _values(card(frozenset({rule_id})))
        out.append(Ablation(rule_id, [Delta(name, value, without.get(name)) for name, value in full.items()]))
    return out


def _values(card: Scorecard) -> dict[str, float | None]:
    return {m.name: m.value for r in card.results for m in r.metrics}


def render_ablations(ablations: Sequence[Ablation], *, all_metrics: bool = False) -> str:
    """Plain text: per rule, each metric that moved (``full -> without  (delta)``)."""
    lines: list[str] = []
    for ab in ablations:
        rows = ab.deltas if all_metrics else ab.changed()
        lines.append(f"{ab.rule_id}: {'no metric moved' if not rows else f'{len(rows)} metrics moved'}")
        for d in rows:
            full = "-" if d.full is None else f"{d.full:.3f}"
            without = "-" if d.without is None else f"{d.without:.3f}"
            change = "" if d.change is None else f"{d.change:+.4f}"
            lines.append(f"  {d.metric:40s} {full:>6s} -> {without:>6s}  {change}")
    return "\n".join(lines)
