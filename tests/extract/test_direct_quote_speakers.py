"""Direct quotes: which quoted words are a speech, and whose. Sentences written for these tests.

* A phrase quoted inside the writer's clause, the clause going on after it, is no speech of
  its own (``reported "2,500 incidents" in the city``); quotes listed after a verb of saying
  are (``shouted "A" and "B"``).
* A short reply with a verb in lower case is no title; a nickname inside a name does not part
  a quote from the cue after the name.
* A quote with a sentence inside it is words said, though the writer's clause goes on after it.
* A verb of saying after a quote that ends with ``!`` is its cue when the words between are the
  verb's subject, however long.
* A quote nested in a quote with the same marks leaves the outer one whole; a closing mark
  opening a paragraph before an ellipsis opens a quote.
* A quote left open at its paragraph's end runs on into the next paragraph's, whose speaker it
  shares; a short sentence about the speaker (``She did not name them.``) does not stop a quote
  from going on, unless the cue was said to one person (``told the minister. She shook her
  head.``: her answer follows) or the pronoun is of the other gender.
* A whole quoted clause the writer adds a time, a place or ``when asked`` to stays direct; a
  quote that opens the clause a cue reports keeps its opening mark in the content.
* An abbreviation or a title's ``!`` inside a quote ends no sentence.
"""

from __future__ import annotations

import pytest

from parley.extract.attribution import find_quotes
from parley.nlp import SpacyParser
from tests.extract.attribution_records import records as _records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _with(found, words: str):
    return [r for r in found if any(words in p for p in r[3])]


# -- phrases inside a clause -------------------------------------------------------------------


def test_a_figure_quoted_inside_the_clause_is_no_direct_quote(parser):
    text = (
        "The analysts turned to the harbour police, which reported \u201c1,300 boarding incidents\u201d "
        "along the coast between March and June."
    )
    found = _records(parser, text)
    assert not [r for r in found if r[0] == "direct"], found


def test_a_quoted_subject_of_the_reported_clause_leaves_the_clause_reported(parser):
    text = (
        'The minister did not give a total, though he said "spending cuts" and a new levy on '
        "shipping would pay for the bridge."
    )
    found = _records(parser, text)
    assert not [r for r in found if r[0] == "direct"], found
    said = [r for r in found if r[2] == "said"]
    assert said and said[0][1] == "he" and "would pay for the bridge" in said[0][3][0], found


def test_a_programme_title_after_a_possessive_is_no_direct_quote(parser):
    text = (
        "Harlow tells the network\u2019s \u201cEvening Desk\u201d on Monday that the ferry talks "
        "will resume in spring."
    )
    found = _records(parser, text)
    assert not [r for r in found if r[0] == "direct" and "Evening Desk" in r[3][0]], found


def test_slogans_listed_after_a_verb_of_saying_stay_direct_quotes(parser):
    """Guard: quotes listed one after another are the words shouted."""
    text = (
        "When the verdict was read, the defendant shouted \u201cLong live the republic\u201d and "
        "\u201cShame on this court\u201d before the guards led him out."
    )
    found = _records(parser, text)
    assert _with(found, "Long live the republic") and _with(found, "Long live the republic")[0][0] == "direct"


def test_a_short_reply_with_a_lower_case_verb_is_no_title(parser):
    text = "\u201cI would,\u201d Tomas said to the crowd. \u201cI would, Maria.\u201d"
    found = _records(parser, text)
    reply = _with(found, "I would, Maria")
    assert reply and reply[0][1] == "Tomas", found


# -- speakers across names, sentences and paragraphs -------------------------------------------


def test_a_nickname_in_the_speaker_s_name_does_not_part_the_quote_from_its_cue(parser):
    text = (
        '"This is the year of the bridge!" the mayor\'s cousin, councillor Dora "Dee" Lindqvist '
        '(Harbour Ward), shouted to the crowd. "The whole town is watching. We will not stop now."'
    )
    found = _records(parser, text)
    for words in ("year of the bridge", "whole town is watching"):
        said = _with(found, words)
        assert said and said[0][1] and "Lindqvist" in said[0][1] and said[0][2] == "shouted", found


