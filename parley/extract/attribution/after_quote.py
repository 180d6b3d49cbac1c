"""The attribution after a quote that the parser takes for a sentence of its own (most often
after ``!`` or ``?``): ``"What a year!" the mayor's niece, a state delegate, shouted.``

A verb after such a quote is its cue only when the words between are the verb's subject
(the speaker, however long its apposition), not a sentence that goes on to say something
else.
"""

from __future__ import annotations

from spacy.tokens import Token

from .document import DocIndex


def subject_fills_gap(ix: DocIndex, b: int, v: Token) -> bool:
    """Every word between token ``b`` (right after the quote) and verb ``v`` belongs to
    ``v``'s subject, the subject starting the gap."""
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if subj is None:
        return False
    doc = ix.doc
    lo, hi = subj.left_edge.i, subj.right_edge.i
    if any(not (doc[j].is_punct or doc[j].is_space) for j in range(b, lo)):
        return False
    return all(lo <= j <= hi or doc[j].is_punct or doc[j].is_space for j in range(b, v.i))
