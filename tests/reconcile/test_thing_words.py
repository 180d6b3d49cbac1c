"""Names the model tags a person's that the words around them show a group's or a product's
(parley/reconcile/thing_words.py), and the people such words must leave alone."""

from __future__ import annotations

from parley.extract.registry import ActorRegistry
from parley.models import Article, Mention, Span
from parley.reconcile.actors import resolve_actors
from parley.reconcile.thing_words import _lemma

EMPTY = ActorRegistry([], [])


def _article(article_id: str, text: str) -> Article:
    return Article(article_id, article_id, "title", text, f"wire/{article_id}.txt", "text")


def _resolve(*texts: tuple[str, str, list[str]], roles: dict[str, str] | None = None):
    """Actors for articles ``(id, text, names)``: each name's every occurrence a PERSON mention."""
    articles, mentions = {}, []
    for article_id, text, names in texts:
        articles[article_id] = _article(article_id, text)
        for name in names:
            start = text.find(name)
            while start >= 0:
                role = (roles or {}).get(name)
                mentions.append(
                    Mention(article_id, Span(start, start + len(name)), name, "PERSON", None, role)
                )
                start = text.find(name, start + len(name))
    actors, resolved = resolve_actors(mentions, EMPTY, articles=articles.get)
    return {a.name: a.kind for a in actors}, resolved


RAID = (
    "Villagers in the north drove off Kora Tumba militants on Sunday, the district office said. "
    "It was the third raid this month. Kora Tumba gunmen burned the market in March, and "
    "residents say the army arrived a day late. The attack by Kora Tumba was repelled."
)


def test_a_name_its_members_follow_is_a_groups():
    kinds, resolved = _resolve(("a1", RAID, ["Kora Tumba"]))
    assert kinds == {"Kora Tumba": "group"}
    assert {m.actor_id for m in resolved} == {"kora-tumba"}  # its mentions keep their actor


def test_guard_a_leader_whose_name_comes_before_his_militants_and_who_speaks_stays_a_person():
    text = (
        "Omar Dakka militants held the pass for a week. Later, Omar Dakka militants withdrew. "
        'Omar Dakka said the withdrawal was "a gesture" to the mediators.'
    )
    assert _resolve(("a1", text, ["Omar Dakka"]))[0] == {"Omar Dakka": "person"}


def test_guard_a_surname_alone_that_speaks_keeps_the_person():
    text = (
        "Omar Dakka militants held the pass. Omar Dakka militants withdrew on Friday, and "
        "Dakka said the withdrawal was a gesture to the mediators."
    )
    assert _resolve(("a1", text, ["Omar Dakka", "Dakka"]))[0] == {"Omar Dakka": "person"}


def test_guard_a_leaders_followers_leave_him_a_person():
    text = "Pro-Omar Dakka militants held the pass, and pro-Omar Dakka militants later withdrew."
    assert _resolve(("a1", text, ["Omar Dakka"]))[0] == {"Omar Dakka": "person"}


def test_guard_one_mention_before_a_groups_noun_is_not_enough():
    text = "Rami Salo militants stopped the convoy at dawn. Rami Salo, a former officer, leads them."
    assert _resolve(("a1", text, ["Rami Salo"]))[0] == {"Rami Salo": "person"}


def test_guard_a_name_with_a_role_stays_a_person():
    text = "Nadia Ferro insurgents took the bridge. By noon Nadia Ferro insurgents held the town."
    kinds, _ = _resolve(("a1", text, ["Nadia Ferro"]), roles={"Nadia Ferro": "rebel commander"})
    assert kinds == {"Nadia Ferro": "person"}


def test_a_model_after_the_is_no_one():
    text = "The carmaker sells one electric model, the Vela X, and will add a van, the Vela X2, next year."
    assert _resolve(("a1", text, ["Vela X", "Vela X2"]))[0] == {}


def test_guard_a_name_cut_to_an_initial_stays_a_person():
    text = (
        "He asked whether the campaign had helped Lina M become a citizen. "
        "A reader, Dana K., sent in the photograph."
    )
    assert _resolve(("a1", text, ["Lina M", "Dana K."]))[0] == {"Lina M": "person", "Dana K.": "person"}
    text = "Critics praised the Omar X biopic, which opens in May."
    assert _resolve(("a1", text, ["Omar X"]))[0] == {"Omar X": "person"}  # a name before a noun


def _firm_articles(firm: str, n: int) -> list[tuple[str, str, list[str]]]:
    return [(f"f{i}", f"Shares of {firm} rose on day {i}, and {firm} hired staff.", []) for i in range(n)]


def _with_firm(firm: str, n: int, *texts: tuple[str, str, list[str]]):
    """Actors for ``texts`` beside ``n`` articles that each name the firm twice as an organisation."""
    articles = {a: _article(a, t) for a, t, _ in (*_firm_articles(firm, n), *texts)}
    mentions = [
        Mention(a, Span(s, s + len(firm)), firm, "ORG", None, None)
        for a, t, _ in _firm_articles(firm, n)
        for s in (t.find(firm), t.rfind(firm))
    ]
    for article_id, text, names in texts:
        for name in names:
            start = text.find(name)
            while start >= 0:
                mentions.append(
                    Mention(article_id, Span(start, start + len(name)), name, "PERSON", None, None)
                )
                start = text.find(name, start + len(name))
    actors, _ = resolve_actors(mentions, EMPTY, articles=articles.get)
    return {a.name: a.kind for a in actors if a.kind != "organisation"}


WALLET = "The new watch will support Orvo Pay at launch, and the Orvo Pay app gets a new look."


def test_a_name_a_firms_name_starts_and_no_surname_ends_is_a_product():
    assert _with_firm("Orvo", 5, ("a1", WALLET, ["Orvo Pay", "Pay"])) == {}


def test_guard_a_firm_named_in_fewer_articles_leaves_the_name_a_persons():
    assert _with_firm("Orvo", 4, ("a1", WALLET, ["Orvo Pay"])) == {"Orvo Pay": "person"}


def test_guard_a_person_whose_given_name_is_a_firms_and_whose_surname_stands_alone_stays():
    text = "Orvo Lind opened the plant. Later Lind toured the floor with the workers."
    assert _with_firm("Orvo", 6, ("a1", text, ["Orvo Lind", "Lind"])) == {"Orvo Lind": "person"}
    text = "Orvo Lind opened the plant on Monday. Orvo Lind told workers their jobs were safe."
    assert _with_firm("Orvo", 6, ("a1", text, ["Orvo Lind"])) == {"Orvo Lind": "person"}


def test_verbs_of_saying_are_read_in_their_forms():
    assert _lemma("said") == "say"
    assert _lemma("replied") == "reply"
    assert _lemma("noted") == "note"
    assert _lemma("adds") == "add"
    assert _lemma("militants") == "militants"
