"""Properties of cleaning on generated text: total, idempotent, loses no letters, sane paragraphs."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from petrel.clean import clean_text
from petrel.clean._unicode import normalise_unicode

# pieces that exercise every repair: glue, quotes, wraps, header-like lines, odd characters
TRICKY = ["said.The", "AP.Maria", "forces.Northern", "“If", "”", '"', "...", "…", "—", "-", "|",
          "(AP)", "according to Reuters.", "BAGHDAD", "2020-07-14", "08:05", "Last Modified:", "Title:",
          "By", "www.example.test", "Lakeport-", "\u00ad", "\u200b", "\u060c", "\u00a0", "e\u0301", "\t",
          "Harbourdaily", "(Harbourdaily | World)-", "© 2020", "I"]
WORDS = st.sampled_from(["the", "council", "Voted", "on", "Monday", "to", "delay", "Troops", "left", "it",
                         "3.5", "U.S.", "officials", "said", "harbour", ",", "."] + TRICKY)
LINE = st.lists(WORDS, max_size=14).map(" ".join)
DOCUMENT = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n \n"])), max_size=12).map(
    lambda parts: "".join(line + sep for line, sep in parts))
ANY_TEXT = st.one_of(st.text(max_size=300), DOCUMENT)

SENTENCE = st.lists(st.sampled_from(["the", "council", "voted", "to", "delay", "troops", "left", "harbour",
                                     "officials", "said", "3.5", "Lakeport", "it’s", "“fair”"]),
                    min_size=21, max_size=30).map(lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join)
BODY = st.lists(PARAGRAPH, min_size=1, max_size=6)

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(c in chars for c in small)


@FAST
@given(ANY_TEXT)
@example("(00|0)-" * 6)  # more repeated lead-ins than cleaning passes: all go in one pass
@example("(Desk | World)- " * 9 + "Troops withdrew.")
def test_cleaning_never_raises_and_is_idempotent(text: str) -> None:
    once, _ = clean_text(text)
    twice, _ = clean_text(once)
    assert twice == once


@FAST
@given(ANY_TEXT)
def test_cleaning_never_invents_letters(text: str) -> None:
    """Headers may go; every letter or digit left was in the input, in the same order (up to case: a
    shouted or Title Case headline is put in sentence case)."""
    once, _ = clean_text(text)
    assert is_subsequence(alnum(once).lower(), alnum(normalise_unicode(text)).lower())


@FAST
@given(ANY_TEXT)
def test_paragraph_count_is_sane(text: str) -> None:
    once, _ = clean_text(text)
    paragraphs = once.split("\n\n") if once else []
    assert len(paragraphs) <= sum(1 for line in text.splitlines() if line.strip())
    assert all(p.strip() == p and p and "\n" not in p for p in paragraphs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODY, st.sampled_from([60, 72, 80, 10_000]))
def test_a_wrapped_body_keeps_every_letter_and_its_paragraphs(paragraphs: list[str], width: int) -> None:
    text = "\n\n".join(_wrap(p, width) for p in paragraphs)
    once, _ = clean_text(text)
    assert alnum(once) == alnum(text)
    assert once.split("\n\n") == paragraphs


def _wrap(paragraph: str, width: int) -> str:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def test_nfc_is_applied() -> None:
    assert clean_text("Cafe\u0301 talks ended.")[0] == unicodedata.normalize("NFC", "Café talks ended.")


@FAST
@given(ANY_TEXT)
def test_clean_document_raises_only_input_errors(text: str) -> None:
    from petrel.clean import clean_document
    from petrel.config import Settings
    from petrel.errors import InputError
    from petrel.models import RawDocument

    try:
        article = clean_document(RawDocument("t", text, "text"), Settings())
    except InputError:
        return
    assert article.text and len(article.doc_id) == 16 and article.content_hash == article.doc_id
