"""Fault injection: ``kill -9`` at random moments of ingest and analyse, two ingests at once on one
SQLite file, and a PostgreSQL server restarted mid-ingest. After each fault the store is checked
with :func:`parley.doctor.diagnose`; after the last, the same command runs to completion and what
is stored is compared with an uninterrupted run on the same input.

    python -m parley.bench.faults --kills 20 --articles 10000 --analyse-articles 120 \\
        [--postgres URL --pg-cluster 15/parley_faults]

Every scenario is one row of the table: ``runs`` (processes killed or disturbed), ``lost``
(articles or records the reference has and the store lacks), ``duplicated`` (stored twice, or
reported new by two runs), ``corrupt`` (doctor errors found after any fault or at the end).
Kill moments are drawn (seeded) between 5% and 95% of the reference run's duration.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parley.bench.ingest import build_corpus
from parley.doctor import diagnose

COMMAND_TIMEOUT = 3600  # seconds for one uninterrupted run


@dataclass(frozen=True)
class Outcome:
    scenario: str
    runs: int  # processes killed (or disturbed) before the final run
    expected: int  # articles or records an uninterrupted run stores
    stored: int
    lost: int
    duplicated: int
    corrupt: int  # doctor errors, summed over every check made
    seconds: float
    notes: str = ""

    @property
    def ok(self) -> bool:
        return self.lost == self.duplicated == self.corrupt == 0 and self.stored == self.expected


def parley(*args: str) -> list[str]:
    return [sys.executable, "-m", "parley", *args]


def run(command: list[str], timeout: float = COMMAND_TIMEOUT) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode not in (0, 1):  # 1: some inputs failed, the rest stored
        raise RuntimeError(f"{' '.join(command[2:])} exited {result.returncode}: {result.stderr[-2000:]}")
    return result


def run_and_kill(command: list[str], after: float) -> bool:
    """Start ``command``, SIGKILL it ``after`` seconds later; False when it finished first."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def timed(command: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    result = run(command)
    return result, time.perf_counter() - started


def doctor_errors(location: str) -> int:
    return len(diagnose(location).errors)


# -- what a store holds ------------------------------------------------------------------------
def article_rows(location: str) -> list[str]:
    """The content hash of every stored article, one per row (so a row stored twice shows)."""
    from parley.store import open_store

    store = open_store(location)
    try:
        return [a.sha256 for a in store.articles()]
    finally:
        store.close()


def record_rows(path: str) -> list[tuple[str, str, str, str]]:
    """(type, article id, key, data) of every record in a SQLite store; how long a corpus step
    took (its bookkeeping record's ``seconds``) is left out, as it differs from run to run."""
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT type, article_id, key, data FROM records").fetchall()
    finally:
        db.close()
    return [(t, a, k, _without_timing(d)) for t, a, k, d in rows]


def _without_timing(data: str) -> str:
    values = json.loads(data)
    if isinstance(values, dict):  # a corpus step's own bookkeeping: its time, what its last run did
        for key in ("seconds", "changed"):
            values.pop(key, None)
    return json.dumps(values, sort_keys=True)


def compare(scenario: str, expected: list, stored: list, runs: int, corrupt: int, started: float) -> Outcome:
    want, have = set(expected), set(stored)
    return Outcome(
        scenario,
        runs,
        len(want),
        len(stored),
        lost=len(want - have),
        duplicated=len(stored) - len(have) + len(have - want),
        corrupt=corrupt,
        seconds=time.perf_counter() - started,
    )


