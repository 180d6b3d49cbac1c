"""A noun of saying or believing with its owner and its "that" clause: ``X's claim that ...``,
``the minister's assertion that ...``, ``the claim by X that ...`` are X's reported statement,
the noun its cue and the clause its content; so is the object of a verb of voicing it (``X
repeated his claim that ...``, ``X expressed concern that ...``, ``X issued a warning that ...``):
the verb's subject speaks, the verb and the noun are the cue.

Only a noun of saying has an owner (``X's view that ...`` is the writer's account of what X
thinks, a view only when voiced: ``X voiced the view that ...``); the owner is one that can hold
a view (:func:`.agentive.can_hold_view`: a name, a body, a person by role), without its "'s",
and not a possessive pronoun (``his claim that ...``: who "his" is is left to no one). Only a
clause that the noun governs and that opens with "that" as a conjunction (not a relative "that":
``the claim that he made``), never inside a quote or a direct quote's words, not of a noun denied
(``made no claim that ...``), not under a verb of voicing denied or only supposed (``did not repeat
his warning that ...``, ``may repeat``, ``If X expresses concern that ...``: :mod:`.hypothetical`),
and not owned by a day or a time (``Monday's statement that ...``). A verb of renewing or issuing
voices only a noun of saying (``renewed his pledge that``): ``renewed fears that ...`` causes them.

A view voiced may name its topic instead of a clause: ``X expressed uncertainty about whether the
talks would resume``, ``X voiced doubts about the deal``, ``X expressed frustration over the
delays``. The verb's subject speaks, the cue runs from the verb through the preposition
(``expressed uncertainty about``) and the content is what the preposition governs: a "whether"
or question clause (what the speaker is unsure of, never asserted) or a noun phrase (what the
view is about). Only the object of a verb of voicing has such a topic: ``X's concern about ...``
and ``growing doubts over ...`` are the writer's account, and ``renewed fears over ...`` causes them.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract.cues import SAYING_NOUNS
from parley.extract.timex.lexicon import MONTHS, WEEKDAYS

from .agentive import can_hold_view
from .document import DocIndex, Found, clause_span
from .hypothetical import hypothetical, unsaid
from .speaker_phrases import np_span
from .speakers import attribution_for_cue
from .verbs import is_verb

# Nouns of a view held: a view only when voiced ("voiced the view that"); "X's view that ..." is
# the writer's account of what X thinks.
VIEW_NOUNS = frozenset(
    """view belief conclusion concern fear hope doubt uncertainty skepticism scepticism misgiving
    reservation worry optimism pessimism confidence frustration regret""".split()
)
# Views whose object of a preposition is their topic ("doubts about the deal"; not "the view of X",
# whose "of" names whose view it is).
TOPIC_NOUNS = VIEW_NOUNS - frozenset("view belief conclusion".split())
# Prepositions that name what a voiced view is about ("concern about", "frustration over").
TOPIC_PREPOSITIONS = frozenset("about over regarding on".split())  # not "of": whose ("concerns of X")
# A topic that is a time is when, not what ("expressed concern over the weekend")
TIME_TOPICS = frozenset("weekend week day night morning evening month year hour period".split())
# Verbs of voicing a view: their subject holds the view their object names ("voiced concern that").
VOICING_VERBS = frozenset("make repeat reiterate restate renew express voice share issue".split())
VOICED_NOUNS = SAYING_NOUNS | VIEW_NOUNS
# Those of them that may also cause what they name ("the decision renewed fears that ..."): they
# voice only a noun of saying ("renewed his pledge that", "issued a warning that").
CAUSING_VERBS = frozenset("renew issue".split())
# Relative words that open a writer's aside after a comma.
_ASIDE = frozenset("which who whom whose".split())
# Words of a day or a month that own a noun as its time, not as its speaker ("Monday's statement")
TIME_OWNERS = frozenset(WEEKDAYS) | frozenset(m for m in MONTHS if len(m) > 3)


def noun_cue_pass(ix: DocIndex) -> list[Found]:
    """Reported statements cued by a noun of saying with an owner (module docstring)."""
    found = []
    for t in ix.doc:
        if (
            t.pos_ != "NOUN"
            or t.lemma_.lower() not in VOICED_NOUNS
            or ix.qid[t.i] >= 0
            or t.i in ix.used_cues
            or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)  # "made no claim that"
        ):
            continue
        clause = _that_clause(t)
        if clause is None:
            f = _topic_voiced(ix, t)
            if f is not None:
                found.append(f)
            continue
        content = clause_span(ix, clause, t)
        if content is None or ix.overlaps_direct(content):
            continue
        v = t.head
        if _voiced_by(ix, t):
            f = attribution_for_cue(ix, v, content, "reported", agent="parsed")
            if f.source is None or f.cue is None:
                continue
            f.cue = (f.cue[0], max(f.cue[1], t.idx + len(t.text)))  # "expressed concern"
            found.append(f)
            ix.used_cues.update((v.i, t.i))
            continue
        owner = _owner(t, clause) if t.lemma_.lower() in SAYING_NOUNS else None
        source = np_span(ix, owner, content, t.i) if owner is not None else None
        if source is None or owner is None:  # the owner again, for the type checker
            continue
        case = next((c for c in owner.children if c.dep_ == "case" and source[0] < c.idx < source[1]), None)
        if case is not None:  # "Northland's": the owner without its possessive ending
            source = (source[0], len(ix.text[: case.idx].rstrip()))
        found.append(Found(content, "reported", source, (t.idx, t.idx + len(t.text)), None, t.i))
        ix.used_cues.add(t.i)
    return found


def _voiced_by(ix: DocIndex, t: Token) -> bool:
    """Noun ``t`` is the object of a verb of voicing it, said and not caused: ``expressed concern``,
    not ``did not repeat``, ``may repeat``, ``If X expresses concern ...`` nor ``renewed fears``."""
    v = t.head
    if t.dep_ != "dobj" or v.lemma_.lower() not in VOICING_VERBS or v.i > t.i or v.i in ix.used_cues:
        return False
    if _negated(v) or hypothetical(v) or unsaid(v):
        return False
    return v.lemma_.lower() not in CAUSING_VERBS or t.lemma_.lower() in SAYING_NOUNS


def _topic_voiced(ix: DocIndex, t: Token) -> Found | None:
    """``X expressed uncertainty about whether ...``, ``X voiced doubts about the deal``: a view
    voiced with its topic (module docstring), or None."""
    if t.lemma_.lower() not in TOPIC_NOUNS or not _voiced_by(ix, t):
        return None
    prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None)
    if prep is None or prep.right_edge.i != t.right_edge.i:
        return None  # the topic is the noun's last words ("concern about X", not "about X in May")
    topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if topic is None or topic.lemma_.lower() in TIME_TOPICS or topic.ent_type_ in ("DATE", "TIME"):
        return None
    if topic.dep_ == "pcomp":
        content = clause_span(ix, topic, t) if is_verb(topic) else None
    else:
        a, b = ix.para_clip(topic.left_edge.i, topic.right_edge.i + 1, topic.i)
        doc = ix.doc
        # a relative clause set off by a comma is the writer's aside on the topic ("a loan to
        # Kyiv, which leaders will discuss next week"), not part of the view voiced
        b = next((i for i in range(a + 1, b - 1) if doc[i].text == "," and doc[i + 1].lower_ in _ASIDE), b)
        content = ix.trim(a, b)
    if content is None or ix.overlaps_direct(content):
        return None
    v = t.head
    f = attribution_for_cue(ix, v, content, "reported", agent="parsed")
    if f.source is None or f.cue is None:
        return None
    f.cue = (f.cue[0], max(f.cue[1], prep.idx + len(prep.text)))  # "expressed concern about"
    ix.used_cues.update((v.i, t.i))
    return f


def _negated(v: Token) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _that_clause(noun: Token) -> Token | None:
    """The clause after ``noun`` that it governs and that opens with the conjunction "that"."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i:
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return c
    return None


def _owner(noun: Token, clause: Token) -> Token | None:
    """Whose the noun is: its possessor (``X's claim``) or the object of "by" before the clause
    (``the claim by X that``), when it can hold a view."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c if c.pos_ != "PRON" and _holder(c) else None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i < clause.i:
            g = next((g for g in c.children if g.dep_ == "pobj"), None)
            return g if g is not None and _holder(g) else None
    return None


def _holder(t: Token) -> bool:
    """Can ``t`` hold a view, being no day or time ("Monday's statement", "the morning's claim")?"""
    return t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in TIME_OWNERS and can_hold_view(t)
