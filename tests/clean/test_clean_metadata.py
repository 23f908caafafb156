"""Headers and trailers leave the body and become metadata; given metadata wins; ids."""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources
from pathlib import Path

import pytest

from petrel.clean import article_from_text, clean_document, clean_text, content_hash, normalise_outlet
from petrel.config import Settings
from petrel.errors import InputTooLarge, NoTextFound
from petrel.ingest import iter_inputs
from petrel.models import RawDocument

BODY = ("Dock workers in Portmouth stopped work on Tuesday to protest against a new wage deal, union "
        "leaders said.\n\nThe harbour authority called the strike illegal.")


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "t.duckdb")


def clean(text: str, settings: Settings, **given) -> object:
    return clean_document(RawDocument(source="t.txt", text=text, fmt="text", **given), settings)


def test_date_line_and_lead_in(settings: Settings) -> None:
    text = (" date 2020-07-14 2020/07/14 | 08:05\n(Harbourdaily | World News)- Dock workers in Portmouth stopped"
            "\nwork on Tuesday, according to Reuters.The harbour authority called it illegal.")
    art = clean(text, settings)
    assert art.text == "Dock workers in Portmouth stopped work on Tuesday. The harbour authority called it illegal."
    assert (art.outlet, art.section, art.published, art.wire_credit, art.title) == (
        "Harbour Daily", "World News", datetime(2020, 7, 14, 8, 5), "Reuters", None)


def test_breadcrumb_title_and_last_modified_trailer(settings: Settings) -> None:
    text = ("World - Europe - Lakeportpost\n\nDock strike halts harbour\n\n" + BODY +
            "\nLast Modified: Tuesday\u060c 14 July 2020 09:41 PM")
    art = clean(text, settings)
    assert art.text == BODY
    assert (art.outlet, art.section, art.title, art.published) == (
        "Lakeport Post", "World - Europe", "Dock strike halts harbour", datetime(2020, 7, 14, 21, 41))


def test_labelled_fields_bylines_and_copyright(settings: Settings) -> None:
    text = ("Title: Dock strike halts harbour\nSource: reuters.com\nPublished: Jul. 14, 2020 10:00\n"
            "By Ana Lopez and Tom Reed\n\n" + BODY + "\n\nReporting by Ana Lopez; Editing by Tom Reed\n"
            "© 2020 Harbour Daily. All rights reserved.")
    art = clean(text, settings)
    assert art.text == BODY
    assert (art.title, art.outlet, art.published) == ("Dock strike halts harbour", "Reuters", datetime(2020, 7, 14, 10))


@pytest.mark.parametrize(("header", "outlet", "section"), [
    ("Harbour Ledger | World | Europe", "Harbour Ledger", "World - Europe"),
    ("Lakeport Observer | Politics", "Lakeport Observer", "Politics"),
    ("World - Europe - Lakeportpost", "Lakeport Post", "World - Europe"),
    ("Harbour Times | Lakeland | National", "Harbour Times", "Lakeland - National"),
    ("Reuters - World News", "Reuters", "World News"),
    ("World | Europe | Lakeland", None, "World - Europe - Lakeland"),
])
def test_outlet_and_section_lines(settings: Settings, header: str, outlet: str | None, section: str) -> None:
    art = clean(f"{header}\n\nDock strike halts harbour\n\n{BODY}", settings)
    assert (art.outlet, art.section, art.title, art.text) == (outlet, section, "Dock strike halts harbour", BODY)


@pytest.mark.parametrize(("line", "when"), [
    ("21 Jul 2020", datetime(2020, 7, 21)),
    ("14/07/2020", datetime(2020, 7, 14)),
    ("14.07.2020 08:30", datetime(2020, 7, 14, 8, 30)),
    ("July 14, 2020", datetime(2020, 7, 14)),
    ("Tuesday, July 14, 2020 7:15 AM IST", datetime(2020, 7, 14, 7, 15)),
    ("Tue 14 Jul 2020 - 13:20 UTC", datetime(2020, 7, 14, 13, 20)),
    ("Posted on 2020-07-14T08:05:00", datetime(2020, 7, 14, 8, 5)),
])
def test_header_date_formats(settings: Settings, line: str, when: datetime) -> None:
    art = clean(f"{line}\n{BODY}", settings)
    assert (art.published, art.text) == (when, BODY)


@pytest.mark.parametrize("trailer", [
    "Last Modified: 14 Jul 2020 16:22 COT", "Last Modified: July 14, 2020 18:12 (Portmouth)",
    "Last Modified: Tuesday, 14-Jul-20 15:55:10 UTC", "Updated: 14/07/2020 23:40",
])
def test_trailer_dates_with_zones_places_and_share_lines(settings: Settings, trailer: str) -> None:
    art = clean(f"{BODY}\n\n{trailer}\nShare this article: Facebook | X | Email", settings)
    assert art.text == BODY and art.published is not None and art.published.date().isoformat() == "2020-07-14"


