"""Batch-independent int8 for the event model: fixed activation scales (or none).

``quantize_dynamic`` (onnxruntime) stores every MatMul weight as int8 with one scale, and at run time
quantises each MatMul's *input* to uint8 with a scale computed from the whole batch
(``DynamicQuantizeLinear``). A sentence's activations are then rounded on a grid set by its neighbours
and by padding, so its probabilities depend on which sentences share its batch. :func:`weight_only`
rewrites such a graph: every ``DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul(scale)`` chain
becomes ``MatMul(x, DequantizeLinear(W_int8, W_scale, W_zero))``. The int8 weights and their scales are
kept bit for bit (the file stays the same size); only the activations are no longer rounded, so each
row of the batch is computed on its own. Embedding lookups (``Gather`` + ``DequantizeLinear``) are
per-token already and are left as they are.

:func:`static_scales` is what petrel ships: the weight-only graph with each MatMul input passed through
``QuantizeLinear -> DequantizeLinear`` with a fixed scale and zero point, calibrated once on training
sentences (the range of that input over them, measured on the weight-only graph, i.e. with the very int8
weights that ship). onnxruntime fuses that back into integer MatMuls (``MatMulIntegerToFloat``), so it
runs about as fast as the dynamic model, and every token is quantised on the same grid whatever shares
its batch. (Last-bit float differences between batch shapes can still cross a rounding step now and
then, which is why the classifier also runs one sentence per call.) Neither rewrite needs the fp32
model, so an already quantised model can be made batch-independent without retraining.
"""

from __future__ import annotations

import argparse
import logging
import random
from collections import defaultdict
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

log = logging.getLogger(__name__)

CALIBRATION_SENTENCES = 2048  # training sentences whose ranges fix the activation scales (512 gave 0.6 points less test accuracy)


def calibration_texts(texts: list[str], seed: int, count: int = CALIBRATION_SENTENCES) -> list[str]:
    """The training sentences whose activation ranges fix the int8 scales (a seeded sample)."""
    return random.Random(seed).sample(list(texts), min(count, len(texts)))


class QuantiseError(ValueError):
    """The graph has a quantised MatMul that is not the chain ``quantize_dynamic`` writes."""


def _consumers(graph: onnx.GraphProto) -> dict[str, list[onnx.NodeProto]]:
    out: dict[str, list[onnx.NodeProto]] = defaultdict(list)
    for node in graph.node:
        for name in node.input:
            out[name].append(node)
    return out


def _only(nodes: list[onnx.NodeProto], op: str, what: str) -> onnx.NodeProto:
    if len(nodes) != 1 or nodes[0].op_type != op:
        raise QuantiseError(f"{what}: expected one {op}, found {[n.op_type for n in nodes]}")
    return nodes[0]


def weight_only(model: onnx.ModelProto) -> tuple[onnx.ModelProto, int]:
    """``(model with every dynamically quantised MatMul made weight-only, number rewritten)``."""
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    consumers = _consumers(graph)
    initializers = {i.name for i in graph.initializer}
    replace: dict[int, list[onnx.NodeProto]] = {}  # id of the chain's last Mul -> nodes that take its place
    dead: set[int] = set()
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        a_q, w_q, _a_zero, w_zero = node.input
        if w_q not in initializers:
            raise QuantiseError(f"{node.name}: its weight {w_q} is not an initializer")
        quant = producer.get(a_q)
        if quant is None or quant.op_type != "DynamicQuantizeLinear":
            raise QuantiseError(f"{node.name}: its input is not dynamically quantised")
        cast = _only(consumers[node.output[0]], "Cast", node.name)
        rescale = _only(consumers[cast.output[0]], "Mul", node.name)
        scales = producer[next(i for i in rescale.input if i != cast.output[0])]
        if scales.op_type != "Mul":
            raise QuantiseError(f"{node.name}: its output scale is not a product of scales")
        w_scale = next((i for i in scales.input if i in initializers), None)
        if w_scale is None:
            raise QuantiseError(f"{node.name}: no weight scale among {list(scales.input)}")
        weight = f"{w_q}_dequantized"
        name = node.name or rescale.output[0]
        replace[id(rescale)] = [
            helper.make_node("DequantizeLinear", [w_q, w_scale, w_zero], [weight], name=f"{name}_weight"),
            helper.make_node("MatMul", [quant.input[0], weight], list(rescale.output), name=f"{name}_fp"),
        ]
        dead.update({id(node), id(cast), id(scales)})
    nodes: list[onnx.NodeProto] = []
    for node in graph.node:
        if id(node) in replace:
            nodes += replace[id(node)]
        elif id(node) not in dead:
            nodes.append(node)
    # the DynamicQuantizeLinear nodes now feed nothing: drop them (and nothing else)
    used = {name for node in nodes for name in node.input} | {o.name for o in graph.output}
    nodes = [n for n in nodes if n.op_type != "DynamicQuantizeLinear" or any(o in used for o in n.output)]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in nodes for name in node.input}
    keep = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    onnx.checker.check_model(model)
    return model, len(replace)


def _dynamic_inputs(model: onnx.ModelProto) -> list[str]:
    return [n.input[0] for n in model.graph.node if n.op_type == "DynamicQuantizeLinear"]


