"""Grouping claims that say the same thing: each claim joins the first earlier group whose
first claim it matches, else starts a group. Matching needs a token-set ratio of at least
``floor`` (and more, depending on the pair). The first claims of the groups are indexed
(:class:`parley.reconcile.head_index.HeadIndex`): a claim is compared in full only with the
groups whose first claim can match it (by a bound on the ratio, or a key it shares, ``keys``),
in order, the ratio computed exactly as the pair test would. No other group can match, so the
groups are the same as comparing each claim with every group in turn (``exhaustive=True``, the
reference the tests compare with)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from rapidfuzz import fuzz

from parley.reconcile.head_index import HeadIndex

T = TypeVar("T", bound=Any)  # anything with a ``text``
Keys = Callable[[Any], Iterable[Hashable]]


def _joins(head: T, x: T, same: Callable[[T, T, float], bool]) -> bool:
    """``same`` on the exact ratio of the pair."""
    return same(head, x, fuzz.token_set_ratio(head.text, x.text))


def group_claims(
    ordered: Sequence[T],
    same: Callable[[T, T, float], bool],
    thresholds: Sequence[float],
    exhaustive: bool = False,
    keys: Keys | None = None,
) -> list[list[T]]:
    """``same(first_of_group, claim, ratio)`` decides, comparing ``ratio``
    (``fuzz.token_set_ratio(first_of_group.text, claim.text)``) with ``thresholds`` only. With
    ``keys``, ``same`` must be false for a pair whose ratio is below the highest threshold unless
    they share a key (a claim's keys: ``keys(claim)``)."""
    groups: list[list[T]] = []
    if exhaustive:
        for x in ordered:
            group = next((g for g in groups if same(g[0], x, fuzz.token_set_ratio(g[0].text, x.text))), None)
            if group is None:
                groups.append([x])
            else:
                group.append(x)
        return groups
    index = HeadIndex(thresholds, keys)
    for x in ordered:
        k = next((k for k in index.candidates(x) if _joins(groups[k][0], x, same)), None)
        if k is None:
            index.add(x)
            groups.append([x])
        else:
            groups[k].append(x)
    return groups


def regroup(
    previous: Sequence[Sequence[T]],
    ordered: Sequence[T],
    same: Callable[[T, T, float], bool],
    thresholds: Sequence[float],
    keys: Keys | None = None,
) -> list[list[T]]:
    """The groups :func:`group_claims` gives for ``ordered``, computed from ``previous`` (its
    groups of an earlier list, most of whose claims are still in ``ordered``, in the same order).

    A claim joins the first group, in order, whose first claim matches it, and the pair test
    depends on the pair only. So a claim of the earlier list whose group's first claim is still
    a group's first claim can only be taken by a group begun before that one by a claim that
    did not begin a group last time (a new claim, or one whose group lost its first claim): only
    those are compared with it. A new claim, and one whose group's first claim is gone or now
    belongs to another group, is compared with every group, as :func:`group_claims` does (each
    only with the groups the index says it can join)."""
    first_of = {x: g[0] for g in previous for x in g}
    position = {x: j for j, x in enumerate(ordered)}
    if len(position) != len(ordered):  # claims equal in every field: compare from scratch
        return group_claims(ordered, same, thresholds, keys=keys)
    index = HeadIndex(thresholds, keys)
    heads: list[int] = []  # position in ``ordered`` of each head, by its number in the index
    fresh: set[int] = set()  # numbers of the heads that were not heads last time
    min_fresh = 0  # the first of them
    group_at: dict[int, list[T]] = {}  # by head position
    groups: list[list[T]] = []

    def first(x: T, before: int | None = None, among: set[int] | None = None) -> int | None:
        """The position of the first head (begun before ``before``, one of ``among``) ``x`` joins."""
        for k in index.candidates(x):
            h = heads[k]
            if before is not None and h >= before:
                return None
            if (among is None or k in among) and _joins(ordered[h], x, same):
                return h
        return None

    for j, x in enumerate(ordered):
        old = first_of.get(x)
        chosen: int | None
        if old is None or (old != x and position.get(old, -1) not in group_at):
            chosen = first(x)  # new, or its group's first claim is gone or taken
        else:
            before = j if old == x else position[old]
            chosen = None
            if fresh and heads[min_fresh] < before:
                chosen = first(x, before, fresh)
            if chosen is None and old != x:
                chosen = position[old]
        if chosen is None:
            if old != x:
                min_fresh = min_fresh if fresh else len(heads)
                fresh.add(len(heads))
            heads.append(j)
            index.add(x)
            group_at[j] = [x]
            groups.append(group_at[j])
        else:
            group_at[chosen].append(x)
    return groups
