"""The compiled-resource cache: reused when nothing changed, rebuilt when a source file changed."""

from __future__ import annotations

from pathlib import Path

from petrel.cache import cache_key, cached
from petrel.config import Settings
from petrel.geo import Gazetteer
from petrel.kb import load_knowledge_base

ACTOR = """actors:
  - id: fast12-test-militia
    name: {name}
    kind: organisation
    country: IRQ
    sectors: [REB]
"""


def test_cached_builds_once_then_reads(tmp_path: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"value": 42}

    assert cached("thing", "k1", build, tmp_path) == {"value": 42}
    assert cached("thing", "k1", build, tmp_path) == {"value": 42}
    assert len(calls) == 1
    assert cached("thing", "k2", build, tmp_path) == {"value": 42}  # another key: built again
    assert len(calls) == 2


def test_no_cache_dir_always_builds(tmp_path: Path) -> None:
    calls: list[int] = []
    for _ in range(2):
        cached("thing", "k", lambda: calls.append(1), None)
    assert len(calls) == 2
    assert not list(tmp_path.iterdir())


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "thing-k.pickle").write_bytes(b"not a pickle")
    assert cached("thing", "k", lambda: "fresh", tmp_path) == "fresh"
    assert cached("thing", "k", lambda: "other", tmp_path) == "fresh"  # rewritten, then read


def test_key_follows_file_content(tmp_path: Path) -> None:
    source = tmp_path / "a.yaml"
    source.write_text("x: 1\n", encoding="utf-8")
    first = cache_key("kb", [source])
    assert cache_key("kb", [source]) == first
    source.write_text("x: 2\n", encoding="utf-8")
    assert cache_key("kb", [source]) != first


def test_changing_a_kb_yaml_invalidates_the_cached_knowledge_base(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(ACTOR.format(name="Brigade of the Old Name"), encoding="utf-8")
    settings = Settings(kb_paths=[user], cache_dir=tmp_path / "cache")
    kb = load_knowledge_base(settings)
    assert kb.match("Brigade of the Old Name").id == "fast12-test-militia"
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1
    assert load_knowledge_base(settings).match("Brigade of the Old Name") is not None  # from the cache
    user.write_text(ACTOR.format(name="Brigade of the New Name"), encoding="utf-8")
    kb = load_knowledge_base(settings)
    assert kb.match("Brigade of the New Name").id == "fast12-test-militia"
    assert kb.match("Brigade of the Old Name") is None


def test_changing_the_gazetteer_supplement_changes_its_key(tmp_path: Path) -> None:
    from petrel.geo.sources import data_path

    supplement = tmp_path / "supplement.yaml"
    supplement.write_text(data_path("supplement.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    gaz = Gazetteer(supplement_path=supplement, cache_dir=tmp_path)
    first = gaz._cache_key()
    assert Gazetteer(supplement_path=supplement, cache_dir=tmp_path)._cache_key() == first
    assert Gazetteer(city_set=5000, supplement_path=supplement, cache_dir=tmp_path)._cache_key() != first
    supplement.write_text(supplement.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert gaz._cache_key() != first


def test_cached_gazetteer_answers_like_a_built_one(tmp_path: Path) -> None:
    built = Gazetteer().warm()
    Gazetteer(cache_dir=tmp_path).warm()  # builds and stores
    restored = Gazetteer(cache_dir=tmp_path).warm()  # reads
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1
    assert len(restored) == len(built)
    for name in ("Mosul", "Baghdad", "Paris", "Iraqi"):
        assert restored.country_of(name) == built.country_of(name), name
    # the packed form (petrel.geo.packed) gives every key's candidates in the same order, with the same penalties
    keys = [*list(built._index)[::40], "northern iraq", "georgia", "al anbar", "no such place at all"]
    for key in keys:
        assert [(e, p) for e, p in restored.candidates(key)] == [(e, p) for e, p in built.candidates(key)], key
    for code in ("IRQ", "USA", "XKX", "FRA"):
        assert restored.country(code) == built.country(code)
        assert restored.capital_of(code) == built.capital_of(code)
    text = "Clashes in northern Iraq near the Ayn al-Asad airbase and in Gaza"
    assert restored.find_phrases(text) == built.find_phrases(text) != []
    assert restored.candidates("mosul")[0][0] is restored.candidates("mosul")[0][0]  # decoded once, then kept
    packed = dict(restored._index.items())  # the full scan (near-spellings of a province) sees every key
    assert len(packed) == sum(1 for v in built._index.values() if v)
    assert all(packed[k] == dict(built._index[k]) for k in keys[:-1] if k in packed)


def test_editing_the_gazetteer_supplement_rebuilds_the_cached_gazetteer(tmp_path: Path) -> None:
    from petrel.geo.sources import data_path

    supplement = tmp_path / "supplement.yaml"
    original = data_path("supplement.yaml").read_text(encoding="utf-8")
    place = "\nplaces:\n  - {{name: {name}, country: IRQ, precision: point, lat: 33.1, lon: 43.2, kind: base}}\n"
    assert "\nplaces:\n" in original
    supplement.write_text(original.replace("\nplaces:\n", place.format(name="Camp Oldname"), 1), encoding="utf-8")
    cache = tmp_path / "cache"
    assert Gazetteer(supplement_path=supplement, cache_dir=cache).country_of("Camp Oldname") == "IRQ"
    assert Gazetteer(supplement_path=supplement, cache_dir=cache).country_of("Camp Oldname") == "IRQ"  # cached
    supplement.write_text(original.replace("\nplaces:\n", place.format(name="Camp Newname"), 1), encoding="utf-8")
    fresh = Gazetteer(supplement_path=supplement, cache_dir=cache)
    assert fresh.country_of("Camp Newname") == "IRQ"
    assert fresh.country_of("Camp Oldname") is None
