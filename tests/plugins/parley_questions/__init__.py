"""A plugin as a third party would write it: a new record type and the component producing it.

It is found through the ``parley.components`` entry point (see ``tests/test_plugins.py``), with
no change anywhere under ``parley/``. A ``question`` is a sentence of an article that ends with a
question mark: the open questions a piece raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.models import Span
from parley.pipeline import Analysis, Context, Step, component
from parley.records import record_type


@record_type(
    "question",
    scope="article",
    key=lambda q: str(q.span.start),
    indexes=("words",),
    text_field="text",
    description="a sentence that ends with a question mark",
)
@dataclass(frozen=True)
class Question:
    article_id: str
    span: Span
    text: str
    words: int


@component("questions", requires=("doc",), produces=("question",))
def questions(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        found = [
            Question(a.article.id, Span(s.start_char, s.end_char), s.text, len(s))
            for s in a.parsed.sents
            if s.text.rstrip().endswith("?")
        ]
        return {"question": found}

    return step
