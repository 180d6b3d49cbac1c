"""Nested content is not the inner subject's voice: a clause someone denies, relays or is asked
about makes no statement of its subject's. Sentences written for these tests, run through the
real pipeline (parse, mentions, attributions, times, statements) in one batch."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.extract.attribution import extract_attributions
from parley.extract.registry import ActorRegistry
from parley.models import RawArticle, Statement
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline

REGISTRY = """\
sides:
  - id: russia
    name: Russia
    places: [Russia, Moscow]
  - id: ukraine
    name: Ukraine
    places: [Ukraine, Kyiv]
actors:
  - id: dmitry-peskov
    name: Dmitry Peskov
    kind: person
    side: russia
    roles: [Kremlin spokesman]
  - id: vladimir-putin
    name: Vladimir Putin
    kind: person
    side: russia
    roles: [President]
  - id: yuri-ushakov
    name: Yuri Ushakov
    kind: person
    side: russia
  - id: volodymyr-zelensky
    name: Volodymyr Zelensky
    kind: person
    side: ukraine
    roles: [President]
"""

TITLE = "Kremlin comments on the peace plan"

# (key, paragraph): every text opens with the same short lead naming the people, so that
# surnames alone resolve as they would in a real article.
LEAD = (
    "Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow on Wednesday, a day after "
    "President Vladimir Putin met US envoys."
)
# A sentence after each text with no outer speaker: the one statement the paragraph must give,
# so that finding nothing at all cannot pass for dropping the embedded clause.
CONTROL = " Zelensky said the talks would go on."
TEXTS = {
    "refuted-assertions": "Peskov on Wednesday refuted assertions that Putin has dismissed the peace plan.",
    "denied-reports": "Peskov denied reports that Putin had rejected the American proposal.",
    "dismissed-claims-quote": 'Peskov dismissed claims that Putin had said "we will never sign this deal".',
    "asked-about-reports": (
        '"It is nonsense," Peskov said when asked about reports that Putin had rejected the plan.'
    ),
    "asked-about-a-quote": (
        '"We do not comment on rumours," Peskov said when asked about reports that Putin had said '
        '"the deal is dead".'
    ),
    "question-about-claims": (
        '"No, it would not be accurate," Peskov said in response to questions about whether claims '
        "that Putin rejected the initiative were correct."
    ),
    "asked-whether": 'Asked whether Putin had rejected the plan, Peskov said: "No, he has not."',
    "was-asked": "Peskov was asked whether Putin would reject the plan." + CONTROL,
    "headline-question": "Did Putin really reject the peace plan?" + CONTROL,
    "not-true": "It is not true that Putin rejected the plan." + CONTROL,
    "unrelayed-report": "Reports that Putin rejected the plan circulated in Kyiv on Tuesday." + CONTROL,
    "claims-are-false": "Claims that Putin agreed to a ceasefire are false, Peskov said.",
    "according-to-reports": "According to reports, Putin said he would not meet Zelensky before the summer.",
    "reports-say": "Reports say Putin told the envoys that he would not withdraw troops.",
    "plain-nesting": "Peskov said Putin has rejected the plan.",
    "report-alleging": "Peskov cited a report alleging that Kyiv had broken the truce.",
}
# (key, label, content) of the embedded clause each of these holds, with no outer statement
NO_OUTER = {
    "was-asked": ("question", "whether Putin would reject the plan"),
    "headline-question": ("question", "Did Putin really reject the peace plan"),
    "not-true": ("denial", "that Putin rejected the plan"),
    "unrelayed-report": ("report", "that Putin rejected the plan"),
}
RELAYED = ("according-to-reports", "reports-say")
INNER = "vladimir-putin"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    parser = SpacyParser()
    pipeline = Pipeline(("mentions", "attributions", "times", "statements"), parser, Context(registry))
    articles = [
        clean_article(
            RawArticle(f"embedding-{key}", "text", f"{TITLE}\n\n{LEAD}\n\n{body}", title=TITLE),
            today=dt.date(2025, 12, 4),
        )
        for key, body in TEXTS.items()
    ]
    out = {}
    for key, article, analysis in zip(TEXTS, articles, pipeline.run(articles), strict=True):
        out[key] = (article, list(analysis["statement"]), list(analysis["attribution"]))
    return out


def _in_body(article, statements: list[Statement]) -> list[Statement]:
    """The statements of the test paragraph (after the lead)."""
    start = article.text.index(LEAD) + len(LEAD)
    return [s for s in statements if s.span.start >= start]


def _embedded(analysed, key: str) -> tuple[Statement, dict[str, Statement], str]:
    article, statements, _ = analysed[key]
    found = [s for s in _in_body(article, statements) if s.embedded_in]
    assert len(found) == 1, [(s.speaker, s.text, s.embedded_in) for s in statements]
    return found[0], {s.id: s for s in statements}, article.text


@pytest.mark.parametrize("key", [k for k in TEXTS if k not in RELAYED])
def test_no_statement_or_attribution_speaks_for_the_inner_subject(analysed, key):
    article, statements, attributions = analysed[key]
    body = _in_body(article, statements)
    assert body, key
    assert not [s for s in body if s.speaker_actor_id == INNER], [(s.speaker, s.text) for s in body]
    start = article.text.index(LEAD) + len(LEAD)
    sources = [a.source.of(article.text) for a in attributions if a.source and a.content.start >= start]
    assert "Putin" not in sources


@pytest.mark.parametrize(
    "key,label,words",
    [
        ("asked-about-reports", "report", "that Putin had rejected the plan"),
        ("asked-about-a-quote", "report", 'that Putin had said "the deal is dead"'),
        ("question-about-claims", "question", "that Putin rejected the initiative"),
        ("asked-whether", "question", "whether Putin had rejected the plan"),
    ],
)
def test_embedded_statement_takes_the_outer_speaker_and_points_at_it(analysed, key, label, words):
    s, by_id, text = _embedded(analysed, key)
    assert s.embedded_in == label
    assert s.text == words
    assert s.speaker == "Peskov" and s.speaker_actor_id == "dmitry-peskov"
    assert s.outer_id is not None and s.outer_id in by_id
    outer = by_id[s.outer_id]
    assert outer.embedded_in is None and outer.speaker_actor_id == "dmitry-peskov"
    assert s.speaker_span == outer.speaker_span and s.said_on == outer.said_on
    assert s.span.of(text) == s.text


@pytest.mark.parametrize(
    "key", ["refuted-assertions", "denied-reports", "dismissed-claims-quote", "claims-are-false"]
)
def test_a_denied_claim_stays_inside_the_denial(analysed, key):
    """The inner clause is part of the denial's content: one statement, the denier's (a quote
    in the claim included: it is no speech of the claim's subject)."""
    article, statements, _ = analysed[key]
    body = _in_body(article, statements)
    assert len(body) == 1, [(s.speaker, s.text) for s in body]
    assert body[0].speaker_actor_id == "dmitry-peskov" and body[0].embedded_in is None
    assert "Putin" in body[0].text


@pytest.mark.parametrize("key", list(NO_OUTER))
def test_a_clause_no_one_in_the_text_denies_relays_or_asks_has_no_speaker(analysed, key):
    """The writer's own question or denial, a report no one relays, a question put by no one
    named: an embedded record without a speaker or an outer statement (the control sentence
    after it is found as usual)."""
    article, statements, _ = analysed[key]
    body = _in_body(article, statements)
    assert [(s.speaker_actor_id, s.embedded_in, s.outer_id) for s in body] == [
        (None, NO_OUTER[key][0], None),
        ("volodymyr-zelensky", None, None),
    ], [(s.speaker, s.text, s.embedded_in) for s in body]
    assert body[0].speaker is None and body[0].speaker_span is None
    assert body[0].text.startswith(NO_OUTER[key][1]), body[0].text  # the parse may run on


def test_according_to_reports_x_said_is_x_statement(analysed):
    """The text asserts, on the reports' word, that Putin spoke: his statement, not embedded
    (as with "Tass reported Peskov as saying"); the reports' own statement is kept, marked as
    words they relay (no claim of theirs), with its speaker."""
    article, statements, _ = analysed["according-to-reports"]
    body = _in_body(article, statements)
    putin = [s for s in body if s.speaker_actor_id == INNER]
    assert len(putin) == 1, [(s.speaker, s.text) for s in body]
    assert putin[0].text == "he would not meet Zelensky before the summer"
    assert putin[0].embedded_in is None and putin[0].outer_id is None
    relays = [s for s in body if s.cue == "According to"]
    assert [(s.speaker, s.embedded_in, s.outer_id) for s in relays] == [("reports", "report", None)]


def test_reports_say_x_told_is_x_statement(analysed):
    article, statements, _ = analysed["reports-say"]
    body = _in_body(article, statements)
    putin = [s for s in body if s.speaker_actor_id == INNER]
    assert len(putin) == 1 and putin[0].cue == "told", [(s.speaker, s.text) for s in body]
    assert putin[0].embedded_in is None


def test_plain_nesting_is_the_outer_speaker_claim(analysed):
    """'Peskov said Putin has rejected the plan' is Peskov's claim, not a denial, report or
    question: one statement, Peskov's, not marked."""
    article, statements, _ = analysed["plain-nesting"]
    body = _in_body(article, statements)
    assert [(s.speaker_actor_id, s.embedded_in) for s in body] == [("dmitry-peskov", None)]


def test_a_report_that_speaks_is_a_source_not_a_claim(analysed):
    """'a report alleging that ...': the participle describes the report (the speaker), it is
    not the content of a claim noun."""
    article, statements, _ = analysed["report-alleging"]
    body = _in_body(article, statements)
    assert body and not [s for s in body if s.embedded_in], [(s.speaker, s.text) for s in body]


def test_extractor_marks_embedded_attributions_on_a_bare_parse():
    """The extractor alone (no mentions, no registry): the embedded attribution takes the
    outer source words and points at the outer content."""
    text = '"No, it is not accurate," Peskov said when asked about reports that Putin had rejected the plan.'
    (doc,) = SpacyParser().parse([text])
    found = extract_attributions(doc)
    embedded = [a for a in found if a.embedded_in]
    assert len(embedded) == 1, found
    a = embedded[0]
    assert a.embedded_in == "report" and a.source is not None and a.source.of(text) == "Peskov"
    assert a.outer is not None and a.outer.of(text) == '"No, it is not accurate,"'
    assert a.content.of(text) == "that Putin had rejected the plan"
    assert a.cue is not None and a.cue.of(text) == "rejected"
