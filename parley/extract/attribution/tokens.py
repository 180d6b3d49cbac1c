"""The parse's per-token attributes, read once per document into plain lists.

spaCy builds a new ``Token`` object on every ``doc[i]`` and decodes each string attribute
(``lemma_``, ``dep_`` ...) on every access; the learned model reads a dozen attributes of
nearly every token, several times over (its own features, its neighbours', each cue's). Reading
them once, with one ``doc.to_array`` call, and indexing lists is several times faster and gives
the same values.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Doc

from .verbs import VERB_POS

_STRINGS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE]  # attributes stored as string ids
_NUMBERS = [HEAD, ENT_IOB, IDX, IS_SPACE, IS_ALPHA, IS_PUNCT, IS_TITLE, SENT_START]
_IOB = ("", "I", "O", "B")  # Token.ent_iob_ by ENT_IOB value


class TokenTable:
    """Attributes of each token of a Doc, by token index: ``text``, ``lower``, ``lemma``
    (lower-cased), ``pos``, ``tag``, ``dep``, ``ent_type``, ``ent_iob`` (the ``Token``
    attributes with a trailing ``_``), ``head`` (index), ``idx``, ``space``, ``alpha``,
    ``punct``, ``title``, ``sent_start`` (``is_*``), ``verb`` (``document.is_verb``); and
    each token's :meth:`children`."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        strings = doc.vocab.strings
        ids = doc.to_array(_STRINGS).reshape(n, len(_STRINGS))
        # each distinct string id decoded once: a text has far fewer distinct values than tokens
        distinct, where = np.unique(ids, return_inverse=True)
        where = where.reshape(ids.shape)
        names = [strings[int(h)] for h in distinct]
        decoded = np.array(names, dtype=object)[where].T.tolist()
        lowered = np.array([s.lower() for s in names], dtype=object)
        self.text, self.lower, _, self.pos, self.tag, self.dep, self.ent_type = decoded
        self.lemma: list[str] = lowered[where[:, 2]].tolist()
        # document.is_verb, for every token (its part of speech, or a tag VB*)
        verb_pos = np.array([s in VERB_POS for s in names], dtype=bool)
        verb_tag = np.array([s.startswith("VB") for s in names], dtype=bool)
        self.verb: list[bool] = (verb_pos[where[:, 3]] | verb_tag[where[:, 4]]).tolist()
        # HEAD is an offset stored unsigned: negative ones wrap, and come back with int64
        numbers = doc.to_array(_NUMBERS).reshape(n, len(_NUMBERS)).astype(np.int64)
        heads = numbers[:, 0] + np.arange(n)
        self.head: list[int] = heads.tolist()
        self.ent_iob = [_IOB[k] for k in numbers[:, 1].tolist()]
        self.idx: list[int] = numbers[:, 2].tolist()
        self.space, self.alpha, self.punct, self.title = numbers[:, 3:7].astype(bool).T.tolist()
        self.sent_start: list[bool] = (numbers[:, 7] == 1).tolist()  # Token.is_sent_start is True
        # children by head, in token order (a stable sort), roots (their own head) left out;
        # one flat list, not a list per token: that many lists held at once wake the garbage
        # collector again and again
        heads[heads == np.arange(n)] = n
        self._by_head: list[int] = np.argsort(heads, kind="stable").tolist()
        counts = np.bincount(heads, minlength=n + 1)
        self._first_child: list[int] = np.concatenate(([0], np.cumsum(counts))).tolist()

    def children(self, i: int) -> list[int]:
        """The indices of token ``i``'s children, in order (as ``Token.children`` yields them)."""
        return self._by_head[self._first_child[i] : self._first_child[i + 1]]

    def end(self, i: int) -> int:
        """Character offset just after token ``i``."""
        return self.idx[i] + len(self.text[i])
