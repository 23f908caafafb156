"""The article probe (tests/data/probe_articles.jsonl, 73 articles written for petrel) through the default
pipeline, coded as ingest codes them: the share of gold events found with their type, and with their
source, target and both sides right, must not fall under the figures measured when the carry-forward and
coreference rules were written (coref17); acts coded with a speaker as their doer must not rise.

Before those rules (main 6db5062): found .907, source .795, target .646, both sides .559, status .776,
4 acts by a speaker. After: found .944, source .925, target .689, both sides .671, status .807, none."""

from __future__ import annotations

import pytest

from tests.coding.article_probe_scoring import COMPONENTS, figures, load_probe, score_article

# measured on the default (combined) coder minus a margin of one to two events in a hundred and sixty;
# never lower one to make a change pass
FLOORS = {"found": 0.93, "source": 0.91, "target": 0.68, "sides": 0.66, "status": 0.79}
MAX_SPEAKER_DOERS = 1


@pytest.fixture(scope="module")
def probe_results(pipeline):
    return [score_article(pipeline, article) for article in load_probe()]


def test_the_probe_is_well_formed() -> None:
    articles = load_probe()
    assert 60 <= len(articles) <= 90 and len({a.id for a in articles}) == len(articles)
    assert {a.family for a in articles} == {"agentless", "definite", "pronoun", "quoted", "speaker", "second-day",
                                            "wrong-antecedent"}
    for a in articles:
        assert 3 <= len(a.sentences) <= 7 and " - " in a.sentences[0]  # a dateline
        assert all(0 <= e.sent < len(a.sentences) for e in a.events)


@pytest.mark.parametrize("component", COMPONENTS)
def test_the_probe_holds_its_floor(probe_results, component: str) -> None:
    measured = figures(probe_results)[component]
    missed = [f"{r.article.id}.{r.gold.sent}" for a in probe_results for r in a.events if not getattr(r, component)]
    assert measured >= FLOORS[component], (component, measured, missed)


def test_speakers_are_not_doers_on_the_probe(probe_results) -> None:
    doers = [d for a in probe_results for d in a.speaker_doers]
    assert len(doers) <= MAX_SPEAKER_DOERS, doers


def test_the_families_show_on_the_probe(probe_results) -> None:
    """Agentless follow-ups carry the doer; a pronoun doing something is not the speaker before it."""
    by_id = {f"{r.article.id}.{r.gold.sent}": r for a in probe_results for r in a.events}
    assert by_id["a02.1"].source and by_id["a09.1"].source and by_id["m01.1"].source  # "killed in the ambush"
    assert by_id["d12.2"].source  # "The shelling killed three patients, the ministry said"
    assert by_id["p04.1"].source  # "..., police said. They stormed the dormitories"
    assert by_id["d03.1"].source  # "The ministry accused Khartoum"
