"""Speakers the parse does not give as the cue's subject: the person a recording shows (``footage
of X saying``), an inverted ``said X``, a clause the parser hung before the cue, a noun phrase
right before a subjectless cue (or before the verb a ``by saying`` hangs from), a subject the
parser joined to the object before it ("said A and Democrats accused B"), the thing received
that speaks ("received intelligence suggesting ...": :mod:`.received`) (the fallbacks of
:func:`.speakers.subject_of`). A gerund is never an inverted ``said X``."""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .document import NOMINAL_POS, DocIndex
from .received import received_object
from .then_said import then_speaker

_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "nsubj", "dative", "oprd", "appos", "dep"})


def inverted_subject(ix: DocIndex, v: Token) -> Token | None:
    """``"…," said Peskov`` when the parser did not make Peskov the subject."""
    i = v.i + 1
    doc = ix.doc
    if i >= ix.n or ix.pid[i] != ix.pid[v.i]:
        return None
    t = doc[i]
    if v.tag_ == "VBG":
        return None  # a gerund is never inverted: "insisting Ukrainians were ...": what is insisted
    named = t
    while named.dep_ == "compound" and named.head.i > named.i and named.head.pos_ == "PROPN":
        named = named.head  # "…, reported Harbour News.": the name's last word
    if named.head.i == v.i and named.dep_ in _INVERTED_DEPS and named.pos_ in ("PROPN", "PRON", "NUM"):
        if not (named.dep_ in ("dobj", "dative") and v.lemma_.lower() in C.ADDRESSEE_VERBS):
            return named  # not "informed India Today that ...": the addressee
    if v.is_sent_start and v.text[:1].isupper() and t.pos_ == "PROPN" and v.lemma_.lower() in C.SPEECH_VERBS:
        # "Said Ellis: "…"": the parser makes the verb part of the name
        while t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ == "PROPN":
            t = t.head
        return t
    # the looser test only right after a quote: "…," said X
    j = v.i - 1
    while j >= 0 and doc[j].is_punct and not doc[j].is_quote:
        j -= 1
    if j < 0 or not (doc[j].is_quote or ix.in_quote(j)):
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
    if h.pos_ in NOMINAL_POS or (h.i == t.i and name_like):
        return h
    return None


def clause_subject_before(ix: DocIndex, v: Token) -> Token | None:
    """The subject of a clause the parser hung before a subjectless cue that has its content
    after it (``Jane Doe, a lawyer who co-authored the report, said the findings show ...``,
    parsed as ``Doe ... authored the report`` said ``the findings show ...``): Jane Doe. Or the
    speaker of the verb of saying before a subjectless ``then`` cue (:func:`.then_said.then_speaker`:
    ``X first told the judges A, then shouted B``: X)."""
    return _misread_clause_subject(ix, v) or then_speaker(ix, v)


def _misread_clause_subject(ix: DocIndex, v: Token) -> Token | None:
    """``Jane Doe, a lawyer who co-authored the report, said ...`` (see :func:`clause_subject_before`)."""
    p = ix.pid[v.i]
    kids = [c for c in v.children if c.dep_ == "ccomp" and ix.pid[c.i] == p]
    if not any(c.i > v.i for c in kids):
        return None
    for c in kids:
        if c.i < v.i and ix.qid[c.i] < 0:
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN") and ix.qid[subj.i] < 0:
                j = c.right_edge.i
                while j > subj.i and ix.doc[j].is_punct:
                    j -= 1
                ix.np_right = j + 1  # the whole misread clause: "Jane Doe, ... the report"
                return subj
    return None


def _in_adverbial(t: Token) -> bool:
    """Whether noun ``t`` ends a chain of prepositional phrases that hangs from a verb ("lying on
    the floor of a church"): a place or thing of that verb's clause."""
    for _ in range(4):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return False
        if t.head.head.pos_ in ("VERB", "AUX"):
            return True
        t = t.head.head
    return False