# -- scenarios ---------------------------------------------------------------------------------
def kill_ingest(corpus: Path, work: Path, kills: int, rng: random.Random) -> Outcome:
    """``kills`` ingests of the same corpus into one SQLite file, each SIGKILLed at a random
    moment, the doctor run after each; then one to completion."""
    started = time.perf_counter()
    reference = str(work / "ingest-reference.db")
    _, duration = timed(parley("ingest", str(corpus), "--db", reference, "-q"))
    db = str(work / "ingest-killed.db")
    killed, corrupt = 0, 0
    for _ in range(kills):
        killed += run_and_kill(
            parley("ingest", str(corpus), "--db", db, "-q"), rng.uniform(0.05, 0.95) * duration
        )
        corrupt += doctor_errors(db) if os.path.exists(db) else 0
    run(parley("ingest", str(corpus), "--db", db, "-q"))
    corrupt += doctor_errors(db)
    outcome = compare("ingest, kill -9", article_rows(reference), article_rows(db), killed, corrupt, started)
    return _noted(outcome, f"reference ingest {duration:.1f} s")


def kill_analyse(corpus: Path, work: Path, kills: int, rng: random.Random) -> Outcome:
    """The same for ``parley analyse --force`` (each run analyses every article again) over an
    ingested corpus; then ``parley analyse`` to completion. Records are compared with an
    uninterrupted analysis of a copy of the same store."""
    started = time.perf_counter()
    db = str(work / "analyse-killed.db")
    run(parley("ingest", str(corpus), "--db", db, "-q"))
    reference = str(work / "analyse-reference.db")
    shutil.copyfile(db, reference)
    _, duration = timed(parley("analyse", "--db", reference))
    # The killed runs are forced runs over an analysed store, faster than the first analysis
    # (the reference): their moments are drawn from a forced run's duration, so each lands.
    forced_copy = str(work / "analyse-forced.db")
    shutil.copyfile(reference, forced_copy)
    _, forced = timed(parley("analyse", "--db", forced_copy, "--force"))
    killed, corrupt = 0, 0
    for _ in range(kills):  # --force: every killed run has every article to do, not what is left
        killed += run_and_kill(parley("analyse", "--db", db, "--force"), rng.uniform(0.05, 0.95) * forced)
        corrupt += doctor_errors(db)
    run(parley("analyse", "--db", db))
    corrupt += doctor_errors(db)
    want, have = record_rows(reference), record_rows(db)
    outcome = compare("analyse, kill -9", want, have, killed, corrupt, started)
    differ = Counter(r[0] for r in set(want) ^ set(have))  # record types that differ, if any
    note = f"; differing: {dict(differ)}" if differ else ""
    timing = f"reference analysis {duration:.1f} s, forced {forced:.1f} s"
    return _noted(outcome, f"{timing}; counted in records{note}")


def concurrent_ingests(corpus: Path, work: Path) -> Outcome:
    """Two ``parley ingest`` of the same corpus at once on one SQLite file: each article stored
    once and reported new by exactly one of them."""
    started = time.perf_counter()
    reference = str(work / "concurrent-reference.db")
    run(parley("ingest", str(corpus), "--db", reference, "-q"))
    db = str(work / "concurrent.db")
    command = parley("ingest", str(corpus), "--db", db, "--json")
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in "ab"
    ]
    outputs = [p.communicate(timeout=COMMAND_TIMEOUT) for p in processes]
    codes = [p.returncode for p in processes]
    if any(code not in (0, 1) for code in codes):
        raise RuntimeError(f"concurrent ingests exited {codes}: {[e[-2000:] for _, e in outputs]}")
    new = [article for out, _ in outputs for article in json.loads(out)["new"]]
    outcome = compare(
        "two ingests at once", article_rows(reference), article_rows(db), 2, doctor_errors(db), started
    )
    twice = len(new) - len(set(new))  # reported new by both
    lost_reports = outcome.expected - len(set(new))  # stored, yet reported new by neither
    return _noted(
        Outcome(
            **{
                **outcome.__dict__,
                "duplicated": outcome.duplicated + twice,
                "lost": outcome.lost + lost_reports,
            }
        ),
        f"new per process {[len(json.loads(o)['new']) for o, _ in outputs]}",
    )


