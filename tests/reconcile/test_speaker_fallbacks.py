"""Speakers the model left unresolved or took wrong, and roles taken wrong: speaker words that are
exactly one person actor's name are that person (a surname two people share, a pronoun or a
common word never); a name inside an "including ..." aside is not the speaker; "the prelate" is
the one person named with a title of its class, "the think-tank" the one institute named before;
a title the name starts with goes on with the words before it ("Major" + "Archbishop"), and a
plural before several names is no one's role. Names, places and the registry are made up."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.corpus_steps import _by_span, _speaker
from parley.extract.attribution import extract_attributions
from parley.extract.mentions import find_mentions
from parley.extract.registry import ActorRegistry
from parley.extract.statements import build_statements
from parley.models import Actor, Article, Mention, Span, Statement
from parley.nlp import SpacyParser
from tests.extract.statement_runs import SIDES, load_registry

REGISTRY = (
    SIDES
    + """\
actors:
  - id: karl-brandt
    name: Karl Brandt
    kind: person
    side: north
"""
)


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> ActorRegistry:
    return load_registry(tmp_path_factory, REGISTRY)


def _person(actor_id: str, name: str, *aliases: str) -> Actor:
    return Actor(id=actor_id, name=name, kind="person", aliases=aliases)


KNOWN = {
    a.id: a
    for a in (
        _person("dara-o-fenn", "Dara O’Fenn", "O’Fenn"),
        _person("ivo-marek", "Ivo Marek", "Marek"),
        _person("lena-sorn", "Lena Sorn", "Sorn"),
        _person("erik-sorn", "Erik Sorn"),
        _person("tom-post", "Tom Post", "Post"),
        _person("karl-brandt", "Karl Brandt"),
    )
}


def _said(text: str, words: str, ref: Span | None = None, actor_id: str | None = None) -> Statement:
    start = text.index(words)
    return Statement(
        id=f"s{start}",
        article_id="a1",
        speaker=words,
        speaker_actor_id=actor_id,
        cue="said",
        text="the ports would reopen",
        kind="reported",
        span=Span(len(text) - 5, len(text) - 1),
        speaker_span=Span(start, start + len(words)),
        speaker_ref=ref,
    )


def _resolve(registry, text: str, s: Statement, mentions: tuple[Mention, ...] = ()) -> str | None:
    spans = _by_span(list(mentions), [s], lambda _: text)
    return _speaker(s, spans, {}, dict(KNOWN), registry)


# -- a name the model found no person in ------------------------------------------------------


def test_a_surname_with_a_curly_apostrophe_is_the_one_person_of_that_name(registry):
    text = "Sanctions were tightened again, O'Fenn highlighted, and the fleet was targeted."
    assert _resolve(registry, text, _said(text, "O'Fenn")) == "dara-o-fenn"


def test_a_full_name_after_a_quote_is_that_person(registry):
    text = "“The offensive has run out of men,” – Ivo Marek wrote on his channel."
    assert _resolve(registry, text, _said(text, "Ivo Marek")) == "ivo-marek"


def test_a_surname_two_people_share_is_no_one(registry):
    text = "The ports would reopen in spring, Sorn said on Tuesday."
    assert _resolve(registry, text, _said(text, "Sorn")) is None


def test_a_shared_surname_is_the_one_the_article_names(registry):
    text = "Lena Sorn visited Nordstad. The ports would reopen in spring, Sorn said on Tuesday."
    named = Mention("a1", Span(0, 9), "Lena Sorn", "PERSON", "lena-sorn")
    assert _resolve(registry, text, _said(text, "Sorn"), (named,)) == "lena-sorn"


def test_a_pronoun_or_a_common_word_is_no_one(registry):
    text = "He said the ports would reopen. The post office was shut. Post said nothing more."
    assert _resolve(registry, text, _said(text, "He")) is None
    assert _resolve(registry, text, _said(text, "Post")) is None


# -- a name inside an aside ---------------------------------------------------------------------


def test_a_name_inside_an_including_aside_is_not_the_speaker(registry):
    text = (
        "Most of the bloc – including the Northern president, Karl Brandt – dismissed the warnings "
        "as alarmist."
    )
    words = "Most of the bloc – including the Northern president, Karl Brandt"
    at = text.index("Karl Brandt")
    ref = Span(at, at + len("Karl Brandt"))
    named = Mention("a1", ref, "Karl Brandt", "PERSON", "karl-brandt")
    s = _said(text, words, ref, "karl-brandt")
    assert _resolve(registry, text, s, (named,)) is None


def test_a_name_before_the_aside_is_still_the_speaker(registry):
    text = "Karl Brandt, including in his speech on Monday, dismissed the warnings as alarmist."
    words = "Karl Brandt, including in his speech on Monday"
    ref = Span(0, len("Karl Brandt"))
    named = Mention("a1", ref, "Karl Brandt", "PERSON", "karl-brandt")
    s = _said(text, words, ref, "karl-brandt")
    assert _resolve(registry, text, s, (named,)) == "karl-brandt"


# -- roles ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def roles(registry):
    parser = SpacyParser()

    def run(text: str) -> dict[str, str | None]:
        (doc,) = parser.parse([text])
        return {m.text: m.role for m in find_mentions(doc, "a1", registry) if m.label == "PERSON"}

    return run


def test_a_title_word_before_a_title_in_the_name_is_one_title_with_it(roles):
    found = roles("Speaking in Nordstad, Major Archbishop Anton Welk said the churches were shelters.")
    ((name, role),) = found.items()
    assert name.endswith("Anton Welk") and role == "Major Archbishop"


def test_a_plural_before_several_names_is_no_ones_role(roles):
    found = roles(
        "On this week's episode, the host spoke with Nordstad experts Anna Vikander, Per Dahlberg, "
        "and Mats Eklund on the anniversary."
    )
    assert found.get("Anna Vikander", "missing") is None


def test_a_role_before_a_name_stays(roles):
    found = roles("Northern Foreign Minister Karl Brandt arrived in Nordstad on Monday.")
    assert found["Karl Brandt"] == "Northern Foreign Minister"


# -- a noun for a person of the class of a title or role word ----------------------------------


@pytest.fixture(scope="module")
def statements(registry):
    """The statements of a text, with the person mentions given (words, role) rather than the
    model's: each test reads one rule whatever the model finds."""
    parser = SpacyParser()

    def run(text: str, people: list[tuple[str, str | None]]) -> tuple[str, list[Statement]]:
        (doc,) = parser.parse([text])
        mentions = []
        for words, role in people:
            start = text.index(words)
            mentions.append(Mention("a1", Span(start, start + len(words)), words, "PERSON", None, role))
        mentions.sort(key=lambda m: m.span.start)
        article = Article("a1", "0" * 64, "Trial", text, "mem://a1", "text", published=dt.date(2026, 3, 2))
        return text, build_statements(article, doc, extract_attributions(doc), mentions, [], registry, "test")

    return run


