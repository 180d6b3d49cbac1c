"""An index of the first claims of groups (heads) that gives, for a claim, the only heads it can
join, so that a claim is compared in full with a few heads, not with every group of the corpus.

A head is a candidate for a claim ``x`` when:

- it shares a key with ``x`` (``keys``: the caller's promise is that ``same`` is false for a pair
  with no key in common unless their ratio reaches ``high``, the highest threshold); or
- its rapidfuzz ``token_set_ratio`` with ``x`` can reach ``high`` (``floor`` when no ``keys`` are
  given), by the bound below; or
- either text holds U+0085 or U+00A0 (then every head is a candidate).

The bound. ``token_set_ratio`` splits each text on whitespace into a set of words: ``I`` the
words both have, ``A`` and ``B`` those only one has; ``len`` of a set is the length of its words
joined by spaces. It is 100 when ``I`` is not empty and ``A`` or ``B`` is; else the highest of
``100 - 100 * (1 + len A) / (2 len I + 1 + len A)`` (and the same for ``B``; 0 when ``I`` is
empty), which need only the lengths and are computed exactly, and
``100 - 100 * indel(join A, join B) / (lenI' + len A + lenI' + len B)`` (``lenI'`` is ``len I``
plus one when ``I`` is not empty). An indel edit adds or removes one character, so
``indel(join A, join B)`` is at least the sum over characters of the difference of how often
each string holds it; the words of ``I`` are in neither, so the letters count the same as
between the two texts' own sets of words, and the spaces differ by ``|#A - #B|``. Characters
are counted in 64 buckets (a bucket's difference is at most the sum of its characters'), which
only lowers the count. So the bound is never below the ratio, and a head below ``high`` by it
(less a margin for rounding) cannot join. The words each head shares with ``x`` come from an
inverted index of the heads' words. The bound is worked out for every head at once, in arrays
(the letters of two texts differ at least by the difference of their totals, which rules out
most heads; the bucket counts are compared for the rest): still a pass over every head, but a
few array operations, where the full ratio cost as much again for each head.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import numpy as np

BUCKETS = 64
MARGIN = 0.5  # the bound is compared with the threshold less this (rounding in either ratio)
# the only whitespace ``str.split`` and rapidfuzz split on differently (every code point checked):
# tabs, runs of spaces and spaces at either end give both the same words
_ODD_SPACE = re.compile("[\x85\xa0]")


class HeadIndex:
    """Heads numbered in the order they are added; :meth:`candidates` gives the numbers of those
    a claim can join, in that order."""

    def __init__(
        self,
        thresholds: Iterable[float],
        keys: Callable[[Any], Iterable[Hashable]] | None = None,
    ) -> None:
        thresholds = list(thresholds)
        self.keys = keys
        self.least = (max(thresholds) if keys else min(thresholds)) - MARGIN
        self.size = 0
        self._by_key: dict[Hashable, list[int]] = {}
        self._word_ids: dict[str, int] = {}
        self._postings: list[array[int]] = []  # word -> the heads that have it
        self._odd: list[int] = []
        self._counts = np.zeros((16, BUCKETS), dtype=np.int16)  # each head's letters, by bucket
        self._words = np.zeros(16, dtype=np.int64)  # how many distinct words
        self._letters = np.zeros(16, dtype=np.int64)  # their letters

    def add(self, x: Any) -> int:
        """Index ``x`` as the next head; its number."""
        n = self.size
        if n == len(self._words):
            self._counts = np.concatenate([self._counts, np.zeros_like(self._counts)])
            self._words = np.concatenate([self._words, np.zeros_like(self._words)])
            self._letters = np.concatenate([self._letters, np.zeros_like(self._letters)])
        words = set(x.text.split())
        self._counts[n] = _counts(words)
        self._words[n] = len(words)
        self._letters[n] = sum(map(len, words))
        for w in words:
            at = self._word_ids.setdefault(w, len(self._postings))
            if at == len(self._postings):
                self._postings.append(array("q"))
            self._postings[at].append(n)
        if _ODD_SPACE.search(x.text):
            self._odd.append(n)
        for key in self.keys(x) if self.keys else ():
            self._by_key.setdefault(key, []).append(n)
        self.size = n + 1
        return n

    def candidates(self, x: Any) -> list[int]:
        """The heads ``x`` may join (every head whose ratio with it can reach the threshold, or
        that shares a key with it), in order."""
        n = self.size
        if not n:
            return []
        if _ODD_SPACE.search(x.text):
            return list(range(n))
        words = set(x.text.split())
        found = set(self._odd)
        for key in self.keys(x) if self.keys else ():
            found.update(self._by_key.get(key, ()))
        if words:
            bound = self._bound(words, n)
            found.update(np.flatnonzero(bound >= self.least).tolist())
        return sorted(found)

    def _bound(self, words: set[str], n: int) -> np.ndarray:
        """The highest ``token_set_ratio`` each head can have with a text of ``words``: from the
        lengths first, then, for the heads that lengths alone do not rule out, from the counts of
        their letters too."""
        postings = [(self._postings[at], len(w)) for w in words if (at := self._word_ids.get(w)) is not None]
        heads = np.concatenate(
            [np.frombuffer(p, dtype=np.int64) for p, _ in postings] or [np.zeros(0, np.int64)]
        )
        sizes = np.repeat([size for _, size in postings], [len(p) for p, _ in postings])
        shared = np.bincount(heads, minlength=n)  # words in both
        shared_letters = np.bincount(heads, weights=sizes, minlength=n).astype(np.int64)
        only_a = len(words) - shared
        only_b = self._words[:n] - shared
        letters = sum(map(len, words))
        sect = np.where(shared > 0, shared_letters + shared - 1, 0)
        len_a = np.where(only_a > 0, letters - shared_letters + only_a - 1, 0)
        len_b = np.where(only_b > 0, self._letters[:n] - shared_letters + only_b - 1, 0)
        sect_a = sect + (sect > 0) + len_a
        sect_b = sect + (sect > 0) + len_b
        total = np.maximum(sect_a + sect_b, 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio_a = np.where(sect > 0, 100 - 100 * (1 + len_a) / (sect + sect_a), 0.0)
            ratio_b = np.where(sect > 0, 100 - 100 * (1 + len_b) / (sect + sect_b), 0.0)
        bound = np.maximum(ratio_a, ratio_b)
        bound[(shared > 0) & ((only_a == 0) | (only_b == 0))] = 100.0
        # the letters differ at least by their number: a bound on the ratio of the rest, over every head
        apart = np.abs(self._letters[:n] - letters) + np.abs(only_a - only_b)
        ratio = 100 - 100 * apart / total
        # and by the count of each bucket, for the heads still in question
        rows = np.flatnonzero((ratio >= self.least) & (bound < self.least))
        if len(rows):
            apart_rows = np.abs(self._counts[rows] - _counts(words)).sum(axis=1, dtype=np.int64)
            ratio[rows] = 100 - 100 * (apart_rows + np.abs(only_a - only_b)[rows]) / total[rows]
        bound = np.maximum(bound, ratio)
        bound[self._words[:n] == 0] = 0.0
        return bound


def _counts(words: set[str]) -> np.ndarray:
    """How often the letters of ``words`` fall in each bucket."""
    codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32) % BUCKETS
    return np.bincount(codes, minlength=BUCKETS).astype(np.int16)
