"""Villages and small towns below the gazetteer's floor, taken only in a country the story names."""

from __future__ import annotations

from .placing import placed


def test_a_small_town_of_a_named_country(stage, make_state):
    place = placed(stage, make_state, "Russian artillery shelled the town of Chasiv Yar on Monday, Ukraine's army said.",
                   "shelled")
    assert (place.name, place.country, place.admin1, place.precision) == ("Chasiv Yar", "UKR", "Donetsk", "city")


def test_a_small_town_of_a_country_the_story_never_names_is_not_taken(stage, make_state):
    place = placed(stage, make_state, "Artillery shelled Chasiv Yar on Monday.", "shelled")
    assert place is None or place.name != "Chasiv Yar"


def test_a_village_needs_its_country_named(gazetteer):
    assert gazetteer.village("Chasiv Yar", {"UKR": 1.0}).admin1 == "Donetsk"
    assert gazetteer.village("Chasiv Yar", {"RUS": 3.0, "UKR": 0.5}) is None


def test_a_far_homonym_leaves_room_for_the_village(gazetteer):
    # "Hays" is a Kansas town in the gazetteer; in a Yemen story it is the Yemeni village
    village = gazetteer.village("Hays", {"YEM": 2.0})
    assert village is not None and village.country == "YEM"
    assert gazetteer.village("Hays", {"USA": 1.0, "YEM": 2.0}) is None


def test_town_alternate_names_below_the_gazetteers_alternates_floor(gazetteer):
    # Pūnch (28,000 people) is in cities15000 without its alternate names, which start at 50,000
    assert not gazetteer.lookup("Poonch")
    assert gazetteer.village("Poonch", {"IND": 1.0}).country == "IND"


# the index, its packed form and its cache (a small geonames-like file of our own, so the real one is not read)

def _cities(tmp_path, name: str):
    import json

    record = {"geonameid": 1, "name": name, "countrycode": "UA", "admin1code": "14", "latitude": 48.6,
              "longitude": 37.8, "population": 900, "alternatenames": []}
    path = tmp_path / "cities500.json"
    path.write_text(json.dumps({"1": record}), encoding="utf-8")
    return path


def _use_file(monkeypatch, path):
    import json

    from petrel.geo import villages

    monkeypatch.setattr(villages, "geonames_file", lambda name: path)
    monkeypatch.setattr(villages, "read_cities", lambda size: list(json.loads(path.read_text(encoding="utf-8")).values()))


def test_packed_rows_answer_like_the_dict():
    from petrel.geo.packed import PackedRows

    index = {"b": ["x\t1", "y\t2"], "a": ["z\t3"], "ä": ["w\t4"], "empty": [], "aa": ["v\t5"]}
    packed = PackedRows.pack(index)
    restored = __import__("pickle").loads(__import__("pickle").dumps(packed))
    for rows in (packed, restored):
        assert len(rows) == 4  # the empty key is dropped: it answers like a missing key
        for key, value in index.items():
            assert rows.get(key, []) == value, key
        assert rows.get("c") is None and rows.get("", []) == []


def test_no_country_named_means_the_index_is_never_read(monkeypatch, tmp_path):
    from petrel.geo.villages import Villages

    _use_file(monkeypatch, _cities(tmp_path, "Oldvillage"))
    villages = Villages(15000, 50000, tmp_path / "cache")
    assert villages.find("oldvillage", {"UKR": 0.5}, {"UA": "UKR"}) is None
    assert villages._index is None and not (tmp_path / "cache").exists()
    assert villages.find("oldvillage", {"UKR": 1.0}, {"UA": "UKR"})[0] == "Oldvillage"
    assert villages._index is not None


def test_the_cached_index_is_rebuilt_when_its_source_file_changes(monkeypatch, tmp_path):
    import os

    from petrel.geo.villages import Villages

    source = _cities(tmp_path, "Oldvillage")
    _use_file(monkeypatch, source)
    cache = tmp_path / "cache"
    votes, alpha3 = {"UKR": 1.0}, {"UA": "UKR"}
    assert Villages(15000, 50000, cache).find("oldvillage", votes, alpha3)[0] == "Oldvillage"
    assert len(list(cache.glob("villages-*.pickle"))) == 1
    assert Villages(15000, 50000, cache).find("oldvillage", votes, alpha3)[0] == "Oldvillage"  # from the cache
    _cities(tmp_path, "Newvillage")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    fresh = Villages(15000, 50000, cache)
    assert fresh.find("newvillage", votes, alpha3)[0] == "Newvillage"
    assert fresh.find("oldvillage", votes, alpha3) is None
