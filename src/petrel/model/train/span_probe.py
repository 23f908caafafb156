"""``python -m petrel.model.train.span_probe MODEL [--corpus training]``: give an already trained event model
a span head without retraining it.

The joint run (:mod:`petrel.model.train.fit`, ``span_weight``) trains the span head together with the type
and mode heads, and so moves the type head too. This module instead keeps the shipped int8 encoder and its
two heads exactly as they are and trains only a small span head (one hidden layer) on the encoder's last
layer, read off the very int8 graph that ships, one sentence per call as at run time. The head is then
grafted into the ONNX graph as a third output ``span_probs`` (int8 weights through ``DequantizeLinear``,
float activations, so each piece is computed on its own): the type and mode outputs stay bit for bit what
they were, and so do the blend thresholds and every figure that depends only on them.

Same labels as the joint run (:func:`petrel.model.train.data.side_spans`,
:func:`petrel.model.spans.gold_tags`), same seeded split, register frames on the training share, fixed seed.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

from petrel.model.spans import IGNORE, SPAN_TAGS, decode, gold_tags, span_f1
from petrel.model.train.augment import SHARE, vary_register
from petrel.model.train.data import SEED, Row, load_corpus, side_spans, split

log = logging.getLogger("petrel.model.train.span_probe")

#: the layers the span head reads, side by side: a middle layer (which still says much of each word and the
#: syntax around it) and the last (the input of the mean pooling, which says what the sentence is about)
LAYERS = ("/encoder/layers.3/out_norm/LayerNormalization_output_0",
          "/encoder/layers.5/out_norm/LayerNormalization_output_0")
#: torch's exporter names a layer's output with or without the ``/encoder`` scope (it varies between exports
#: of the same network); :func:`layer_names` finds them in a graph by what follows the scope
LAYER_SUFFIXES = tuple(name.removeprefix("/encoder") for name in LAYERS)
TOKENS = "/span_head/layers_output_0"  # the two, concatenated, in the grafted graph
OUTPUT = "span_probs"


@dataclass(frozen=True, slots=True)
class ProbeSettings:
    seed: int = SEED
    hidden: int = 256
    epochs: int = 15
    batch_tokens: int = 2048
    lr: float = 2e-3
    dropout: float = 0.1

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Features:
    """Per sentence: its pieces' last-layer vectors, their offsets, gold tags and gold sides."""

    vectors: list[np.ndarray]
    offsets: list[list[tuple[int, int]]]
    tags: list[np.ndarray]
    sides: list[tuple[tuple[int, int] | None, tuple[int, int] | None]]
    annotated: list[bool]


def layer_names(graph: onnx.GraphProto) -> tuple[str, ...]:
    """The names the layers of :data:`LAYERS` have in ``graph`` (with or without the ``/encoder`` scope)."""
    produced = {name for node in graph.node for name in node.output}
    found = []
    for suffix in LAYER_SUFFIXES:
        names = [n for n in (f"/encoder{suffix}", suffix) if n in produced]
        if not names:
            raise ValueError(f"the event model has no layer output ending in {suffix}")
        found.append(names[0])
    return tuple(found)


