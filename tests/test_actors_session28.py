"""False persons and risky merges: a word for a nationality never ends a person's name ("to grant
Pavel Brazilian citizenship"); a company named after a person is no person (written with a
company's words after it, or called an organisation more often than a person across the
corpus); "Mr. Roe" in two articles is one person only when the articles show it (the same
office, or another person both name). Names, places and the registries are made up."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Span as SpacySpan

from parley.extract.mentions import find_mentions
from parley.extract.registry import ActorRegistry
from parley.models import Actor, Article, Mention, Span
from parley.nlp import SpacyParser
from parley.reconcile.actors import resolve_actors
from parley.reconcile.speaker_names import SpeakerNames

EMPTY = ActorRegistry([], [])
REGISTRY = """\
sides:
  - id: south
    name: Southland
    adjectives: [Brazilian]
    places: [Southland, Porto Vale]
"""


@pytest.fixture(scope="module")
def mentions(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    parser = SpacyParser()

    def run(text: str, people: tuple[str, ...] = ()) -> dict[str, str]:
        """The mentions' labels; ``people`` are names the model is made to tag a person's, as the
        small model does in some articles."""
        (doc,) = parser.parse([text])
        if people:
            doc.ents = [
                SpacySpan(doc, e.start, e.end, label="PERSON") if e.text in people else e for e in doc.ents
            ]
        return {m.text: m.label for m in find_mentions(doc, "a1", registry)}

    return run


# -- 1. a word for a nationality ends no one's name --------------------------------------------


def test_a_sides_adjective_qualifying_the_noun_after_a_name_is_cut_off(mentions):
    found = mentions("The bill would grant Pavel Brazilian citizenship.")
    assert "Pavel Brazilian" not in found and found.get("Pavel") == "PERSON", found


def test_a_nationality_the_article_tags_alone_is_cut_off_too(mentions):
    found = mentions(
        "Mexican officials met the family on Monday. Mr. Alvarado wants to give Jose Mexican "
        "citizenship soon, his lawyer said."
    )
    assert "Jose Mexican" not in found and found.get("Jose") == "PERSON", found


def test_a_surname_that_is_no_nationality_before_a_noun_stays(mentions):
    found = mentions("Paul Hendry campaign officials said on Tuesday that Paul Hendry would run again.")
    assert not [n for n in found if n.startswith("Paul") and n != "Paul Hendry"], found


def test_a_nationality_after_the_name_that_qualifies_nothing_after_it_stays(mentions):
    found = mentions("Ellen Irish, a lawyer in the capital, said the court would rule on Friday.")
    assert found.get("Ellen Irish") == "PERSON", found


# -- 2. a company named after a person -----------------------------------------------------------

INSURER = (
    "Marlow Insurance Group Inc. said it acquired a reinsurance company for $22 million. Marlow "
    "Insurance also sold 1.5 million of its shares to its parent. Marlow Insurance, based in "
    "Albany, plans to use the proceeds to expand."
)


def test_a_name_written_elsewhere_with_words_and_a_legal_form_after_it_is_a_company(mentions):
    found = mentions(INSURER, people=("Marlow Insurance",))
    assert found.get("Marlow Insurance") == "ORG", found


def test_a_trade_word_ends_no_persons_name(mentions):
    found = mentions(
        "Halden Insurance said on Monday it plans to raise its rates.",
        people=("Halden Insurance",),
    )
    assert not [n for n, label in found.items() if n.startswith("Halden") and label == "PERSON"], found


def test_a_person_with_a_company_named_after_a_comma_is_still_a_person(mentions):
    found = mentions(
        "Ellen Marsh, Acme Corp.'s chief executive, said profits rose. Ellen Marsh added that the "
        "plant would stay open.",
        people=("Ellen Marsh",),
    )
    assert found.get("Ellen Marsh") == "PERSON", found


def test_a_person_with_a_courtesy_title_is_no_company_named_after_them(mentions):
    found = mentions(
        "Ellen Marsh Holdings Corp. was founded in 1990. Ellen Marsh said profits rose, and Ms. Marsh "
        "added that the plant would stay open.",
        people=("Ellen Marsh",),
    )
    assert found.get("Ellen Marsh") == "PERSON", found


def _m(article: str, start: int, text: str, role: str | None = None, label: str = "PERSON") -> Mention:
    return Mention(article, Span(start, start + len(text)), text, label, None, role)


def _articles(dates: dict[str, dt.date | None]):
    def article(article_id: str) -> Article | None:
        if article_id not in dates:
            return None
        return Article(article_id, article_id, "t", "text", article_id, "text", published=dates[article_id])

    return article


def _resolve(mentions: list[Mention], dates: dict[str, dt.date | None]):
    actors, resolved = resolve_actors(mentions, EMPTY, articles=_articles(dates))
    return {a.id: a for a in actors}, [m.actor_id for m in resolved]


DATES = {"a1": dt.date(1990, 3, 1), "a2": dt.date(1990, 5, 1), "a3": dt.date(1990, 6, 1)}


def test_a_name_the_model_calls_an_organisation_more_often_than_a_person_is_no_person():
    # "Tessler Brandt said ..." once a person's name; "at Tessler Brandt" a company's three times
    mentions = [
        _m("a1", 0, "Tessler Brandt"),
        _m("a1", 60, "Tessler Brandt", label="ORG"),
        _m("a2", 0, "Tessler Brandt", label="ORG"),
        _m("a3", 0, "Tessler Brandt", label="ORG"),
    ]
    actors, ids = _resolve(mentions, DATES)
    assert not actors and ids[0] is None


def test_a_person_the_model_sometimes_calls_an_organisation_is_still_a_person():
    mentions = [
        _m("a1", 0, "Dana Holloway", "senator"),
        _m("a2", 0, "Dana Holloway"),
        _m("a3", 0, "Dana Holloway", label="ORG"),
    ]
    actors, ids = _resolve(mentions, DATES)
    assert "dana-holloway" in actors and ids[:2] == ["dana-holloway", "dana-holloway"]


def test_a_name_qualifying_a_noun_as_an_organisations_does_not_count_against_a_person():
    # "Lena Strand sang ..."; "his Lena Strand ringtone went off" twice, tagged an organisation's
    texts = {
        "a1": "Lena Strand sang on Friday.",
        "a2": "Then his Lena Strand ringtone went off.",
        "a3": "The bear fled when his Lena Strand ringtone rang.",
    }
    mentions = [
        _m("a1", 0, "Lena Strand"),
        _m("a2", texts["a2"].index("Lena"), "Lena Strand", label="ORG"),
        _m("a3", texts["a3"].index("Lena"), "Lena Strand", label="ORG"),
    ]

    def article(article_id: str) -> Article | None:
        text = texts[article_id]
        return Article(article_id, article_id, "t", text, article_id, "text", published=DATES[article_id])

    actors, resolved = resolve_actors(mentions, EMPTY, articles=article)
    assert [a.id for a in actors] == ["lena-strand"] and resolved[0].actor_id == "lena-strand"


# -- 3. a titled surname in two articles -----------------------------------------------------------


def test_mr_and_a_surname_in_two_articles_sharing_nothing_else_are_not_joined():
    # "Mr. Pruett, a grocer, ..." and months later "Mr. Pruett, a pilot, ..."
    mentions = [_m("a1", 0, "Pruett", "Mr."), _m("a1", 50, "Pruett"), _m("a2", 0, "Pruett", "Mr.")]
    actors, ids = _resolve(mentions, DATES)
    assert ids == [None, None, None] and not actors


def test_mr_and_a_surname_in_two_articles_naming_another_person_in_common_are_one():
    mentions = [
        _m("a1", 0, "Pruett", "Mr."),
        _m("a1", 40, "Karin Vossberg", "mayor"),
        _m("a2", 0, "Pruett", "Mr."),
        _m("a2", 60, "Karin Vossberg"),
    ]
    actors, ids = _resolve(mentions, DATES)
    assert ids == ["pruett", "karin-vossberg", "pruett", "karin-vossberg"], ids


def test_the_same_office_in_two_articles_still_links_them():
    mentions = [
        _m("a1", 0, "Pruett", "President"),
        _m("a2", 0, "Pruett", "President"),
        _m("a2", 50, "Pruett"),
    ]
    _, ids = _resolve(mentions, DATES)
    assert ids == ["pruett"] * 3


def test_an_article_linked_through_another_joins_the_person():
    # a1 and a2 share the office; a3 ("Mr. Pruett") shares another person with a2
    mentions = [
        _m("a1", 0, "Pruett", "President"),
        _m("a2", 0, "Pruett", "President"),
        _m("a2", 40, "Karin Vossberg"),
        _m("a3", 0, "Pruett", "Mr."),
        _m("a3", 40, "Karin Vossberg"),
    ]
    _, ids = _resolve(mentions, DATES)
    assert ids == ["pruett", "pruett", "karin-vossberg", "pruett", "karin-vossberg"], ids


def test_a_one_word_name_before_other_words_and_a_legal_form_is_left_as_read(mentions):
    # "Nadler" may be the family "Nadler Brothers Inc." is named for: no company by that alone
    found = mentions(
        "Nadler Brothers Inc. reported higher sales. Nadler, the founder's grandson, said prices would rise.",
        people=("Nadler",),
    )
    assert found.get("Nadler") == "PERSON", found


# -- 4. a speaker word the article calls an organisation -------------------------------------------


def test_a_speaker_word_the_article_calls_an_organisation_is_no_persons_surname():
    people = SpeakerNames([Actor("dana-quill", "Dana Quill", "person")])
    text = "Quill said on Monday that its new phone would ship in May."
    company = [Mention("a2", Span(0, 5), "Quill", "ORG")]
    assert people.actor("Quill", company, text) is None
    assert people.actor("Quill", [], text) == "dana-quill"  # no name in the article says otherwise
