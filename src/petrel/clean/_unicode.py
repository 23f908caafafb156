"""Unicode repair: one ``str.translate`` table plus NFC, so it stays cheap on long texts."""

from __future__ import annotations

import html
import re
import unicodedata

_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DROPPED = (
    "\u00ad"  # soft hyphen
    "\u200b\u200c\u200d\u2060\ufeff\u180e"  # zero-width space, non-joiner, joiner, word joiner, BOM
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction marks
)
_CONTROLS = [c for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c"] + list(range(0x7F, 0xA0))


def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): " " for c in _SPACES}
    table.update({ord(c): None for c in _DROPPED})
    table.update({c: None for c in _CONTROLS})
    table.update({c: None for c in range(0xD800, 0xE000)})  # lone surrogates cannot be stored or hashed
    table.update({ord("\u060c"): ",", ord("\u2028"): "\n", ord("\u2029"): "\n\n",
                  ord("\r"): "\n", ord("\x0b"): "\n", ord("\x0c"): "\n"})
    return table


TRANSLATION: dict[int, str | None] = _table()
_CRLF = re.compile(r"\r\n")
# a character reference, after any number of escaped ampersands ("&amp;amp;quot;" is one doubly escaped quote)
_ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")
_ARABIC_COMMA_GLUED = re.compile(r"\u060c(?=\S)")


def normalise_unicode(text: str) -> str:
    """Fix what scrapers leave in the characters themselves.

    - Windows and old-Mac line ends, line/paragraph separators, vertical tab, form feed -> ``\\n``;
    - tabs and odd spaces (no-break, thin, ideographic, ...) -> a plain space;
    - zero-width characters, direction marks, soft hyphens, control characters, lone surrogates -> dropped;
    - the Arabic comma (U+060C, seen in English dates: ``Friday، 08 February``) -> ``,`` (a space is
      added after it when a word follows directly);
    - NFC composition (``e`` + combining accent -> ``é``). Curly quotes and dashes are kept;
    - HTML character references a feed leaves in its text (``Peru&#39;s``, ``&amp;``, ``&quot;``, ``&#8230;``,
      ``&nbsp;``) -> the character, when it is not a letter or digit (``&#65;`` stays: cleaning never
      invents letters); a doubly escaped one (``&amp;quot;``) is decoded to the end.
    """
    text = unescape_entities(text)
    text = _CRLF.sub("\n", text)
    text = _ARABIC_COMMA_GLUED.sub("\u060c ", text)
    text = text.translate(TRANSLATION)
    return unicodedata.normalize("NFC", text)


def _decoded(match: re.Match[str]) -> str:
    body = match.group(0)[1:]
    while body.startswith("amp;") and len(body) > 4:
        body = body[4:]
    char = html.unescape("&" + body)
    return char if char != "&" + body and not any(c.isalnum() for c in char) else match.group(0)


def unescape_entities(text: str) -> str:
    """HTML character references to their characters when these are not letters or digits, in one linear
    pass (a doubly escaped reference is decoded to the end, so a second pass changes nothing)."""
    return _ENTITY.sub(_decoded, text) if "&" in text else text
