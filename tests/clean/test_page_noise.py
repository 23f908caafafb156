"""Scraped-page noise (captions, credits, bylines, links, banners, live-blog stamps) is not text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petrel.clean import clean_text
from petrel.clean._noise import drop_page_noise, is_noise_line

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("line", [
    "Image source, EPA",
    "Image source, Getty Images",
    "Image caption, Mourners carried the coffins through the old market",
    "Media caption, Watch: the moment the bridge was hit",
    "Photo: AFP",
    "Photograph: Jane Roe/Reuters",
    "(Photo by Sam Poe/AFP via Getty Images)",
    "Getty Images",
    "Reuters/Sam Poe",
    "By Jane Roe, Harbour Daily",
    "By Jane Roe and Sam Poe",
    "Read more: Why the border talks failed",
    "READ MORE",
    "Related: Five things to know about the vote",
    "Region: West Africa Category: Elections",
    "Topics: conflict, refugees",
    "10:42 GMT",
    "Updated 14:05",
    "2 hours ago",
    "Advertisement",
])
def test_noise_lines(line):
    assert is_noise_line(line)


@pytest.mark.parametrize("line", [
    "By Tuesday evening, the army had pulled back from the town.",
    "Photographers were beaten by police outside the court.",
    "The agency said Reuters had seen the letter.",
    "Rebels said they would watch the ceasefire closely.",
    "Region by region, the vote counts came in overnight.",
    "The minister said the talks would resume at 10:00 on Monday.",
])
def test_text_is_not_noise(line):
    assert not is_noise_line(line)


def test_a_scraped_page_keeps_only_its_text():
    page = ("Image source, EPA\nImage caption, Crowds outside the court on Monday\n\n"
            "Hundreds of lawyers marched to the supreme court on Monday, witnesses said.\n"
            "(Photo by Sam Poe/AFP via Getty Images)\n"
            "Read more: The reform bill explained\n\n"
            "10:42 GMT The justice minister resigned hours later.\n"
            "Region: South Asia Category: Politics\n")
    body, _ = clean_text(page)
    assert body == ("Hundreds of lawyers marched to the supreme court on Monday, witnesses said.\n\n"
                    "The justice minister resigned hours later.")


WORDS = st.sampled_from(["the", "army", "said", "on", "Monday", "rebels", "Photo", "By", "Image", "source",
                         "caption", ",", ":", "Getty", "Images", "AFP", "Read", "more", "10:42", "GMT",
                         "Region", "Category", "town", "attacked", "Reuters", "/", "(", ")"])
LINES = st.lists(st.lists(WORDS, max_size=12).map(" ".join), max_size=10)


@FAST
@given(LINES)
def test_dropping_noise_is_idempotent_and_keeps_line_count(lines):
    once = drop_page_noise(lines)
    assert len(once) == len(lines)
    assert drop_page_noise(once) == once


SENTENCE = st.lists(st.sampled_from(["the", "army", "said", "rebels", "attacked", "town", "officials", "it",
                                     "police", "crowd", "marched"]), min_size=4, max_size=15).map(
    lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")


@FAST
@given(st.lists(SENTENCE, min_size=1, max_size=8))
def test_plain_sentences_are_never_noise(sentences):
    assert drop_page_noise(sentences) == sentences