def preceding_np(ix: DocIndex, v: Token) -> Token | None:
    """A noun phrase right before a subjectless cue that the parser hung elsewhere
    (``In a statement to the paper, her adviser, Jane Doe, said: …``); for a gerund after a
    preposition, the verb it hangs from (``X, Y, pushed them to agree by saying ...``)."""
    doc = ix.doc
    v = _host_verb(v)
    j = v.i - 1
    while j >= 0 and doc[j].is_punct and not doc[j].is_quote:
        j -= 1
    if j < 0 or ix.in_quote(j) or ix.pid[j] != ix.pid[v.i] or v.i - j > 2:
        return None
    t = doc[j]
    if t.pos_ not in ("PROPN", "NOUN") or (t.head.i == v.i and t.dep_ not in ("compound", "advmod")):
        return None
    if t.head.i == v.i and t.dep_ == "advmod" and (t.pos_ != "PROPN" or t.ent_type_ in ("DATE", "TIME")):
        return None  # "Mr. Doe said", the name parsed as an adverb of "said"; not "Monday said"
    h = t
    if h.dep_ == "appos" and h.head.i < h.i and h.head.pos_ in ("PROPN", "NOUN"):
        h = h.head
    elif h.dep_ == "pobj" and h.head.dep_ == "prep":
        # "Trump, in Kentucky, said": the noun the phrase hangs from
        g = h.head.head
        if g.i < h.i and g.pos_ in NOMINAL_POS and ix.pid[g.i] == ix.pid[v.i]:
            h = g
    if _in_adverbial(h) and v.head.i != h.i:  # not "with language calling for ...": the language's
        return None  # "X, lying on a sidewalk in Y, said": a place of the verb before, no speaker
    ix.np_right = j + 1
    return h


def _host_verb(v: Token) -> Token:
    """The verb a gerund after a preposition hangs from, up through infinitives and conjuncts
    (``pushed them to agree by saying``: pushed); ``v`` itself otherwise."""
    h = v.head.head
    if not (v.dep_ == "pcomp" and v.head.pos_ == "ADP" and h.pos_ in ("VERB", "AUX") and h.dep_ != "prep"):
        return v  # not "..., including by saying": "including" is no verb of the sentence
    while h.dep_ in ("xcomp", "conj") and h.head.i < h.i and h.head.pos_ in ("VERB", "AUX"):
        h = h.head
    return h


def recorded_speaker(ix: DocIndex, v: Token) -> Token | None:
    """``uses footage of X asking, "…"``, ``a video of X saying``: a gerund cue right after the
    person a recording shows (the object of ``of`` after a noun of ``C.RECORDING_NOUNS``) is
    that person's, whatever the parser hung it on."""
    if v.tag_ != "VBG" or v.i == 0:
        return None
    t = ix.doc[v.i - 1]
    of = t.head
    if not (t.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in C.RECORDING_NOUNS):
        return None
    if t.pos_ not in ("PROPN", "PRON", "NOUN") or ix.pid[t.i] != ix.pid[v.i] or ix.in_quote(t.i):
        return None
    return t


def conjoined_subject(ix: DocIndex, v: Token) -> Token | None:
    """``Y said A and Democrats accused B``, the parser having joined "Democrats" to the object
    before it ("A and Democrats") and left the finite cue without a subject: the noun phrase
    after "and" that ends right before the cue is its subject, not the speaker of the clause it
    hangs from."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.dep_ not in ("ccomp", "conj") or v.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    t = ix.doc[v.i - 1]
    if t.dep_ != "conj" or t.pos_ not in NOMINAL_POS or t.head.dep_ not in ("dobj", "pobj"):
        return None
    if not any(c.dep_ == "cc" and c.i < t.i for c in t.head.children) or ix.pid[t.i] != ix.pid[v.i]:
        return None
    return None if ix.in_quote(t.i) else t


def unparsed_subject(ix: DocIndex, v: Token) -> Token | None:
    """The person a recording shows (:func:`recorded_speaker`), else the subject joined to an
    object before the cue (:func:`conjoined_subject`), else the thing received that speaks
    (:func:`.received.received_object`)."""
    return recorded_speaker(ix, v) or conjoined_subject(ix, v) or received_object(ix, v)
