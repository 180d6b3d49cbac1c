"""A plain document word that a common noun says the kind of: "the evacuation plans", "a tax
plan", "court documents", "the war plans". Such a document is another one than the negotiated
plan, whatever was named before it, and no stance on the plan is read on it.

The noun right before it (a compound of it, in lower case) keeps it the plan when it is one the
dossier's plan issue uses for the plan ("the peace plan", "the peace framework"), a document
word itself ("draft proposals"), the word of another issue ("the ceasefire proposal": a stance on
that issue), a holder's noun ("the administration plan"), or the end of a hyphened word
("the 28-point plan", "a long-term plan")."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from parley.dossier import Dossier
from parley.extract.stances import lexicon as lx

_HYPHENS = frozenset("-‐‑–")


def plan_modifiers(dossier: Dossier) -> frozenset[str]:
    """The words of the plan issue's cues and the dossier's document words, lower case."""
    cues = dossier.plan_issue.cues if dossier.plan_issue else ()
    return frozenset(w for phrase in (*cues, *dossier.document_words) for w in phrase.lower().split())


def of_another_kind(token: Token | None, own_words: Container[str], issue_at: Container[int]) -> bool:
    """``token`` (a document's noun) has a common noun before it that says it is a document of
    another kind ("evacuation plans"): see the module docstring."""
    if token is None or token.i == 0:
        return False
    mod = token.doc[token.i - 1]
    if mod.dep_ != "compound" or mod.head.i != token.i or mod.pos_ != "NOUN" or not mod.is_lower:
        return False
    before = token.doc[mod.i - 1] if mod.i > 0 else None
    if before is not None and not before.whitespace_ and before.text in _HYPHENS:
        return False  # "28-point plan", "cease-fire proposal"
    word = mod.lower_
    return not (
        word in own_words or word.rstrip("s") in own_words or mod.i in issue_at or word in lx.HOLDER_NOUNS
    )
