"""A pronoun speaker tied to a person the corpus shows as of the other gender is no link."""

from __future__ import annotations

from parley.extract.registry import default_registry
from parley.models import Mention, Span, Statement
from parley.reconcile.speaker_gender import Genders


def _mention(article: str, text: str, actor_id: str, role: str | None = None) -> Mention:
    return Mention(article, Span(0, len(text)), text, "PERSON", actor_id, role)


def _said_by(speaker: str) -> Statement:
    return Statement("s1", "a2", speaker, None, "said", "We will not raise taxes", "reported", Span(0, 10))


def _genders(*mentions: Mention) -> Genders:
    genders = Genders(default_registry())
    genders.see(mentions)
    return genders


def test_he_is_no_woman_the_titles_show():
    # "Mrs. Reyes said ..." in one article; the extractor read "he said" in another to her
    genders = _genders(_mention("a1", "Mrs. Reyes", "dana-reyes"), _mention("a2", "Dana Reyes", "dana-reyes"))
    assert genders.fits(_said_by("he"), "dana-reyes") is None
    assert genders.fits(_said_by("She"), "dana-reyes") == "dana-reyes"


def test_she_is_no_man_the_title_in_the_role_shows():
    genders = _genders(_mention("a1", "Okafor", "ben-okafor", role="Mr."))
    assert genders.fits(_said_by("she"), "ben-okafor") is None


def test_a_registered_persons_pronouns_decide():
    assert _genders().fits(_said_by("she"), "dmitry-peskov") is None
    assert _genders().fits(_said_by("he"), "dmitry-peskov") == "dmitry-peskov"


def test_guard_no_title_titles_that_disagree_or_a_name_keep_the_link():
    assert (
        _genders(_mention("a1", "Dana Reyes", "dana-reyes")).fits(_said_by("he"), "dana-reyes")
        == "dana-reyes"
    )
    both = _genders(_mention("a1", "Mrs. Reyes", "dana-reyes"), _mention("a2", "Mr. Reyes", "dana-reyes"))
    assert both.fits(_said_by("he"), "dana-reyes") == "dana-reyes"
    titled = _genders(_mention("a1", "Mrs. Reyes", "dana-reyes"))
    assert titled.fits(_said_by("Reyes"), "dana-reyes") == "dana-reyes"
    assert titled.fits(_said_by("he"), None) is None
