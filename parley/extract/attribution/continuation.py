"""Quotes in pieces: a bare quote continues the attribution before it, and the parts of one
quote become one attribution.

A quote without a cue of its own takes the source and cue of the attribution right before it
when nothing but punctuation or a linking word lies between (``"...," said X. "..."``, the
next paragraph of a quote, a quote after ``X said that ...``), or one short sentence about the
speaker of a direct quote (``"...," X said. She did not name them. "..."``), unless the cue
names one person it is said to (``told the minister. She shook her head.``: the next quote is
most often that person's answer) or the pronoun's gender is not the speaker's; else it has no
source. A quote left open at its paragraph's end runs on into the quote opening the next
paragraph (the convention for a quotation over several paragraphs) and takes its attribution
when that one has a cue of its own (``"A ¶ "B," added Y.``: Y's); the quote that ends a
quotation over paragraphs the parse found no quote in (``X said: 'A ¶ 'B ¶ 'C.'``, the open
single marks read as apostrophes) takes the attribution of its first paragraph. After a
question put with ``ask`` (``"How did it feel?" the lawyer asked the witness.``) the next quote
is the answer: the person asked's when the text names them, else no one's (:mod:`.answers`).

Direct quotes that share their cue (the same cue word, hence the same speaker words) are then
one attribution whose content has several parts: a quote interrupted by its attribution
(``"A," he said, "B."``) or continued after it (``"A," said X. "B."``) is one statement
(:func:`join_parts`). The first part is the content, the others follow in text order.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from parley.extract import genders as G
from parley.extract.registry import name_list

from .answers import asked_question, person_asked
from .document import DocIndex, Found

_LINK_POS = frozenset({"ADV", "CCONJ", "INTJ", "PART"})
_GAP_CHARS = " \t\r\n.,;:—–-"
_MARKS = "\"“”‘’'"
_PERSON_SUBJECTS = frozenset({"he", "she"})
_OBJECT_OF = {"him": "he", "her": "she"}
# words in a speaker's name or description that mark their gender (read without possessives:
# "her spokesman" is no woman)
_FEMALE_WORDS = G.FEMALE_TITLES | G.FEMALE_NOUNS | G.FEMALE_PRONOUNS
_MALE_WORDS = G.MALE_TITLES | G.MALE_NOUNS | G.MALE_PRONOUNS


def resolve_bare(ix: DocIndex, bare: list[int], found: list[Found]) -> list[Found]:
    """A quote without a cue continues the attribution right before it, if any."""
    out: list[Found] = []
    if not bare:
        return out
    ix.stop_quotes = set(ix.direct_quotes) | set(bare)
    found = sorted(found, key=lambda f: f.content[0])
    ends = [(extent_end(ix, f), f) for f in found]
    text = ix.text
    for qi in bare:
        q = ix.quotes[qi]
        prev = None
        for e, f in ends:
            if e <= q.start + 1 and f.content[0] < q.start:
                if prev is None or e > prev[0] or (e == prev[0] and f.kind == "direct"):
                    prev = (e, f)
        res = Found((q.start, q.end), "direct", None, None, None, -1)
        run_on = run_on_quote(ix, qi, found)
        if run_on is not None:
            # a quote left open at its paragraph's end runs on into the next paragraph's,
            # whose attribution it shares
            f = run_on
            res = Found((q.start, q.end), "direct", f.source, f.cue, f.channel, f.cue_i)
            ends.append((q.end, res))
            ix.direct_quotes.add(qi)
            out.append(res)
            continue
        inner = text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
        if (
            prev is not None
            and inner not in (",", ";", "—", "–", "-")
            and prev[1].source is not None
            and (
                gap_is_empty(ix, min(prev[0], q.start), q.start)
                or same_person_aside(ix, prev[1], min(prev[0], q.start), q.start)
            )
        ):
            f = prev[1]
            if asked_question(ix, f):
                # a question put to someone: the next quote is the answer, the person asked's
                # if named, never the asker's
                who = person_asked(ix, f, (q.start, q.end))
                res = Found((q.start, q.end), "direct", who, None, None, -1)
            else:
                res = Found((q.start, q.end), "direct", f.source, f.cue, f.channel, f.cue_i)
        if res.source is None and res.content == (q.start, q.end):
            over = open_over_paragraphs(ix, q.start, found + out)
            if over is not None:
                res = Found((q.start, q.end), "direct", over.source, over.cue, over.channel, over.cue_i)
        ends.append((q.end, res))
        ix.direct_quotes.add(qi)
        out.append(res)
    return out


def run_on_quote(ix: DocIndex, qi: int, found: list[Found]) -> Found | None:
    """The attribution of the quote that opens the next paragraph, when quote ``qi`` is left
    open at its paragraph's end (the convention for a quotation that runs over paragraphs,
    ``"… ¶ "…," she added.``), that quote opens with the same mark and has a cue and a speaker
    of its own."""
    q = ix.quotes[qi]
    if q.closed or qi + 1 >= len(ix.quotes):
        return None
    nxt = ix.quotes[qi + 1]
    between = ix.text[q.end : nxt.start]
    if between.strip() or between.count("\n") == 0:
        return None
    if ix.text[q.start] != ix.text[nxt.start]:
        return None  # other marks: a quote inside the open one ('"… ¶ “…,” she said …"')
    for f in found:
        if f.content[0] == nxt.start and f.kind == "direct" and f.source is not None and f.cue_i >= 0:
            return f
    return None


def open_over_paragraphs(ix: DocIndex, start: int, found: list[Found]) -> Found | None:
    """The attribution a quote opening its paragraph at ``start`` goes on from when the
    paragraphs before it are one quotation (``X said: 'A ¶ 'B ¶ 'C.'``): each paragraph between
    opens with the same mark and holds no attribution (the parse found no quote in a paragraph
    left open), and the paragraph before them ends with an attribution that has a source and
    whose words open with that mark and run to the paragraph's end."""
    text = ix.text
    mark = text[start]
    end = text.rfind("\n", 0, start) + 1
    if text[end:start].strip():
        return None  # not the first words of its paragraph
    between = 0
    while between <= 6:
        end = len(text[:end].rstrip())
        if end == 0:
            return None
        begin = text.rfind("\n", 0, end) + 1
        here = [f for f in found if begin <= f.content[0] < end]
        last = max(here, key=lambda f: f.content[1], default=None)
        if last is not None:
            if between == 0 or last.source is None or text[last.content[1] : end].strip(_GAP_CHARS + _MARKS):
                return None
            opened = text.rfind(mark, begin, last.content[0] + 1)
            return last if opened >= 0 and not text[opened + 1 : last.content[0]].strip() else None
        if not text[begin:end].startswith(mark):
            return None
        between += 1
        end = begin
    return None


