"""Short news snippets through the whole pipeline (lexicon rules): the headline forms a news feed shows are
coded like the sentence they stand for (sentences written for these tests; issue 15)."""

from __future__ import annotations

import pytest


def _main(events):  # noqa: ANN001, ANN202
    return max(events, key=lambda e: e.confidence) if events else None


@pytest.mark.parametrize(("text", "type_", "source"), [
    # shouted and Title Case headlines (clean: sentence case)
    ("KENYA DEPORTS TWO BRITISH ACTIVISTS", "COERCE", "KEN"),
    ("Bolivia Expels Argentine Ambassador Over Coup Remarks", "SANCTION", "BOL"),
    ("POLAND ACCUSES BELARUS OF PUSHING MIGRANTS ACROSS BORDER", "ACCUSE", "POL"),
    # headline grammar: a bare present-tense verb after a name (nlp: petrel_headlines)
    ("Chile sanctions Bolivian mining officials", "SANCTION", "CHL"),
    ("Nepal transfers 3 Indian fugitives to New Delhi", "COOPERATE", "NPL"),
    # abbreviations (kb agents: govt, pres.)
    ("Govt imposes curfew in Sri Lanka's Eastern Province", "COERCE", "LKA"),
    ("Nepal govt bans rallies in Kathmandu", "COERCE", "NPL"),
    # no article: a bare singular subject stands for "the opposition" (actors: coref)
    ("Opposition rejects election results in Zambia", "REJECT", "ZMB"),
])
def test_a_headline_form_is_coded_like_its_sentence(run, text: str, type_: str, source: str) -> None:
    main = _main(run(text))
    assert main is not None and main.type == type_ and main.source.country == source, run(text)


def test_a_source_tag_is_not_an_actor(run) -> None:
    for text in ("(AP) — Ecuador frees jailed former vice president", "Ecuador frees jailed former vice president - AP",
                 "Ecuador frees jailed former vice president | Reuters"):
        main = _main(run(text))
        assert main is not None and main.source.country == "ECU", (text, run(text))


def test_a_coordinated_headline_subject_gives_the_other_side_as_target(run) -> None:
    events = run("Peru, Ecuador sign river border accord")
    assert any({e.source.country, e.target and e.target.country} == {"PER", "ECU"} for e in events), events


@pytest.mark.parametrize("text", ["OIL PRICES CLIMB AS RED SEA SHIPPING RESUMES",
                                  "Markets Rally As Inflation Eases In Mexico"])
def test_a_shouted_or_title_case_non_event_stays_silent(run, text: str) -> None:
    assert not [e for e in run(text) if e.type in ("ASSAULT", "PROTEST")]
