"""The rule registry: every rule the coder can emit is registered, provenance is typed, rules switch off."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from petrel.coding import EventStage, QuoteStage
from petrel.coding.rules import RULES, UnknownRule, check, fired, rule_text
from petrel.config import Settings
from petrel.models import ActorRef, Article
from petrel.state import DocState
from tests.coding.conftest import actor, find_mentions

CODING = Path(__file__).resolve().parents[2] / "src" / "petrel" / "coding"
ENTRY = re.compile(r"^(verb|noun|adj):\d+:.+$")

TABLE = {
    "Kenya": actor("Kenya", "KEN", "GOV"), "Somalia": actor("Somalia", "SOM", "GOV"),
    "the Kenyan army": actor("the Kenyan army", "KEN", "MIL"), "Ethiopia": actor("Ethiopia", "ETH", "GOV"),
    "Somali students": actor("Somali students", "SOM", "EDU"),
    "Nairobi": ActorRef(name="Nairobi", country="KEN", resolution="country"), "Omar": actor("Omar", "SOM", actor_id="omar"),
    "the Somali government": actor("the Somali government", "SOM", "GOV"),
    "the minister": actor("the minister", "KEN", "GOV"),
    "Kenyan": actor("Kenya", "KEN"), "Somali": actor("Somalia", "SOM"),
}
# written for this test: each exercises a fallback, intent or speech rule of the coder
SENTENCES = (
    "Kenya will impose sanctions on Somalia.",
    "Kenya threatened to censure Somalia.",
    "Kenya will pull its troops out of Somalia unless Somalia pays the debt.",
    "Kenya refused to send aid to Somalia.",
    "Kenya will provide aid to Somalia next year.",
    "Kenya said Somalia must withdraw its troops from the border.",
    "Kenya said Somalia shelled a border post on Monday.",
    "Two Kenyan soldiers were shot dead on Monday.",
    "Somali students protested on Monday.",
    "Omar was arrested in Nairobi on Sunday.",
    "The Somali government imposed a curfew on Friday.",
    "\"We will strike back,\" the minister said.",
)


def make_stage(nlp, lexicon, disabled=frozenset()):  # noqa: ANN001
    settings = Settings(disabled_rules=frozenset(disabled))
    quotes, events = QuoteStage(settings, lexicon=lexicon), EventStage(settings, None, lexicon=lexicon)

    def run(text: str) -> DocState:
        state = DocState(Article(doc_id="t", source="test", fmt="text", text=text), nlp(text))
        state.mentions.extend(find_mentions("t", text, TABLE))
        quotes(state)
        events(state)
        return state

    return run


@pytest.fixture(scope="module")
def events(nlp, lexicon):
    run = make_stage(nlp, lexicon)
    return {text: run(text).events for text in SENTENCES}


def test_every_rule_id_the_coder_emits_is_registered(events) -> None:
    seen: set[str] = set()
    for text, found in events.items():
        assert found, text
        for event in found:
            rules, entry = event.provenance.rules, event.provenance.entry
            assert all(r in RULES for r in rules), event.provenance
            assert [r.id for r in fired(event.provenance)] == list(rules)  # each with its registry entry
            assert ENTRY.match(entry) or entry.split(":", 1)[0] in RULES, entry
            assert event.rule == rule_text((*rules, entry), event.provenance.repeats), (event.rule, event.provenance)
            seen.update(rules)
    # the sentences above exercise these rules (a rule that stops firing shows here)
    assert {"announced", "threat", "ultimatum", "refusal", "intent", "unknown-agent", "speech-accuse",
            "protested-government", "local-authorities", "restricted-population"} <= seen, seen


def test_no_rule_is_named_by_a_string_in_the_coder() -> None:
    """Rule ids are the registry's constants: no coder module spells a rule prefix (the old
    ``"unknown-agent<"``) as a string literal to build or test a rule text."""
    ids = set(RULES)
    for path in CODING.glob("*.py"):
        if path.name == "rules.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                assert not any(value.startswith(f"{r}<") for r in ids), (path.name, value)
                assert not (value.endswith("<") and value[:-1] in ids), (path.name, value)


STRING_METHODS = frozenset({"startswith", "endswith", "split", "rsplit", "partition", "rpartition", "find", "index",
                            "removeprefix", "removesuffix"})
ID_WORDS = re.compile(r"\brule|entry_id|provenance|\.entry\b")


def string_reads_of_ids(source: str) -> list[str]:
    """Places in ``source`` that read a rule id, entry id or provenance as a string: a string method called on
    it (``e.rule.startswith("unknown-agent<")``) or a substring test (``"told-act" in e.rule``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STRING_METHODS \
                and ID_WORDS.search(ast.unparse(node.func.value)):
            found.append(ast.unparse(node))
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) \
                and re.search(r"\.(rule|entry_id)$", ast.unparse(node.comparators[-1])):
            found.append(ast.unparse(node))
    return found


def test_no_control_flow_reads_a_rule_id_as_a_string() -> None:
    """Anywhere in petrel and its tools, code asks the typed provenance (``provenance.applied(RULE)``,
    ``outermost()``), never the display string or an id's text."""
    root = CODING.parents[2]
    for path in [*(root / "src" / "petrel").rglob("*.py"), *(root / "tools").rglob("*.py")]:
        assert string_reads_of_ids(path.read_text(encoding="utf-8")) == [], path


def test_the_string_check_catches_what_it_is_for() -> None:
    assert string_reads_of_ids('if e.rule.startswith("unknown-agent<"): pass') != []
    assert string_reads_of_ids('ok = "told-act" in event.rule') != []
    assert string_reads_of_ids('kind = draft.provenance.entry.split(":")[0]') != []
    assert string_reads_of_ids('ok = event.provenance.applied("told-act")') == []


def test_rules_are_registered_once_with_a_doc() -> None:
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and rule.stage and rule.reads and rule.adds and rule.doc
    with pytest.raises(UnknownRule):
        check("no-such-rule")


def test_the_display_string_is_derived_from_the_typed_provenance() -> None:
    """One function writes it; an entry's own "<" or "+" needs no escaping because nothing parses it back."""
    assert rule_text(("speech-threat", "announced", "verb:190:attack"), [("noun:193:firefight",)]) \
        == "speech-threat<announced<verb:190:attack+noun:193:firefight"
    assert rule_text(("verb:190:engage +* in",)) == "verb:190:engage +* in"


@pytest.mark.parametrize(("rule", "text"), [
    ("unknown-agent", "Two Kenyan soldiers were shot dead on Monday."),
    ("announced", "Kenya will impose sanctions on Somalia."),
    ("speech-accuse", "Kenya said Somalia shelled a border post on Monday."),
    ("protested-government", "Somali students protested on Monday."),
])
def test_a_disabled_rule_is_not_applied(nlp, lexicon, events, rule: str, text: str) -> None:
    assert any(e.provenance.applied(rule) for e in events[text])
    without = make_stage(nlp, lexicon, {rule})(text).events
    assert not any(e.provenance.applied(rule) for e in without)
    assert [e.rule for e in without] != [e.rule for e in events[text]]


def test_a_disabled_lexicon_entry_does_not_fire(nlp, lexicon, events) -> None:
    text = "Kenya refused to send aid to Somalia."
    entries = {e.provenance.entry for e in events[text]}
    without = make_stage(nlp, lexicon, entries)(text).events
    assert not entries & {e.provenance.entry for e in without}
