"""The layout of an article's text that extractors share: which lines are headings, and which
are a transcript's speaker labels.

``doc.text`` is rebuilt from the tokens on every access in spaCy, so extractors read the text
once and build one :class:`Headings` per article instead of scanning lines per token.

A transcript may name its speakers on lines of their own, before their words: ``Jane Doe:`` or
``Jane Doe`` alone on a line. A bare name line is a speaker's label, not a heading, when the
article keeps to that layout (:func:`speaker_lines`): a name of two to five capitalised words on
its own line, right before a paragraph of prose, the same name so more than once and at least
three such lines in the article.
"""

from __future__ import annotations

import bisect
import re

# A line this short that does not end like a sentence is a heading ("Background",
# "European Concerns Over Negotiations"), not story text.
MAX_HEADING_CHARS = 80
_SENTENCE_END = (".", "!", "?", '"', "”", ":")
# A name alone on a line: two to five capitalised words, short particles between ("Jane van Doe").
_BARE_NAME = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[a-z]{1,3}\s+){0,2}[A-Z][\w.'’-]*){1,4}")
# A paragraph of prose under a label: this many words at least, ending like a sentence.
MIN_PROSE_WORDS = 8
_PROSE_END = (".", "!", "?", '"', "”", "’", ")")
MIN_LABEL_LINES = 3
MAX_NAME_CHARS = 60


class Headings:
    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        labels = speaker_lines(text)
        for match in re.finditer(r"[^\n]+", text):
            line = match.group(0).strip()
            if line and len(line) <= MAX_HEADING_CHARS and not line.endswith(_SENTENCE_END):
                if match.start() + _indent(match.group(0)) in labels:
                    continue  # a transcript's speaker label: a name, no heading
                self._starts.append(match.start())
                self._ends.append(match.end())

    def __contains__(self, offset: int) -> bool:
        return self.line(offset) is not None

    def line(self, offset: int) -> tuple[int, int] | None:
        """The heading line that holds character ``offset``, as (start, end), if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._starts[i], self._ends[i]
        return None


def speaker_lines(text: str) -> dict[int, int]:
    """A transcript's bare speaker labels, as {start: end} of each name: lines that are only a
    name, each right before a paragraph of prose, when at least ``MIN_LABEL_LINES`` lines of the
    article are such a name and one name labels more than one paragraph."""
    lines = [(m.start() + _indent(m.group(0)), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(start, line) for start, line in lines if line]
    found: list[tuple[int, str]] = []
    for k, (start, line) in enumerate(lines[:-1]):
        if len(line) <= MAX_NAME_CHARS and _BARE_NAME.fullmatch(line) and _prose(lines[k + 1][1]):
            found.append((start, line))
    names = [line for _, line in found]
    if len(found) < MIN_LABEL_LINES or len(set(names)) == len(names):
        return {}
    return {start: start + len(line) for start, line in found}


def _prose(line: str) -> bool:
    return len(line.split()) >= MIN_PROSE_WORDS and line.endswith(_PROSE_END)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
