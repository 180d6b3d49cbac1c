"""What a verb is, and which verbs are cues, for the attribution passes (imported by
:mod:`.document`, :mod:`.clause_ends` and :mod:`.tokens`, which cannot import each other's)."""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

VERB_POS = frozenset({"VERB", "AUX"})
SAYING_OR_THINKING = C.SPEECH_VERBS | C.COGNITION_VERBS


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


def relative_on_noun(t: Token) -> bool:
    """A verb of a relative clause on a noun, the relative word being no subject ("a statement
    with which X agreed", "a view that X shared"): its subject does not say the noun's words."""
    if t.dep_ != "relcl" or t.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        w.tag_ in ("WDT", "WP", "WP$") and w.dep_ not in ("nsubj", "nsubjpass")
        for w in t.subtree
        if w.i < t.i
    )
