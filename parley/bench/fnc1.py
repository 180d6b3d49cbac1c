"""Stance benchmark on FNC-1 (Fake News Challenge stage 1, 2017).

Usage (from the repository root)::

    .venv/bin/python -m parley.bench.fnc1 ../shared/datasets/fnc1 [--model PATH] [--limit N]
        [--no-baseline] [--seed 0]

Data: ``train_bodies.csv`` + ``train_stances_recoded.csv`` (labels recoded 0=agree,
1=disagree, 2=discuss, 3=unrelated) and ``competition_test_bodies.csv`` +
``competition_test_stances.csv`` (labels as words). Source: github.com/FakeNewsChallenge/fnc-1.

Systems, scored on the competition test set:

* ``parley``: the shipped stance model (:mod:`parley.check`), trained on the train split only;
* ``baseline``: the official FNC-1 baseline's 44 features, re-implemented: Jaccard word
  overlap; which of its 15 refuting words the headline has; the parity of refuting words in
  headline and body; headline tokens (with and without stop words) found in the body and in its
  first 255 characters; character n-grams (2, 8, 4, 16) of the stop-word-free headline found in
  the body, its first 255 and first 100 characters; word n-grams (2-6) found in the body and its
  first 255 characters. Differences from the official code: lower-cased word tokens instead of
  NLTK lemmas, and true word n-grams (the official code builds character n-grams there). The
  features feed a multinomial logistic regression (standardised inputs), trained here on the
  whole train split with the same seed.

Metrics: the FNC weighted score (per pair: +0.25 when related/unrelated is right, +0.75 more
when a related pair gets its exact label), given as a share of the best possible score; accuracy;
macro-F1 over the four classes; per-class F1 and the confusion matrix (rows gold, columns
predicted). ``--limit N`` scores the pairs of a seeded random sample of N test bodies.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("agree", "disagree", "discuss", "unrelated")
UNRELATED = 3
FILES = {
    "train": ("train_bodies.csv", "train_stances_recoded.csv"),
    "test": ("competition_test_bodies.csv", "competition_test_stances.csv"),
}


@dataclass(frozen=True)
class Pair:
    headline: str
    body_id: int
    label: int  # index into LABELS


@dataclass(frozen=True)
class Split:
    bodies: dict[int, str]
    pairs: list[Pair]


def read_split(root: Path, which: str) -> Split:
    """Read the ``train`` or ``test`` split of FNC-1 from ``root``."""
    bodies_file, stances_file = FILES[which]
    csv.field_size_limit(1 << 30)
    with open(root / bodies_file, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    bodies = {int(r[0]): r[1] for r in rows}
    pairs = []
    with open(root / stances_file, encoding="utf-8", newline="") as f:
        for headline, body_id, stance in list(csv.reader(f))[1:]:
            label = int(stance) if stance.isdigit() else LABELS.index(stance)
            pairs.append(Pair(headline, int(body_id), label))
    return Split(bodies, pairs)


def sample(split: Split, n_bodies: int | None, seed: int = 0) -> Split:
    """The pairs of a seeded random sample of ``n_bodies`` bodies (all of them when None)."""
    if n_bodies is None or n_bodies >= len(split.bodies):
        return split
    keep = set(random.Random(seed).sample(sorted(split.bodies), n_bodies))
    pairs = [p for p in split.pairs if p.body_id in keep]
    return Split({k: split.bodies[k] for k in sorted(keep)}, pairs)


# -- metrics -----------------------------------------------------------------------------------
def fnc_score(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, float]:
    """The FNC weighted score and its maximum for ``gold``."""
    score = 0.0
    for g, p in zip(gold, pred, strict=True):
        if (g == UNRELATED) == (p == UNRELATED):
            score += 0.25
            if g != UNRELATED and g == p:
                score += 0.75
    best = sum(0.25 + (0.75 if g != UNRELATED else 0.0) for g in gold)
    return score, best


def confusion(gold: Sequence[int], pred: Sequence[int]) -> np.ndarray:
    matrix = np.zeros((len(LABELS), len(LABELS)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        matrix[g, p] += 1
    return matrix


def f1_scores(matrix: np.ndarray) -> np.ndarray:
    tp = np.diag(matrix).astype(float)
    precision = np.divide(tp, matrix.sum(axis=0), out=np.zeros_like(tp), where=matrix.sum(axis=0) > 0)
    recall = np.divide(tp, matrix.sum(axis=1), out=np.zeros_like(tp), where=matrix.sum(axis=1) > 0)
    total = precision + recall
    return np.divide(2 * precision * recall, total, out=np.zeros_like(tp), where=total > 0)


@dataclass(frozen=True)
class Scores:
    relative: float  # FNC score / maximum
    score: float
    best: float
    accuracy: float
    macro_f1: float
    f1: tuple[float, ...]
    matrix: np.ndarray


def evaluate(gold: Sequence[int], pred: Sequence[int]) -> Scores:
    score, best = fnc_score(gold, pred)
    matrix = confusion(gold, pred)
    f1 = f1_scores(matrix)
    return Scores(
        relative=score / best if best else 0.0,
        score=score,
        best=best,
        accuracy=float(np.trace(matrix)) / max(len(gold), 1),
        macro_f1=float(f1.mean()),
        f1=tuple(float(x) for x in f1),
        matrix=matrix,
    )


def report(name: str, s: Scores) -> str:
    lines = [
        f"{name}: FNC {s.score:.2f}/{s.best:.2f} = {s.relative:.4f} of max; "
        f"accuracy {s.accuracy:.4f}; macro-F1 {s.macro_f1:.4f}",
        "  F1 " + "  ".join(f"{lab} {f:.3f}" for lab, f in zip(LABELS, s.f1, strict=True)),
        "  gold \\ predicted " + " ".join(f"{lab:>9}" for lab in LABELS),
    ]
    for lab, row in zip(LABELS, s.matrix, strict=True):
        lines.append(f"  {lab:>17} " + " ".join(f"{int(v):>9}" for v in row))
    return "\n".join(lines)


# -- the baseline ------------------------------------------------------------------------------
REFUTING = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt", "doubts",
    "bogus", "debunk", "pranks", "retract",
)  # fmt: skip
_TOKEN = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    "a an and are as at be by for from has he in is it its of on that the to was were will with".split()
)


def _toks(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _grams(seq: Sequence[str], n: int) -> list[str]:
    return [" ".join(seq[i : i + n]) for i in range(len(seq) - n + 1)]


def _chargrams(text: str, n: int) -> list[str]:
    return [text[i : i + n] for i in range(len(text) - n + 1)]


def baseline_features(headline: str, body: str) -> list[float]:
    """The official FNC-1 baseline's features for one pair (44 values)."""
    h, b = _toks(headline), _toks(body)
    hs, bs = set(h), set(b)
    out = [len(hs & bs) / (len(hs | bs) or 1)]
    out += [float(w in hs) for w in REFUTING]
    out += [sum(w in REFUTING for w in h) % 2, sum(w in REFUTING for w in b) % 2]
    body_text = " ".join(b)
    early, first = body_text[:255], body_text[:100]
    for tokens_h in (h, [t for t in h if t not in _STOP]):
        out += [sum(t in body_text for t in tokens_h), sum(t in early for t in tokens_h)]
    content = " ".join(t for t in h if t not in _STOP)
    for n in (2, 8, 4, 16):
        grams = _chargrams(content, n)
        out += [sum(g in body_text for g in grams), sum(g in early for g in grams)]
        out += [sum(g in first for g in grams)]
    for n in (2, 3, 4, 5, 6):
        grams = _grams(h, n)
        out += [sum(g in body_text for g in grams), sum(g in early for g in grams)]
    return [float(x) for x in out]


