"""Claims grouped through the block ratios are grouped exactly as by comparing each claim with
every group in turn."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from parley.reconcile.claim_groups import BLOCK, group_claims

WORDS = "the envoy said plan rejected accepted troops border talks Geneva Miami ceasefire army cap".split()


@dataclass(frozen=True)
class Text:
    text: str
    kind: int


def _same(head: Text, x: Text, ratio: float) -> bool:
    return ratio >= 50 if head.kind == x.kind else ratio >= 85


@pytest.mark.parametrize("seed", range(4))
def test_block_ratios_group_as_the_exhaustive_comparison(seed):
    rng = random.Random(seed)
    claims = [
        Text(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9))), rng.randrange(3))
        for _ in range(BLOCK * 2 + 37)  # more than two blocks: groups begun in and before a block
    ]
    fast = group_claims(claims, _same, (50, 85))
    assert fast == group_claims(claims, _same, (50, 85), exhaustive=True)
    assert 1 < len(fast) < len(claims)