def _ref_of(found: tuple[str, list[Statement]], words: str) -> str | None:
    text, said = found
    (s,) = [s for s in said if words in s.text]
    return s.speaker_ref.of(text) if s.speaker_ref else None


def test_the_linguist_is_the_one_person_described_as_a_linguistic_expert(statements):
    found = statements(
        "According to Ada Brenn, a linguistic expert at the court, the posts called for violence. "
        "“The word implies the end of a life,” said the linguist.",
        [("Ada Brenn", "linguistic expert at the court")],
    )
    assert _ref_of(found, "end of a life") == "Ada Brenn"


def test_the_prelate_is_the_one_person_named_with_a_church_title(statements):
    found = statements(
        "Archbishop Anton Welk led the prayers in Nordstad on Sunday. "
        "The service drew thousands despite the cold. "
        "The prelate said that the churches would stay open as shelters.",
        [("Archbishop Anton Welk", None)],
    )
    assert _ref_of(found, "stay open as shelters") == "Archbishop Anton Welk"


def test_two_people_described_with_the_class_leave_the_noun_unresolved(statements):
    found = statements(
        "Archbishop Anton Welk and Bishop Pavel Dorn led the prayers in Nordstad on Sunday. "
        "The prelate said that the churches would stay open as shelters.",
        [("Archbishop Anton Welk", None), ("Bishop Pavel Dorn", None)],
    )
    assert _ref_of(found, "stay open as shelters") is None


# -- a body described by its kind ---------------------------------------------------------------


def _org(text: str, words: str) -> Mention:
    start = text.index(words)
    return Mention("a1", Span(start, start + len(words)), words, "ORG")


def test_the_think_tank_is_the_one_institute_named_before(registry):
    text = (
        "Aid has dropped, according to the Harbour Institute. "
        "“The centre of gravity has shifted,” the German think-tank concluded."
    )
    s = _said(text, "the German think-tank")
    known = dict(KNOWN)
    actor_id = _speaker(
        s, _by_span([_org(text, "the Harbour Institute")], [s], lambda _: text), {}, known, registry
    )
    assert actor_id is not None and known[actor_id].name == "Harbour Institute"


def test_a_body_description_with_two_institutes_or_another_side_is_no_one(registry):
    text = (
        "Aid has dropped, according to the Harbour Institute and the Bay Institute. "
        "“The centre of gravity has shifted,” the institute concluded."
    )
    s = _said(text, "the institute")
    spans = _by_span(
        [_org(text, "the Harbour Institute"), _org(text, "the Bay Institute")], [s], lambda _: text
    )
    assert _speaker(s, spans, {}, dict(KNOWN), registry) is None
    text = (
        "Aid has dropped, according to the Sudport Institute. “It has shifted,” the Northern institute said."
    )
    s = _said(text, "the Northern institute")
    spans = _by_span([_org(text, "the Sudport Institute")], [s], lambda _: text)
    assert _speaker(s, spans, {}, dict(KNOWN), registry) is None
    text = "Aid has dropped, according to the Harbour Institute. “It has shifted,” the other institute said."
    s = _said(text, "the other institute")
    spans = _by_span([_org(text, "the Harbour Institute")], [s], lambda _: text)
    assert _speaker(s, spans, {}, dict(KNOWN), registry) is None
