"""``According to X, NAME, ...`` and ``According to X, citing Y, ...``: a name in apposition to
the source that the parser made a first subject of the clause's verb (which has its own subject
after it) is the source's, and a relay of the source's ("citing", "quoting") set off by commas is
no part of the content. Other sentences of the same shape keep their reading. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser
from tests.extract.attribution_records import records as _records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _source_content(parser, text: str) -> list[tuple[str | None, str]]:
    return [(source, " / ".join(parts)) for _kind, source, _cue, parts in _records(parser, text)]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "According to research by one policy institute, The Harbour Strategy Institute (HSI), when "
            "the council opened the port talks, it expected them to end within a week.",
            "research by one policy institute, The Harbour Strategy Institute (HSI)",
            "when the council opened the port talks, it expected them to end within a week",
        ),
        (
            "According to Quay Herald, citing The Morning Ledger, the Upland delegation appears to have "
            "won two new fishing zones.",
            "Quay Herald",
            "the Upland delegation appears to have won two new fishing zones",
        ),
        (  # the relay is no part of the source either
            "According to Quay Herald, also citing The Morning Ledger, the Upland delegation appears "
            "to have won two new fishing zones.",
            "Quay Herald",
            "the Upland delegation appears to have won two new fishing zones",
        ),
        (
            "According to the bulletin, quoting a harbour official, the ferries will resume on Monday.",
            "the bulletin",
            "the ferries will resume on Monday",
        ),
        # and what keeps its reading: the name is the clause's only subject: it stays in the content
        (
            "According to the report, Harbouria, which won the vote, will now lead the talks.",
            "the report",
            "Harbouria, which won the vote, will now lead the talks",
        ),
        # a participle that is no relay stays
        (
            "According to the ministry, speaking after the vote, the envoy rejected the offer.",
            "the ministry",
            "speaking after the vote, the envoy rejected the offer",
        ),
    ],
)
def test_what_belongs_to_the_source_is_left_out_of_the_content_and_only_that(parser, text, source, content):
    assert (source, content) in _source_content(parser, text)