def extent_end(ix: DocIndex, f: Found) -> int:
    """Where the sentence carrying attribution ``f`` ends (within its paragraph)."""
    end = f.content[1]
    if f.cue is not None and f.cue_i >= 0:
        end = max(end, f.cue[1])
        if f.source is not None:
            end = max(end, f.source[1])
        i = f.cue_i
        s_end = ix.sbounds[ix.sid[i]][1]
        p = ix.pid[i]
        j = i
        stop = ix.stop_quotes
        while j + 1 < s_end and ix.pid[j + 1] == p and ix.qid[j + 1] not in stop:
            j += 1
        t = ix.doc[j]
        end = max(end, t.idx + len(t.text))
    return end


def gap_is_empty(ix: DocIndex, start: int, end: int) -> bool:
    """Only punctuation, space and a few linking words (``Now,``, ``But``) between."""
    if ix.text[start:end].strip(_GAP_CHARS) == "":
        return True
    a = bisect.bisect_left(ix.starts, start)
    b = bisect.bisect_left(ix.starts, end)
    if b - a > 6:
        return False
    doc = ix.doc
    words = [doc[i] for i in range(a, b) if not (doc[i].is_punct or doc[i].is_space)]
    return len(words) <= 2 and all(t.pos_ in _LINK_POS for t in words)


