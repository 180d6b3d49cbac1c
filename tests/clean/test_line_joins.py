"""Sentences a crawler broke into lines where a link, an emphasis or a drop cap stood are put back
together, and footnote numbers glued to a sentence's end go. Every text here is made up; what
matters is its shape. Headings, bylines, list items, captions, speaker labels and menus must stay
apart from the story's sentences."""

from __future__ import annotations

from parley.clean.footnotes import drop_footnote_numbers
from parley.clean.lines import clean_lines

LEAD = (
    "The two delegations met for six hours in the lakeside hotel on Tuesday, and a second round "
    "of talks is planned for next week, officials said."
)


def _paragraphs(lines: list[str]) -> list[str]:
    return clean_lines("\n".join(lines), "Talks resume by the lake").paragraphs


# --- broken sentences are joined -----------------------------------------------------------------


def test_a_reporting_verb_on_a_line_of_its_own_goes_back_to_its_sentence():
    kept = _paragraphs(
        [
            LEAD,
            "“We are closer than we were a month ago, but nothing is agreed yet,” Marta Kollin",
            "explained",
            "The talks resume on Monday in the same hotel, the ministry said in a statement.",
        ]
    )
    assert (
        "“We are closer than we were a month ago, but nothing is agreed yet,” Marta Kollin explained" in kept
    )
    assert "explained" not in kept


def test_a_title_cut_by_a_link_is_joined_to_the_words_after_it():
    kept = _paragraphs(
        [
            LEAD,
            "Earlier, Oskar Brandt, the bloc's special",
            "envoy",
            "The envoy said the sanctions would stay in place until the talks produce a result.",
        ]
    )
    assert "Earlier, Oskar Brandt, the bloc's special envoy" in kept


def test_drop_caps_and_emphasised_words_make_one_quote_with_its_speaker():
    kept = _paragraphs(
        [
            LEAD,
            "“W",
            "e left the coast in the spring, and I still",
            "don’t",
            "know when we can go back,",
            "”",
            "Lena Ostrova said.",
        ]
    )
    assert (
        "“We left the coast in the spring, and I still don’t know when we can go back,” Lena Ostrova said."
        in kept
    )


def test_a_question_quote_takes_its_speaker_from_the_next_line():
    kept = _paragraphs(
        [LEAD, "“Who would trust a promise like that after the winter we had?”", "Ivo Marek said."]
    )
    assert "“Who would trust a promise like that after the winter we had?” Ivo Marek said." in kept


def test_a_source_named_in_a_link_stays_in_its_sentence_with_the_punctuation_around_it():
    kept = _paragraphs(
        [
            LEAD,
            "Every day thousands of automated posts in several languages, the researchers found, are",
            "“",
            "rewriting the story of",
            "harbour",
            "negotiations,",
            "”",
            "according to the",
            "Coastal Policy Institute",
            ".",
            "The institute tracks posts in twelve languages and publishes its figures every month.",
        ]
    )
    assert (
        "Every day thousands of automated posts in several languages, the researchers found, are "
        "“rewriting the story of harbour negotiations,” according to the Coastal Policy Institute." in kept
    )


def test_a_comma_and_a_bracket_line_continue_the_sentence():
    kept = _paragraphs(
        [
            LEAD,
            "The dispute has strained relations with the Regional Defence Organisation",
            "(RDO), the alliance both sides belong to.",
            "According to Pia Lund, an analyst at a research firm",
            ", the talks are the last chance this year.",
        ]
    )
    assert (
        "The dispute has strained relations with the Regional Defence Organisation (RDO), the alliance "
        "both sides belong to." in kept
    )
    assert (
        "According to Pia Lund, an analyst at a research firm, the talks are the last chance this year."
        in kept
    )


# --- guards: what must stay apart ---------------------------------------------------------------


def test_a_heading_stays_apart_from_the_paragraph_under_it():
    lines = [
        LEAD,
        "What the ministers agreed on the harbour",
        "The ministers agreed to reopen the harbour to grain ships within a month.",
        "Next steps",
        "A technical team will meet on Friday.",
    ]
    kept = _paragraphs(lines)
    assert kept == lines


