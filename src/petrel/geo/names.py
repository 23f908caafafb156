"""Place-name normalisation: one key for "Ayn Al-Asad", "ayn al asad" and "‘Ayn al Asad"."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be'`´.ʿʾ]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_/,]+")
ARTICLE_PREFIXES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "ash ", "at ", "az ", "ad ")


def normalize(name: str) -> str:
    """Lower case, no accents, no apostrophes or periods, hyphens as spaces, no leading "the"."""
    if name.isascii():
        plain = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _SPACE.sub(" ", _DROP.sub("", plain.casefold())).strip()
    return key[4:] if key.startswith("the ") else key


def without_article(key: str) -> str | None:
    """``"al anbar"`` -> ``"anbar"``: the Arabic article is often dropped in English text."""
    head, _, rest = key.partition(" ")
    if len(head) <= 3 and head + " " in ARTICLE_PREFIXES and len(rest) >= 4:
        return rest
    return None


def index_keys(name: str) -> list[str]:
    """The keys a name is indexed under: its normal form and, if any, the form without "al-"."""
    key = normalize(name)
    if not key:
        return []
    bare = without_article(key)
    return [key, bare] if bare else [key]


_ALTERNATE = re.compile(r"[A-Za-z][A-Za-z' -]{3,40}")


def usable_alternate(name: str) -> bool:
    """Whether a geonames alternate name is worth indexing: plain ASCII letters, not a code, at most 3 words.

    Accented Latin forms are skipped on purpose: their normal form almost always equals a plain one.
    """
    return bool(_ALTERNATE.fullmatch(name)) and not name.isupper() and name.count(" ") < 3
