"""Knowledge base: loading, alias normalisation, countries, agent nouns, roles, user overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petrel.config import Settings
from petrel.errors import ConfigError
from petrel.kb import KnowledgeBase, load_knowledge_base, normalise, package_kb_files
from petrel.kb.normalise import surface_variants
from petrel.kb.spelling import edit_distance, is_misspelling


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(Settings())


def test_package_files_are_found() -> None:
    names = {p.name for p in package_kb_files()}
    assert {"countries.yaml", "agents.yaml"} <= names


def test_knowledge_base_is_large_and_ids_unique(kb: KnowledgeBase) -> None:
    assert len(kb) >= 300
    assert len({a.id for a in kb}) == len(kb)


@pytest.mark.parametrize(("name", "actor_id"), [
    ("Kata'ib Hezbollah", "kataib-hezbollah"),
    ("Kata’ib Hizballah", "kataib-hezbollah"),
    ("Hezbollah Brigades", "kataib-hezbollah"),
    ("the Hezbollah Brigades", "kataib-hezbollah"),
    ("Asa’ib Ahl al-Haq", "asaib-ahl-al-haq"),
    ("Asaib Ahl al Haq", "asaib-ahl-al-haq"),
    ("League of the Righteous", "asaib-ahl-al-haq"),
    ("Hashd al-Shaabi", "popular-mobilization-forces"),
    ("Popular Mobilisation Units", "popular-mobilization-forces"),
    ("Daesh", "islamic-state"),
    ("ISIL", "islamic-state"),
    ("Ansar Allah", "houthis"),
    ("Hezbollah", "hezbollah"),
    ("QAIS AL-KHAZALI", "qais-al-khazali"),
])
def test_match_normalises_spelling(kb: KnowledgeBase, name: str, actor_id: str) -> None:
    actor = kb.match(name)
    assert actor is not None and actor.id == actor_id


def test_match_unknown_and_places(kb: KnowledgeBase) -> None:
    assert kb.match("Zorblax Liberation Front") is None
    assert kb.match("Ayn al-Asad") is None  # a place, not an actor
    assert kb.get("place:ayn-al-asad") is not None


def test_fuzzy_match_repairs_a_broken_transliteration(kb: KnowledgeBase) -> None:
    actor = kb.fuzzy_match("Hashd al -haabi")
    assert actor is not None and actor.id == "popular-mobilization-forces"
    assert kb.fuzzy_match("Hashd Completely Different") is None


@pytest.mark.parametrize(("term", "code", "kind"), [
    ("Iraq", "IRQ", "country"), ("Iraq's", "IRQ", "country"), ("Iraq’s", "IRQ", "country"),
    ("Iraqi", "IRQ", "demonym"), ("Baghdad", "IRQ", "capital"), ("U.S.", "USA", "country"),
    ("America", "USA", "country"), ("Washington", "USA", "capital"), ("Britain", "GBR", "country"),
    ("British", "GBR", "demonym"), ("Emirati", "ARE", "demonym"), ("DRC", "COD", "country"),
    ("South Korea", "KOR", "country"), ("Tehran", "IRN", "capital"), ("Lebanese", "LBN", "demonym"),
    ("Burkina Faso", "BFA", "country"), ("Kosovo", "XKX", "country"), ("Bhutan", "BTN", "country"),
])
def test_country_terms(kb: KnowledgeBase, term: str, code: str, kind: str) -> None:
    found = kb.country_term(term)
    assert found is not None and (found.code, found.kind) == (code, kind)
    assert kb.country_for_term(term) == code


@pytest.mark.parametrize(("term", "code"), [("Afganistan", "AFG"), ("Phillippines", "PHL"), ("Ethopia", "ETH")])
def test_fuzzy_country_names(kb: KnowledgeBase, term: str, code: str) -> None:
    assert kb.country_term(term) is None
    assert kb.fuzzy_country_term(term).code == code
    assert kb.fuzzy_country_term("Zzyzx") is None


@pytest.mark.parametrize("place", ["Lagos", "Portland", "Granada", "Nakuru", "Laois", "Almeria", "Montserrado",
                                   "Zambezia", "Bolivar"])
def test_place_names_are_not_misspelt_countries(kb: KnowledgeBase, place: str) -> None:
    assert kb.fuzzy_country_term(place) is None


@pytest.mark.parametrize(("typed", "name", "expected"), [
    ("ethopia", "ethiopia", True), ("lagos", "laos", False), ("portland", "poland", False),
    ("granada", "grenada", False), ("phillippines", "philippines", True), ("cuab", "cuba", True),
    ("iraq", "iraq", False), ("afghanistna", "afghanistan", True), ("chilly", "chile", False),
])
def test_is_misspelling(typed: str, name: str, expected: bool) -> None:
    assert is_misspelling(typed, name) is expected


@given(st.text(alphabet="abcdefgh", max_size=10), st.text(alphabet="abcdefgh", max_size=10))
def test_edit_distance_is_symmetric_and_bounded(a: str, b: str) -> None:
    assert edit_distance(a, b) == edit_distance(b, a)
    assert abs(len(a) - len(b)) <= edit_distance(a, b) <= max(len(a), len(b))


def test_regions_name_their_country(kb: KnowledgeBase) -> None:
    assert kb.country_term("Darfur").code == "SDN" and kb.country_term("Darfur").kind == "region"
    assert kb.country_for_term("Tigrayan") == "ETH"


def test_every_iso_country_has_a_name(kb: KnowledgeBase) -> None:
    assert len(kb.country_codes) >= 249
    assert kb.country_name("IRQ") == "Iraq"
    assert kb.country_for_term("not a country") is None


@pytest.mark.parametrize(("noun", "sector"), [
    ("troops", "MIL"), ("soldier", "MIL"), ("police", "COP"), ("officials", "GOV"), ("lawmakers", "LEG"),
    ("MPs", "LEG"), ("judge", "JUD"), ("militias", "REB"), ("insurgents", "REB"), ("party", "PTY"),
    ("protesters", "OPP"), ("civilians", "CVL"), ("journalists", "MED"),
])
def test_sectors_for_noun(kb: KnowledgeBase, noun: str, sector: str) -> None:
    assert sector in kb.sectors_for_noun(noun)


def test_sectors_for_noun_unknown(kb: KnowledgeBase) -> None:
    assert kb.sectors_for_noun("banana") == []
    assert kb.is_person_noun("president") and not kb.is_person_noun("troops")


def test_role_by_date(kb: KnowledgeBase) -> None:
    trump = kb["donald-trump"]
    assert kb.role_at(trump, date(2019, 1, 28)).title == "President"
    assert kb.role_at(trump, date(2022, 6, 1)) is None
    assert kb.role_at(trump, date(2025, 3, 1)).start == date(2025, 1, 20)
    assert kb.profile_at(kb["barham-salih"], date(2019, 2, 8)) == ("IRQ", ["GOV"])
    assert kb.role_at(kb["barham-salih"], date(2023, 1, 1)) is None


def test_current_role_without_date(kb: KnowledgeBase) -> None:
    role = kb.role_at(kb["qais-al-khazali"])
    assert role is not None and role.org == "asaib-ahl-al-haq"


def test_entity_ruler_patterns(kb: KnowledgeBase) -> None:
    exact = kb.entity_ruler_patterns(case_sensitive=True)
    lower = kb.entity_ruler_patterns(case_sensitive=False)
    assert {"label": "GPE", "pattern": "US", "id": "country:USA"} in exact
    assert not any(p["pattern"] == "us" for p in exact + lower)
    assert any(p["pattern"] == "asa’ib ahl al-haq" and p["id"] == "asaib-ahl-al-haq" for p in lower)
    assert all(p["pattern"] == p["pattern"].lower() for p in lower)


def test_user_yaml_extends_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n"
        "  - id: hezbollah\n    name: Hezbollah\n    country: LBN\n    sectors: [PTY]\n"
        "  - id: zorblax-front\n    name: Zorblax Liberation Front\n    aliases: [ZLF]\n    country: ATA\n"
        "    sectors: [REB]\n", encoding="utf-8")
    kb = load_knowledge_base(Settings(kb_paths=[user]))
    assert kb.match("ZLF").country == "ATA"
    assert kb["hezbollah"].sectors == ["PTY"]
    assert kb.match("Hizballah") is None  # the override replaced the entry with its aliases


@pytest.mark.parametrize(("content", "reason"), [
    ("actors: [unclosed", "not valid YAML"),
    ("- just\n- a list\n", "must hold a mapping"),
    ("actors:\n  - name: No Id\n", "needs an 'id'"),
    ("actors:\n  - {id: x, name: X, kind: spaceship}\n", "kind must be one of"),
    ("actors:\n  - {id: x, name: X, roles: [{title: Boss, start: 'last year'}]}\n", "not an ISO date"),
])
def test_bad_yaml_raises_config_error(tmp_path: Path, content: str, reason: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_knowledge_base(Settings(kb_paths=[bad]))
    assert reason in info.value.message and "bad.yaml" in info.value.message


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_knowledge_base(Settings(kb_paths=[tmp_path / "nope.yaml"]))


@given(st.text(alphabet="abcdefghij -'’", min_size=1, max_size=30))
def test_normalise_ignores_apostrophe_and_hyphen_style(name: str) -> None:
    assert normalise(name) == normalise(name.replace("’", "'").replace("-", " "))
    for variant in surface_variants(name):
        assert normalise(variant) == normalise(name) or "al" in name or "el" in name