def test_a_quote_holding_sentences_goes_on_from_its_speaker_though_the_clause_runs_past_it(parser):
    text = (
        "The levy has its critics. \u201cIt is a patch on a leak,\u201d said Ines Moreau, an economist "
        "at the port authority. \u201cI would not call it reform. It is simply a tax increase\u201d for "
        "the largest shippers."
    )
    found = _records(parser, text)
    said = _with(found, "simply a tax increase")
    assert said and said[0][1] and said[0][1].startswith("Ines Moreau"), found


def test_a_quote_left_open_at_its_paragraph_end_shares_the_next_paragraph_s_speaker(parser):
    text = (
        "\u201cIt is a signal to every fisherman,\u201d Councillor Ada Brandt said on Friday. \u201cIf "
        "the harbour is not safe, then how can a family plan a season out there.\n"
        "\u201cI have been thinking about where this town is going,\u201d added Councillor Piet "
        "Holm, the head of the ferry committee. \u201cWe are used to storms. We are not used to "
        "this.\u201d"
    )
    found = _records(parser, text)
    first = _with(found, "a signal to every fisherman")
    assert first and first[0][1].endswith("Ada Brandt") and len(first[0][3]) == 1, found
    run_on = _with(found, "how can a family plan")
    assert run_on and run_on[0][1].startswith("Councillor Piet Holm"), found


def test_a_short_sentence_about_the_speaker_does_not_stop_the_quote(parser):
    text = (
        '"We have had trouble with the ferries before," Lindgren said after meeting the port '
        'director. She did not name the operators. "Our aim is to set rules that everyone follows."'
    )
    found = _records(parser, text)
    said = _with(found, "Our aim is to set rules")
    assert said and said[0][1] == "Lindgren", found


def test_a_sentence_naming_someone_else_stops_the_quote(parser):
    """Guard: the sentence between is about another person."""
    text = (
        '"We have had trouble with the ferries before," Lindgren said. Later Okafor spoke to '
        'the press. "Our aim is to set rules that everyone follows."'
    )
    found = _records(parser, text)
    said = _with(found, "Our aim is to set rules")
    assert not said or said[0][1] != "Lindgren", found


# -- quote marks ------------------------------------------------------------------------------------


def test_a_quote_nested_in_a_quote_with_the_same_marks_leaves_the_outer_one_whole():
    text = (
        "\u201cAs a nurse....I\u2019d rather work in what he calls \u201cchaos\u201d than stay home.\u201d "
        "\u2015 Lena Ortiz"
    )
    assert [text[q.start : q.end] for q in find_quotes(text)] == [text[: text.index(" \u2015")]]


def test_an_outer_straight_quote_holding_a_curly_question_stays_whole():
    text = (
        '"The numbers are close, which, I will read you the question: \u201cDo you trust the '
        'council?\u201d Forty-one, yes; forty-two, no."'
    )
    assert [text[q.start : q.end] for q in find_quotes(text)] == [text]


def test_a_quote_never_closed_is_still_restarted_by_the_next_opening_mark():
    """Guard: one closing mark after the new opening one is no nested quote."""
    text = "\u201cWe were never told, she said \u201cThen we left.\u201d"
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["\u201cThen we left.\u201d"]


def test_a_closing_mark_before_an_ellipsis_opens_a_paragraph_s_quote(parser):
    text = (
        "The review was kind.\n\u201d \u2026 she steered the debate with a calm that few "
        "expected,\u201d Halvorsen wrote."
    )
    assert [text[q.start : q.end][:3] for q in find_quotes(text)] == ["\u201d \u2026"]
    found = _records(parser, text)
    said = _with(found, "steered the debate")
    assert said and said[0][1] == "Halvorsen" and said[0][0] == "direct", found


def test_a_reply_after_a_cue_with_someone_told_is_not_the_teller_s(parser):
    """The "she" after "told the minister" is the minister; her reply is not the envoy's."""
    text = (
        '"You have until Friday," the envoy told the minister. She shook her head. "That is not enough time."'
    )
    found = _records(parser, text)
    reply = _with(found, "not enough time")
    assert reply and reply[0][1] != "the envoy", found
    first = _with(found, "until Friday")
    assert first and len(first[0][3]) == 1, found


def test_a_reply_after_a_named_teller_with_someone_told_is_not_the_teller_s(parser):
    text = (
        '"The port stays closed," Ruth Okonkwo told the harbour master on Monday. He frowned. '
        '"Then the boats will go elsewhere."'
    )
    found = _records(parser, text)
    reply = _with(found, "boats will go elsewhere")
    assert reply and reply[0][1] != "Ruth Okonkwo", found


