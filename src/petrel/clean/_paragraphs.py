"""Hard-wrapped lines back into paragraphs."""

from __future__ import annotations

import re

ENDS_SENTENCE = re.compile(r"[.!?…:]['\"”’)\]]*$")
_HYPHEN_WRAP = re.compile(r"[^\W\d_]-$")
FIELD_LINE = re.compile(r"\S \| \S.* \| \S")  # at least two " | " separators
HEADLINE_WORDS = 15  # a headline line above its teaser is at most this long (see _headline_over)
WRAP_MIN_CHARS = 40  # a line stopping mid-sentence is a wrap (not a subheading) from this length on


def join_hard_wraps(lines: list[str]) -> list[str]:
    """Paragraphs from lines: blank lines separate paragraphs, lines inside one are joined.

    Fixes text wrapped at a fixed width (``...the withdrawal of\\nUS troops...``). A block of lines
    where most lines stop mid-sentence is one wrapped paragraph, joined with spaces (a word broken
    by a hyphen at the end of a line keeps its hyphen: ``Iranian-\\nbacked`` -> ``Iranian-backed``).
    A block where most lines end a sentence has one paragraph per line, except that a line stopping
    mid-sentence is still joined to the next line when that starts in lower case or when the line is
    long (a wrap, not a subheading: at least 60% of the block's longest line and 40 characters). A line
    of " | "-separated fields stands alone, and so does a short first line without a full stop above a
    longer line that opens with a capital (a snippet's headline over its teaser). Cost is linear in the text.
    """
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines:
        line = line.strip()
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_block_paragraphs(block))
            block = []
    if block:
        paragraphs.extend(_block_paragraphs(block))
    return paragraphs


def _block_paragraphs(block: list[str]) -> list[str]:
    """One block's paragraphs; a line of fields (``03 May 2025 | Borno | Attack on a base``: a digest's
    entry heading, a table row) is a paragraph of its own, never a wrap of the sentence after it."""
    out: list[str] = []
    run: list[str] = []
    for line in block:
        if FIELD_LINE.search(line):
            out += _run_paragraphs(run) + [line]
            run = []
        else:
            run.append(line)
    return out + _run_paragraphs(run)


def _run_paragraphs(block: list[str]) -> list[str]:
    if len(block) <= 1:
        return block
    if _headline_over(block[0], block[1:]):
        return [block[0], *_run_paragraphs(block[1:])]
    open_ends = sum(1 for line in block[:-1] if not ENDS_SENTENCE.search(line))
    if open_ends * 2 > len(block) - 1:
        return [_join(block)]
    long_line = max(WRAP_MIN_CHARS, int(0.6 * max(len(line) for line in block)))
    paragraphs: list[list[str]] = [[block[0]]]
    for line in block[1:]:
        previous = paragraphs[-1][-1]
        if not ENDS_SENTENCE.search(previous) and (line[0].islower() or len(previous) >= long_line):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [_join(lines) for lines in paragraphs]


def _headline_over(first: str, rest: list[str]) -> bool:
    """A snippet's headline on the line above its teaser (``Rebels seize mine in Ituri\nThe group took ...``):
    short (at most 15 words, under 75% of the longest line below), no full stop, the next line opening with
    a capital. The first line of a text wrapped at a fixed width is as long as the lines below it."""
    return (not ENDS_SENTENCE.search(first) and rest[0][:1].isupper() and len(first.split()) <= HEADLINE_WORDS
            and len(first) < 0.75 * max(len(line) for line in rest))


def _join(lines: list[str]) -> str:
    parts = [lines[0]]
    for line in lines[1:]:
        if _HYPHEN_WRAP.search(parts[-1]) and line[0].islower():
            parts.append(line)
        else:
            parts.append(" " + line)
    return "".join(parts)
