"""``X said A, in an interview with Y``: a channel phrase set off by a comma at the end of the
content, which the parser hung on the content's verb, is where X said A: it leaves the content
and becomes the statement's channel. A closing phrase that names no channel stays. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from parley.extract.attribution import extract_attributions
from parley.nlp import SpacyParser


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _reported(parser, text: str) -> list[tuple[str, str | None]]:
    (doc,) = parser.parse([text])
    return [(a.content.of(text), a.channel) for a in extract_attributions(doc) if a.kind == "reported"]


@pytest.mark.parametrize(
    ("text", "content", "channel"),
    [
        (
            "The Upland president has said his army will take the whole valley either by force or "
            "through a Harbourian withdrawal, in an interview with Quay Television recorded before "
            "his visit to Sudport.",
            "his army will take the whole valley either by force or through a Harbourian withdrawal",
            "interview",
        ),
        (
            "The minister said the port would reopen on Monday, in a statement on Telegram.",
            "the port would reopen on Monday",
            "statement",
        ),
        # no channel in the closing phrase: it stays
        (
            "The minister said the port would reopen on Monday, in line with the agreement.",
            "the port would reopen on Monday, in line with the agreement",
            None,
        ),
        # the content's own verb is one of saying: the channel is its speaker's
        (
            "The ministry said the president had announced the plan, in a televised address on Sunday.",
            "the president had announced the plan, in a televised address on Sunday",
            None,
        ),
        (
            "The envoy said talks would resume in Geneva, at the request of both sides.",
            "talks would resume in Geneva, at the request of both sides",
            None,
        ),
    ],
)
def test_a_closing_channel_phrase_is_the_cues(parser, text, content, channel):
    assert (content, channel) in _reported(parser, text)
