"""Grafting a span head into an event-model graph: the old outputs untouched, the new one what torch gives.

Needs the ``train`` extra (torch, onnx); skipped without it, like ``test_quantise.py``."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
torch = pytest.importorskip("torch")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from petrel.model.train.span_probe import LAYER_SUFFIXES, LAYERS, OUTPUT, SpanHead, graft, layer_names, strip  # noqa: E402


def tiny_model(path, layers: tuple[str, ...] = LAYERS) -> None:  # noqa: ANN001
    """input_ids -> two embeddings (the "layers", named as the exported graph names them) -> mean of the
    last -> type_probs."""
    rng = np.random.default_rng(5)
    table = numpy_helper.from_array(rng.normal(size=(20, 8)).astype(np.float32), "table")
    table2 = numpy_helper.from_array(rng.normal(size=(20, 8)).astype(np.float32), "table2")
    w = numpy_helper.from_array(rng.normal(size=(8, 3)).astype(np.float32), "w")
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "input_ids"], [layers[0]]),
         helper.make_node("Gather", ["table2", "input_ids"], [layers[1]]),
         helper.make_node("ReduceMean", [layers[1]], ["pooled"], axes=[1], keepdims=0),
         helper.make_node("MatMul", ["pooled", "w"], ["logits"]),
         helper.make_node("Softmax", ["logits"], ["type_probs"], axis=-1)],
        "tiny", [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"])],
        [helper.make_tensor_value_info("type_probs", TensorProto.FLOAT, ["batch", 3])], [table, table2, w])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, str(path))


@pytest.mark.parametrize("layers", [LAYERS, LAYER_SUFFIXES], ids=["encoder-scope", "no-scope"])
def test_the_grafted_head_matches_torch_and_leaves_the_other_outputs_alone(tmp_path, layers) -> None:  # noqa: ANN001
    tiny_model(tmp_path / "m.onnx", layers)
    assert layer_names(onnx.load(str(tmp_path / "m.onnx")).graph) == layers
    torch.manual_seed(0)
    head = SpanHead(16, 6, 0.0).eval()
    graft(tmp_path / "m.onnx", head, tmp_path / "g.onnx")
    ids = np.array([[1, 4, 7, 2], [3, 3, 9, 0]], dtype=np.int64)
    before = ort.InferenceSession(str(tmp_path / "m.onnx"), providers=["CPUExecutionProvider"])
    after = ort.InferenceSession(str(tmp_path / "g.onnx"), providers=["CPUExecutionProvider"])
    assert [o.name for o in after.get_outputs()] == ["type_probs", OUTPUT]
    (old,) = before.run(None, {"input_ids": ids})
    new, spans = after.run(None, {"input_ids": ids})
    np.testing.assert_array_equal(old, new)
    inits = onnx.load(str(tmp_path / "m.onnx")).graph.initializer
    table = torch.from_numpy(np.concatenate([numpy_helper.to_array(inits[0]), numpy_helper.to_array(inits[1])], -1))
    with torch.no_grad():
        expected = head(table[torch.from_numpy(ids)]).softmax(-1).numpy()
    assert spans.shape == (2, 4, 5)
    assert np.abs(spans - expected).max() < 0.02  # int8 weights
    np.testing.assert_allclose(spans.sum(-1), 1.0, atol=1e-5)
    with pytest.raises(ValueError, match="already has"):
        graft(tmp_path / "g.onnx", head, tmp_path / "g2.onnx")


def test_strip_gives_back_the_graph_without_the_head(tmp_path) -> None:  # noqa: ANN001
    tiny_model(tmp_path / "m.onnx")
    graft(tmp_path / "m.onnx", SpanHead(16, 6, 0.0).eval(), tmp_path / "g.onnx")
    assert strip(tmp_path / "g.onnx", tmp_path / "s.onnx")
    assert not strip(tmp_path / "s.onnx", tmp_path / "s2.onnx")
    original, stripped = onnx.load(str(tmp_path / "m.onnx")), onnx.load(str(tmp_path / "s.onnx"))
    assert original.graph.SerializeToString() == stripped.graph.SerializeToString()


def test_a_graph_without_the_layers_is_refused(tmp_path) -> None:  # noqa: ANN001
    tiny_model(tmp_path / "m.onnx", ("/other/a", "/other/b"))
    with pytest.raises(ValueError, match="no layer output"):
        layer_names(onnx.load(str(tmp_path / "m.onnx")).graph)
