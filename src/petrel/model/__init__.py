"""The trained event model: a fine-tuned MiniLM (int8 ONNX) that reads a sentence and gives the
probability of each PLOVER type and of no event.

Public API::

    clf = load_classifier()              # the shipped model, once per process
    clf.predict(["Rebels shelled the town."])   # -> [SentencePrediction(label="ASSAULT", score=0.97, ...)]
    ModelStage(clf)                      # the pipeline stage (adds DocState.predictions)

Training (``make model``, needs the ``train`` extra) lives in :mod:`petrel.model.train`.
"""

from petrel.model.classifier import EventClassifier, LazyClassifier, load_classifier
from petrel.model.labels import MODE_LABELS, NONE, TYPE_LABELS
from petrel.model.stage import ModelStage

__all__ = ["EventClassifier", "LazyClassifier", "MODE_LABELS", "ModelStage", "NONE", "TYPE_LABELS", "load_classifier"]