@pytest.mark.parametrize(("lead", "dateline", "wire"), [
    ("PORTMOUTH (AP) — ", "Portmouth", "AP"),
    ("PORTMOUTH, Lakeland, July 14 (Reuters) - ", "Portmouth, Lakeland", "Reuters"),
    ("Portmouth (AFP) - ", "Portmouth", "AFP"),
    ("(Reuters) - ", None, "Reuters"),
    ("PORTMOUTH — ", "Portmouth", None),
    ("PORTMOUTH - ", "Portmouth", None),
    ("NEW PORTMOUTH, Lakeland - ", "New Portmouth, Lakeland", None),
    ("PORTMOUTH (HDL) — ", "Portmouth", None),
])
def test_datelines(settings: Settings, lead: str, dateline: str | None, wire: str | None) -> None:
    art = clean(lead + BODY, settings)
    assert art.text == BODY and (art.dateline, art.wire_credit) == (dateline, wire)


def test_acronyms_and_reporting_are_not_datelines_or_credits(settings: Settings) -> None:
    assert clean("ISIS - the group - left.", settings).text == "ISIS - the group - left."
    assert clean("PORTMOUTH-based firms left.", settings).text == "PORTMOUTH-based firms left."
    text = "NATO — the alliance — met on Tuesday. An aide told AP the talks went well (Reuters)."
    art = clean(text, settings)
    assert art.text == "NATO — the alliance — met on Tuesday. An aide told AP the talks went well."
    assert (art.dateline, art.wire_credit) == (None, "Reuters")


def test_given_metadata_wins_over_recovered(settings: Settings) -> None:
    text = " date 2020-07-14 | 08:05\n(Harbourdaily | World)- " + BODY
    art = clean(text, settings, title="Given title", outlet="thebaghdadpost.com",
                published="2020-07-15T11:30:00+02:00", url="https://x.test/a", doc_id="given-1")
    assert (art.title, art.outlet, art.published, art.url, art.doc_id) == (
        "Given title", "Baghdad Post", datetime(2020, 7, 15, 11, 30), "https://x.test/a", "given-1")
    assert art.content_hash == content_hash(art.text) != art.doc_id


def test_given_title_repeated_at_the_top_is_removed(settings: Settings) -> None:
    art = clean("Strike ends.\n\n" + BODY, settings, title="Strike ends.")
    assert art.text == BODY


def test_outlet_from_the_url_domain(settings: Settings) -> None:
    assert clean(BODY, settings, url="https://edition.cnn.com/2020/x").outlet == "CNN"
    assert clean(BODY, settings, url="https://www.harbourdaily.test/x").outlet == "Harbour Daily"


@pytest.mark.parametrize(("name", "canonical"), [
    ("Baghdadpost", "Baghdad Post"), ("baghdadpost.com", "Baghdad Post"), ("hatha al-youm", "Hatha al-Youm"),
    ("AP", "Associated Press"), ("the Associated Press", "Associated Press"), ("Agence France-Presse", "AFP"),
    ("aljazeera", "Al Jazeera"), ("BBC News", "BBC"), ("ExampleTribune", "Example Tribune"),
    ("harbourtimes", "Harbour Times"), ("Some Paper", "Some Paper"),
])
def test_outlet_names(name: str, canonical: str) -> None:
    assert normalise_outlet(name) == canonical


def test_id_is_a_content_hash_equal_across_formats(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text(BODY.replace("\n\n", "\n\n  ").replace("union ", "union\n"), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": BODY}), encoding="utf-8")
    a, b = (clean_document(r, settings) for r in iter_inputs([str(tmp_path)], settings))
    assert a.doc_id == b.doc_id == content_hash(BODY) and len(a.doc_id) == 16
    assert content_hash("A  b\nC") == content_hash("a b c")


def test_too_long_and_empty_texts_raise(settings: Settings) -> None:
    with pytest.raises(InputTooLarge):
        clean("x" * 50, settings.model_copy(update={"max_article_chars": 10}))
    with pytest.raises(NoTextFound):
        clean(" date 2020-07-14 | 08:05\n\u200b\n© 2020 Harbour Daily", settings)


def test_article_from_text_is_light() -> None:
    art = article_from_text("Rebels seize Lakeport airport", doc_id="s1", published="2020-07-14")
    assert (art.text, art.doc_id, art.published) == ("Rebels seize Lakeport airport", "s1", datetime(2020, 7, 14))
    assert article_from_text("It ended.The\u00a0rebels left.", doc_id="s2").text == "It ended. The rebels left."
    with pytest.raises(NoTextFound):
        article_from_text("  \n ", doc_id="s3")


def test_short_texts_without_a_body_keep_their_lines() -> None:
    assert clean_text("Rebels seize airport\n\nTroops retreat")[0] == "Rebels seize airport\n\nTroops retreat"


def test_the_bundled_outlet_table_reads_the_same_with_libyaml_as_with_pure_python_yaml() -> None:
    import yaml

    from petrel.clean._outlets import OutletTable, default_outlets

    path = resources.files("petrel") / "data" / "outlets.yaml"
    pure = OutletTable.from_entries(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert len(pure.by_key) > 50 and pure == default_outlets()
