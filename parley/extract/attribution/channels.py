"""Cue and channel: the words of a cue verb, and where the statement was made.

Channel: a word from :mod:`parley.extract.cues` (``in an interview``, ``on Telegram``, ``in a
statement``, ``at a press conference``, ``on X`` ...) in the cue verb's own phrases (or those
of the verb it hangs from), or a verb that implies one (``tweeted``), or the cue's subject when
it is one (``the ministry's statement on Telegram said``).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .document import DocIndex
from .verbs import is_verb

_CHANNEL_DEPS = frozenset(
    {"prep", "dobj", "npadvmod", "advcl", "agent", "dative", "advmod", "pobj", "obl", "acl"}
)


def cue_span(ix: DocIndex, v: Token) -> tuple[int, int]:
    end = v.idx + len(v.text)
    lemma = v.lemma_.lower()
    for c in v.children:
        if c.i == v.i + 1 and (c.dep_ == "prt" or (lemma, c.lower_) in C.PHRASAL_CUES):
            end = c.idx + len(c.text)
    return v.idx, end


def channel_of(ix: DocIndex, v: Token, content: tuple[int, int] | None) -> str | None:
    """A channel word in the phrases of ``v`` (and of the verbs it hangs from)."""
    lemma = v.lemma_.lower()
    if lemma in C.CHANNEL_VERBS:
        return C.CHANNEL_VERBS[lemma]
    doc = ix.doc
    said_by = next(
        (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in C.CHANNEL_WORDS), None
    )
    if said_by is not None and said_by.pos_ == "NOUN":
        # "The ministry's statement on Telegram said ...": the channel is the subject itself
        return channel_in(ix, said_by.left_edge.i, said_by.right_edge.i + 1)
    cur = v
    for _ in range(3):
        for c in cur.children:
            if c.dep_ not in _CHANNEL_DEPS:
                continue
            if c.dep_ == "advcl" and any(g.dep_ == "ccomp" for g in c.children):
                continue  # a clause with a cue and content of its own
            a, b = c.left_edge.i, c.right_edge.i + 1
            if b - a > 30:
                continue
            if content is not None and doc[a].idx < content[1] and content[0] < doc[b - 1].idx + 1:
                continue
            ch = channel_in(ix, a, b)
            if ch:
                return ch
        h = cur.head
        if h.i == cur.i:
            break
        if cur.dep_ in ("acl", "pcomp") and h.lower_ in C.CHANNEL_WORDS:
            return C.CHANNEL_WORDS[h.lower_]
        if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and is_verb(h):
            cur = h
        elif cur.dep_ == "pcomp" and is_verb(h.head):
            cur = h.head
        else:
            break
    return None


def channel_in(ix: DocIndex, a: int, b: int) -> str | None:
    doc = ix.doc
    for i in range(a, b):
        t = doc[i]
        low = t.lower_
        if i + 1 < b:
            big = low + " " + doc[i + 1].lower_
            if big in C.CHANNEL_BIGRAMS:
                return C.CHANNEL_BIGRAMS[big]
        if low in C.CHANNEL_WORDS:
            if low in ("post", "address", "broadcast") and t.pos_ != "NOUN":
                continue
            return C.CHANNEL_WORDS[low]
        if t.text == "X" and i > 0 and doc[i - 1].lower_ in C.X_PLATFORM_PREPS:
            return C.X_PLATFORM
    return None


# prepositions whose phrase after a noun says who made it or what it is of, not where it was said:
# "an analysis of filing data by a research website", "a report from a news website"
_MAKER_PREPS = frozenset({"of", "by", "from"})


def channel_phrase(ix: DocIndex, s: Token, prep: Token) -> bool:
    """Whether ``prep``, a phrase after the source noun ``s``, names the channel the source spoke
    on (``said X (D-Ill.) in an interview``), and so is no part of the source: a channel word in it,
    ``prep`` no preposition of maker or matter (``of``, ``by``, ``from``), and ``s`` no channel
    itself (``a letter to a network from Y``, ``a statement on its website``: one thing)."""
    if prep.lower_ in _MAKER_PREPS or s.lower_ in C.CHANNEL_WORDS:
        return False
    return channel_in(ix, prep.i, prep.right_edge.i + 1) is not None


def channel_tail(ix: DocIndex, comp: Token, content: tuple[int, int]) -> tuple[tuple[int, int], str] | None:
    """``X said A, in an interview with Y recorded before his visit``: the parser hung the channel
    phrase on the verb of A, but it tells where X said A. When the last phrase of content clause
    ``comp`` (whose span is ``content``) is set off by a comma, runs to the content's end and
    opens with a channel (``in an interview``, ``at a press conference``, ``on Telegram``),
    returns the content without it and the channel; else None. Not when the content's own verb
    is one of saying (``X said Y had announced the plan, in a televised address``: Y's address)."""
    doc = ix.doc
    if comp.lemma_.lower() in C.SPEECH_VERBS:
        return None
    for c in comp.children:
        if c.dep_ != "prep" or c.i <= comp.i + 1 or c.lower_ in _MAKER_PREPS or doc[c.i - 1].text != ",":
            continue
        last = doc[c.right_edge.i]
        if last.idx + len(last.text) != content[1]:
            continue
        pobj = next((k for k in c.children if k.dep_ == "pobj"), None)
        channel = channel_in(ix, c.i, pobj.i + 1) if pobj is not None else None
        if channel is None:
            continue
        end = doc[c.i - 2]
        if end.idx + len(end.text) <= content[0]:
            return None
        return (content[0], end.idx + len(end.text)), channel
    return None
