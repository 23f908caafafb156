"""Fixed activation scales: a dynamically quantised graph rewritten so rows do not share a scale.

Needs the ``train`` extra's ``onnx`` (skipped without it); the shipped model is checked by
``test_batch_independence.py`` in every run."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
quantization = pytest.importorskip("onnxruntime.quantization")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from petrel.model.train.quantise import (  # noqa: E402
    QuantiseError, activation_ranges, calibration_texts, static_scales, weight_only,
)


def tiny_dynamic(tmp_path) -> onnx.ModelProto:  # noqa: ANN001
    """x[rows, 8] -> MatMul(8x16) -> Relu -> MatMul(16x4): quantised by ``quantize_dynamic``."""
    rng = np.random.default_rng(3)
    w1 = numpy_helper.from_array(rng.normal(size=(8, 16)).astype(np.float32), "w1")
    w2 = numpy_helper.from_array(rng.normal(size=(16, 4)).astype(np.float32), "w2")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w1"], ["h"]), helper.make_node("Relu", ["h"], ["r"]),
         helper.make_node("MatMul", ["r", "w2"], ["y"])],
        "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["rows", 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["rows", 4])], [w1, w2])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, tmp_path / "fp32.onnx")
    quantization.quantize_dynamic(str(tmp_path / "fp32.onnx"), str(tmp_path / "dyn.onnx"),
                                  weight_type=quantization.QuantType.QInt8)
    return onnx.load(str(tmp_path / "dyn.onnx"))


def run(model: onnx.ModelProto, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x})[0]


def ops(model: onnx.ModelProto) -> set[str]:
    return {n.op_type for n in model.graph.node}


def test_the_dynamic_model_mixes_rows_and_the_static_one_does_not(tmp_path) -> None:  # noqa: ANN001
    dynamic = tiny_dynamic(tmp_path)
    assert "DynamicQuantizeLinear" in ops(dynamic)
    rng = np.random.default_rng(5)
    row = rng.normal(size=(1, 8)).astype(np.float32)
    loud = np.vstack([row, 50 * rng.normal(size=(3, 8)).astype(np.float32)])  # a neighbour with a wide range
    assert np.abs(run(dynamic, row)[0] - run(dynamic, loud)[0]).max() > 1e-3  # the defect being fixed

    calibration = [{"x": rng.normal(size=(1, 8)).astype(np.float32)} for _ in range(64)]
    ranges = activation_ranges(dynamic, calibration)
    assert set(ranges) == {"x", "r"} and all(low <= 0 <= high for low, high in ranges.values())
    fixed, count = static_scales(tiny_dynamic(tmp_path), ranges)
    assert count == 2 and "DynamicQuantizeLinear" not in ops(fixed) and "QuantizeLinear" in ops(fixed)
    np.testing.assert_allclose(run(fixed, row)[0], run(fixed, loud)[0], atol=1e-6)
    reference = run(weight_only(tiny_dynamic(tmp_path))[0], row)
    assert np.abs(run(fixed, row) - reference).max() < 0.1 * np.abs(reference).max()


def test_weight_only_keeps_the_int8_weights_and_drops_activation_rounding(tmp_path) -> None:  # noqa: ANN001
    dynamic = tiny_dynamic(tmp_path)
    int8 = {i.name for i in dynamic.graph.initializer if i.data_type == TensorProto.INT8}
    model, count = weight_only(dynamic)
    assert count == 2 and not ops(model) & {"DynamicQuantizeLinear", "MatMulInteger"}
    assert int8 <= {i.name for i in model.graph.initializer}


def test_missing_range_is_refused(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(QuantiseError):
        static_scales(tiny_dynamic(tmp_path), {"x": (-1.0, 1.0)})


def test_calibration_sample_is_seeded_and_bounded() -> None:
    texts = [f"sentence {i}" for i in range(100)]
    assert calibration_texts(texts, 13, 10) == calibration_texts(texts, 13, 10)
    assert len(calibration_texts(texts, 13, 10)) == 10 and len(calibration_texts(texts, 13, 500)) == 100
