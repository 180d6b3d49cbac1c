"""Positions as an analyst reads them: a denial is no position on an issue (it stays a stance, for
the contested view); "confirmed" takes a position only on an agreement it has as its object, and
none when negated (nor does "reached"); a pronoun in the second of two stance verbs of one subject
stands for the first one's object ("opposes the sanctions and wants them lifted"). Sentences
written for these tests, on the shipped dossier."""

from __future__ import annotations

import datetime as dt

from parley.extract.stances.records import Stance
from parley.models import Span
from parley.reconcile.positions import build_positions
from tests.positions.test_stance_issue_objects import triples


def _stance(position: str, start: int, day: int | None = None) -> Stance:
    return Stance(
        article_id="a1",
        issue="peace-plan",
        position=position,
        span=Span(start, start + 10),
        text="words",
        holder="moscow-spokesman",
        holder_kind="actor",
        side="russia",
        date=dt.date(2025, 12, day) if day else None,
        confidence=0.8,
    )


# -- a denial is no position -------------------------------------------------------------------
def test_a_denial_is_no_position_nor_a_step_of_a_history():
    assert build_positions([_stance("denies", 0, 3)], {}) == []
    (found,) = build_positions([_stance("denies", 0, 3), _stance("rejects", 20, 5)], {})
    assert found.position == "rejects"
    assert [e.position for e in found.history] == ["rejects"]


def test_a_denial_is_still_read_as_a_stance():
    found = triples("Peskov denied reports that Putin had rejected the peace plan.")
    assert ("dmitry-peskov", "peace-plan", "denies") in found
    assert not [t for t in found if t[0] == "vladimir-putin"]


def test_other_stances_still_make_positions():
    stances = [_stance("open_to_discuss", 0, 2), _stance("denies", 20, 3)]
    (found,) = build_positions(stances, {})
    assert (found.position, found.date) == ("open_to_discuss", dt.date(2025, 12, 2))


# -- "confirmed" an agreement ------------------------------------------------------------------
def test_confirming_an_agreement_accepts_it():
    found = triples("Umerov confirmed an agreement on a ceasefire along the front.")
    assert ("rustem-umerov", "ceasefire", "accepts") in found


def test_confirming_something_said_takes_no_position_of_its_own():
    found = triples("Peskov confirmed that any deal must address the root causes of the conflict.")
    assert ("dmitry-peskov", "root-causes", "demands") in found  # the modal inside is still read
    assert not [t for t in found if t[2] == "accepts"]
    assert not triples("Peskov confirmed that talks on a ceasefire would resume next week.")


def test_not_confirming_or_not_reaching_an_agreement_refuses_nothing():
    assert not triples("Peskov said he could not confirm the ceasefire.")
    assert not triples("The two delegations have not reached an agreement on a ceasefire.")
    # a negated acceptance is still read
    assert ("volodymyr-zelensky", "ceasefire", "denies") in triples("Zelensky did not accept the ceasefire.")
    assert ("ukraine", "ceasefire", "rejects") in triples("Kyiv will not accept the ceasefire.")


# -- a pronoun for the object of the stance verb before ----------------------------------------
def test_a_pronoun_in_a_second_stance_verb_stands_for_the_first_ones_object():
    found = triples("The Kremlin opposes the Western sanctions and wants them lifted.")
    assert ("kremlin", "sanctions", "demands") in found
    assert ("kremlin", "sanctions", "opposes") in found


def test_a_pronoun_elsewhere_or_of_another_number_is_not_read():
    # a verb of saying takes no stance: only the first verb's
    found = triples("The Kremlin opposes the sanctions and says they hurt ordinary people.")
    assert found == {("kremlin", "sanctions", "opposes")}
    # the pronoun inside a clause of a noun is not what the second verb takes
    found = triples("Moscow rejects the sanctions and demanded guarantees that they would end.")
    assert ("russia", "sanctions", "demands") not in found
    # "it" for a plural noun (the same sentence with "them" reads the demand)
    assert ("kremlin", "sanctions", "demands") not in triples(
        "The Kremlin opposes the Western sanctions and wants it lifted."
    )
