"""petrel.store.records: an ``events`` row in the event JSONL contract shape."""

from __future__ import annotations

from petrel.store.records import event_record, strip_sentence

ROW = {
    "event_id": "e1", "type": "ASSAULT", "mode": None, "context": None, "cameo": "190", "status": "actual",
    "source_name": "Northland army", "source_actor_id": None, "source_country": "NRL", "source_sector": ["MIL"],
    "target_name": None, "target_actor_id": None, "target_country": None, "target_sector": None,
    "date": "2024-01-02", "date_precision": "day", "place_name": None, "place_country": None,
    "place_admin1": None, "lat": None, "lon": None, "place_precision": None, "place_basis": None,
    "evidence": {"doc_id": "d1", "sentence": "  The army shelled a depot. ", "start": 10, "end": 38,
                 "trigger": "shelled"},
    "mention_docs": None, "num_articles": None, "num_sources": None, "num_mentions": 1, "confidence": 0.7,
    "quad_class": 4, "goldstein": -10.0, "story_id": None, "first_seen": None, "last_seen": None,
}


def test_missing_sides_and_places_are_nulls_and_lists_are_lists() -> None:
    record = event_record(dict(ROW))
    assert record["target"] is None and record["place"] is None
    assert record["source"] == {"name": "Northland army", "actor_id": None, "country": "NRL", "sector": ["MIL"]}
    assert record["context"] == [] and record["mentions"] == []
    assert (record["num_articles"], record["num_sources"]) == (0, 0)


def test_the_evidence_sentence_is_stripped_and_its_offsets_follow() -> None:
    evidence = event_record(dict(ROW))["evidence"]
    assert evidence["sentence"] == "The army shelled a depot."
    assert (evidence["start"], evidence["end"]) == (12, 12 + len("The army shelled a depot."))


def test_strip_sentence_leaves_a_clean_sentence_alone() -> None:
    row = {"s": "Clean.", "a": 3, "b": 9}
    assert strip_sentence(row, "s", "a", "b") == {"s": "Clean.", "a": 3, "b": 9}
