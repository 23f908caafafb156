"""The training corpus reader: labels checked, sentences deduplicated, test kept out of training."""

from __future__ import annotations

import json
from pathlib import Path

from petrel.model.labels import MODE_LABELS, NO_MODE, TYPE_LABELS, mode_label
from petrel.model.train.data import corpus_digest, dedupe, load_corpus, read_rows, split, text_key


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def row(text: str, type_: str = "ASSAULT", mode: str | None = None) -> dict:
    return {"text": text, "type": type_, "mode": mode, "status": "actual", "source": None, "target": None,
            "near_miss": False}


def test_labels_cover_every_plover_type_and_no_event() -> None:
    assert TYPE_LABELS[0] == "NONE" and len(TYPE_LABELS) == 17
    assert MODE_LABELS[0] == NO_MODE and "ASSAULT:aerial" in MODE_LABELS


def test_mode_label_only_for_a_mode_of_that_type() -> None:
    assert mode_label("ASSAULT", "aerial") == "ASSAULT:aerial"
    assert mode_label("AGREE", "aerial") == NO_MODE
    assert mode_label("ASSAULT", None) == NO_MODE


def test_bad_rows_are_reported_not_trained_on(tmp_path: Path) -> None:
    path = tmp_path / "corpus" / "a.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(row("Troops shelled the hill town.")) + "\n{not json\n"
                    + json.dumps(row("The council met.", "MEET")) + "\n"
                    + json.dumps(row("Jets struck a depot.", "ASSAULT", "knitting")) + "\n")
    rows, problems = read_rows([path], tmp_path)
    assert [r.text for r in rows] == ["Troops shelled the hill town.", "Jets struck a depot."]
    assert rows[1].mode is None  # a mode the type does not have is dropped, the row kept
    assert len(problems) == 2 and "corpus/a.jsonl:2" in problems[0] and "MEET" in problems[1]


def test_dedupe_ignores_case_and_punctuation() -> None:
    a, b = (read_rows_from([row("Rebels seized the port."), row("rebels seized the port")]))
    assert text_key(a.text) == text_key(b.text)
    assert dedupe([a, b]) == [a]
    assert dedupe([a], banned={text_key(a.text)}) == []


def read_rows_from(items: list[dict]):  # noqa: ANN201
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        write(path, items)
        return read_rows([path], Path(tmp))[0]


def test_test_split_sentences_never_reach_training(tmp_path: Path) -> None:
    write(tmp_path / "test" / "t.jsonl", [row("Police detained six students in the capital.", "COERCE", "arrest")])
    write(tmp_path / "corpus" / "w" / "a.jsonl", [row("Police detained six students in the capital!", "COERCE"),
                                                   row("Gunmen abducted a district chief.", "ASSAULT", "abduct")])
    train, test, problems = load_corpus(tmp_path)
    assert [r.text for r in test] == ["Police detained six students in the capital."]
    assert [r.text for r in train] == ["Gunmen abducted a district chief."]
    assert problems == []


def test_split_is_stratified_and_seeded() -> None:
    items = [row(f"Sentence number {i} about an attack.") for i in range(20)] + \
            [row(f"Sentence number {i} about a meeting.", "CONSULT") for i in range(10)]
    rows = read_rows_from(items)
    train, valid = split(rows, 0.2, seed=13)
    assert sorted(r.type for r in valid) == ["ASSAULT"] * 4 + ["CONSULT"] * 2
    assert split(rows, 0.2, seed=13) == (train, valid)
    assert len(train) + len(valid) == 30
    assert corpus_digest(rows) == corpus_digest(list(rows)) != corpus_digest(rows[1:])


def test_promised_cooperation_is_agreement_and_promised_force_a_threat() -> None:
    items = [dict(row("Norway will send doctors to the flooded province.", "AID"), status="future"),
             dict(row("The army would storm the hills if talks failed.", "ASSAULT", "firearms"), status="hypothetical"),
             dict(row("The envoy will visit Lima next week.", "CONSULT", "visit"), status="future"),
             row("Norway sent doctors to the flooded province.", "AID")]
    assert [(r.type, r.mode) for r in read_rows_from(items)] == [
        ("AGREE", None), ("THREATEN", "violence"), ("CONSULT", "visit"), ("AID", None)]


def test_side_spans_locate_the_sides_and_skip_events_whose_sides_were_never_recorded() -> None:
    from dataclasses import replace

    from petrel.model.train.data import Row, side_spans

    text = "On Monday, the army shelled rebel positions near the dam."
    both = Row(text, "ASSAULT", None, "actual", "The army", "rebel positions", False, "x.jsonl")
    assert side_spans(both) == ((11, 19), (28, 43), True)  # found despite the frame's lower-cased "the"
    one = replace(both, target=None)
    assert side_spans(one) == ((11, 19), None, True)  # a side left empty: no such party, tagged O
    unrecorded = replace(both, source=None, target=None)
    assert side_spans(unrecorded)[2] is False  # an event with no side recorded teaches the span head nothing
    none = replace(unrecorded, type="NONE")
    assert side_spans(none) == (None, None, True)  # no event: every piece O
