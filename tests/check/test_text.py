"""Tests for the text helpers of stance checking (parley.check.text). Examples written for these tests."""

from __future__ import annotations

from parley.check.text import CUES, compile_cues, count, sentences, stem, terms, tokens


def test_sentences_are_spans_into_the_text() -> None:
    text = "The ferry sank at dawn. Mr. Lind said nobody drowned!\n\nRescuers arrived at 9 a.m. on Friday."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "The ferry sank at dawn.",
        "Mr. Lind said nobody drowned!",
        "Rescuers arrived at 9 a.m. on Friday.",
    ]


def test_a_line_break_ends_a_sentence_and_blank_lines_give_none() -> None:
    text = "HEADLINE WITHOUT STOP\n   \nBody starts here. It ends here"
    assert [text[s:e] for s, e in sentences(text)] == [
        "HEADLINE WITHOUT STOP",
        "Body starts here.",
        "It ends here",
    ]


def test_tokens_split_off_negation() -> None:
    assert tokens("They didn't sign, Kyiv’s envoy said.") == [
        "they",
        "did",
        "n't",
        "sign",
        "kyiv's",
        "envoy",
        "said",
    ]


def test_stem_and_terms() -> None:
    assert stem("denies") == stem("deny") == "deny"
    assert stem("denied") == "deny"
    assert stem("talks") == stem("talk") == "talk"
    assert stem("press") == "press"
    assert terms("The talks were not denied") == ["talk", "not", "deny"]


def test_cue_counting_finds_words_and_phrases() -> None:
    refute = compile_cues(CUES["refute"])
    assert (
        count(tokens("Officials said the report is not true and a hoax."), refute) == 3
    )  # not, not true, hoax
    hedge = compile_cues(CUES["hedge"])
    assert count(tokens("According to unverified posts, the deal was allegedly signed."), hedge) == 3
    assert count([], hedge) == 0
