"""What each corpus step costs on an analysed store: seconds, records changed, and the process's
resident memory before and after it, with the peak so far.

    python -m parley.bench.step_memory STORE [--steps copies,claims] [--new N [--forget]]

Every step (or those named) runs whether or not its inputs changed (``force``); with ``--new N``
the last N articles in the store's order count as analysed in this run (``changed``), as after
an ``analyse`` of N new articles. With ``--forget`` too, what the steps keep of those articles
from earlier runs (their ``fingerprint`` and ``article_claims`` records) is removed first, so
``copies`` fingerprints and compares them and ``claims`` reads and merges them again, as it does
articles it has not seen. The store is written to: give it a copy. Resident memory is
read from ``/proc/self/statm``; the peak is the process's maximum resident set size so far
(``getrusage``), so a step's peak is the highest of it and the steps before it.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Sequence

from parley import corpus
from parley.extract.registry import default_registry
from parley.store import Store, open_store


def resident_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# what a corpus step keeps of each article between runs, by step
KEPT = {"copies": "fingerprint", "claims": "article_claims"}


def forget(store: Store, articles: set[str], steps: Sequence[str] | None = None) -> None:
    """Remove what the steps (or every step of ``KEPT``) kept of ``articles``."""
    for step, type_name in KEPT.items():
        if steps is not None and step not in steps:
            continue
        rest = [r for r in store.records(type_name) if r.article_id not in articles]
        store.replace_records(type_name, rest)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("store", help="an analysed store (path or URL); it is written to")
    parser.add_argument("--steps", help="comma-separated step names (default: every registered step)")
    parser.add_argument("--new", type=int, default=0, help="the last N articles count as just analysed")
    parser.add_argument(
        "--forget", action="store_true", help="remove what the steps kept of the N new articles first"
    )
    args = parser.parse_args(argv)
    if args.forget and not args.new:
        parser.error("--forget needs --new N (the articles whose kept records are removed)")
    store = open_store(args.store)
    names = args.steps.split(",") if args.steps else None
    changed: list[str] = []
    if args.new:
        ids = [a.id for a in store.articles()]
        changed = ids[-args.new :]
    if args.forget:
        forget(store, set(changed), names)
    print(f"store {args.store}: {store.count_articles()} articles, {len(changed)} counted as new")
    print(f"start: resident {resident_mib():.0f} MiB, peak {peak_mib():.0f} MiB", flush=True)
    started = time.perf_counter()

    def seen(step: corpus.StepReport) -> None:
        print(
            f"{step.name:14} {step.seconds:8.1f} s  changed {step.changed:8}  "
            f"resident {resident_mib():6.0f} MiB  peak {peak_mib():6.0f} MiB",
            flush=True,
        )

    corpus.run_corpus_steps(store, default_registry(), changed=changed, names=names, force=True, on_step=seen)
    print(f"all steps: {time.perf_counter() - started:.1f} s, peak {peak_mib():.0f} MiB")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
