"""People of one family share a surname: the actors step tells them apart (family_names)."""

from __future__ import annotations

from parley.extract.registry import ActorRegistry, ActorSpec
from parley.models import Actor, Article, Mention, Span
from parley.reconcile.actors import resolve_actors
from parley.reconcile.family_names import given_names_agree, plural_of


def _m(article: str, start: int, text: str, role=None, actor_id=None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, "PERSON", actor_id, role)


def _registry() -> ActorRegistry:
    """A dossier listing one man, Carl Brenner, a governor."""
    carl = Actor("carl-brenner", "Carl Brenner", "person", roles=("Governor",), evidence=("registry",))
    return ActorRegistry([], [ActorSpec(carl, (), "m")])


def _ids(resolved: list[Mention]) -> list[str | None]:
    return [m.actor_id for m in resolved]


def test_two_given_names_alike_are_two_people_not_one_misspelt():
    reg = ActorRegistry([], [])
    # "The governor's daughter, Milenka Rask, ..." and, in another story, "his first wife, Milena Rask"
    actors, _ = resolve_actors([_m("a1", 0, "Milenka Rask"), _m("a2", 0, "Milena Rask")], reg)
    assert sorted(a.name for a in actors) == ["Milena Rask", "Milenka Rask"]
    assert all(a.aliases == () for a in actors)
    assert not given_names_agree("ivan rask", "ivana rask")  # a name and its feminine form


def test_transliterated_given_names_are_still_one_person():
    reg = ActorRegistry([], [])
    mentions = [
        _m("a1", 0, "Andriy Kovalenko"),
        _m("a2", 0, "Andrii Kovalenko"),
        _m("a3", 0, "Dmitri Orlovsky"),
        _m("a4", 0, "Dmitry Orlovsky"),
        _m("a5", 0, "Johann Weidl"),
        _m("a6", 0, "Johan Weidl"),
    ]
    actors, _ = resolve_actors(mentions, reg)
    assert len(actors) == 3
    assert given_names_agree("sergei roe", "sergey roe")


def test_a_surname_alone_is_the_registered_bearer_not_a_family_member_named_in_full():
    # "His daughter Lotte Brenner unveiled the plan ... Brenner said he would pay for it ..."
    mentions = [
        _m("a1", 0, "Lotte Brenner"),
        _m("a1", 120, "Brenner"),  # found by its surname: the extractor left it unresolved
        _m("a1", 300, "Brenner"),
    ]
    actors, resolved = resolve_actors(mentions, _registry())
    lotte = next(a for a in actors if a.name == "Lotte Brenner")
    assert _ids(resolved) == [lotte.id, "carl-brenner", "carl-brenner"]
    assert lotte.aliases == ()


def test_a_womans_title_before_the_surname_is_not_the_registered_man():
    # "Lotte Brenner ... Mrs. Brenner told reporters": the dossier's Carl Brenner is a "he"
    mentions = [
        _m("a1", 0, "Lotte Brenner"),
        _m("a1", 120, "Brenner", role="Mrs."),  # left unresolved by the extractor
        _m("a1", 300, "Brenner", role="Mrs.", actor_id="carl-brenner"),  # given him by the extractor
        _m("a2", 0, "Brenner", role="Mr.", actor_id="carl-brenner"),  # guard: a man's title stays his
    ]
    actors, resolved = resolve_actors(mentions, _registry())
    lotte = next(a for a in actors if a.name == "Lotte Brenner")
    assert _ids(resolved) == [lotte.id, lotte.id, lotte.id, "carl-brenner"]


def test_a_surname_in_the_plural_is_a_family_no_person():
    # "Nora Halloran ... a loyal bloc for the Hallorans ... Halloran said"
    reg = ActorRegistry([], [])
    mentions = [_m("a1", 0, "Nora Halloran"), _m("a1", 80, "Hallorans"), _m("a1", 200, "Halloran")]
    actors, resolved = resolve_actors(mentions, reg)
    (nora,) = actors
    assert _ids(resolved) == [nora.id, None, nora.id]
    assert nora.aliases == ("Halloran",)
    assert plural_of("joneses", {"jones"}) and not plural_of("jones", {"jones", "jone"})
    # the registered man's surname in the plural is not he either
    _, resolved = resolve_actors([_m("a2", 0, "Brenners", actor_id="carl-brenner")], _registry())
    assert _ids(resolved) == [None]


