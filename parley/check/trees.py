"""Gradient-boosted trees stored as plain JSON and evaluated with numpy.

A forest is a dict::

    {"objective": "binary" | "multiclass", "num_class": K, "trees": [tree, ...]}

Trees of a K-class forest are interleaved (tree ``i`` adds to class ``i % K``). A tree is four
parallel lists over its internal nodes plus its leaf values::

    {"feature": [f, ...], "threshold": [t, ...], "left": [l, ...], "right": [r, ...],
     "leaf": [v, ...]}

A sample at node ``n`` goes left when ``x[feature[n]] <= threshold[n]``; a child index ``c >= 0``
is another internal node, ``c < 0`` is leaf ``~c`` (``-1`` is leaf 0). A tree that is a single
leaf has empty node lists and one leaf value. The raw score of a class is the sum of its trees'
leaves; ``binary`` gives a sigmoid, ``multiclass`` a softmax.

:func:`from_lightgbm` converts a LightGBM ``Booster.dump_model()`` dict (numerical ``<=`` splits
only, which is all the training here produces) into this form.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Forest = dict[str, Any]


def raw_scores(forest: Forest, x: np.ndarray) -> np.ndarray:
    """Raw (margin) scores, shape ``(n, K)`` (``K`` = 1 for a binary forest)."""
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    k = int(forest.get("num_class", 1))
    out = np.zeros((x.shape[0], k))
    rows = np.arange(x.shape[0])
    for i, tree in enumerate(forest["trees"]):
        leaf_values = np.asarray(tree["leaf"], dtype=np.float64)
        if not tree["feature"]:
            out[:, i % k] += leaf_values[0]
            continue
        feature = np.asarray(tree["feature"], dtype=np.int64)
        threshold = np.asarray(tree["threshold"], dtype=np.float64)
        children = np.stack([np.asarray(tree["left"]), np.asarray(tree["right"])]).astype(np.int64)
        node = np.zeros(x.shape[0], dtype=np.int64)
        active = rows
        while active.size:
            at = node[active]
            go_right = x[active, feature[at]] > threshold[at]
            nxt = children[go_right.astype(np.int64), at]
            node[active] = nxt
            active = active[nxt >= 0]
        out[:, i % k] += leaf_values[~node]
    return out


def predict_proba(forest: Forest, x: np.ndarray) -> np.ndarray:
    """Class probabilities: ``(n,)`` for a binary forest, ``(n, K)`` for a multiclass one."""
    raw = raw_scores(forest, x)
    if forest["objective"] == "binary":
        return np.asarray(1.0 / (1.0 + np.exp(-raw[:, 0])))
    raw -= raw.max(axis=1, keepdims=True)
    e = np.exp(raw)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def from_lightgbm(dump: dict[str, Any], digits: int = 7) -> Forest:
    """Convert ``Booster.dump_model()`` output; leaf values are rounded to ``digits`` significant
    digits, thresholds are kept exact so every split goes the way LightGBM's does."""
    objective = str(dump["objective"]).split()[0]
    forest: Forest = {
        "objective": "binary" if objective == "binary" else "multiclass",
        "num_class": int(dump.get("num_class", 1)),
        "trees": [],
    }
    for info in dump["tree_info"]:
        forest["trees"].append(_tree(info["tree_structure"], digits))
    return forest


def _tree(root: dict[str, Any], digits: int) -> dict[str, list[Any]]:
    tree: dict[str, list[Any]] = {"feature": [], "threshold": [], "left": [], "right": [], "leaf": []}
    if "leaf_value" in root:
        tree["leaf"].append(_round(root["leaf_value"], digits))
        return tree

    def visit(node: dict[str, Any]) -> int:
        if "leaf_value" in node:
            tree["leaf"].append(_round(node["leaf_value"], digits))
            return ~(len(tree["leaf"]) - 1)
        if node.get("decision_type") != "<=" or node.get("missing_type") not in (None, "None"):
            raise ValueError(f"unsupported split {node.get('decision_type')} / {node.get('missing_type')}")
        index = len(tree["feature"])
        tree["feature"].append(int(node["split_feature"]))
        tree["threshold"].append(float(node["threshold"]))
        tree["left"].append(0)
        tree["right"].append(0)
        tree["left"][index] = visit(node["left_child"])
        tree["right"][index] = visit(node["right_child"])
        return index

    visit(root)
    return tree


def _round(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def size(forest: Forest) -> tuple[int, int]:
    """Number of trees and of leaves."""
    return len(forest["trees"]), sum(len(t["leaf"]) for t in forest["trees"])
