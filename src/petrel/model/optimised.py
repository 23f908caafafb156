"""The event model's ONNX session, from a graph optimised once and kept in the cache folder.

Creating the session optimises the graph (fusing the attention and layer-norm nodes of the MiniLM) on
every start: about 0.08 s of CPU of a one-article run. The first start with a cache folder saves the
graph as optimised at ``ORT_ENABLE_EXTENDED`` (the portable levels: no hardware-specific layouts) to
``event-model-<key>.onnx``; later starts load that file, where only the cheap remaining passes run (about
0.05 s). The probabilities are bit for bit the same (tested), since the session runs the same fused
graph either way. The key is made of the model file (path, size and modification time: hashing its 22 MB
would cost what the cache saves), the onnxruntime version and petrel's cache format, so a retrained
model or another onnxruntime gets a fresh file. A cache that cannot be written or read costs speed,
never a run: the session is then made from the model file as before.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from petrel.cache import cache_key

log = logging.getLogger(__name__)

KIND = "event-model"
KEEP = 2  # optimised graphs kept per cache folder (other models or onnxruntime versions)


def optimised_path(model: Path, cache_dir: Path) -> Path:
    """Where the optimised graph of ``model`` is kept (the name changes whenever the model file does)."""
    import onnxruntime as ort

    key = cache_key(KIND, [], stat_files=[model], extra=("ort-extended", ort.__version__))
    return Path(cache_dir) / f"{KIND}-{key}.onnx"


def create_session(model: Path, threads: int = 1, cache_dir: Path | None = None) -> Any:
    """An ``InferenceSession`` for ``model`` (one thread per call by default), via the cached optimised graph."""
    import onnxruntime as ort

    def options() -> Any:
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        return opts

    providers = ["CPUExecutionProvider"]
    if cache_dir is None:
        return ort.InferenceSession(str(model), options(), providers=providers)
    path = optimised_path(model, cache_dir)
    if path.is_file():
        try:
            return ort.InferenceSession(str(path), options(), providers=providers)
        except Exception as exc:  # a truncated or foreign file: rebuild it below
            log.warning("ignoring unreadable optimised event model %s: %s", path, exc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{KIND}-", suffix=".onnx")
        os.close(fd)
        try:
            saving = options()
            saving.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
            saving.optimized_model_filepath = tmp
            ort.InferenceSession(str(model), saving, providers=providers)
            os.replace(tmp, path)  # atomic: a concurrent start sees the whole file or none
        finally:
            Path(tmp).unlink(missing_ok=True)
        _prune(path)
    except Exception as exc:  # a read-only cache folder costs speed, never a run
        log.warning("cannot save the optimised event model in %s: %s", path.parent, exc)
        return ort.InferenceSession(str(model), options(), providers=providers)
    return ort.InferenceSession(str(path), options(), providers=providers)


def _prune(keep: Path) -> None:
    entries = sorted(keep.parent.glob(f"{KIND}-*.onnx"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        if old != keep:
            old.unlink(missing_ok=True)
