"""Hedges a footnote sources: a claim a report hedges ("reportedly") and cites in a note.

A hedge is footnoted when a footnote mark stands right after it or ends its sentence, either

- still in the text: "[12]", "[xiv]", "^12" after the hedge, or such a mark or superscript digits
  at the end of the sentence or right after it; or
- taken out by the cleaner, which takes marks such as "... near the river.[[37]](#edn37)" out of
  the text (a mark left in breaks the sentences) and keeps on the article the last words before
  each (``Article.noted``, read by ``clean.footnotes.noted_words``): the hedge is footnoted when
  the words of its sentence up to it, or the last words of its sentence, are such words.
"""

from __future__ import annotations

import re

from parley.clean.footnotes import NOTED_WORDS
from parley.models import Article

__all__ = ["AFTER_CHARS", "footnoted"]

_SUPERSCRIPT = "\u00b9\u00b2\u00b3\u2070-\u2079"
_NOTE = r"\[(?:\d{1,3}|[ivxlc]{1,8})\]"
_MARKER_AFTER = re.compile(rf"\s?{_NOTE}|\^\d{{1,3}}")
_MARKER_AT_END = re.compile(rf"(?:{_NOTE}|[{_SUPERSCRIPT}]+)[.\s]*$")
_MARKER_NEXT = re.compile(rf"\s?(?:{_NOTE}|[{_SUPERSCRIPT}]+)")
AFTER_CHARS = 12  # characters after a sentence read for its footnote mark ("[lxxxviii]")
_WORD = re.compile(r"\w+")


def footnoted(sentence: str, hedge: re.Match[str], after: str = "", article: Article | None = None) -> bool:
    """Whether a footnote mark sources the hedge (see the module doc); ``after`` is the text right
    after the sentence, ``article`` the one it is from (for the marks the cleaner took out)."""
    if _MARKER_AFTER.match(sentence[hedge.end() :]) or _MARKER_AT_END.search(sentence):
        return True
    if _MARKER_NEXT.match(after):
        return True
    if article is None or not article.noted:
        return False
    noted = set(article.noted)
    up_to = sentence[: hedge.end()]
    return any(_ends_noted(_WORD.findall(part.casefold()), noted) for part in (sentence, up_to))


def _ends_noted(words: list[str], noted: set[str]) -> bool:
    """The words end with a phrase a footnote mark followed (the whole phrase, as kept)."""
    return any(" ".join(words[-n:]) in noted for n in range(1, min(NOTED_WORDS, len(words)) + 1))
