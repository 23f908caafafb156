"""A small, realistic petrel database written row by row from invented fixtures.

Used by the API tests and the browser test (which can swap it for a real corpus database). Every
sentence here is made up for the tests. Event mentions are real sentences of their article's text, so
evidence offsets are consistent; two events carry several mentions from several outlets (with
merge_log rows), one event has no target, one no date, several no place; one article carries HTML and
a ``<script>`` element so the escaping of the API and the dashboard can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from petrel.dedup.writing import event_details_sql
from petrel.store.schema import create_schema

ACTORS: dict[str, tuple[str, str, list[str]]] = {
    "USA_GOV": ("United States", "USA", ["GOV"]),
    "RUS_GOV": ("Russia", "RUS", ["GOV"]),
    "UKR_MIL": ("Ukrainian army", "UKR", ["MIL"]),
    "ISR_MIL": ("Israeli military", "ISR", ["MIL"]),
    "PSE_HAMAS": ("Hamas", "PSE", ["REB"]),
    "IGO_UN": ("United Nations", "IGO", ["IGO"]),
    "EGY_GOV": ("Egypt", "EGY", ["GOV"]),
}
PLACES: dict[str, tuple[str, float, float]] = {
    "Kyiv": ("UKR", 50.45, 30.52), "Gaza": ("PSE", 31.50, 34.47), "Cairo": ("EGY", 30.04, 31.24),
    "Moscow": ("RUS", 55.75, 37.62), "Geneva": ("CHE", 46.20, 6.14), "Kharkiv": ("UKR", 49.99, 36.23),
}
# type -> (cameo, quad class, goldstein, verb used in the sentence)
TYPES: dict[str, tuple[str, int, float, str]] = {
    "ASSAULT": ("190", 4, -10.0, "shelled"), "THREATEN": ("138", 3, -7.0, "threatened"),
    "ACCUSE": ("112", 3, -2.0, "accused"), "SANCTION": ("163", 4, -8.0, "sanctioned"),
    "CONSULT": ("040", 1, 1.0, "met"), "AID": ("070", 2, 7.0, "sent aid to"),
    "AGREE": ("057", 1, 8.0, "signed a truce with"), "REJECT": ("120", 3, -4.0, "rejected"),
    "MOBILIZE": ("150", 4, -7.2, "massed troops near"), "PROTEST": ("141", 3, -6.5, "protested against"),
}
OUTLETS = ("Harbor Times", "Northern Wire", "Capital Daily")
XSS_TITLE = "<script>window.__petrel_xss = 1</script>Truce talk"
XSS_MARKUP = '<img src=x onerror="window.__petrel_xss=1">'


@dataclass
class Spec:
    """One real-world event: its coding and the articles (doc numbers) that report it."""

    type: str
    source: str
    target: str | None
    day: date | None
    place: str | None
    docs: list[int]
    status: str = "actual"
    story: str | None = None
    extra: str = ""
    rows: list[dict[str, Any]] = field(default_factory=list)


def _specs() -> list[Spec]:
    d = date(2024, 1, 1)
    ukr, gaza = "story-ukraine", "story-gaza"
    return [
        Spec("ASSAULT", "RUS_GOV", "UKR_MIL", d + timedelta(3), "Kyiv", [1, 2, 3], story=ukr),
        Spec("ASSAULT", "RUS_GOV", "UKR_MIL", d + timedelta(10), "Kharkiv", [2], story=ukr),
        Spec("ASSAULT", "RUS_GOV", "UKR_MIL", d + timedelta(40), "Kharkiv", [4], story=ukr),
        Spec("ASSAULT", "UKR_MIL", "RUS_GOV", d + timedelta(41), "Moscow", [4], status="claimed", story=ukr),
        Spec("THREATEN", "RUS_GOV", "USA_GOV", d + timedelta(12), None, [3], status="future", story=ukr),
        Spec("SANCTION", "USA_GOV", "RUS_GOV", d + timedelta(15), None, [5, 6], story=ukr),
        Spec("AID", "USA_GOV", "UKR_MIL", d + timedelta(16), "Kyiv", [5], story=ukr),
        Spec("ACCUSE", "UKR_MIL", "RUS_GOV", d + timedelta(45), "Kyiv", [6]),
        Spec("MOBILIZE", "RUS_GOV", "UKR_MIL", d + timedelta(60), "Kharkiv", [7], story=ukr),
        Spec("CONSULT", "USA_GOV", "RUS_GOV", d + timedelta(62), "Geneva", [7], status="historical"),
        Spec("ASSAULT", "ISR_MIL", "PSE_HAMAS", d + timedelta(5), "Gaza", [8, 9], story=gaza),
        Spec("ASSAULT", "PSE_HAMAS", "ISR_MIL", d + timedelta(6), "Gaza", [8], story=gaza),
        Spec("ASSAULT", "ISR_MIL", "PSE_HAMAS", d + timedelta(33), "Gaza", [10], story=gaza),
        Spec("CONSULT", "EGY_GOV", "PSE_HAMAS", d + timedelta(20), "Cairo", [9], story=gaza),
        Spec("AGREE", "ISR_MIL", "PSE_HAMAS", d + timedelta(50), "Cairo", [11], status="future", story=gaza),
        Spec("REJECT", "PSE_HAMAS", "ISR_MIL", d + timedelta(51), None, [12], story=gaza, extra=XSS_MARKUP),
        Spec("AID", "IGO_UN", None, d + timedelta(22), "Gaza", [10], story=gaza),
        Spec("PROTEST", "IGO_UN", "ISR_MIL", None, None, [11]),
        Spec("THREATEN", "PSE_HAMAS", "ISR_MIL", d + timedelta(70), "Gaza", [12], status="hypothetical"),
        Spec("ACCUSE", "EGY_GOV", "ISR_MIL", d + timedelta(71), "Cairo", [12]),
    ]


def _sentence(spec: Spec) -> tuple[str, str]:
    src = ACTORS[spec.source][0]
    tgt = ACTORS[spec.target][0] if spec.target else "civilians"
    verb = TYPES[spec.type][3]
    where = f" in {spec.place}" if spec.place else ""
    when = f" on {spec.day:%B} {spec.day.day}" if spec.day else ""
    extra = f" {spec.extra}" if spec.extra else ""
    return f"{src}{extra} {verb} {tgt}{where}{when}, officials said.", verb


def _published(doc: int) -> datetime:
    """Each article appears the day after the latest dated event it reports."""
    days = [s.day for s in _specs() if doc in s.docs and s.day]
    return datetime.combine(max(days, default=date(2024, 1, 1)), datetime.min.time()) + timedelta(hours=24 + doc)


def _mention_row(spec: Spec, event_id: str, doc: int, k: int, offset: int) -> dict[str, Any]:
    sentence, verb = _sentence(spec)
    cameo, quad, goldstein, _ = TYPES[spec.type]
    src_name, src_country, src_sector = ACTORS[spec.source]
    row: dict[str, Any] = {
        "mention_id": f"{event_id}-m{k}", "event_id": event_id, "doc_id": f"doc{doc:02d}",
        "outlet": OUTLETS[doc % 3], "published": _published(doc), "type": spec.type, "mode": None,
        "context": [], "cameo": cameo, "quad_class": quad, "goldstein": goldstein, "status": spec.status,
        "source_name": src_name, "source_actor_id": spec.source, "source_country": src_country,
        "source_sector": src_sector, "source_resolution": "kb",
        "date": spec.day.isoformat() if spec.day else None, "date_precision": "day" if spec.day else None,
        "date_start": spec.day, "date_end": spec.day, "sentence": sentence, "sent_start": offset,
        "sent_end": offset + len(sentence), "trigger": verb, "trigger_start": offset + sentence.index(" " + verb) + 1,
        "rule": "fixture", "provenance": ["fixture"], "repeats": [], "confidence": 0.9 - 0.1 * k, "quote_id": None,
    }
    row.update(_target_columns(spec))
    row.update(_place_columns(spec.place))
    return row


def _target_columns(spec: Spec) -> dict[str, Any]:
    if not spec.target:
        return {}
    name, country, sector = ACTORS[spec.target]
    return {"target_name": name, "target_actor_id": spec.target, "target_country": country,
            "target_sector": sector, "target_resolution": "kb"}


def _place_columns(place: str | None) -> dict[str, Any]:
    if not place:
        return {}
    country, lat, lon = PLACES[place]
    return {"place_name": place, "place_country": country, "place_admin1": None, "lat": lat, "lon": lon,
            "place_precision": "city"}


def _event_row(spec: Spec, event_id: str) -> dict[str, Any]:
    first = spec.rows[0]
    keep = ("type", "mode", "context", "cameo", "quad_class", "goldstein", "status", "date", "date_precision",
            "date_start", "date_end", "source_name", "source_actor_id", "source_country", "source_sector",
            "target_name", "target_actor_id", "target_country", "target_sector", "place_name",
            "place_country", "place_admin1", "lat", "lon", "place_precision")
    row = {k: first.get(k) for k in keep}
    published = [r["published"] for r in spec.rows]
    row.update({
        "event_id": event_id, "num_mentions": len(spec.rows), "num_articles": len({r["doc_id"] for r in spec.rows}),
        "num_sources": len({r["outlet"] for r in spec.rows}), "first_seen": min(published),
        "last_seen": max(published), "confidence": max(r["confidence"] for r in spec.rows),
        "story_id": spec.story, "rep_mention_id": first["mention_id"], "provenance": first["provenance"],
        "repeats": first["repeats"],
    })
    return row


def build_rows() -> dict[str, list[dict[str, Any]]]:
    """Rows for every table, consistent with each other."""
    texts: dict[int, str] = {n: "" for n in range(1, 13)}
    stories: dict[int, str | None] = {}
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in ("events", "event_mentions", "merge_log")}
    for i, spec in enumerate(_specs(), start=1):
        event_id = f"ev{i:03d}"
        for k, doc in enumerate(spec.docs):
            offset = len(texts[doc]) + (1 if texts[doc] else 0)
            spec.rows.append(_mention_row(spec, event_id, doc, k, offset))
            texts[doc] = (texts[doc] + " " if texts[doc] else "") + spec.rows[-1]["sentence"]
            stories.setdefault(doc, spec.story)
            if k:
                tables["merge_log"].append({"mention_id": spec.rows[-1]["mention_id"], "event_id": event_id,
                                            "merged_with": spec.rows[0]["mention_id"],
                                            "reason": "same dyad, type and day", "score": 0.9})
        tables["event_mentions"].extend(spec.rows)
        tables["events"].append(_event_row(spec, event_id))
    tables.update(_documents(texts, stories))
    tables["stories"] = _stories(tables)
    tables["quotes"], quote_links = _quotes(texts)
    for mention in tables["event_mentions"]:
        mention["quote_id"] = quote_links.get(mention["mention_id"])
    return tables


def _documents(texts: dict[int, str], stories: dict[int, str | None]) -> dict[str, list[dict[str, Any]]]:
    articles, mentions, actors = [], [], {}
    for n, text in texts.items():
        doc_id = f"doc{n:02d}"
        title = XSS_TITLE if n == 12 else f"Report {n}: {text.split(',')[0]}"
        articles.append({"doc_id": doc_id, "source": f"fixture/{doc_id}.txt", "fmt": "text", "status": "ok",
                         "url": f"https://news.example/{doc_id}", "outlet": OUTLETS[n % 3],
                         "published": _published(n), "title": title, "text": text,
                         "word_count": len(text.split()), "content_hash": doc_id, "story_id": stories.get(n)})
        for actor_id, (name, country, sectors) in ACTORS.items():
            at = text.find(name)
            if at >= 0:
                mentions.append({"doc_id": doc_id, "start_char": at, "end_char": at + len(name), "text": name,
                                 "actor_id": actor_id, "name": name, "country": country, "sectors": sectors,
                                 "resolution": "kb"})
                actors.setdefault(actor_id, {"actor_id": actor_id, "name": name, "country": country,
                                             "sectors": sectors, "kind": None, "resolution": "kb",
                                             "aliases": [name], "first_doc": doc_id})
    articles.append({"doc_id": "rejected-0001", "source": "fixture/empty.txt", "fmt": "text",
                     "status": "rejected", "reason_code": "E201", "reason": "the input is empty"})
    return {"articles": articles, "mentions": mentions, "actors": list(actors.values())}


def _quotes(texts: dict[int, str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    quote = {"quote_id": "q001", "doc_id": "doc05", "speaker_name": "United States",
             "speaker_actor_id": "USA_GOV", "speaker_country": "USA", "cue": "said",
             "content": "The sanctions stay until the shelling stops", "start_char": 0,
             "end_char": len(texts[5]), "kind": "indirect"}
    return [quote], {"ev006-m0": "q001"}


def _stories(tables: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    out = []
    for story_id, title in (("story-ukraine", "Shelling around Kharkiv"), ("story-gaza", "Gaza truce talks")):
        docs = [a for a in tables["articles"] if a.get("story_id") == story_id]
        events = [e for e in tables["events"] if e["story_id"] == story_id]
        out.append({"story_id": story_id, "title": title, "first_published": min(a["published"] for a in docs),
                    "last_published": max(a["published"] for a in docs), "num_articles": len(docs),
                    "num_events": len(events), "num_sources": len({a["outlet"] for a in docs}),
                    "top_actors": sorted({e["source_actor_id"] for e in events})[:3]})
    return out


def insert_rows(con: duckdb.DuckDBPyConnection, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Insert rows by column name (small fixtures: executemany is fine here)."""
    for table, records in tables.items():
        columns = sorted({k for r in records for k in r})
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        con.executemany(sql, [[r.get(c) for c in columns] for r in records])


def store_event_details(con: duckdb.DuckDBPyConnection) -> None:
    """Fill ``events.evidence`` and ``events.mention_docs`` from the mentions, as the dedup writer does."""
    con.execute(f"CREATE TEMP TABLE details AS {event_details_sql('events')}")
    con.execute("UPDATE events SET evidence = d.evidence, mention_docs = d.mention_docs FROM details d "
                "WHERE events.event_id = d.event_id")
    con.execute("DROP TABLE details")


def build_fixture_db(path: Path | str) -> Path:
    """Write the fixture database at ``path`` (a new file) and return the path."""
    con = duckdb.connect(str(path))
    try:
        create_schema(con)
        insert_rows(con, build_rows())
        store_event_details(con)
    finally:
        con.close()
    return Path(path)