def test_a_quote_after_a_cue_told_to_many_goes_on_across_a_sentence_about_the_speaker(parser):
    """Guard: reporters cannot be the "she" of the sentence between."""
    text = (
        '"We will meet them again next week," Lindgren told reporters. She did not give a date. '
        '"Nobody is walking away from this."'
    )
    found = _records(parser, text)
    said = _with(found, "Nobody is walking away")
    assert said and said[0][1] == "Lindgren", found


def test_a_quote_goes_on_when_the_one_told_is_of_the_other_gender(parser):
    """Guard: after "told him" a "she" is the speaker herself."""
    text = (
        '"We will meet them again next week," Lindgren told him. She did not give a date. '
        '"Nobody is walking away from this."'
    )
    found = _records(parser, text)
    said = _with(found, "Nobody is walking away")
    assert said and said[0][1] == "Lindgren" and said[0][2] == "told", found


def test_a_pronoun_of_the_other_gender_than_the_speaker_stops_the_quote(parser):
    text = (
        '"The fees will rise in spring," Mr Haldane said at the meeting. She looked away. '
        '"That would ruin the small traders."'
    )
    found = _records(parser, text)
    said = _with(found, "ruin the small traders")
    assert not said or said[0][1] != "Mr Haldane", found


# -- a whole quoted clause with the writer's adverbial after it ---------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('The mediator said "we have come a long way" yesterday.', '"we have come a long way"'),
        (
            'The governor wrote "we will not hand over a single farm" in a post on her channel on Sunday.',
            '"we will not hand over a single farm"',
        ),
        (
            'The governor said "we will not hand over a single farm" when asked about the proposal.',
            '"we will not hand over a single farm"',
        ),
        (
            'The governor said "we will not hand over a single farm" and then walked out of the hall.',
            '"we will not hand over a single farm"',
        ),
        (
            'The governor said "we will not hand over a single farm" at a news conference in the capital.',
            '"we will not hand over a single farm"',
        ),
        (
            'The agency quoted a diplomat as saying "the talks will resume within days" after the meeting.',
            '"the talks will resume within days"',
        ),
    ],
)
def test_a_quoted_clause_followed_by_an_adverbial_stays_a_direct_quote(parser, text, words):
    found = _records(parser, text)
    direct = [r for r in found if r[0] == "direct"]
    assert direct and direct[0][3] == (words,) and direct[0][1], found


def test_a_quoted_clause_whose_verb_has_its_object_after_the_marks_is_a_phrase(parser):
    """Guard: the object after the closing mark belongs to the quoted verb."""
    text = 'The critic claimed "the council inflates" the cost of the ferry in every speech.'
    found = _records(parser, text)
    assert not [r for r in found if r[0] == "direct"], found


def test_a_quoted_clause_joined_by_a_clause_of_the_writer_s_is_reported_whole(parser):
    """Guard: what was said goes on after the marks in a clause with a subject of its own."""
    text = 'The audit said "the fleet is worn out" and the coast guard would need new boats.'
    found = _records(parser, text)
    said = [r for r in found if r[2] == "said"]
    assert said and said[0][0] == "reported" and said[0][3][0].endswith("would need new boats"), found


@pytest.mark.parametrize(
    "text",
    [
        'The envoy said "we are ready" to reopen the crossing at any hour.',
        'The mayor said "they have no plan" for the flooded villages.',
    ],
)
def test_a_quoted_clause_whose_words_go_on_past_the_marks_is_reported_whole(parser, text):
    """Guard: an infinitive or a modifier of a quoted noun completes the quoted clause."""
    found = _records(parser, text)
    said = [r for r in found if r[2] == "said"]
    assert said and said[0][0] == "reported" and said[0][3][0].endswith(text[-12:-1]), found


# -- quotes the reported pass takes ---------------------------------------------------------------


