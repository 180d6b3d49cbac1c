"""``As X noted, CLAUSE`` / ``CLAUSE, as X pointed out``: X is the source of the main clause.

A verb of saying, showing or knowing under ``as`` (an adverbial clause of the main verb, with a
subject of its own that can speak, and no content of its own) says the clause it hangs on: the
main clause without the ``as`` clause, which must open or close the sentence. Not a verb of
talking (``as they speak to investors``, ``As X talked about ...``: a time), nor ``as X said he
would`` (a clause of its own), nor ``as expected`` (no one named), nor a negated main clause
before it (``It does not show that X had a gun, as police said``: said of a part).
"""

from __future__ import annotations

from spacy.tokens import Token

from .agentive import can_hold_view
from .document import DocIndex, Found
from .speakers import attribution_for_cue
from .verbs import is_verb

# verbs that, under "as", say what the main clause says ("as X noted")
_AS_CUES = frozenset(
    """
    say note write explain observe argue suggest report add mention remark stress emphasize
    emphasise warn predict show conclude find know acknowledge claim state recall
    """.split()
)
_AS_PHRASAL = frozenset({("point", "out"), ("put", "it"), ("spell", "out")})
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "dative", "csubj"})


def as_said(ix: DocIndex, v: Token) -> Found | None:
    """The attribution of ``As X noted, CLAUSE`` for cue ``v``, or None."""
    if v.dep_ != "advcl" or not is_verb(v):
        return None
    kids = list(v.children)
    lemma = v.lemma_.lower()
    if lemma not in _AS_CUES and not any((lemma, c.lower_) in _AS_PHRASAL and c.i > v.i for c in kids):
        return None
    mark = next((c for c in kids if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ != "as" or mark.i > v.i:
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < v.i), None)
    if subj is None or not can_hold_view(subj):
        return None  # "as expected": no one named
    if any(c.dep_ in _OWN_CONTENT and not (c.dep_ == "dobj" and c.lower_ == "it") for c in kids):
        return None  # "as X said he would", "as X told reporters"; but "as X put it"
    h = v.head
    if not is_verb(h) or h.i == v.i or ix.pid[h.i] != ix.pid[v.i]:
        return None
    sa, sb = ix.sbounds[ix.sid[v.i]]
    a, b = max(h.left_edge.i, sa), min(h.right_edge.i + 1, sb)
    va, vb = v.left_edge.i, v.right_edge.i + 1
    if va <= a + 1 and vb < h.i:
        a = vb  # "As X noted, CLAUSE"
    elif vb >= b - 1 and va > h.i:
        if any(c.dep_ == "neg" for c in h.children):
            return None  # "It does not answer whether X had a gun, as police said": of a part
        b = va  # "CLAUSE, as X noted."
    else:
        return None  # an "as" clause inside the main clause
    content = ix.trim(a, b)
    if content is None or ix.overlaps_direct(content):
        return None
    f = attribution_for_cue(ix, v, content, "reported")
    return f if f.source is not None else None
