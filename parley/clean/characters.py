"""Characters that look like nothing, or like another character, made plain before anything reads
the text: a name with a zero-width space or a soft hyphen inside it matches no registry entry, and
a non-breaking hyphen is not the hyphen a pattern looks for.

- removed: control characters other than tab and line breaks (NUL included); zero-width space,
  non-joiner and joiner (U+200B-U+200D), word joiner (U+2060),
  byte-order mark / zero-width no-break space (U+FEFF), soft hyphen (U+00AD)
- made a space: no-break space (U+00A0), narrow no-break space (U+202F), figure, thin, hair and
  the other fixed-width spaces (U+2000-U+200A), medium mathematical space, ideographic space
- made ``-``: hyphen (U+2010) and non-breaking hyphen (U+2011)
- made a line break: line and paragraph separators (U+2028, U+2029) and NEL (U+0085)
- made typographic quotes: the typewriter pairs of old newswire, a quote opened by two backticks
  and closed by two apostrophes: two backticks open (U+201C); two apostrophes open where a word
  follows them after a space, a bracket or the start of a line, and close (U+201D) elsewhere, so
  a quote reads the same whichever way its outlet typed it

Then the text is put in Unicode NFC, so "é" written as e + combining accent is one character.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["INVISIBLE", "normalise_characters"]

# control characters other than tab and line breaks: a NUL byte in a crawled page would stop a
# PostgreSQL store from taking the whole batch, and none of them is text
_CONTROL = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + _CONTROL
_SPACES = "\u00a0\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
_HYPHENS = "\u2010\u2011"
_LINE_BREAKS = "\u2028\u2029\u0085"

_REPLACEMENT = {
    **dict.fromkeys(INVISIBLE, ""),
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_HYPHENS, "-"),
    **dict.fromkeys(_LINE_BREAKS, "\n"),
}
_ODD = re.compile("[" + re.escape("".join(_REPLACEMENT)) + "]")
_TYPEWRITER_OPEN = re.compile(r"``|(?:(?<=^)|(?<=[\s(\[{]))''(?=[^\s'])", re.M)
_TYPEWRITER_CLOSE = re.compile(r"''")


def normalise_characters(text: str) -> str:
    """The text with invisible characters removed and odd spaces, hyphens and breaks made plain."""
    text = _ODD.sub(lambda match: _REPLACEMENT[match.group()], text)
    if "``" in text or "''" in text:
        text = _TYPEWRITER_CLOSE.sub("\u201d", _TYPEWRITER_OPEN.sub("\u201c", text))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
