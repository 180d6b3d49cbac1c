"""Positions read wrong: the writer's account of an aim ("X seeks to prevent ...") is no stance of
X; an infinitive joined to a finite verb in a that-clause ("to reaffirm that the demands remain
unchanged and to reject X") is held by the subject of the infinitive it pairs with; a stance read
from a sentence shows the sentence without its list mark; and a denial ("denied reports that the
leader rejected the plan") is no position on the issue while the row holds a stance on it.
Sentences written for these tests, on the shipped dossier."""

from __future__ import annotations

import datetime as dt

from parley.extract.stances.records import Evidence, Stance
from parley.models import Span
from parley.reconcile.positions import DENIES, build_positions, latest
from tests.positions.test_stance_issue_objects import read, triples


def _on(text: str, issue: str) -> set[tuple[str | None, str, str]]:
    return {t for t in triples(text) if t[1] == issue}


# -- an aim the writer ascribes ---------------------------------------------------------------
def test_an_aim_the_writer_ascribes_is_no_stance():
    assert not _on("In the long run, Putin seeks to prevent further NATO expansion.", "nato")
    assert not _on("Moscow aims to keep Ukraine out of NATO for good.", "nato")


def test_an_aim_a_speaker_states_and_a_wish_are_still_read():
    assert ("ukraine", "nato", "demands") in _on("Kyiv wants to become a NATO member.", "nato")
    got = _on("Peskov said Moscow seeks to prevent further NATO expansion.", "nato")
    assert ("dmitry-peskov", "nato", "demands") in got
    got = _on("Putin has rejected security guarantees for Ukraine.", "security-guarantees")
    assert ("vladimir-putin", "security-guarantees", "rejects") in got


# -- an infinitive joined to the verb of a that-clause -----------------------------------------
def test_an_infinitive_after_a_that_clause_is_held_by_the_infinitive_it_pairs_with():
    text = (
        "Peskov spent the day in meetings to ensure that the Kremlin's positions stay firm "
        "and to reject security guarantees for Ukraine."
    )
    got = _on(text, "security-guarantees")
    assert ("dmitry-peskov", "security-guarantees", "rejects") in got
    assert not [t for t in got if t[0] == "kremlin"]


def test_a_finite_verb_joined_to_a_finite_verb_keeps_its_own_subject():
    got = _on(
        "Peskov said the talks remain hard and rejected security guarantees for Ukraine.",
        "security-guarantees",
    )
    assert ("dmitry-peskov", "security-guarantees", "rejects") in got


# -- the words shown -------------------------------------------------------------------------
def test_a_stance_read_from_a_list_item_shows_the_sentence_without_its_mark():
    text = (
        "Summary of the day.\n\n- The Kremlin has ruled out security guarantees for Ukraine.\n\nMore follows."
    )
    (found,) = [s for s in read(text) if s.issue == "security-guarantees"]
    assert found.text == "The Kremlin has ruled out security guarantees for Ukraine."
    assert text[found.span.start : found.span.end] == found.text


def test_a_sentence_opening_with_a_minus_sign_keeps_it():
    text = "Summary.\n-5 degrees and snow: Moscow has ruled out security guarantees for Ukraine.\n"
    (found,) = [s for s in read(text) if s.issue == "security-guarantees"]
    assert found.text.startswith("-5 degrees")


# -- a denial is no position -------------------------------------------------------------------
def _stance(position: str, day: int | None, start: int) -> Stance:
    return Stance(
        article_id="a1",
        holder="moscow-spokesman",
        issue="peace-plan",
        position=position,
        span=Span(start, start + 10),
        text="words",
        holder_kind="actor",
        holder_text="the spokesman",
        side="russia",
        date=dt.date(2025, 12, day) if day else None,
        confidence=0.8,
    )


def test_a_denial_is_not_the_position_while_the_holder_has_a_stance():
    (found,) = build_positions([_stance("open_to_discuss", None, 0), _stance(DENIES, 3, 50)], {})
    assert found.position == "open_to_discuss"
    # a denial is no step of a position's history either (session 29)
    assert [e.position for e in found.history] == ["open_to_discuss"]


def test_a_denial_alone_is_no_position():
    assert build_positions([_stance(DENIES, 3, 50)], {}) == []  # session 29: was shown as the position
    assert latest([_stance(DENIES, 3, 50)]) == 0


def test_a_later_stance_after_a_denial_is_the_position():
    (found,) = build_positions([_stance(DENIES, 3, 0), _stance("rejects", 5, 50)], {})
    assert found.position == "rejects"
    assert isinstance(found.evidence, Evidence)


def test_a_verb_used_as_a_means_is_no_earlier_habit():
    (found,) = [s for s in read("Peskov used an interview to reject security guarantees for Ukraine.")]
    assert (found.holder, found.position, found.period) == ("dmitry-peskov", "rejects", "current")


def test_a_habit_is_still_earlier():
    found = [s for s in read("Peskov said Moscow used to reject security guarantees for Ukraine.")]
    assert [(s.position, s.period) for s in found if s.issue == "security-guarantees"] == [
        ("rejects", "earlier")
    ]
