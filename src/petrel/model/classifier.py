"""The event model at run time: int8 ONNX MiniLM + tokenizer, no torch, one sentence per call.

:meth:`EventClassifier.predict` takes sentence texts and returns one :class:`SentencePrediction` each:
the probability of every PLOVER type and of ``NONE`` (no political event), the best mode and its score,
and the spans the span head reads as the event's source and target (character offsets in the sentence,
decoded from its BIO tags by :func:`petrel.model.spans.decode`; none from a model without a span head).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from petrel.errors import ConfigError
from petrel.model.labels import MODE_LABELS, NO_MODE, NONE, TYPE_LABELS
from petrel.model.spans import decode
from petrel.models import PartySpan, SentencePrediction

log = logging.getLogger(__name__)

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "model"
MODEL_FILE = "event-model.onnx"
LABELS_FILE = "labels.json"
TOKENIZER_FILE = "tokenizer.json"


class EventClassifier:
    """One ONNX session and tokenizer; thread-safe for ``predict`` (onnxruntime sessions are)."""

    def __init__(self, folder: Path = DEFAULT_DIR, *, threads: int = 1, cache_dir: Path | None = None) -> None:
        from tokenizers import Tokenizer

        from petrel.model.optimised import create_session

        labels = check_model_folder(folder)
        self.meta = labels
        self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(int(labels.get("max_len", 64)))
        self.tokenizer.no_padding()
        # the graph optimised once and kept in cache_dir (petrel.model.optimised); one thread per call
        self.session = create_session(folder / MODEL_FILE, threads, cache_dir)

    def probabilities(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(type probabilities, mode probabilities)``, one row per text, in order.

        Each sentence runs on its own (one unpadded row per call), so its probabilities are bit for bit
        the same whatever else is in ``texts``: see "Reproducibility" in docs/model.md."""
        types, modes, _ = self.readings(texts)
        return types, modes

    def readings(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[Sides]]:
        """:meth:`probabilities` and, per text, its ``(source spans, target spans)`` in the text's offsets."""
        types = np.zeros((len(texts), len(TYPE_LABELS)), dtype=np.float32)
        modes = np.zeros((len(texts), len(MODE_LABELS)), dtype=np.float32)
        sides: list[Sides] = [((), ())] * len(texts)
        if not texts:
            return types, modes, sides
        done: dict[tuple[int, ...], int] = {}  # a repeated sentence (same word pieces) runs once
        for i, encoded in enumerate(self.tokenizer.encode_batch(list(texts))):
            key = tuple(encoded.ids)
            if key in done:
                types[i], modes[i], sides[i] = types[done[key]], modes[done[key]], sides[done[key]]
                continue
            ids = np.array([encoded.ids], dtype=np.int64)
            out = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            types[i], modes[i] = out[0][0], out[1][0]
            if len(out) > 2:  # a model with a span head
                sides[i] = decode(out[2][0], encoded.offsets)
            done[key] = i
        return types, modes, sides

    def predict(self, texts: Sequence[str]) -> list[SentencePrediction]:
        types, modes, sides = self.readings(texts)
        return [prediction(t, m, s) for t, m, s in zip(types, modes, sides, strict=True)]


Sides = tuple[tuple[PartySpan, ...], tuple[PartySpan, ...]]


def prediction(type_probs: np.ndarray, mode_probs: np.ndarray, sides: Sides = ((), ())) -> SentencePrediction:
    """The typed record of one row of probabilities: best label, its score, and the best mode of that type."""
    best = int(type_probs.argmax())
    label = TYPE_LABELS[best]
    mode, mode_score = None, None
    if label != NONE:
        allowed = [i for i, m in enumerate(MODE_LABELS) if m.startswith(f"{label}:")]
        if allowed:
            i = max(allowed, key=lambda k: mode_probs[k])
            share = float(mode_probs[i] / max(1e-9, mode_probs[allowed].sum() + mode_probs[MODE_LABELS.index(NO_MODE)]))
            mode, mode_score = MODE_LABELS[i].split(":", 1)[1], round(share, 4)
    return SentencePrediction(label=label, score=round(float(type_probs[best]), 4),
                              probs={t: round(float(p), 4) for t, p in zip(TYPE_LABELS, type_probs, strict=True)},
                              mode=mode, mode_score=mode_score, source_spans=sides[0], target_spans=sides[1])


def check_model_folder(folder: Path) -> dict:
    """The model's labels file, read; :class:`ConfigError` when a file is missing or the labels differ
    (cheap: a lazily loaded model is checked at once, so a bad install fails the run, not each document)."""
    missing = [f for f in (MODEL_FILE, LABELS_FILE, TOKENIZER_FILE) if not (folder / f).is_file()]
    if missing:
        raise ConfigError(f"the event model is missing {', '.join(missing)} in {folder}: "
                          "reinstall petrel, run `make model`, or set PETREL_EVENT_MODEL=false")
    labels = json.loads((folder / LABELS_FILE).read_text())
    if tuple(labels["types"]) != TYPE_LABELS or tuple(labels["modes"]) != MODE_LABELS:
        raise ConfigError(f"the event model in {folder} was trained for other labels: run `make model`")
    return labels


class LazyClassifier:
    """The event model, loaded on first use: a run whose sentences name nobody (nothing for the model to
    read) never creates the ONNX session (about 0.1-0.2 s of a start). Answers exactly as the loaded
    :class:`EventClassifier` does; thread-safe (the first caller loads, others wait for it)."""

    def __init__(self, folder: str | None = None, threads: int = 1, cache_dir: Path | None = None) -> None:
        check_model_folder(Path(folder) if folder else DEFAULT_DIR)
        self.folder = folder
        self.threads = threads
        self.cache_dir = cache_dir
        self._loaded: EventClassifier | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def get(self) -> EventClassifier:
        """The loaded classifier (loading it now if needed)."""
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    self._loaded = load_classifier(self.folder, self.threads, self.cache_dir)
        return self._loaded

    def probabilities(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        if not texts:
            return (np.zeros((0, len(TYPE_LABELS)), dtype=np.float32), np.zeros((0, len(MODE_LABELS)), dtype=np.float32))
        return self.get().probabilities(texts)

    def predict(self, texts: Sequence[str]) -> list[SentencePrediction]:
        return self.get().predict(texts) if texts else []

    def __getattr__(self, name: str) -> object:  # meta, tokenizer, session: whatever the loaded one has
        if name.startswith("__") or name in ("folder", "threads", "cache_dir", "_loaded", "_lock"):
            raise AttributeError(name)
        return getattr(self.get(), name)


@lru_cache(maxsize=4)
def load_classifier(folder: str | None = None, threads: int = 1, cache_dir: Path | None = None) -> EventClassifier:
    """The shipped classifier (or the one in ``folder``), loaded once per process (its optimised graph
    kept in ``cache_dir``, when given)."""
    return EventClassifier(Path(folder) if folder else DEFAULT_DIR, threads=threads, cache_dir=cache_dir)
