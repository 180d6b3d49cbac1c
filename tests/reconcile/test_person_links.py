"""Which person a name is linked to: a given name after a royal title is no surname; a "Jr." or
"III" is no surname; a full name's leading words are that person; a role word names the
dossier's holder only within the dossier's period; "the X administration" is not the person X.
Names, places and the registries are made up."""

from __future__ import annotations

import datetime as dt

from parley.corpus_steps import _by_span, _speaker
from parley.extract.registry import ActorRegistry, ActorSpec, names_agree, title_period
from parley.models import Actor, Article, Mention, Span, Statement
from parley.reconcile.actors import resolve_actors
from parley.reconcile.speaker_names import SpeakerNames

EMPTY = ActorRegistry([], [])


def _m(article: str, start: int, text: str, role: str | None = None, actor_id: str | None = None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, "PERSON", actor_id, role)


def _articles(dates: dict[str, dt.date | None]):
    def article(article_id: str) -> Article | None:
        if article_id not in dates:
            return None
        return Article(article_id, article_id, "t", "text", article_id, "text", published=dates[article_id])

    return article


def _ids(resolved: list[Mention]) -> list[str | None]:
    return [m.actor_id for m in resolved]


# -- a given name after a royal title ------------------------------------------------------------


def test_a_king_named_by_his_given_name_is_not_the_one_with_it_as_surname():
    # "Omar Talib, the rebel leader, ... King Talib of Marvania flew in ... Talib said"
    mentions = [
        _m("a1", 0, "Omar Talib"),
        _m("a1", 60, "King Talib"),
        _m("a1", 120, "Talib", "King"),
        _m("a1", 200, "Talib"),
    ]
    actors, resolved = resolve_actors(mentions, EMPTY)
    by_name = {a.name: a.id for a in actors}
    assert by_name.keys() == {"Omar Talib", "King Talib"}
    assert _ids(resolved) == [by_name["Omar Talib"], by_name["King Talib"], by_name["King Talib"], None]


def test_a_registered_person_is_not_taken_by_a_royal_title_before_their_surname():
    registry = ActorRegistry([], [ActorSpec(Actor("omar-talib", "Omar Talib", "person"), ())])
    mentions = [
        _m("a1", 0, "Crown Prince Talib", actor_id="omar-talib"),
        _m("a1", 50, "Talib", actor_id="omar-talib"),
    ]
    _, resolved = resolve_actors(mentions, registry)
    assert "omar-talib" not in _ids(resolved)


def test_guard_a_surname_alone_still_links_where_no_royal_title_is_written():
    mentions = [_m("a1", 0, "Omar Talib"), _m("a1", 60, "Talib"), _m("a2", 0, "King Talib")]
    actors, resolved = resolve_actors(mentions, EMPTY)
    omar = next(a.id for a in actors if a.name == "Omar Talib")
    assert _ids(resolved)[:2] == [omar, omar]


def test_two_kings_of_one_name_a_generation_apart_are_two_people():
    mentions = [_m("old", 0, "King Talib"), _m("new", 0, "King Talib"), _m("near", 0, "King Talib")]
    dates = {"old": dt.date(1970, 1, 1), "new": dt.date(2000, 1, 1), "near": dt.date(2000, 6, 1)}
    _, resolved = resolve_actors(mentions, EMPTY, articles=_articles(dates))
    old, new, near = _ids(resolved)
    assert old != new and new == near and None not in (old, new)


def test_speaker_words_with_a_royal_title_are_the_royal_person_not_a_bearer_of_the_surname():
    names = SpeakerNames(
        [Actor("omar-talib", "Omar Talib", "person"), Actor("king-talib", "King Talib", "person")]
    )
    assert names.actor("King Talib", [], "King Talib of Marvania spoke.") == "king-talib"
    only = SpeakerNames([Actor("omar-talib", "Omar Talib", "person")])
    assert only.actor("King Talib", [], "King Talib of Marvania spoke.") is None
    assert only.actor("Talib", [], "Talib spoke.") == "omar-talib"  # guard: a surname alone


# -- a generational suffix --------------------------------------------------------------------------


def test_two_names_that_share_only_a_suffix_are_two_people():
    assert not names_agree("walter b crane iii", "walter k hollis iii")
    assert names_agree("walter b crane iii", "walter crane")  # guard: the same man with and without it
    mentions = [
        _m("a1", 0, "Walter B. Crane III"),
        _m("a2", 0, "Walter K. Hollis III"),
        _m("a2", 60, "Hollis"),
    ]
    actors, resolved = resolve_actors(mentions, EMPTY)
    assert len(actors) == 2
    assert _ids(resolved)[0] != _ids(resolved)[1] == _ids(resolved)[2]


def test_a_surname_alone_is_the_person_named_with_a_suffix():
    # "Paul Dorsey Jr., the chairman, ... Mr. Dorsey said"
    actors, resolved = resolve_actors([_m("a1", 0, "Paul Dorsey Jr."), _m("a1", 80, "Mr. Dorsey")], EMPTY)
    (paul,) = actors
    assert _ids(resolved) == [paul.id, paul.id]


def test_guard_a_suffix_after_a_given_name_alone_makes_no_surname():
    # "Lukas Jr" (a son named so) in one story; "her brother Lukas" in another
    _, resolved = resolve_actors([_m("a1", 0, "Lukas Jr"), _m("a2", 0, "Lukas")], EMPTY)
    assert _ids(resolved)[1] is None


# -- a full name's leading words ----------------------------------------------------------------


