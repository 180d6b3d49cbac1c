"""One body however its side is written: "the Northern General Staff", "Northland's General
Staff" and "the General Staff of the Armed Forces of Northland" are one actor of that side, "the
General Staff" alone is the one an article's side word qualifies, "the Southern MoD" is the
registered Southern Ministry of Defence; two sides' bodies of one kind never meet, nor two
countries' of one side; and an outlet a noun introduces ("broadcaster Vesna") speaks as one.
Names, places, outlets and the registry are made up."""

from __future__ import annotations

from parley.corpus_steps import _by_span, _speaker
from parley.extract.registry import ActorRegistry
from parley.models import Actor, Mention, Span, Statement
from parley.reconcile.body_names import body_key
from tests.extract.statement_runs import SIDES

REGISTRY = (
    SIDES
    + """\
  - id: coast
    name: Coastal allies
    adjectives: [Coastal, Marish, Tidish]
    places: [Marland, Tideland, Coast Union]
actors:
  - id: karl-brandt
    name: Karl Brandt
    kind: person
    side: north
  - id: southern-defence-ministry
    name: Southern Ministry of Defence
    kind: institution
    side: south
    aliases: [Southland's defence ministry]
"""
)


def _registry(tmp_path) -> ActorRegistry:
    path = tmp_path / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return ActorRegistry.load(path)


