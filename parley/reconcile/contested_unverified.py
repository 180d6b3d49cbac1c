"""Who says a report is not verified when the words are a speaker's own, not the outlet's
(shared by :mod:`parley.reconcile.contested`).

"U.S. officials said on Tuesday they could not confirm whether X was hit": the officials have not
confirmed it, and what they said is no claim the sentence marks unverified, so it is not listed as
their claim against the outlet's doubt. "The company has not confirmed anything" names nothing
unconfirmed: no item. "The ministry has not confirmed the figures, but ..." doubts the figures
given just before: the item is the sentence before that gives a number, not the sentence of the
doubt (:func:`figures_before`).
"""

from __future__ import annotations

import re

from parley.models import Statement
from parley.reconcile.claim_senses import reports_unverified, unverified_phrase
from parley.reconcile.claim_words import Sentence, Words
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_claimants import active
from parley.reconcile.contested_records import Claim, ContestedSide
from parley.reconcile.contested_sides import PRONOUN, text_side

_NOTHING = re.compile(r"^\s+(?:anything|nothing)\b", re.I)


def speaker_unverifies(corpus: Corpus, words: Words, article_id: str, sent: Sentence) -> Statement | None:
    """The statement whose own words say the speaker has not confirmed or verified something
    ("officials said they could not confirm ..."): the phrase inside its words, with a subject,
    the speaker named. None when the words are not a speaker's."""
    found = unverified_phrase(words, sent.text)
    if found is None:
        return None
    if not active(found.group(0)):  # "could not confirm", not "could not be verified"
        return None
    at = sent.span.start + found.start()
    for s in corpus.statements_of().get(article_id, []):
        if s.embedded_in == "question" or not any(p.start <= at < p.end for p in s.parts):
            continue
        if s.speaker_actor_id or (s.speaker and not PRONOUN.match(s.speaker.strip())):
            return s
    return None


def confirms_nothing(words: Words, sentence: str) -> bool:
    """ "... and have not confirmed anything": no report is named as unconfirmed."""
    found = unverified_phrase(words, sentence)
    return found is not None and bool(_NOTHING.match(sentence[found.end() :]))


def said_by(claim: Claim, s: Statement) -> bool:
    """Whether the claim is read from the statement's own words."""
    return claim.statement_id == s.id or any(
        src.article_id == s.article_id and any(p.start <= src.span.start < p.end for p in s.parts)
        for src in claim.sources
    )


_JOINT = re.compile(r"(?:,\s*|\s+)(?:but|though|although|yet|and)\s+(?:\w+\s+){0,2}$", re.I)


def before_doubt(words: Words, text: str) -> str:
    """A claim's words without the doubt the writer joins to them ("X was killed in the strike
    but it could not be independently verified": "X was killed in the strike")."""
    found = unverified_phrase(words, text)
    joint = _JOINT.search(text[: found.start()]) if found else None
    return text[: joint.start()] if joint and joint.start() > 0 else text


# what a doubt points back to: "has not confirmed the figures", "could not verify these numbers"
_FIGURES = re.compile(
    r"^\s+(?:the|these|those|such)\s+(?:\w+\s+)?(?:figures|numbers|estimates?|toll|tally|statistics)\b", re.I
)
# a number that is no year: "325,000", "1.2 million", "40 percent"
_FIGURE = re.compile(
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s*(?:%|percent|per cent|million|billion)|\b\d{3}\b"
)
FIGURES_BACK = 3  # how many sentences before the doubt the figures may be given


def figures_before(corpus: Corpus, words: Words, article_id: str, sent: Sentence) -> ContestedSide | None:
    """The sentence giving the figures a doubt points back to ("Again, the ministry has not
    confirmed the figures, but ..."): the nearest of the ``FIGURES_BACK`` sentences before it
    that gives a number (no year) and doubts nothing itself; None when the doubt names no
    figures or no sentence before gives any."""
    found = unverified_phrase(words, sent.text)
    if found is None or not _FIGURES.match(sent.text[found.end() :]):
        return None
    sentences = corpus.sentences(article_id)
    at = next((i for i, x in enumerate(sentences) if x.span == sent.span), 0)
    for before in reversed(sentences[max(0, at - FIGURES_BACK) : at]):
        if _FIGURE.search(before.text) and not reports_unverified(words, before.text):
            return text_side(corpus, article_id, before.span, "gives the figures")
    return None
