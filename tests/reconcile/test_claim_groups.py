"""Claims grouped through the head index are grouped exactly as by comparing each claim with
every group in turn."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from parley.reconcile.claim_groups import group_claims, regroup

WORDS = "the envoy said plan rejected accepted troops border talks Geneva Miami ceasefire army cap".split()


@dataclass(frozen=True)
class Text:
    text: str
    kind: int
    n: int = 0  # claims with the same words are still different claims


def _same(head: Text, x: Text, ratio: float) -> bool:
    return ratio >= 50 if head.kind == x.kind else ratio >= 85


@pytest.mark.parametrize("seed", range(4))
def test_the_head_index_groups_as_the_exhaustive_comparison(seed):
    rng = random.Random(seed)
    claims = [
        Text(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9))), rng.randrange(3))
        for _ in range(549)  # enough claims for many groups of each kind
    ]
    fast = group_claims(claims, _same, (50, 85))
    assert fast == group_claims(claims, _same, (50, 85), exhaustive=True)
    assert 1 < len(fast) < len(claims)


def _claims(rng: random.Random, count: int, start: int) -> list[Text]:
    return [
        Text(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9))), rng.randrange(3), start + i)
        for i in range(count)
    ]


@pytest.mark.parametrize("seed", range(12))
def test_regrouping_after_changes_groups_as_from_scratch(seed):
    """Claims added anywhere in the order, removed (group heads among them) and changed: the
    groups continued from the earlier ones are those of grouping the new list from scratch."""
    rng = random.Random(seed)
    before = _claims(rng, 300, 0)
    after = [x for x in before if rng.random() > 0.05]  # removed
    after = [Text(x.text + " ceasefire", x.kind, x.n) if rng.random() < 0.03 else x for x in after]  # changed
    for x in _claims(rng, rng.choice((1, 10, 60)), 10_000):  # added, anywhere
        after.insert(rng.randint(0, len(after)), x)
    previous = group_claims(before, _same, (50, 85))
    assert regroup(previous, after, _same, (50, 85)) == group_claims(after, _same, (50, 85), exhaustive=True)


def test_regrouping_with_nothing_changed_keeps_the_groups():
    claims = _claims(random.Random(7), 200, 0)
    groups = group_claims(claims, _same, (50, 85))
    assert regroup(groups, claims, _same, (50, 85)) == groups
