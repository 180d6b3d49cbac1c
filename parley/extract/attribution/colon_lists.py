"""A reported clause that announces what its colon introduces: the content runs on past it.

``notes that three things are happening at once: | home values are rising, rates are low and
lenders are looser``; ``said the plan rests on two conditions: | a ceasefire and elections``;
``said the deal includes: | a ceasefire ...``: the parser hangs what follows the colon
elsewhere and the content stopped before it, leaving the words said out. The content takes the
rest of the sentence when

* the clause announces it: the words before the colon count what follows (``three things``,
  ``two conditions``, ``the following``, ``several``), name it (``the reason``, ``the
  message``, ``the conditions``), or leave a verb or preposition without its object
  (``includes:``, ``such as:``);
* and the rest is no one else's: it opens with no quote mark (a quote after the colon is a
  statement of its own) and holds no verb of saying or thinking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .verbs import SAYING_OR_THINKING, is_cue_verb

if TYPE_CHECKING:
    from .document import DocIndex

# Words before a colon that announce what it introduces.
_COUNTING = frozenset("following these several two three four five six seven eight nine ten".split())
_ANNOUNCING_NOUNS = frozenset(
    """
    reason reasons message messages condition conditions demand demands point points goal goals
    aim aims priority priorities step steps element elements term terms option options
    """.split()
)
_QUOTE_MARKS = frozenset("\"“”«»„‘’'")


def past_colon(ix: DocIndex, span: tuple[int, int], v: Token) -> tuple[int, int]:
    """``span`` (a reported clause of cue ``v``) run on past the colon right after it to the
    end of its sentence when the clause announces what the colon introduces (see the module)."""
    start, end = span
    text = ix.text
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    if k >= len(text) or text[k] != ":" or v.idx >= end:
        return span
    colon = ix.tok_at(k)
    doc = ix.doc
    if doc[colon].text != ":" or colon + 1 >= ix.n:
        return span
    nxt = colon + 1
    while nxt < ix.n and doc[nxt].is_space and "\n" not in doc[nxt].text:
        nxt += 1
    if nxt >= ix.n or doc[nxt].is_space or doc[nxt].text[:1] in _QUOTE_MARKS or ix.in_quote(nxt):
        return span
    if not _announces(ix, ix.tok_at(start), colon):
        return span
    stop = _sentence_end(ix, nxt)
    if stop <= nxt or any(is_cue_verb(doc[i], SAYING_OR_THINKING) for i in range(nxt, stop)):
        return span
    out = ix.trim(ix.tok_at(start), stop)
    return (start, out[1]) if out is not None and out[1] > end else span


def _announces(ix: DocIndex, a: int, colon: int) -> bool:
    """Whether the words of ``[a, colon)`` announce what follows the colon."""
    doc = ix.doc
    last = colon - 1
    if last < a:
        return False
    t = doc[last]
    if t.pos_ in ("ADP", "VERB") or t.lower_ == "as":
        return not any(c.i > t.i for c in t.children)  # "includes:", "such as:": the object follows
    tail = doc[max(a, colon - 8) : colon]
    if any(w.lower_ in _COUNTING or (w.like_num and w.pos_ == "NUM") for w in tail):
        return True
    return t.pos_ == "NOUN" and t.lemma_.lower() in _ANNOUNCING_NOUNS


def _sentence_end(ix: DocIndex, i: int) -> int:
    """The end (token index, exclusive) of the sentence holding token ``i``, within its
    paragraph."""
    lo, hi = ix.sbounds[ix.sid[i]]
    _, hi = ix.para_clip(lo, hi, i)
    return hi