class _Article:
    """An article's text, its statements (speaker words, optionally the mention they refer to)
    and the mentions the model found, by their words."""

    def __init__(self, article_id: str, text: str) -> None:
        self.id, self.text = article_id, text
        self.mentions: list[Mention] = []
        self.said: list[Statement] = []

    def span(self, words: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(words, start + 1)
        return Span(start, start + len(words))

    def mention(self, words: str, label: str = "ORG", nth: int = 0) -> _Article:
        self.mentions.append(Mention(self.id, self.span(words, nth), words, label))
        return self

    def says(self, words: str, nth: int = 0, ref: tuple[str, int] | None = None) -> Statement:
        where = self.span(words, nth)
        s = Statement(
            id=f"{self.id}-{len(self.said)}",
            article_id=self.id,
            speaker=words,
            speaker_actor_id=None,
            cue="said",
            text="the front was quiet",
            kind="reported",
            span=Span(where.end + 6, where.end + 25),
            speaker_span=where,
            speaker_ref=self.span(*ref) if ref else None,
        )
        self.said.append(s)
        return s


def _resolve(registry: ActorRegistry, *articles: _Article) -> tuple[list[str | None], dict[str, Actor]]:
    """The speaker of every statement, in order, and the actors made, the articles read as one
    batch of the actors step."""
    mentions = sorted((m for a in articles for m in a.mentions), key=lambda m: (m.article_id, m.span.start))
    said = [s for a in articles for s in a.said]
    texts = {a.id: a.text for a in articles}
    spans = _by_span(mentions, said, texts.get)
    known: dict[str, Actor] = {}
    return [_speaker(s, spans, {}, known, registry) for s in said], known


def test_a_side_qualified_body_is_one_actor_however_its_side_is_written(tmp_path):
    registry = _registry(tmp_path)
    a1 = _Article("a1", "The Northern General Staff said the line held near Kelm.")
    a1.says("The Northern General Staff")
    a2 = _Article("a2", "Northland's General Staff said two bridges were hit overnight.")
    a2.mention("Northland", "GPE").says("Northland's General Staff")
    a3 = _Article("a3", "According to Northland’s general staff, the assaults slowed after the rains.")
    a3.mention("Northland", "GPE").says("Northland’s general staff")
    a4 = _Article(
        "a4", "According to the General Staff of the Armed Forces of Northland, 80 clashes took place."
    )
    a4.mention("the Armed Forces of Northland").says("the General Staff of the Armed Forces of Northland")
    ids, known = _resolve(registry, a1, a2, a3, a4)
    assert len(set(ids)) == 1 and None not in ids
    actor = known[ids[0]]
    assert (actor.name, actor.side) == ("Northern General Staff", "north")


def test_a_body_named_after_the_side_possessive_is_named_by_the_sides_adjective(tmp_path):
    registry = _registry(tmp_path)
    a1 = _Article("a1", "Northland's Air Force said it downed 40 drones over Nordstad.")
    a1.mention("Northland", "GPE").mention("Air Force").says("Northland's Air Force", ref=("Air Force", 0))
    a2 = _Article("a2", "The Northern Air Force said the night was calm.")
    a2.says("The Northern Air Force")
    ids, known = _resolve(registry, a1, a2)
    assert ids[0] == ids[1] is not None
    assert (known[ids[0]].name, known[ids[0]].side) == ("Northern Air Force", "north")


def test_a_short_form_or_a_possessive_is_the_registered_body(tmp_path):
    registry = _registry(tmp_path)
    a1 = _Article("a1", "Unconfirmed claims: The Southern MoD claimed that its forces seized Varn.")
    a1.mention("Southern", "NORP").says("The Southern MoD")
    a2 = _Article("a2", "Southland's Defence Ministry said the convoy was attacked.")
    a2.mention("Southland", "GPE").says("Southland's Defence Ministry")
    ids, _ = _resolve(registry, a1, a2)
    assert ids == ["southern-defence-ministry", "southern-defence-ministry"]


def test_two_sides_or_two_countries_bodies_of_one_kind_stay_apart(tmp_path):
    registry = _registry(tmp_path)
    a1 = _Article("a1", "Northland's General Staff said the bridge at Kelm was hit.")
    a1.mention("Northland", "GPE").says("Northland's General Staff")
    a2 = _Article("a2", "Southland's General Staff said the bridge at Kelm was intact.")
    a2.mention("Southland", "GPE").says("Southland's General Staff")
    a3 = _Article("a3", "The Northern MoD said the drills were over.")
    a3.says("The Northern MoD")
    a4 = _Article("a4", "The Marish Ministry of Defence said it would send engineers.")
    a4.mention("The Marish Ministry of Defence").says("The Marish Ministry of Defence")
    a5 = _Article("a5", "Tideland's Ministry of Defence said it would not.")
    a5.mention("Tideland", "GPE").mention("Ministry of Defence")
    a5.says("Tideland's Ministry of Defence", ref=("Ministry of Defence", 0))
    ids, known = _resolve(registry, a1, a2, a3, a4, a5)
    assert None not in ids and len(set(ids)) == 5
    assert "southern-defence-ministry" not in ids
    assert [known[i].side for i in ids] == ["north", "south", "north", "coast", "coast"]


def test_of_a_country_qualifies_only_a_kind_of_body(tmp_path):
    registry = _registry(tmp_path)
    assert body_key("General Staff of the Armed Forces of Northland", registry) == body_key(
        "Northern General Staff", registry
    )
    # a church "of Northland" is its own name, not the Northern Orthodox Church
    assert body_key("Orthodox Church of Northland", registry) is None
    # a city's body is the city's, not the country's
    assert body_key("Nordstad's Military Administration", registry) != body_key(
        "Northern Military Administration", registry
    )
    # a body of one country of a side of several is no other country's of that side
    assert body_key("Marish Ministry of Defence", registry) != body_key(
        "Tidish Ministry of Defence", registry
    )


def test_the_general_staff_alone_is_the_one_its_article_qualifies_if_just_one(tmp_path):
    registry = _registry(tmp_path)
    one = _Article(
        "a1",
        "General Staff of the Armed Forces of Northland\n\n"
        "The enemy attacked 23 times near Kelm, the General Staff of the Armed Forces of Northland said.\n\n"
        "“Three assaults are ongoing”\n\n– General Staff\n",
    )
    one.mention("the Armed Forces of Northland", nth=0)
    one.says("the General Staff of the Armed Forces of Northland")
    one.says("General Staff", nth=2)
    both = _Article(
        "a2",
        "The Northern General Staff and the Southern General Staff traded claims. The General Staff said "
        "nothing more.",
    )
    both.mention("The Northern General Staff").mention("the Southern General Staff")
    both.says("The General Staff")
    alone = _Article("a3", "The General Staff said the roads were closed.")
    alone.says("The General Staff")
    ids, known = _resolve(registry, one, both, alone)
    assert ids[0] == ids[1] is not None and known[ids[0]].side == "north"
    assert ids[2:] == [None, None]
    assert not any(a.name == "General Staff" or "General Staff" in a.aliases for a in known.values())


def test_an_outlet_a_noun_for_a_body_introduces_speaks_as_one(tmp_path):
    registry = _registry(tmp_path)
    text = (
        "Marish national broadcaster Vesna published satellite images of the base. "
        "Vesna reported that the garrison had left. Northern outlet Kroner reported that two "
        "drones flew over the airfield. Later Kroner said the airfield was shut."
    )
    a1 = _Article("a1", text).mention("Vesna", "PERSON").mention("Kroner")
    a1.says("Vesna", nth=1, ref=("Vesna", 0))
    a1.says("Northern outlet Kroner", ref=("Kroner", 0))
    a1.says("Kroner", nth=1)
    ids, known = _resolve(registry, a1)
    assert None not in ids and ids[1] == ids[2] != ids[0]
    assert [(known[i].name, known[i].side) for i in ids[:2]] == [("Vesna", None), ("Kroner", None)]


def test_a_one_word_name_no_noun_for_a_body_introduces_is_no_actor(tmp_path):
    registry = _registry(tmp_path)
    text = "Deputy minister Halvard arrived in Nordstad. Halvard said the talks would go on. Ostrava said no."
    a1 = _Article("a1", text).mention("Halvard", "PERSON")
    a1.says("Halvard", nth=1, ref=("Halvard", 0))
    a1.says("Ostrava")
    ids, known = _resolve(registry, a1)
    assert ids == [None, None] and known == {}
