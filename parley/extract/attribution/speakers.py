"""Speakers: who a cue verb's statement belongs to, as the words of the text.

The speaker (``source``) is the subject noun phrase of the cue verb, whole, as PolNeAR marks it
(``Dmitry Peskov, the Kremlin spokesman``), with special cases for ``X was quoted as saying``,
``Y reported X as saying`` (cue ``saying``), participles (``..., adding ...``, ``stating,
"..."``: the subject of the verb they hang from; a gerund after a preposition, ``despite
admitting``, ``aside from saying``, ``consistent in claiming``: the subject of the clause the
preposition belongs to), inverted ``said X`` (``..., reported Harbour Post News``), ``a
statement saying`` / ``posted a message saying``, and relative clauses (``X, who said ...``:
the relative pronoun ``who`` itself, the words the text uses, as PolNeAR marks it; the
statement builder resolves it to the noun the clause hangs from). A subject inside the quote is
never the speaker of a cue outside it; when the parse gives the cue no subject, the words
between the quote and the cue are taken if they hold no verb of their own (``"…," Jane Doe, 58,
told the agency``), and a name the parse ran into reported content before the cue is cut from
it (``..., Jane Doe, the envoy, reportedly said``). One name the parser split into several
subjects is one speaker (``Northwind Shipping Cos. said``). The object of an addressee verb is
not an inverted speaker (``informed India Today that``). A passive participle of saying or
describing has no speaker (:mod:`.passive_participles`). The object of a verb of urging speaks
its infinitive (``prompted analysts to conclude that ...``); a stretch of time is no speaker
(``the past years have shown that ...``). The words of the noun phrase are cut by
:mod:`.speaker_phrases`. Pronouns and role nouns are returned as written; resolving them is the
job of :mod:`parley.extract.speakers`.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .agentive import can_hold_view
from .channels import channel_of, cue_span
from .document import NOMINAL_POS, DocIndex, Found
from .noun_participles import noun_speaks
from .passive_participles import passive_participle
from .quotes import QUOTE_CHARS
from .speaker_phrases import between_span, np_span, trailing_speaker
from .unparsed_subjects import clause_subject_before, inverted_subject, preceding_np, unparsed_subject
from .verbs import is_cue_verb, is_verb

_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "dep", "parataxis"})


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
        cut = trailing_speaker(ix, content, v) if src is None else None
        if cut is not None:
            content, src = cut  # "..., Jane Doe, a university fellow, told Fox News"
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
        subjects: list[Token] = []
        for c in cur.children:
            if pid[c.i] != p or (outside and qid[c.i] >= 0):
                continue  # a word of the quote is not its speaker
            dep = c.dep_
            if dep in _SUBJ_DEPS:
                subj = c
                subjects.append(c)
            elif dep == "nsubjpass":
                subjpass = c
            elif dep == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        agent = g
        if subj is not None:
            return _one_name(ix, subjects)
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
        if cur.dep_ == "pcomp" and (h.pos_ == "ADP" or h.tag_ == "IN") and h.dep_ != "agent":
            over = _verb_over_preposition(ix, h)  # not "was called ... by opposing diplomats"
            direct = h.pos_ == "ADP" and over is not None and over.i == h.head.i  # "After saying"
            if over is not None and not direct and outside and qid[over.i] >= 0:
                over = None  # a conjunction's or a modifier's verb in the quote: not the speaker's
            if over is not None:
                cur = over  # "began by saying", "despite admitting", "aside from saying"
                continue
        break
    found = inverted_subject(ix, v) or clause_subject_before(ix, v)
    return found or (preceding_np(ix, v) if fallback else None)


def _verb_over_preposition(ix: DocIndex, prep: Token) -> Token | None:
    """The verb whose clause a gerund after preposition ``prep`` belongs to, and whose subject
    says what the gerund says: the preposition's head (``began by saying``, ``despite admitting``,
    "despite" often tagged a conjunction), up through an adjective or adverb (``has been clear
    and consistent in claiming``, ``refuses to ..., aside from saying``) or a participle that is a
    preposition and the object it follows (``exploited the lack ..., including by claiming``).
    None for a noun's preposition (``his habit of saying``) and for ``worth`` (``It is worth
    noting that ...``: the writer's aside, no one's statement)."""
    p = ix.pid[prep.i]
    g = prep.head
    for _ in range(4):
        if g.i == prep.i or ix.pid[g.i] != p or g.lower_ == "worth":
            return None
        if g.tag_ == "VBG" and g.dep_ == "prep" and g.head.i != g.i:
            g = g.head  # "including by claiming": "including" is a preposition here
            if g.pos_ in NOMINAL_POS and g.dep_ == "dobj" and g.head.i != g.i:
                g = g.head  # "exploited the lack of clarity, including by ..."
            continue
        if is_verb(g):
            return g
        adjective = g.pos_ == "ADJ" and g.dep_ in ("acomp", "conj")
        if not (adjective or (g.pos_ == "ADV" and g.dep_ == "advmod")):
            return None
        if g.head.i == g.i:
            return None
        g = g.head
    return None


def _one_name(ix: DocIndex, subjects: list[Token]) -> Token:
    """The subject of a cue the parser gave several: one name it split up to an abbreviation's
    full stop it took for a subject too (``Northwind Shipping Cos. said``, ``ACME HOLDINGS
    CORP. said``) is the first, its words running to the stop; else the last, as before."""
    first, last = subjects[0], subjects[-1]
    if first.i < last.i and last.is_punct:  # not "State development bank VEB": its head is the name
        words = ix.doc[first.right_edge.i + 1 : last.i + 1]
        if all((t.is_alpha and t.text[0].isupper()) or t.text == "." for t in words):
            ix.np_right = last.i + 1
            return first
    return last
