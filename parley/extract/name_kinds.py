"""What a name the model found is, read from the words around it, beside
:func:`parley.extract.surnames.a_person_by_its_words` (for :mod:`parley.extract.mentions`): a
person's name the model ran onto the end of a body's (:func:`person_at_end`), and a name a noun
for a kind of body introduces (:func:`a_body_by_its_words`: ``body_nouns`` of ``names.yaml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan

from parley.extract.registry import ActorRegistry, fold
from parley.extract.surnames import a_person_by_its_words

if TYPE_CHECKING:
    from parley.extract.mentions import NameWords


def person_at_end(ent: SpacySpan, words: NameWords, registry: ActorRegistry) -> SpacySpan | None:
    """The person's name an organisation's entity ends with, when the model ran the two together
    ("the Armed Forces of Ukraine Jane Roe"): the entity's head is its last word, the one or two
    words before it are a first name compounded to it, what comes before them in the entity is
    the body's name, and the parse shows the name a person's (a noun for a person before it)."""
    root = ent.root
    if root.i != ent.end - 1 or len(ent) < 4:
        return None
    start = root.i
    while start > ent.start and root.i - start < 2:
        before = ent.doc[start - 1]
        if before.dep_ != "compound" or before.head.i != root.i or before.pos_ != "PROPN":
            break
        start -= 1
    if start == root.i or start - ent.start < 2 or ent.doc[start - 1].pos_ != "PROPN":
        return None
    body_last = ent.doc[start - 1].text
    if not (
        fold(body_last) in words.organisation_last
        or registry.place_side(body_last)
        or registry.side_of_word(body_last)
    ):
        return None  # the body's name must end as one does ("... of Ukraine", "... Ministry")
    tail = ent.doc[start : ent.end]
    return tail if a_person_by_its_words(tail, words, registry) else None


def a_body_by_its_words(ent: SpacySpan, words: NameWords, registry: ActorRegistry) -> bool:
    """A name the model calls a person's or a place's that a noun for a kind of body stands
    before ("outlet Roe") or in apposition to ("the broadcaster, Roe"): an organisation (not a
    side's place or a registered person)."""
    if registry.place_side(ent.text) or registry.match_name(ent.text, person=True):
        return False
    root = ent.root
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < ent.start
        and head.lower_ in words.body_nouns
        and head.dep_ != "pobj"
    ):
        return True  # "the outlet, Roe"; not "an analyst from the group, Jane Roe"
    # "broadcaster Roe"; not "the project's head, Jane Roe" read as "project Jane Roe": a name of
    # two words or more the model calls a person's stays one
    return len(ent) == 1 and any(
        c.i == ent.start - 1 and c.dep_ in ("compound", "nmod") and c.lower_ in words.body_nouns
        for c in root.children
    )
