"""Speaker phrases: the words of the noun phrase that names a cue's speaker.

The whole subtree of the subject (appositions and relative clauses included, as PolNeAR
annotates sources), or the compact noun phrase when the subtree runs into the content or the
cue; a noun phrase cut short keeps its modifiers whole (``the 28-point plan``), and loses a
sentence adverb before it or an adverb after it (``Meanwhile, X``, ``X, a day later,``). A
leading dateline (``Moscow, Dec 3 (Agency)``) and a trailing channel phrase (``in an
interview``) are cut off. Also: the words between a quote and a cue the parse gives no subject
(:func:`between_span`) or that the parse ran into the content before such a cue
(:func:`trailing_speaker`), and the noun a relative-pronoun speaker stands for
(:func:`relative_antecedent`).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from parley.extract import cues as C
from parley.models import Span

from .channels import channel_phrase
from .document import NOMINAL_POS, DocIndex
from .verbs import VERB_POS

_CLAUSE_TAGS = ("VBD", "VBZ", "VBP", "MD", "WRB")  # a finite verb or "when": a clause, not a speaker
_TIME_PREPS = frozenset({"after", "before", "during", "following"})  # ", after the meeting"
_PLACE_PREPS = frozenset({"in", "at"})  # ", in Riga", ", at Camp David": where it was said
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_SPEAKING = frozenset({"speak", "talk", "address", "write"})  # ", speaking in Riga, said"
_NP_LEFT_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "case"})


def np_span(ix: DocIndex, s: Token, avoid: tuple[int, int] | None, cue_i: int) -> tuple[int, int] | None:
    """Char span of the noun phrase headed by ``s``.

    The whole subtree (appositions and relative clauses included, as PolNeAR annotates
    sources), within the paragraph; the compact noun phrase when the subtree runs into
    the content or the cue.
    """
    doc = ix.doc
    if s.lower_ in C.RELATIVE_PRONOUNS and s.head.dep_ == "relcl" and s.head.head.i != s.head.i:
        # "X, who said ...": the words the text uses, the relative pronoun (as PolNeAR
        # marks it); the noun it stands for is found by the statement builder
        return ix.trim(s.i, s.i + 1)
    right, ix.np_right = (s.right_edge.i + 1 if ix.np_right is None else ix.np_right), None
    a, b = ix.para_clip(s.left_edge.i, right, s.i)
    bad = a <= cue_i < b
    if avoid is not None and not bad and a < b:
        sa = doc[a].idx
        sb = doc[b - 1].idx + len(doc[b - 1].text)
        bad = sa < avoid[1] and avoid[0] < sb
    if a == 0 or ix.pid[a - 1] != ix.pid[a]:
        # a dateline at the start of the paragraph: "Moscow, Dec 3 (Agency) Kremlin
        # spokesperson X refuted ..."
        for j in range(b - 3, a - 1, -1):
            if doc[j].text == ")":
                a = j + 1
                break
    for c in s.children:
        # "said X (D-Ill.) in an interview": the channel is not part of the speaker
        if c.dep_ == "prep" and c.i > s.i and c.i < b and channel_phrase(ix, s, c):
            b = c.i
            break
    b = _before_adjunct(ix, s, b)
    if bad:
        floor = cue_i + 1 if 0 <= cue_i < s.i else 0  # never the cue ("Said Ellis:" parsed as one name)
        a = _np_left(s, max(floor, a))
        b = s.i + 1
        while b < ix.n and doc[b].head.i == s.i and doc[b].dep_ in ("compound", "flat"):
            b += 1
    return ix.trim(_after_sentence_adverb(doc, a, s.i), _before_adverb(doc, s, b))


def _before_adjunct(ix: DocIndex, s: Token, b: int) -> int:
    """Cut a phrase of time or channel after a closed apposition, which the parser hung on the
    speaker's noun or the apposition's but belongs to the verb (``said X, the deputy minister,
    on Tuesday``, ``said X, a spokeswoman for the commission, in a statement``)."""
    doc = ix.doc
    ap = next((c for c in s.children if c.dep_ == "appos" and s.i < c.i < b), None)
    if ap is None or any(t.dep_ == "relcl" for t in doc[s.i : b]):
        return b  # a relative clause may own the phrase ("who lived there from 1968, until 1989")
    for c in doc[ap.i + 1 : b]:
        if c.head.i in (s.i, ap.i) and doc[c.i - 1].text == "," and _when_or_where(ix, c, b):
            return c.i
    return b


def _when_or_where(ix: DocIndex, c: Token, b: int) -> bool:
    """Whether ``c`` opens a phrase (up to token ``b``) saying when or where words were said: a
    time, a channel, a place (``in Riga``, ``at Camp David``), or the speaking itself (``speaking
    in Riga``, ``speaking to reporters``)."""
    if c.tag_ == "VBG" and c.dep_ in ("acl", "advcl") and c.lemma_.lower() in _SPEAKING:
        return True
    if c.dep_ != "prep":
        return False
    if c.lower_ in _TIME_PREPS:
        return True
    words = ix.doc[c.i : min(c.right_edge.i + 1, b)]
    if c.lower_ in _PLACE_PREPS and any(t.ent_type_ in _PLACES and _placed_by(t, c) for t in words):
        return True
    return any(t.ent_type_ in ("DATE", "TIME") for t in words) or channel_phrase(ix, c.head, c)


def _placed_by(t: Token, prep: Token) -> bool:
    """Whether place ``t`` is the object of ``prep`` (``in Riga``) or of an "of" under it (``in
    the city of Lviv``), not a place further down (``in charge of talks with Russia``)."""
    h = t.head
    if h.i == prep.i:
        return True
    return h.lower_ == "of" and h.head.head.i == prep.i and h.head.dep_ == "pobj"


def said_when_or_where(ix: DocIndex, start: int, end: int) -> bool:
    """Whether the characters ``start:end`` after a speaker's noun phrase are a phrase of time or
    channel set off by a comma (``, on Tuesday``, ``, in a statement``): the verb's, not the
    speaker's."""
    doc = ix.doc
    if end <= start:
        return False
    tail = doc.char_span(start, end, alignment_mode="expand")
    if tail is None or not tail.text.lstrip().startswith(","):
        return False
    first = next((t for t in tail if not (t.is_punct or t.is_space)), None)
    return first is not None and _when_or_where(ix, first, len(doc))


