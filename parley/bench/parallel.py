"""Parallel analysis benchmark: the same corpus analysed by 1 and by 2 processes, and by 1 and by
2 Dask workers (a local cluster), with the speed-up of 2 over 1 for each.

    python -m parley.bench.parallel --articles 400 [--kinds processes,dask] [--local]

The corpus is made from the bundled sample corpus (each copy unique, as in
:mod:`parley.bench.ingest`) and ingested once; every run analyses its own copy of that store.
Each executor is first warmed on a small separate corpus (processes or workers started, model
loaded in each); that start-up is reported on its own. Then the timed run: the per-article stage
(partitions out to the workers, records back and stored) and the whole run (plus the corpus
steps, which run once on the client whatever the executor), with the CPU seconds spent in this
process and in the workers. The machine's load average is printed with every figure: other
work on the same cores lowers the speed-up; the CPU seconds do not depend on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from parley.analyse import analyse
from parley.bench.ingest import build_corpus
from parley.ingest.job import ingest
from parley.nlp import DEFAULT_MODEL, SpacyParser
from parley.parallel import create
from parley.store import open_store

WARM_ARTICLES = 32  # enough partitions for every worker to get one and load its model


@dataclass(frozen=True)
class Timing:
    label: str
    articles: int
    warmup: float  # the warm-up run: workers started, models loaded, a small corpus analysed
    stage: float  # the per-article stage of the timed run
    whole: float  # the timed run: per-article stage and corpus steps
    client_cpu: float  # CPU seconds of the timed run in this process (reads, writes, corpus steps)
    workers_cpu: float  # CPU seconds of the timed run in worker processes
    load: str  # load average (1, 5, 15 minutes) when the run ended


def _store(folder: Path, articles: int, db: Path) -> None:
    folder.mkdir()
    build_corpus(folder, articles)
    store = open_store(str(db))
    ingest([str(folder)], store, today=dt.date(2026, 1, 15))
    store.close()


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"load average: {_load()}"


def measure(kind: str, count: int, corpus: Path, warm: Path, tmp: Path) -> Timing:
    """One executor (``local``, ``processes`` or ``dask``) with ``count`` workers."""
    options: dict[str, object]
    if kind == "local":  # a parser of its own: kept after the warm-up run, as the workers keep theirs
        options = {"parser": SpacyParser(DEFAULT_MODEL)}
    else:
        options = {"processes": count} if kind == "processes" else {"workers": count}
    names = {"local": "in this process", "processes": f"{count} process", "dask": f"{count} Dask worker"}
    label = names[kind] + (("es" if kind == "processes" else "s") if count > 1 else "")
    warm_db, db = tmp / f"warm-{kind}-{count}.db", tmp / f"run-{kind}-{count}.db"
    shutil.copy(warm, warm_db)
    shutil.copy(corpus, db)
    with create(kind, **options) as executor:
        start = time.perf_counter()
        store = open_store(str(warm_db))
        analyse(store, executor=executor)
        store.close()
        warmup = time.perf_counter() - start
        store = open_store(str(db))
        before, cpu = _workers_cpu(), time.process_time()
        start = time.perf_counter()
        report = analyse(store, executor=executor)
        whole = time.perf_counter() - start
        cpu, after = time.process_time() - cpu, _workers_cpu()
        store.close()
    workers = sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
    corpus_steps = sum(step.seconds for step in report.corpus_steps)
    return Timing(label, report.analysed, warmup, whole - corpus_steps, whole, cpu, workers, _load())


def _workers_cpu() -> dict[int, float]:
    """CPU seconds so far of each process this one started (pool processes, Dask nannies and
    their workers): what the workers cost whatever else shares the cores."""
    import psutil  # installed with dask's distributed

    seconds = {}
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # gone meanwhile
            continue
        seconds[child.pid] = times.user + times.system
    return seconds


def _print(timings: list[Timing], baseline: Timing | None) -> None:
    for t in timings:
        base = baseline or t
        print(
            f"  {t.label:18}{t.warmup:9.1f}{t.stage:9.1f}{t.articles / t.stage:9.2f}"
            f"{base.stage / t.stage:9.2f}x{t.whole:9.1f}{base.whole / t.whole:9.2f}x"
            f"{t.client_cpu:9.1f}{t.workers_cpu:9.1f}   {t.load}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="size of the analysed corpus")
    parser.add_argument("--kinds", default="processes,dask", help="executors to compare, 1 against 2")
    parser.add_argument("--local", action="store_true", help="also time the in-process run")
    args = parser.parse_args(argv)
    print(f"start: {_uptime()}  (cpus: {os.cpu_count()})")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus, warm = tmp / "corpus.db", tmp / "warm.db"
        _store(tmp / "corpus", args.articles, corpus)
        _store(tmp / "warm", WARM_ARTICLES, warm)
        print(f"Parallel analysis of {args.articles} articles (after a warm-up on {WARM_ARTICLES} others)")
        print(
            f"  {'':18}{'warm-up':>9}{'stage s':>9}{'art/s':>9}{'speed-up':>10}"
            f"{'whole s':>9}{'speed-up':>10}{'cpu here':>9}{'cpu wkrs':>9}   load average at end"
        )
        if args.local:
            _print([measure("local", 1, corpus, warm, tmp)], None)
        for kind in args.kinds.split(","):
            one = measure(kind, 1, corpus, warm, tmp)
            two = measure(kind, 2, corpus, warm, tmp)
            _print([one, two], one)
    print("  (speed-up: against 1 of the same kind; stage: per-article work, records stored;")
    print("   cpu: CPU seconds of the timed run in this process and in the worker processes)")
    print(f"end: {_uptime()}")


if __name__ == "__main__":
    main()
