"""Whose thing an issue's word names. An issue can be for one side ("guarantees for Ukraine":
the dossier's ``beneficiary``); the same words given to another side ("demanded that the other
country receive security guarantees", "guarantees for the other country") are no stance on it.

The receiver is read from the parse: the object of "for"/"to" on the issue's noun, the subject of
a verb of receiving whose object it is, or the indirect object of a verb of giving ("granting X
guarantees", "give guarantees to X"). With no receiver named, the words are the issue's — unless
the text has just named the holder's own side as the receiver of the issue's thing ("X also
demanded that it receive security guarantees. X had first demanded 'security guarantees' in
2021"): a holder of that side then wants the thing for itself, not for the side the issue is for
(:func:`receiver_before`). A refusal is read as it is: refusing guarantees is refusing the other's.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from parley.dossier import Dossier
from parley.extract.stances.holders import HolderFinder
from parley.extract.stances.parse import subject_of
from parley.models import Span

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
    found = _sides(token, holders)
    return bool(found) and side not in found


def receiver_before(
    doc: Doc,
    span: Span,
    issue: str,
    beneficiary: str | None,
    issue_at: Mapping[int, str],
    holders: HolderFinder,
) -> str | None:
    """The side the issue's thing is for where its word (at ``span``) names no receiver of its own
    but the words of the same issue just before do (earlier in the sentence, or in the one before
    it): their one receiver when it is not the issue's beneficiary — and only for a position other
    than a refusal (the caller's check). A holder of that side wants the thing for itself: no
    stance on the issue. ``issue_at``: the issue of each issue word by token index."""
    piece = doc.char_span(span.start, span.end, alignment_mode="expand")
    if beneficiary is None or piece is None or not len(piece):
        return None
    token = piece.root
    if _sides(token, holders):
        return None  # its own receiver is named: :func:`for_another` has judged it
    sentence = token.sent
    first = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    before = [doc[i] for i in range(first, piece.start) if issue_at.get(i) == issue]
    sides = {s for t in before for s in _sides(t, holders)}
    return next(iter(sides)) if len(sides) == 1 and beneficiary not in sides else None


def _sides(token: Token, holders: HolderFinder) -> list[str]:
    return [s for r in _receivers(token) for h in holders.of_subject(r) if (s := h.side) is not None]


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