def _np_left(s: Token, floor: int) -> int:
    """Where the compact noun phrase headed by ``s`` starts: its determiners, modifiers and
    compounds before it, whole (``The initial US-proposed 28-point peace plan``, ``The
    "Sentinel" port-based group``), not before ``floor``."""
    doc = s.doc
    a = s.i
    while a > floor:
        t = u = doc[a - 1]
        while u.head.i != s.i and u.head.i != u.i and u.head.i < s.i:
            u = u.head  # up to the modifier of s that t belongs to
        if u.head.i != s.i or u.i > s.i:
            break
        if not (u.dep_ in _NP_LEFT_DEPS or (u.dep_ == "punct" and (t.is_quote or t.tag_ == "HYPH"))):
            break
        a -= 1
    return a


def _before_adverb(doc: Doc, s: Token, b: int) -> int:
    """Cut an adverb set off at the end of a noun phrase, which belongs to the verb (``His
    commander, Jane Doe, two days later, said``, ``The ministry, too, said``, ``X in turn
    said``)."""
    end = b
    while end > s.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    u = doc[end - 1]
    while u.dep_ != "advmod" and s.i < u.head.i < end:
        u = u.head
    if u.dep_ == "advmod" and u.pos_ == "ADV" and u.head.i < u.i and u.right_edge.i == end - 1:
        k = u.left_edge.i
        if k > s.i + 1 and doc[k - 1].text == ",":
            return k - 1
    p = doc[end - 2] if end - 2 > s.i else None  # "the envoy in essence refusing", "X in turn said"
    if p is not None and p.dep_ == "prep" and p.head.i == s.i and doc[end - 1].head.i == p.i:
        if doc[end - 1].lower_ in C.ADVERBIAL_PP_NOUNS:
            return p.i
    return b


def _after_sentence_adverb(doc: Doc, a: int, head: int) -> int:
    """Skip a sentence adverb or conjunction the parser put at the start of a noun phrase
    (``Meanwhile, Russia's allies``, ``But the ministry``)."""
    while a < head:
        t = doc[a]
        if t.pos_ not in ("ADV", "CCONJ", "SCONJ") or t.dep_ not in ("advmod", "cc", "mark"):
            break
        if t.dep_ != "cc" and doc[a + 1].text != ",":
            break  # "only Putin", "not even the ministry"
        a += 1
        while a < head and doc[a].text in (",", "—", "–"):
            a += 1
    return a


