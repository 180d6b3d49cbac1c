"""A cue set off inside the reported content: the content in two parts, without the cue.

``The plan, he said, is dead``, ``Though the talks went well, she argued, the deal will fail``,
``Prices rose by half, the group said in a report, compared with last year``, ``The plan,
according to X, is dead``: what was reported is the words before the cue clause and the words
after it. The cue clause (the speaker, the cue and what hangs on the cue, ``in a report``) and
the commas or dashes around it are nobody's content, so the content becomes two parts, as a
quote broken by its cue (``"A," he said, "B."``) does. The cue clause runs over the commas inside
one of its noun phrases (``Jane Doe, a spokeswoman, said``, ``said in talks with A, B and C``),
never over a comma before a word the parser hung on the cue itself. The content stays whole when
the cue clause is not set off by a pair of commas (or of dashes), when the speaker lies outside
it, when another cue gives the very same content (``explains that A that, according to her,
B``: one statement), or when either part would hold no word. A past verb with no subject nor
auxiliary after the cue clause (``The talks had stalled, he said, and then left the room``) is
what the speaker did next, in the writer's words: the content is the part before the cue.

The subject of a clause before a parenthetical cue that the parser gave to the cue (``The deal,
the minister said in talks, is dead``, "the deal" a second subject of "said") opens the content
(:func:`fronted_subject`).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from .document import DocIndex, Found
from .verbs import is_verb

_MARKS = frozenset({",", "—", "–"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_FRONTED = frozenset({"nsubj", "nsubjpass", "dep"})
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})


def split_around_cues(ix: DocIndex, found: list[Found]) -> None:
    """Each reported record in ``found`` whose cue clause sits set off inside its content takes
    the words before it as its content and the words after it as its second part (in place)."""
    told = Counter(f.content for f in found)
    for f in found:
        if f.kind != "reported" or f.more or f.cue is None or f.cue_i < 0:
            continue
        if told[f.content] > 1:
            continue  # "She explains that A that, according to her, B": one statement, said once
        parts = _around(ix, f)
        if parts is not None:
            f.content, f.more = parts[0], ([] if _speaker_goes_on(ix, f, parts[1]) else [parts[1]])


def _around(ix: DocIndex, f: Found) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two parts of ``f``'s content around its cue clause, or None (see the module)."""
    assert f.cue is not None
    doc = ix.doc
    a, b = f.content
    if not (a < f.cue[0] and f.cue[1] < b):
        return None
    clause = cue_clause(doc, doc[f.cue_i])
    if clause is None:
        return None
    lo, hi = clause  # the opening and closing marks
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    if not (a < start and end < b):
        return None
    if f.source is not None and not (end > f.source[0] >= doc[lo + 1].idx and f.source[1] <= doc[hi].idx):
        return None  # the speaker is elsewhere ("..., which, he said, ...": not this clause)
    first = _strip(ix.text, a, start)
    second = _strip(ix.text, end, b)
    if first is None or second is None:
        return None
    return first, second


def _speaker_goes_on(ix: DocIndex, f: Found, second: tuple[int, int]) -> bool:
    """Whether the part after the cue clause is only a verb in the past with no subject or
    auxiliary of its own, joined by "and" (``The talks had stalled, he said, and then left the
    room``): what the speaker did next, in the writer's words, not what he said."""
    doc = ix.doc
    span = doc.char_span(second[0], second[1], alignment_mode="expand")
    cue = doc[f.cue_i]
    if span is None or len(span) < 2 or span[0].lower_ != "and" or cue.tag_ != "VBD":
        return False
    k = next((t for t in span[1:] if t.pos_ != "ADV"), None)
    if k is None or k.tag_ != "VBD" or k.dep_ != "conj" or k.head.i >= span.start:
        return False
    if any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in k.children):
        return False
    return k.right_edge.i >= span.end - 1 and k.left_edge.i >= span.start


def cue_clause(doc: Doc, v: Token) -> tuple[int, int] | None:
    """The token indices of the two marks that set off the cue clause of cue ``v`` (the words
    around ``v`` that hang on it, with the commas inside a noun phrase of it: ``Jane Doe, a
    spokeswoman, said``, ``said in talks with A, B and C``), or None when they are no pair of
    commas or of dashes in one sentence."""
    n = len(doc)
    lo = v.i
    while lo > 0 and _goes_on(doc, lo - 1, lo - 2, v):
        lo -= 1
    hi = v.i
    while hi + 1 < n and _goes_on(doc, hi + 1, hi + 2, v):
        hi += 1
    lo, hi = lo - 1, hi + 1
    if lo < 1 or hi + 1 >= n or doc[lo].text not in _MARKS or doc[hi].text not in _MARKS:
        return None
    if (doc[lo].text == ",") != (doc[hi].text == ",") or doc[lo].sent != doc[hi].sent:
        return None
    return lo, hi


def _goes_on(doc: Doc, k: int, beyond: int, v: Token) -> bool:
    """Whether token ``k`` is part of the cue clause of ``v``: a word that hangs on it, or a mark
    between two words of one of its noun phrases (``beyond``: the token past the mark)."""
    t = doc[k]
    if t.text not in _MARKS:
        return _under(t, v)
    if not (0 <= beyond < len(doc)) or doc[beyond].text in _MARKS:
        return False
    return doc[beyond].head.i != v.i and _in_phrase(doc[beyond], v)


def fronted_subject(v: Token, clause: Token) -> Token | None:
    """The subject of ``clause`` (which has none) that the parser hung on cue ``v`` before it,
    set off by a comma before the speaker (``The deal, the minister said in talks, is dead``:
    "The deal"); None when there is none."""
    doc = v.doc
    finite = clause.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE and c.i < clause.i for c in clause.children
    )
    if clause.i < v.i or not finite or any(c.dep_ in _SUBJECTS for c in clause.children):
        return None
    if any(c.dep_ == "mark" for c in clause.children):
        return None  # "said, ..., that ...": a clause of its own kind
    before = [c for c in v.children if c.dep_ in _FRONTED and c.i < v.i]
    if len(before) < 2:
        return None
    front, speaker = before[-2], before[-1]
    if front.pos_ not in ("NOUN", "PROPN", "PRON") or speaker.left_edge.i != front.right_edge.i + 2:
        return None
    if doc[front.right_edge.i + 1].text != "," or front.sent != clause.sent:
        return None
    return front


def _under(t: Token, v: Token) -> bool:
    """Whether ``t`` hangs on ``v`` (or is ``v``)."""
    return t.i == v.i or v.is_ancestor(t)


def _in_phrase(t: Token, v: Token) -> bool:
    """Whether ``t`` hangs on ``v`` through no other verb (in a noun phrase of the cue clause)."""
    while t.i != v.i:
        if is_verb(t) or t.head.i == t.i:
            return False
        t = t.head
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without space and commas at either end; None when no word is left."""
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end
