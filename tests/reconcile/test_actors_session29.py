"""Misspelt names, things read as persons, and courtesy titles read across the whole corpus."""

from __future__ import annotations

import datetime as dt

from parley import corpus_steps
from parley.clean import clean_article
from parley.corpus import CorpusContext
from parley.extract.mentions import _person_shape, name_words
from parley.extract.registry import default_registry
from parley.models import Mention, RawArticle, Span, Statement
from parley.reconcile.actors import resolve_actors
from parley.reconcile.name_labels import thing_role
from parley.reconcile.name_spellings import dropped_letter
from parley.store import ArticleRecords, open_store


def _m(article: str, start: int, text: str, role=None, side=None, label="PERSON") -> Mention:
    return Mention(article, Span(start, start + len(text)), text, label, None, role, side)


def _actors(*mentions: Mention):
    actors, resolved = resolve_actors(list(mentions), default_registry())
    return {a.name for a in actors if a.kind == "person"}, {
        (m.article_id, m.text): m.actor_id for m in resolved
    }


# -- a letter dropped from a given name ---------------------------------------------------------


def test_a_given_name_with_a_letter_dropped_inside_is_the_same_person():
    # a machine translation lost the "ł" of "Radosław": "Radosaw Wieczorek" in one report
    names, ids = _actors(
        _m("a1", 0, "Radoslaw Wieczorek", role="Polish deputy minister"),
        _m("a2", 0, "Radosaw Wieczorek", role="deputy minister"),
        _m("a3", 0, "Radoslaw Wieczorek"),
    )
    assert names == {"Radoslaw Wieczorek"}
    assert ids[("a2", "Radosaw Wieczorek")] == ids[("a1", "Radoslaw Wieczorek")]


def test_a_dropped_letter_is_inside_a_long_enough_name():
    assert dropped_letter("bronislaw", "bronisaw")
    assert dropped_letter("stanisław", "stanisaw")  # the letter itself left out
    # a letter no encoding loses: other given names, not spellings of one
    assert not any(
        dropped_letter(a, b) for a, b in [("martin", "marin"), ("yasmin", "yasin"), ("pietro", "piero")]
    )
    assert not dropped_letter("ivana", "ivanka")  # near the end: another given name
    assert not dropped_letter("jana", "jan")
    assert not dropped_letter("olga", "ola")  # short names need more than one letter
    assert not dropped_letter("martin", "marvin")  # a letter changed, not dropped


def test_guard_ivana_and_ivanka_of_one_family_stay_two():
    names, _ = _actors(_m("a1", 0, "Ivana Roeder"), _m("a2", 0, "Ivanka Roeder"))
    assert names == {"Ivana Roeder", "Ivanka Roeder"}


def test_guard_two_spellings_one_article_writes_are_two_people():
    names, _ = _actors(_m("a1", 0, "Jon Smithers"), _m("a1", 40, "John Smithers"))
    assert names == {"Jon Smithers", "John Smithers"}
    names, _ = _actors(_m("a1", 0, "Radoslaw Wieczorek"), _m("a1", 40, "Radosaw Wieczorek"))
    assert len(names) == 2


def test_guard_a_spelling_read_with_another_side_is_another_person():
    names, _ = _actors(
        _m("a1", 0, "Radoslaw Wieczorek", side="ukraine"), _m("a2", 0, "Radosaw Wieczorek", side="russia")
    )
    assert len(names) == 2


def test_guard_the_other_name_part_must_be_the_very_same():
    names, _ = _actors(_m("a1", 0, "Radoslaw Wieczorek"), _m("a2", 0, "Radosaw Wieczorkek"))
    assert len(names) == 2


def test_guard_spellings_in_different_articles_still_join():
    names, _ = _actors(_m("a1", 0, "Andriy Marchenko"), _m("a2", 0, "Andrii Marchenko"))
    assert len(names) == 1


# -- a hyphen written as a space ----------------------------------------------------------------


def test_a_hyphen_written_as_a_space_is_the_same_name():
    names, ids = _actors(
        _m("a1", 0, "Abdul Karim Al Rashed", role="airline spokesman"),
        _m("a2", 0, "Abdul Karim Al-Rashed"),
        _m("a2", 60, "Al-Rashed"),
    )
    assert len(names) == 1
    assert ids[("a2", "Al-Rashed")] == ids[("a1", "Abdul Karim Al Rashed")] is not None


def test_a_hyphen_written_as_a_space_is_the_same_name_in_either_order():
    names, _ = _actors(_m("a1", 0, "Abdul Karim Al-Rashed"), _m("a2", 0, "Abdul Karim Al Rashed"))
    assert len(names) == 1


