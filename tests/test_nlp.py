"""The NLP layer: each paragraph parsed on its own, the Doc's text identical to the article's."""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser, paragraphs

TEXT = (
    "Background\n\n"
    "The trade minister met her counterpart in Port Aven on Monday.\n"
    "She said the talks were useful.\n\n\n"
    "Tariffs remain the sticking point"
)


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


@pytest.mark.parametrize("text", [TEXT, "", "one line", "ends with breaks\n\n", "\n\nstarts with breaks"])
def test_paragraph_pieces_join_back_to_the_text(text):
    assert "".join(paragraphs(text)) == text


def test_no_sentence_or_dependency_crosses_a_line_break(parser):
    (doc,) = parser.parse([TEXT])
    assert doc.text == TEXT
    for sent in doc.sents:
        assert "\n" not in sent.text.strip()
    heading = doc[0]
    assert heading.text == "Background" and all(t.i < 3 for t in heading.subtree)
    assert [t.idx for t in doc if t.text == "She"] == [TEXT.index("She")]


def test_docs_come_back_in_order(parser):
    texts = ["First article.\n\nIts second paragraph.", "Second article.", "Third.\nLine two."]
    assert [d.text for d in parser.parse(texts)] == texts


def test_the_joined_parse_is_the_one_doc_from_docs_makes(parser):
    """``join_docs`` builds the article's Doc from the paragraphs' attribute arrays (faster than
    spaCy's ``Doc.from_docs``, which reads every token through a Token object): byte for byte the
    same Doc, parse, entities and sentences included."""
    from spacy.tokens import Doc

    from parley.nlp.join import join_docs

    pieces = list(parser.nlp.pipe(paragraphs(TEXT)))
    joined = join_docs(pieces, "".join(p.text for p in pieces))
    assert joined.to_bytes() == Doc.from_docs(pieces, ensure_whitespace=False).to_bytes()
    assert [e.text for e in joined.ents] and len(list(joined.sents)) >= len(pieces)
