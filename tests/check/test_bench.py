"""Tests for the FNC-1 scoring and baseline (parley.bench.fnc1), on hand-made labels and CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.bench.fnc1 import baseline_features, evaluate, fnc_score, read_split, sample

AGREE, DISAGREE, DISCUSS, UNRELATED = range(4)


def test_fnc_score_weights() -> None:
    gold = [AGREE, DISCUSS, UNRELATED, UNRELATED, DISAGREE]
    pred = [AGREE, AGREE, UNRELATED, DISCUSS, UNRELATED]
    # exact related 1.0; related with the wrong label 0.25; unrelated right 0.25; the rest 0
    assert fnc_score(gold, pred) == (1.5, 3.5)


def test_evaluate_confusion_and_macro_f1() -> None:
    gold = [AGREE, AGREE, DISAGREE, DISCUSS, UNRELATED]
    pred = [AGREE, DISCUSS, DISAGREE, DISCUSS, UNRELATED]
    s = evaluate(gold, pred)
    assert s.matrix.tolist() == [[1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
    assert s.f1 == pytest.approx((2 / 3, 1.0, 2 / 3, 1.0))
    assert s.macro_f1 == pytest.approx((2 / 3 + 1 + 2 / 3 + 1) / 4)
    assert s.relative == pytest.approx(s.score / s.best)
    assert s.accuracy == pytest.approx(0.8)


def test_baseline_features_shape() -> None:
    f = baseline_features("Ferry denies hoax", "The ferry company says the story is a hoax. Not true.")
    assert len(f) == 44
    assert f[0] > 0  # word overlap
    assert (f[1 + 2], f[1 + 5], f[1]) == (1.0, 1.0, 0.0)  # hoax, denies in the headline; fake not


def write_split(root: Path) -> None:
    (root / "train_bodies.csv").write_text('Body ID,articleBody\n1,"Line one.\nLine, two."\n2,Other\n')
    (root / "train_stances_recoded.csv").write_text('Headline,Body_ID,Stance\nA claim,1,0\n"B, claim",2,3\n')
    (root / "competition_test_bodies.csv").write_text("Body ID,articleBody\n5,Text\n")
    (root / "competition_test_stances.csv").write_text("Headline,Body ID,Stance\nC,5,discuss\n")


def test_read_split(tmp_path: Path) -> None:
    write_split(tmp_path)
    train = read_split(tmp_path, "train")
    assert train.bodies[1] == "Line one.\nLine, two."
    assert [(p.headline, p.body_id, p.label) for p in train.pairs] == [("A claim", 1, 0), ("B, claim", 2, 3)]
    test = read_split(tmp_path, "test")
    assert [p.label for p in test.pairs] == [DISCUSS]
    one = sample(train, 1, seed=0)
    assert len(one.bodies) == 1 and all(p.body_id in one.bodies for p in one.pairs)
