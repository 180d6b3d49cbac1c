"""The attribution extractor's token table holds what spaCy's Token objects give, token by
token (the learned model's features are read from it)."""

from __future__ import annotations

import pytest

from parley.extract.attribution.tokens import TokenTable
from parley.nlp import SpacyParser

TEXTS = [
    "Talks Resume\n\n"
    'The minister said on Monday that the deal was "close," adding: "We will sign it."\n'
    "According to officials, the plan — which Ms. Lind called a disaster — was dropped.\n\n\n"
    "Port Aven's mayor, who spoke to reporters, would not say whether tariffs stay.",
    "one line",
    "",
]


@pytest.fixture(scope="module")
def docs():
    return list(SpacyParser().parse(TEXTS))


def test_the_table_holds_each_tokens_attributes(docs):
    for doc in docs:
        table = TokenTable(doc)
        assert table.text == [t.text for t in doc]
        assert table.lower == [t.lower_ for t in doc]
        assert table.lemma == [t.lemma_.lower() for t in doc]
        assert table.pos == [t.pos_ for t in doc]
        assert table.tag == [t.tag_ for t in doc]
        assert table.dep == [t.dep_ for t in doc]
        assert table.ent_iob == [t.ent_iob_ for t in doc]
        assert table.ent_type == [t.ent_type_ for t in doc]
        assert table.head == [t.head.i for t in doc]
        assert table.idx == [t.idx for t in doc]
        assert table.space == [t.is_space for t in doc]
        assert table.alpha == [t.is_alpha for t in doc]
        assert table.punct == [t.is_punct for t in doc]
        assert table.title == [t.is_title for t in doc]
        assert table.sent_start == [bool(t.is_sent_start) for t in doc]
        assert [table.children(t.i) for t in doc] == [[c.i for c in t.children] for t in doc]
        assert [table.end(t.i) for t in doc] == [t.idx + len(t.text) for t in doc]