def features(model: Path, rows: list[Row], max_len: int) -> Features:
    """Run the shipped graph (with the layers of :data:`LAYERS` as extra outputs) on each sentence alone."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    graph = onnx.load(str(model / "event-model.onnx"))
    layers_out = layer_names(graph.graph)
    graph.graph.output.extend(helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in layers_out)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(graph.SerializeToString(), options, providers=["CPUExecutionProvider"])
    tk = Tokenizer.from_file(str(model / "tokenizer.json"))
    tk.enable_truncation(max_len)
    tk.no_padding()
    out = Features([], [], [], [], [])
    for n, (row, enc) in enumerate(zip(rows, tk.encode_batch([r.text for r in rows]), strict=True), 1):
        ids = np.array([enc.ids], dtype=np.int64)
        layers = session.run(list(layers_out), {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        vectors = np.concatenate(layers, axis=-1)
        source, target, annotated = side_spans(row)
        out.vectors.append(vectors[0])
        out.offsets.append(list(enc.offsets))
        out.tags.append(np.array(gold_tags(enc.offsets, source, target) if annotated else [IGNORE] * len(enc.ids)))
        out.sides.append((source, target) if annotated else (None, None))
        out.annotated.append(annotated)
        if n % 2000 == 0:
            log.info("features: %d/%d sentences", n, len(rows))
    return out


class SpanHead(nn.Module):
    def __init__(self, width: int, hidden: int, dropout: float) -> None:
        super().__init__()
        self.inner = nn.Linear(width, hidden)
        self.outer = nn.Linear(hidden, len(SPAN_TAGS))
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.outer(self.drop(nn.functional.gelu(self.inner(self.drop(x)))))


def scores(head: SpanHead, data: Features) -> dict[str, dict]:
    """Span exact / overlap F1 for source and target over the annotated sentences of ``data``."""
    head.eval()
    rows = [i for i, a in enumerate(data.annotated) if a]
    decoded = {}
    with torch.no_grad():
        for i in rows:
            probs = head(torch.from_numpy(data.vectors[i])).softmax(-1).numpy()
            decoded[i] = decode(probs, data.offsets[i])
    return {side: span_f1([data.sides[i][k] for i in rows], [decoded[i][k] for i in rows])
            for k, side in enumerate(("source", "target"))}


def train(tr: Features, va: Features, settings: ProbeSettings) -> tuple[SpanHead, list[dict]]:
    """The head of the epoch with the best validation overlap F1 (source + target), and one line per epoch."""
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    x = torch.from_numpy(np.concatenate(tr.vectors))
    y = torch.from_numpy(np.concatenate(tr.tags)).long()
    keep = y != IGNORE
    x, y = x[keep], y[keep]
    head = SpanHead(x.shape[1], settings.hidden, settings.dropout)
    opt = torch.optim.AdamW(head.parameters(), lr=settings.lr, weight_decay=0.01)
    loss_fn = nn.CrossEntropyLoss()
    history: list[dict] = []
    best: tuple[float, dict] | None = None
    for epoch in range(settings.epochs):
        head.train()
        order = list(range(len(y)))
        rng.shuffle(order)
        total = 0.0
        steps = 0
        for start in range(0, len(order), settings.batch_tokens):
            idx = torch.tensor(order[start:start + settings.batch_tokens])
            loss = loss_fn(head(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
            steps += 1
        sides = scores(head, va)
        history.append({"epoch": epoch + 1, "loss": round(total / max(1, steps), 4), "valid_spans": sides})
        log.info("epoch %d loss %.4f source %s target %s", epoch + 1, total / max(1, steps), sides["source"],
                 sides["target"])
        key = sides["source"]["overlap_f1"] + sides["target"]["overlap_f1"]
        if best is None or key > best[0]:
            best = (key, {k: v.detach().clone() for k, v in head.state_dict().items()})
    head.load_state_dict(best[1])
    head.eval()
    return head, history


def _int8(name: str, weight: np.ndarray) -> tuple[list, str]:
    """Initializers and a DequantizeLinear node for ``weight`` as int8 (symmetric, per tensor)."""
    scale = np.float32(max(1e-8, float(np.abs(weight).max())) / 127.0)
    q = np.clip(np.round(weight / scale), -127, 127).astype(np.int8)
    inits = [numpy_helper.from_array(q, f"{name}_quantized"), numpy_helper.from_array(np.array(scale), f"{name}_scale"),
             numpy_helper.from_array(np.array(np.int8(0)), f"{name}_zero_point")]
    node = helper.make_node("DequantizeLinear", [f"{name}_quantized", f"{name}_scale", f"{name}_zero_point"],
                            [f"{name}_dequantized"], name=f"{name}_DequantizeLinear")
    return [inits, node], f"{name}_dequantized"


def strip(model_file: Path, out: Path) -> bool:
    """Write the graph at ``model_file`` without a grafted span head (its nodes, weights and output) to
    ``out``; whether there was one. Lets the span head be trained again on the same encoder."""
    model = onnx.load(str(model_file))
    graph = model.graph
    if not any(o.name == OUTPUT for o in graph.output):
        return False
    nodes = [n for n in graph.node if not n.name.startswith("span_")]
    inits = [i for i in graph.initializer if not i.name.startswith("span_head.")]
    outputs = [o for o in graph.output if o.name != OUTPUT]
    del graph.node[:], graph.initializer[:], graph.output[:]
    graph.node.extend(nodes)
    graph.initializer.extend(inits)
    graph.output.extend(outputs)
    onnx.save(model, str(out))
    return True


def graft(model_file: Path, head: SpanHead, out: Path) -> None:
    """Add the span head to the graph at ``model_file`` as the output ``span_probs`` (batch x pieces x tags)."""
    model = onnx.load(str(model_file))
    graph = model.graph
    if any(o.name == OUTPUT for o in graph.output):
        raise ValueError(f"{model_file} already has a {OUTPUT} output")
    state = {k: v.numpy() for k, v in head.state_dict().items()}
    nodes = []
    (w1_inits, w1_node), w1 = _int8("span_head.inner.weight_T", state["inner.weight"].T.copy())
    (w2_inits, w2_node), w2 = _int8("span_head.outer.weight_T", state["outer.weight"].T.copy())
    graph.initializer.extend([*w1_inits, *w2_inits, numpy_helper.from_array(state["inner.bias"], "span_head.inner.bias"),
                              numpy_helper.from_array(state["outer.bias"], "span_head.outer.bias")])
    nodes += [helper.make_node("Concat", list(layer_names(graph)), [TOKENS], name="span_Concat", axis=-1), w1_node, w2_node,
              helper.make_node("MatMul", [TOKENS, w1], ["/span_head/inner/MatMul_output_0"], name="span_inner_MatMul"),
              helper.make_node("Add", ["/span_head/inner/MatMul_output_0", "span_head.inner.bias"],
                               ["/span_head/inner/Add_output_0"], name="span_inner_Add"),
              helper.make_node("Gelu", ["/span_head/inner/Add_output_0"], ["/span_head/Gelu_output_0"],
                               name="span_Gelu", domain="com.microsoft"),
              helper.make_node("MatMul", ["/span_head/Gelu_output_0", w2], ["/span_head/outer/MatMul_output_0"],
                               name="span_outer_MatMul"),
              helper.make_node("Add", ["/span_head/outer/MatMul_output_0", "span_head.outer.bias"],
                               ["/span_head/outer/Add_output_0"], name="span_outer_Add"),
              helper.make_node("Softmax", ["/span_head/outer/Add_output_0"], [OUTPUT], name="span_Softmax", axis=-1)]
    graph.node.extend(nodes)
    graph.output.append(helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", "tokens", len(SPAN_TAGS)]))
    if not any(op.domain == "com.microsoft" for op in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.model.train.span_probe")
    parser.add_argument("model", type=Path, help="folder of a trained event model (rewritten in place; a span "
                        "head it already has is replaced)")
    parser.add_argument("--corpus", default=Path("training"), type=Path)
    parser.add_argument("--valid-share", type=float, default=0.1)
    parser.add_argument("--limit", type=int, default=None, help="first N training sentences only (smoke run)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    settings = ProbeSettings()
    torch.set_num_threads(1)
    if strip(args.model / "event-model.onnx", args.model / "event-model.onnx"):
        log.info("removed the span head %s had", args.model)
    labels_path = args.model / "labels.json"
    labels = json.loads(labels_path.read_text())
    rows, _, _ = load_corpus(args.corpus)
    tr_rows, va_rows = split(rows, args.valid_share, settings.seed)
    tr_rows = vary_register(tr_rows, settings.seed, float(labels.get("frame_share") or SHARE))
    if args.limit:
        pick = random.Random(settings.seed)
        tr_rows = pick.sample(tr_rows, min(args.limit, len(tr_rows)))
        va_rows = pick.sample(va_rows, min(max(1, args.limit // 5), len(va_rows)))
    max_len = int(labels.get("max_len", 64))
    log.info("span head: features of %d training and %d validation sentences", len(tr_rows), len(va_rows))
    tr, va = features(args.model, tr_rows, max_len), features(args.model, va_rows, max_len)
    head, history = train(tr, va, settings)
    graft(args.model / "event-model.onnx", head, args.model / "event-model.onnx")
    best = max(history, key=lambda h: h["valid_spans"]["source"]["overlap_f1"] + h["valid_spans"]["target"]["overlap_f1"])
    labels["span_tags"] = list(SPAN_TAGS)
    labels["span_head"] = {"how": "span_probe (frozen encoder, grafted head)", "settings": settings.to_dict(),
                           "history": history, "kept_epoch": best["epoch"], "valid_spans": best["valid_spans"]}
    labels_path.write_text(json.dumps(labels, indent=1) + "\n")
    from petrel.model.card import write_card

    write_card(args.model)
    print(json.dumps(best["valid_spans"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
