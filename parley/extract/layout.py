"""The layout of an article's text that extractors share: which lines are headings.

``doc.text`` is rebuilt from the tokens on every access in spaCy, so extractors read the text
once and build one :class:`Headings` per article instead of scanning lines per token.
"""

from __future__ import annotations

import bisect
import re

# A line this short that does not end like a sentence is a heading ("Background",
# "European Concerns Over Negotiations"), not story text.
MAX_HEADING_CHARS = 80
_SENTENCE_END = (".", "!", "?", '"', "”", ":")


class Headings:
    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for match in re.finditer(r"[^\n]+", text):
            line = match.group(0).strip()
            if line and len(line) <= MAX_HEADING_CHARS and not line.endswith(_SENTENCE_END):
                self._starts.append(match.start())
                self._ends.append(match.end())

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
