"""Actor resolution: registry matching and corpus clustering, on a made-up negotiation too."""

from __future__ import annotations

import textwrap

from parley.extract.registry import ActorRegistry, default_registry, names_agree
from parley.models import Mention, Span
from parley.reconcile.actors import Override, resolve_actors


def _m(article: str, start: int, text: str, label: str = "PERSON", role=None, side=None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, label, None, role, side)


def test_registry_merges_spellings_titles_and_misspellings():
    reg = default_registry()
    assert reg.match_name("Zelenskyy") == reg.match_name("Volodymyr Zelensky") == "volodymyr-zelensky"
    assert reg.match_name("Volodymyr Zelenskiy") == "volodymyr-zelensky"
    assert reg.match_name("President Putin") == "vladimir-putin"
    assert reg.match_name("Andrii Sybhia") == "andrii-sybiha"  # misspelt surname, same first name
    assert reg.match_name("Putin's") == "vladimir-putin"
    titles = {
        actor
        for _, _, actor in reg.find_titles(
            "The Kremlin spokesperson said so, and Ukraine’s president agreed."
        )
    }
    assert titles == {"dmitry-peskov", "volodymyr-zelensky"}


def test_registry_never_merges_different_people_sharing_a_surname():
    reg = default_registry()
    assert reg.match_name("Donald Trump") == "donald-trump"
    assert reg.match_name("Melania Trump") is None
    assert reg.match_name("Eric Trump") is None
    assert not names_agree("melania trump", "donald trump")
    assert names_agree("andrii sybhia", "andrii sybiha")


def test_unregistered_people_are_clustered_across_articles():
    reg = ActorRegistry([], [])
    mentions = [
        _m("a1", 0, "Maria Lindqvist", role="Nordic trade commissioner", side=None),
        _m("a1", 100, "Lindqvist"),
        _m("a2", 0, "Maria Lindqvst"),  # misspelt in a second outlet
        _m("a2", 50, "Lindqvist"),
        _m("a3", 0, "Anders Lindqvist"),  # a different person with the same surname
        _m("a3", 40, "Lindqvist"),  # in a3 it can only be Anders
        _m("a4", 0, "Lindqvist"),  # two Lindqvists in the corpus, none in a4: left unresolved
    ]
    actors, resolved = resolve_actors(mentions, reg)
    by_name = {a.name: a for a in actors}
    assert set(by_name) == {"Maria Lindqvist", "Anders Lindqvist"}
    maria, anders = by_name["Maria Lindqvist"].id, by_name["Anders Lindqvist"].id
    ids = [m.actor_id for m in resolved]
    assert ids == [maria, maria, maria, maria, anders, anders, None]
    assert by_name["Maria Lindqvist"].roles == ("Nordic trade commissioner",)
    assert "Maria Lindqvst" in by_name["Maria Lindqvist"].aliases


def test_user_merge_and_split_are_applied(tmp_path):
    reg = ActorRegistry([], [])
    mentions = [_m("a1", 0, "Ilse Vanek"), _m("a2", 0, "I. Vanekova"), _m("a3", 0, "Ilse Vanek")]
    actors, _ = resolve_actors(mentions, reg)
    assert len(actors) == 2
    ids = sorted(a.id for a in actors)
    actors, resolved = resolve_actors(mentions, reg, [Override("merge", ids[0], ids[1])])
    assert len(actors) == 1 and {m.actor_id for m in resolved} == {ids[1]}


def test_a_different_negotiation_needs_only_its_own_registry(tmp_path):
    path = tmp_path / "trade.yaml"
    path.write_text(
        textwrap.dedent("""
        sides:
          - {id: marelia, name: Marelia, adjectives: [Marelian], places: [Marelia, Port Aven]}
          - {id: talvaria, name: Talvaria, adjectives: [Talvarian], places: [Talvaria, Kessin]}
        actors:
          - id: ona-brask
            name: Ona Brask
            side: marelia
            roles: [Trade Minister of Marelia]
            aliases: [Ona Braske]
            titles: [Marelian trade minister]
    """),
        encoding="utf-8",
    )
    reg = ActorRegistry.load(path)
    assert reg.match_name("Braske") == "ona-brask"
    assert reg.find_titles("The Marelian trade minister said") == [(4, 27, "ona-brask")]
    assert reg.place_side("Port Aven") == "marelia"
    assert reg.government("talvaria").id == "talvaria-government"
    assert reg.match_name("Zelensky") is None  # nothing of the bundled negotiation leaks in


def test_a_role_with_a_dateline_or_a_date_is_no_role():
    reg = ActorRegistry([], [])
    mentions = [
        _m("a1", 0, "Oleg Petrov", role="Feb 1 (Nordpress) - deputy chairman of the council"),
        _m("a1", 90, "Oleg Petrov", role="deputy chairman of the council"),
        _m("a2", 0, "Mira Holt", role="June 5, 2025"),
    ]
    actors, _ = resolve_actors(mentions, reg)
    roles = {a.name: a.roles for a in actors}
    assert roles["Oleg Petrov"] == ("deputy chairman of the council",)
    assert roles["Mira Holt"] == ()


def test_a_name_the_model_calls_a_place_more_often_is_no_person():
    reg = ActorRegistry([], [])
    mentions = [
        _m("a1", 0, "Ostrova Yar"),
        _m("a1", 50, "Ostrova Yar", label="GPE"),
        _m("a2", 10, "Ostrova Yar", label="LOC"),
        _m("a2", 60, "Kim Tal"),
    ]
    actors, _ = resolve_actors(mentions, reg)
    assert [a.name for a in actors] == ["Kim Tal"]


def test_a_name_with_particles_is_one_person_in_any_case():
    reg = ActorRegistry([], [])
    mentions = [
        _m("a1", 0, "Greta von der Mark"),
        _m("a1", 80, "von der Mark"),
        _m("a2", 0, "Greta Von Der Mark"),
        _m("a2", 60, "Von der Mark"),
    ]
    actors, resolved = resolve_actors(mentions, reg)
    assert len(actors) == 1
    assert {m.actor_id for m in resolved} == {actors[0].id}