def test_guard_names_a_letter_apart_that_no_encoding_loses_are_two_people():
    names, _ = _actors(_m("a1", 0, "Martina Horvatek"), _m("a2", 0, "Marina Horvatek"))
    assert names == {"Martina Horvatek", "Marina Horvatek"}


# -- a thing's name the model read as a person's ------------------------------------------------


def test_a_name_every_mention_describes_as_a_thing_is_no_one():
    names, ids = _actors(
        _m("a1", 0, "Harbor Insights", role="trade newsletter"),
        _m("a2", 0, "Harbor Insights", role="a weekly trade newsletter"),
        _m("a3", 0, "Melody Streams", role="streaming service"),
    )
    assert names == set()
    assert ids[("a1", "Harbor Insights")] is None


def test_thing_roles_read_their_head_noun_in_lower_case():
    assert thing_role("South Korean newspaper")
    assert thing_role("state-controlled messenger app")
    assert not thing_role("Salem Radio's")  # a possessive: the person works there
    assert not thing_role("Al-Anbar Provincial Council")  # a body's name: a person heads it
    assert not thing_role("veteran broadcaster")  # a person's work
    assert not thing_role("head of the agency")
    assert not thing_role(None)


def test_guard_a_person_with_one_role_misread_as_a_thing_stays():
    names, _ = _actors(
        _m("a1", 0, "Semyon Volkov", role="social media military project channel"),
        _m("a1", 80, "Volkov"),
    )
    assert names == {"Semyon Volkov"}
    names, _ = _actors(_m("a1", 0, "Nadia Kerr", role="charity"), _m("a2", 0, "Nadia Kerr", role="founder"))
    assert names == {"Nadia Kerr"}


# -- courtesy titles of the whole corpus --------------------------------------------------------


def _article(n: int):
    raw = RawArticle(
        origin=f"wire/{n}.txt",
        format="text",
        title=f"Budget talks, day {n}",
        text=f"Dana Reyes spoke on day {n}. The budget will pass, he said. Mrs. Dana Reyes left.",
        url=f"https://wire.example/budget/{n}",
    )
    return clean_article(raw, today=dt.date(2026, 3, 30))


def test_a_title_in_a_later_batch_reaches_an_earlier_batchs_pronoun(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_steps, "ARTICLES_AT_ONCE", 1)  # each article a batch of its own
    store = open_store(str(tmp_path / "t.db"))
    run = store.begin_run(["wire"])
    articles = [_article(n) for n in (1, 2)]
    store.add_articles(articles, run)
    store.finish_run(run, 2, 0, 0)
    order = store.unanalysed("")
    last = order[-1]
    results = []
    for a in articles:
        text = a.text
        name = Mention(a.id, Span(0, 10), "Dana Reyes", "PERSON")
        mentions = [name]
        if a.id == last:  # only the article read last gives her title
            at = text.index("Mrs. Dana Reyes")
            mentions.append(Mention(a.id, Span(at, at + 15), "Mrs. Dana Reyes", "PERSON"))
        he = text.index("he said")
        said = Statement(
            f"{a.id[:6]}-1",
            a.id,
            "he",
            None,
            "said",
            "The budget will pass",
            "direct",
            Span(he, he + 7),
            speaker_ref=Span(0, 10),
        )
        results.append(ArticleRecords(a.id, {"mention": tuple(mentions), "statement": (said,)}))
    store.save_analyses(results, "test-1")
    corpus_steps.actors_step(CorpusContext(store, default_registry()))
    speakers = {s.article_id: s.speaker_actor_id for s in store.records("statement")}
    assert speakers == {order[0]: None, order[1]: None}  # "he" is not Mrs. Reyes, in either batch
    assert "dana-reyes" in {a.id for a in store.actors()}


# -- a firm's, a programme's or a caucus's closing word ends no person's name -------------------


def test_a_name_ending_in_a_firms_or_a_programmes_word_is_a_bodys():
    words, registry = name_words(), default_registry()
    for text in ("Harlow Crest Networks", "Meadow Lane Strategies", "Danny Vale Show", "Rural Women Caucus"):
        assert _person_shape(text, registry, words, lambda _text, _person: None) == (text, "ORG")


def test_guard_a_persons_name_stays_a_persons():
    words, registry = name_words(), default_registry()
    for text in ("Dana Whitfield", "Ruth Network-Ames", "Showalter Kane"):
        assert _person_shape(text, registry, words, lambda _text, _person: None) == (text, "PERSON")
