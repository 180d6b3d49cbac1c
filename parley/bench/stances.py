"""Stance precision, recall and F1 against hand annotations, and the pipeline's speed with stances on.

    python -m parley.bench.stances [ANNOTATIONS.yaml ...] [--dated] [--show]
    python -m parley.bench.stances --speed [--limit N] [--repeat R]

Default annotations: ``tests/positions/annotations/seeds.yaml`` (the five seed articles, Russia-
Ukraine dossier) and ``trade.yaml`` (the trade-talks sample, its own dossier). Each file names its
dossier and corpus; the corpus is ingested into a temporary store and analysed as a user would,
then every stance whose holder is in the dossier (an actor, a side or a document) is scored as a
(holder, issue, position) triple per article; ``lenient`` scores (holder, issue) only. ``--dated``
ingests the corpus with the publication dates the annotation gives (the seed files mostly give
none: their text is read from ``../shared/seeds`` at run time, never copied); ``--show`` prints the
positions matrix, the changes and the plan versions. ``--speed`` times the whole default pipeline
(stances included) against spaCy alone, like :mod:`parley.bench.speed`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parley.analyse import analyse
from parley.dossier import Dossier
from parley.extract.registry import ActorRegistry
from parley.ingest.job import ingest
from parley.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "tests" / "positions" / "annotations"
DOSSIERS = ROOT / "parley" / "data" / "dossiers"
Triple = tuple[str, str, str, str]  # article file, holder, issue, position


@dataclass
class Annotation:
    path: Path
    dossier: Path
    corpus: Path
    published: dict[str, dt.date] = field(default_factory=dict)
    gold: set[Triple] = field(default_factory=set)
    forbidden: set[Triple] = field(default_factory=set)


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_annotation(path: Path) -> Annotation:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    a = Annotation(path, DOSSIERS / data["dossier"], (ROOT / data["corpus"]).resolve())
    for name, entry in (data.get("articles") or {}).items():
        if entry.get("published"):
            a.published[name] = entry["published"]
        a.gold |= {(name, *t) for t in entry.get("stances") or []}
        a.forbidden |= {(name, *t) for t in entry.get("not") or []}
    return a


def build_store(a: Annotation, folder: Path, *, dated: bool = False) -> Store:
    """The annotated corpus ingested and analysed with its dossier, in a new store in ``folder``."""
    store = open_store(str(folder / "parley.db"))
    files = sorted(p for p in a.corpus.iterdir() if p.name in _names(a))
    if dated:
        lines = []
        for f in files:
            title, _, body = f.read_text(encoding="utf-8").strip().partition("\n")
            published = a.published.get(f.name)
            lines.append(
                {"title": title, "text": body.strip(), "published": str(published or ""), "file": f.name}
            )
        source = folder / "corpus.jsonl"
        source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        inputs = [str(source)]
    else:
        inputs = [str(f) for f in files]
    ingest(inputs, store)
    analyse(store, registry=ActorRegistry.load(a.dossier))
    return store


def _names(a: Annotation) -> set[str]:
    return {t[0] for t in a.gold} | {t[0] for t in a.forbidden} | set(a.published)


def article_files(store: Store, a: Annotation) -> dict[str, str]:
    """Article id -> annotated file name (from its origin: a path, or a line of the dated JSONL)."""
    names = sorted(_names(a))
    out = {}
    for article in store.articles():
        origin = article.origin
        if "#L" in origin:
            out[article.id] = names[int(origin.rsplit("#L", 1)[1]) - 1]
        else:
            out[article.id] = Path(origin).name
    return out


def predicted(store: Store, a: Annotation) -> set[Triple]:
    dossier = Dossier.load(a.dossier)
    known = set(dossier.registry.specs) | set(dossier.registry.sides) | {d.id for d in dossier.documents}
    files = article_files(store, a)
    return {
        (files[s.article_id], s.holder, s.issue, s.position)
        for s in store.records("stance")
        if s.holder in known and s.article_id in files
    }


def score(found: set[Triple], gold: set[Triple], lenient: bool = False) -> Scores:
    if lenient:
        found = {t[:3] + ("",) for t in found}
        gold = {t[:3] + ("",) for t in gold}
    return Scores(len(found & gold), len(found - gold), len(gold - found))


def evaluate(path: Path, *, dated: bool = False, show: bool = False, verbose: bool = False) -> Scores:
    a = load_annotation(path)
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(a, Path(tmp), dated=dated)
        try:
            found = predicted(store, a)
            strict, lenient = score(found, a.gold), score(found, a.gold, lenient=True)
            print(
                f"{path.name}: {len(a.gold)} annotated stances, {len(_names(a))} articles ({a.dossier.name})"
            )
            for name, s in (("holder+issue+position", strict), ("holder+issue (lenient)", lenient)):
                print(
                    f"  {name:24} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
                    f"   (tp {s.tp}, fp {s.fp}, fn {s.fn})"
                )
            bad = found & a.forbidden
            print(f"  forbidden stances produced: {len(bad)}" + (f" {sorted(bad)}" if bad else ""))
            if verbose:
                for t in sorted(found - a.gold):
                    print("  fp", t)
                for t in sorted(a.gold - found):
                    print("  fn", t)
            if show:
                from parley.present.positions import brief_lines

                print("\n".join(brief_lines(store, width=100)))
            return strict
        finally:
            store.close()


def speed(limit: int, repeat: int) -> None:
    from parley.bench.speed import load_texts
    from parley.clean import content_hash
    from parley.extract.registry import default_registry
    from parley.models import Article
    from parley.nlp import SpacyParser
    from parley.pipeline import Analysis, Context, Pipeline, default_components

    where, texts = load_texts(None, limit)
    articles = [
        Article(content_hash(t)[:16], content_hash(t), "", t, "bench", "text", published=dt.date(2025, 12, 1))
        for t in texts
    ]
    parser = SpacyParser()
    names = default_components()
    pipeline = Pipeline(names, parser, Context(default_registry(), parser.name))
    list(pipeline.run(articles[:10]))  # warm-up: model caches, the sentence encoder
    best_spacy = best_parley = float("inf")
    stances = 0
    for _ in range(repeat):
        start = time.perf_counter()
        for _doc in parser.nlp.pipe(texts, batch_size=parser.batch_size):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - start)
        start = time.perf_counter()
        stances = sum(len(r["stance"]) for r in pipeline.run(articles) if isinstance(r, Analysis))
        best_parley = min(best_parley, time.perf_counter() - start)
    print(f"Pipeline speed with stances on {len(texts)} articles ({where}); components: {', '.join(names)}")
    print(f"  spaCy alone {best_spacy:.2f} s; Parley {best_parley:.2f} s; best of {repeat}")
    print(f"  ratio Parley / spaCy: {best_parley / best_spacy:.3f}   ({stances} stances found)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("annotations", nargs="*", type=Path)
    parser.add_argument("--dated", action="store_true", help="ingest with the annotated publication dates")
    parser.add_argument("--show", action="store_true", help="print the positions, changes and plan versions")
    parser.add_argument("--verbose", action="store_true", help="list every false positive and negative")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.speed:
        speed(args.limit, args.repeat)
        return
    for path in args.annotations or [ANNOTATIONS / "seeds.yaml", ANNOTATIONS / "trade.yaml"]:
        evaluate(path, dated=args.dated, show=args.show, verbose=args.verbose)


if __name__ == "__main__":
    main()
