"""The event model loads lazily: the same events as an eagerly loaded one, and no session for text with
nothing to score."""

from __future__ import annotations

from dataclasses import replace

import pytest

from petrel.config import Settings
from petrel.errors import ConfigError
from petrel.model import LazyClassifier, load_classifier
from petrel.pipeline import Pipeline

TEXT = ("Government forces shelled rebel positions near the border on Tuesday, the army said.\n\n"
        "The United Nations condemned the attack and called for talks between the two sides.\n")


def test_lazy_and_eager_models_code_the_same_events(session_settings, resources) -> None:
    assert isinstance(resources.classifier, LazyClassifier)
    lazy = Pipeline(session_settings, resources=replace(resources, classifier=LazyClassifier()))
    eager = Pipeline(session_settings, resources=replace(resources, classifier=load_classifier()))
    got, expected = lazy.code_text(TEXT, doc_id="lazy"), eager.code_text(TEXT, doc_id="lazy")
    assert expected.events  # the comparison is about events, not two empty lists
    assert got.events == expected.events
    assert [e.confidence for e in got.events] == [e.confidence for e in expected.events]
    assert lazy.resources.classifier.loaded


def test_text_naming_nobody_never_loads_the_model(session_settings, resources) -> None:
    lazy = LazyClassifier()
    pipeline = Pipeline(session_settings, resources=replace(resources, classifier=lazy))
    pipeline.code_text("It rained all day.\n\nThe river rose by a metre.\n", doc_id="quiet")
    assert not lazy.loaded
    pipeline.code_text(TEXT, doc_id="busy")
    assert lazy.loaded


def test_a_broken_model_folder_fails_at_once_not_on_first_use(tmp_path) -> None:
    with pytest.raises(ConfigError):
        LazyClassifier(str(tmp_path))
    assert Settings().event_model != "rules"  # the default pipeline uses the model, so this path matters
