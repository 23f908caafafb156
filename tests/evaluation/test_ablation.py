"""Per-rule ablation: a smoke test on a tiny PETR-2 file of invented sentences (the real sets are run by
``petrel eval --ablate``, outside the default suite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petrel.config import Settings
from petrel.errors import QueryError
from petrel.evaluation import readers
from petrel.evaluation.ablation import Ablation, Delta, _ParsedOnce, ablate, render_ablations

PETR2 = ('<Sentences>\n<Sentence id="A" category="T"/>\n'
         '<EventCoding eventcode="130" sourcecode="KENGOV" targetcode="SOMGOV" />\n'
         '<Text>Kenya will impose sanctions on Somalia.</Text>\n'
         '<Sentence id="B" category="T"/>\n<EventCoding eventcode="040" sourcecode="KEN" targetcode="SOM" />\n'
         '<Text>Kenya held talks with Somalia on Monday.</Text>\n')


@pytest.fixture()
def tiny(tmp_path: Path) -> Settings:
    path = tmp_path / "eval" / readers.PETR2_FILE
    path.parent.mkdir(parents=True)
    path.write_text(PETR2, encoding="utf-8")
    return Settings(eval_dir=tmp_path / "eval", event_model="rules")


def test_switching_a_rule_off_shows_what_it_adds(tiny, resources) -> None:
    [announced, repeat] = ablate(tiny, ["announced", "repeat"], sets=["petr2"], resources=resources)
    moved = {d.metric: d for d in announced.changed()}
    assert moved["petr2.root_dyad_recall"].full == 1.0 and moved["petr2.root_dyad_recall"].change == -0.5
    assert repeat.changed() == []  # nothing to fold in these sentences
    assert "announced: " in render_ablations([announced]) and "-0.500" in render_ablations([announced])


@pytest.mark.parametrize("rule_id", ["no-such-rule", "verb:999:no such entry", "event-model:190"])
def test_an_unknown_rule_is_refused(tiny, rule_id: str) -> None:
    """A lexicon entry id is looked up in the lexicon: a made-up one with an entry's prefix is refused too."""
    with pytest.raises(QueryError):
        ablate(tiny, [rule_id], sets=["petr2"])


def test_a_lexicon_entry_id_is_accepted(tiny, resources) -> None:
    [entry] = ablate(tiny, ["verb:130:threaten"], sets=["petr2"], resources=resources)
    assert entry.rule_id == "verb:130:threaten"


def test_deltas_and_the_parse_cache() -> None:
    assert Delta("m", 0.8, 0.7).change == -0.1 and Delta("m", None, 0.7).change is None
    assert render_ablations([Ablation("x", [Delta("m", 0.5, 0.5)])]) == "x: no metric moved"

    class Counting:
        calls = 0

        def pipe(self, texts, batch_size=32):
            Counting.calls += 1
            return [t.upper() for t in texts]

    cached = _ParsedOnce(Counting())
    assert list(cached.pipe(["a", "b"])) == ["A", "B"] and list(cached.pipe(["b", "a"])) == ["B", "A"]
    assert Counting.calls == 1  # the second call parsed nothing
