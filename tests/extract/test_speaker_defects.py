"""Speaker attribution defects found on crawled news, each on short articles written for these
tests: pronouns agreeing in gender and preferring subjects, names inside a quote or in the
content never its speaker, descriptive or plural phrases and coordinations resolved to no one
person, role titles of another period, reported clauses and passive verbs of saying."""

from __future__ import annotations

import pytest

from tests.extract.statement_runs import SIDES, load_registry, one, statements_of

REGISTRY = (
    SIDES
    + """\
actors:
  - id: tomas-lind
    name: Tomas Lind
    kind: person
    side: north
    roles: [President of Northland]
    titles: [the Northern president, the Northern leader]
  - id: pavel-orsk
    name: Pavel Orsk
    kind: person
    side: south
    roles: [President of Southland]
    titles: [the Southern president, the Southern leader]
  - id: ines-alvaro
    name: Ines Alvaro
    kind: person
    roles: [Mediator]
  - id: karl-brandt
    name: Karl Brandt
    kind: person
    side: north
    roles: [Foreign minister]
"""
)


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return statements_of(load_registry(tmp_path_factory, REGISTRY), "Talks on the border trade pact")


# 1. pronouns


def test_he_is_the_subject_of_the_sentence_before_not_the_latest_speaker(analyse):
    found = analyse(
        "Pavel Orsk rejected the offer on Monday. Tomas Lind then met the reporters outside. "
        "He also told them: “We are not leaving the capital.”"
    )
    assert one(found, "not leaving").speaker_actor_id == "tomas-lind"


def test_she_never_stands_for_a_man(analyse):
    found = analyse(
        "Pavel Orsk told his advisers on Monday that the plan was dead. Tomas Lind and his wife, Maria, "
        "stayed in the city that night, she said."
    )
    s = one(found, "stayed in the city")
    assert s.speaker_actor_id not in ("pavel-orsk", "tomas-lind")


def test_he_is_not_the_object_of_his_own_clause(analyse):
    found = analyse(
        "The envoys met in May. In Lind's final call with Orsk in June, he found the Southern leader "
        "cold and unwilling to bargain."
    )
    assert one(found, "cold and unwilling").speaker_actor_id != "pavel-orsk"


def test_he_follows_the_subject_not_the_visitor_named_before(analyse):
    found = analyse(
        "Karl Brandt said the north was ready to talk, but Orsk ignored him and went on with his own notes. "
        "His generals had warned him, he said, that a fleet lay just off the coast."
    )
    (s,) = [s for s in found if "fleet lay" in s.text and s.speaker == "he"]
    assert s.speaker_actor_id == "pavel-orsk"


def test_he_in_a_sentence_opened_by_a_clause_is_its_subject(analyse):
    found = analyse(
        "Karl Brandt said the draft was fair. Although Lind has not rejected the draft, he "
        "acknowledged the work of the mediators."
    )
    assert one(found, "the mediators").speaker_actor_id == "tomas-lind"


def test_he_after_a_subject_named_since_the_latest_speaker_is_that_subject(analyse):
    found = analyse(
        "Pavel Orsk said the plan was dead. Tomas Lind presented the proposals to the envoys. "
        "He suggested that the next round move to a neutral city."
    )
    assert one(found, "next round").speaker_actor_id == "tomas-lind"


# 2. a name inside the quote, or agreeing with it


def test_a_name_inside_the_quote_is_not_its_speaker(analyse):
    found = analyse(
        "The army chief, Tomas Lind, was unhappy that the cabinet would not call up reserves. "
        "“You are stepping into the ring with Pavel Orsk after nothing but pillow fights. "
        "You have to get ready,” he said."
    )
    assert one(found, "pillow fights").speaker_actor_id != "pavel-orsk"


def test_agreeing_with_a_statement_is_not_saying_it(analyse):
    found = analyse(
        "“But your country has fallen on hard times, since it lost twice,” "
        "a statement with which Brandt agreed."
    )
    assert not [s for s in found if "hard times" in s.text and s.speaker_actor_id == "karl-brandt"]


