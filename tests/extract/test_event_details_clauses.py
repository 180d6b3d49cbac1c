"""An event's details read from the right words: a place of the event itself, not of another noun
of its sentence; a date of an "after"/"since" clause or phrase bounds the event, it does not date
it; the making of a plan is not its presentation; a sentence that only tells a time dates the
undated report right before it; a season of a year tells a story's year; what is told as done is
never dated after its telling; and such a dated report is one event with the undated report of
it later in its article. Short texts written for these tests, run through the whole per-article
pipeline (spaCy's parse included), and reports built by hand for the merge; names invented or
public figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from parley.extract.event_taxonomy import load_taxonomy
from parley.extract.registry import default_registry
from parley.extract.timex import find_time_expressions
from parley.models import Article, EventMention, Span
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.reconcile.events import merge_events
from tests.extract.test_event_reports import event_mentions, one_event

PUBLISHED = dt.date(2026, 2, 20)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _of_type(pipeline, text: str, kind: str):
    return one_event(pipeline, text, kind, PUBLISHED)


# -- places: the preposition must hang from the event's own words ------------------------------


def test_a_place_of_the_noun_a_call_is_for_is_not_the_proposal_s_place(pipeline):
    text = (
        "In January 2024, Britain called for a new trade order in Asia by presenting a detailed "
        "plan to its partners."
    )
    event = _of_type(pipeline, text, "proposal-presented")
    assert event.place is None and event.date == dt.date(2024, 1, 1)


def test_a_place_of_a_strike_s_target_is_the_strike_s(pipeline):
    event = _of_type(pipeline, "Ukrainian drones struck an oil depot in Bryansk on Monday.", "strike")
    assert event.place == "Bryansk"


def test_a_place_of_the_party_met_with_is_the_meeting_s(pipeline):
    text = "European negotiators met separately with the Ukrainian team in Geneva."
    assert _of_type(pipeline, text, "meeting").place == "Geneva"


@pytest.mark.parametrize(
    "text",
    [
        "The envoys spent about three hours at a hotel near Geneva on Monday, the second round since "
        "the minister resigned.",
        "The meeting between the two envoys went on for nearly four hours in Geneva on Monday evening.",
    ],
)
def test_a_place_of_the_hours_a_meeting_took_or_of_its_verb_is_the_meeting_s(pipeline, text):
    assert _of_type(pipeline, text, "meeting").place == "Geneva"


def test_a_building_named_after_to_is_where_a_visit_went(pipeline):
    text = "Finland's defence minister, Antti Hakkanen, recalled a visit to the Pentagon last week."
    assert _of_type(pipeline, text, "visit").place == "Pentagon"


def test_a_known_place_naming_where_someone_arrived_is_the_visit_s_place(pipeline):
    text = "Soon after Hans Weber arrived at his upmarket Kyiv hotel, the ambassador to Ukraine called him."
    assert _of_type(pipeline, text, "visit").place == "Kyiv"


def test_a_place_of_someone_s_title_is_not_the_visit_s(pipeline):
    text = "Soon after Hans Weber arrived on Monday, the ambassador to Ukraine called him."
    assert _of_type(pipeline, text, "visit").place is None


# -- dates under "after", "since" ... bound the event ------------------------------------------


def test_a_date_of_an_after_clause_is_not_the_event_s(pipeline):
    text = (
        "Finland's defence minister, Antti Hakkanen, recalled a visit to the Pentagon, shortly after "
        "he took office in June 2023."
    )
    visit = _of_type(pipeline, text, "visit")
    assert visit.date is None and visit.place == "Pentagon"


def test_a_date_right_after_an_after_phrase_is_that_phrase_s(pipeline):
    text = (
        "The economy held up after sanctions, which the European Union imposed in Brussels after "
        "Russia's invasion in February 2022."
    )
    found = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "sanction"]
    assert found and all(e.date is None for e in found)


def test_a_day_after_a_time_of_day_under_after_is_the_event_s(pipeline):
    event = _of_type(pipeline, "Russia launched 200 drones after midnight on Tuesday.", "strike")
    assert event.date == dt.date(2026, 2, 17)


def test_the_date_of_the_trigger_s_own_after_clause_is_its_own(pipeline):
    text = "The talks ended after Steve Witkoff met Vladimir Putin in Moscow on Tuesday."
    meeting = next(
        e for e in event_mentions(pipeline, text, PUBLISHED) if text[e.trigger.start : e.trigger.end] == "met"
    )
    assert meeting.date == dt.date(2026, 2, 17) and meeting.place == "Moscow"


# -- the making of a plan ----------------------------------------------------------------------


def test_a_plan_written_by_people_is_drafted_with_who_was_consulted(pipeline):
    text = (
        "The 12-point framework was written by Steve Witkoff and Jared Kushner in consultation "
        "with Kirill Dmitriev."
    )
    found = event_mentions(pipeline, text, PUBLISHED)
    assert not [e for e in found if e.type == "proposal-presented"]
    drafted = _of_type(pipeline, text, "proposal-drafted")
    assert set(drafted.participants) == {"steve-witkoff", "jared-kushner", "kirill-dmitriev"}


def test_a_plan_presented_is_still_presented(pipeline):
    text = "Volodymyr Zelensky presented the proposals to journalists on Tuesday."
    event = _of_type(pipeline, text, "proposal-presented")
    assert event.participants == ("volodymyr-zelensky",) and event.date == dt.date(2026, 2, 17)


# -- a sentence that only tells a time ---------------------------------------------------------

TRIP = "Igor Petrov had flown to Vienna to see the chancellor, but in the end the two spoke only by phone."


def test_a_sentence_that_only_tells_a_time_dates_the_report_before_it(pipeline):
    visit = _of_type(pipeline, TRIP + " It was October 2021, and the crisis was deepening.", "visit")
    assert (visit.date, visit.precision) == (dt.date(2021, 10, 1), "month")


def test_a_month_told_in_the_past_is_the_one_before_publication(pipeline):
    visit = _of_type(pipeline, TRIP + " That was in March.", "visit")
    assert (visit.date, visit.precision) == (dt.date(2025, 3, 1), "month")


def test_a_time_that_dates_another_clause_dates_no_report_before_it(pipeline):
    visit = _of_type(pipeline, TRIP + " It was March 2021 when the talks began.", "visit")
    assert visit.date is None


def test_a_time_in_the_next_paragraph_dates_nothing(pipeline):
    assert _of_type(pipeline, TRIP + "\nIt was October 2021.", "visit").date is None


# -- the story's year and the telling's date ---------------------------------------------------


def test_a_season_of_a_year_tells_the_year_of_a_day_after_it():
    text = (
        "The dispute first flared in the spring of 2019, when the union walked out. The owners "
        "offered a deal on 21 April, and the union rejected it."
    )
    values = {t.text: t.value for t in find_time_expressions(text, PUBLISHED)}
    assert values["21 April"] == "2019-04-21"


def test_a_season_without_its_year_tells_none():
    text = (
        "The dispute first flared in the spring, when the union walked out. The owners offered "
        "a deal on 21 April."
    )
    values = {t.text: t.value for t in find_time_expressions(text, PUBLISHED)}
    assert values["21 April"] == "2025-04-21"


def test_what_is_told_as_done_is_never_dated_after_its_telling(pipeline):
    text = (
        "The intelligence suggested the president could use a speech, due on 21 April, to threaten "
        "his neighbour. A day later the army announced in Minsk that its drills were over."
    )
    # "a day later" read after the coming 21 April is 22 April, after the article's Friday
    found = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "statement"]
    assert found and all(e.date is None or e.date <= PUBLISHED for e in found)


def test_a_day_read_against_an_earlier_date_of_the_text_keeps_its_date(pipeline):
    text = (
        "Tanks massed at the border on 21 February 2022. Three days later, on 24 February, "
        "Vladimir Putin announced the start of the war."
    )
    assert _of_type(pipeline, text, "statement").date == dt.date(2022, 2, 24)


def test_a_past_weekday_read_as_the_coming_one_is_still_the_one_before(pipeline):
    event = _of_type(pipeline, "The army announced on Monday that its drills were over.", "statement")
    assert event.date == dt.date(2026, 2, 16)


# -- merging: a report dated by its month, and the undated report of it later on ----------------


def _article(article_id: str) -> Article:
    return Article(
        id=article_id,
        sha256=article_id,
        title="t",
        text="x" * 900,
        origin=article_id,
        format="text",
        published=PUBLISHED,
    )


def _visit(article_id, start, text, *, who, place=None, month=None):
    end = dt.date(2021, 11, 30) if month else None
    m = EventMention(
        article_id=article_id,
        type="visit",
        span=Span(start, start + len(text)),
        trigger=Span(start, start + 5),
        participants=tuple(who),
        place=place,
        date=month,
        date_end=end,
        precision="month" if month else None,
    )
    return m, text


def _merge(told):
    reports = [m for m, _ in told]
    texts = {(m.article_id, m.span.start): text for m, text in told}
    return merge_events(
        reports,
        {id(m): frozenset(m.participants) for m in reports},
        {a: _article(a) for a in {m.article_id for m in reports}},
        taxonomy=replace(load_taxonomy(), places={}),
        words=lambda m: texts[m.article_id, m.span.start],
    )


def test_an_undated_report_joins_the_month_dated_event_its_article_told():
    dated = _visit(
        "a",
        0,
        "Ivo Marek had flown to Vienna to see Lena Brandt. It was November 2021.",
        who=["ivo-marek", "lena-brandt"],
        month=dt.date(2021, 11, 1),
    )
    later = _visit(
        "a",
        500,
        "The next week, after Marek visited Vienna, two officials flew home.",
        who=["ivo-marek"],
        place="Vienna",
    )
    (event,) = _merge([dated, later])
    assert event.date == dt.date(2021, 11, 1) and len(event.sources) == 2


def test_an_undated_report_of_another_article_stays_apart_from_a_month_dated_event():
    dated = _visit(
        "a",
        0,
        "Ivo Marek had flown to Vienna to see Lena Brandt. It was November 2021.",
        who=["ivo-marek", "lena-brandt"],
        month=dt.date(2021, 11, 1),
    )
    other = _visit("b", 0, "Ivo Marek visited Vienna to meet investors.", who=["ivo-marek"], place="Vienna")
    assert len(_merge([dated, other])) == 2
