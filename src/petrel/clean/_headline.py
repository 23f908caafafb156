"""Headline casing: shouted (ALL CAPS) runs and Title Case headlines are put in sentence case.

spaCy's tagger, parser and entity recogniser read "PAKISTAN BLAMES AFGHAN TALIBAN" or "Saudi Arabia Arrests
Cleric Over Sermon" as one long name: the verb is lost and the actors with it. The repair writes such a
headline as a sentence is written: common words in lower case, names capitalised, acronyms in capitals
(``Pakistan blames Afghan Taliban``, ``Saudi Arabia arrests cleric over sermon``).

Which words are common, which are acronyms and which capitalised runs are names that hold a common word
(``Security Council``, ``Red Sea``) is read from ``data/clean/headline_words.json``, built from petrel's own
training corpus by ``tools/make_headline_words.py``. The repair changes the case of letters only: the text
keeps its length and its characters up to case (offsets hold), and running it again changes nothing.
A sentence that is not shouted or in Title Case is left alone.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# a sentence ends at . ! ? before a space, a line break or the end; not after a lone capital ("U.S.", "N. Korean")
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<![\w][A-Z])(?<=[A-Z])\.|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|$)?")
#: words a Title Case headline leaves in lower case or capitalises by house style; never counted
_SHORT = 3
#: acronyms the corpus table may miss (written in capitals in every register)
_ALWAYS_CAPS = frozenset(("UN", "US", "UK", "EU", "AU", "PM", "FM", "IDF", "RSF", "UAE", "NATO", "DR", "TV"))
#: the share of a sentence's longer words (after the first) that must be capitalised for Title Case
TITLE_SHARE = 0.8


@cache
def _table() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    raw = json.loads(resources.files("petrel.data").joinpath("clean/headline_words.json").read_text("utf-8"))
    phrases = {p.lower(): p for p in raw["phrases"]}
    return frozenset(raw["common"]), frozenset(raw["acronyms"]) | _ALWAYS_CAPS, phrases


def is_common(word: str) -> bool:
    """Whether a word (any case) is a common word: in the table, or an -s/-es/-ies form of one."""
    common = _table()[0]
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in common:
        return True
    stems = [w]
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    if w.endswith("es"):
        stems.append(w[:-2])
    if w.endswith("s") and len(w) > 3:
        stems.append(w[:-1])
    # a headline's present tense of a verb the corpus writes in the past ("slams": "slammed"; "recapture")
    return any(s in common or s + "ed" in common or s + "d" in common or s + s[-1:] + "ed" in common
               or s + "s" in common for s in stems if len(s) > 2)


def _is_acronym(word: str) -> bool:
    return word in _table()[1] or any(ch.isdigit() for ch in word)


def _title(word: str) -> str:
    """``AL-SHABAAB`` -> ``Al-Shabaab``; ``MOROCCO'S`` -> ``Morocco's``."""
    out, up = [], True
    for ch in word:
        out.append(ch.upper() if up else ch.lower())
        up = ch == "-"
    return "".join(out)


def _recase(words: list[re.Match[str]], text: str, decide) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """Replacements (start, end, new) for a run of words: protected phrases first, then ``decide(word)``."""
    out: list[tuple[int, int, str]] = []
    phrases = _table()[2]
    i = 0
    while i < len(words):
        for n in (4, 3, 2):
            if i + n <= len(words):
                span = text[words[i].start(): words[i + n - 1].end()]
                phrase = phrases.get(span.lower())
                if phrase is not None and len(phrase) == len(span):
                    out.append((words[i].start(), words[i + n - 1].end(), phrase))
                    i += n
                    break
        else:
            w = words[i]
            initial = len(w.group(0)) == 1 and text[w.end(): w.end() + 1] == "."  # "U.S.", "N. Korea"
            out.append((w.start(), w.end(), w.group(0) if initial else decide(w.group(0))))
            i += 1
    return out


def _shouted(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters)


def _decide_shouted(word: str) -> str:
    base = word[:-2] if word[-2:] in ("'S", "’S") else word
    if _is_acronym(base):
        return word[: len(base)] + word[len(base):].lower()
    if is_common(word):
        return word.lower()
    return _title(word)


def _titled(word: str) -> bool:
    """``Kills``, ``Cross-border``: a capital, then lower case only."""
    return word[:1].isupper() and not any(c.isupper() for c in word[1:])


def _decide_title(word: str) -> str:
    if _titled(word) and is_common(word):
        return word.lower()
    return word


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts, last = [], 0
    for start, end, new in edits:
        parts.append(text[last:start])
        parts.append(new)
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _capitalise_first(edits: list[tuple[int, int, str]]) -> None:
    if edits:
        start, end, new = edits[0]
        edits[0] = (start, end, new[:1].upper() + new[1:])


def _shouted_edits(sentence: str, offset: int) -> list[tuple[int, int, str]]:
    words = list(_WORD.finditer(sentence))
    edits: list[tuple[int, int, str]] = []
    run: list[re.Match[str]] = []
    for w in [*words, None]:
        if w is not None and _shouted(w.group(0)) and (not run or not _WORD.search(sentence, run[-1].end(), w.start())):
            run.append(w)
            continue
        long_words = [r for r in run if len(r.group(0)) > _SHORT and not _is_acronym(r.group(0))]
        if len(run) >= 3 and len(long_words) >= 2:
            new = _recase(run, sentence, _decide_shouted)
            head = sentence[: run[0].start()].rstrip(" \"“'‘(")
            if not head or head.endswith((":", "-", "—", "–", "|")):
                _capitalise_first(new)
            edits.extend((s + offset, e + offset, t) for s, e, t in new)
        run = [w] if w is not None and _shouted(w.group(0)) else []
    return edits


def _title_edits(sentence: str, offset: int) -> list[tuple[int, int, str]]:
    words = list(_WORD.finditer(sentence))
    rest = [w for w in words[1:] if len(w.group(0)) > _SHORT and not _shouted(w.group(0))]
    capital = [w for w in rest if _titled(w.group(0))]
    if len(rest) < 3 or len(capital) < TITLE_SHARE * len(rest):
        return []
    if sum(is_common(w.group(0)) for w in capital) < 2:
        return []
    new = _recase(words[1:], sentence, _decide_title)
    return [(s + offset, e + offset, t) for s, e, t in new if t != sentence[s:e]]


def sentence_case_headlines(text: str) -> str:
    """Shouted runs (three or more words in capitals, two of them longer words) and Title Case sentences
    (four in five of the longer words after the first capitalised, two of them common words) in sentence
    case; everything else unchanged."""
    for _ in range(3):  # a recased shout can expose a Title Case rest; stop at the fixed point
        cased = _sentence_case_once(text)
        if cased == text:
            break
        text = cased
    return text


def _sentence_case_once(text: str) -> str:
    if not any(c.isupper() for c in text):
        return text
    edits: list[tuple[int, int, str]] = []
    for m in _SENTENCE.finditer(text):
        if not m.group(0):
            continue
        sentence = m.group(0)
        found = _shouted_edits(sentence, m.start())
        edits.extend(found or _title_edits(sentence, m.start()))
    if not edits:
        return text
    return _apply(text, sorted(edits))
