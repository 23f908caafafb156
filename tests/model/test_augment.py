"""Register frames on training sentences: labels kept, reproducible, never on headlines."""

from petrel.model.train.augment import vary_register
from petrel.model.train.data import Row


def _row(text: str, label: str = "PROTEST") -> Row:
    return Row(text, label, None, "actual", None, None, False, "x.jsonl")


ROWS = [_row(f"Hundreds of dockworkers marched through the port city number {i} to demand back pay.") for i in range(200)]


def test_labels_and_order_are_kept() -> None:
    out = vary_register(ROWS, seed=13)
    assert len(out) == len(ROWS)
    assert [r.type for r in out] == [r.type for r in ROWS]
    assert all(f"number {i} " in r.text for i, r in enumerate(out))


def test_about_the_share_is_framed_and_reproducible() -> None:
    out = vary_register(ROWS, seed=13, share=0.3)
    changed = sum(a.text != b.text for a, b in zip(out, ROWS, strict=True))
    assert 35 <= changed <= 85
    assert out == vary_register(ROWS, seed=13, share=0.3)
    assert out != vary_register(ROWS, seed=14, share=0.3)


def test_headlines_and_framed_sentences_are_left_alone() -> None:
    rows = [_row("Dockworkers strike over back pay"),
            _row("On 4 May 2023, hundreds of dockworkers marched through the port to demand back pay.")]
    assert vary_register(rows, seed=13, share=1.0) == rows


def test_frames_open_or_close_the_sentence() -> None:
    out = vary_register(ROWS, seed=5, share=1.0)
    for new, old in zip(out, ROWS, strict=True):
        core = old.text[1:-1]
        assert core in new.text
        assert new.text.endswith(".")
