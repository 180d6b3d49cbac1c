"""Stances missed or mixed: a demand named again by a bare noun ("Kyiv has rejected the demand") is
a stance on the one issue the words before it strive for; and a holder's wish for the issue's
thing for its own side, named just before ("X demanded that it receive guarantees. X first
demanded guarantees in 2021"), is no stance on the issue that is for the other side. Sentences
written for these tests, on the shipped dossier."""

from __future__ import annotations

from tests.positions.test_stance_issue_objects import read, triples


def _on(text: str, issue: str) -> set[tuple[str | None, str, str]]:
    return {t for t in triples(text) if t[1] == issue}


# -- a demand named again by a bare noun --------------------------------------------------------
def test_a_demand_named_again_in_the_next_sentence_is_read_on_its_issue():
    text = (
        "Talks resumed in the spring. Moscow is fighting to take full control of the Donetsk region "
        "as part of any settlement. Kyiv has rejected the demand, and the talks stalled."
    )
    assert ("ukraine", "territory", "rejects") in _on(text, "territory")
    (found,) = [s for s in read(text) if s.holder == "ukraine" and s.issue == "territory"]
    assert found.text.startswith("Moscow is fighting to take full control of the Donetsk region")
    assert text[found.span.start : found.span.end] == found.text


def test_a_demand_named_again_in_its_own_sentence_and_an_idea_are_read():
    text = "The Kremlin wants Kyiv to pull its troops out of the Donbas, but Kyiv has rejected the demand."
    assert ("ukraine", "territory", "rejects") in _on(text, "territory")
    text = "Putin wants Ukraine to stay out of NATO for good. Zelensky has rejected the idea."
    assert ("volodymyr-zelensky", "nato", "rejects") in _on(text, "nato")


def test_a_noun_that_says_what_it_is_about_is_not_read_back():
    text = "Moscow has demanded the whole of the Donbas. Kyiv has rejected the demand for new talks."
    assert not [t for t in _on(text, "territory") if t[0] == "ukraine"]


def test_an_antecedent_of_two_issues_or_of_no_demand_gives_no_stance():
    text = "Putin wants a ceasefire and a withdrawal from the Donbas. Zelensky has rejected the demand."
    assert not [t for t in triples(text) if t[0] == "volodymyr-zelensky"]
    text = "Russian troops are fighting in the Donetsk region. Ukraine has rejected the demand."
    assert not [t for t in triples(text) if t[0] == "ukraine"]
    # the issue's words in a clause of circumstance are not what is proposed
    text = "Zelensky proposed new talks after Russian troops seized more land. Putin has rejected the idea."
    assert not [t for t in triples(text) if t[0] == "vladimir-putin"]


def test_an_antecedent_that_names_the_opposite_of_its_issue_gives_no_stance():
    # which way a refusal of "the demand" points on giving up membership cannot be told
    text = "Zelensky wants Ukraine to join NATO. Putin has rejected the demand."
    assert not [t for t in _on(text, "nato") if t[0] == "vladimir-putin"]


def test_a_demand_with_its_issue_in_its_own_words_is_still_read():
    text = "Russia wants Ukraine to leave the Donbas. Kyiv has rejected the demand to cede the Donbas."
    assert ("ukraine", "territory", "rejects") in _on(text, "territory")
    assert ("russia", "territory", "demands") in _on(text, "territory")


# -- a wish for the issue's thing for the holder's own side -------------------------------------
CONTEXT = "The war in Ukraine goes on. Medvedev also demanded that Russia receive security guarantees. "


def test_a_demand_for_the_thing_just_named_as_the_holders_own_is_no_stance_on_the_issue():
    text = CONTEXT + 'The Kremlin originally demanded "security guarantees" in its 2021 ultimatums to NATO.'
    assert not _on(text, "security-guarantees")


def test_a_refusal_and_the_other_sides_demand_after_it_are_still_read():
    got = _on(CONTEXT + "The Kremlin has rejected security guarantees.", "security-guarantees")
    assert ("kremlin", "security-guarantees", "rejects") in got
    got = _on(CONTEXT + "Zelensky insisted on security guarantees.", "security-guarantees")
    assert ("volodymyr-zelensky", "security-guarantees", "demands") in got
    got = _on("The war in Ukraine goes on. Zelensky insisted on security guarantees.", "security-guarantees")
    assert ("volodymyr-zelensky", "security-guarantees", "demands") in got
