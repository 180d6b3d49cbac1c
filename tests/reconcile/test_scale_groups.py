"""Claims grouped through the index of group heads are grouped exactly as by comparing each claim
with every group in turn, misspelt near-copies included, and a claim is compared in full with
only a few of the groups."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from parley.models import Span
from parley.reconcile.claim_groups import group_claims, regroup
from parley.reconcile.claims import THRESHOLDS, claim_keys, in_order, same_claim
from parley.reconcile.contested_records import Said
from parley.reconcile.head_index import HeadIndex

WORDS = (
    "the envoy said delegation rejected accepted troops border talks ceasefire army cap drafted plan "
    "ministers agreed withdraw sanctions prisoners exchange a of to on by week before after summit"
).split()


@dataclass(frozen=True)
class Text:
    text: str
    kind: int = 0
    n: int = 0  # claims with the same words are still different claims


def _same(head: Text, x: Text, ratio: float) -> bool:
    return ratio >= 50 if head.kind == x.kind else ratio >= 85


def _kind(x: Text) -> set[int]:
    return {x.kind}


def _misspell(rng: random.Random, text: str, edits: int) -> str:
    """``text`` with ``edits`` letters changed, dropped, doubled or swapped."""
    chars = list(text)
    for _ in range(edits):
        at = rng.randrange(len(chars))
        how = rng.randrange(4)
        if how == 0:
            chars[at] = rng.choice("aeioustnrlc")
        elif how == 1 and len(chars) > 1:
            del chars[at]
        elif how == 2:
            chars.insert(at, chars[at])
        elif at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


def _texts(seed: int, count: int, odd_spaces: bool = False) -> list[Text]:
    """Sentences of the word list, a third of them misspelt copies of an earlier one."""
    rng = random.Random(seed)
    texts: list[Text] = []
    for n in range(count):
        if texts and rng.random() < 0.35:
            text = _misspell(rng, rng.choice(texts).text, rng.randint(1, 6))
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14)))
        if odd_spaces and rng.random() < 0.1:
            text = text.replace(" ", rng.choice(["  ", "\t", "\u00a0"]), 1)
        texts.append(Text(text, rng.randrange(3), n))
    return texts


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_the_bound_is_never_below_the_ratio(seed):
    texts = [t for t in _texts(seed, 40) if t.text.strip()]
    index = HeadIndex((50, 85))
    for t in texts:
        index.add(t)
    for x in texts:
        bound = index._bound(set(x.text.split()), index.size)
        ratios = [fuzz.token_set_ratio(t.text, x.text) for t in texts]
        assert all(b >= r - 1e-9 for b, r in zip(bound, ratios, strict=True))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.booleans())
def test_indexed_groups_are_the_exhaustive_groups(seed, odd_spaces):
    texts = _texts(seed, 120, odd_spaces)
    exhaustive = group_claims(texts, _same, (50, 85), exhaustive=True)
    assert group_claims(texts, _same, (50, 85)) == exhaustive
    assert group_claims(texts, _same, (50, 85), keys=_kind) == exhaustive


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 119))
def test_regrouping_with_new_claims_gives_the_groups_from_scratch(seed, cut):
    texts = _texts(seed, 120)
    rng = random.Random(seed)
    earlier = [t for t in texts if rng.random() < 0.7]
    previous = group_claims(earlier[:cut], _same, (50, 85), keys=_kind)
    expected = group_claims(texts, _same, (50, 85), exhaustive=True)
    assert regroup(previous, texts, _same, (50, 85), _kind) == expected


def test_a_claim_is_compared_with_few_of_many_groups():
    unrelated = [
        Text(f"the {w} {v} on day {n} of the week before the {u} talks", kind=1)
        for n, (w, v, u) in enumerate(zip(WORDS * 3, WORDS[5:] * 3, WORDS[9:] * 3, strict=False))
    ]
    copy = Text("The delegation rejected the drafted ceasefire plan on Tuesday, the envoy said.", kind=1)
    index = HeadIndex((50, 85), _kind)  # a claim of another kind joins only at 85
    for t in [*unrelated, copy]:
        index.add(t)
    misspelt = Text("The delegaton rejectd the drafted ceasfire plan on Tuesday, the envoy sayd.", kind=2)
    found = index.candidates(misspelt)
    assert len(unrelated) in found  # the misspelt copy, though only some of its words are the same
    assert len(found) < len(unrelated) // 4


def test_a_misspelt_copy_sharing_no_word_is_still_a_candidate():
    head = Text("ceasefire agreed monday")
    x = Text("ceasfire agred mondy")
    assert fuzz.token_set_ratio(head.text, x.text) >= 85
    index = HeadIndex((50, 85))
    index.add(head)
    assert index.candidates(x) == [0]
    assert group_claims([head, x], _same, (50, 85)) == [[head, x]]


def _said(n: int, text: str, about: tuple[str, ...] = (), family: str | None = None) -> Said:
    return Said(
        f"a{n}", Span(0, len(text)), text, "report", None, None, "article", dt.date(2025, 3, n + 1),
        about, family, False,
    )  # fmt: skip


def test_claims_of_one_actor_and_verb_join_through_their_key():
    first = _said(0, "The army withdrew its troops from the northern border region", ("army",), "move")
    said = "Officials confirmed the {} withdrew soldiers near the border region"
    later = _said(1, said.format("army"), ("army",), "move")
    other = _said(2, said.format("navy"), ("navy",), "move")
    assert 50 <= fuzz.token_set_ratio(first.text, later.text) < 85
    assert claim_keys(first) & claim_keys(later)
    assert not claim_keys(first) & claim_keys(other)
    ordered = in_order([first, later, other])
    groups = group_claims(ordered, same_claim, THRESHOLDS, keys=claim_keys)
    assert groups == group_claims(ordered, same_claim, THRESHOLDS, exhaustive=True)
    assert [first, later] in groups


def test_claims_without_a_family_have_no_key():
    assert claim_keys(_said(0, "The army withdrew its troops", ("army",), None)) == set()