def test_a_full_names_leading_words_are_that_person():
    # "Rosa Maria Vidal arrived ... Rosa Maria said"; another story says only "Rosa Maria"
    mentions = [_m("a1", 0, "Rosa Maria Vidal"), _m("a1", 40, "Rosa Maria"), _m("a2", 0, "Rosa Maria")]
    mentions.append(_m("a3", 0, "Rosa Maria Vidal"))
    dates = {"a1": dt.date(2000, 4, 1), "a2": dt.date(2000, 4, 3), "a3": dt.date(2000, 4, 5)}
    actors, resolved = resolve_actors(mentions, EMPTY, articles=_articles(dates))
    (rosa,) = actors
    assert rosa.name == "Rosa Maria Vidal"
    assert _ids(resolved) == [rosa.id] * 4


def test_guard_leading_words_of_two_full_names_stay_apart():
    mentions = [_m("a1", 0, "Rosa Maria Vidal"), _m("a1", 40, "Rosa Maria Soto"), _m("a1", 80, "Rosa Maria")]
    actors, resolved = resolve_actors(mentions, EMPTY)
    ids = _ids(resolved)
    assert ids[2] not in (ids[0], ids[1])
    # a longer "name" going on in small letters is no name of the person ("Rosa Maria rally")
    mentions = [_m("a1", 0, "Rosa Maria Vidal rally"), _m("a1", 40, "Rosa Maria Vidal")]
    actors, _ = resolve_actors(mentions, EMPTY)
    assert "Rosa Maria Vidal" in {a.name for a in actors}
    # a full name the corpus writes more often than the longer one, or whose surname its article
    # writes alone, is a name of its own ("Rosa Vidal" beside a headline's "Rosa Vidal Appeal")
    mentions = [_m("a1", 0, "Rosa Vidal Appeal"), _m("a1", 40, "Rosa Vidal"), _m("a2", 0, "Rosa Vidal")]
    assert len({m.actor_id for m in resolve_actors(mentions, EMPTY)[1]}) == 2
    mentions = [_m("a1", 0, "Rosa Vidal Appeal"), _m("a1", 40, "Rosa Vidal"), _m("a1", 80, "Vidal")]
    assert len({m.actor_id for m in resolve_actors(mentions, EMPTY)[1]}) == 2
    # years away from the only full name, no link either
    mentions = [_m("a1", 0, "Rosa Maria Vidal"), _m("a2", 0, "Rosa Maria")]
    dates = {"a1": dt.date(2000, 4, 1), "a2": dt.date(1989, 4, 3)}
    _, resolved = resolve_actors(mentions, EMPTY, articles=_articles(dates))
    assert _ids(resolved)[0] != _ids(resolved)[1]


# -- a role word out of the dossier's time ------------------------------------------------------


def _titled() -> ActorRegistry:
    spec = ActorSpec(Actor("ada-roe", "Ada Roe", "person"), ("the Northern foreign minister",))
    documents = [{"id": "accord", "name": "the accord", "date": dt.date(2025, 11, 19)}]
    return ActorRegistry([], [spec], sections={"documents": documents})


def test_a_title_names_the_dossiers_holder_only_within_its_period():
    registry = _titled()
    text = "The Northern foreign minister said the talks would go on."
    assert registry.on(dt.date(2025, 12, 1)).find_titles(text) == [(0, 29, "ada-roe")]
    assert registry.on(None).find_titles(text) == [(0, 29, "ada-roe")]  # undated: as before
    assert registry.on(dt.date(1998, 2, 13)).find_titles(text) == []
    assert registry.find_titles(text) == [(0, 29, "ada-roe")]  # the registry itself keeps them


def test_the_period_is_the_negotiations_dates_when_given():
    assert title_period({"negotiation": {"from": dt.date(2020, 1, 1), "until": "2021-06-30"}}) == (
        dt.date(2020, 1, 1),
        dt.date(2021, 6, 30),
    )
    assert title_period({"negotiation": {"id": "x"}}) is None  # nothing dated: no bound
    documents = [{"date": dt.date(2025, 5, 12)}, {"date": "2025-10-26"}]
    assert title_period({"documents": documents}) == (dt.date(2024, 5, 12), dt.date(2026, 10, 26))


# -- a body named after a person ----------------------------------------------------------------


def _statement(text: str, words: str, name: str) -> tuple[Statement, Mention]:
    start = text.index(words)
    at = text.index(name)
    ref = Span(at, at + len(name))
    s = Statement(
        id="s1",
        article_id="a1",
        speaker=words,
        speaker_actor_id="ada-roe",
        cue="said",
        text="the talks would go on",
        kind="reported",
        span=Span(len(text) - 22, len(text) - 1),
        speaker_span=Span(start, start + len(words)),
        speaker_ref=ref,
    )
    return s, Mention("a1", ref, name, "PERSON", "ada-roe")


def test_the_administration_named_after_a_person_is_not_the_person():
    known = {"ada-roe": Actor("ada-roe", "Ada Roe", "person")}
    for words in ("The Roe administration", "Other Roe campaign officials", "Roe's government"):
        text = f"{words} said the talks would go on."
        s, m = _statement(text, words, "Roe")
        spans = _by_span([m], [s], {"a1": text}.get)
        assert _speaker(s, spans, {}, dict(known), EMPTY) is None, words


def test_guard_a_person_named_before_their_administration_still_speaks():
    known = {"ada-roe": Actor("ada-roe", "Ada Roe", "person")}
    text = "Ada Roe, a former Roe administration adviser, said the talks would go on."
    s, m = _statement(text, "Ada Roe, a former Roe administration adviser", "Ada Roe")
    assert _speaker(s, _by_span([m], [s], lambda _: text), {}, dict(known), EMPTY) == "ada-roe"
    text = "Roe said the talks would go on."
    s, m = _statement(text, "Roe", "Roe")
    assert _speaker(s, _by_span([m], [s], lambda _: text), {}, dict(known), EMPTY) == "ada-roe"
