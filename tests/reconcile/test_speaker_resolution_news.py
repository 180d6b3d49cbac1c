"""Speakers resolved the way crawled news needs: a name the model missed in the speaker words is
the person the article names with it; "the archbishop" is the one archbishop the article named,
never someone brought in as "one minister"; and a named organisation that speaks becomes an
actor, its abbreviation grouped with the name an article spells out for it, while a name of a
kind of body alone ("the Ministry of Defence"), a people ("the Northerners"), a person's name
and a fragment stay unresolved. Names, places and the registry are made up."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.corpus_steps import _by_span, _speaker
from parley.extract.attribution import extract_attributions
from parley.extract.registry import ActorRegistry
from parley.extract.statements import build_statements
from parley.models import Article, Mention, Span, Statement
from parley.nlp import SpacyParser
from tests.extract.statement_runs import SIDES

REGISTRY = (
    SIDES
    + """\
actors:
  - id: karl-brandt
    name: Karl Brandt
    kind: person
    side: north
    roles: [Foreign minister]
  - id: southern-defence-ministry
    name: Southern Ministry of Defence
    kind: institution
    side: south
"""
)


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> ActorRegistry:
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return ActorRegistry.load(path)


@pytest.fixture(scope="module")
def statements(registry):
    """The statements of a text, with the person mentions given (words, label, nth place) rather
    than the model's: each test reads one rule whatever the model finds."""
    parser = SpacyParser()

    def run(text: str, people: list[tuple[str, str, int]]) -> list[Statement]:
        (doc,) = parser.parse([text])
        mentions = []
        for words, label, nth in people:
            start = -1
            for _ in range(nth + 1):
                start = text.index(words, start + 1)
            actor_id = registry.match_name(words)
            mentions.append(Mention("a1", Span(start, start + len(words)), words, label, actor_id))
        mentions.sort(key=lambda m: m.span.start)
        article = Article("a1", "0" * 64, "Talks", text, "mem://a1", "text", published=dt.date(2026, 3, 2))
        return build_statements(article, doc, extract_attributions(doc), mentions, [], registry, "test")

    return run


def _said(found: list[Statement], words: str) -> Statement:
    (s,) = [s for s in found if words in s.text]
    return s


def _ref(text: str, s: Statement) -> str | None:
    return s.speaker_ref.of(text) if s.speaker_ref else None


# -- speakers in the text -----------------------------------------------------------------------


def test_a_name_the_model_missed_in_the_speaker_words_is_the_person_named_elsewhere(statements):
    text = (
        "Council chair Greta Holm opened the session in Nordstad. "
        "Holm rejected the southern offer of a partial truce on Tuesday. "
        "Later Holm said that the ports would reopen in spring."
    )
    # the model found the full name and the second "Holm", not the third
    found = statements(text, [("Greta Holm", "PERSON", 0), ("Holm", "PERSON", 1)])
    s = _said(found, "ports would reopen")
    assert _ref(text, s) in ("Greta Holm", "Holm")


def test_a_missed_surname_shared_by_two_people_the_article_names_is_no_one(statements):
    text = (
        "Greta Holm and her cousin Erik Holm both spoke at the rally in Nordstad. "
        "Later Holm said that the ports would reopen in spring."
    )
    found = statements(text, [("Greta Holm", "PERSON", 0), ("Erik Holm", "PERSON", 0)])
    assert _said(found, "ports would reopen").speaker_ref is None


def test_the_archbishop_is_the_one_archbishop_the_article_named(statements):
    text = (
        "Archbishop Anton Welk led the prayers in Nordstad on Sunday. "
        "The service drew thousands despite the cold. "
        "The archbishop said that the churches would stay open as shelters."
    )
    found = statements(text, [("Archbishop Anton Welk", "PERSON", 0)])
    assert _ref(text, _said(found, "stay open as shelters")) == "Archbishop Anton Welk"


def test_the_photographer_is_the_one_named_with_that_noun_over_a_bare_the_photographer(statements):
    text = (
        "The book collects the work of Nordstad photographer Lena Sorn. "
        "The photographer spent three years at the front. "
        "The photographer said that every picture had a name behind it."
    )
    found = statements(text, [("Lena Sorn", "PERSON", 0)])
    assert _ref(text, _said(found, "every picture had a name")) == "Lena Sorn"


