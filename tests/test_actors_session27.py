"""Actors linked wrongly or not at all: a surname the corpus only ever writes with a title
("President Roe") is one person; "Jon Paul" in one article is not the "Jon Paul Roe" of
another; a place before another person's surname ("the Houston Gonzalez family") is no one; words
describing several people ("his wife and two aides") are no one's role. Names, places and the
registries are made up."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.mentions import find_mentions
from parley.extract.registry import ActorRegistry
from parley.models import Article, Mention, Span
from parley.nlp import SpacyParser
from parley.reconcile.actors import resolve_actors
from tests.extract.test_mention_shapes import REGISTRY

EMPTY = ActorRegistry([], [])


def _m(article: str, start: int, text: str, role: str | None = None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, "PERSON", None, role)


def _articles(dates: dict[str, dt.date | None], texts: dict[str, str] | None = None):
    def article(article_id: str) -> Article | None:
        if article_id not in dates:
            return None
        text = (texts or {}).get(article_id, "text")
        return Article(article_id, article_id, "t", text, article_id, "text", published=dates[article_id])

    return article


def _resolve(mentions: list[Mention], dates: dict[str, dt.date | None], texts: dict[str, str] | None = None):
    actors, resolved = resolve_actors(mentions, EMPTY, articles=_articles(dates, texts))
    return {a.id: a for a in actors}, [m.actor_id for m in resolved]


# -- 1. a surname only ever written with a title --------------------------------------------------

SPRING = {"a1": dt.date(1990, 3, 1), "a2": dt.date(1990, 8, 1), "a3": dt.date(1990, 9, 1)}


def test_a_surname_titled_in_two_articles_near_in_time_is_one_person():
    # "President Halvorsen signed the bill ... Halvorsen said"; "Mr. Halvorsen told reporters":
    # both articles name his minister, Ada Brenner (another person both name shows one Halvorsen)
    mentions = [
        _m("a1", 0, "Halvorsen", "President"),
        _m("a1", 40, "Ada Brenner", "minister"),
        _m("a1", 80, "Halvorsen"),
        _m("a2", 10, "Halvorsen", "Mr."),
        _m("a2", 50, "Ada Brenner"),
        _m("a2", 90, "Halvorsen"),
    ]
    actors, ids = _resolve(mentions, SPRING)
    assert "halvorsen" in actors and actors["halvorsen"].name == "Halvorsen"
    assert ids == ["halvorsen", "ada-brenner", "halvorsen", "halvorsen", "ada-brenner", "halvorsen"]


def test_another_of_the_family_described_otherwise_is_not_joined():
    # "President Halvorsen's son ... the younger Halvorsen met the aides"
    mentions = [
        _m("a1", 0, "Halvorsen", "President"),
        _m("a1", 80, "Halvorsen", "younger"),
        _m("a2", 10, "Halvorsen", "President"),
    ]
    _, ids = _resolve(mentions, SPRING)
    assert ids == ["halvorsen", None, "halvorsen"]


def test_a_titled_surname_in_one_article_only_stays_unresolved():
    mentions = [_m("a1", 0, "Halvorsen", "President"), _m("a1", 80, "Halvorsen")]
    actors, ids = _resolve(mentions, SPRING)
    assert ids == [None, None] and not actors


def test_titled_surnames_a_decade_apart_are_not_joined():
    dates = {"a1": dt.date(1990, 3, 1), "a2": dt.date(2001, 3, 1)}
    mentions = [_m("a1", 0, "Halvorsen", "President"), _m("a2", 0, "Halvorsen", "President")]
    _, ids = _resolve(mentions, dates)
    assert ids == [None, None]


def test_titles_of_two_genders_or_two_offices_are_not_one_person():
    genders = [_m("a1", 0, "Halvorsen", "Mr."), _m("a2", 0, "Halvorsen", "Mrs.")]
    assert _resolve(genders, SPRING)[1] == [None, None]
    offices = [_m("a1", 0, "Halvorsen", "Senator"), _m("a2", 0, "Halvorsen", "Governor")]
    assert _resolve(offices, SPRING)[1] == [None, None]


def test_an_untitled_surname_stays_unresolved():
    # "Halvorsen rose 3 cents" twice: maybe a company, never given a title
    mentions = [_m("a1", 0, "Halvorsen"), _m("a2", 0, "Halvorsen")]
    assert _resolve(mentions, SPRING)[1] == [None, None]


def test_a_surname_the_corpus_names_in_full_near_in_time_still_joins_that_person():
    mentions = [
        _m("a1", 0, "Ada Halvorsen", "Senator"),
        _m("a2", 10, "Halvorsen", "Senator"),
        _m("a3", 10, "Halvorsen", "Senator"),
    ]
    actors, ids = _resolve(mentions, SPRING)
    assert set(actors) == {"ada-halvorsen"}
    assert ids == ["ada-halvorsen"] * 3


# -- 3. leading given names in another article ----------------------------------------------------


def test_two_given_names_are_not_another_articles_longer_name():
    # "the bishop invited Jon Paul to visit" vs. "Justice Jon Paul Reyes wrote"
    dates = {"a1": dt.date(1998, 1, 20), "a2": dt.date(1998, 4, 24)}
    mentions = [_m("a1", 0, "Jon Paul"), _m("a2", 0, "Jon Paul Reyes", "Justice")]
    actors, ids = _resolve(mentions, dates)
    assert ids[1] == "jon-paul-reyes"
    assert ids[0] != "jon-paul-reyes"


def test_leading_given_names_in_the_same_article_are_still_the_longer_name():
    dates = {"a1": dt.date(1998, 1, 20)}
    mentions = [_m("a1", 0, "Jon Paul Reyes", "Justice"), _m("a1", 90, "Jon Paul")]
    _, ids = _resolve(mentions, dates)
    assert ids == ["jon-paul-reyes", "jon-paul-reyes"]


# -- 2. a place before another person's surname; several people as a role -------------------------


@pytest.fixture(scope="module")
def mentions(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    parser = SpacyParser()

    def run(text: str) -> list[Mention]:
        (doc,) = parser.parse([text])
        return find_mentions(doc, "a1", registry)

    return run


PLACE_FAMILY = (
    "Tomas Gonzalez, 7, was rescued in November. His relatives in Houston want him to stay. His "
    'father, Andres Gonzalez, wants him back. "We speak for his mother," said Ray Klein, '
    "representing the Houston Gonzalez family."
)


def test_a_place_before_another_persons_surname_is_no_one(mentions):
    found = {m.text: m.label for m in mentions(PLACE_FAMILY)}
    assert not [n for n, label in found.items() if n.startswith("Houston") and label != "GPE"], found
    assert found.get("Andres Gonzalez") == "PERSON" and found.get("Ray Klein") == "PERSON", found


def test_a_person_whose_first_name_is_no_place_the_article_tags_keeps_the_name(mentions):
    text = "Lena Veld, the mayor of Chicago, met her brother, Oskar Veld, on Monday."
    found = {m.text: m.label for m in mentions(text)}
    assert found.get("Lena Veld") == "PERSON" and found.get("Oskar Veld") == "PERSON", found


def test_words_for_several_people_are_no_ones_role(mentions):
    text = (
        "The visas were approved for Tomas's father, Andres Veld, his second wife and two other "
        "relatives, the ministry said."
    )
    roles = {m.text: m.role for m in mentions(text) if m.label == "PERSON"}
    assert "Andres Veld" in roles and roles["Andres Veld"] is None, roles


def test_a_role_of_one_person_joined_by_and_is_kept(mentions):
    text = "Andres Veld, the chairman and chief executive of Veld Shipping, said on Monday that sales rose."
    roles = {m.text: m.role for m in mentions(text) if m.label == "PERSON"}
    assert roles.get("Andres Veld", "").startswith("chairman and chief executive"), roles


def test_guard_two_given_names_an_article_ties_to_the_longer_name_join_it_elsewhere():
    # "Justice Jon Paul Reyes ... Jon Paul wrote"; a week later another story says "Jon Paul"
    dates = {"a1": dt.date(1998, 1, 20), "a2": dt.date(1998, 1, 27), "a3": dt.date(1998, 2, 1)}
    mentions = [_m("a1", 0, "Jon Paul Reyes", "Justice"), _m("a1", 90, "Jon Paul"), _m("a2", 0, "Jon Paul")]
    mentions.append(_m("a3", 0, "Jon Paul Reyes"))
    _, ids = _resolve(mentions, dates)
    assert ids == ["jon-paul-reyes"] * 4


def test_guard_a_name_cut_off_before_its_surname_still_joins_the_longer_name():
    # "President Amos ole Kitum" in one story; "President Amos ole" (the surname lost) in another
    dates = {"a1": dt.date(1998, 8, 7), "a2": dt.date(1998, 8, 9)}
    mentions = [_m("a1", 0, "Amos ole Kitum", "President"), _m("a2", 0, "Amos ole", "President")]
    _, ids = _resolve(mentions, dates)
    assert ids == ["amos-ole-kitum"] * 2


def test_guard_two_given_names_whose_article_writes_the_longer_names_surname_join_it():
    # 'Jon Paul "Ace" Reyes' (the nickname cut the name) in one story; "Jon Paul Reyes" in another
    dates = {"a1": dt.date(1998, 1, 20), "a2": dt.date(1998, 1, 27)}
    texts = {"a1": 'Jon Paul "Ace" Reyes won the race on Sunday.'}
    mentions = [_m("a1", 0, "Jon Paul"), _m("a2", 0, "Jon Paul Reyes", "Justice")]
    _, ids = _resolve(mentions, dates, texts)
    assert ids == ["jon-paul-reyes"] * 2


def test_guard_a_first_name_the_model_tags_a_place_is_no_place_unless_written_after_in():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from parley.extract.surnames import place_words

    words = ["Marisa", "waved", ".", "They", "met", "in", "Oakdale", "."]
    doc = Doc(Vocab(), words=words, ents=["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert place_words(doc) == frozenset({"oakdale"})
