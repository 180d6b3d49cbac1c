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


def _joins(
    head: T, x: T, same: Callable[[T, T, float], bool], thresholds: Sequence[float], score: float | None
) -> bool:
    """``same`` on a block ratio, or on the exact ratio when there is none or it lies within
    ``NEAR`` of a threshold (exactly as the pair test would)."""
    if score is None or any(abs(score - t) < NEAR for t in thresholds):
        score = fuzz.token_set_ratio(head.text, x.text)
    return same(head, x, score)


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
            h = next(
                (h for h, score in (*near, *new) if _joins(ordered[h], x, same, thresholds, score)), None
            )
            if h is None:
                heads.append(j)
                group_at[j] = [x]
                groups.append(group_at[j])
            else:
                group_at[h].append(x)
    return groups


def regroup(
    previous: Sequence[Sequence[T]],
    ordered: Sequence[T],
    same: Callable[[T, T, float], bool],
    thresholds: Sequence[float],
) -> list[list[T]]:
    """The groups :func:`group_claims` gives for ``ordered``, computed from ``previous`` (its
    groups of an earlier list, most of whose claims are still in ``ordered``, in the same order).

    A claim joins the first group, in order, whose first claim matches it, and the pair test
    depends on the pair only. So a claim of the earlier list whose group's first claim is still
    a group's first claim can only be taken by a group begun before that one by a claim that
    did not begin a group last time (a new claim, or one whose group lost its first claim): only
    those are compared with it. A new claim, and one whose group's first claim is gone or now
    belongs to another group, is compared with every group, as :func:`group_claims` does."""
    floor = min(thresholds)
    first_of = {x: g[0] for g in previous for x in g}
    position = {x: j for j, x in enumerate(ordered)}
    if len(position) != len(ordered):  # claims equal in every field: compare from scratch
        return group_claims(ordered, same, thresholds)
    heads: list[int] = []
    head_texts: list[str] = []
    fresh: list[int] = []  # heads that were not heads last time, in order
    group_at: dict[int, list[T]] = {}  # by head
    groups: list[list[T]] = []

    def joins(h: int, x: T, score: float | None = None) -> bool:
        return _joins(ordered[h], x, same, thresholds, score)

    def any_head(x: T) -> int | None:
        if not heads:
            return None
        scores = process.cdist(
            [x.text], head_texts, scorer=fuzz.token_set_ratio, score_cutoff=max(floor - 1, 0),
            dtype=np.float32, workers=1,
        )[0]  # fmt: skip
        above = np.nonzero(scores > 0)[0].tolist()
        return next((heads[i] for i in above if joins(heads[i], x, scores[i])), None)

    for j, x in enumerate(ordered):
        old = first_of.get(x)
        chosen: int | None
        if old is None or (old != x and position.get(old, -1) not in group_at):
            chosen = any_head(x)  # new, or its group's first claim is gone or taken
        else:
            before = j if old == x else position[old]
            chosen = next((h for h in fresh if h < before and joins(h, x)), None)
            if chosen is None and old != x:
                chosen = position[old]
        if chosen is None:
            heads.append(j)
            head_texts.append(x.text)
            if old != x:
                fresh.append(j)
            group_at[j] = [x]
            groups.append(group_at[j])
        else:
            group_at[chosen].append(x)
    return groups
