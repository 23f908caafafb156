"""Name normalisation: one key for the spelling variants of a name.

``normalise("Asa’ib Ahl al-Haq") == normalise("asaib ahl al haq") == "asaib ahl haq"``: case, accents,
apostrophes, hyphens, full stops, the Arabic article (al-, el-, al ) and a leading "the" do not count.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "'’‘ʼʻ`´"
_POSSESSIVE = re.compile(r"[" + APOSTROPHES + r"]s?$")
_APOS = re.compile("[" + APOSTROPHES + "]")
_SEPARATORS = re.compile(r"[-‐‑‒–—_/]+")
_DROP = re.compile(r"[.,;:!?\"“”()\[\]]")
ARTICLES = frozenset({"al", "el", "the"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens_of(name: str) -> list[str]:
    """Lower-case word tokens of a name with punctuation, apostrophes and hyphens removed."""
    text = strip_accents(name).strip()
    text = _POSSESSIVE.sub("", text)
    text = _APOS.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    text = _DROP.sub("", text)
    return text.lower().split()


def normalise(name: str) -> str:
    """The lookup key of a name (articles dropped)."""
    words = [w for w in tokens_of(name) if w not in ARTICLES]
    return " ".join(words)


def slugify(name: str) -> str:
    """A stable slug for ids: ``"Mohamed Mohiy" -> "mohamed-mohiy"``."""
    return "-".join(tokens_of(name)) or "unnamed"


def surface_variants(alias: str) -> list[str]:
    """Spellings of an alias as text may show it: apostrophe forms, "al-X" / "al X"."""
    variants = {alias}
    if any(a in alias for a in APOSTROPHES):
        for apo in ("'", "’", "ʼ", ""):
            variants.add(_APOS.sub(apo, alias))
    for form in list(variants):
        variants.add(re.sub(r"\b([Aa]l|[Ee]l)-(?=\w)", r"\1 ", form))
        variants.add(re.sub(r"\b([Aa]l|[Ee]l) (?=\w)", r"\1-", form))
    return sorted(variants)
