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


def _long_articles() -> list[str]:
    """Three articles of many short paragraphs and one of a few long ones (as crawled pages are)."""
    line = "The envoy said on {day} that the talks in Port Aven would resume after the holiday."
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    short = "\n".join(line.format(day=days[n % 5]) for n in range(60))
    long = "\n\n".join(" ".join(line.format(day=d) for d in days * 4) for _ in range(3))
    return [short, long, short.replace("envoy", "minister"), "A last, short one."]


def test_a_parse_batch_holds_about_batch_chars_characters(parser, monkeypatch):
    """A batch's memory grows with its tokens (32 long crawled articles at once took 950 MiB over
    the model): the count of paragraphs handed to spaCy together follows the characters, and
    ``batch_size`` still bounds it by articles."""
    texts = _long_articles()
    pieces = [p for t in texts for p in paragraphs(t)]
    mean = sum(map(len, pieces)) / len(pieces)
    sizes = []
    pipe = parser.nlp.pipe  # every SpacyParser of a model shares its loaded pipeline

    def spy(texts, batch_size, **kw):
        sizes.append(batch_size)
        return pipe(texts, batch_size=batch_size, **kw)

    monkeypatch.setattr(parser.nlp, "pipe", spy)
    list(SpacyParser(batch_chars=2_000).parse(texts))
    list(SpacyParser(batch_size=1).parse(texts))  # one article's paragraphs, on average
    list(parser.parse(texts))  # the defaults: the characters decide here
    assert len(sizes) == 3
    assert 2_000 - mean < sizes[0] * mean <= 2_000
    assert sizes[1] == len(pieces) // len(texts)
    assert sizes[2] >= len(pieces)  # under 25,000 characters in all: one batch


def test_the_batch_size_changes_no_parse(parser):
    texts = _long_articles()
    one = SpacyParser(batch_chars=1)  # a paragraph at a time
    for a, b in zip(parser.parse(texts), one.parse(texts), strict=True):
        assert a.to_bytes() == b.to_bytes()


@pytest.mark.parametrize("kw", [{"batch_size": 0}, {"batch_chars": 0}])
def test_an_empty_batch_is_refused(kw):
    from parley.errors import ConfigError

    with pytest.raises(ConfigError, match="a parse batch needs"):
        SpacyParser(**kw)
