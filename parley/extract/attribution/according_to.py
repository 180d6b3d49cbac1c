"""``according to X``: the source and the clause it is said of (``According to X, A``, ``A,
according to X``; at the end of a sentence, the sentence before it), with the forms the parse
reads wrong in :mod:`.according_forms`. Called by :mod:`.reported` for every ``according to``."""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from . import according_forms as forms
from .channels import channel_in
from .document import DocIndex, Found, is_verb
from .speaker_phrases import np_span


def according(ix: DocIndex, v: Token) -> Found | None:
    """``according to X, …`` / ``…, according to X``."""
    doc = ix.doc
    to = doc[v.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in v.children if c.dep_ == "pobj"), None)
    if pobj is None or (
        pobj.lower_ in C.ACCORDING_IDIOMS and not any(c.dep_ == "det" for c in pobj.children)
    ):
        return None  # "going according to plan"
    h = v.head
    if h.i == v.i or h.i == to.i:
        return None
    h = forms.past_auxiliary(h)
    for _ in range(3):
        if is_verb(h) or h.head.i == h.i:
            break
        h = h.head
    pa, pb = v.left_edge.i, max(v.right_edge.i, to.right_edge.i) + 1
    sa, sb = ix.sbounds[ix.sid[v.i]]
    aside = forms.verb_group_aside(ix, v, pobj, sb)  # "had been, according to X, drafted": ends at X
    pb = pb if aside is None else aside
    fresh = forms.opens_sentence(ix, v, sa)
    sa = v.i if fresh else sa
    host = h
    if pa > sa and doc[pa - 1].text == ",":
        # "..., exploiting loopholes, according to a report": the sentence before the comma;
        # "X is suffering losses, according to Jane Doe, deputy head of Y" (the apposition
        # parsed as a clause of its own): not what comes after
        while h.dep_ in ("advcl", "conj") and h.head.i < pa and is_verb(h.head) and h.head.i >= sa:
            h = h.head
    ha, hb = min(h.left_edge.i, pa), max(h.right_edge.i + 1, pb)
    src_end = aside
    if fresh:
        a, b = pb, sb  # the parse ran two sentences together: the rest of this one
    elif aside is not None:
        a, b = ha, max(hb, doc[aside + 1].right_edge.i + 1)  # the whole clause, cut in two later
    elif h.i != host.i:
        a, b = ha, pa
    elif pa <= ha + 1:
        a, b = pb, hb
        comma = forms.apposed_subject(ix, pobj, h)
        if comma is not None:
            # "According to X, a Y at Z, one outcome ... is ...": the last apposition is the
            # clause's subject
            a = comma + 1
            src_end = comma
        apposed = forms.source_apposition(ix, pb, h) if comma is None else None
        if apposed is not None:  # "According to X, NAME, ... it expected": NAME is X's
            a = apposed[0] + 1
            src_end = apposed[0] if apposed[1] else None  # "citing Y" is not X
    elif (  # after the clause, or "X won, according to Y, but ...": what follows is no part of it
        pb >= hb - 1
        or all(doc[j].is_punct or doc[j].is_space for j in range(pb, min(hb, sb)))
        or forms.clause_before(h, pa, pb)
    ):
        a, b = ha, pa
    else:
        a, b = ha, hb
    a, b = ix.para_clip(max(a, sa), min(b, sb), v.i)
    content = ix.trim(a, b)
    if content is None or ix.overlaps_direct(content):
        return None
    ix.np_right = src_end
    src = np_span(ix, pobj, forms.aside_rest(ix, v, pobj, content), v.i)
    cue = (v.idx, to.idx + len(to.text))
    ch = channel_in(ix, pobj.left_edge.i, pobj.right_edge.i + 1)
    return Found(content, "reported", src, cue, ch, v.i)
