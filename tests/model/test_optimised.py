"""The event model's optimised graph, kept in the cache folder: the same probabilities, rebuilt when the
model file changes, and never a failed run when the cache folder cannot be used."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np

from petrel.model.classifier import DEFAULT_DIR, LABELS_FILE, MODEL_FILE, TOKENIZER_FILE, EventClassifier
from petrel.model.optimised import optimised_path

SENTENCES = ["Government forces shelled rebel positions near the border on Tuesday.",
             "The minister met her counterpart to discuss trade.", "It rained all day."]


def test_the_cached_graph_gives_the_same_probabilities_bit_for_bit(tmp_path: Path) -> None:
    plain = EventClassifier(DEFAULT_DIR).probabilities(SENTENCES)
    first = EventClassifier(DEFAULT_DIR, cache_dir=tmp_path)  # optimises and saves
    saved = list(tmp_path.glob("event-model-*.onnx"))
    assert saved == [optimised_path(DEFAULT_DIR / MODEL_FILE, tmp_path)]
    second = EventClassifier(DEFAULT_DIR, cache_dir=tmp_path)  # loads the saved graph
    assert saved[0].stat().st_size > 0 and not list(tmp_path.glob(".event-model-*"))  # no temp file left
    for classifier in (first, second):
        types, modes = classifier.probabilities(SENTENCES)
        assert np.array_equal(types, plain[0]) and np.array_equal(modes, plain[1])


def test_a_changed_model_file_gets_a_fresh_optimised_graph(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    for name in (MODEL_FILE, LABELS_FILE, TOKENIZER_FILE):
        shutil.copy(DEFAULT_DIR / name, folder / name)
    cache = tmp_path / "cache"
    EventClassifier(folder, cache_dir=cache)
    before = optimised_path(folder / MODEL_FILE, cache)
    assert before.is_file()
    stat = (folder / MODEL_FILE).stat()
    os.utime(folder / MODEL_FILE, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # e.g. `make model` again
    after = optimised_path(folder / MODEL_FILE, cache)
    assert after != before and not after.is_file()
    EventClassifier(folder, cache_dir=cache)
    assert after.is_file()


def test_a_corrupt_cached_graph_is_replaced(tmp_path: Path) -> None:
    path = optimised_path(DEFAULT_DIR / MODEL_FILE, tmp_path)
    path.write_bytes(b"not an onnx model")
    types, _ = EventClassifier(DEFAULT_DIR, cache_dir=tmp_path).probabilities(SENTENCES[:1])
    assert np.array_equal(types, EventClassifier(DEFAULT_DIR).probabilities(SENTENCES[:1])[0])
    assert path.stat().st_size > 1000


def test_an_unusable_cache_folder_still_gives_a_model(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    types, _ = EventClassifier(DEFAULT_DIR, cache_dir=blocker / "cache").probabilities(SENTENCES[:1])
    assert types.shape == (1, types.shape[1]) and abs(float(types.sum()) - 1.0) < 1e-3
