"""Phoenix/TABARI dictionary import, tested on an invented snippet and on the real files when present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from petrel.kb import build_knowledge_base
from petrel.kb.phoenix import import_phoenix, write_actors_yaml

SNIPPET = """# an invented dictionary in the TABARI format
ZORBLAX_LIBERATION_FRONT_ [XYZREB]  # made up
+ZLF_
+ZORBLAX_FRONT

GLORP_MINISTRY_
\t[XYZGOV]

FLIM_FLAMSON_  # a person with two offices
+FLIM_Q._FLAMSON
\t[XYZGOV 100101-141231]
\t[XYZMIL >150101]
\t[XYZ <991231]
"""


@pytest.fixture()
def snippet(tmp_path: Path) -> Path:
    path = tmp_path / "Test.actors.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def test_import_snippet(snippet: Path) -> None:
    actors = {a.name: a for a in import_phoenix(snippet)}
    assert set(actors) == {"Zorblax Liberation Front", "Glorp Ministry", "Flim Flamson"}
    front = actors["Zorblax Liberation Front"]
    assert front.country == "XYZ" and front.sectors == ["REB"] and front.aliases == ["ZLF", "Zorblax Front"]
    person = actors["Flim Flamson"]
    assert [(r.sectors, r.start, r.end) for r in person.roles] == [
        (("GOV",), date(2010, 1, 1), date(2014, 12, 31)),
        (("MIL",), date(2015, 1, 1), None),
        ((), None, date(1999, 12, 31)),
    ]


def test_round_trip_through_user_yaml(snippet: Path, tmp_path: Path) -> None:
    out = write_actors_yaml(import_phoenix(snippet), tmp_path / "phoenix.yaml")
    kb = build_knowledge_base([out])
    assert kb.match("ZLF").country == "XYZ"
    assert kb.role_at(kb.match("Flim Q. Flamson"), date(2012, 5, 5)).sectors == ("GOV",)


def _dictionary(shared_dir: Path, name: str) -> Path:
    path = shared_dir / "eval" / "dictionaries" / "phoenix-cameo-petrarch2" / name
    if not path.is_file():
        pytest.skip(f"{name} is not in ../shared")
    return path


def test_real_milnonstate_dictionary(shared_dir: Path) -> None:
    actors = import_phoenix(_dictionary(shared_dir, "Phoenix.MilNonState.actors.txt"))
    assert len(actors) > 500
    hezbollah = next(a for a in actors if a.name == "Hezbollah")
    assert hezbollah.country == "LBN" and "REB" in hezbollah.sectors


def test_real_countries_dictionary_roles(shared_dir: Path) -> None:
    actors = import_phoenix(_dictionary(shared_dir, "Phoenix.Countries.actors.txt"))
    assert len(actors) > 10_000
    salih = next(a for a in actors if a.name == "Barham Salih")
    assert any(r.country == "IRQ" and r.start == date(2004, 8, 1) for r in salih.roles)
    open_ended = [r for a in actors for r in a.roles if r.start and r.end is None]
    assert open_ended  # ">110101" restrictions


def test_real_international_dictionary(shared_dir: Path) -> None:
    actors = import_phoenix(_dictionary(shared_dir, "Phoenix.International.actors.txt"))
    assert len(actors) > 1000
    un = next(a for a in actors if a.name == "The United Nations")
    assert un.country == "IGO"