def same_person_aside(ix: DocIndex, f: Found, start: int, end: int) -> bool:
    """Between direct quote ``f`` and the next quote, in their paragraph, lies one short
    sentence about the speaker: its subject ``he`` or ``she``, no name and no quote in it
    (``"A," the mayor said. She did not name the donors. "B."``): the quote goes on. Not when
    the cue was said to one person, nor when the pronoun is of the other gender."""
    if f.kind != "direct" or f.cue_i < 0:
        return False
    a = bisect.bisect_left(ix.starts, start)
    b = bisect.bisect_left(ix.starts, end)
    doc = ix.doc
    words = [doc[i] for i in range(a, b) if not (doc[i].is_punct or doc[i].is_space)]
    if not 2 <= len(words) <= 12 or ix.pid[a] != ix.pid[b - 1] or ix.pid[a] != ix.pid[f.cue_i]:
        return False
    if len({ix.sid[t.i] for t in words}) != 1 or any(t.pos_ == "PROPN" or ix.in_quote(t.i) for t in words):
        return False
    subj = words[0]
    if not (subj.lower_ in _PERSON_SUBJECTS and subj.dep_ == "nsubj" and subj.head.pos_ in ("VERB", "AUX")):
        return False
    return not _one_addressed(doc[f.cue_i], subj.lower_) and not _other_gender(ix, f, subj.lower_)


def _one_addressed(cue: Token, pronoun: str) -> bool:
    """The cue has a single person it is said to (``told the minister``, ``replied to the
    envoy``): a ``he`` or ``she`` after it is most often that person, and the next quote their
    answer. Many addressed (``told reporters``), the writer (``told me``) or no person (``said
    this``) cannot be a ``he`` or ``she``, nor can ``told him`` be a ``she``."""
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            said_to = [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("dative", "dobj", "iobj"):
            said_to = [c]
        else:
            continue
        if any(_OBJECT_OF.get(t.lower_) == pronoun or _a_person(t) for t in said_to):
            return True
    return False


# besides names.yaml's ``body_nouns`` (an outlet, an agency, a group), what is told as one and is
# no "he" or "she": an institution or a gathering ("told parliament", "told a news conference")
_GATHERINGS = frozenset(
    "paper station parliament committee council court congress senate assembly cabinet government "
    "ministry board panel commission conference crowd rally summit meeting audience delegation "
    "programme program".split()
)


def _a_person(t: Token) -> bool:
    """A single person the cue is said to: a singular noun, not a body, an outlet or a gathering
    ("the minister", "Okonkwo"; not "the BBC", "the newspaper", "a news conference"). The named
    entity tag is not asked: the model often tags a bare surname a place or a body."""
    if t.tag_ not in ("NN", "NNP") or (t.text.isupper() and len(t.text) > 1):
        return False  # "BBC", "CNN": an outlet's letters
    lemma = t.lemma_.lower()
    return lemma not in _GATHERINGS and lemma not in name_list("body_nouns")


def _other_gender(ix: DocIndex, f: Found, pronoun: str) -> bool:
    """The speaker's words mark the other gender than the pronoun (``Mr``, ``she``, ``woman``)."""
    if f.source is None:
        return False
    source = ix.doc.char_span(f.source[0], f.source[1], alignment_mode="expand")
    if source is None:
        return False
    # the head of the speaker's noun phrase, its apposition ("Anna, the soldier's mother") and the
    # words before them, not a clause about someone else ("a woman whose husband is missing")
    heads = [source.root, *(c for c in source.root.children if c.dep_ == "appos")]
    said = {
        t.lower_.strip(".") for h in heads for t in h.subtree if t.i <= h.i and t.dep_ not in ("poss", "case")
    }
    other = _FEMALE_WORDS if pronoun == "he" else _MALE_WORDS
    return not said.isdisjoint(other)


def join_parts(found: list[Found]) -> list[Found]:
    """Direct quotes with the same cue and source as one attribution in several parts, in
    text order; every other attribution as it is."""
    out: list[Found] = []
    first: dict[tuple[int, tuple[int, int] | None, tuple[int, int] | None], Found] = {}
    for f in sorted(found, key=lambda f: f.content):
        if f.kind == "direct" and f.cue_i >= 0:
            key = (f.cue_i, f.cue, f.source)
            head = first.get(key)
            if head is not None:
                head.more.append(f.content)
                f.head = head
                head.channel = head.channel or f.channel
                continue
            first[key] = f
        out.append(f)
    return out
