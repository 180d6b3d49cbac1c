"""What every pass of the extractor reads: the parsed document indexed once.

:class:`DocIndex` maps each token to its quote region, paragraph and sentence, and carries the
small state the passes share (cues already used, quotes already attributed). :class:`Found` is
an attribution while it is being built, with character spans and the cue's token index. The
clause a cue governs (:func:`complement`, :func:`adjunct_clause`) and its span
(:func:`clause_span`, :func:`extend_to_quotes`) are found here for every pass.

Paragraphs (text between newlines) are hard limits: the small English parser often runs a
sentence over a blank line, so no cue, speaker or reported clause is taken across one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from parley.extract import cues as C
from parley.extract.layout import Headings
from parley.nlp import text_of

from .clause_ends import (
    balance_brackets,
    before_hyphen,
    cut_writer_comment,
    letter_stop,
    past_bare_auxiliary,
    past_dash_aside,
    past_hyphen,
    past_letter,
    past_word_end,
    through_cue_conjunct,
    through_second_clause,
)
from .colon_lists import past_colon
from .loose_clauses import loose_predicate
from .predicate_lists import through_predicate_list
from .quotes import QuoteRegion, find_quotes
from .tokens import TokenTable
from .verbs import SAYING_OR_THINKING, is_cue_verb, is_verb

NOMINAL_POS = frozenset({"PROPN", "PRON", "NOUN"})
_DQ_CHARS = frozenset('"“”«»„')


@dataclass
class Found:
    """An attribution being built: character spans, and the token index of its cue."""

    content: tuple[int, int]
    kind: str
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    channel: str | None
    cue_i: int = -1  # token index of the cue verb (-1: none)
    more: list[tuple[int, int]] = field(default_factory=list)  # further content parts
    embedded: str | None = None  # "denial" | "report" | "question" (see .embedding)
    outer: Found | None = None  # the attribution an embedded one is nested in
    head: Found | None = None  # the attribution this one was joined to as a further part


class DocIndex:
    """One parsed document, indexed by quote region, paragraph and sentence."""

    @cached_property
    def headings(self) -> Headings:
        """The text's heading lines, read once for the passes that ask."""
        return Headings(self.text)

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.tokens = tokens = TokenTable(doc)
        n = self.n = len(doc)
        quotes = self.quotes = [q for q in find_quotes(self.text) if q.end - q.start > 2]
        nq = len(quotes)
        qid = [-1] * n  # token -> quote region index (-1 outside); marks belong to their region
        pid = [0] * n  # token -> paragraph index
        starts = tokens.idx
        is_space = tokens.space
        words = tokens.text
        qi = 0
        para = 0
        for i in range(n):
            idx = starts[i]
            while qi < nq and quotes[qi].end <= idx:
                qi += 1
            if qi < nq and quotes[qi].start <= idx < quotes[qi].end:
                qid[i] = qi
            pid[i] = para
            if is_space[i] and "\n" in words[i]:
                para += 1
        self.qid = qid
        self.pid = pid
        self.starts = starts
        sid = [0] * n
        sbounds: list[tuple[int, int]] = []
        for k, sent in enumerate(doc.sents):
            sbounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                sid[i] = k
        self.sid = sid
        self.sbounds = sbounds
        self.quote_starts = [q.start for q in quotes]
        self.quote_ends = [q.end for q in quotes]
        self.qtok: list[tuple[int, int]] = []
        for q in quotes:
            self.qtok.append((bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)))
        self.used_cues: set[int] = set()
        self.direct_quotes: set[int] = set()
        self.stop_quotes: set[int] = set()
        self.np_right: int | None = None  # set by speakers.preceding_np for np_span

    def tok_at(self, char: int) -> int:
        """Index of the token that starts at or covers ``char``."""
        return max(bisect.bisect_right(self.starts, char) - 1, 0)

    def prev_nonspace(self, pos: int) -> tuple[str, int]:
        """The last non-space character before ``pos``, and how many newlines lie between."""
        text = self.text
        i = pos - 1
        crossed = 0
        while i >= 0 and text[i].isspace():
            if text[i] == "\n":
                crossed += 1
            i -= 1
        return (text[i] if i >= 0 else ""), crossed

    def in_quote(self, i: int) -> bool:
        return self.qid[i] >= 0

    def para_clip(self, a: int, b: int, anchor: int) -> tuple[int, int]:
        """Token range ``[a, b)`` cut to the paragraph of token ``anchor``."""
        pid = self.pid
        p = pid[anchor]
        while a < anchor and pid[a] != p:
            a += 1
        while b > anchor + 1 and pid[b - 1] != p:
            b -= 1
        return a, b

    def trim(self, a: int, b: int, keep_quotes: bool = True) -> tuple[int, int] | None:
        """Char span of tokens ``[a, b)`` without punctuation and space at either end.

        Quote marks at the ends are kept when ``keep_quotes`` and they pair up inside the span.
        """
        doc = self.doc
        while a < b:
            t = doc[a]
            if t.is_space or (t.is_punct and not (keep_quotes and t.is_quote and t.text not in "”’")):
                a += 1
            else:
                break
        while b > a:
            t = doc[b - 1]
            if t.is_space or (t.is_punct and not (keep_quotes and t.is_quote)):
                if t.text == ")" and any(doc[j].text == "(" for j in range(a, b - 1)):
                    break  # "Sen. Jane Doe (D-Vt.)"
                b -= 1
            else:
                break
        if a >= b:
            return None
        start = doc[a].idx
        end = doc[b - 1].idx + len(doc[b - 1].text)
        if keep_quotes:
            seg = self.text[start:end]
            if sum(1 for ch in seg if ch in _DQ_CHARS) % 2 == 1:
                if seg[0] in _DQ_CHARS and seg[-1] not in _DQ_CHARS and a + 1 < b:
                    return self.trim(a + 1, b, keep_quotes)
                if seg[-1] in _DQ_CHARS and seg[0] not in _DQ_CHARS and b - 1 > a:
                    return self.trim(a, b - 1, keep_quotes)
        return start, end

    def quotes_between(self, start: int, end: int) -> list[QuoteRegion]:
        i = bisect.bisect_left(self.quote_starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            out.append(self.quotes[i])
            i += 1
        return out

    def overlaps_direct(self, span: tuple[int, int]) -> bool:
        for qi in self.direct_quotes:
            q = self.quotes[qi]
            inside = min(q.end, span[1]) - max(q.start, span[0])
            if inside > 0 and inside >= 0.5 * (span[1] - span[0]):
                return True
        return False


def extend_to_quotes(ix: DocIndex, span: tuple[int, int], v: Token) -> tuple[int, int]:
    """Stretch a clause so that a quote it starts (or ends) inside is taken whole.

    The parser often hangs the closing mark, or the rest of a quote that runs over
    several sentences, from the main verb; the quote belongs to the content.
    """
    start, end = span
    vpos = v.idx
    quotes = ix.quotes
    for k in range(bisect.bisect_right(ix.quote_ends, start), len(quotes)):
        q = quotes[k]
        if q.start >= end:
            break
        if start <= q.start < end < q.end and not (end <= vpos < q.end):
            end = q.end
        elif q.start < start < q.end <= end and not (q.start <= vpos < start):
            start = q.start
    return start, end


def complement(ix: DocIndex, v: Token) -> Token | None:
    """The clause a cue governs: its first ``ccomp`` in its paragraph after it, else one before
    it (``The plan is dead, he said``), not across a colon or semicolon. A clause after the cue
    wins over one before it, which the parser hangs there when it ran two sentences' verbs
    together (``He knows that ..., so he thinks that ...``; ``Four years later -- with ...
    destroyed -- it conceded that ...``)."""
    p = ix.pid[v.i]
    before = None
    for c in v.children:
        if c.dep_ == "ccomp" and ix.pid[c.i] == p:
            if c.i > v.i:
                return c
            last = c.right_edge.i
            while last > c.i and ix.doc[last].is_punct and ix.doc[last].text not in (":", ";"):
                last -= 1  # the clause's own closing marks; a colon it ends on is between
            if before is None and not any(t.text in (":", ";") for t in ix.doc[last : v.i]):
                before = c  # not across a colon ("The front remains tense: the enemy continues ...")
    return before


# Verbs that take a "that" clause of their own ("after hearing that ..."): under them the
# clause is not the cue's.
_CLAUSE_TAKERS = (
    C.SPEECH_VERBS
    | C.COGNITION_VERBS
    | frozenset("hear see read notice discover ensure decide mean prove".split())
)


def adjunct_clause(ix: DocIndex, v: Token) -> Token | None:
    """A "that" clause the parser hung on a bare time adjunct after a verb of saying: ``said
    before leaving that ...``, ``told reporters after landing that ...``: the cue's content."""
    for prep in v.children:
        if prep.dep_ != "prep" or prep.i < v.i:
            continue
        for g in prep.children:
            if g.dep_ != "pcomp" or not is_verb(g) or g.lemma_.lower() in _CLAUSE_TAKERS:
                continue
            kids = [c for c in g.children if c.dep_ not in ("punct", "advmod")]
            if len(kids) != 1 or kids[0].dep_ != "ccomp" or ix.pid[kids[0].i] != ix.pid[v.i]:
                continue
            clause = kids[0]
            if any(c.dep_ == "mark" and c.lower_ == "that" and c.i > g.i for c in clause.children):
                return clause
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def addressee_clause(ix: DocIndex, v: Token) -> Token | None:
    """The "that" clause after a verb of saying's object that the parser took for a relative
    clause on the object, ``that`` its subject (``told a gathering of the forum here that
    resolving the issues could be left to ...``): a relative ``that`` heads no words of its own,
    so one that does is the complementizer, and the clause the cue's content; so is a ``that``
    the parser marks as one, before a subject of the clause's own. Only for a verb whose object
    is the person spoken to (``rejected claims by an official that ...``: the claims' clause)."""
    if v.lemma_.lower() not in C.ADDRESSEE_VERBS:
        return None
    for obj in v.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < v.i:
            continue
        for t in obj.subtree:
            if t.dep_ != "relcl" or ix.pid[t.i] != ix.pid[v.i]:
                continue
            that = next((c for c in t.children if c.lower_ == "that" and c.i < t.i), None)
            if that is None:
                continue
            if that.dep_ in ("nsubj", "nsubjpass") and that.n_rights > 0:
                return t
            if that.dep_ == "mark" and any(c.dep_ in _SUBJECTS and c.i < t.i for c in t.children):
                return t  # "that" a complementizer with the clause's subject after it
    return None


def clause_span(ix: DocIndex, c: Token, v: Token) -> tuple[int, int] | None:
    """The span of clause ``c`` that cue ``v`` reports: from its ``that`` when an adjunct
    interrupts the two (``said, before he left, that ...``), through a conjunct the parser hung
    on the cue (``that A, and B``) and the rest of the clause it hung there (:mod:`.clause_ends`:
    ``and new orders | have stopped``, ``... should it reject it``, a bare ``it has,``, a word
    split on its hyphen; :mod:`.predicate_lists`: ``fly low, | are hard to jam and ...``), what
    its colon introduces when it announces it (:mod:`.colon_lists`: ``two conditions: | ...``),
    whole quotes and brackets, no aside after a last quote nor the writer's comment at the end
    (``, though such claims could not be verified``)."""
    a, b = c.left_edge.i, c.right_edge.i + 1
    if a <= v.i < b:  # not for a real child, but parses can be odd
        if v.i < c.i:
            a = v.i + 1
        else:
            b = v.i
    if v.i < a:
        # "said, before he left, that ...": the clause the parser hung on the "that" clause
        # interrupts the cue and its content
        m = next((t.i for t in c.children if t.dep_ == "mark" and t.lower_ == "that"), -1)
        if a < m and ix.doc[m - 1].text == ",":
            a = m
        after = ix.doc[v.i + 1] if v.i + 1 < ix.n else None
        if after is not None and after.lower_ == "that" and after.dep_ != "det" and a > v.i + 2:
            a = v.i + 2  # "reported that A (B, C [D]) are ...": a misparse of "that" cut A off
        b = _through_conjunct(ix.doc, a, b, v)
        b = _through_predicate(c, b)
        b = through_cue_conjunct(ix.doc, b, v)
        b = through_predicate_list(ix.doc, c, b, v)
        b = past_bare_auxiliary(ix.doc, a, b, v)
        b = past_hyphen(ix.doc, a, b)
        b = past_dash_aside(ix.doc, a, b)
        a = before_hyphen(ix.doc, a)
    else:
        b = through_second_clause(ix.doc, c, b, v)
    a, b = ix.para_clip(a, b, c.i)
    b = past_letter(ix.doc, a, past_word_end(ix.doc, a, b))
    span = ix.trim(a, b)
    if span is None:
        return None
    span = letter_stop(ix.text, span)  # "there was no plan B.": the sentence's full stop out
    span = balance_brackets(ix.doc, ix.text, extend_to_quotes(ix, span, v))
    span = past_colon(ix, span, v)
    return cut_after_quote(ix, cut_writer_comment(ix.text, span))


def _through_predicate(c: Token, b: int) -> int:
    """The end of clause ``c`` run on through the verb it is the subject of, which the parser cut
    loose (``believe A shows B``: :mod:`.loose_clauses`), else ``b``."""
    s = loose_predicate(c)
    return b if s is None else max(b, s.right_edge.i + 1)


def _through_conjunct(doc: Doc, a: int, b: int, v: Token) -> int:
    """The end of a clause that ends on "and": the clause the parser hung on the cue after it
    (``emphasize that A has X, and B are Y``), else before the conjunction."""
    last = b - 1
    while last > a and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if doc[last].pos_ != "CCONJ":
        return b
    for k in v.children:
        if k.dep_ == "conj" and k.left_edge.i == last + 1 and is_verb(k):
            # a clause of its own, not the cue's own second verb ("said A — and he noted B",
            # "urges him to leave and says ...")
            subj = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in k.children)
            if subj and not is_cue_verb(k, SAYING_OR_THINKING):
                return k.right_edge.i + 1
    return last


# a second clause under the same cue after a quote: ", but that ...", "and that ..."
_GOES_ON = re.compile(r"^,?\s*(and|but)\s+(that|whether)\b", re.IGNORECASE)
_LIST = re.compile(r"^,\s*including\b", re.IGNORECASE)


def cut_after_quote(ix: DocIndex, span: tuple[int, int]) -> tuple[int, int]:
    """End a clause at its last quote when only a comma-separated aside follows
    (``said the deal was "dead," referring to ...``, ``"glow in the dark," for instance``); not
    before a second clause of the cue (``, but that ...``) nor a list (``, including ...``)."""
    start, end = span
    qs = ix.quotes_between(start, end)
    if not qs:
        return span
    q = qs[-1]
    if not (start < q.start and q.end < end):
        return span
    inner = ix.text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
    after = ix.text[q.end : end].lstrip()
    if _GOES_ON.match(after) or _LIST.match(after):
        # "... threats," but that legislators removed it: a second clause of the cue; "... going
        # after everyone", including drivers: the list of what the quote's last words name
        return span
    if inner == "," or after.startswith((",", "—", "–", " -")):
        return start, q.end
    return span
