"""A corpus of real news for the scale benchmarks, read from ``../shared/datasets`` at run time
and written as JSON Lines into a temporary folder (nothing is copied into the repository).

In order, until ``articles`` are taken: the crawled articles of ``news2026`` (with their clutter),
the PolNeAR articles (train and dev, with publisher, date and title from ``metadata.tsv``), the
FNC-1 article bodies (no outlet, no date), then RUWA's news items (title and subheading, with
site and date). So a 10,000-article corpus is about 3,550 full articles and 6,450 short items,
varied in length, outlet, date, topic and noise, with the copies real news has and not the
hundreds of copies of one story that :func:`parley.bench.ingest.build_corpus` makes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

DATASETS = Path("../shared/datasets")


def real_articles(root: Path = DATASETS) -> Iterator[dict]:
    """Every article of the four sets, as ``parley ingest`` reads JSON Lines."""
    news = root / "news2026" / "articles.jsonl"
    for line in news.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield {"set": "news2026", **json.loads(line)}
    yield from _polnear(root / "polnear")
    yield from _fnc1(root / "fnc1")
    yield from _ruwa(root / "ruwa")


PER_FILE = 500  # articles a file: under the size a single input may have (PARLEY_MAX_BYTES)


def build_real_corpus(folder: Path, articles: int, root: Path = DATASETS) -> dict[str, int]:
    """Write the first ``articles`` real articles to ``folder/real-NNNN.jsonl``, 500 a file;
    returns how many came from each set."""
    counts: dict[str, int] = {}
    lines: list[str] = []
    for n, item in enumerate(real_articles(root)):
        if n >= articles:
            break
        which = item.pop("set")
        counts[which] = counts.get(which, 0) + 1
        lines.append(json.dumps(item, ensure_ascii=False))
    for start in range(0, len(lines), PER_FILE):
        chunk = lines[start : start + PER_FILE]
        (folder / f"real-{start // PER_FILE:04d}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    if sum(counts.values()) < articles:
        raise SystemExit(f"only {sum(counts.values())} real articles in {root}; asked for {articles}")
    return counts


def _polnear(root: Path, splits: tuple[str, ...] = ("train", "dev")) -> Iterator[dict]:
    meta = {}
    with (root / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    for split in splits:
        for path in sorted((root / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            yield {
                "set": "polnear",
                "url": f"https://polnear.example/{path.stem}",
                "outlet": row.get("publisher"),
                "published": row.get("publication_date"),
                "title": row.get("title") or path.stem,
                "text": path.read_text(encoding="utf-8"),
            }


FNC1_BODIES = ("train_bodies.csv", "competition_test_bodies.csv")


def _fnc1(root: Path, names: tuple[str, ...] = FNC1_BODIES) -> Iterator[dict]:
    csv.field_size_limit(1 << 30)
    for name in names:
        with (root / name).open(encoding="utf-8") as f:
            for body_id, body in list(csv.reader(f))[1:]:
                yield {
                    "set": "fnc1",
                    "url": f"https://fnc1.example/{name.split('_')[0]}/{body_id}",
                    "title": " ".join(body.split()[:12]),
                    "text": body,
                }


def _ruwa(root: Path) -> Iterator[dict]:
    path = next(root.glob("*.zip"))
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
        with zf.open(name) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                text = "\n\n".join(p.strip() for p in (row["title"], row["desc"]) if p and p.strip())
                if not text:
                    continue
                try:
                    published = dt.datetime.strptime(row["Date"], "%m/%d/%Y").date().isoformat()
                except ValueError:
                    published = None
                yield {
                    "set": "ruwa",
                    "url": row["src"],
                    "outlet": row["Site"] or None,
                    "published": published,
                    "title": row["title"].strip() or text[:80],
                    "text": text,
                }


def _tempeval3(root: Path) -> Iterator[dict]:
    """TempEval-3's TimeBank and AQUAINT documents: plain text (TimeML tags taken out), the document
    creation time as the publication date, the agency from the document's name."""
    from parley.bench.tempeval import read_tml

    for path in sorted(root.rglob("*.tml")):
        doc = read_tml(path)
        text = doc.text.strip()
        # no headline in TimeML: the first paragraph of six words or more, past a dateline line
        first = next((p for p in text.split("\n") if len(p.split()) >= 6), text)
        agency = "".join(ch for ch in doc.name.split(".")[0] if ch.isalpha())
        outlet = agency if agency.isupper() else None  # "APW19980807" names its agency; "ea980120" does not
        yield {
            "set": "tempeval3",
            "url": f"https://tempeval3.example/{path.parent.name}/{doc.name}",
            "outlet": outlet,
            "published": doc.dct.isoformat(),
            "title": " ".join(first.split()[:12]),
            "text": text,
        }


# What ``main`` can write: a name, the folder under ../shared/datasets, the reader of that folder.
STREAMS = {
    "dev": ("polnear", lambda root: _polnear(root, ("dev",))),
    "train": ("polnear", lambda root: _polnear(root, ("train",))),
    "tempeval3": ("tempeval3", _tempeval3),
    "fnc1": ("fnc1", lambda root: _fnc1(root, ("competition_test_bodies.csv",))),  # the test bodies
}


def main(argv: list[str] | None = None) -> int:
    """Write real news of another domain as JSON Lines that ``parley ingest`` reads, to read
    Parley's output on it: a PolNeAR split (``dev``, ``train``: US politics 2015-16, with
    publisher, date and title), TempEval-3's news documents (``tempeval3``: 1989-2000, dated by
    their creation time) or FNC-1's test bodies (``fnc1``: rumours and their debunking, 2014-15,
    no date or outlet). ``python -m parley.bench.corpora dev OUT.jsonl``."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("set", choices=sorted(STREAMS), help="which real news to write")
    parser.add_argument("out", type=Path)
    parser.add_argument("--root", type=Path, help="the set's folder (default: under ../shared/datasets)")
    parser.add_argument("--limit", type=int, default=None, help="write at most this many articles")
    args = parser.parse_args(argv)
    folder, read = STREAMS[args.set]
    root = args.root or DATASETS / folder
    if not root.is_dir():
        parser.error(f"no {args.set} data under {root}")
    written = 0
    with args.out.open("w", encoding="utf-8") as f:
        try:
            for item in read(root):
                if args.limit is not None and written >= args.limit:
                    break
                item.pop("set")
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
                written += 1
        except (OSError, KeyError, ValueError) as err:
            args.out.unlink()
            parser.error(f"cannot read {args.set} under {root}: {err}")
    if not written:
        args.out.unlink()
        parser.error(f"no {args.set} articles under {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
