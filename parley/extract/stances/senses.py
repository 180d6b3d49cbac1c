"""An issue's word used in another sense than the issue's, for :mod:`.objects`:

- one of a series, after a preposition: "what every candidate has done in the past nine elections"
  says how often, not what a stance is on (:func:`occasion`);
- a choice of a person: "they should vote for him" is no stance on holding a vote (:func:`for_a_person`);
- an event someone is kept out of: "keep the rival out of elections" is about taking part in
  them, not holding them (:func:`kept_out`);
- a title before a name: "dismissed NATO member X" is about X (:func:`title_of_a_name`);
- leaving what is no place: "will withdraw from running", "would withdraw from the single market"
  leave an activity or a body, not a territory (:func:`leaves_no_place`).

The words are in ``parley/data/stance_periods.yaml`` (:data:`lexicon.PERIOD`).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from parley.extract.stances import lexicon as lx

W = lx.PERIOD
PERSON_PRONOUNS = {"me", "him", "her", "them", "us", "you", "myself", "himself", "herself", "themselves"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC", "NORP"}


def another_sense(token: Token, issue_at: Mapping[int, str]) -> bool:
    """Is the issue's word (``token``) used here in a sense that is no stance on its issue?"""
    return (
        occasion(token)
        or for_a_person(token)
        or kept_out(token)
        or title_of_a_name(token)
        or leaves_no_place(token, issue_at)
    )


def occasion(token: Token) -> bool:
    """ "in the past nine elections", "at every summit": the object of a preposition of occasion
    with a modifier or a number that makes it one of a series."""
    if token.dep_ != "pobj" or token.head.lower_ not in W.occasion_prepositions:
        return False
    return any(
        (c.dep_ in ("amod", "det") and c.lower_ in W.occasion_modifiers) or c.dep_ == "nummod"
        for c in token.children
    )


def for_a_person(token: Token) -> bool:
    """ "vote for him", "voted against her": the word takes "for"/"against" a person."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in W.choice_prepositions):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lower_ in PERSON_PRONOUNS or obj.ent_type_ == "PERSON":
                return True
    return False


def kept_out(token: Token) -> bool:
    """ "keep Moscow out of elections", "stay out of the vote": an event (``event_nouns``) after "out of"."""
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head.lower_ != "out":
        return False
    return token.pos_ == "NOUN" and token.lemma_.lower() in W.event_nouns


def title_of_a_name(token: Token) -> bool:
    """ "NATO member Estonia", "alliance partner X": the word qualifies a noun that is a title before
    a proper name — the name is what is spoken of."""
    if token.dep_ != "compound":
        return False
    head = token.head
    if head.pos_ == "NOUN" and head.dep_ == "compound":  # "X member" in "X member Estonia"
        head = head.head
        return head.pos_ == "PROPN" and token.head.i < head.i
    if head.pos_ != "PROPN":
        return False
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" and token.i < c.i < head.i for c in head.children)


def leaves_no_place(token: Token, issue_at: Mapping[int, str]) -> bool:
    """A word of leaving (``leaving_words``) whose "from" is an activity ("withdraw from running") or
    a common noun that is no place ("from the single market", "from the treaty"). A proper name, a
    place entity, a noun of place and an issue's word are places ("withdraw from the region")."""
    if token.lemma_.lower() not in W.leaving_words and token.lower_ not in W.leaving_words:
        return False
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            if obj.dep_ == "pcomp" and obj.pos_ in ("VERB", "AUX"):
                return True  # "from running for the presidency"
            if obj.pos_ != "NOUN" or obj.i in issue_at or obj.ent_type_ in PLACE_ENTITIES:
                continue
            if obj.lemma_.lower() not in W.place_nouns and obj.lower_ not in W.place_nouns:
                return True
    return False