def activation_ranges(model: onnx.ModelProto, batches: list[dict[str, np.ndarray]]) -> dict[str, tuple[float, float]]:
    """``{tensor: (min, max)}`` of every dynamically quantised MatMul input of ``model`` over ``batches``
    (run on the weight-only rewrite of ``model``). Feed sentences one at a time (no padding): the range
    is then the sentences' own, not that of padding tokens."""
    import onnxruntime as ort

    names = _dynamic_inputs(model)
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    probe, _ = weight_only(probe)
    probe.graph.output.extend(helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in names)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(probe.SerializeToString(), options, providers=["CPUExecutionProvider"])
    low = dict.fromkeys(names, 0.0)
    high = dict.fromkeys(names, 0.0)
    for feed in batches:
        values = session.run(names, feed)
        for name, value in zip(names, values, strict=True):
            low[name] = min(low[name], float(value.min()))
            high[name] = max(high[name], float(value.max()))
    return {n: (low[n], high[n]) for n in names}


def static_scales(model: onnx.ModelProto, ranges: dict[str, tuple[float, float]]) -> tuple[onnx.ModelProto, int]:
    """``(model with fixed activation scales, count)``: the dynamically quantised ``model`` made weight-only
    (:func:`weight_only`), then each calibrated MatMul input ``x`` passed through
    ``QuantizeLinear -> DequantizeLinear`` with a fixed scale (the QDQ form, which onnxruntime fuses back
    into integer MatMuls).

    The scale and zero point are those ``DynamicQuantizeLinear`` would compute for a tensor spanning the
    calibrated range (uint8, the range widened to include 0); values beyond it saturate."""
    missing = [n for n in _dynamic_inputs(model) if n not in ranges]
    if missing:
        raise QuantiseError(f"no calibrated range for {', '.join(missing)}")
    model, _ = weight_only(model)
    graph = model.graph
    nodes: list[onnx.NodeProto] = []
    done: set[str] = set()
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[0] in ranges:
            source = node.input[0]
            if source not in done:
                low, high = min(0.0, ranges[source][0]), max(0.0, ranges[source][1])
                scale = np.float32((high - low) / 255.0) if high > low else np.float32(1.0)
                zero = np.uint8(np.clip(np.round(-low / scale), 0, 255))
                graph.initializer.extend([numpy_helper.from_array(np.array(scale), f"{source}_scale"),
                                          numpy_helper.from_array(np.array(zero), f"{source}_zero_point")])
                nodes += [helper.make_node("QuantizeLinear", [source, f"{source}_scale", f"{source}_zero_point"],
                                           [f"{source}_quantized"], name=f"{source}_QuantizeLinear"),
                          helper.make_node("DequantizeLinear", [f"{source}_quantized", f"{source}_scale",
                                                                f"{source}_zero_point"],
                                           [f"{source}_static"], name=f"{source}_DequantizeLinear")]
                done.add(source)
            node.input[0] = f"{source}_static"
        nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    return model, len(done)


def sentence_feeds(texts: list[str], tokenizer_file: Path, max_len: int) -> list[dict[str, np.ndarray]]:
    """One unpadded ``{input_ids, attention_mask}`` feed per text, tokenised as petrel does at run time."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_len)
    tokenizer.no_padding()
    feeds = []
    for enc in tokenizer.encode_batch(list(texts)):
        ids = np.array([enc.ids], dtype=np.int64)
        feeds.append({"input_ids": ids, "attention_mask": np.ones_like(ids)})
    return feeds


def calibrate(path: Path, texts: list[str], tokenizer_file: Path, max_len: int, out: Path | None = None) -> int:
    """Rewrite the dynamically quantised model at ``path`` (into ``out`` or in place) with fixed activation
    scales calibrated on ``texts``; the number of activations given a fixed scale."""
    model = onnx.load(str(path))
    ranges = activation_ranges(model, sentence_feeds(texts, tokenizer_file, max_len))
    model, count = static_scales(model, ranges)
    onnx.save(model, str(out or path))
    log.info("%s: %d activation scales fixed on %d calibration sentences", out or path, count, len(texts))
    return count


def make_weight_only(path: Path, out: Path | None = None) -> int:
    """Rewrite the model file at ``path`` (into ``out``, or in place); the number of MatMuls rewritten."""
    model, count = weight_only(onnx.load(str(path)))
    onnx.save(model, str(out or path))
    log.info("%s: %d MatMuls made weight-only", out or path, count)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.model.train.quantise",
                                     description="make a dynamically quantised event model batch-independent")
    parser.add_argument("model", type=Path, help="event-model.onnx written by quantize_dynamic")
    parser.add_argument("--out", type=Path, help="where to write (default: in place)")
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--calibrate", type=Path, metavar="CORPUS",
                     help="fixed activation scales from the training split of CORPUS (what `make model` does)")
    how.add_argument("--weight-only", action="store_true", help="float activations (slower; for comparison)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.weight_only:
        make_weight_only(args.model, args.out)
        return 0
    import json

    from petrel.model.train.data import SEED, load_corpus, split

    rows, _, _ = load_corpus(args.calibrate)
    train, _ = split(rows, 0.1, SEED)
    meta = json.loads((args.model.parent / "labels.json").read_text())
    texts = calibration_texts([r.text for r in train], SEED)
    calibrate(args.model, texts, args.model.parent / "tokenizer.json", int(meta.get("max_len", 64)), args.out)
    labels = (args.out or args.model).parent / "labels.json"
    if labels.is_file():
        meta = json.loads(labels.read_text())
        meta["quantisation"] = {"scheme": "int8-static", "calibration_sentences": len(texts)}
        labels.write_text(json.dumps(meta, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
