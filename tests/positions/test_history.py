"""Positions over time: earlier-period stances in a cell's history and never its latest when a
current one exists, the earlier positions a change implies, the changes an article states (listed
undated), and how the matrix, the evidence and ``parley changes`` show them — on stances written
here, then on the seed articles as they are (undated), with the shipped dossier."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from parley.bench.stances import ANNOTATIONS, article_files, build_store, load_annotation
from parley.extract.stances.records import Stance
from parley.models import Span
from parley.positions import changes, earlier, positions
from parley.present.positions import change_lines, evidence_lines, matrix_lines
from parley.reconcile.positions import build_positions
from parley.store import open_store
from tests.conftest import SEEDS

NAMES = {"ukraine": "Ukraine", "volodymyr-zelensky": "Volodymyr Zelensky"}


def stance(article, position, period="current", confidence=0.8, holder="ukraine", start=0, **kw) -> Stance:
    kind = "side" if holder == "ukraine" else "actor"
    return Stance(
        article, "territory", position, Span(start, start + 20), f"words of {article}", holder,
        holder_kind=kind, side="ukraine", confidence=confidence, period=period, **kw,
    )  # fmt: skip


@pytest.fixture
def store(tmp_path):
    found = open_store(str(tmp_path / "p.db"))
    yield found
    found.close()


def test_an_earlier_stance_sorts_first_and_is_not_the_position_while_a_current_one_exists():
    (p,) = build_positions(
        [
            stance("a", "rejects", "earlier", confidence=0.95),  # more confident, but earlier
            stance("b", "accepts", confidence=0.5),
            stance("b", "demands", "earlier", confidence=0.9, start=40),
        ],
        NAMES,
    )
    assert [(e.article_id, e.period) for e in p.history][:2] == [("b", "earlier"), ("a", "earlier")]
    assert (p.position, p.evidence.article_id) == ("accepts", "b")
    (only,) = build_positions([stance("a", "rejects", "earlier")], NAMES)
    assert (only.position, only.evidence.period) == ("rejects", "earlier")  # nothing current: it is


def test_on_one_day_the_earlier_stance_of_an_article_comes_before_its_current_one():
    day = dt.date(2025, 12, 24)
    (p,) = build_positions(
        [
            stance("a", "accepts", date=day, confidence=0.5),
            stance("a", "rejects", "earlier", date=day, confidence=0.99),
        ],
        NAMES,
    )
    assert [e.position for e in p.history] == ["rejects", "accepts"] and p.position == "accepts"


def test_a_change_with_no_earlier_stance_in_words_implies_one(store):
    said = stance("a", "accepts", replaces="rejects", period_cue="long a point of contention")
    store.replace_records("position", build_positions([said], NAMES))
    (cell,) = positions(store)
    ((_, before),) = earlier(cell)
    assert (before.position, before.implied, before.period_cue) == (
        "rejects",
        True,
        "long a point of contention",
    )
    (move,) = [m for m in changes(store) if m.kind == "position"]
    assert (move.before, move.after, move.stated, move.date) == ("rejects", "accepts", True, None)
    assert changes(store, since=dt.date(2025, 1, 1)) == []  # undated: cannot be placed after a day


def test_the_cell_shows_its_history_and_changes_say_stated_in_the_article(store):
    found = [
        stance("old", "rejects", "earlier", period_cue="previously"),
        stance("new", "demands", "earlier", period_cue="dropped its demand", start=50),
        stance("new", "accepts_on_condition", replaces="demands", period_cue="dropped its demand", start=50,
               condition="in exchange for guarantees"),
    ]  # fmt: skip
    store.replace_records("position", build_positions(found, NAMES))
    cells = positions(store)
    matrix = "\n".join(matrix_lines(cells))
    assert "accepts if* ?" in matrix and "* changed" in matrix
    lines = evidence_lines(cells)
    assert "    history: earlier: demands, rejects → now: accepts if" in lines
    assert any(line.startswith("    earlier: rejects, by Ukraine (“previously”)") for line in lines)
    moves = change_lines(changes(store))
    assert moves[0].startswith(
        "undated Ukraine on territory: demands -> accepts_on_condition  (stated in the article)"
    )
    assert not any("rejects ->" in line for line in moves)  # two articles, undated: no order between them


def test_a_demand_then_a_refusal_is_one_hard_line_not_a_history_of_change(store):
    found = [
        stance("old", "demands", "earlier", period_cue="previously"),
        stance("new", "rejects", start=50),
    ]
    store.replace_records("position", build_positions(found, NAMES))
    cells = positions(store)
    assert "*" not in "\n".join(matrix_lines(cells)).split("\n")[1]  # not marked changed
    lines = evidence_lines(cells)
    assert not any(line.startswith("    history:") for line in lines), lines
    assert any(line.startswith("    earlier: demands") for line in lines)  # the stance is still listed


def test_a_cell_held_only_earlier_says_so(store):
    store.replace_records("position", build_positions([stance("a", "rejects", "earlier")], NAMES))
    assert "rejects (was)" in "\n".join(matrix_lines(positions(store)))


# -- the seed articles as they come, undated ---------------------------------------------------
@pytest.fixture(scope="module")
def undated_seeds(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    found = build_store(load_annotation(ANNOTATIONS / "seeds.yaml"), tmp_path_factory.mktemp("undated"))
    yield found
    found.close()


def test_on_the_undated_seeds_ukraine_on_territory_rejected_earlier_and_accepts_now(undated_seeds):
    assert sum(a.published is None for a in undated_seeds.articles()) >= 4  # one dateline only
    cell = {(c.row, c.issue): c for c in positions(undated_seeds)}[("ukraine", "territory")]
    assert cell.evidence.period == "current"
    assert cell.position in ("accepts", "accepts_on_condition")
    was = [e for _, e in earlier(cell)]
    assert any(e.position == "rejects" and not e.implied and e.period_cue == "previously" for e in was)
    history = [e for _, e in cell.history]
    assert max(i for i, e in enumerate(history) if e.period == "earlier") < min(
        i for i, e in enumerate(history) if e.period == "current"
    )
    assert any(
        line.startswith("    history: earlier: ") and "rejects" in line for line in evidence_lines([cell])
    )
    stated = [m for m in changes(undated_seeds) if m.stated and m.row == "ukraine" and m.issue == "territory"]
    assert any(m.before == "rejects" and m.after in ("accepts", "accepts_on_condition") for m in stated)
    assert all(m.date is None for m in stated)


def test_on_the_seeds_the_annotated_periods_and_changes_are_read(undated_seeds):
    """Each annotated stance that is read has the annotated period; each annotated change is read
    with what it replaces (the benchmark scores whether stances are read at all)."""
    data = yaml.safe_load((ANNOTATIONS / "seeds.yaml").read_text(encoding="utf-8"))
    files = article_files(undated_seeds, load_annotation(ANNOTATIONS / "seeds.yaml"))
    read: dict[tuple, list[Stance]] = {}
    for s in undated_seeds.records("stance"):
        read.setdefault((files[s.article_id], s.holder, s.issue, s.position), []).append(s)
    checked = 0
    for name, entry in data["articles"].items():
        for holder, issue, position, period in entry.get("periods") or []:
            got = read.get((name, holder, issue, position), [])
            assert not got or any(s.period == period for s in got), (name, holder, issue, position, period)
            checked += bool(got)
        for holder, issue, position, replaced in entry.get("changes") or []:
            got = read.get((name, holder, issue, position), [])
            assert any(s.replaces == replaced and s.period == "current" for s in got), (name, holder, issue)
    assert checked >= 5


def test_what_changed_since_lists_a_stated_change_and_no_old_position_as_new(tmp_path):
    from parley.changes import changes_since
    from parley.clean import clean_article
    from parley.models import RawArticle

    found = open_store(str(tmp_path / "since.db"))
    raws = [
        RawArticle(f"mem://{day}", "text", f"Talks on day {day}", f"Words of day {day}.", "Harbor Times",
                   published=dt.date(2025, 12, day))
        for day in (1, 20)
    ]  # fmt: skip
    arts = [clean_article(r, today=dt.date(2025, 12, 30)) for r in raws]
    run = found.begin_run(["mem"])
    found.add_articles(arts, run)
    found.finish_run(run, 2, 0, 0)
    late = dt.date(2025, 12, 20)
    said = [
        stance(arts[1].id, "demands", "earlier", date=late, period_cue="its long-held ambition"),
        stance(arts[1].id, "accepts", date=late, replaces="demands", period_cue="its long-held ambition"),
    ]
    found.replace_records("position", build_positions(said, NAMES))
    c = changes_since(found, dt.date(2025, 12, 19))
    assert c is not None
    assert [(m["before"], m["after"], m["stated"]) for m in c.moved_positions] == [
        ("demands", "accepts", True)
    ]
    assert c.new_positions == []  # the article says it was held before: not first taken since
    found.close()


def test_a_demand_then_a_refusal_is_one_hard_line_not_a_change(store):
    """A side that demands the whole region one week and rejects a proposed buffer zone the next
    holds one line; accepting terms and then refusing them is a change."""
    day, later = dt.date(2025, 11, 20), dt.date(2025, 12, 4)

    def moves_and_matrix(first: str, then: str) -> tuple[list[tuple[str, str | None, str | None]], str]:
        found = [
            stance("a", first, date=day, date_from="article"),
            stance("b", then, date=later, date_from="article"),
        ]
        store.replace_records("position", build_positions(found, NAMES))
        moves = [(m.row, m.before, m.after) for m in changes(store) if m.kind == "position"]
        return moves, "\n".join(matrix_lines(positions(store)))

    moves, matrix = moves_and_matrix("demands", "rejects")
    assert moves == [] and "rejects 12-04" in matrix and "* changed" not in matrix
    moves, matrix = moves_and_matrix("accepts", "rejects")
    assert moves == [("ukraine", "accepts", "rejects")]
