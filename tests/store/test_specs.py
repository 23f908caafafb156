"""Actor and country specs: folding, country names and codes, suggestions, and errors that name the flag."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.errors import QueryError
from petrel.store.queries import EventFilter
from petrel.store.schema import create_schema
from petrel.store.specs import ActorIndex, country_index, fold, param_error, relabel, resolve_actor, resolve_country


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    create_schema(connection)
    connection.execute("INSERT INTO actors (actor_id, name, country, aliases) VALUES "
                       "('sdn-rsf', 'Rapid Support Forces', 'SDN', ['RSF']), "
                       "('felix-tshisekedi', 'Félix Tshisekedi', 'COD', []), ('un', 'United Nations', 'IGO', [])")
    return connection


@pytest.fixture(scope="module")
def index(con: duckdb.DuckDBPyConnection) -> ActorIndex:
    return ActorIndex.read(con)


@pytest.mark.parametrize("spec, code", [
    ("Iraq", "IRQ"), ("IRQ", "IRQ"), ("iq", "IRQ"), ("Iraqi", "IRQ"), ("  iraq ", "IRQ"), ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"), ("DR Congo", "COD"), ("United States", "USA"), ("US", "USA"), ("Kosovo", "XKX"),
])
def test_country_names_demonyms_and_codes(spec: str, code: str) -> None:
    assert resolve_country(spec) == code


def test_a_non_iso_code_the_store_uses_is_a_country(index: ActorIndex) -> None:
    assert resolve_country("IGO", index) == "IGO"
    with pytest.raises(QueryError):
        resolve_country("IGO")


@pytest.mark.parametrize("spec, ids, countries", [
    ("sdn-rsf", ("sdn-rsf",), ()), ("RSF", ("sdn-rsf",), ()), ("rapid support forces", ("sdn-rsf",), ()),
    ("Felix Tshisekedi", ("felix-tshisekedi",), ()), ("Sudan", (), ("SDN",)), ("sd", (), ("SDN",)),
])
def test_actor_specs(con, index, spec: str, ids: tuple[str, ...], countries: tuple[str, ...]) -> None:
    side = resolve_actor(con, spec, index)
    assert (side.actor_ids, side.countries) == (ids, countries)
    assert side.id_only == (spec == "sdn-rsf")


def test_a_knowledge_base_actor_without_events_resolves(con, index) -> None:
    assert resolve_actor(con, "Boko Haram", index).actor_ids == ("boko-haram",)


def test_nothing_matches_suggests_countries_and_actors(con, index) -> None:
    with pytest.raises(QueryError) as err:
        resolve_actor(con, "Mozambik", index, param="actor")
    assert err.value.message == "no actor matches 'Mozambik' (actor); did you mean MOZ (Mozambique)?"
    with pytest.raises(QueryError) as err:
        resolve_actor(con, "Rapid Suport Forces", index, param="source")
    assert "Rapid Support Forces (sdn-rsf)" in err.value.detail["suggestions"]
    assert relabel(err.value, {"source": "--source"}).message.startswith(
        "no actor matches 'Rapid Suport Forces' (--source); did you mean")


def test_relabel_changes_only_the_parameter_names() -> None:
    exc = param_error("{date_from} is after {date_to}: no date_from{{}} here")
    assert exc.message == "date_from is after date_to: no date_from{} here"
    assert relabel(exc, {"date_from": "--from", "date_to": "--to"}).message == "--from is after --to: no date_from{} here"
    assert relabel(exc, {}).message == exc.message
    plain = QueryError("date_from is odd")
    assert relabel(plain, {"date_from": "--from"}) is plain


@pytest.mark.parametrize("value, first, last", [("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
                                                ("2023-12", "2023-12-01", "2023-12-31")])
def test_years_and_months_are_their_first_and_last_days(value: str, first: str, last: str) -> None:
    flt = EventFilter(date_from=value, date_to=value)
    assert (flt.date_from.isoformat(), flt.date_to.isoformat()) == (first, last)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_any_text_resolves_or_is_a_query_error_that_quotes_it(text: str) -> None:
    connection = duckdb.connect(":memory:")
    create_schema(connection)
    index = ActorIndex.read(connection)
    try:
        side = resolve_actor(connection, text, index, param="actor")
    except QueryError as exc:
        assert repr(text.strip()) in exc.message
        assert f"{repr(text.strip())} (--actor)" in relabel(exc, {"actor": "--actor"}).message
    else:
        assert side.actor_ids or side.countries or side.text == text.strip()
    assert fold(fold(text)) == fold(text)


def test_country_index_is_built_once() -> None:
    assert country_index() is country_index()
