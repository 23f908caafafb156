"""spaCy's ``attribute_ruler`` with its matching done by a per-token table: the same annotations, faster.

The English pipelines' attribute ruler maps each token's fine tag (and a few words and dependencies) to
its coarse part of speech, morphology and some lemmas through ~180 Matcher patterns. Matching them costs
about 15% of a bare ``nlp.pipe`` on news (docs/benchmarks.md: more than the tagger and the lemmatizer
together), because the Matcher tries every pattern at every token. Almost every pattern is one token
long and tests only the token's tag, lower-case form, dependency label and whether it is a space, so the
attributes a token gets depend on those four values alone: :class:`TableAttributeRuler` computes them once
per distinct combination (a few hundred in a corpus) and keeps them; the few longer patterns ("gon na",
"let 's") are tried at every token as the Matcher would.

The result is exactly the stock component's (tested on written text, token by token): matches are applied
in pattern order, later patterns overriding earlier ones, each through spaCy's own ``set_token_attrs``,
and every test reads the token as it was before any pattern applied (the Matcher matches first, then
sets). A pipeline whose ruler has a pattern this table cannot read (another attribute, an operator such
as ``OP`` or ``>=``) keeps the stock component: :func:`use_table_attribute_ruler` returns False.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["TableAttributeRuler", "compile_patterns", "use_table_attribute_ruler"]

FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a token test may read, in the table key's order
MAX_KEYS = 200_000  # token keys remembered per table (each a few hundred bytes)
Test = Callable[[tuple], bool]  # reads a token's key: (tag, lower, dep, is_space)


def _value_test(field: int, spec: Any) -> Test | None:
    """One attribute's test as the Matcher reads it (equality, IN, NOT_IN, REGEX), or None if unsupported."""
    if isinstance(spec, dict):
        if len(spec) != 1:
            return None
        op, value = next(iter(spec.items()))
        if op == "IN":
            values = frozenset(value)
            return lambda key: key[field] in values
        if op == "NOT_IN":
            values = frozenset(value)
            return lambda key: key[field] not in values
        if op == "REGEX" and field != 3:
            rx = re.compile(value)
            return lambda key: rx.search(key[field]) is not None
        return None
    if isinstance(spec, bool) != (field == 3):  # IS_SPACE takes a bool, the others a string
        return None
    return lambda key: key[field] == spec


def _token_test(spec: dict) -> Test | None:
    tests: list[Test] = []
    for name, value in spec.items():
        if name not in FIELDS:
            return None
        test = _value_test(FIELDS.index(name), value)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(t(key) for t in tests)


Entry = tuple[int, int, tuple[Test, ...]]  # (order, target index within the pattern, one test per token)


def compile_patterns(ruler: AttributeRuler) -> list[Entry] | None:
    """The ruler's patterns as tests on token keys, in the order they apply; None when one cannot be read."""
    entries: list[Entry] = []
    for order, item in enumerate(ruler.patterns):
        for pattern in item["patterns"]:
            tests = [_token_test(spec) for spec in pattern]
            if not tests or any(t is None for t in tests):
                return None
            index = item.get("index", 0)
            if not -len(tests) <= index < len(tests):
                return None
            entries.append((order, index % len(tests), tuple(tests)))  # type: ignore[arg-type]
    return entries


def _key(token: Token) -> tuple:
    return (token.tag_, token.lower_, token.dep_, token.is_space)


class TableAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` with the table lookup of the module docstring (same patterns,
    same annotations; everything else, saving and loading included, is the stock component's)."""

    def _compiled(self) -> _Table:
        table = getattr(self, "_petrel_table", None)
        if table is None or table.matcher is not self.matcher or table.size != len(self.attrs):
            # patterns added (or cleared) since: compile again
            table = self._petrel_table = _Table(self.matcher, len(self.attrs), compile_patterns(self))
        return table

    def __call__(self, doc: Doc) -> Doc:
        table = self._compiled()
        if not table.readable:  # a pattern added since that the table cannot read: the stock matching
            return super().__call__(doc)
        keys = [_key(token) for token in doc]
        orders = [table.single(key) for key in keys]
        if table.longer:
            firsts = [table.first(key) for key in keys]
            for start, entries in enumerate(firsts):
                for order, index, tests in entries:  # a longer pattern whose first token matches here
                    end = start + len(tests)
                    if end <= len(keys) and all(test(keys[start + k]) for k, test in enumerate(tests) if k):
                        target = start + index
                        orders[target] = tuple(sorted({*orders[target], order}))
        attrs = self.attrs
        for token, found in zip(doc, orders, strict=True):
            for order in found:
                set_token_attrs(token, attrs[order])
        return doc


class _Table:
    """The compiled patterns of one Matcher and what they gave each token key seen so far."""

    def __init__(self, matcher: object, size: int, entries: list[Entry] | None) -> None:
        self.matcher = matcher
        self.size = size
        self.readable = entries is not None
        entries = entries or []
        self.singles = [e for e in entries if len(e[2]) == 1]
        self.longer = [e for e in entries if len(e[2]) > 1]
        self._single: dict[tuple, tuple[int, ...]] = {}
        self._first: dict[tuple, tuple[Entry, ...]] = {}

    def single(self, key: tuple) -> tuple[int, ...]:
        """The orders of the one-token patterns that match a token with this key, ascending."""
        found = self._single.get(key)
        if found is None:
            if len(self._single) >= MAX_KEYS:  # a long run meets ever more word forms: start the table again
                self._single.clear()
            found = self._single[key] = tuple(sorted({order for order, _, (test,) in self.singles if test(key)}))
        return found

    def first(self, key: tuple) -> tuple[Entry, ...]:
        """The longer patterns whose first token matches a token with this key."""
        found = self._first.get(key)
        if found is None:
            if len(self._first) >= MAX_KEYS:
                self._first.clear()
            found = self._first[key] = tuple(e for e in self.longer if e[2][0](key))
        return found


def use_table_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the table lookup (in place: same component, name and patterns);
    False, leaving it as it is, when there is none or a pattern the table cannot read."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler or compile_patterns(ruler) is None:
        return False
    ruler.__class__ = TableAttributeRuler
    return True
