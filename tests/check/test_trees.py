"""Tests for forests stored as JSON (parley.check.trees), on hand-made trees and a tiny LightGBM run."""

from __future__ import annotations

import numpy as np
import pytest

from parley.check import trees

# A LightGBM-style dump: one tree splitting feature 0 at 0.5, then feature 1 at 2.0 on the right.
DUMP = {
    "objective": "binary sigmoid:1",
    "num_class": 1,
    "tree_info": [
        {
            "tree_structure": {
                "split_feature": 0,
                "threshold": 0.5,
                "decision_type": "<=",
                "missing_type": "None",
                "left_child": {"leaf_value": -1.0},
                "right_child": {
                    "split_feature": 1,
                    "threshold": 2.0,
                    "decision_type": "<=",
                    "missing_type": "None",
                    "left_child": {"leaf_value": 0.5},
                    "right_child": {"leaf_value": 2.0},
                },
            }
        },
        {"tree_structure": {"leaf_value": 0.25}},
    ],
}


def test_from_lightgbm_layout() -> None:
    forest = trees.from_lightgbm(DUMP)
    first, stump = forest["trees"]
    assert first == {
        "feature": [0, 1],
        "threshold": [0.5, 2.0],
        "left": [-1, -2],
        "right": [1, -3],
        "leaf": [-1.0, 0.5, 2.0],
    }
    assert stump == {"feature": [], "threshold": [], "left": [], "right": [], "leaf": [0.25]}
    assert trees.size(forest) == (2, 4)


def test_raw_scores_follow_the_splits() -> None:
    forest = trees.from_lightgbm(DUMP)
    x = np.array([[0.5, 9.0], [0.6, 2.0], [0.6, 2.1]])  # <= goes left
    assert trees.raw_scores(forest, x)[:, 0].tolist() == [-0.75, 0.75, 2.25]
    p = trees.predict_proba(forest, x)
    assert p.shape == (3,)
    assert p[0] == pytest.approx(1 / (1 + np.exp(0.75)))


def test_multiclass_trees_are_interleaved() -> None:
    leaf = {"feature": [], "threshold": [], "left": [], "right": [], "leaf": [0.0]}
    forest = {"objective": "multiclass", "num_class": 3, "trees": [leaf, {**leaf, "leaf": [1.0]}, leaf]}
    p = trees.predict_proba(forest, np.zeros((2, 1)))
    assert p.shape == (2, 3)
    assert p.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert p[0].argmax() == 1


def test_unsupported_split_is_refused() -> None:
    dump = {
        "objective": "binary",
        "tree_info": [{"tree_structure": {**DUMP["tree_info"][0]["tree_structure"]}}],
    }
    dump["tree_info"][0]["tree_structure"]["decision_type"] = "=="
    with pytest.raises(ValueError, match="unsupported split"):
        trees.from_lightgbm(dump)


def test_matches_lightgbm() -> None:
    lgb = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 4))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    params = {"objective": "binary", "num_leaves": 7, "verbose": -1, "num_threads": 1, "seed": 0}
    booster = lgb.train(params, lgb.Dataset(x, y), num_boost_round=20)
    forest = trees.from_lightgbm(booster.dump_model())
    assert np.abs(trees.predict_proba(forest, x) - booster.predict(x)).max() < 1e-5
