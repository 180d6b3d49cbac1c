"""Speakers: who a cue verb's statement belongs to, as the words of the text.

The speaker (``source``) is the subject noun phrase of the cue verb, whole, as PolNeAR marks
it (``Dmitry Peskov, the Kremlin spokesman``), with special cases for ``X was quoted as
saying``, ``Y reported X as saying`` (cue ``saying``), participles (``..., adding ...``,
``stating, "..."``: the subject of the verb they hang from), inverted ``said X``, ``a
statement saying`` / ``posted a message saying``, and relative clauses (``X, who said ...``:
the relative pronoun ``who`` itself, the words the text uses, as PolNeAR marks it; the
statement builder resolves it to the noun the clause hangs from). A subject inside the quote
is never the speaker of a cue outside it; when the parse gives the cue no subject, the words
between the quote and the cue are taken if they hold no verb of their own (``"…," Jane Doe,
58, told the agency``). The object of an addressee verb is not an inverted speaker
(``informed India Today that``). A passive participle of saying or describing has no speaker
(``X stands accused of ...``, ``a plant, described as ...``, ``firms accused of ...``: X says
nothing). The object of a verb of urging speaks its infinitive (``prompted analysts to
conclude that ...``); a stretch of time is no speaker (``the past years have shown that ...``).
A noun phrase cut short keeps its modifiers whole (``the 28-point plan``), and loses a sentence
adverb before it or an adverb after it (``Meanwhile, X``, ``X, a day later,``). A leading
dateline (``Moscow, Dec 3 (Agency)``) and a trailing channel phrase (``in an interview``)
are cut off. Pronouns and role nouns are returned as written; resolving them is the job of
:mod:`parley.extract.speakers`.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from parley.extract import cues as C
from parley.models import Span

from .agentive import can_hold_view
from .channels import channel_of, channel_phrase, cue_span
from .document import NOMINAL_POS, DocIndex, Found
from .noun_participles import noun_speaks
from .quotes import QUOTE_CHARS
from .unparsed_subjects import clause_subject_before, inverted_subject, preceding_np, unparsed_subject
from .verbs import VERB_POS, is_cue_verb, is_verb

_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_CLAUSE_TAGS = ("VBD", "VBZ", "VBP", "MD", "WRB")  # a finite verb or "when": a clause, not a speaker
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "dep", "parataxis"})
_NP_LEFT_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "case"})


def attribution_for_cue(
    ix: DocIndex, v: Token, content: tuple[int, int], kind: str, inside: bool = False, agent: str = ""
) -> Found:
    """Speaker, cue and channel for cue verb ``v`` and ``content``.

    ``inside``: the cue is a parenthetical inside the content ("The plan, he said, is
    dead"), so the speaker lies inside the content span too. ``agent``: "view", only a subject
    that can hold a view (:func:`.agentive.can_hold_view`) is the speaker, else none; "parsed",
    one the parse gives too (no noun phrase merely before the cue).
    """
    if v.lemma_.lower() in C.QUOTING_VERBS:
        # "Tass reported Peskov as saying": the cue is "saying", the speaker Peskov
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                g = next((g for g in c.children if g.dep_ == "pcomp" and is_verb(g)), None)
                if g is not None:
                    v = g
                break
    s = subject_of(ix, v, fallback=agent != "parsed")
    if agent and (s is None or not can_hold_view(s, v.lemma_.lower())):
        ix.np_right = None
        return Found(content, kind, None, cue_span(ix, v), channel_of(ix, v, content), v.i)
    if s is not None and s.pos_ == "NOUN" and s.lemma_.lower() in C.TIME_NOUNS:
        if not any(t.pos_ == "PROPN" for t in s.lefts):  # not "President X spending months"
            s = None  # "the past four years have shown that ...": a stretch of time says nothing
    src = np_span(ix, s, None if inside else content, v.i) if s is not None else None
    if src is not None and src[0] < content[1] and content[0] < src[1] and not inside:
        # a token glued to a quote mark (``paranoia,”Clinton``): keep the part outside
        text = ix.text
        if src[1] > content[1] >= src[0]:
            src = (content[1], src[1])
        elif src[0] < content[0] <= src[1]:
            src = (src[0], content[0])
        else:
            src = None
        if src is not None:
            a, b = src
            while a < b and (text[a].isspace() or text[a] in QUOTE_CHARS or text[a] in ",;:"):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
                b -= 1
            src = (a, b) if b > a else None
    if src is None and not inside and content[1] <= v.idx:
        src = between_span(ix, content[1], v)
    return Found(content, kind, src, cue_span(ix, v), channel_of(ix, v, content), v.i)


def subject_of(ix: DocIndex, v: Token, fallback: bool = True) -> Token | None:
    """The token naming the speaker for cue verb ``v`` (``fallback``: or a noun phrase before it)."""
    pid = ix.pid
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
    if passive_participle(v):
        return None  # "X stands accused of ...", "a plant, described as ...": X says nothing
    recorded = unparsed_subject(ix, v)
    if recorded is not None:
        return recorded  # "footage of X saying": X, not whoever shows the footage; "and Y accused": Y
    cur = v
    qid = ix.qid
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
                and is_cue_verb(g)
            ):
                break
        if cur.dep_ == "acl" and h.pos_ in NOMINAL_POS:
            # "X posted a message saying ...", "in a statement saying ...": X speaks;
            # "a report saying ...": the report
            g = h.head
            doc_noun = h.lower_ in C.CHANNEL_WORDS or h.lemma_.lower() in C.SOURCE_NOUNS
            if (doc_noun and h.dep_ not in ("dobj", "pobj")) or noun_speaks(h, v, doc_noun):
                return h  # "a report saying ...": the report; "a movement calling for ...": the movement
            if g.i == h.i and cur.tag_ in ("VBD", "VBN") and any(c.dep_ == "ccomp" for c in cur.children):
                # "Hacker groups announced on Friday that ...": a finite cue the parser hung
                # from the noun before it, the sentence having no verb of its own: its subject
                return h
            # "X posted a message saying", "X cited this as the reason, stating": X
            climbed = False
            for _ in range(3):
                if g.i == h.i or ix.pid[g.i] != p:
                    break
                if is_verb(g):
                    cur = g
                    climbed = True
                    break
                h, g = g, g.head
            if climbed:
                continue
            return h if doc_noun else None
        if cur.i == v.i and cur.dep_ == "xcomp" and is_verb(h) and h.lemma_.lower() in C.OBJECT_CONTROL_VERBS:
            obj = next(
                (c for c in h.children if c.dep_ == "dobj" and h.i < c.i < cur.i and pid[c.i] == p), None
            )
            if obj is not None:
                return obj  # "prompted the administration to assume that ...": the administration
        if cur.dep_ in _CLIMB_DEPS and is_verb(h):
            if (
                cur.dep_ == "advcl"
                and cur.tag_ == "VBG"
                and h.dep_ == "ccomp"
                and is_cue_verb(h.head)
                and ix.pid[h.head.i] == p
                and not (outside and qid[h.head.i] >= 0)
            ):
                h = h.head  # "X reiterated that A, stating that B": X states B
            cur = h
            continue
        if cur.dep_ == "pcomp" and h.pos_ == "ADP" and h.dep_ != "agent" and is_verb(h.head):
            cur = h.head  # "began by saying" (not "was called ... by opposing diplomats")
            continue
        break
    found = inverted_subject(ix, v) or clause_subject_before(ix, v)
    return found or (preceding_np(ix, v) if fallback else None)


# Deps of a past participle standing without an auxiliary as a passive: a participle modifying
# a noun ("a plant, described as ..."), or the complement of "stand", "remain", "be" ("X stands
# accused of ...").
_PARTICIPLE_DEPS = frozenset({"acl", "acomp", "oprd", "xcomp", "advcl", "amod"})


def passive_participle(v: Token) -> bool:
    """A verb of saying or describing as a passive participle with no agent ("X stands accused
    of ...", "a plant, described as ...", "X was called ..."): the noun it is said of is no
    speaker (a perfect "has described" is active; "X was quoted as saying" is handled apart)."""
    if v.tag_ != "VBN" or v.lemma_.lower() in C.QUOTING_VERBS:
        return False
    kids = list(v.children)
    if any(c.dep_ in ("agent", "nsubj") for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return False  # "has described": active
    if any(c.dep_ == "auxpass" for c in kids):
        return True
    if v.dep_ not in _PARTICIPLE_DEPS or any(c.dep_ == "ccomp" for c in kids):
        return False  # "Hacker groups announced that ...": a finite verb the parser hung on a noun
    if v.dep_ in ("acl", "amod"):
        # "a plant, described as", "firms accused of ...", "with growth expected to fall": when
        # the sentence has a main verb of its own ("X, including Y, called for ..." has none:
        # "called" is its verb, which the parser hung on a noun); without a comma, only with
        # no object ("Hacker groups announced the attack": a verb hung on a noun)
        root = v.sent.root
        if root.i == v.i or root.pos_ not in ("VERB", "AUX"):
            return False
        lemma = v.lemma_.lower()
        if lemma in C.DESCRIBE_NO_OBJECT and any(
            c.dep_ == "prep" and c.lower_ in C.DESCRIBE_PREPS[lemma] for c in v.children
        ):
            return False  # "The plan called for ...": active
        if v.i > 0 and v.doc[v.i - 1].text in (",", "—", "–", "("):
            return True
        return not any(c.dep_ in ("dobj", "dative") for c in kids)
    return True


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
    if bad:
        floor = cue_i + 1 if 0 <= cue_i < s.i else 0  # never the cue ("Said Ellis:" parsed as one name)
        a = _np_left(s, max(floor, a))
        b = s.i + 1
        while b < ix.n and doc[b].head.i == s.i and doc[b].dep_ in ("compound", "flat"):
            b += 1
    return ix.trim(_after_sentence_adverb(doc, a, s.i), _before_adverb(doc, s, b))


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
