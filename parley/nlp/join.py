"""Joining the paragraphs' parses into one Doc, as ``Doc.from_docs(docs, ensure_whitespace=False)``
does, but without building a spaCy ``Token`` for each word.

``Doc.from_docs`` reads each token's text and trailing space through a ``Token`` object, which
costs more than the rest of the join; here they come from the attribute arrays it copies anyway
(each token's length and trailing space) and the article's text, which the pieces' texts make up
exactly. The result is the same Doc: the same words, attribute arrays and tensor. Pieces with
user data or span groups (none from a plain ``nlp.pipe``) are left to ``Doc.from_docs``.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
from spacy.attrs import LENGTH, SPACY
from spacy.tokens import Doc
from thinc.api import get_current_ops

_ATTRS = list(Doc._get_array_attrs())  # what Doc.from_docs copies (LENGTH and SPACY first)
_LENGTH = _ATTRS.index(LENGTH)
_SPACY = _ATTRS.index(SPACY)


def join_docs(docs: list[Doc], text: str) -> Doc:
    """One Doc of the parsed pieces of ``text``, in order (their texts join to ``text``)."""
    if any(d.user_data or d.spans for d in docs):
        return Doc.from_docs(docs, ensure_whitespace=False)
    array = np.concatenate([d.to_array(_ATTRS) for d in docs])
    lengths = array[:, _LENGTH].astype(np.int64)
    spaces = array[:, _SPACY].astype(bool)
    ends = np.cumsum(lengths + spaces)
    if not len(ends) or ends[-1] != len(text):  # not the pieces of this text after all
        return Doc.from_docs(docs, ensure_whitespace=False)
    starts = (ends - lengths - spaces).tolist()
    words = [text[s : s + n] for s, n in zip(starts, lengths.tolist(), strict=True)]
    joined = Doc(docs[0].vocab, words=words, spaces=spaces.tolist())
    joined.from_array(_ATTRS, cast(Any, array))
    ops = get_current_ops()
    joined.tensor = ops.xp.vstack([ops.asarray(cast(Any, d.tensor)) for d in docs if len(d)])
    return joined
