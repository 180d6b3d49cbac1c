"""Scale benchmark: a corpus of N articles ingested and analysed slice by slice, measured at each size.

    python -m parley.bench.scale --articles 100000 --slice 10000 --work DIR [--postgres URL]
    python -m parley.bench.scale --work DIR --report

The corpus (:mod:`parley.bench.scale_work`: the 19,991 real articles of ``../shared/datasets``,
then relayed copies of them) is written once into ``DIR/corpus`` and kept; a corpus of whole
slices is made longer by running again with a larger ``--articles``. Then, for each slice in turn:
its articles are ingested into ``DIR/parley.db``, ``parley analyse`` runs (the new articles are
parsed; the corpus steps run over the whole store), and the main queries are timed at that size;
with ``--postgres`` the analysed store is also copied into a PostgreSQL database
(:func:`parley.store.copy.copy_store`, then ANALYZE) and the same queries are timed there.
Ingest, analyse, the queries and the copy each run in a child process, whose peak resident memory
the kernel reports when it ends. Each slice's figures are appended to ``DIR/results.jsonl`` as
one JSON line when the slice is done.

It can be stopped at any point (Ctrl-C, kill, or ``--slices K`` to do K slices and stop) and run
again with the same arguments: it goes on with the slice it was doing (the store keeps what was
ingested and analysed; a slice taken up again says so in its ``resumed`` field, because its
timings then cover only what was left) and never does a finished slice again. Run it from a
checkout nobody edits: a component whose version changes between slices makes the next slice
analyse every article again (the report says so).

The queries are the library functions behind the CLI and the HTTP API: the positions matrix,
all quotes of the most quoted speaker (CLI) and their first page of 50 (API), the timeline (all
events; a page), what is contested (all; a page), a word searched in quotes and in articles, and
the whole brief with its cache emptied first. Each runs once untimed, then ``--reps`` times; p50,
p95 (nearest rank) and max are in milliseconds.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from parley.bench.corpora import DATASETS
from parley.bench.scale_work import REPS, build_corpus, pg_url

DEFAULT_WORK = Path(tempfile.gettempdir()) / "parley-scale"
MEMORY_GOAL_MIB = 1536  # 1.5 GB
# the queries, in the order the tables show them (scale_work.query_set makes them)
SHOWN = "positions quotes_cli quotes_api timeline_cli timeline_api contested_cli contested_api".split()
SHOWN += "search_quotes search_articles brief".split()
HEAD = (
    "slice|articles|ingest/s|ing MiB|analysed|per-art s|corpus s|art/s|ana MiB|SQLite MB|PG MB|copy s|copy/s"
)


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    work: Path = args.work
    if args.report:
        print_report(work)
        return
    work.mkdir(parents=True, exist_ok=True)
    with _locked(work):
        print(f"corpus: {work / 'corpus'}", flush=True)
        made = build_corpus(work, args.articles, args.slice, args.datasets, args.real)
        kinds = ", ".join(f"{n} {k}" for k, n in made["kinds"].items())
        left = ", ".join(f"{n} {why}" for why, n in made["left_out"].items()) or "none"
        print(f"  {made['articles']} articles ({kinds}); {made['real']} real (left out: {left})", flush=True)
        slices = -(-made["articles"] // made["slice"])
        done = {line["slice"] for line in read_results(work)}
        todo = [k for k in range(slices) if k not in done]
        chosen = todo[: args.slices] if args.slices else todo
        for k in chosen:
            run_slice(work, k, slices, made, args)
        if len(chosen) < len(todo):
            print(f"stopped after --slices {args.slices}: run the same command again to go on", flush=True)
    print_report(work)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m parley.bench.scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--articles", type=int, default=100_000, metavar="N", help="articles in the corpus (100000)")
    add(
        "--slice",
        type=int,
        default=10_000,
        metavar="S",
        help="articles ingested and analysed at a time (10000)",
    )
    add(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        metavar="DIR",
        help=f"corpus, store, results ({DEFAULT_WORK})",
    )
    add("--datasets", type=Path, default=DATASETS, metavar="DIR", help=f"the real datasets ({DATASETS})")
    add("--real", type=int, metavar="N", help="use at most N real articles, the rest relayed copies (all)")
    add("--slices", type=int, metavar="K", help="do at most K slices in this run, then stop (all)")
    add("--processes", type=int, default=1, metavar="P", help="parser processes for analyse (1)")
    add("--reps", type=int, default=REPS, metavar="R", help=f"timed runs of each query ({REPS})")
    add("--postgres", metavar="URL", help="also measure PostgreSQL: a server whose role may create databases")
    add(
        "--pg-database",
        default="parley_scale",
        metavar="NAME",
        help="database made anew there (parley_scale)",
    )
    add(
        "--pg-every",
        type=int,
        default=1,
        metavar="K",
        help="copy to PostgreSQL every K slices and at the last (1)",
    )
    add("--report", action="store_true", help="only print the tables from DIR/results.jsonl")
    return parser


@contextlib.contextmanager
def _locked(work: Path) -> Iterator[None]:
    """One benchmark at a time in a folder: two would analyse one store at once."""
    with open(work / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit(f"another benchmark is running in {work}") from None
        yield


def run_slice(work: Path, k: int, slices: int, made: dict, args: argparse.Namespace) -> None:
    """Ingest slice ``k``, analyse, time the queries (and copy to PostgreSQL), then append the
    slice's line to results.jsonl. What is done is kept in ``slice.json`` until then, so a run
    stopped half-way goes on from the step it was doing."""
    db = str(work / "parley.db")
    state_path = work / "slice.json"
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    state = state if state.get("slice") == k else {"slice": k, "resumed": []}
    previous = read_results(work)
    first, last = k * made["slice"] + 1, min((k + 1) * made["slice"], made["articles"])
    print(f"slice {k + 1}/{slices}: articles {first}-{last}", flush=True)
    if "ingest" not in state:
        found, rss = child("ingest", {"db": db, "folder": str(work / "corpus" / f"slice-{k:04d}")})
        if found["before"] > (previous[-1]["articles"] if previous else 0):
            state["resumed"].append("ingest")  # a run cut short had stored part of this slice
        handled = found["new"] + found["duplicates"]
        state["ingest"] = found | {"per_s": handled / found["seconds"], "rss_mib": rss}
        counts = f"{found['new']} new, {found['duplicates']} duplicate, {found['failures']} failed"
        print(f"  ingest: {counts} in {found['seconds']:.1f} s, peak {rss:.0f} MiB", flush=True)
    if "analyse" not in state:
        if state.get("analysing"):
            state["resumed"].append("analyse")  # a run cut short had analysed part of it
        state["analysing"] = True
        state_path.write_text(json.dumps(state))
        found, rss = child("analyse", {"db": db, "processes": args.processes})
        corpus = sum(s["seconds"] for s in found["steps"])
        steps = {s["name"]: None if s["skipped"] else round(s["seconds"], 2) for s in found["steps"]}
        per_article = found["seconds"] - corpus
        state["analyse"] = found | {
            "steps": steps,
            "corpus_s": corpus,
            "per_article_s": per_article,
            "rss_mib": rss,
        }
        state_path.write_text(json.dumps(state))
        took = f"{found['seconds']:.0f} s (corpus steps {corpus:.0f} s)"
        print(f"  analyse: {found['analysed']} articles in {took}, peak {rss:.0f} MiB", flush=True)
    queries, rss = child("queries", {"location": db, "reps": args.reps})
    print(f"  SQLite queries: {_p95s(queries['queries'])}", flush=True)
    measure_pg = args.postgres and ((k + 1) % args.pg_every == 0 or k == slices - 1)
    line = {
        "slice": k,
        "articles": state["ingest"]["after"],
        "relayed_in_slice": _relayed(k, made),
        "ingest": state["ingest"],
        "analyse": state["analyse"],
        "db_mb": sum(p.stat().st_size for p in work.glob("parley.db*")) / 1e6,
        "counts": queries["counts"],
        "sqlite": {"queries": queries["queries"], "rss_mib": rss},
        "postgres": postgres(db, args) if measure_pg else None,
        "resumed": state["resumed"],
        "load": [round(n, 2) for n in os.getloadavg()],
        "cpus": os.cpu_count(),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
    }
    with (work / "results.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    state_path.unlink(missing_ok=True)


def postgres(db: str, args: argparse.Namespace) -> dict[str, Any]:
    """Copy the store into a new PostgreSQL database and time the same queries there."""
    copied, copy_rss = child("pgcopy", {"source": db, "server": args.postgres, "database": args.pg_database})
    location = pg_url(args.postgres, args.pg_database)
    queries, rss = child("queries", {"location": location, "reps": args.reps})
    took = f"{copied['seconds']:.0f} s, peak {copy_rss:.0f} MiB"
    print(f"  PostgreSQL: copied in {took}; queries: {_p95s(queries['queries'])}", flush=True)
    return {
        "copy_s": copied["seconds"],
        "analyze_s": copied["analyze_s"],
        "copy_per_s": copied["articles"] / copied["seconds"],
        "records": copied["records"],
        "db_mb": copied["db_bytes"] / 1e6,
        "copy_rss_mib": copy_rss,
        "queries": queries["queries"],
        "rss_mib": rss,
    }


def child(task: str, args: dict[str, Any]) -> tuple[dict, float]:
    """Run ``task`` of :mod:`parley.bench.scale_work` in a child process; (what it measured, its
    peak resident memory in MiB, as the kernel reports it for that child alone)."""
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        command = [sys.executable, "-m", "parley.bench.scale_work", task, json.dumps(args), str(result)]
        process = subprocess.Popen(command, preexec_fn=_die_with_parent)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"the {task} child failed (exit {process.returncode}); run again to go on")
        return json.loads(result.read_text(encoding="utf-8")), usage.ru_maxrss / 1024


def _die_with_parent() -> None:
    """A child ends with the benchmark (even on kill -9), so a re-run never meets it still writing."""
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _relayed(k: int, made: dict) -> int:
    real = made["articles"] - made["kinds"].get("relayed", 0)
    start, end = k * made["slice"], min((k + 1) * made["slice"], made["articles"])
    return max(0, end - max(start, real))


def _commit() -> str | None:
    """The code measured: its commit, ``+changes`` when files differ from it (read without taking
    git's index lock, so a commit made meanwhile is never in the way)."""
    git = ["git", "--no-optional-locks", "-C", str(Path(__file__).resolve().parents[2])]
    try:
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def _p95s(queries: dict) -> str:
    return ", ".join(f"{name} {q['p95']:.0f}" for name, q in queries.items()) + " (p95, ms)"


def read_results(work: Path) -> list[dict]:
    path = work / "results.jsonl"
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(lines, key=lambda line: line["slice"])


# -- the report ------------------------------------------------------------------------------------


def print_report(work: Path) -> None:
    lines = read_results(work)
    if not lines:
        print(f"no results in {work / 'results.jsonl'} yet")
        return
    print(f"\nParley scale benchmark: {work}; {len(lines)} slice(s) measured")
    _table(
        HEAD.split("|"),
        [
            [
                f"{x['slice'] + 1}{'*' if x['resumed'] else ''}",
                x["articles"],
                f"{x['ingest']['per_s']:.0f}",
                f"{x['ingest']['rss_mib']:.0f}",
                x["analyse"]["analysed"],
                f"{x['analyse']['per_article_s']:.0f}",
                f"{x['analyse']['corpus_s']:.0f}",
                f"{x['analyse']['analysed'] / x['analyse']['seconds']:.1f}",
                f"{x['analyse']['rss_mib']:.0f}",
                f"{x['db_mb']:.0f}",
                f"{x['postgres']['db_mb']:.0f}" if x["postgres"] else "-",
                f"{x['postgres']['copy_s']:.0f}" if x["postgres"] else "-",
                f"{x['postgres']['copy_per_s']:.0f}" if x["postgres"] else "-",
            ]
            for x in lines
        ],
    )
    print(
        "per-art s: parsing, components and storing, the model's loading included; corpus s: the corpus\n"
        "steps; art/s: both together; MiB: peak resident memory of the ingest or analyse process;\n"
        "SQLite MB: the store's files; PG MB: the database's size after the copy; copy/s: articles\n"
        "copied a second, with their runs, analyses and records"
    )
    _by_phase(lines, "steps", "corpus steps, seconds (- skipped: nothing it reads had changed)", _seconds)
    title = "peak resident MiB of the analyse process while each phase ran (sampled every 0.2 s)"
    _by_phase([x for x in lines if x["analyse"].get("peaks")], "peaks", title, _mib)
    names = [n for n in SHOWN if any(n in x["sqlite"]["queries"] for x in lines)]
    reps = lines[-1]["sqlite"]["queries"][names[0]]["n"]
    print(f"\np95 of the main queries, ms (each run once untimed, then {reps} times)")
    rows = []
    for x in lines:
        for backend in ("sqlite", "postgres"):
            if x[backend]:
                found = x[backend]["queries"]
                rows.append(
                    [
                        x["slice"] + 1,
                        x["articles"],
                        backend,
                        *(f"{found[n]['p95']:.1f}" if n in found else "-" for n in names),
                    ]
                )
    _table(["slice", "articles", "store", *names], rows)
    last = lines[-1]
    items = ", ".join(f"{n} {q['items']}" for n, q in last["sqlite"]["queries"].items())
    print(f"\nitems each query gave at {last['articles']} articles: {items}")
    counts = ", ".join(f"{n} {c}" for n, c in last["counts"].items() if c)
    print(f"records at {last['articles']} articles: {counts}")
    peak = max(_peaks(x) for x in lines)
    verdict = "within" if peak <= MEMORY_GOAL_MIB else "over"
    goal = f"{verdict} the goal of {MEMORY_GOAL_MIB} MiB"
    print(f"peak memory of any ingest, analyse, query or copy process: {peak:.0f} MiB ({goal})")
    by_slice = ", ".join(f"{x['analyse']['rss_mib']:.0f}" for x in lines)
    print(f"analyse peak by slice (MiB): {by_slice}")
    loads = "; ".join(f"{x['slice'] + 1}: {x['load'][0]:.1f}" for x in lines)
    machine = f"{lines[-1]['cpus']} CPUs; commit {lines[-1]['commit']}"
    print(f"load average (1 min) at the end of each slice: {loads}; {machine}")
    if any(x["resumed"] for x in lines):
        print("* taken up again after a stop: its timings cover only what was left")
    versions = [x["analyse"].get("pipeline") for x in lines]
    for x, before, now in zip(lines[1:], versions, versions[1:], strict=False):
        if before and now and before != now:  # the code changed under the benchmark
            print(f"slice {x['slice'] + 1} ran another pipeline version: every article was analysed again")


def _peaks(x: dict) -> float:
    pg = x["postgres"] or {}
    return max(
        x["ingest"]["rss_mib"],
        x["analyse"]["rss_mib"],
        x["sqlite"]["rss_mib"],
        *(pg.get(k, 0) for k in ("copy_rss_mib", "rss_mib")),
    )


def _by_phase(lines: list[dict], key: str, title: str, show: Callable[[float | None], str]) -> None:
    """A table of ``analyse[key]`` (a figure for each corpus step or phase) slice by slice."""
    if not lines:
        return
    names = list(dict.fromkeys(name for x in lines for name in x["analyse"][key]))
    print(f"\n{title}")
    rows = [[x["slice"] + 1, x["articles"], *(show(x["analyse"][key].get(n)) for n in names)] for x in lines]
    _table(["slice", "articles", *names], rows)


def _mib(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _table(head: list[str], rows: list[list[Any]]) -> None:
    cells = [[str(c) for c in row] for row in [head, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