def postgres_restart(corpus: Path, url: str, restart: Callable[[], None], rng: random.Random) -> Outcome:
    """An ingest into PostgreSQL during which the server is restarted (immediate shutdown, as
    after a crash); then the same ingest again to completion."""
    from parley.store import open_store

    started = time.perf_counter()
    store = open_store(url)  # migrated before the ingest starts
    stored = store.count_articles()
    store.close()
    if stored:
        raise RuntimeError(f"the PostgreSQL database holds {stored} articles already: give an empty one")
    command = parley("ingest", str(corpus), "--db", url, "-q")
    reference, duration = _pg_reference(corpus, url)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(rng.uniform(0.2, 0.8) * duration)
    interrupted = process.poll() is None
    restart()
    _, error = process.communicate(timeout=COMMAND_TIMEOUT)
    corrupt = doctor_errors(url)
    run(command)
    corrupt += doctor_errors(url)
    outcome = compare(
        "PostgreSQL restarted mid-ingest", reference, article_rows(url), int(interrupted), corrupt, started
    )
    said = " ".join(error.split()) or "nothing"  # the CLI's message, wrapped to the terminal
    return _noted(outcome, f"the interrupted ingest exited {process.returncode}: {said[:200]}")


def _pg_reference(corpus: Path, url: str) -> tuple[list[str], float]:
    """Hashes an uninterrupted ingest stores, and how long it takes, measured on SQLite."""
    with tempfile.TemporaryDirectory() as tmp:
        _, duration = timed(parley("ingest", str(corpus), "--db", f"{tmp}/reference.db", "-q"))
        return article_rows(f"{tmp}/reference.db"), duration


def pg_ctl_restart(cluster: str) -> Callable[[], None]:
    """A function restarting the Debian cluster ``VERSION/NAME`` as after a crash."""
    version, name = cluster.split("/", 1)

    def restart() -> None:
        subprocess.run(
            ["pg_ctlcluster", version, name, "restart", "-m", "immediate"], check=True, timeout=120
        )

    return restart


def _noted(outcome: Outcome, note: str) -> Outcome:
    return Outcome(**{**outcome.__dict__, "notes": note})


def table(outcomes: list[Outcome]) -> str:
    lines = [
        f"{'scenario':<34} {'runs':>4} {'expected':>8} {'stored':>8} {'lost':>5} {'duplicated':>10} "
        f"{'corrupt':>7} {'time':>7}  notes"
    ]
    for o in outcomes:
        lines.append(
            f"{o.scenario:<34} {o.runs:>4} {o.expected:>8} {o.stored:>8} {o.lost:>5} {o.duplicated:>10} "
            f"{o.corrupt:>7} {o.seconds:>6.0f}s  {o.notes}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=10_000, help="articles of the ingest corpus")
    parser.add_argument("--analyse-articles", type=int, default=120, help="articles analysed (0: skip)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--postgres", help="URL of an empty PostgreSQL database (restart scenario)")
    parser.add_argument("--pg-cluster", help="Debian cluster serving it, VERSION/NAME (pg_ctlcluster)")
    parser.add_argument("--only", choices=["ingest", "analyse", "concurrent", "postgres"], action="append")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    wanted = set(args.only or ["ingest", "analyse", "concurrent", "postgres"])
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus, small = work / "corpus", work / "small"
        corpus.mkdir()
        small.mkdir()
        if wanted - {"analyse"}:
            made, size, _ = build_corpus(corpus, args.articles)
            print(f"corpus: {made} articles, {size / 1e6:.1f} MB; seed {args.seed}", flush=True)
        if "ingest" in wanted:
            outcomes.append(kill_ingest(corpus, work, args.kills, rng))
            print(table(outcomes[-1:]), flush=True)
        if "concurrent" in wanted:
            outcomes.append(concurrent_ingests(corpus, work))
            print(table(outcomes[-1:]), flush=True)
        if "postgres" in wanted and args.postgres and args.pg_cluster:
            outcomes.append(postgres_restart(corpus, args.postgres, pg_ctl_restart(args.pg_cluster), rng))
            print(table(outcomes[-1:]), flush=True)
        if "analyse" in wanted and args.analyse_articles:
            build_corpus(small, args.analyse_articles)
            outcomes.append(kill_analyse(small, work, args.kills, rng))
    print()
    print(table(outcomes))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