def _tomas_in_three_articles() -> list[Mention]:
    return [_m(f"b{i}", 0, "Tomas Varga", role="President") for i in range(3)]


def test_a_surname_used_before_a_family_member_is_named_is_the_best_known_bearer():
    # "President Varga told voters ... Mr. Varga said ... the first lady, Ilona Varga, ... Mr. Varga"
    mentions = [
        *_tomas_in_three_articles(),
        _m("a1", 10, "Varga", role="President"),
        _m("a1", 90, "Varga", role="Mr."),
        _m("a1", 400, "Ilona Varga"),
        _m("a1", 500, "Varga", role="Mr."),
    ]
    actors, resolved = resolve_actors(mentions, ActorRegistry([], []))
    by_name = {a.name: a for a in actors}
    tomas, ilona = by_name["Tomas Varga"], by_name["Ilona Varga"]
    assert _ids(resolved)[3:] == [tomas.id, tomas.id, ilona.id, tomas.id]
    assert ilona.roles == () and ilona.aliases == ()


def test_a_family_member_named_in_full_first_keeps_the_surname():
    # "Ilona Varga opened the shelter ... Varga said": named in full, then by surname
    mentions = [*_tomas_in_three_articles(), _m("a1", 0, "Ilona Varga"), _m("a1", 200, "Varga")]
    actors, resolved = resolve_actors(mentions, ActorRegistry([], []))
    ilona = next(a for a in actors if a.name == "Ilona Varga")
    assert _ids(resolved)[3:] == [ilona.id, ilona.id]


def test_a_near_spelling_finds_no_one_named_only_in_another_article():
    # "his daughter, Elina, ..." in one story; "Roy Elins, a tax adviser" in another
    reg = ActorRegistry([], [])
    mentions = [
        _m("a1", 0, "Roy Elins"),
        _m("a1", 50, "Ellins"),  # a near spelling in his own article still is he
        _m("a2", 0, "Elina"),
        _m("a3", 0, "Elins"),  # guard: the very surname, in another article, is he
    ]
    actors, resolved = resolve_actors(mentions, reg)
    (roy,) = actors
    assert _ids(resolved) == [roy.id, roy.id, None, roy.id]
    assert "Elina" not in roy.aliases


def test_a_surname_after_a_first_name_the_model_missed_is_that_full_name():
    # the model read "Lotte Brenner" in the second sentence as a product and found only "Brenner"
    text = "Lotte Brenner wrote an essay. In it, Lotte Brenner said so. Brenner agreed."
    article = Article("a1", "0" * 64, "t", text, "mem://a1", "text")
    mentions = [_m("a1", 0, "Lotte Brenner"), _m("a1", 43, "Brenner"), _m("a1", 60, "Brenner")]
    actors, resolved = resolve_actors(mentions, _registry(), articles={"a1": article}.get)
    lotte = next(a for a in actors if a.name == "Lotte Brenner")
    assert _ids(resolved) == [lotte.id, lotte.id, "carl-brenner"]


def test_a_near_spelling_of_a_registered_surname_alone_is_not_the_registered_man():
    # "Irina Sorokina ... Sorokina said": the feminine form of the dossier's Sorokin
    oleg = Actor("oleg-sorokin", "Oleg Sorokin", "person", evidence=("registry",))
    reg = ActorRegistry([], [ActorSpec(oleg, (), "m")])
    assert reg.match_name("Sorokina") == "oleg-sorokin"  # the registry alone takes it for him
    mentions = [_m("a1", 0, "Irina Sorokina"), _m("a1", 90, "Sorokina"), _m("a1", 200, "Sorokin")]
    actors, resolved = resolve_actors(mentions, reg)
    (irina,) = (a for a in actors if a.id != "oleg-sorokin")
    assert _ids(resolved) == [irina.id, irina.id, "oleg-sorokin"]
