"""The date tests use the root fixtures ``nlp`` and ``make_state`` (tests/conftest.py)."""
