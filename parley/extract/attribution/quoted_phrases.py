"""Quoted words that are no speech of their own: phrases inside a clause, titles, nicknames.

A quote that does not start a speech of its own (it follows a word, not ``: , .``) and after
whose closing mark the clause goes on with a word (``reported "2,500 incidents" in the city``,
``said "budget reforms" and new taxes would pay for it``, ``claimed "X exaggerates" the
rate``, ``tells the network's "Morning Show" on Friday that …``) is a phrase the sentence
uses: an object, a subject or a title, the rest of the clause being the writer's words. It is
no direct quote; the reported pass reads the clause around it (:mod:`.reported`). A quote that
ends a sentence of its own inside the marks (``yelled "Stay there!" and ran``), one that
another quote follows (``shouted "Long live X" and "Down with Y"``) and one that ends its
verb's object, another predicate following (``shouted "Long live X" and left``), is still a
speech.

A short run of capitalised words is a title (:func:`looks_like_title`); one or two capitalised
words between the parts of a name (``Marcia "Cia" Price``) a nickname, which does not part a
quote from the cue after the name.
"""

from __future__ import annotations

import re

from .document import DocIndex
from .verbs import VERB_POS, is_verb

# Inner end of a quote that closes a sentence or a spoken clause of its own.
_SPOKEN_END = frozenset(".?!,;…")
_MARKS = "\"“”«»„‘’'` "
# "... "Long live X" and "Down with Y"": another quote listed after the first
_LISTED_QUOTE = re.compile(r"(?:and|or|then)[ \t]+[\"“‘'`]")
_SENTENCE_INSIDE = re.compile(r"[.?!] +[A-Z]")


def phrase_in_clause(ix: DocIndex, qi: int) -> bool:
    """The clause goes on after quote ``qi`` with a word, in the same line, and the quote
    neither ends a sentence of its own inside its marks nor has another quote listed after it."""
    q = ix.quotes[qi]
    if not q.closed:
        return False
    inner = ix.text[q.start : q.end].rstrip(_MARKS)[-1:]
    if inner in _SPOKEN_END:
        return False
    text = ix.text
    j = q.end
    while j < len(text) and text[j] in " \t":
        j += 1
    if not (j < len(text) and text[j].isalnum()):
        return False
    return _LISTED_QUOTE.match(text, j) is None and not _predicate_follows(ix, qi)


def _predicate_follows(ix: DocIndex, qi: int) -> bool:
    """A conjunction and a verb follow quote ``qi`` (``shouted "Long live X" and left``):
    the quote is the whole object of its verb, the sentence going on with another predicate."""
    _, b = ix.qtok[qi]
    doc = ix.doc
    if b + 1 >= ix.n or doc[b].pos_ != "CCONJ":
        return False
    v = doc[b + 1]
    return v.pos_ in VERB_POS and v.tag_.startswith("VB") and v.dep_ == "conj"


def holds_sentence(ix: DocIndex, qi: int) -> bool:
    """Quote ``qi`` holds a whole sentence and more (``"I would not call it reform. It is just
    a tax increase" for the top earners``): words spoken, even when the writer's clause goes on
    after the closing mark."""
    q = ix.quotes[qi]
    return _SENTENCE_INSIDE.search(ix.text, q.start + 1, q.end - 1) is not None


def looks_like_title(ix: DocIndex, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are a short run of capitalised words (``"Make Your Kid a
    Millionaire"``), no sentence of its own followed by another (``"The Donald. Big Daddy."``
    is words said), no verb in lower case (``"I would, Donald"``: title case capitalises its
    verbs, ``"Is"``, ``"Would"``)."""
    words = [t for t in ix.doc[a:b] if t.is_alpha]
    if len(words) > 8 or any(ix.doc[i].is_sent_start for i in range(a + 1, b) if ix.doc[i].is_alpha):
        return False
    if any(t.pos_ in VERB_POS and t.text.islower() for t in words):
        return False
    content = [t for t in words if not t.is_stop]
    return not content or (all(t.is_title for t in content) and not any(is_verb(t) for t in content))


def nickname(ix: DocIndex, qi: int) -> bool:
    """Quote ``qi`` is a nickname inside a name (``Marcia "Cia" Price``): one or two
    capitalised words between two capitalised words, the first a proper noun."""
    a, b = ix.qtok[qi]
    doc = ix.doc
    words = [t for t in doc[a:b] if not (t.is_punct or t.is_space)]
    if not 1 <= len(words) <= 2 or not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return False
    if a == 0 or b >= ix.n:
        return False
    before, after = doc[a - 1], doc[b]
    # the tagger often reads the surname after a nickname as a common noun: its capital decides
    return before.pos_ == "PROPN" and all(
        t.is_alpha and t.text[:1].isupper() and not ix.in_quote(t.i) for t in (before, after)
    )