def test_the_minister_after_one_unnamed_minister_is_no_one_named(statements):
    text = (
        "Foreign Minister Karl Brandt opened the conference in Nordstad. "
        "One senior minister, who asked not to be named, recalled a heated call with the south. "
        "The minister said that nobody had been ready for the winter."
    )
    found = statements(text, [("Karl Brandt", "PERSON", 0)])
    s = _said(found, "nobody had been ready")
    assert s.speaker_actor_id is None and s.speaker_ref is None


def test_two_people_named_with_the_noun_leave_the_noun_unresolved(statements):
    text = (
        "Archbishop Anton Welk and Archbishop Pavel Dorn met in Nordstad on Sunday. "
        "The archbishop said that the churches would stay open as shelters."
    )
    found = statements(text, [("Archbishop Anton Welk", "PERSON", 0), ("Archbishop Pavel Dorn", "PERSON", 0)])
    assert _said(found, "stay open as shelters").speaker_ref is None


# -- organisations that speak -------------------------------------------------------------------


def _statement(article: str, words: str, start: int, ref: Span | None = None) -> Statement:
    return Statement(
        id=f"{article}-{start}",
        article_id=article,
        speaker=words,
        speaker_actor_id=None,
        cue="said",
        text="the front was quiet",
        kind="reported",
        span=Span(start + len(words) + 6, start + len(words) + 25),
        speaker_span=Span(start, start + len(words)),
        speaker_ref=ref,
    )


def _org(article: str, start: int, words: str, label: str = "ORG") -> Mention:
    return Mention(article, Span(start, start + len(words)), words, label)


def test_an_organisation_that_speaks_is_an_actor_its_abbreviation_grouped_with_its_name(registry):
    mentions = [
        _org("a1", 0, "The Institute for Border Studies"),
        _org("a1", 34, "IBS"),
        _org("a2", 0, "IBS"),
        _org("a3", 0, "the IBS"),
    ]
    spans = _by_span(mentions)
    known: dict = {}
    said = [
        _statement("a1", "The Institute for Border Studies (IBS)", 0),
        _statement("a2", "IBS", 0),
        _statement("a3", "the IBS", 0),
    ]
    ids = {_speaker(s, spans, {}, known, registry) for s in said}
    assert len(ids) == 1
    (actor_id,) = ids
    actor = known[actor_id]
    assert (actor.name, actor.kind, actor.aliases) == (
        "Institute for Border Studies",
        "organisation",
        ("IBS",),
    )


def test_a_side_qualified_body_the_model_missed_is_an_actor_of_that_side(registry):
    known: dict = {}
    s = _statement("a1", "The Northern General Staff", 0)
    actor_id = _speaker(s, _by_span([]), {}, known, registry)
    assert actor_id is not None
    assert (known[actor_id].name, known[actor_id].side) == ("Northern General Staff", "north")


def test_a_registered_body_spelt_another_way_is_the_registered_one(registry):
    known: dict = {}
    s = _statement("a1", "The Southern Ministry of Defense", 0)
    mentions = [_org("a1", 0, "The Southern Ministry of Defense")]
    assert _speaker(s, _by_span(mentions), {}, known, registry) == "southern-defence-ministry"


@pytest.mark.parametrize(
    ("words", "mentions"),
    [
        ("the Ministry of Defence", [_org("a1", 0, "the Ministry of Defence")]),  # whose?
        ("The General Staff", []),
        ("the Northerners", [_org("a1", 4, "Northerners", "NORP")]),  # a people
        ("Ilse Varga", [_org("a1", 0, "Ilse Varga")]),  # a person's name the model misread
        ("Order of Battle", []),  # a heading the words were read from
        ("the West", []),  # one word after "the", no organisation found there
        ("the State Border Service of", [_org("a1", 0, "the State Border Service of")]),  # a fragment
        (
            "The Institute for Border Studies and its partners",
            [_org("a1", 0, "The Institute for Border Studies")],
        ),
    ],
)
def test_no_actor_for_a_kind_of_body_a_people_a_person_or_a_fragment(registry, words, mentions):
    known: dict = {}
    assert _speaker(_statement("a1", words, 0), _by_span(mentions), {}, known, registry) is None
    assert known == {}
