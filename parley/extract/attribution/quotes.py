"""Quote marks: the quoted passages of a text, found in one pass over its quote marks.

Straight ``"``, curly ``“ ”``, ``« »``, ``„ “``, two apostrophes ``''`` used as a double
quote, and single quotes ``‘ ’`` / ``' '`` when they open before a word and close after one
(apostrophes inside words, ``don’t``, and after plurals, ``voters’ views``, are skipped).
Single quotes inside double quotes are nested and not regions of their own; so is a double
quote inside a double quote when both close before the paragraph ends (``"… what he calls
"hell" than …"``), else an opening mark inside an open quote starts a new one (the first was
never closed). A quote still open at a paragraph break ends there (a quote running over
several paragraphs re-opens at the start of the next one, by the usual convention). A closing
mark that opens a paragraph before words or an ellipsis (``” … he said``) is a mistyped
opening one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK_RE = re.compile(r"\n|''|``|[\"“”«»„‟‘’‚‹›']")

_D_OPEN = frozenset({"“", "«", "„", "``"})
_D_CLOSE = frozenset({"”", "»"})
_D_AMBIG = frozenset({'"', "''", "‟"})
_S_OPEN = frozenset({"‘", "‚", "‹"})
_S_CLOSE = frozenset({"’", "›"})
# Every character that can be (part of) a quote mark.
QUOTE_CHARS = frozenset("\"“”«»„‟‘’‚‹›'`")


@dataclass(frozen=True)
class QuoteRegion:
    """A quoted passage: ``[start, end)`` includes the marks when they are there."""

    start: int
    end: int
    closed: bool  # ends with a quote mark (False: ran to the end of the paragraph)
    double: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str) -> list[QuoteRegion]:
    """Top-level quote regions of ``text``, in order. One pass over the quote marks."""
    out: list[QuoteRegion] = []
    n = len(text)
    d_pos = -1  # position of the open double quote, -1 when none
    d_mark = ""
    s_pos = -1  # position of the open single quote (only outside double quotes)
    nested = 0  # double quotes open inside the open one ("… what he calls “hell” than …")
    for m in _MARK_RE.finditer(text):
        mark = m.group()
        p = m.start()
        if mark == "\n":
            if d_pos >= 0:
                end = p
                while end > d_pos and text[end - 1].isspace():
                    end -= 1
                if end - d_pos > 1:
                    out.append(QuoteRegion(d_pos, end, False, True))
            d_pos = -1
            s_pos = -1
            nested = 0
            continue
        prev = text[p - 1] if p > 0 else "\n"
        q = m.end()
        nxt = text[q] if q < n else "\n"
        if mark in _D_OPEN or mark in _D_CLOSE or mark in _D_AMBIG:
            s_pos = -1  # a double mark inside a single-quoted stretch: that was no quote
            if d_pos < 0:
                if mark in _D_CLOSE or (
                    mark in _D_AMBIG
                    and not prev.isspace()
                    and prev not in "([—–-/"
                    and p > 0
                    and not _is_word(nxt)
                    and nxt not in "'‘"
                ):
                    if not (mark in _D_CLOSE and _opens_paragraph(text, p) and _opens_words(text, q)):
                        continue  # a closing mark with nothing open: stray
                    # '”Fear. I am …', '” … what I learned' at a paragraph's start: a mistyped
                    # opening mark
                d_pos, d_mark = p, mark
            else:
                if mark in ("„", "«", "``") or (
                    mark == "“"
                    and d_mark != "„"
                    and (prev.isspace() or prev in "([—–")
                    and _is_word(nxt)
                    and p - d_pos > 1
                ):
                    if _closes_twice(text, q):
                        nested += 1  # a quote inside the quote, both closed before the line ends
                        continue
                    # an opening mark while a quote is open: the earlier one was never
                    # closed; restart here
                    d_pos, d_mark = p, mark
                    continue
                if nested:
                    nested -= 1
                    continue
                out.append(QuoteRegion(d_pos, q, True, True))
                d_pos = -1
            continue
        # single quote marks
        if d_pos >= 0:
            continue  # nested quote
        if _is_word(prev) and _is_word(nxt):
            continue  # apostrophe inside a word
        if s_pos < 0:
            if mark in _S_CLOSE:
                continue  # apostrophe at a word end (plural possessive, dropped letter)
            if not _is_word(prev) and (nxt.isalpha() or nxt in '“"…'):
                s_pos = p
        else:
            if mark in _S_OPEN:
                s_pos = p
                continue
            if not _is_word(nxt) and not prev.isspace():
                # "voters’ views": an apostrophe after s followed by a word is ambiguous;
                # take it as closing only if the text after is not a lower-case word
                if prev in "sS" and nxt == " " and q + 1 < n and text[q + 1].islower():
                    continue
                out.append(QuoteRegion(s_pos, q, True, False))
                s_pos = -1
    if d_pos >= 0:
        end = n
        while end > d_pos and text[end - 1].isspace():
            end -= 1
        if end - d_pos > 1:
            out.append(QuoteRegion(d_pos, end, False, True))
    return out


def _opens_words(text: str, q: int) -> bool:
    """Words, or an ellipsis marking an excerpt, follow position ``q`` on its line."""
    if q < len(text) and _is_word(text[q]):
        return True
    return text[q : q + 8].lstrip(" \t\xa0").startswith(("…", "..."))


def _closes_twice(text: str, q: int) -> bool:
    """Two closing double marks follow position ``q`` in its paragraph before any other
    opening one: a quote nested inside a quote with the same marks, the inner closed first
    (``"I'll read the question: “Do you think …?” Forty-three, yes."``)."""
    end = text.find("\n", q)
    seg = text[q : len(text) if end < 0 else end]
    closes = 0
    for m in _DOUBLE_RE.finditer(seg):
        mark = m.group()
        after = seg[m.end() : m.end() + 1]
        if mark in _D_OPEN or _is_word(after):
            return False  # another quote opens first
        closes += 1
        if closes == 2:
            return True
    return False


_DOUBLE_RE = re.compile(r"''|``|[\"“”«»„‟]")


def _opens_paragraph(text: str, p: int) -> bool:
    """Only space lies between the start of ``p``'s paragraph and ``p``."""
    start = text.rfind("\n", 0, p) + 1
    return not text[start:p].strip()
