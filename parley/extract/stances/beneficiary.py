"""Whose thing an issue's word names. An issue can be for one side ("guarantees for Ukraine":
the dossier's ``beneficiary``); the same words given to another side ("demanded that the other
country receive security guarantees", "guarantees for the other country") are no stance on it.

The receiver is read from the parse: the object of "for"/"to" on the issue's noun, the subject of
a verb of receiving whose object it is, or the indirect object of a verb of giving ("granting X
guarantees", "give guarantees to X"). With no receiver named, the words are the issue's.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.dossier import Dossier
from parley.extract.stances.holders import HolderFinder
from parley.extract.stances.parse import subject_of

RECEIVING_VERBS = set("receive get obtain gain secure win enjoy".split())
GIVING_VERBS = set("give grant offer provide extend promise".split())
RECEIVER_PREPOSITIONS = {"for", "to"}


def beneficiaries(dossier: Dossier) -> dict[str, str]:
    """Issue id -> the side id the issue is for: each issue's ``beneficiary`` in the dossier."""
    return {i.id: i.beneficiary for i in dossier.issues if i.beneficiary}


def for_another(token: Token, side: str | None, holders: HolderFinder) -> bool:
    """Is the thing the issue's word (``token``) names given to a side other than ``side``?"""
    if side is None:
        return False
    found = [s for r in _receivers(token) for h in holders.of_subject(r) if (s := h.side) is not None]
    return bool(found) and side not in found


def _receivers(noun: Token) -> list[Token]:
    out = [o for p in _preps(noun) for o in p.children if o.dep_ == "pobj"]
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        lemma = verb.lemma_.lower()
        if lemma in RECEIVING_VERBS and noun.dep_ == "dobj" and (subject := subject_of(verb)) is not None:
            out.append(subject)
        if lemma in GIVING_VERBS:
            out += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
            out += [o for p in _preps(verb) for o in p.children if o.dep_ == "pobj"]
    return out


def _preps(t: Token) -> list[Token]:
    return [c for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ in RECEIVER_PREPOSITIONS]
