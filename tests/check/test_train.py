"""A tiny training run (parley.check.train) on generated FNC-style files: it writes a model that
loads and predicts, and the same seed gives the same file."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parley.check.model import StanceModel
from parley.check.train import main

pytest.importorskip("lightgbm")

TOPICS = [
    ("a white bear", "Lisbon"), ("a lost satellite", "Chile"), ("the missing painter", "Oslo"),
    ("a two-headed shark", "Florida"), ("the stolen crown", "Prague"), ("a herd of zebras", "Wales"),
    ("the mayor's yacht", "Naples"), ("a meteorite", "Kenya"), ("the tallest snowman", "Quebec"),
    ("a golden statue", "Cairo"), ("the runaway robot", "Osaka"), ("a giant pumpkin", "Ohio"),
]  # fmt: skip
BODIES = {
    0: "Officials confirmed that {s} was found in {p} on Monday. Photos show {s} in {p}. It is true.",
    1: "Reports that {s} was found in {p} are a hoax. Officials denied it and called the story fake.",
    2: "Posts claim {s} was found in {p}, but the reports could not be verified. It allegedly happened.",
}


def write_fnc(root: Path) -> None:
    bodies, stances = [], []
    for t, (subject, place) in enumerate(TOPICS):
        claim = f"{subject.capitalize()} was found in {place}"
        for label, template in BODIES.items():
            body_id = 3 * t + label
            bodies.append((body_id, template.format(s=subject, p=place)))
            stances.append((claim, body_id, label))
            for other in (1, 5):
                o_subject, o_place = TOPICS[(t + other) % len(TOPICS)]
                stances.append((f"{o_subject.capitalize()} was found in {o_place}", body_id, 3))
    with open(root / "train_bodies.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("Body ID", "articleBody"), *bodies])
    with open(root / "train_stances_recoded.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("Headline", "Body_ID", "Stance"), *stances])


def test_tiny_training_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_fnc(tmp_path)
    out = tmp_path / "model.json"
    assert main([str(tmp_path), "--out", str(out), "--no-test", "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    assert "held-out" in printed and "largest probability difference" in printed
    data = json.loads(out.read_text())
    assert data["training"]["seed"] == 3 and "test" not in data["training"]
    model = StanceModel(data, encoder=None)
    predicted = model.predict_pairs(
        [("A white bear was found in Lisbon", 1)], {1: BODIES[1].format(s="x", p="y")}
    )
    assert predicted[0] in range(4)
    # the same seed gives the same file, also in a process with another string-hash seed
    again = tmp_path / "again.json"
    command = [sys.executable, "-m", "parley.check.train", str(tmp_path), "--out", str(again), "--no-test"]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([*command, "--seed", "3"], check=True, capture_output=True, env=env, timeout=300)
    assert again.read_text() == out.read_text()
