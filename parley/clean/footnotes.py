"""Footnote numbers a page's markup left glued to the end of a sentence.

Reports and think-tank papers number their notes with a superscript: "... Ukrainian
neutrality.2 Moscow continues ...". Once the markup is gone the number sticks to the sentence
and the next one, and a sentence splitter reads the two as one. A footnote number is taken out
when it is one to three digits that stand

- right after a sentence's end (".", "!" or "?") that follows a small letter, a closing quote or
  bracket, a word in capitals ("II", "NATO") or a year, or right after a closing quote that
  follows a letter or such an end, and no "No.", "Vol.", "Fig.", "p." whose number it is, and
- before a space and a capital letter (or an opening quote or bracket), or at the end of the line.

A decimal ("2.5"), a version ("v2.1"), a time ("10.30"), "No. 2", "U.S. 2024" and a list's "2." are
left as they are: there a digit (not a year), a space or an abbreviation stands before the number.

What a number followed is kept (:func:`noted_words`): the last words of its sentence before it,
so that a reader of the clean text can tell a claim the report sources in a note.
"""

from __future__ import annotations

import re

__all__ = ["NOTED_WORDS", "drop_footnote_numbers", "footnote_notes", "noted_words"]

_CLOSING_QUOTES = '”’"»'
FOOTNOTE_NUMBER = re.compile(
    r"(?:(?<=[a-z)\]”’\"»][.!?])"  # "neutrality.2", "(2024).3"
    r"|(?<=[A-Za-z][A-Z][.!?])"  # "World War II.4", "NATO.5"; never "U.S.2"
    r"|(?<=\s(?:19|20)\d\d[.!?])"  # "in 2024.41", a year that ends the sentence
    r"|(?<=[a-z.!?][" + _CLOSING_QUOTES + r"]))"  # "the war.”57", "root causes”2"
    # "No.2", "p.3": the number an abbreviation stands for
    r"(?<!\b[Nn]o[.])(?<!\b[Vv]ol[.])(?<!\b[Ff]ig[.])(?<!\b[Aa]rt[.])(?<!\b[Pp][.])(?<!\b[Pp]p[.])"
    r"\d{1,3}"
    r"(?=\s+[A-Z“\"‘(\[]|\s*$)"
)


def drop_footnote_numbers(text: str) -> str:
    """The line without the footnote numbers glued to its sentence ends (see the module doc)."""
    if not any(c.isdigit() for c in text):
        return text
    return FOOTNOTE_NUMBER.sub("", text)


# The words kept of what a footnote mark followed: at most this many, back to its sentence's start,
# read in the last ``NOTED_CHARS`` characters before it.
NOTED_WORDS = 6
NOTED_CHARS = 300
# A sentence's end inside the words before a mark: its punctuation, any closing marks, a space and
# a capital (or an opening mark and a capital).
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z])")
_WORD = re.compile(r"\w+")


def noted_words(before: str) -> str:
    """The last words before a footnote mark (``before`` is the line up to it), back to the start
    of their sentence and at most ``NOTED_WORDS``, case folded and one space apart; "" for none."""
    before = before[-NOTED_CHARS:]
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end() :] if ends else before
    return " ".join(_WORD.findall(sentence.casefold())[-NOTED_WORDS:])


def footnote_notes(text: str) -> list[str]:
    """What each footnote number :func:`drop_footnote_numbers` takes out of the line followed."""
    if not any(c.isdigit() for c in text):
        return []
    return [words for m in FOOTNOTE_NUMBER.finditer(text) if (words := noted_words(text[: m.start()]))]
