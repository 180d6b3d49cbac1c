"""Independent sources: copies and citation chains count once."""

from __future__ import annotations

import datetime as dt

from parley.models import Event, EventSource, Span
from parley.reconcile.independence import SourceInfo, count_independent, independence, independent_groups
from tests.sources.conftest import run_steps


def test_a_rewrite_is_not_counted_as_independent(vienna):
    store, ids = vienna
    assert independence(store, [ids["original"], ids["rewrite"]]).independent == 1
    assert independence(store, [ids["original"], ids["translation"], ids["rewrite"]]).independent == 1


def test_two_independent_reports_of_the_same_meeting_count_as_two(vienna):
    store, ids = vienna
    result = independence(store, [ids["original"], ids["independent"]])
    assert (result.sources, result.independent) == (2, 2)


def test_a_rewrite_with_a_changed_fact_is_a_different_report(vienna):
    store, ids = vienna
    assert independence(store, [ids["original"], ids["changed_number"]]).independent == 2
    assert independence(store, [ids["original"], ids["negated"]]).independent == 2


def test_a_citing_article_counts_with_the_cited_one(vienna):
    store, ids = vienna
    assert independence(store, [ids["original"], ids["citing"]]).independent == 1
    assert independence(store, [ids["independent"], ids["citing"]]).independent == 2
    every = [ids[k] for k in ("original", "rewrite", "translation", "citing", "independent")]
    result = independence(store, every)
    assert result.independent == 2
    assert result.groups[0][0] == ids["original"]  # the earliest first


def test_the_independence_step_gives_each_event_its_figure(vienna):
    store, ids = vienna
    sources = tuple(
        EventSource(ids[k], Span(0, 10), outlet=None) for k in ("original", "rewrite", "independent")
    )
    event = Event("e1", "meeting", dt.date(2026, 3, 1), "day", (), None, "talks", sources)
    store.replace_records("event", [event])
    run_steps(store, force=True)  # the event was written here, not by a step: nothing marks it new
    [figure] = store.records("independence")
    assert (figure.subject_id, figure.sources, figure.independent) == ("e1", 3, 2)
    store.replace_records("event", [])
    run_steps(store)


def test_citation_chains_and_shared_outlets_collapse():
    infos = [
        SourceInfo("a", outlet="Alpha Wire"),
        SourceInfo("b", outlet="Beta Daily", cites=("Alpha Wire",)),
        SourceInfo("c", outlet="Gamma Times", cites=("Beta Daily",)),  # a chain: c -> b -> a
        SourceInfo("d", outlet="Delta Post"),
        SourceInfo("e", outlet="Epsilon News", cites=("Zeta Agency",)),
        SourceInfo("f", outlet="Eta Herald", cites=("the Zeta Agency",)),  # both relay one outlet
        SourceInfo("g", outlet="Delta Post"),  # the same outlet twice
        SourceInfo("h", copy_of="a"),  # a copy without an outlet
    ]
    assert independent_groups(infos) == [("a", "b", "c", "h"), ("d", "g"), ("e", "f")]
    assert count_independent(infos[3:4]) == 1
    assert count_independent([SourceInfo("x"), SourceInfo("y")]) == 2
