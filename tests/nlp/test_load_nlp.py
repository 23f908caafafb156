"""The pipeline petrel parses with: rulers placed before ner, names tagged with their actor ids."""

from __future__ import annotations

import pytest

from petrel.config import Settings
from petrel.errors import ConfigError
from petrel.nlp import RULER_NAMES, load_nlp


def test_rulers_run_before_ner(nlp) -> None:
    names = nlp.pipe_names
    assert all(names.index(r) < names.index("ner") for r in RULER_NAMES)


@pytest.mark.parametrize(("text", "span", "ent_id"), [
    ("Fighters of Asa’ib Ahl al-Haq paraded in Basra.", "Asa’ib Ahl al-Haq", "asaib-ahl-al-haq"),
    ("The Hezbollah Brigades denied the claim.", "Hezbollah Brigades", "kataib-hezbollah"),
    ("A statement from Kataib Hezbollah followed.", "Kataib Hezbollah", "kataib-hezbollah"),
    ("Commanders of the Hashd al-Shaabi met on Sunday.", "Hashd al-Shaabi", "popular-mobilization-forces"),
    ("Drones circled over Ain al-Asad before dawn.", "Ain al-Asad", "place:ayn-al-asad"),
    ("Rockets struck near the Ayn Al-Asad airbase.", "Ayn Al-Asad airbase", "place:ayn-al-asad"),
])
def test_kb_names_become_entities(nlp, text: str, span: str, ent_id: str) -> None:
    ents = {e.text: e.ent_id_ for e in nlp(text).ents}
    assert ents.get(span) == ent_id


def test_one_word_names_are_case_sensitive(nlp) -> None:
    doc = nlp("Let us talk about the US and Chad, said the man named chad.")
    ids = [(e.text, e.ent_id_) for e in doc.ents]
    assert ("US", "country:USA") in ids and ("Chad", "country:TCD") in ids
    assert not any(text in ("us", "chad") for text, _ in ids)


def test_missing_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        load_nlp(Settings(spacy_model="no_such_model_xyz"))
