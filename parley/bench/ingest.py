"""Ingest throughput benchmark: articles/s, MB/s and peak memory on N articles made from the
bundled sample corpus (each copy made unique so none is a duplicate).

    python -m parley.bench.ingest --articles 10000

Copies keep each sample file's format (plain text, HTML, RSS/Atom, JSONL); a copy gets one
extra sentence carrying its number, so its content hash differs. The files are written to a
temporary folder first; only the ingest (read, clean, store into a fresh SQLite file) is timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import tempfile
import time
from collections import Counter
from importlib import resources
from pathlib import Path

from parley.ingest.job import ingest
from parley.store import open_store


def sample_files() -> list[Path]:
    folder = Path(str(resources.files("parley.data") / "sample"))
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".xml", ".jsonl"))


def _vary(path: Path, n: int) -> tuple[str, str]:
    """A unique copy of a sample file: (file suffix, content)."""
    text = path.read_text(encoding="utf-8")
    marker = f"This copy is number {n} of the benchmark corpus."
    if path.suffix == ".txt":
        head, _, body = text.partition("\n\n")
        return ".txt", f"{head}\n\n{marker}\n\n{body}"
    if path.suffix == ".html":
        # appended to the longest paragraph, which is story text whatever the page's layout
        longest = max(re.finditer(r"<p>(.*?)</p>", text, re.S), key=lambda m: len(m.group(1)))
        return ".html", f"{text[: longest.end(1)]} {marker}{text[longest.end(1) :]}"
    if path.suffix == ".jsonl":
        lines = []
        for line in text.splitlines():
            record = json.loads(line)
            record["text"] = f"{marker}\n\n{record['text']}"
            lines.append(json.dumps(record, ensure_ascii=False))
        return ".jsonl", "\n".join(lines) + "\n"
    # feeds: every entry's body gets the marker
    varied = re.sub(r"(<content:encoded><!\[CDATA\[|<description><!\[CDATA\[)", rf"\1<p>{marker}</p>", text)
    varied = varied.replace('<content type="html">', f'<content type="html">&lt;p&gt;{marker}&lt;/p&gt;')
    return "".join(path.suffixes[-2:]), varied


def build_corpus(folder: Path, articles: int) -> tuple[int, int, Counter]:
    """Write copies until they hold ``articles`` articles; returns (articles, bytes, per format)."""
    files = sample_files()
    per_file = {}
    for f in files:
        if f.suffix == ".jsonl":
            per_file[f] = sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
        elif f.suffix == ".xml":
            per_file[f] = len(re.findall(r"<item>|<entry>", f.read_text(encoding="utf-8")))
        else:
            per_file[f] = 1
    made, size, n = 0, 0, 0
    formats: Counter = Counter()
    while made < articles:
        f = files[n % len(files)]
        suffix, content = _vary(f, n)
        data = content.encode("utf-8")
        (folder / f"copy{n:06d}{suffix}").write_bytes(data)
        made += per_file[f]
        size += len(data)
        formats[suffix] += per_file[f]
        n += 1
    return made, size, formats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        made, size, formats = build_corpus(corpus, args.articles)
        store = open_store(str(Path(tmp) / "bench.db"))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report = ingest([str(corpus)], store, today=dt.date(2026, 1, 1))
        elapsed = time.perf_counter() - start
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        stored = store.count_articles()
        store.close()
        db_size = os.path.getsize(Path(tmp) / "bench.db")
    print("Parley ingest benchmark")
    print(
        f"  input:       {made} articles in {sum(1 for _ in formats)} formats "
        f"({', '.join(f'{k} {v}' for k, v in sorted(formats.items()))}), {size / 1e6:.1f} MB"
    )
    print(
        f"  result:      {len(report.new)} new, {len(report.duplicates)} duplicate, "
        f"{len(report.failures)} failed; {stored} stored; SQLite file {db_size / 1e6:.1f} MB"
    )
    print(f"  time:        {elapsed:.1f} s")
    print(f"  throughput:  {made / elapsed:.0f} articles/s, {size / 1e6 / elapsed:.2f} MB/s")
    print(f"  peak memory: {rss_after / 1024:.0f} MiB max RSS (before ingest: {rss_before / 1024:.0f} MiB)")
    print(f"  machine:     {os.cpu_count()} CPUs, Python single process")


if __name__ == "__main__":
    main()
