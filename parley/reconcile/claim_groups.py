"""Grouping claims that say the same thing: each claim joins the first earlier group whose
first claim it matches, else starts a group. Matching needs a token-set ratio of at least
``floor`` (and more, depending on the pair), so the ratios of a block of claims against the
first claim of every group begun before the block are computed at once in C (rapidfuzz
``cdist``, both cores); only the groups above the floor, and those begun within the block, are
looked at in Python, the ratio then computed again exactly as the pair test would. The groups
are the same as comparing each claim with every group in turn
(``exhaustive=True``, the reference the tests compare with)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
from rapidfuzz import fuzz, process

BLOCK = 256  # claims whose ratios are computed together
NEAR = 0.01  # a float32 ratio this close to a threshold is computed again in full precision


T = TypeVar("T", bound=Any)  # anything with a ``text``


def group_claims(
    ordered: Sequence[T],
    same: Callable[[T, T, float], bool],
    thresholds: Sequence[float],
    exhaustive: bool = False,
) -> list[list[T]]:
    """``same(first_of_group, claim, ratio)`` decides, comparing ``ratio``
    (``fuzz.token_set_ratio(first_of_group.text, claim.text)``) with ``thresholds`` only; a
    ratio computed in a block is used as it is unless it lies within ``NEAR`` of one of them."""
    floor = min(thresholds)
    groups: list[list[T]] = []
    if exhaustive:
        for x in ordered:
            group = next((g for g in groups if same(g[0], x, fuzz.token_set_ratio(g[0].text, x.text))), None)
            if group is None:
                groups.append([x])
            else:
                group.append(x)
        return groups
    texts = [x.text for x in ordered]
    heads: list[int] = []  # index of each group's first claim, in group order
    group_at: dict[int, list[T]] = {}

    def joins(h: int, x: T, score: float | None) -> bool:
        head = ordered[h]
        if score is None or any(abs(score - t) < NEAR for t in thresholds):
            score = fuzz.token_set_ratio(head.text, x.text)  # exactly as the pair test would
        return same(head, x, score)

    for start in range(0, len(texts), BLOCK):
        end = min(len(texts), start + BLOCK)
        earlier = np.asarray(heads, dtype=np.int64)
        scores = None
        if len(earlier):
            scores = process.cdist(
                texts[start:end], [texts[h] for h in heads], scorer=fuzz.token_set_ratio,
                score_cutoff=max(floor - 1, 0), dtype=np.float32, workers=-1,
            )  # fmt: skip
        for row, j in enumerate(range(start, end)):
            x = ordered[j]
            near: list[tuple[int, float | None]] = []
            if scores is not None:
                above = np.nonzero(scores[row] > 0)[0]
                near = list(zip(earlier[above].tolist(), scores[row, above].tolist(), strict=True))
            new = [(h, None) for h in heads[len(earlier) :]]  # begun in this block, after the rest
            h = next((h for h, score in (*near, *new) if joins(h, x, score)), None)
            if h is None:
                heads.append(j)
                group_at[j] = [x]
                groups.append(group_at[j])
            else:
                group_at[h].append(x)
    return groups
