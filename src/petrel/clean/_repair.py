"""In-paragraph repairs: sentences glued together by scrapers, and stray spaces.

Each repair only inserts or collapses spaces, so no letter is ever lost, and each is a fixed point
(running it again changes nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a sentence end directly followed by the capital that starts the next sentence
_GLUED = re.compile(r"(?:(?<=[^\W_][.!?])|(?<=[%)\]][.!?])|(?<=\.\.\.)|(?<=…))(?=[A-Z][a-z]|I\s)")
_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|int|info|io|co|uk|tv|iq|ir)\b", re.IGNORECASE)
_OPEN_CURLY = re.compile(r"(?<=[\w%)\]][.!?,:;])(?=“[^\W_])")
_CLOSE_CURLY = re.compile(r"(?<=[\w.!?,;:…]”)(?=[^\W_]|“)")
_STRAIGHT = re.compile(r'"')
_SPACES = re.compile(r" {2,}")


def space_glued_sentences(text: str) -> str:
    """``according to AP.Qais`` -> ``AP. Qais``; ``forces.American`` -> ``forces. American``;
    ``said.The`` -> ``said. The``; ``force...But`` -> ``force... But``.

    Web addresses and e-mail addresses (``www.Example.com``) are left alone.
    """
    if not _GLUED.search(text):
        return text
    return _GLUED.sub(lambda m: "" if _in_url(text, m.start()) else " ", text)


def _in_url(text: str, pos: int) -> bool:
    start = text.rfind(" ", 0, pos) + 1
    end = text.find(" ", pos)
    return bool(_URLISH.search(text, start, end if end >= 0 else len(text)))


def space_around_curly_quotes(text: str) -> str:
    """``said.“If`` -> ``said. “If`` (opening quote glued to a sentence end) and
    ``principle,”he`` / ``it.”The`` -> ``principle,” he`` / ``it.” The`` (closing quote glued to a word)."""
    if "“" in text:
        text = _OPEN_CURLY.sub(" ", text)
    if "”" in text:
        text = _CLOSE_CURLY.sub(" ", text)
    return text


def space_around_straight_quotes(text: str) -> str:
    """The same for ``"``, whose direction comes from counting: even-numbered quotes open, odd close.

    ``said."If`` -> ``said. "If``; ``"Yes,"he said`` -> ``"Yes," he said``.
    """
    if '"' not in text:
        return text
    out: list[str] = []
    last = 0
    for number, match in enumerate(_STRAIGHT.finditer(text)):
        pos = match.start()
        before, after = text[pos - 1: pos], text[pos + 1: pos + 2]
        if number % 2 == 0 and before in (".", "!", "?") and after[:1].isupper():
            out.append(text[last:pos] + " ")
            last = pos
        elif number % 2 == 1 and before in (".", "!", "?", ",") and after[:1].isalpha():
            out.append(text[last:pos + 1] + " ")
            last = pos + 1
    out.append(text[last:])
    return "".join(out)


def collapse_spaces(text: str) -> str:
    """Runs of spaces (left by removed characters or by the scraper) -> one space; ends trimmed."""
    return _SPACES.sub(" ", text).strip()


#: the in-paragraph repairs, in order
REPAIRS: tuple[Callable[[str], str], ...] = (
    space_glued_sentences,
    space_around_curly_quotes,
    space_around_straight_quotes,
    collapse_spaces,
)


def repair_paragraph(text: str) -> str:
    """Run every repair of :data:`REPAIRS` on one paragraph."""
    for repair in REPAIRS:
        text = repair(text)
    return text
