"""An ``events`` row in the event JSONL contract shape (``docs/architecture.md``).

:func:`event_record` is the one place the contract shape is built, so the CLI, the API and exports
print the same thing; :data:`EVENT_COLUMNS` is what a query selects for it (from ``events`` alone: the
evidence sentence and the reporting documents are stored on the event row by the dedup writer).
"""

from __future__ import annotations

from petrel.store.pages import Row, json_value


EVENT_COLUMNS = (
    "event_id, type, mode, context, cameo, quad_class, goldstein, status, "
    "source_name, source_actor_id, source_country, source_sector, "
    "target_name, target_actor_id, target_country, target_sector, "
    "date, date_precision, date_start, date_end, place_name, place_country, place_admin1, lat, lon, "
    "place_precision, place_basis, num_mentions, num_articles, num_sources, first_seen, last_seen, confidence, "
    "story_id, rep_mention_id, evidence, mention_docs"
)
# the representative mention's provenance (schema 5 the first two, 6 the rest: see event_columns)
PROVENANCE_COLUMNS = "provenance, repeats, model_label, model_score, blend"
# what each of them is, read as NULL where a store of an older schema lacks it
PROVENANCE_TYPES = {"provenance": "VARCHAR[]", "repeats": "VARCHAR[][]", "model_label": "VARCHAR",
                    "model_score": "DOUBLE", "blend": "VARCHAR"}


def _actor(row: Row, side: str) -> Row | None:
    name, actor_id = row.get(f"{side}_name"), row.get(f"{side}_actor_id")
    if name is None and actor_id is None:
        return None
    return {"name": name or actor_id, "actor_id": actor_id, "country": row.get(f"{side}_country"),
            "sector": list(row.get(f"{side}_sector") or [])}


def _place(row: Row) -> Row | None:
    if row.get("place_name") is None and row.get("lat") is None:
        return None
    return {"name": row["place_name"], "country": row["place_country"], "admin1": row["place_admin1"],
            "lat": row["lat"], "lon": row["lon"], "precision": row["place_precision"],
            "basis": row.get("place_basis")}


def _evidence(ev: Row | None) -> Row | None:
    """The stored ``evidence`` struct (already in the printed shape, keys in order) or None.

    The sentence is stripped of surrounding whitespace, its offsets moved to match.
    """
    if ev is None:
        return None
    out = dict(ev)
    return strip_sentence(out, "sentence", "start", "end")


def strip_sentence(row: Row, text: str, start: str, end: str) -> Row:
    """``row[text]`` without surrounding whitespace, ``row[start]``/``row[end]`` moved to match (in place)."""
    sentence = row.get(text)
    if not isinstance(sentence, str):
        return row
    stripped = sentence.strip()
    if stripped != sentence:
        lead = len(sentence) - len(sentence.lstrip())
        row[text] = stripped
        if row.get(start) is not None:
            row[start] += lead
        if row.get(end) is not None:
            row[end] = row[start] + len(stripped) if row.get(start) is not None else row[end]
    return row


def _mention_docs(docs: list[Row] | None) -> list[Row]:
    """One entry per reporting document with what that document said: its sentence, offsets and trigger."""
    return [{"doc_id": d["doc_id"], "outlet": d["outlet"], "published": json_value(d["published"]),
             "mention_id": d.get("mention_id"), "sentence": d.get("sentence"), "start": d.get("start"),
             "end": d.get("end"), "trigger": d.get("trigger"), "trigger_start": d.get("trigger_start")}
            for d in docs or []]


def event_record(row: Row) -> Row:
    """An ``events`` row in the event JSONL contract shape, plus quad class, Goldstein and story.

    Evidence and per-document mentions come from the row's ``evidence`` and ``mention_docs`` columns,
    which the dedup writer stores with the event, so no page needs a second query.
    """
    mentions = _mention_docs(row["mention_docs"])
    return {
        "event_id": row["event_id"], "type": row["type"], "mode": row["mode"],
        "context": list(row["context"] or []), "cameo": row["cameo"], "status": row["status"],
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "date": row["date"], "date_precision": row["date_precision"], "place": _place(row),
        "evidence": _evidence(row["evidence"]), "mentions": mentions,
        "num_articles": row["num_articles"] or len(mentions), "num_sources": row["num_sources"] or 0,
        "num_mentions": row["num_mentions"], "confidence": row["confidence"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"], "story_id": row["story_id"],
        "first_seen": json_value(row["first_seen"]), "last_seen": json_value(row["last_seen"]),
        "provenance": _listed(row.get("provenance")),
        "repeats": None if row.get("repeats") is None else [list(chain) for chain in row["repeats"]],
        "why": why_record(row),
    }


def why_record(row: Row) -> Row | None:
    """Why the event exists, from its representative mention's stored :class:`petrel.models.Provenance`:
    the rules that shaped it with their registry entries (``id``, ``stage``, ``doc``; an id this petrel no
    longer registers has ``None`` for both), the lexicon entry, the folded repeats, the event model's label
    and score and what the blend did. None for a mention stored before schema 5 (no provenance recorded).
    Reading the registry does not import spaCy (``petrel.coding`` loads its stages lazily)."""
    from petrel.coding.rules import fired
    from petrel.models import Provenance

    if row.get("provenance") is None:
        return None
    provenance = Provenance.of_chain(row["provenance"], row.get("repeats"), model_label=row.get("model_label"),
                                     model_score=row.get("model_score"), blend=row.get("blend"))
    registered = {rule.id: rule for rule in fired(provenance)}
    record = provenance.to_dict()
    record["rules"] = [{"id": r, "stage": registered[r].stage if r in registered else None,
                        "doc": registered[r].doc if r in registered else None} for r in provenance.rules]
    return record


def _listed(value: list[str] | None) -> list[str] | None:
    """A stored list as a list; None (not recorded: a row stored before schema 5) stays None."""
    return None if value is None else list(value)


def event_records(rows: list[Row]) -> list[Row]:
    return [event_record(row) for row in rows]
