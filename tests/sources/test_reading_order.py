"""The order in which the copies step reads its candidate pairs: every pair once, and the pairs of
one group of related articles together, whatever their ids."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.reconcile.source_steps import reading_order

ids = st.text(alphabet="0123456789abcdef", min_size=4, max_size=4)
pair_lists = st.lists(st.tuples(ids, ids).filter(lambda p: p[0] != p[1]), max_size=60)


@settings(max_examples=200, deadline=None)
@given(pair_lists)
def test_every_pair_once(pairs):
    found = reading_order(pairs)
    assert sorted(found) == sorted(set(pairs))


@settings(max_examples=200, deadline=None)
@given(pair_lists)
def test_groups_read_together(pairs):
    """Articles linked by pairs form groups; each group's pairs come one after another."""
    group: dict[str, str] = {}

    def find(x: str) -> str:
        while group.setdefault(x, x) != x:
            x = group[x]
        return x

    for a, b in pairs:
        group[find(a)] = find(b)
    seen: list[str] = []
    for a, _ in reading_order(pairs):
        if not seen or seen[-1] != find(a):
            assert find(a) not in seen, "a group's pairs were read apart"
            seen.append(find(a))


def test_an_article_many_compare_with_is_read_once_in_a_run():
    """A hub (one earlier article that 40 new ones are candidates of) whose spokes' ids, sorted,
    fall between those of 40 pairs of unrelated articles: its pairs are read one after another
    (in id order they alternate with the others)."""
    hub = "ffff"
    spokes = [f"{n:04x}1" for n in range(0, 0x8000, 0x8000 // 40)][:40]
    others = [(f"{n:04x}0", f"{n:04x}2") for n in range(0, 0x8000, 0x8000 // 40)][:40]
    pairs = [(s, hub) for s in spokes] + others
    in_id_order = [n for n, p in enumerate(sorted(pairs)) if hub in p]
    assert in_id_order[-1] - in_id_order[0] > 39  # the order the step read them in before
    at = [n for n, p in enumerate(reading_order(pairs)) if hub in p]
    assert len(at) == 40
    assert at[-1] - at[0] == 39