def run_baseline(train: Split, test: Split, seed: int = 0) -> list[int]:
    """Train the baseline (features + logistic regression) on ``train``; predict ``test``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    def matrix(split: Split) -> np.ndarray:
        return np.array([baseline_features(p.headline, split.bodies[p.body_id]) for p in split.pairs])

    x_train, x_test = matrix(train), matrix(test)
    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(max_iter=2000, random_state=seed)
    model.fit(scaler.transform(x_train), [p.label for p in train.pairs])
    return [int(v) for v in model.predict(scaler.transform(x_test))]


def run_model(test: Split, model_path: Path | None = None) -> list[int]:
    from parley.check.model import load_model

    model = load_model(model_path)
    return model.predict_pairs([(p.headline, p.body_id) for p in test.pairs], test.bodies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parley.bench.fnc1", description="Score stance checking on FNC-1's test set."
    )
    parser.add_argument("root", type=Path, help="the fnc1 folder (train and competition-test CSVs)")
    parser.add_argument("--model", type=Path, default=None, help="stance model JSON (default: shipped)")
    parser.add_argument("--limit", type=int, default=None, help="score the pairs of N sampled test bodies")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    test = sample(read_split(args.root, "test"), args.limit, args.seed)
    gold = [p.label for p in test.pairs]
    print(f"FNC-1 competition test: {len(test.pairs)} pairs, {len(test.bodies)} bodies")
    started = time.perf_counter()
    print(report("parley", evaluate(gold, run_model(test, args.model))))
    print(f"  ({time.perf_counter() - started:.1f}s)")
    if not args.no_baseline:
        started = time.perf_counter()
        predicted = run_baseline(read_split(args.root, "train"), test, args.seed)
        print(report("baseline (FNC features + logistic regression)", evaluate(gold, predicted)))
        print(f"  ({time.perf_counter() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
