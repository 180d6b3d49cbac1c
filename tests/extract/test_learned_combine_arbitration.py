"""combine(): which source a rule's direct quote keeps when a model proposal covers the same
quote (the rules' cue and content stay; only the bounds of the same mention, or a missing
source, come from the model)."""

from __future__ import annotations

from parley.extract.attribution.combined import combine
from parley.extract.attribution.learned import Proposal
from parley.models import Attribution, Span

TEXT = (
    '"We will not sign a deal that leaves the border open," said Maria Lindqvist, a negotiator '
    "for the coalition who has led three rounds of talks. The envoy added that a ceasefire "
    'was close. "The next meeting is in Geneva," an aide to the envoy told reporters.'
)


def span_of(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words))


QUOTE = span_of('"We will not sign a deal that leaves the border open,"')
SAID = span_of("said")
LONG = span_of("Maria Lindqvist, a negotiator for the coalition who has led three rounds of talks")
SHORT = span_of("Maria Lindqvist, a negotiator for the coalition")


def direct(content: Span, source: Span | None, cue: Span | None, **more) -> Attribution:
    return Attribution(content=content, kind="direct", source=source, cue=cue, **more)


def prop(attribution: Attribution, confidence: float = 0.9, **checks) -> Proposal:
    """A proposal that passes every check of combine() but those given."""
    fields = {"words": 9, "clause": True, "speaker": True} | checks
    return Proposal(attribution, confidence, **fields)


def test_a_direct_quote_takes_the_bounds_the_model_gives_the_same_speaker():
    rule = direct(QUOTE, LONG, SAID)
    (out,) = combine([rule], [prop(direct(QUOTE, SHORT, SAID))])
    assert (out.content, out.cue, out.source) == (QUOTE, SAID, SHORT)
    # and the other way round: the model's mention holds the rules'
    name = span_of("Maria Lindqvist")
    (out,) = combine([direct(QUOTE, name, SAID)], [prop(direct(QUOTE, SHORT, SAID))])
    assert out.source == SHORT


def test_a_direct_quote_without_a_source_takes_the_models():
    rule = direct(QUOTE, None, None)
    (out,) = combine([rule], [prop(direct(QUOTE, SHORT, SAID))])
    assert (out.content, out.cue, out.source) == (QUOTE, None, SHORT)


def test_another_speaker_an_unsure_proposal_or_one_that_is_no_statement_change_nothing():
    rule = direct(QUOTE, LONG, SAID)
    elsewhere = span_of("The envoy")
    assert combine([rule], [prop(direct(QUOTE, elsewhere, SAID))]) == [rule]
    assert combine([rule], [prop(direct(QUOTE, SHORT, SAID), 0.3)]) == [rule]
    assert combine([rule], [prop(direct(QUOTE, SHORT, SAID), passive=True)]) == [rule]
    assert combine([rule], [prop(direct(QUOTE, None, SAID))]) == [rule]


def test_a_reported_record_and_an_embedded_quote_keep_their_sources():
    content = span_of("a ceasefire was close")
    envoy = span_of("The envoy")
    reported = Attribution(content=content, kind="reported", source=envoy, cue=span_of("added"))
    model = Attribution(content=content, kind="reported", source=span_of("envoy"), cue=span_of("added"))
    assert combine([reported], [prop(model)]) == [reported]
    later = span_of('"The next meeting is in Geneva,"')
    embedded = direct(later, envoy, span_of("told"), embedded_in="report", outer=content)
    aide = span_of("an aide to the envoy")
    assert combine([embedded], [prop(direct(later, aide, span_of("told")))]) == [embedded]


def test_the_proposal_sharing_most_of_the_quote_decides():
    rule = direct(QUOTE, LONG, SAID)
    part = Span(QUOTE.start, QUOTE.start + 10)
    near = prop(direct(part, span_of("The envoy"), SAID), 0.99)
    same = prop(direct(QUOTE, SHORT, SAID), 0.6)
    (out,) = combine([rule], [near, same])
    assert out.source == SHORT
