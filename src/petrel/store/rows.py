"""Turn typed pipeline records into table rows (plain dicts keyed by column name) for bulk loads."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from petrel.models import (ActorMention, ActorRef, Article, EventMention, ProcessedDocument, Provenance, Quote,
                           Rejection)

Row = dict[str, Any]
TABLE_NAMES = ("articles", "actors", "mentions", "quotes", "event_mentions", "events", "merge_log",
               "stories", "meta")


def batch_rows(docs: Sequence[ProcessedDocument], rejections: Sequence[Rejection],
               rejection_id: Callable[[Rejection], str]) -> dict[str, list[Row]]:
    """Rows for every table a batch writes, in insertion order."""
    tables: dict[str, list[Row]] = {"articles": [], "actors": [], "mentions": [], "quotes": [],
                                    "event_mentions": []}
    for doc in docs:
        tables["articles"].append(article_row(doc.article))
        tables["mentions"].extend(mention_row(m) for m in doc.mentions)
        tables["actors"].extend(actor_rows(doc.mentions))
        tables["quotes"].extend(quote_row(q) for q in doc.quotes)
        tables["event_mentions"].extend(event_mention_row(e, doc.article) for e in doc.events)
    tables["articles"].extend(rejection_row(r, rejection_id(r)) for r in rejections)
    tables["actors"] = _first_per_key(tables["actors"], "actor_id")
    tables["event_mentions"] = _first_per_key(tables["event_mentions"], "mention_id")
    tables["quotes"] = _first_per_key(tables["quotes"], "quote_id")
    tables["articles"] = _first_per_key(tables["articles"], "doc_id")
    return tables


def _first_per_key(records: list[Row], key: str) -> list[Row]:
    seen: dict[Any, Row] = {}
    for record in records:
        seen.setdefault(record[key], record)
    return list(seen.values())


def article_row(article: Article) -> Row:
    return {
        "doc_id": article.doc_id, "source": article.source, "fmt": article.fmt, "status": "ok",
        "url": article.url, "outlet": article.outlet, "published": article.published,
        "title": article.title, "section": article.section, "wire_credit": article.wire_credit,
        "dateline": article.dateline, "text": article.text, "word_count": article.word_count,
        "content_hash": article.content_hash,
    }


def rejection_row(rejection: Rejection, doc_id: str) -> Row:
    return {"doc_id": doc_id, "source": rejection.source, "fmt": rejection.fmt, "status": "rejected",
            "reason_code": rejection.code, "reason": rejection.reason}


def mention_row(mention: ActorMention) -> Row:
    actor = mention.actor
    return {"doc_id": mention.doc_id, "start_char": mention.start, "end_char": mention.end,
            "text": mention.text, "actor_id": actor.actor_id, "name": actor.name, "country": actor.country,
            "sectors": list(actor.sector), "resolution": actor.resolution}


def actor_rows(mentions: Sequence[ActorMention]) -> list[Row]:
    """One row per named actor of a document, with the surface forms it was seen under."""
    by_id: dict[str, Row] = {}
    for m in mentions:
        actor = m.actor
        if not actor.actor_id or actor.resolution == "coref":
            continue
        row = by_id.setdefault(actor.actor_id, {
            "actor_id": actor.actor_id, "name": actor.name, "country": actor.country,
            "sectors": list(actor.sector), "kind": _kind(actor), "resolution": actor.resolution,
            "aliases": [], "first_doc": m.doc_id})
        if m.text not in row["aliases"]:
            row["aliases"].append(m.text)
    return list(by_id.values())


def _kind(actor: ActorRef) -> str | None:
    return "context" if actor.resolution == "context" else None


def quote_row(quote: Quote) -> Row:
    speaker = quote.speaker
    return {"quote_id": quote.quote_id, "doc_id": quote.doc_id,
            "speaker_name": speaker.name if speaker else None,
            "speaker_actor_id": speaker.actor_id if speaker else None,
            "speaker_country": speaker.country if speaker else None,
            "cue": quote.cue, "content": quote.content, "start_char": quote.start, "end_char": quote.end,
            "kind": quote.kind}


def provenance_columns(provenance: Provenance) -> Row:
    """The columns of an event mention's :class:`Provenance` (schema 6): ``provenance`` is its rules then its
    entry, ``repeats`` their folded chains; ``origin`` is derived (the column of schema 3 to 5)."""
    return {"provenance": list(provenance.chain), "repeats": [list(chain) for chain in provenance.repeats],
            "model_label": provenance.model_label, "model_score": provenance.model_score,
            "blend": provenance.blend, "origin": provenance.origin}


def event_mention_row(event: EventMention, article: Article) -> Row:
    row: Row = {
        "mention_id": event.mention_id, "event_id": event.mention_id, "doc_id": event.doc_id,
        "outlet": article.outlet, "published": article.published, "type": event.type, "mode": event.mode,
        "context": list(event.context), "cameo": event.cameo, "quad_class": event.quad_class,
        "goldstein": event.goldstein, "status": event.status, "date": event.date,
        "date_precision": event.date_precision, "rule": event.rule, "confidence": event.confidence,
        "quote_id": event.quote_id, **provenance_columns(event.provenance),
    }
    row.update(_actor_columns("source", event.source))
    row.update(_actor_columns("target", event.target))
    row.update(_date_bounds(event.date))
    row.update(_place_columns(event))
    ev = event.evidence
    row.update({"sentence": ev.sentence, "sent_start": ev.start, "sent_end": ev.end,
                "trigger": ev.trigger, "trigger_start": ev.trigger_start})
    return row


def _actor_columns(prefix: str, actor: ActorRef | None) -> Row:
    if actor is None:
        return {}
    return {f"{prefix}_name": actor.name, f"{prefix}_actor_id": actor.actor_id,
            f"{prefix}_country": actor.country, f"{prefix}_sector": list(actor.sector),
            f"{prefix}_resolution": actor.resolution}


def _place_columns(event: EventMention) -> Row:
    place = event.place
    if place is None:
        return {}
    return {"place_name": place.name, "place_country": place.country, "place_admin1": place.admin1,
            "lat": place.lat, "lon": place.lon, "place_precision": place.precision,
            "place_basis": getattr(place, "basis", None)}


def _date_bounds(value: str | None) -> Row:
    """First and last day covered by a contract date value ("2019-01-28", "2019-01", "2011", "2007/2010")."""
    if not value:
        return {}
    try:
        first, _, last = value.partition("/")
        return {"date_start": _day_bounds(first)[0], "date_end": _day_bounds(last or first)[1]}
    except ValueError:
        return {}


def _day_bounds(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)
