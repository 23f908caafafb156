"""The compiled lexicon: read from the disk cache when the YAML is unchanged, compiled again when it changed,
and shared within a process."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from petrel.coding import lexicon as lexicon_module
from petrel.coding.lexicon import Lexicon

PACKAGED = Path(str(resources.files("petrel") / "data" / "lexicon"))


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "lexicon"
    shutil.copytree(PACKAGED, copy)
    return copy


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts without the compiled lexicons this process already holds."""
    monkeypatch.setattr(lexicon_module, "_LOADED", {})


def _no_compiling(monkeypatch) -> None:
    def boom(cls, base):
        raise AssertionError("compiled again")

    monkeypatch.setattr(Lexicon, "compile", classmethod(boom))


def test_the_cached_lexicon_is_the_compiled_one(folder: Path, tmp_path: Path, monkeypatch) -> None:
    compiled = Lexicon.compile(folder)
    first = Lexicon.load(folder, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").glob("lexicon-*.pickle"))
    monkeypatch.setattr(lexicon_module, "_LOADED", {})  # as a new process would
    _no_compiling(monkeypatch)
    again = Lexicon.load(folder, cache_dir=tmp_path / "cache")
    for lex in (first, again):
        assert lex.patterns == compiled.patterns and lex.cameo == compiled.cameo
        assert lex.speech == compiled.speech and lex.classes == compiled.classes
    assert len(again) > 100


def test_one_process_compiles_a_lexicon_once(folder: Path, monkeypatch) -> None:
    first = Lexicon.load(folder, cache_dir=None)
    _no_compiling(monkeypatch)
    assert Lexicon.load(folder, cache_dir=None) is first  # the quote and event stages share it


def test_an_edited_yaml_file_is_compiled_again(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = Lexicon.load(folder, cache_dir=cache)
    assert "petrelnewcue" not in before.speech
    speech = folder / "speech.yaml"
    speech.write_text(speech.read_text(encoding="utf-8").replace("claim: [claim,", "claim: [petrelnewcue, claim,"),
                      encoding="utf-8")
    after = Lexicon.load(folder, cache_dir=cache)
    assert after.speech["petrelnewcue"] == "claim"
    assert len(list(cache.glob("lexicon-*.pickle"))) == 2
