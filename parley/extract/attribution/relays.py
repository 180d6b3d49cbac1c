"""``According to X, Y said ...``: X relays words Y said; the claim is not X's.

When the clause an ``according to X`` hangs on is itself a saying (``According to the ministry,
the envoy said talks would resume``; ``The envoy told reporters talks would resume, according to
the ministry``), the words are Y's: Y's statement is kept as Y's own
(:func:`.embedding.relayed`), and X's record says no more than that Y said them. Read as X's
own words, its content ("the envoy said talks would resume") would be a stance of X's on the
talks and count among X's statements. :func:`mark_relays` marks it ``report`` (what X relays: a
report of words said), keeping X as its speaker and with no outer record, as a question its
speaker asks keeps the asker (:func:`.embedding.own_question`).

Only when Y's statement is among the records (its cue the very verb the phrase hangs on, or
the quote that verb is in when the parser took the quote's words for the main clause; its
speaker and cue inside X's content): otherwise X's record is all the text gives of Y's words.
Not in a cleft (``it was only after the hearing that Y said ...``: X's claim is when Y said it),
nor when X's content goes on past Y's words with a claim of X's own (``..., but the army has not
left the border``), nor for a verb of asking, thinking or describing (``According to aides, Y
believes ...``: what Y thinks is what the aides tell; ``According to X, Y asked the doctors how
it went when she woke up``: a question is mostly told with what happened around it, which is
X's account), nor for an outlet that "reports" or figures that "suggest" (``X reports that ...,
according to the pollster``: the pollster is the source of the figures, not of words passed on).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from parley.extract import cues as C

from .document import DocIndex, Found
from .verbs import is_verb

# Verbs of saying whose clause a relaying source may pass on as the subject's own statement.
NOT_SAYING = C.OBJECT_CONTENT_VERBS | C.DESCRIBE_VERBS | C.ASK_VERBS | C.COGNITION_VERBS


# a verb of an outlet's report, whose source an "according to" names for its facts ("X reports
# that ..., according to the pollster"), not for words passed on
_NOT_RELAYED = frozenset({"report"})
# sources that are documents or figures ("the survey suggests ...")
_DATA = frozenset("survey poll data figure statistic study census chart table".split())


def saying(v: Token) -> bool:
    """``v`` is a verb of saying words (not of asking, thinking or describing)."""
    lemma = v.lemma_.lower()
    return is_verb(v) and lemma in C.SPEECH_VERBS and lemma not in NOT_SAYING


def mark_relays(ix: DocIndex, found: list[Found]) -> None:
    """Mark ``report`` each ``according to`` record whose content is another record's saying."""
    by_cue = {f.cue_i: f for f in found if f.cue_i >= 0 and f.source is not None and f.outer is None}
    for f in found:
        if f.cue_i < 0 or f.embedded is not None or f.kind != "reported":
            continue
        o = ix.doc[f.cue_i]
        if o.lower_ != "according" or o.head.i == o.i:
            continue
        inner = by_cue.get(o.head.i) or _quoted(ix, o.head, by_cue.values())
        if inner is None or inner is f or inner.cue is None or inner.source is None:
            continue
        if inner.embedded is not None or not saying(ix.doc[inner.cue_i]):
            continue  # "According to aides, Y believes ...": what Y thinks is the aides' telling
        if ix.doc[inner.cue_i].lemma_.lower() in _NOT_RELAYED or _data(ix, inner.source):
            continue  # "X reports that ..., according to the pollster": the pollster's figures
        a, b = f.content
        if a <= inner.cue[0] < b and a <= inner.source[0] < b and _ends_with(ix, inner, b):
            f.embedded = "report"


def _ends_with(ix: DocIndex, inner: Found, end: int) -> bool:
    """X's content ends where Y's words do: nothing of X's own comes after them ("..., but the
    army has not left the border" is X's claim, so X's record is not only a relay)."""
    last = max([inner.content[1], *(m[1] for m in inner.more)])
    return last >= end or not any(ch.isalnum() for ch in ix.text[last:end])


def _data(ix: DocIndex, source: tuple[int, int] | None) -> bool:
    """The inner source is a document or figures, which say no words ("the survey suggests")."""
    if source is None:
        return False
    span = ix.doc.char_span(source[0], source[1], alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in _DATA


def _quoted(ix: DocIndex, h: Token, found: Iterable[Found]) -> Found | None:
    """The direct quote holding ``h``, the verb an ``according to`` phrase hangs on, when the
    parser took the quote's words for the sentence's main clause (``According to X, Y said, "I
    regret nothing."``: "regret")."""
    if not ix.in_quote(h.i):
        return None
    at = h.idx
    return next((g for g in found if g.kind == "direct" and g.content[0] <= at < g.content[1]), None)