def between_span(ix: DocIndex, end: int, v: Token) -> tuple[int, int] | None:
    """The words between a quote and its cue when the parse gives the cue no subject
    (``"…," Jane Doe, 58, told the agency``, ``"…," the editorial read``): a noun
    phrase, with appositions and relative clauses, and no verb of its own."""
    a = bisect.bisect_left(ix.starts, end)
    b = v.i
    if not (0 < b - a <= 25) or ix.pid[a] != ix.pid[b]:
        return None
    doc = ix.doc
    nominal = False
    relative = False
    for t in doc[a:b]:
        if ix.qid[t.i] >= 0 or (t.is_space and "\n" in t.text):
            return None
        low = t.lower_
        if low in C.RELATIVE_PRONOUNS or t.tag_ in ("WP", "WDT", "WP$"):
            relative = True
        elif not relative and (t.tag_ in _CLAUSE_TAGS or (t.tag_ == "CC" and not nominal)):
            return None  # a clause of its own; "-- and, when asked, asserting": no noun phrase
        if t.pos_ in NOMINAL_POS and not relative:
            nominal = True
    if not nominal or doc[a].pos_ in VERB_POS or doc[a].tag_.startswith("VB"):
        return None
    return ix.trim(a, b)


# tags of a verb of a clause of its own: a segment with one is content, not a speaker's name
_FINITE_TAGS = ("VB", "VBD", "VBZ", "VBP", "VBG", "MD")


def trailing_speaker(
    ix: DocIndex, content: tuple[int, int], v: Token
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The speaker of a subjectless cue right after reported content when the parse ran the name
    into the content (``..., retired Col. Jane Doe, a university fellow, told Fox News``, ``...,
    Jane Doe, the envoy to the U.N., reportedly said``): the last one or two parts of the content
    set off by commas, with no verb of a clause, the first of them a name (a proper noun, no
    preposition before it). Returns (the content without them, the speaker's span); None
    when the content does not end so."""
    doc = ix.doc
    a = bisect.bisect_left(ix.starts, content[0])
    end = bisect.bisect_left(ix.starts, content[1])
    if any(not (t.is_punct or t.is_space or t.pos_ == "ADV") for t in doc[end : v.i]):
        return None  # only a comma or "reportedly" between the content and the cue
    parts: list[tuple[int, int]] = []
    j = end
    while len(parts) < 2:
        k = j - 1
        while k > a and doc[k].text != ",":
            k -= 1
        if k <= a:
            break
        words = doc[k + 1 : j]
        if not words or any(t.tag_ in _FINITE_TAGS for t in words) or ix.qid[k + 1] >= 0:
            break
        parts.insert(0, (k + 1, j))
        j = k
    while parts and not (
        any(t.pos_ == "PROPN" for t in doc[parts[0][0] : parts[0][1]]) and doc[parts[0][0]].pos_ != "ADP"
    ):
        parts.pop(0)  # "..., in Geneva, the envoy, told": a name first
    if not parts:
        return None
    rest = ix.trim(a, parts[0][0] - 1)
    src = ix.trim(parts[0][0], parts[-1][1])
    if rest is None or src is None or not any(t.tag_ in _FINITE_TAGS for t in doc[a : parts[0][0]]):
        return None
    return rest, src


def relative_antecedent(doc: Doc, source: Span) -> Span | None:
    """The noun phrase a relative-pronoun source (the ``who`` :func:`np_span` returns)
    stands for: the noun the relative clause hangs from, with its left modifiers and
    appositions ("Kremlin aide Yuri Ushakov, who said ..." -> "Kremlin aide Yuri Ushakov";
    "Yuri Ushakov, Putin's adviser, who said ..." -> "Yuri Ushakov, Putin's adviser"), within
    the paragraph. None for other sources."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    pron = span[0]
    clause = pron.head
    if pron.lower_ not in C.RELATIVE_PRONOUNS or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    head = clause.head
    while head.dep_ == "appos" and head.head.i < head.i:
        head = head.head  # "X, the adviser, who said": X and its apposition
    if head.i >= pron.i:
        return None
    a, b = head.left_edge.i, pron.i
    for i in range(b - 1, a - 1, -1):
        if "\n" in doc[i].text:
            a = i + 1  # not across a paragraph break
            break
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if a >= b or not (a <= head.i < b):
        return None
    return Span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
