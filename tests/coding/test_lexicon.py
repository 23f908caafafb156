"""The lexicon loads, covers every PLOVER type, and its patterns compile as documented."""

from __future__ import annotations

import pytest

from petrel.coding.lexicon import CameoInfo, Lexicon, compile_pattern
from petrel.errors import ConfigError
from petrel.models import PLOVER_TYPES


def test_every_plover_type_has_verb_and_noun_entries(lexicon: Lexicon) -> None:
    types = {(p.pos, lexicon.info(p.code).type) for pats in lexicon.patterns.values() for p in pats}
    for ptype in PLOVER_TYPES:
        assert ("verb", ptype) in types, ptype
    assert len({t for pos, t in types if pos == "noun"}) >= 14


def test_lexicon_has_several_hundred_entries(lexicon: Lexicon) -> None:
    assert len(lexicon) >= 500


@pytest.mark.parametrize(("code", "quad"), [("040", 1), ("057", 1), ("070", 2), ("0874", 2), ("111", 3),
                                            ("138", 3), ("145", 4), ("173", 4), ("190", 4)])
def test_quad_class_follows_the_cameo_root(lexicon: Lexicon, code: str, quad: int) -> None:
    assert lexicon.info(code).quad_class == quad


def test_goldstein_sign_matches_cooperation_or_conflict(lexicon: Lexicon) -> None:
    for info in lexicon.cameo.values():
        if info.quad_class == 2:
            assert info.goldstein > 0, info.code
        if info.quad_class == 4:
            assert info.goldstein < 0, info.code


def test_every_code_maps_to_a_plover_type(lexicon: Lexicon) -> None:
    assert {i.type for i in lexicon.cameo.values()} <= set(PLOVER_TYPES)


def test_pattern_syntax() -> None:
    classes = {"violence": ["attack", "strike"]}
    pat = compile_pattern("threaten >@violence", "verb", "138", classes)
    assert pat.heads == {"threaten"} and pat.comp == {"attack", "strike"}
    pat = compile_pattern("call for:withdrawal|pullout", "verb", "1056", classes)
    assert pat.preps == (("for", frozenset({"withdrawal", "pullout"})),)
    pat = compile_pattern("! allow", "verb", "124", classes)
    assert pat.neg and pat.heads == {"allow"}
    pat = compile_pattern("military +aid|assistance", "noun", "072", classes)
    assert pat.heads == {"aid", "assistance"} and pat.objects == {"military"}
    pat = compile_pattern({"p": "receive +aid", "flip": True}, "verb", "070", classes)
    assert pat.flip and pat.objects == {"aid"}
    assert compile_pattern("warn that", "verb", "130", classes).that
    pat = compile_pattern("release -@violence|video", "verb", "0841", classes)
    assert pat.heads == {"release"} and pat.unless == {"attack", "strike", "video"} and pat.objects is None


def test_specific_patterns_come_first(lexicon: Lexicon) -> None:
    pats = lexicon.candidates("verb", "threaten")
    assert pats[0].specificity >= pats[-1].specificity
    assert pats[-1].entry_id == "verb:130:threaten"


def test_missing_folder_is_a_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError):
        Lexicon.load(tmp_path)


def test_cameo_info_quad() -> None:
    assert CameoInfo("2042", "ASSAULT", None, None, -10.0, "x").quad_class == 4


def test_a_lexicon_entry_has_a_typed_id(lexicon: Lexicon) -> None:
    """Kind and key, not a string to split: the entries map is what tells an entry id from a rule id."""
    entries = lexicon.entries()
    entry = entries["verb:130:threaten"]
    assert (entry.kind, entry.code, entry.text) == ("verb", "130", "threaten") and str(entry) == "verb:130:threaten"
    assert {e.kind for e in entries.values()} <= {"verb", "noun", "adj"} and len(entries) == len(lexicon)
    assert all(str(e) == k for k, e in entries.items())

