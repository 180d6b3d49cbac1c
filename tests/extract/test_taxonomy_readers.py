"""Every event reader takes its lists from the one loaded taxonomy: a taxonomy of another file
brings its own ``words`` (who can be met, verbs of claiming), ``places`` (where each place lies)
and ``kin`` (types that stand for one happening), not those of the shipped ``events.yaml``; with
no taxonomy given, or a bare list of types, the shipped lists are read. Sentences and names
written for these tests; the extractor runs on spaCy's parse, the kin merge on drafts built by
hand."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from parley.extract.event_taxonomy import Taxonomy, taxonomy_of
from parley.extract.events import find_events, load_taxonomy
from parley.extract.mentions import find_mentions
from parley.extract.registry import default_registry
from parley.extract.timex import find_time_expressions
from parley.models import EventMention, Span
from parley.nlp import SpacyParser
from parley.reconcile.event_kin import merge_kin
from parley.reconcile.events import _Draft

PUBLISHED = dt.date(2026, 3, 6)  # a Friday
MONDAY = dt.date(2026, 3, 2)
SHIPPED = (resources.files("parley.data") / "events.yaml").read_text(encoding="utf-8")
PLACES_END = "  Bishkek: Kyrgyzstan"  # the last of the shipped ``places``


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _found(parser, text: str, taxonomy=None) -> list[EventMention]:
    registry = default_registry()
    doc = next(iter(parser.parse([text])))
    mentions = find_mentions(doc, "a", registry.on(PUBLISHED))
    times = find_time_expressions(text, PUBLISHED)
    return find_events(doc, "a", mentions, times, [], registry, taxonomy)


def _taxonomy(tmp_path, old: str, new: str) -> Taxonomy:
    """The shipped file with ``old`` written as ``new``, loaded from its own path."""
    assert old in SHIPPED
    path = tmp_path / "events.yaml"
    path.write_text(SHIPPED.replace(old, new), encoding="utf-8")
    return load_taxonomy(str(path))


# -- 1. words ------------------------------------------------------------------------------------

INSISTED = "Lena Brandt insisted that she had met Ivo Marek on Tuesday."
CREDITORS = "The governor met the creditors in Vienna on Monday."


def test_another_taxonomys_claim_verbs_are_the_ones_read(parser, tmp_path):
    assert [e.status for e in _found(parser, INSISTED)] == ["reported"]
    mine = _taxonomy(
        tmp_path, "claim_verbs: [claim, allege, purport]", "claim_verbs: [claim, allege, purport, insist]"
    )
    assert "insist" in mine.words.claim_verbs
    assert [e.status for e in _found(parser, INSISTED, mine)] == ["claimed"]


def test_another_taxonomys_party_nouns_are_the_ones_read(parser, tmp_path):
    # shipped: "creditors" are no party, so "met the creditors" is no meeting
    assert _found(parser, CREDITORS) == []
    mine = _taxonomy(tmp_path, "  party_nouns: [\n", "  party_nouns: [\n    creditor,\n")
    events = _found(parser, CREDITORS, mine)
    assert [(e.type, e.place, e.date) for e in events] == [("meeting", "Vienna", MONDAY)]


def test_the_shipped_claim_verbs_still_make_a_claim(parser):
    text = "Lena Brandt claimed that she had met Ivo Marek on Tuesday."
    assert [e.status for e in _found(parser, text)] == ["claimed"]


# -- 2. places -----------------------------------------------------------------------------------

TALLINN = "The Tallinn talks between the two delegations ended on Monday."


def test_another_taxonomys_places_are_the_ones_read(parser, tmp_path):
    # shipped: a city it does not list before "talks" is taken for a party, not the place
    assert [e.place for e in _found(parser, TALLINN)] == [None]
    mine = _taxonomy(tmp_path, PLACES_END, PLACES_END + "\n  Tallinn: Estonia")
    assert mine.places["tallinn"] == "Estonia"
    events = _found(parser, TALLINN, mine)
    assert [(e.place, e.participant_refs) for e in events] == [("Tallinn", ())]


def test_the_shipped_places_still_place_talks(parser):
    events = _found(parser, "The Geneva talks between the two delegations ended on Monday.")
    assert [e.place for e in events] == ["Geneva"]
    assert [e.place for e in _found(parser, "The envoys held talks at the Kremlin on Monday.")] == ["Moscow"]


# -- 3. kin --------------------------------------------------------------------------------------


def _draft(type_: str, place: str, start: int) -> _Draft:
    """A draft of one report of ``type_`` in ``place`` on Monday, by one envoy."""
    m = EventMention(
        "a",
        type_,
        Span(start, start + 60),
        Span(start, start + 5),
        place=place,
        date=MONDAY,
        date_end=MONDAY,
        precision="day",
    )
    draft = _Draft(type_)
    draft.add((m, frozenset({"envoy"}), None))
    return draft


def _merged(taxonomy: Taxonomy) -> list[str]:
    # a visit to a country and a meeting in its capital, the same day, by the same envoy
    drafts = [_draft("meeting", "Lisbon", 0), _draft("visit", "Portugal", 300)]
    return sorted(d.type for d in merge_kin(drafts, taxonomy.places, taxonomy.kin))


LISBON = PLACES_END + "\n  Lisbon: Portugal"


def test_another_taxonomys_places_join_a_visit_to_its_meeting(tmp_path):
    # shipped: Lisbon is not known to lie in Portugal, so the two stay apart
    assert _merged(load_taxonomy()) == ["meeting", "visit"]
    mine = _taxonomy(tmp_path, PLACES_END, LISBON)
    assert _merged(mine) == ["meeting"]  # the visit joined the meeting it was for


def test_another_taxonomys_kin_are_the_ones_read(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(
        SHIPPED.replace("  - [meeting, visit]\n", "").replace(PLACES_END, LISBON), encoding="utf-8"
    )
    theirs = load_taxonomy(str(path))
    assert theirs.kin == (("interview", "statement"),)
    # its kin do not pair a visit with a meeting: the two stay apart, though the places agree
    assert _merged(theirs) == ["meeting", "visit"]


# -- 4. the shipped taxonomy, loaded once --------------------------------------------------------


def test_the_shipped_lists_are_those_of_the_one_loaded_taxonomy():
    shipped = load_taxonomy()
    assert load_taxonomy(None) is shipped
    assert "delegation" in shipped.words.party_nouns
    assert shipped.places["geneva"] == "Switzerland"
    assert shipped.kin == (("meeting", "visit"), ("interview", "statement"))


def test_a_taxonomy_reads_as_its_types():
    shipped = load_taxonomy()
    assert len(shipped) == len(shipped.types) and list(shipped) == list(shipped.types)
    assert shipped[0] is shipped.types[0] and shipped[1:3] == shipped.types[1:3]
    assert {"meeting", "visit", "strike"} <= {t.id for t in shipped}


def test_a_bare_list_of_types_takes_the_shipped_lists(parser):
    shipped = load_taxonomy()
    given = taxonomy_of(list(shipped.types))
    assert given.types == shipped.types and given.words is shipped.words and given.places is shipped.places
    assert taxonomy_of(None) is shipped and taxonomy_of(shipped) is shipped
    # the extractor given the types alone still reads the shipped words
    text = "Lena Brandt claimed that she had met Ivo Marek on Tuesday."
    assert [e.status for e in _found(parser, text, list(shipped.types))] == ["claimed"]
