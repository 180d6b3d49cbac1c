"""Warning signals that must not be noise: a misspelt name is a near-miss spelling of the actor's
surname, not a part of the name, a suffix, a particle or another word; an unattributed claim is
not a footnoted hedge, a legal "allegedly" about a charge, the writer's own "supposedly", nor
what a video "purportedly shows". Sentences and names written for these tests."""

from __future__ import annotations

import datetime as dt

from parley.models import Actor, Article, Mention, Span
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Claim, ClaimSource
from parley.reconcile.signals import find_signals, name_signals, near_spelling, unattributed_signals

DAY = dt.date(2026, 1, 10)


# -- misspelt names -------------------------------------------------------------------------------


def _spelt(written: str, actor_name: str, registry: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    text = f"On Monday {written} told reporters the talks would go on."
    start = text.index(written)
    mention = Mention("a1", Span(start, start + len(written)), written, "PERSON", "p")
    actors = {"p": Actor("p", actor_name, "person")}
    return [s.explanation for s in name_signals("a1", [mention], actors, registry or {})]


def test_a_part_of_the_name_is_no_misspelling():
    assert not _spelt("Marta Elena", "Marta Elena Vargova")
    assert not _spelt("Elena", "Marta Elena Vargova")


def test_a_generational_suffix_or_a_bare_surname_is_no_misspelling():
    assert not _spelt("Mr. Whitfield", "Thomas Whitfield Jr.")
    assert not _spelt("Thomas R. Whitfield III", "Thomas Whitfield")
    assert not _spelt("Whitfield's", "Thomas Whitfield")


def test_a_name_particle_is_no_misspelling():
    assert not _spelt("Samuel arap", "Samuel arap Kiprono")


def test_another_word_than_the_surname_is_no_misspelling():
    # a middle name, or a link the resolver made: not a spelling of "Dalton" at all
    assert not _spelt("Peter Jameson", "Peter Dalton")


def test_a_near_miss_spelling_of_the_surname_is_a_signal():
    """Guard: a letter dropped, added, changed or two swapped is still a signal."""
    assert _spelt("Andrei Kostenka", "Andrei Kostenko")
    assert _spelt("Rubenstien", "Miriam Rubenstein")
    assert _spelt("Halloway", "Greta Holloway Sr.")
    assert near_spelling("Kostnko", "Kostenko") and not near_spelling("Kostenko", "Kostenko")
    assert not near_spelling("Lind", "Lindqvist") and not near_spelling("Jones", "Jonasson")


def test_a_spelling_the_dossier_lists_is_a_signal():
    """Guard: the dossier's listed misspelling stays a signal, however far from the name."""
    registry = {"p": ("Helmut Brandauer", "Helmut Brantower")}
    found = _spelt("Helmut Brantower", "Helmut Brandauer", registry)
    assert found and "dossier" in found[0]
    assert _spelt("Helmut Brandaur", "Helmut Brandauer", registry)


def _named_corpus(texts: dict[str, tuple[str, str]], actor_name: str) -> Corpus:
    articles, mentions = {}, {}
    for aid, (text, written) in texts.items():
        articles[aid] = Article(aid, aid, "", text, "test", "text", published=DAY)
        start = text.index(written)
        mentions[aid] = [Mention(aid, Span(start, start + len(written)), written, "PERSON", "p")]
    return Corpus(articles, [], mentions, {"p": Actor("p", actor_name, "person")})


def _name_signals(corpus: Corpus, registry: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    found = find_signals(corpus, [], [], {}, registry or {}, ())
    return [s.article_id for s in found if s.kind == "misspelt-name"]


def test_the_spelling_most_articles_use_is_no_misspelling_of_a_one_off_name():
    # the actor's name was taken from the one article that swapped two letters
    corpus = _named_corpus(
        {
            "a1": ("Daniel Stweard said the school called him. Steward was angry.", "Daniel Stweard"),
            "a2": ("His father, Daniel Steward, said the school had overreacted.", "Daniel Steward"),
        },
        "Daniel Stweard",
    )
    assert _name_signals(corpus) == []


def test_a_one_off_misspelling_is_still_a_signal():
    """Guard: the article that writes the name unlike the others keeps its signal, and a
    dossier's name is never outvoted."""
    corpus = _named_corpus(
        {
            "a1": ("Trade Minister Joseph Kamuto met the envoy on Monday.", "Joseph Kamuto"),
            "a2": ("Trade Minister Joseph Kamoto said the talks would resume.", "Joseph Kamoto"),
        },
        "Joseph Kamoto",
    )
    assert _name_signals(corpus) == ["a1"]
    assert _name_signals(corpus, {"p": ("Joseph Kamuti",)}) == ["a1", "a2"]


# -- unattributed claims --------------------------------------------------------------------------


def _signals(article: str, sentence: str) -> list[str]:
    start = article.index(sentence)
    source = ClaimSource("a1", Span(start, start + len(sentence)), sentence)
    claim = Claim("c1", sentence, "report", None, None, "article", DAY, (), "a1", source.span, (source,), 1)
    corpus = Corpus({"a1": Article("a1", "x", "t", article, "test", "text", published=DAY)}, [], {}, {})
    return [s.text for s in unattributed_signals([claim], corpus)]


def test_a_footnoted_hedge_names_its_source():
    text = "Output of the plant reportedly[14] doubled in the second half of the year."
    assert not _signals(text, text)
    text = "Output of the plant reportedly doubled in the second half of the year.[14] Sales fell."
    assert not _signals(text, text[: text.index("[")])
    text = "Output of the plant reportedly [14] doubled in the second half of the year."
    assert not _signals(text, text)
    text = "Output of the plant reportedly doubled in the second half of the year.\u00b3"
    assert not _signals(text, text[:-1])


def test_a_hedge_followed_by_a_number_is_still_a_signal():
    """Guard: a number after a space is the claim's, not a footnote."""
    text = "Prices rose reportedly 12 per cent in a single month."
    assert _signals(text, text)


def test_a_legal_allegedly_about_a_charged_person_is_no_signal():
    sentence = "Okafor, 31, allegedly leased the warehouse where the parts were stored."
    article = f"A port worker was arrested on Friday and charged with smuggling. {sentence}"
    assert not _signals(article, sentence)
    sentence = "A clerk who allegedly forged the permits was indicted on Tuesday."
    assert not _signals(sentence, sentence)


def test_an_allegedly_with_no_charge_in_sight_is_still_a_signal():
    """Guard: "allegedly" about an act no one is charged with is a hedged claim."""
    sentence = "The unit allegedly struck a fuel depot two hundred kilometres from the border."
    article = f"Long-range drones have changed the war. {sentence}"
    assert _signals(article, sentence) == [sentence]


def test_the_writers_own_supposedly_is_no_signal():
    text = "In the spring the army moved two divisions to the border, supposedly for exercises."
    assert not _signals(text, text)
    text = "The supposedly secret talks were held in a hotel by the lake."
    assert not _signals(text, text)


def test_a_supposedly_that_relays_a_claim_is_still_a_signal():
    """Guard: "would supposedly be" reports something no one is named for."""
    text = "The new model would supposedly be sold only in Asia at first."
    assert _signals(text, text) == [text]


def test_what_a_video_purportedly_shows_is_no_signal():
    text = "A local channel aired footage on Sunday purportedly showing the convoy crossing a bridge."
    assert not _signals(text, text)
    text = "Aerial images of what is said to be a whale stranded in the bay appeared on a blog."
    assert not _signals(text, text)


def test_a_photo_reportedly_shared_is_still_a_signal():
    """Guard: a hedge about what happened to a photo, not what it shows, is a hedged claim."""
    text = "The rumour spread after a photo of the minister was reportedly shared by his aide."
    assert _signals(text, text) == [text]


def test_a_hedge_in_what_a_report_says_is_no_signal():
    text = "The rumour, which began on a trade blog, hinted that the tablet would supposedly ship in May."
    assert not _signals(text, text)
    text = "The original story went on to detail how the singer allegedly learnt the song from his aunt."
    assert not _signals(text, text)


def test_a_report_named_without_saying_the_claim_is_still_a_signal():
    """Guard: "from that summit" is no report saying what follows."""
    text = "The report from that summit was reportedly handed to the minister on Friday."
    assert _signals(text, text) == [text]
