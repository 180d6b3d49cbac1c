"""What every pass of the extractor reads: the parsed document indexed once.

:class:`DocIndex` maps each token to its quote region, paragraph and sentence, and carries the
small state the passes share (cues already used, quotes already attributed). :class:`Found` is
an attribution while it is being built, with character spans and the cue's token index.

Paragraphs (text between newlines) are hard limits: the small English parser often runs a
sentence over a blank line, so no cue, speaker or reported clause is taken across one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.extract import cues as C
from parley.nlp import text_of

from .quotes import QuoteRegion, find_quotes
from .tokens import TokenTable

NOMINAL_POS = frozenset({"PROPN", "PRON", "NOUN"})
VERB_POS = frozenset({"VERB", "AUX"})
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


def is_verb(t: Token) -> bool:
    return t.pos_ in VERB_POS or t.tag_.startswith("VB")


def is_cue_verb(t: Token, lemmas: frozenset[str] = C.SPEECH_VERBS) -> bool:
    """A verb of saying (by lemma), or a phrasal one (``went on``, ``shot back``)."""
    lemma = t.lemma_.lower()
    if not is_verb(t):
        return False
    if lemma in lemmas:
        return True
    if lemma in C.PHRASAL_HEADS:
        for c in t.children:
            if (lemma, c.lower_) in C.PHRASAL_CUES and c.i > t.i:
                return True
    return False


class DocIndex:
    """One parsed document, indexed by quote region, paragraph and sentence."""

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
