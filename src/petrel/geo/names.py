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
    key = key[4:] if key.startswith("the ") else key
    return arabic_heads(key) if " " in key else key


# Transliterations of the words Arabic place names are made of, one spelling each (places10): geonames writes
# "Tall Tamr", "Dayr Hafir", "Kafr Nubl", "Ra's al 'Ayn", "Bayt Lahya"; monitors "Tal Tamr", "Deir Hafer", "Kfar
# Nabl", "Ras al-Ain", "Beit Lahia". Only in names of two words or more ("Tel Aviv", not the word "tell").
ARABIC_HEADS = {
    "tall": "tal", "tell": "tal", "tel": "tal", "dayr": "deir", "dair": "deir", "kfar": "kafr", "kafar": "kafr",
    "ayn": "ain", "ein": "ain", "jebel": "jabal", "jabel": "jabal", "jbel": "jabal", "bayt": "beit",
    "bait": "beit", "khirbat": "khirbet", "khirbit": "khirbet", "shaykh": "sheikh", "shaikh": "sheikh",
    "abou": "abu", "qasr": "qasr", "maarat": "maarrat", "marrat": "maarrat", "maaret": "maarrat",
}
NAME_RULES = 1  # raise when the keys change: indexes cached under older keys are rebuilt


def arabic_heads(key: str) -> str:
    """``"tall tamr"`` -> ``"tal tamr"``: every word of :data:`ARABIC_HEADS` in its one spelling."""
    return " ".join(ARABIC_HEADS.get(word, word) for word in key.split(" "))


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