# 3. descriptive and plural phrases


def test_said_the_ministry_is_not_an_official_named_before(analyse):
    found = analyse(
        "“We had to be careful,” said Karl Brandt, a senior official at the foreign ministry. "
        "The danger was too close to wait for the morning, said the ministry."
    )
    assert one(found, "too close").speaker_actor_id != "karl-brandt"


def test_a_source_close_to_someone_is_not_that_person(analyse):
    found = analyse("Orsk seemed relaxed throughout the meeting, said a source close to Lind.")
    s = one(found, "seemed relaxed")
    assert s.speaker_actor_id is None


# 4. a role title of another period


def test_a_role_title_goes_to_the_person_named_in_the_sentence(analyse):
    found = analyse(
        "In calls between Ada Fenwick and Orsk, the Northern president warned bluntly that an attack "
        "on the capital was coming."
    )
    assert one(found, "attack on the capital").speaker_actor_id != "tomas-lind"


# 5. the subject of a reported clause


def test_the_subject_of_a_that_clause_is_not_the_speaker(analyse):
    found = analyse(
        "Karl Brandt responded on X that the Russian leader was once again showing he had no "
        "interest in a truce."
    )
    s = one(found, "no interest in a truce")
    assert s.speaker_actor_id == "karl-brandt"
    assert s.cue == "responded"


# 6. passive verbs of saying


def test_the_accused_is_not_the_speaker(analyse):
    found = analyse(
        "Southland also stands accused of running a campaign of strikes on civilians. On Monday, "
        "Northland hit a pumping station near Sudport, described as a key site for the pipeline."
    )
    assert not [s for s in found if s.speaker in ("Southland", "Northland")]


# 7. coordinated speakers


def test_coordinated_speakers_are_not_the_first_one(analyse):
    found = analyse(
        "Tomas Lind, Karl Brandt and Ines Alvaro said they would keep backing the talks. "
        "People like Ines Alvaro and Karl Brandt think the deal is close. "
        "Northern elites, and not only Lind, believe that the south wants a longer war. "
        "Nordstad and Sudport believed the talks needed two more months."
    )
    for words in ("keep backing", "deal is close", "longer war", "two more months"):
        assert one(found, words).speaker_actor_id is None, words


def test_she_after_a_quote_credited_to_a_woman_is_that_woman_not_a_man_before(analyse):
    found = analyse(
        "Tomas Lind said on Monday that his army would hold the line.\n\n"
        "“We sleep to the sound of sirens now,” said Maria Kovac, 51.\n\n"
        "Recalling the day when she fed a lost boy, she said: “He cried and would not let go of me.”"
    )
    assert one(found, "would not let go").speaker_actor_id != "tomas-lind"


def test_he_after_as_for_a_name_is_that_name(analyse):
    found = analyse(
        "Karl Brandt said on Monday the talks were over. As for Lind, his remark to the envoys "
        "suggested that he had accepted the worst. Later that day, he tried to call Orsk. "
        "He also told the nation: “We will stand.”"
    )
    assert one(found, "We will stand").speaker_actor_id == "tomas-lind"


def test_a_role_phrase_with_the_holders_name_keeps_the_holder(analyse):
    found = analyse(
        "Ada Fenwick met the envoys in May. The Northern president, Tomas Lind, warned that "
        "the border would stay shut."
    )
    assert one(found, "border would stay shut").speaker_actor_id == "tomas-lind"


def test_she_skips_a_man_the_text_shows_as_he(analyse):
    found = analyse(
        "Ines Alvaro said the talks had stalled. Orsk insists on fighting on as he waits for the "
        "north to tire. “The south can go on for years,” she predicted."
    )
    assert one(found, "go on for years").speaker_actor_id == "ines-alvaro"


def test_a_place_named_before_the_pronoun_does_not_stop_it(analyse):
    found = analyse(
        "Karl Brandt responded on X that Orsk had no interest in peace. "
        "Nordstad, he wrote, would not trade land."
    )
    assert one(found, "would not trade land").speaker_actor_id == "karl-brandt"
