"""spaCy with the knowledge-base rulers (``resources.nlp``) stands in for the bare ``nlp`` fixture here."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.nlp
