"""Whether a cue has someone who can hold a view (for :mod:`.reported`).

A verb of believing, wanting, promising or taking a stand (``X believes``, ``X aims to``, ``X
supports ...``), a verb of showing (``X shows that ...``, ``X indicates ...``) and any cue whose
content is a plain noun object (``X admitted the mistake``) makes a statement only when its
subject can hold a view: a name of a person, body, country or people (entity types PERSON, ORG,
GPE, NORP; or any proper noun), a pronoun for someone (not ``it`` or ``this``), a relative
pronoun whose noun can, a noun for a person with a role, for people and the bodies they form
(``officials``, ``the ministry``, ``critics``, ``historians``), or a document or finding (``the
report``, ``an assessment``; but not for a verb of wanting or aiming: ``the statements aim to
justify ...``, ``the plan seeks to ...`` say what a text is for, not what anyone wants). Abstract and
recording subjects (``the data shows``, ``footage indicates``, ``the talks show``, ``efforts that
seek``, ``a hand that refuses``) are no speakers, and a cue inside what they show is no one's
statement either (``a map suggests that Moscow aims to ...``). A verb of taking a stand that also
names a deed (support, back, defend) with a plain noun object takes a stand only on something
one can be for or against (``supports the plan``, not ``supported flooding response`` or
``defend control``); a bare "it" of ``it is dangerous to dismiss ...`` is never a speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C
from parley.extract.speaker_reading import ANALYST_NOUNS, ROLE_NOUNS

_VIEW_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOUNS = ROLE_NOUNS | ANALYST_NOUNS | C.PEOPLE_NOUNS | C.SOURCE_NOUNS
_TEXT_NOUNS = C.SOURCE_NOUNS - ROLE_NOUNS - ANALYST_NOUNS - C.PEOPLE_NOUNS  # "report", "plan", "statement"
# Verbs of wanting or aiming whose subject must be someone, not a text (``the plan aims to``).
_AIM_VERBS = C.WISH_VERBS | frozenset({"try", "strive", "attempt", "endeavour", "endeavor"})
_PARTS = frozenset(
    "some all many most part parts one none each any several number lot handful dozens majority".split()
)


# Parts of speech the parser gives a capitalised surname it does not know as a name ("Ham"); as
# a verb's subject such a word is a name: an interjection or an adverb is never one.
_MISREAD_NAME_POS = frozenset({"INTJ", "ADV", "X"})


def needs_agent(lemma: str, plain_object: bool) -> tuple[bool, bool]:
    """Whether a cue with ``lemma`` needs a subject that can hold a view (a verb that is not one
    of saying, a verb of showing, a verb of saying a fact does too (``This explains why``), or a
    cue whose content is a plain noun object), and whether
    that subject must be one the parse gives (not a noun phrase right before a subjectless
    cue: for all but a verb of saying with a plain object)."""
    strict = lemma not in C.SPEECH_VERBS or lemma in C.EVIDENTIAL_VERBS
    return strict or plain_object or lemma in C.AGENT_SPEECH_VERBS, strict


def can_hold_view(s: Token, cue_lemma: str = "") -> bool:
    """Whether subject ``s`` names someone who can believe, want or say something; with the
    lemma of a verb of wanting or aiming (``cue_lemma``), a text does not (``the statements aim
    to ...``)."""
    low = s.lower_
    if low in ("that", "which") and s.head.dep_ == "relcl" and s.head.head.i != s.head.i:
        return can_hold_view(s.head.head, cue_lemma)  # "a hand that refuses": the hand
    inner = _of_part(s)
    if inner is not None:
        return can_hold_view(inner, cue_lemma)  # "a number of cities that ...", "some of the officials"
    if s.ent_type_ in _VIEW_ENTS:
        return True
    if low in C.PERSON_PRONOUNS or s.pos_ == "PROPN":
        return True
    if s.pos_ in _MISREAD_NAME_POS and s.dep_ in ("nsubj", "nsubjpass") and s.is_title and s.is_alpha:
        return True  # a surname read as a word of another kind: "Ham went on to explain"
    if s.pos_ != "NOUN":
        return False
    lemma = s.lemma_.lower()
    if cue_lemma in _AIM_VERBS and (lemma in _TEXT_NOUNS or low in _TEXT_NOUNS):
        return False  # "the statements aim to justify ...": what a text is for, no one's wish
    # a noun for someone by what they do or where they come from ("historians", "columnists")
    if lemma in _NOUNS or low in _NOUNS or (len(lemma) > 5 and lemma.endswith(("ist", "ian"))):
        return True
    # a name the tagger took for a noun ("Doe knows"; a name where used elsewhere)
    return s.text[:1].isupper() and any(t.text == s.text and t.ent_type_ in _VIEW_ENTS for t in s.doc)


def stand_object_ok(lemma: str, obj: Token) -> bool:
    """Whether a plain noun object of a verb of taking a stand is a thing one takes a stand on
    (``supports the plan``, ``opposed the talks``); other verbs take any object."""
    if lemma not in C.STAND_VERBS:
        return True
    obj = _of_part(obj) or obj  # "some of his proposals"
    if obj.lower_.endswith(("self", "selves")):
        obj = next((c for c in obj.children if c.dep_ == "conj"), obj)  # "himself and his record"
    return obj.pos_ == "NOUN" and (obj.lemma_.lower() in C.POSITION_NOUNS or obj.lower_ in C.POSITION_NOUNS)


def expletive_it(v: Token) -> bool:
    """Whether cue ``v`` is the infinitive after an empty "it" (``It's dangerous to dismiss ...``,
    ``it is important to say that ...``): the sentence's own judgement, no one's words."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    h = v.head
    if h.i == v.i or v.dep_ not in ("xcomp", "ccomp", "advcl", "csubj", "acomp", "dep"):
        return False
    if h.pos_ == "ADJ" and h.dep_ in ("acomp", "attr"):
        h = h.head
    has_it = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in h.children)
    judged = h.lemma_ == "be" or any(c.dep_ in ("acomp", "attr") for c in h.children)
    return has_it and judged


def _of_part(t: Token) -> Token | None:
    """The noun a word for a part or a number of something stands for (``some of his proposals``,
    ``a number of cities``), or None."""
    if t.lower_ not in _PARTS:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