@pytest.mark.parametrize("marks", [("\u201c", "\u201d"), ('"', '"')])
def test_a_quoted_subject_after_adding_keeps_its_opening_mark(parser, marks):
    """The quote opens the clause "adding" reports: the content starts at its opening mark.
    (With straight marks the parser reads "adding" as the clause's subject; the clause is
    still what it says.)"""
    o, c = marks
    text = f'"We will miss him every day," he said, adding {o}thoughts and prayers{c} are with his family.'
    found = _records(parser, text)
    adding = [r for r in found if r[2] == "adding"]
    assert adding and adding[0][3] == (f"{o}thoughts and prayers{c} are with his family",), found
    if o == "\u201c":
        assert adding[0][1] == "he", found


# -- abbreviations and titles are no sentence inside a quote -------------------------------------


def test_a_title_with_an_exclamation_then_lower_case_is_no_bare_quote(parser):
    text = (
        "In 1971 she released her fourth record, \u201cGo Home! Go Home,\u201d which sold well in the north."
    )
    found = _records(parser, text)
    assert not _with(found, "Go Home"), found


def test_an_abbreviated_title_inside_a_quote_is_no_sentence_end(parser):
    text = (
        "\u201cNothing was arranged by Mr. Varga and I am doing fine!,\u201d she captioned "
        "the photo of the two of them."
    )
    found = _records(parser, text)
    assert not [r for r in found if r[0] == "direct" and r[1] is None], found


# -- second review: conditions, noun phrases, gerund subjects, speakers' heads -------------------


@pytest.mark.parametrize(
    "text",
    [
        'The minister said "we will leave the talks" if the deal collapses.',
        'The minister said "we will leave the talks" unless the other side moves.',
    ],
)
def test_a_condition_after_a_quoted_clause_stays_in_what_was_said(parser, text):
    found = _records(parser, text)
    said = [r for r in found if r[2] == "said"]
    assert said and said[0][0] == "reported" and "the talks" in said[0][3][0], found
    assert said[0][3][0].endswith(text.split('" ')[1].rstrip(".")), found


@pytest.mark.parametrize(
    "text",
    [
        'The union threatened "strikes that will shut the ports" if wages are not raised.',
        'The ministry promised "measures that will protect every family" in the spring.',
    ],
)
def test_a_quoted_noun_phrase_with_a_clause_of_its_own_is_no_speech(parser, text):
    found = _records(parser, text)
    assert not [r for r in found if r[0] == "direct"], found


def test_a_gerund_subject_opening_a_sentence_is_no_saying(parser):
    text = 'Saying "no" was not an option for the minister, who needed the votes.'
    found = _records(parser, text)
    assert not [r for r in found if r[1] is None and r[0] == "reported"], found


def test_a_clause_about_someone_else_in_the_speaker_words_tells_no_gender(parser):
    text = (
        '"We have waited for days," said a woman whose husband is missing. She did not give her name. '
        '"Nobody came to help us."'
    )
    found = _records(parser, text)
    said = _with(found, "Nobody came to help us")
    assert said and said[0][1] and said[0][1].startswith("a woman"), found


def test_a_quote_told_to_an_outlet_goes_on_across_a_sentence_about_the_speaker(parser):
    text = (
        '"We will meet them again next week," Lindgren told the newspaper. She did not give a date. '
        '"Nobody is walking away from this."'
    )
    found = _records(parser, text)
    said = _with(found, "Nobody is walking away")
    assert said and said[0][1] == "Lindgren", found


# -- third review ----------------------------------------------------------------------------------


def test_a_reply_to_one_named_person_is_not_the_speaker_s_whatever_the_name_s_tag(parser):
    text = (
        '"We will not sign this," Dalton told Okonkwo. She shook her head. "Then we have nothing to discuss."'
    )
    found = _records(parser, text)
    reply = _with(found, "nothing to discuss")
    assert not reply or reply[0][1] != "Dalton", found


@pytest.mark.parametrize("after", ["over the weekend", "over the phone from the capital"])
def test_a_time_or_a_channel_after_over_leaves_a_quoted_clause_direct(parser, after):
    text = f'The minister said "we have made real progress" {after}.'
    found = _records(parser, text)
    direct = [r for r in found if r[0] == "direct"]
    assert direct and direct[0][3] == ('"we have made real progress"',), found


def test_the_gender_of_an_apposition_after_the_name_stops_the_quote(parser):
    text = '"We are ready," said Anna, the soldier\'s mother. He did not say more. "We will wait."'
    found = _records(parser, text)
    said = _with(found, "We will wait")
    assert not said or not (said[0][1] or "").startswith("Anna"), found
