"""When each event happened, and how precisely we know it.

Public API::

    DateStage(settings)                      # pipeline stage: sets event.date / event.date_precision
    resolve_expression(text, anchor, *, tense="past") -> ResolvedDate | None
    find_expressions(text) -> list[TimeExpression]
    ResolvedDate(value, precision, first, last, ...)

The resolver is pure (no spaCy); the stage is a thin wrapper that picks the expression attached to
the event's trigger. See ``docs/time-and-place.md``.
"""

from petrel.dates.resolve import ResolvedDate, TimeExpression, find_expressions, resolve, resolve_expression
from petrel.dates.stage import DateStage

__all__ = ["DateStage", "ResolvedDate", "TimeExpression", "find_expressions", "resolve", "resolve_expression"]
