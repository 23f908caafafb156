"""The shipped knowledge base is consistent: codes, sectors, dates, references and names."""

from __future__ import annotations

import pycountry
import pytest

from petrel.config import Settings
from petrel.kb import KnowledgeBase, load_knowledge_base, normalise

NON_STATE_CODES = {"IGO", "NGO", "IMG", "XKX"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "IGO", "NGO", "MED", "CVL", "REL", "BUS", "EDU",
           "HLH", "HRI", "LAB", "ELI", "REF", "SPY", "RAD", "CRM", "AGR", "ENV", "UAF", "MNC"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(Settings())


def test_country_codes_are_iso_or_known_non_state_codes(kb: KnowledgeBase) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    codes = {c for a in kb for c in [a.country, *(r.country for r in a.roles)] if c}
    assert codes - iso <= NON_STATE_CODES


def test_sector_codes_are_known(kb: KnowledgeBase) -> None:
    used = {s for a in kb for s in [*a.sectors, *(x for r in a.roles for x in r.sectors)]}
    assert used <= SECTORS


def test_roles_end_after_they_start_and_point_to_known_organisations(kb: KnowledgeBase) -> None:
    for actor in kb:
        for role in actor.roles:
            assert role.start is None or role.end is None or role.start < role.end, (actor.id, role)
            assert role.org is None or role.org in kb, (actor.id, role.org)


def test_no_alias_names_two_actors(kb: KnowledgeBase) -> None:
    owners: dict[str, str] = {}
    clashes = []
    for actor in kb:
        for name in actor.names:
            key = normalise(name)
            if owners.setdefault(key, actor.id) != actor.id:
                clashes.append((name, owners[key], actor.id))
    assert clashes == []


def test_persons_have_gender_and_people_are_persons(kb: KnowledgeBase) -> None:
    persons = [a for a in kb if a.kind == "person"]
    assert len(persons) >= 250
    assert all(a.gender in ("m", "f", None) for a in persons)
    assert sum(a.gender is not None for a in persons) / len(persons) > 0.9


def test_no_actor_name_is_a_country_word(kb: KnowledgeBase) -> None:
    """An alias equal to a country term would make the entity rulers disagree."""
    assert [(a.id, n) for a in kb for n in a.names if kb.country_term(n) is not None] == []


def test_past_office_holders_get_the_office_of_the_day(kb: KnowledgeBase) -> None:
    from datetime import date

    fujimori = kb.match("Alberto Fujimori")
    assert kb.profile_at(fujimori, date(1995, 6, 1)) == ("PER", ["GOV"])
    assert kb.profile_at(fujimori, date(2005, 6, 1))[1] == []  # no office that day
    assert kb.profile_at(kb.match("Kofi Annan"), None) == ("IGO", ["IGO"])  # known for an international office
    assert kb.match("Javier Solana").roles[0].org == "nato"


def test_no_shipped_file_repeats_a_key() -> None:
    """YAML keeps the last of two equal keys: a second ``NGA:`` line under ``countries`` once dropped
    Nigeria's regions (Borno, Kaduna) and another Afghanistan's, China's, India's and Myanmar's."""
    from pathlib import Path

    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: Strict, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        repeated = {k for k in keys if keys.count(k) > 1}
        assert not repeated, (node.start_mark.name, sorted(repeated))
        return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    root = Path(__file__).resolve().parents[2] / "src" / "petrel" / "data" / "kb"
    for path in sorted(root.rglob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle, Loader=Strict)  # noqa: S506 - a SafeLoader subclass
