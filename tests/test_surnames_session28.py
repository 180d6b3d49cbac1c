"""A surname alone when the corpus has several people of that surname (surname_bearers): the one
the article names in full first, before it uses the surname alone; or, in an article that names
none in full, the one whose full name carries the office the article gives the surname. Anything
else stays unresolved. Names are made up."""

from __future__ import annotations

from parley.extract.registry import ActorRegistry
from parley.models import Mention, Span
from parley.reconcile.actors import resolve_actors

EMPTY = ActorRegistry([], [])


def _m(article: str, start: int, text: str, role: str | None = None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, "PERSON", None, role)


def _family() -> list[Mention]:
    """Elsewhere in the corpus: "President Tomas Varga" in two stories, his wife "Ilona Varga"
    in a third, with no title."""
    return [
        _m("b1", 0, "Tomas Varga", "President"),
        _m("b2", 0, "Tomas Varga", "President"),
        _m("b3", 0, "Ilona Varga"),
    ]


def _resolve(mentions: list[Mention]) -> tuple[dict[str, str], list[str | None]]:
    actors, resolved = resolve_actors(mentions, EMPTY)
    return {a.name: a.id for a in actors}, [m.actor_id for m in resolved]


# -- no bearer named in full in the article: the office the article gives the surname ----------


def test_a_surname_titled_with_an_office_is_the_bearer_whose_full_name_carries_it():
    # "President Varga said on Monday ... Mr. Varga told reporters ... Varga added ..."
    article = [
        _m("a1", 10, "Varga", "President"),
        _m("a1", 200, "Varga", "Mr."),
        _m("a1", 400, "Varga"),
    ]
    ids, resolved = _resolve([*_family(), *article])
    assert resolved[3:] == [ids["Tomas Varga"]] * 3


def test_a_role_of_other_words_in_that_article_is_not_joined():
    # "... the younger Varga said": maybe another of the family
    article = [_m("a1", 10, "Varga", "President"), _m("a1", 300, "Varga", "younger")]
    ids, resolved = _resolve([*_family(), *article])
    assert resolved[3:] == [ids["Tomas Varga"], None]


def test_a_courtesy_title_alone_does_not_choose_between_bearers():
    # "Mr. Varga said ... Varga added": no office, and the corpus has two Vargas
    article = [_m("a1", 10, "Varga", "Mr."), _m("a1", 200, "Varga")]
    _, resolved = _resolve([*_family(), *article])
    assert resolved[3:] == [None, None]


def test_an_office_both_bearers_carry_or_two_offices_choose_no_one():
    both = [*_family(), _m("b4", 0, "Ilona Varga", "President")]  # she holds the office too
    _, resolved = _resolve([*both, _m("a1", 10, "Varga", "President"), _m("a1", 90, "Varga")])
    assert resolved[4:] == [None, None]
    # "President Varga ... Senator Varga ...": two offices in one article, maybe two people
    two = [_m("a1", 10, "Varga", "President"), _m("a1", 90, "Varga", "Senator")]
    _, resolved = _resolve([*_family(), *two])
    assert resolved[3:] == [None, None]


def test_a_courtesy_title_of_the_other_gender_than_the_bearer_shows_chooses_no_one():
    # he is "Mr. Tomas Varga" in his own stories; the article says "President Varga ... Mrs. Varga"
    family = [*_family(), _m("b5", 0, "Tomas Varga", "Mr.")]
    article = [_m("a1", 10, "Varga", "President"), _m("a1", 200, "Varga", "Mrs.")]
    _, resolved = _resolve([*family, *article])
    assert resolved[4:] == [None, None]


def test_guard_one_bearer_in_the_corpus_still_takes_the_surname():
    _, resolved = _resolve([_m("b1", 0, "Tomas Varga"), _m("a1", 10, "Varga")])
    assert resolved[1] == resolved[0] is not None


# -- several bearers named in full in the article: the one named first ---------------------------


def _okafors(first_alone: int) -> list[Mention]:
    """ "Senator Daniel Okafor endorsed ... Okafor said ... his wife, Grace Okafor, and his
    father, Samuel Okafor, ... Okafor added"; the surname is first used alone at ``first_alone``."""
    return [
        _m("a1", 0, "Daniel Okafor", "Senator"),
        _m("a1", first_alone, "Okafor"),
        _m("a1", 300, "Grace Okafor"),
        _m("a1", 340, "Samuel Okafor"),
        _m("a1", 500, "Okafor"),
        _m("a1", 600, "Okafor", "Senator"),
    ]


