"""Speed of the whole analysis pipeline against spaCy alone, on the same texts, in one run.

    python -m parley.bench.speed [FOLDER_OF_TXT] [--limit N] [--repeat R]

Default texts: PolNeAR's train split (../shared/datasets/polnear/train/text) when present, else
the bundled sample corpus. "spaCy alone" is the model's ``nlp.pipe`` over the whole texts;
"Parley" is the whole per-article pipeline (Parley's NLP layer, which parses each paragraph on
its own and joins the pieces, then mentions, attributions, time expressions, statements and
event reports). A warm-up pass runs first; then the two are timed alternately ``--repeat`` times
and the best time of each is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from parley.clean import content_hash
from parley.extract.registry import default_registry
from parley.models import Article
from parley.nlp import SpacyParser
from parley.pipeline import Analysis, Context, Pipeline, default_components

DEFAULT_FOLDER = Path(__file__).resolve().parents[2].parent / "shared/datasets/polnear/train/text"


def load_texts(folder: Path | None, limit: int) -> tuple[str, list[str]]:
    if folder is None and DEFAULT_FOLDER.is_dir():
        folder = DEFAULT_FOLDER
    if folder is not None:
        files = sorted(folder.glob("*.txt"))[:limit]
        return str(folder), [f.read_text(encoding="utf-8") for f in files]
    from parley.bench.ingest import sample_files
    from parley.ingest.sources import Source, SourceReader

    reader = SourceReader()
    texts = [
        getattr(item, "text", "") for f in sample_files() for item in reader.read(Source(str(f), "file"))
    ]
    return "bundled sample corpus", [t for t in texts if t][:limit]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    where, texts = load_texts(args.folder, args.limit)
    articles = [
        Article(
            id=content_hash(t)[:16],
            sha256=content_hash(t),
            title="",
            text=t,
            origin="bench",
            format="text",
            published=dt.date(2016, 10, 1),
            published_from="metadata",
        )
        for t in texts
    ]
    spacy_parser = SpacyParser()
    pipeline = Pipeline(default_components(), spacy_parser, Context(default_registry(), spacy_parser.name))
    list(pipeline.run(articles[:10]))  # warm-up: model caches, lazy imports
    words = sum(len(t.split()) for t in texts)
    best_spacy = best_parley = float("inf")
    statements = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in spacy_parser.nlp.pipe(texts, batch_size=spacy_parser.batch_size):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - start)
        start = time.perf_counter()
        statements = sum(len(a["statement"]) for a in pipeline.run(articles) if isinstance(a, Analysis))
        best_parley = min(best_parley, time.perf_counter() - start)
    print(f"Parley pipeline speed on {len(texts)} articles, {words} words ({where})")
    components = ", ".join(spec.name for spec in pipeline.specs)
    print(f"  model: {spacy_parser.name}; components: {components}; best of {args.repeat}")
    print(f"  {'':14}{'seconds':>9}{'words/s':>10}{'articles/s':>12}")
    for name, seconds in (("spaCy alone", best_spacy), ("Parley", best_parley)):
        print(f"  {name:14}{seconds:9.2f}{words / seconds:10.0f}{len(texts) / seconds:12.1f}")
    print(f"  ratio Parley / spaCy: {best_parley / best_spacy:.3f}   ({statements} statements found)")


if __name__ == "__main__":
    main()
