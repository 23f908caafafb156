"""Export a trained :class:`EventNet` to ONNX and quantise it to int8 (what petrel ships and runs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import torch

from petrel.model.labels import MODE_LABELS, TYPE_LABELS
from petrel.model.train.encoder import EventNet, base_model_dir

MODEL_FILE = "event-model.onnx"
LABELS_FILE = "labels.json"
TOKENIZER_FILE = "tokenizer.json"


def export(net: EventNet, out: Path, meta: dict) -> Path:
    """Write ``event-model.onnx`` (int8), ``tokenizer.json`` and ``labels.json`` into ``out``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    net.eval()
    ids = torch.ones(2, 12, dtype=torch.long)
    mask = torch.ones(2, 12, dtype=torch.long)
    full = out / "event-model.fp32.onnx"
    torch.onnx.export(net, (ids, mask), str(full), input_names=["input_ids", "attention_mask"],
                      output_names=["type_probs", "mode_probs"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                                    "type_probs": {0: "batch"}, "mode_probs": {0: "batch"}},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(full), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
    full.unlink()
    shutil.copy(base_model_dir() / "tokenizer.json", out / TOKENIZER_FILE)
    labels = {"types": list(TYPE_LABELS), "modes": list(MODE_LABELS), **meta}
    (out / LABELS_FILE).write_text(json.dumps(labels, indent=1) + "\n")
    return out / MODEL_FILE
