"""A second verb of saying in a sequence, with no subject of its own: ``X first told the judges to
"go away," then shouted "B"``. The parser often makes the second verb the sentence's root and
hangs the first clause on it, so the second verb has no subject to climb to. A cue with
``then`` before it and no subject takes the speaker of the nearest verb of saying before it in
its sentence, outside quotes (X); with no verb of saying before it, or none with a subject,
nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from .clause_ends import SUBJECTS
from .document import DocIndex
from .verbs import is_cue_verb

# what may stand between the clause before and "then": a comma, a quote mark, "and"
_JOINS = frozenset({",", "and", "”", '"', "’", "'", "''"})


def then_speaker(ix: DocIndex, v: Token) -> Token | None:
    """The subject of the verb of saying before cue ``v`` when ``v`` has no subject and ``then``
    right before it joins it to that verb's clause (see the module); else None."""
    doc = ix.doc
    if any(c.dep_ in SUBJECTS for c in v.children) or ix.qid[v.i] >= 0:
        return None
    then = next((c for c in v.children if c.dep_ == "advmod" and c.lower_ == "then" and c.i < v.i), None)
    if then is None or any(doc[j].pos_ != "ADV" for j in range(then.i + 1, v.i)):
        return None
    if then.i == 0 or doc[then.i - 1].text not in _JOINS:
        return None  # "then" opens a sentence or a clause of its own: "Then he said ..."
    sa = ix.sbounds[ix.sid[v.i]][0]
    p = ix.pid[v.i]
    for j in range(then.i - 1, sa - 1, -1):
        t = doc[j]
        if ix.qid[j] >= 0 or ix.pid[j] != p or not is_cue_verb(t):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or ix.qid[subj.i] >= 0:
            return None
        return subj
    return None
