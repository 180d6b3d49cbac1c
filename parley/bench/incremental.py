"""Incremental analysis benchmark: the time to analyse a few new articles added to a large,
already analysed corpus, against the time the corpus itself took.

    python -m parley.bench.incremental --articles 10000 --new 10

The corpus is real news by default (``--corpus real``: :mod:`parley.bench.corpora`, read from
``../shared/datasets``); ``--corpus sample`` makes it from the bundled sample corpus instead, each
of its articles copied hundreds of times with one sentence changed (as in
:mod:`parley.bench.ingest`): a worst case for the steps that compare copies. The new articles
are sample articles changed the same way. Ingest is not timed. Each analyse run is timed whole, and split
into parsing plus per-article components, and each corpus step; peak memory is the process's
maximum resident set size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import tempfile
import time
from pathlib import Path

from parley.analyse import AnalyseReport, analyse
from parley.bench.corpora import DATASETS, build_real_corpus
from parley.bench.ingest import _vary, build_corpus, sample_files
from parley.ingest.job import ingest
from parley.store import open_store


def _run(store, processes: int) -> tuple[AnalyseReport, float]:
    start = time.perf_counter()
    report = analyse(store, n_process=processes)
    return report, time.perf_counter() - start


def _line(label: str, report: AnalyseReport, seconds: float) -> str:
    corpus = sum(s.seconds for s in report.corpus_steps)
    steps = ", ".join(
        f"{s.name} skipped" if s.skipped else f"{s.name} {s.seconds:.1f} s ({s.changed} records changed)"
        for s in report.corpus_steps
    )
    return (
        f"  {label}: {report.analysed} articles analysed in {seconds:.1f} s "
        f"(per-article work {seconds - corpus:.1f} s; corpus steps {corpus:.1f} s: {steps})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="size of the analysed corpus")
    parser.add_argument("--new", type=int, default=10, help="articles added afterwards")
    parser.add_argument("--processes", type=int, default=1, help="parser processes")
    parser.add_argument("--datasets", type=Path, default=DATASETS, help="where the real datasets are")
    parser.add_argument(
        "--corpus", choices=("real", "sample"), default="real", help="what the corpus is made of"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        first, later = Path(tmp) / "first", Path(tmp) / "later"
        first.mkdir()
        later.mkdir()
        if args.corpus == "real":
            made = build_real_corpus(first, args.articles, args.datasets)
            print("corpus: " + ", ".join(f"{n} from {name}" for name, n in made.items()), flush=True)
        else:
            build_corpus(first, args.articles)
        # new articles: plain-text samples numbered after the corpus's copies, so none is a duplicate
        texts = [p for p in sample_files() if p.suffix == ".txt"]
        for i in range(args.new):
            suffix, content = _vary(texts[i % len(texts)], 1_000_000 + i)
            (later / f"new{i:04d}{suffix}").write_text(content, encoding="utf-8")
        store = open_store(str(Path(tmp) / "bench.db"))
        ingested = ingest([str(first)], store, today=dt.date(2026, 1, 1))
        print(f"ingested {len(ingested.new)} articles, {len(ingested.failures)} inputs failed", flush=True)
        corpus_report, corpus_seconds = _run(store, args.processes)
        ingest([str(later)], store, today=dt.date(2026, 1, 1))
        new_report, new_seconds = _run(store, args.processes)
        again_report, again_seconds = _run(store, args.processes)
        articles = store.count_articles()
        statements = store.count("statement")
        store.close()
        db_size = os.path.getsize(Path(tmp) / "bench.db")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("Parley incremental analysis benchmark")
    print(f"  corpus: {articles} articles, {statements} statements; SQLite file {db_size / 1e6:.0f} MB")
    print(_line("first analysis       ", corpus_report, corpus_seconds))
    print(_line(f"{args.new} new articles     ", new_report, new_seconds))
    print(_line("re-run, nothing new  ", again_report, again_seconds))
    print(f"  new / first: {new_seconds / corpus_seconds:.4f} of the time")
    print(f"  peak memory: {rss:.0f} MiB max RSS")
    print(f"  machine:     {os.cpu_count()} CPUs, {args.processes} parser process(es)")


if __name__ == "__main__":
    main()