def test_bylines_captions_list_items_and_speaker_labels_stay_apart():
    lines = [
        "By Ada Novak",
        LEAD,
        "The harbour at dawn on Tuesday, with grain ships waiting offshore",
        "- reopen the harbour",
        "- exchange prisoners",
        "JANE ROE:",
        "we will not sign anything that leaves our farmers without the port.",
        "JANE ROE:",
        "that is all I can say today.",
    ]
    kept = _paragraphs(lines)
    assert "By Ada Novak" in kept[0]
    assert "- reopen the harbour" in kept
    assert "- exchange prisoners" in kept
    assert "JANE ROE:" in kept
    assert "we will not sign anything that leaves our farmers without the port." in kept


def test_a_sentence_start_after_a_cut_line_stays_apart():
    kept = _paragraphs(
        [
            LEAD,
            "Before the war, the port was a busy harbour of about",
            "40,000 people",
            "What followed was",
            "A year of talks that went nowhere, the ministry said.",
        ]
    )
    assert "Before the war, the port was a busy harbour of about 40,000 people" in kept
    assert "What followed was" in kept


def test_a_run_of_link_words_that_never_ends_a_sentence_is_joined_only_once():
    lines = [
        LEAD,
        "In fact, firms that left the market early in the first year of the sanctions, the study found,",
        "notably",
        "outperformed",
        "measured",
        "assets seized",
        "The ministry declined to comment on the figures on Tuesday.",
    ]
    kept = _paragraphs(lines)
    assert (
        "In fact, firms that left the market early in the first year of the sanctions, the study found, "
        "notably" in kept
    )
    assert not any("notably outperformed" in paragraph for paragraph in kept)


def test_the_source_named_after_a_cut_off_according_to_is_joined():
    kept = _paragraphs(
        [
            LEAD,
            "In fact, 21 ships were stopped every day last year, according to",
            "new data",
            "Harbour Agency",
            "“The losses are a failure we cannot accept,” said the agency's director.",
        ]
    )
    assert "In fact, 21 ships were stopped every day last year, according to new data Harbour Agency" in kept


def test_words_after_a_second_link_are_not_joined_when_no_sentence_ends():
    kept = _paragraphs(
        [
            LEAD,
            "The president continues trying to",
            "coax the minister",
            "the man the envoy met",
            "The talks went on for hours until late in the evening, aides said.",
        ]
    )
    assert "The president continues trying to coax the minister" in kept
    assert "the man the envoy met" in kept


def test_a_drop_cap_a_or_i_is_left_alone():
    kept = _paragraphs([LEAD, "I", "ndeed nothing is agreed yet, the minister said."])
    assert not any(p.startswith("Indeed") for p in kept)


# --- footnote numbers ---------------------------------------------------------------------------


def test_footnote_numbers_after_a_sentence_end_go():
    assert drop_footnote_numbers("The port stays shut.2 Talks resume on Monday.") == (
        "The port stays shut. Talks resume on Monday."
    )
    assert drop_footnote_numbers("the fleet lost six vessels.17 Early reports said more") == (
        "the fleet lost six vessels. Early reports said more"
    )
    assert drop_footnote_numbers("It ended the war.57") == "It ended the war."
    assert drop_footnote_numbers("He called it “a new start.”12 Others disagreed.") == (
        "He called it “a new start.” Others disagreed."
    )
    assert drop_footnote_numbers("the worst since World War II.18 For example") == (
        "the worst since World War II. For example"
    )
    assert drop_footnote_numbers("trade grew in 2024.41 Moreover, prices fell.") == (
        "trade grew in 2024. Moreover, prices fell."
    )


def test_numbers_that_are_not_footnotes_stay():
    for text in [
        "Growth was 2.5 percent, the bank said.",
        "Talks resume at 10.30 Tuesday.",
        "See No. 2 The Harbour Accord.",
        "See No.2 The Harbour Accord.",
        "The U.S. 2024 budget was larger.",
        "The U.S.2 plan was dropped.",
        "The app v2.1 Beta is out.",
        "1. Reopen the harbour",
        "The population.2025 census",
        "See p.3 There the terms are set out.",
    ]:
        assert drop_footnote_numbers(text) == text


def test_a_footnote_number_no_longer_joins_two_sentences_in_the_cleaned_text():
    kept = _paragraphs(
        [LEAD, "Moscow wants the port kept neutral.2 Kyiv rejects the demand, officials said."]
    )
    assert "Moscow wants the port kept neutral. Kyiv rejects the demand, officials said." in kept
