"""Session 27: the event types the CLI and the API accept are those of the taxonomy in use (the
``PARLEY_EVENTS`` file), a taxonomy file edited in place is read again, and a side whose
positions are all held by its actors shows the dossier's name for it (stored with each
position by the positions step), not its id. Taxonomy
files, dossiers and sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources

import pytest
from click.testing import CliRunner

from parley.errors import ConfigError
from parley.extract.event_taxonomy import load_taxonomy
from parley.extract.stances.records import Stance
from parley.lookups import event_types
from parley.models import Span
from parley.positions import changes, positions
from parley.present.cli import cli
from parley.present.positions import brief_lines
from parley.reconcile.positions import build_positions
from parley.store import open_store

SHIPPED = (resources.files("parley.data") / "events.yaml").read_text(encoding="utf-8")
EXTRA_TYPE = """  - id: harvest-festival
    description: A festival held when the crops are brought in.
    nouns: [festival]
"""


def _with_extra_type(text: str = SHIPPED) -> str:
    """The shipped taxonomy with one more type, placed first in its list of types."""
    assert "\ntypes:\n" in text
    return text.replace("\ntypes:\n", "\ntypes:\n" + EXTRA_TYPE, 1)


@pytest.fixture
def own_taxonomy(tmp_path, monkeypatch):
    path = tmp_path / "my-events.yaml"
    path.write_text(_with_extra_type(), encoding="utf-8")
    monkeypatch.setenv("PARLEY_EVENTS", str(path))
    return path


# -- 1. the event types are those of the taxonomy in use --------------------------------------------


def test_the_event_types_are_those_of_the_file_the_setting_names(own_taxonomy):
    assert event_types()[0] == "harvest-festival"
    assert event_types() == tuple(t.id for t in load_taxonomy())


def test_without_the_setting_the_event_types_are_the_shipped_ones(monkeypatch):
    monkeypatch.delenv("PARLEY_EVENTS", raising=False)
    assert "harvest-festival" not in event_types()
    assert "meeting" in event_types() and event_types()[:2] == ("proposal-leaked", "proposal-presented")


def test_a_bad_taxonomy_file_is_a_config_error(tmp_path, monkeypatch):
    bad = tmp_path / "broken.yaml"
    bad.write_text("types: [just words\n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_EVENTS", str(bad))
    with pytest.raises(ConfigError, match="invalid event taxonomy"):
        event_types()
    monkeypatch.setenv("PARLEY_EVENTS", str(tmp_path / "missing.yaml"))
    with pytest.raises(ConfigError):
        event_types()


def test_the_timeline_filters_by_a_type_of_ones_own_taxonomy(own_taxonomy, tmp_path):
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    mine = runner.invoke(cli, ["--db", db, "timeline", "--type", "harvest-festival", "--json"])
    assert mine.exit_code == 0, mine.output
    unknown = runner.invoke(cli, ["--db", db, "timeline", "--type", "no-such-type"])
    assert unknown.exit_code == 2 and "harvest-festival" in unknown.output


def test_a_type_asked_for_with_a_bad_taxonomy_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_EVENTS", str(tmp_path / "missing.yaml"))
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["--db", db, "timeline", "--type", "meeting"])
    assert result.exit_code == 3 and "invalid event taxonomy" in result.output
    assert CliRunner().invoke(cli, ["--db", db, "timeline"]).exit_code == 0  # no type asked: not read


def test_help_does_not_read_the_taxonomy(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_EVENTS", str(tmp_path / "missing.yaml"))
    result = CliRunner().invoke(cli, ["timeline", "--help"])
    assert result.exit_code == 0 and "--type" in result.output


# -- 2. a taxonomy file edited in place is read again ---------------------------------------------


def test_a_taxonomy_file_edited_in_place_is_read_again(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(SHIPPED, encoding="utf-8")
    before = load_taxonomy(str(path))
    assert "harvest-festival" not in {t.id for t in before}
    path.write_text(_with_extra_type(), encoding="utf-8")
    after = load_taxonomy(str(path))
    assert after[0].id == "harvest-festival"


def test_an_edit_of_the_same_size_is_seen_by_its_modification_time(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(_with_extra_type(), encoding="utf-8")
    assert load_taxonomy(str(path))[0].id == "harvest-festival"
    stamp = os.stat(path).st_mtime_ns
    path.write_text(_with_extra_type().replace("harvest-festival", "harvest-carnival"), encoding="utf-8")
    os.utime(path, ns=(stamp + 1_000_000_000, stamp + 1_000_000_000))  # however coarse the clock
    assert load_taxonomy(str(path))[0].id == "harvest-carnival"


def test_an_unchanged_file_and_the_shipped_one_are_read_once(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(_with_extra_type(), encoding="utf-8")
    assert load_taxonomy(str(path)) is load_taxonomy(str(path))
    monkeypatch.delenv("PARLEY_EVENTS", raising=False)
    assert load_taxonomy() is load_taxonomy()


# -- 3. a side's name in the positions a reader sees ----------------------------------------------

# what the positions step passes: the dossier's sides, documents and actors by id
NAMES = {"north": "Northern Union", "south": "Southland", "lena-brandt": "Lena Brandt"}


def _stance(article, position, holder, day, issue="fishing-quotas") -> Stance:
    kind = "side" if holder == "south" else "actor"
    side = "south" if holder == "south" else "north"
    return Stance(
        article, issue, position, Span(0, 30), f"words of {article}", holder,
        holder_kind=kind, side=side, date=day, date_from="article", confidence=0.8,
    )  # fmt: skip


@pytest.fixture
def store(tmp_path):
    found = open_store(str(tmp_path / "p.db"))
    stances = [
        _stance("a", "rejects", "lena-brandt", dt.date(2026, 2, 3)),  # the commissioner, for her side
        _stance("b", "accepts", "lena-brandt", dt.date(2026, 2, 10)),
        _stance("c", "demands", "south", dt.date(2026, 2, 4)),  # the side itself
    ]
    found.replace_records("position", build_positions(stances, NAMES))
    yield found
    found.close()


def test_each_position_carries_its_sides_name():
    made = build_positions([_stance("a", "rejects", "lena-brandt", dt.date(2026, 2, 3))], NAMES)
    assert [(p.holder_name, p.side, p.side_name) for p in made] == [
        ("Lena Brandt", "north", "Northern Union")
    ]
    assert build_positions([_stance("a", "rejects", "lena-brandt", None)], {})[0].side_name is None


def test_a_side_held_only_by_its_actors_shows_the_dossiers_name(store):
    assert {c.row: c.row_name for c in positions(store)} == {"north": "Northern Union", "south": "Southland"}
    text = "\n".join(brief_lines(store))
    assert "Northern Union" in text and "\nnorth " not in text
    assert "2026-02-10 Northern Union on fishing-quotas: rejects -> accepts" in text
    assert [m.row_name for m in changes(store) if m.kind == "position"] == ["Northern Union"]


def test_the_brief_and_the_positions_table_show_the_name(store, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "p.db")
    brief = runner.invoke(cli, ["--db", db, "brief"], catch_exceptions=False).output
    assert "Northern Union: fishing-quotas accepts (2026-02-10)" in brief
    table = runner.invoke(cli, ["--db", db, "positions"], catch_exceptions=False).output
    assert table.splitlines()[1].startswith("Northern Union ")
    as_json = runner.invoke(cli, ["--db", db, "positions", "--json"], catch_exceptions=False).output
    assert '"row": "north"' in as_json and '"row_name": "Northern Union"' in as_json


def test_a_name_a_side_held_position_gives_wins():
    stances = [_stance("c", "demands", "south", dt.date(2026, 2, 4))]
    made = build_positions(stances, {**NAMES, "south": "South Coast Council"})
    assert made[0].holder_name == made[0].side_name == "South Coast Council"
