"""Readers on invented miniature files (always) and on the real sets in ../shared/eval (skipped if absent)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from petrel.evaluation import readers
from petrel.models import PLOVER_TYPES

MINI_PETR = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# a comment that mentions <EventCoding...> and <Sentences>
<Sentences>
<Sentence category="TEST" date="20200101" id="T_1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="ZZZMIL" targetcode="---REB" />
<EventCoding eventcode="0431" sourcecode="ZZZ" targetcode="" />
<Text>
Zorland soldiers
fought rebels.
</Text>
<Parse>
1\tZorland\tZorland\tPROPN\tNNP\t_\t2\tcompound\t_\t_
</Parse></Sentence>
<Sentence category="TEST" date="20200102" id="T_2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
</Text>
<Parse>
1\tNothing\tnothing\tPRON\tNN\t_\t2\tnsubj\t_\t_
2\thappened\thappen\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
</Parse></Sentence>
</Sentences>
</Validation>
"""


def write(root: Path, rel: Path, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_petr2_reader_on_a_miniature(tmp_path):
    write(tmp_path, readers.PETR2_FILE, MINI_PETR)
    first, second = readers.read_petr2(tmp_path)
    assert (first.sentence_id, first.date, first.text) == ("T_1", "20200101", "Zorland soldiers fought rebels.")
    assert [(c.event_code, c.source_code, c.target_code) for c in first.codings] == [
        ("190", "ZZZMIL", "---REB"), ("0431", "ZZZ", "")]
    assert second.codings == () and second.text == "Nothing happened."


def test_plover_reader_skips_header_and_renames(tmp_path):
    records = [{"id": "H", "event": "DOCUMENT"},
               {"id": "R1", "event": "DEMAND", "text": "Zorland  asked Vexo.",
                "source": [{"actorText": "Zorland", "code": "zzz", "sector": "GOV"}], "target": ""},
               {"id": "R2", "event": "FIGHT", "text": "x", "source": [{"code": "JAP"}],
                "target": [{"code": "BBB"}, {"code": "CCC"}], "mode": "heavy"}]
    write(tmp_path, readers.PLOVER_FILE, json.dumps(records))
    r1, r2 = readers.read_plover(tmp_path)
    assert (r1.type, r1.original_type, r1.text, r1.source_codes, r1.targets) == (
        "REQUEST", "DEMAND", "Zorland asked Vexo.", frozenset({"ZZZ"}), ())
    assert r1.sources[0].sector == "GOV"
    assert r2.type == "ASSAULT" and r2.target_codes == {"BBB", "CCC"} and r2.mode == "heavy"
    assert r2.source_codes == {"JPN"}  # non-ISO code of the file read as ISO


def test_conflibert_readers_on_a_miniature(tmp_path):
    write(tmp_path, readers.PENTA_FILE, "Zorland spoke.\t0\n\nbad line\nVexo  attacked.\t4\n")
    write(tmp_path, readers.SPAN_FILE, "Zorland B-S\nspoke O\n\n\nVexo B-R\nand O\nZorland B-R\n")
    assert [(s.index, s.text, s.label) for s in readers.read_pentaclass(tmp_path)] == [
        (0, "Zorland spoke.", 0), (1, "Vexo attacked.", 4)]
    first, second = readers.read_spans(tmp_path)
    assert first.tokens == ("Zorland", "spoke") and second.token_roles() == ["R", None, "R"]


def test_seed_readers_on_a_miniature(tmp_path):
    line = {"id": "X-1", "doc": "d1", "type": ["AID"], "source": {"country": ["AAA", "BBB"], "sector": "GOV"},
            "target": {"name": "Vexo"}, "cue": "gave ... aid", "core": True, "same_as": "X-0"}
    write(tmp_path, readers.SEED_GOLD_FILE, json.dumps(line) + "\n")
    write(tmp_path, readers.SEED_METADATA_FILE, json.dumps({"doc": "d1", "outlet": "Paper"}) + "\n")
    (event,) = readers.read_seed_events(tmp_path)
    assert event.source.countries == ("AAA", "BBB") and event.source.sectors == ("GOV",)
    assert event.target is not None and event.target.countries == () and event.target.name == "Vexo"
    assert event.core and event.same_as == "X-0" and event.status is None
    assert readers.read_seed_metadata(tmp_path)[0].outlet == "Paper"
    assert readers.seed_articles_dir(tmp_path / "eval") == tmp_path / "corpus" / "seeds"


# --- the real files ---------------------------------------------------------------------------------


def test_real_plover_gsr(eval_dir):
    records = readers.read_plover(eval_dir)
    assert len(records) == 322
    assert {r.type for r in records} <= set(PLOVER_TYPES)
    assert Counter(r.original_type for r in records)["DEMAND"] == Counter(r.type for r in records)["REQUEST"]
    assert all(r.text for r in records)
    assert sum(bool(r.target_codes) for r in records) >= 280


def test_real_petr2_gsr(eval_dir):
    sentences = readers.read_petr2(eval_dir)
    assert len(sentences) == 78
    assert sum(len(s.codings) for s in sentences) == 80
    assert sum(not s.codings for s in sentences) == 12
    assert all(s.text for s in sentences)
    assert all(c.event_code.isdigit() and len(c.source_code) >= 3 for s in sentences for c in s.codings)


def test_real_conflibert(eval_dir):
    classes = readers.read_pentaclass(eval_dir)
    assert len(classes) == 1349 and {s.label for s in classes} == {0, 1, 2, 3, 4}
    spans = readers.read_spans(eval_dir)
    assert len(spans) == 1153
    assert {r for s in spans for r in s.token_roles()} == {None, "S", "T", "R"}


def test_real_seeds(eval_dir):
    events = readers.read_seed_events(eval_dir)
    assert len(events) == 29 and sum(e.core for e in events) == 20
    assert {e.doc for e in events} == {m.doc for m in readers.read_seed_metadata(eval_dir)}
    assert all(e.cue and set(e.types) <= set(PLOVER_TYPES) for e in events)
    articles = readers.seed_articles_dir(eval_dir)
    assert {p.stem for p in articles.iterdir()} >= {e.doc for e in events}


def test_re3d_reader_groups_entities_by_document(tmp_path):
    folder = tmp_path / "re3d" / "Some Ministry"
    folder.mkdir(parents=True)
    (folder / "documents.json").write_text(
        json.dumps({"_id": "D2", "text": "Zorland's army left.", "title": "t"}) + "\n"
        + json.dumps({"_id": "D1", "text": "Ana Vel spoke.", "title": "t"}) + "\n", encoding="utf-8")
    (folder / "entities.json").write_text(
        json.dumps({"documentId": "D1", "begin": 0, "end": 7, "type": "Person", "value": "Ana Vel",
                    "confidence": 1}) + "\n", encoding="utf-8")
    docs = readers.read_re3d(tmp_path)
    assert [d.doc_id for d in docs] == ["D1", "D2"] and docs[0].source == "Some Ministry"
    assert [(e.begin, e.end, e.type) for e in docs[0].entities] == [(0, 7, "Person")] and docs[1].entities == ()


def test_re3d_reader_without_files_raises_file_not_found(tmp_path):
    (tmp_path / "re3d").mkdir()
    with pytest.raises(FileNotFoundError):
        readers.read_re3d(tmp_path)


def test_real_re3d(eval_dir):
    docs = readers.read_re3d(eval_dir)
    assert len(docs) == 98
    for doc in docs:
        assert all(0 <= e.begin < e.end <= len(doc.text) for e in doc.entities)
    assert sum(len(d.entities) for d in docs) > 4000
