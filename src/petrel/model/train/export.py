"""Export a trained :class:`EventNet` to ONNX and quantise it to int8 (what petrel ships and runs).

The int8 model is batch-independent: ``quantize_dynamic`` gives the int8 weights, then
:func:`petrel.model.train.quantise.calibrate` fixes every activation scale on training sentences, so a
sentence's probabilities never depend on which sentences share its batch or on padding (docs/model.md).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import torch

from petrel.model.labels import MODE_LABELS, TYPE_LABELS
from petrel.model.spans import SPAN_TAGS
from petrel.model.train.encoder import EventNet, base_model_dir
from petrel.model.train.quantise import calibrate, calibration_texts

__all__ = ["calibration_texts", "export"]

MODEL_FILE = "event-model.onnx"
LABELS_FILE = "labels.json"
TOKENIZER_FILE = "tokenizer.json"


def export(net: EventNet, out: Path, meta: dict, calibration: list[str]) -> Path:
    """Write ``event-model.onnx`` (int8, fixed activation scales calibrated on ``calibration``),
    ``tokenizer.json`` and ``labels.json`` into ``out``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if not calibration:
        raise ValueError("the int8 export needs calibration sentences")
    out.mkdir(parents=True, exist_ok=True)
    net.eval()
    ids = torch.ones(2, 12, dtype=torch.long)
    mask = torch.ones(2, 12, dtype=torch.long)
    full = out / "event-model.fp32.onnx"
    outputs = ["type_probs", "mode_probs"] + (["span_probs"] if net.span_head is not None else [])
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "type_probs": {0: "batch"}, "mode_probs": {0: "batch"}, "span_probs": {0: "batch", 1: "tokens"}}
    torch.onnx.export(net, (ids, mask), str(full), input_names=["input_ids", "attention_mask"],
                      output_names=outputs, dynamic_axes={k: v for k, v in axes.items() if k not in
                                                          ("span_probs",) or "span_probs" in outputs},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(full), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
    full.unlink()
    shutil.copy(base_model_dir() / "tokenizer.json", out / TOKENIZER_FILE)
    max_len = int(meta.get("max_len", 64))
    calibrate(out / MODEL_FILE, calibration, out / TOKENIZER_FILE, max_len)
    spans = {"span_tags": list(SPAN_TAGS)} if net.span_head is not None else {}
    labels = {"types": list(TYPE_LABELS), "modes": list(MODE_LABELS), **spans, **meta,
              "quantisation": {"scheme": "int8-static", "calibration_sentences": len(calibration)}}
    (out / LABELS_FILE).write_text(json.dumps(labels, indent=1) + "\n")
    return out / MODEL_FILE
