"""spaCy with the knowledge-base rulers, shared with the rest of the suite through ``resources``."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.nlp


@pytest.fixture(scope="session")
def kb(resources):
    return resources.kb
