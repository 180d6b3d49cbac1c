"""How many statements keep a speaker Parley could not resolve, on a real corpus.

Usage (from the repository root)::

    .venv/bin/python -m parley.bench.speakers ../shared/datasets/news2026/articles.jsonl
        [--db PATH] [--examples N]

The input goes through the real ``parley`` command line, as a user would run it: ``parley
ingest`` into a SQLite store (a temporary file unless ``--db`` is given) and ``parley
analyse``; the statements are then read back from the store. Counted:

* ``statements``: all of them;
* ``speaker resolved to an actor``: ``speaker_actor_id`` set;
* ``pronoun speaker, unresolved``: the speaker words are a personal pronoun alone (``he``,
  ``she``, ``it``, ``I``, ``we``, ``they`` ...) and ``speaker_actor_id`` is null;
* ``of which tied to no mention``: those whose ``speaker_ref`` is null too (a pronoun tied to
  a mention of an organisation the registry does not list keeps a null actor: only people
  are clustered into actors);
* ``no speaker``: no speaker words at all (``speaker`` null or empty).

With ``--examples N`` the first N statements of each unresolved kind are printed with their
article and speaker words (for reading, not for scoring).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

PRONOUNS = frozenset("i me we us he him she her it they them you".split())


@dataclass
class SpeakerCounts:
    statements: int = 0
    resolved: int = 0
    pronoun_unresolved: int = 0
    pronoun_no_mention: int = 0
    no_speaker: int = 0
    by_pronoun: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[dict]] = field(default_factory=dict)


def count(records: Iterable[dict], examples: int = 0) -> SpeakerCounts:
    """Counts over statement records (dicts with the fields of :class:`parley.models.Statement`)."""
    c = SpeakerCounts()
    for r in records:
        c.statements += 1
        speaker = (r.get("speaker") or "").strip()
        if r.get("speaker_actor_id"):
            c.resolved += 1
        if not speaker:
            c.no_speaker += 1
            kind = "no speaker"
        elif speaker.lower() in PRONOUNS and not r.get("speaker_actor_id"):
            c.pronoun_unresolved += 1
            c.pronoun_no_mention += r.get("speaker_ref") is None
            c.by_pronoun[speaker.lower()] += 1
            kind = "pronoun"
        else:
            continue
        shown = c.examples.setdefault(kind, [])
        if len(shown) < examples:
            shown.append(r)
    return c


def _parley(*args: str) -> str:
    """Run the ``parley`` command line with this interpreter (``python -m parley``)."""
    done = subprocess.run([sys.executable, "-m", "parley", *args], check=True, capture_output=True, text=True)
    return done.stdout


def analysed_statements(path: str, db: str) -> list[dict]:
    """Ingest and analyse ``path`` with the ``parley`` command into ``db``; its statements."""
    from parley.store import open_store

    _parley("ingest", "--db", db, "--quiet", path)
    _parley("analyse", "--db", db)
    store = open_store(db)
    try:
        return [asdict(s) for s in store.statements()]
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m parley.bench.speakers",
        description="Count statements whose speaker is an unresolved pronoun or missing.",
    )
    ap.add_argument("input", help="articles to ingest (any input `parley ingest` reads)")
    ap.add_argument("--db", default=None, help="SQLite store to use (default: a temporary file)")
    ap.add_argument("--examples", type=int, default=0, help="print N examples of each unresolved kind")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or os.path.join(tmp, "speakers.db")
        records = analysed_statements(args.input, db)
    c = count(records, args.examples)
    print(f"input: {args.input}")
    print(f"statements: {c.statements}")
    print(f"speaker resolved to an actor: {c.resolved}")
    print(
        f"pronoun speaker, unresolved: {c.pronoun_unresolved} "
        f"({', '.join(f'{p} {n}' for p, n in c.by_pronoun.most_common())})"
    )
    print(f"  of which tied to no mention (speaker_ref null): {c.pronoun_no_mention}")
    print(f"no speaker: {c.no_speaker}")
    for kind, shown in c.examples.items():
        print(f"\n{kind}:")
        for r in shown:
            text = " ".join(r.get("text", "").split())
            print(f"  [{r.get('article_id', '')[:8]}] {r.get('speaker')!r} {r.get('cue')!r}: {text[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