def test_a_surname_used_after_one_bearer_is_named_and_before_the_others_is_that_bearer():
    # he is named in full in another story too: the best-known Okafor here, after the others as well
    ids, resolved = _resolve([*_okafors(first_alone=100), _m("c1", 0, "Daniel Okafor", "Senator")])
    daniel = ids["Daniel Okafor"]
    assert resolved[:6] == [daniel, daniel, ids["Grace Okafor"], ids["Samuel Okafor"], daniel, daniel]


def test_after_another_bearer_no_better_known_is_named_the_surname_stays_unresolved():
    # "Fourth grader Ned Okafor told ... Okafor's father, Samuel Okafor, wrote ... Okafor told the
    # paper his son ...": after the father is named, the surname alone may be the father
    mentions = [
        _m("a1", 0, "Ned Okafor"),
        _m("a1", 100, "Okafor"),
        _m("a1", 300, "Samuel Okafor"),
        _m("a1", 400, "Okafor"),
    ]
    ids, resolved = _resolve(mentions)
    assert resolved == [ids["Ned Okafor"], ids["Ned Okafor"], ids["Samuel Okafor"], None]


def test_a_courtesy_title_the_first_bearer_is_not_shown_to_hold_is_not_joined():
    # "... Mrs. Okafor said": the wife as likely as not
    elsewhere = _m("c1", 0, "Daniel Okafor", "Senator")
    ids, resolved = _resolve([*_okafors(first_alone=100), elsewhere, _m("a1", 700, "Okafor", "Mrs.")])
    assert resolved[1] == resolved[4] == ids["Daniel Okafor"] and resolved[-1] is None


def test_a_surname_first_used_after_two_bearers_are_named_stays_unresolved():
    # the surname alone first comes after Grace and Samuel are named too: which one is unclear
    _, resolved = _resolve(_okafors(first_alone=400))
    assert resolved[1] is None and resolved[4] is None


def test_guard_one_bearer_in_the_article_still_takes_the_surname():
    mentions = [_m("a1", 0, "Grace Okafor"), _m("a1", 100, "Okafor")]
    _, resolved = _resolve(mentions)
    assert resolved[1] == resolved[0] is not None


def test_a_full_name_ending_in_another_full_name_of_the_article_is_that_bearer():
    # "former Miss Universe Lena Pardo ... Pardo said ... Lena Pardo told ... Pardo added": the
    # model took "Universe" into the first name; the surname alone is Lena Pardo, not a new person
    mentions = [
        _m("a1", 0, "Universe Lena Pardo", "former Miss"),
        _m("a1", 100, "Pardo"),
        _m("a1", 300, "Lena Pardo"),
        _m("a1", 400, "Pardo"),
    ]
    ids, resolved = _resolve(mentions)
    assert resolved[1] == resolved[3] == ids["Lena Pardo"]
    # her given name alone in between ("Lena told ...") does not stop the later surname
    with_given = [*mentions[:3], _m("a1", 350, "Lena"), mentions[3]]
    ids, resolved = _resolve(with_given)
    assert resolved[1] == resolved[4] == ids["Lena Pardo"]


def test_of_two_full_names_of_one_bearer_the_one_the_corpus_names_more_is_taken():
    # a headline's "Ward Bale", then "Keith Ward Bale" (named so in two other stories too), then his
    # wife "Rena Bale": the surname alone is Keith Ward Bale
    mentions = [
        _m("c1", 0, "Keith Ward Bale"),
        _m("c2", 0, "Keith Ward Bale"),
        _m("a1", 0, "Ward Bale"),
        _m("a1", 100, "Keith Ward Bale"),
        _m("a1", 200, "Bale"),
        _m("a1", 400, "Rena Bale"),
        _m("a1", 500, "Bale"),
    ]
    ids, resolved = _resolve(mentions)
    assert resolved[4] == resolved[6] == ids["Keith Ward Bale"]


def test_a_first_bearer_the_article_calls_by_the_given_name_leaves_the_later_surname_alone():
    # "Nico Ferrante, 6, ... Ferrante's relatives ... the boy's father, Paolo Ferrante, ... Nico ...
    # Ferrante said": the boy is named in full in more stories, but after the father is named the
    # surname alone may be the father's
    elsewhere = [_m("c1", 0, "Nico Ferrante"), _m("c2", 0, "Nico Ferrante")]
    article = [
        _m("a1", 0, "Nico Ferrante"),
        _m("a1", 100, "Ferrante"),
        _m("a1", 300, "Paolo Ferrante"),
        _m("a1", 400, "Nico"),
        _m("a1", 500, "Ferrante"),
    ]
    ids, resolved = _resolve([*elsewhere, *article])
    nico = ids["Nico Ferrante"]
    assert resolved[2:4] == [nico, nico] and resolved[6] is None
