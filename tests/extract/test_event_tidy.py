"""Events tidied: another taxonomy file's ``hypotheses`` and ``senses`` lists are the ones used;
a weekday follows the tense of its clause ("will meet on Monday" the coming one, "met on Monday"
the last); a date coarser than a month ("in 2022") is never a day of the event, nor blocks
a merge; and "his son's meeting with X" is not his meeting with X. Sentences and names written
for these tests; the extractor runs on spaCy's parse, the merge on reports built by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from importlib import resources

import pytest

from parley.extract.events import find_events, load_taxonomy
from parley.extract.mentions import find_mentions
from parley.extract.registry import default_registry
from parley.extract.timex import find_time_expressions
from parley.models import Article, EventMention, Span
from parley.nlp import SpacyParser
from parley.reconcile.event_doers import unnamed_doer
from parley.reconcile.events import merge_events

PUBLISHED = dt.date(2026, 3, 6)  # a Friday
SHIPPED = (resources.files("parley.data") / "events.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _found(parser, text: str, taxonomy=None) -> list[EventMention]:
    registry = default_registry()
    doc = next(iter(parser.parse([text])))
    mentions = find_mentions(doc, "a", registry.on(PUBLISHED))
    times = find_time_expressions(text, PUBLISHED)
    return find_events(doc, "a", mentions, times, [], registry, taxonomy)


def _taxonomy(tmp_path, old: str, new: str):
    assert old in SHIPPED
    path = tmp_path / "events.yaml"
    path.write_text(SHIPPED.replace(old, new), encoding="utf-8")
    return load_taxonomy(str(path))


# -- 1. another taxonomy's lists are honoured --------------------------------------------------

POSSIBLE = "The prospect of a summit in Geneva on Monday was raised by officials."
VERBAL = "In a speech on Tuesday, John Miller attacked the tax loopholes that benefit his rivals."


def test_another_taxonomys_hypotheses_are_the_ones_read(parser, tmp_path):
    assert not [e for e in _found(parser, POSSIBLE) if e.type == "meeting"]
    # a taxonomy that does not count "prospect" as a mere possibility reports the summit
    mine = _taxonomy(tmp_path, "possibility, prospect,", "possibility,")
    assert [e.type for e in _found(parser, POSSIBLE, mine)] == ["meeting"]


def test_another_taxonomys_senses_are_the_ones_read(parser, tmp_path):
    assert not [e for e in _found(parser, VERBAL) if e.type == "strike"]
    mine = _taxonomy(tmp_path, "verbal_verbs: [attack, strike, pound]", "verbal_verbs: []")
    assert [e.type for e in _found(parser, VERBAL, mine)] == ["strike"]


def test_the_shipped_taxonomy_carries_its_lists_on_each_type():
    types = load_taxonomy()
    assert "possibility" in types.hypotheses.possibility_nouns
    strike = next(t for t in types if t.id == "strike")
    assert "attack" in strike.senses.attacks.verbs


# -- 2. a weekday of what is to come ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Lena Brandt will meet Ivo Marek on Monday.", dt.date(2026, 3, 9)),
        ("The two delegations are to meet Monday in Vienna.", dt.date(2026, 3, 9)),
        ("The envoy plans to meet the minister Monday.", dt.date(2026, 3, 9)),
        ("The two ministers met on Monday.", dt.date(2026, 3, 2)),
    ],
)
def test_a_weekday_follows_the_tense_of_its_clause(text, day):
    (monday,) = [t for t in find_time_expressions(text, PUBLISHED) if t.text == "Monday"]
    assert monday.start == day


def test_a_day_of_the_accord_itself_is_still_the_one_before(parser):
    found = _found(parser, "The two sides agreed on Monday to hold talks in Vienna.")
    (accord,) = [e for e in found if e.type == "agreement"]
    assert accord.date == dt.date(2026, 3, 2)


# -- 3 and 4. merging: coarse dates, and someone's son's meeting --------------------------------


def _report(article_id, text, trigger, *, at=0, who, date=None, end=None, precision=None, refs=()):
    """A meeting report of ``text``, told at offset ``at`` of its article."""
    start = at + text.index(trigger)
    return EventMention(
        article_id=article_id,
        type="meeting",
        span=Span(at, at + len(text)),
        trigger=Span(start, start + len(trigger)),
        participant_refs=tuple(Span(at + text.index(r), at + text.index(r) + len(r)) for r in refs),
        participants=tuple(who),
        date=date,
        date_end=end,
        precision=precision,
    ), text


def _merge(told, published=PUBLISHED):
    reports = [m for m, _ in told]
    texts = {(m.article_id, m.span.start): text for m, text in told}
    articles = {
        a: Article(id=a, sha256=a, title="t", text="x" * 900, origin=a, format="text", published=published)
        for a in {m.article_id for m in reports}
    }
    return merge_events(
        reports,
        {id(m): frozenset(m.participants) for m in reports},
        articles,
        taxonomy=replace(load_taxonomy(), places={}),
        words=lambda m: texts[m.article_id, m.span.start],
    )


YEAR = {"date": dt.date(2022, 1, 1), "end": dt.date(2022, 12, 31), "precision": "year"}
PAIR = ["ivo-marek", "lena-brandt"]


def test_a_report_dated_only_to_its_year_makes_an_event_of_that_year():
    told = _report("a", "In 2022 Ivo Marek met Lena Brandt in Vienna.", "met", who=PAIR, **YEAR)
    (event,) = _merge([told])
    assert (event.date, event.precision) == (dt.date(2022, 1, 1), "year")


def test_a_year_holds_the_day_of_the_same_meeting_without_being_that_day():
    # both name the place: a year gives no evidence of its own (session 29), the place does
    year = _report("a", "In 2022 Ivo Marek met Lena Brandt in Vienna.", "met", who=PAIR, **YEAR)
    day = _report(
        "b",
        "Ivo Marek met Lena Brandt in Vienna on 5 March 2022.",
        "met",
        who=PAIR,
        date=dt.date(2022, 3, 5),
        precision="day",
    )
    year, day = ((replace(m, place="Vienna"), text) for m, text in (year, day))
    (event,) = _merge([year, day])
    assert (event.date, event.precision) == (dt.date(2022, 3, 5), "day")
    assert "date" not in event.conflicts  # the year is no other day


def test_a_year_rules_out_a_day_of_another_year():
    year = _report("a", "In 2022 Ivo Marek met Lena Brandt in Vienna.", "met", who=PAIR, **YEAR)
    day = _report(
        "b",
        "Ivo Marek met Lena Brandt on 5 March 2023.",
        "met",
        who=PAIR,
        date=dt.date(2023, 3, 5),
        precision="day",
    )
    assert len(_merge([year, day])) == 2


MONDAY = {"date": dt.date(2026, 3, 2), "precision": "day"}
HIS = "Ivo Marek met Lena Brandt in Vienna on Monday."


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marek's son's meeting with Lena Brandt on Monday drew scrutiny.",
        "His aide's meeting with Lena Brandt on Monday was cordial.",
        "Ivo Marek's son met Lena Brandt on Monday.",
    ],
)
def test_someones_sons_meeting_is_not_his_own(text):
    trigger = "met" if " met " in text else "meeting"
    son = _report("b", text, trigger, who=["lena-brandt"], refs=["Lena Brandt"], **MONDAY)
    assert len(_merge([_report("a", HIS, "met", who=PAIR, **MONDAY), son])) == 2
    assert len(_merge([son, _report("a", HIS, "met", who=PAIR, **MONDAY)])) == 2


def test_the_sons_meeting_is_not_the_fathers_though_both_name_only_the_host():
    # the father is named by his title, which nothing resolved: both reports name only the host
    son = "A source said the minister's son met with Lena Brandt last week."
    father = "Officials said the minister himself met with Lena Brandt on Sunday."
    week = {"date": dt.date(2026, 2, 23), "end": dt.date(2026, 3, 1), "precision": "week"}
    told = [
        _report("a", son, "met", who=["lena-brandt"], **week),
        _report("a", father, "met", at=100, who=["lena-brandt"], date=dt.date(2026, 3, 1), precision="day"),
    ]
    assert len(_merge(told)) == 2


def test_his_own_meeting_and_two_reports_of_the_sons_still_merge():
    own = _report(
        "b", "Ivo Marek's meeting with Lena Brandt on Monday was cordial.", "meeting", who=PAIR, **MONDAY
    )
    assert len(_merge([_report("a", HIS, "met", who=PAIR, **MONDAY), own])) == 1
    son = "Ivo Marek's son's meeting with Lena Brandt on Monday drew scrutiny."
    again = "Ivo Marek's son's meeting with Lena Brandt on Monday was long."
    first = _report("a", son, "meeting", who=["lena-brandt"], **MONDAY)
    second = _report("b", again, "meeting", who=["lena-brandt"], **MONDAY)
    assert len(_merge([first, second])) == 1


@pytest.mark.parametrize(
    ("text", "trigger", "refs", "unnamed"),
    [
        ("Last week's meeting in Geneva was cordial.", "meeting", (), False),
        ("His first meeting with Lena Brandt was cordial.", "meeting", (), False),
        ("The minister's son-in-law's visit to Vienna", "visit", ("The minister's son-in-law",), False),
        ("The minister's son-in-law's visit to Vienna", "visit", (), True),
        ("Ivo Marek's son will meet Lena Brandt.", "meet", (), True),
        ("The boy's father was ready to travel to Vienna.", "travel", (), True),
        ("The firm's previously announced plan to cut jobs", "announced", (), False),
    ],
)
def test_an_unnamed_doer_is_someone_no_mention_names(text, trigger, refs, unnamed):
    m, _ = _report("a", text, trigger, who=[], refs=refs)
    assert unnamed_doer(m, text) is unnamed
