"""Copies and altered rewrites on articles written for these tests (see conftest)."""

from __future__ import annotations

from parley.reconcile.copies import Doc, Reader, compare
from parley.reconcile.facts import differences, facts, numbers


def _links(store):
    return {(c.article_id, c.of_id): c for c in store.records("copy")}


def test_a_rewrite_in_other_words_is_a_copy_of_its_original(vienna):
    store, ids = vienna
    link = _links(store)[(ids["rewrite"], ids["original"])]
    assert link.status == "copy"
    assert link.kind == "rewrite"
    assert link.original_id == ids["original"]
    assert link.changes == ()


def test_a_rewrite_that_changes_a_number_is_a_different_report(vienna):
    store, ids = vienna
    link = _links(store)[(ids["changed_number"], ids["original"])]
    assert link.status == "altered"
    [change] = link.changes
    assert (change.kind, change.original, change.changed) == ("number", "600,000", "800,000")
    original = store.article(ids["original"]).text
    assert "600,000" in change.original_span.of(original)
    assert "800,000" in change.copy_span.of(store.article(ids["changed_number"]).text)


def test_a_near_copy_that_negates_a_claim_is_flagged_not_merged(vienna):
    store, ids = vienna
    link = _links(store)[(ids["negated"], ids["original"])]
    assert link.status == "altered"
    assert link.kind == "near"
    assert [(c.kind, c.original, c.changed) for c in link.changes] == [("negation", "affirmed", "negated")]
    assert "did not accept" in link.changes[0].copy_span.of(store.article(ids["negated"]).text)


def test_a_translation_is_a_copy(vienna):
    store, ids = vienna
    link = _links(store)[(ids["translation"], ids["original"])]
    assert (link.status, link.kind) == ("copy", "translation")


def test_an_independent_report_of_the_same_meeting_is_no_copy(vienna):
    store, ids = vienna
    linked = {a for pair in _links(store) for a in pair}
    assert ids["independent"] not in linked
    assert ids["other_story"] not in linked


def test_the_citing_article_points_to_the_cited_outlets_article(vienna):
    store, ids = vienna
    [citation] = [c for c in store.records("citation") if c.article_id == ids["citing"]]
    assert citation.outlet == "Harbour Gazette"
    assert citation.cited_ids == (ids["original"],)


def test_running_again_with_nothing_new_changes_nothing(vienna):
    from tests.sources.conftest import run_steps

    store, _ = vienna
    assert [r.changed for r in run_steps(store)] == [0, 0, 0]


def test_articles_analysed_again_are_not_compared_again(vienna, monkeypatch):
    """A new version of a per-article component analyses every article again; their texts (and
    ids) are the same, so their fingerprints and copies stand and nothing is compared."""
    from parley.reconcile import source_steps
    from tests.sources.conftest import run_steps

    store, ids = vienna
    before = sorted((c.article_id, c.of_id, c.status) for c in store.records("copy"))
    compared = []
    monkeypatch.setattr(source_steps, "compare", lambda *a, **k: compared.append(a) or None)
    reports = run_steps(store, changed=ids.values(), force=True)
    assert compared == [] and reports[0].changed == 0
    assert sorted((c.article_id, c.of_id, c.status) for c in store.records("copy")) == before


def test_numbers_are_read_in_every_grouping():
    assert numbers("600,000 troops; 600.000 Soldaten; 600 000 военных") == [600000.0] * 3
    assert numbers("1.5 million, 1,5 Millionen, 2 млн, five hours") == [1.5e6, 1.5e6, 2e6, 5.0]


def test_a_number_moved_to_another_sentence_is_not_a_change():
    a = facts("The draft caps the army.")
    b = facts("The draft caps the army at 600,000.")
    whole_a = facts("The draft caps the army. It would have 600,000 troops.")
    assert differences(a, b, whole_a, b) == []


def test_a_detail_left_out_is_not_a_change():
    a = facts("They met for seven hours in the capital on Sunday and agreed to swap 1,200 prisoners.")
    b = facts("They met on Sunday and agreed to swap prisoners.")
    assert differences(a, b, a, b) == []


def test_compare_needs_no_store():
    text = (
        "The foreign ministers met in the capital on Monday for four hours. "
        "They agreed to reopen both embassies by the end of May. "
        "A joint statement said trade talks would follow in June. "
        "Neither side mentioned the disputed border crossing."
    )
    a = Doc("a", text, language="en")
    b = Doc("b", text.replace("four hours", "five hours"), language="en")
    verdict = compare(a, b, Reader())
    assert verdict.status == "altered"
    assert [(c.difference.original, c.difference.changed) for c in verdict.changes] == [("4", "5")]


def test_quantised_lead_vectors_read_as_the_float32_matrix_they_stand_for(monkeypatch):
    """What the copies and stories steps compute from the quantised rows, a chunk at a time, is
    what the whole float32 matrix gives: the same rows, and the same products with all rows."""
    import numpy as np

    from parley.extract import fingerprint as fp

    monkeypatch.setattr(fp, "CHUNK", 16)
    rng = np.random.default_rng(5)
    rows = [fp.quantised(fp.encode_vector(v)) for v in fp.normalise(rng.normal(size=(53, 512)))]
    matrix = fp.normalise(np.vstack(rows).astype(np.float32))  # the whole matrix, decoded at once
    held = fp.LeadVectors(rows)
    assert len(held) == 53 and np.array_equal(held.rows([4, 50, 17]), matrix[[4, 50, 17]])
    assert np.array_equal(held.row(52), matrix[52])
    block = matrix[[0, 9, 33]]
    assert np.array_equal(held.against_all(block), block @ matrix.T)


def test_quantised_rows_gathered_by_id_are_the_vectors_in_id_order():
    """The steps gather stored vectors as they stream past, in any order: what they get is the
    vectors of the ids given one, in id order, as decoding each and sorting would give; an id
    not expected is refused, and one given twice keeps its last vector."""
    import numpy as np

    from parley.extract import fingerprint as fp

    rng = np.random.default_rng(11)
    texts = {
        f"art-{n:02d}": fp.encode_vector(v) for n, v in enumerate(fp.normalise(rng.normal(size=(9, 512))))
    }
    gathered = fp.QuantisedRows([*texts, "never-given"])
    for article_id in reversed(list(texts)):  # streamed in another order than the ids'
        assert gathered.put(article_id, texts["art-00"] if article_id == "art-03" else texts[article_id])
    assert gathered.put("art-03", texts["art-03"])  # given again: the last one stands
    assert not gathered.put("not-an-article", texts["art-01"])
    ids, vectors = gathered.vectors()
    assert ids == sorted(texts)
    expected = fp.LeadVectors([fp.quantised(texts[i]) for i in ids])
    assert np.array_equal(vectors.rows(slice(0, len(ids))), expected.rows(slice(0, len(ids))))


def test_weekdays_are_read_at_the_start_of_words_only():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from parley.reconcile import facts as facts_module

    def word_by_word(text):  # the reading the regular expression replaced
        words = facts_module._WORD.findall(text.casefold())
        return {
            i + 1
            for i, stems in enumerate(facts_module._WEEKDAYS)
            for w in words
            if any(w.startswith(s) for s in stems)
        }

    stems = [s for day in facts_module._WEEKDAYS for s in day]
    piece = st.sampled_from(
        [*stems, "Sunday", "MONDAY", "x", "l'", "среди", "_", "7", " ", "'", "ʼ", ",", "-"]
    )

    @settings(max_examples=3000, deadline=None, derandomize=True)
    @given(st.lists(piece, max_size=12).map("".join))
    def same(text):
        assert facts_module._weekdays(text) == word_by_word(text)

    same()
    assert facts("Talks resume on Tuesday, not Thursday.").weekdays == {2, 4}
    assert facts("Ministers met on their birthday.").weekdays == frozenset()


def test_candidates_in_batches_are_those_found_one_new_article_at_a_time(monkeypatch):
    import datetime as dt

    import numpy as np

    from parley.extract.fingerprint import DenseVectors
    from parley.reconcile import copies

    rng = np.random.default_rng(7)
    base = rng.normal(size=(40, 16))
    # near-identical rows, ties included, so that more than 8 pass the cosine floor for some
    vectors = np.vstack([base, base[:20] + 0.01 * rng.normal(size=(20, 16)), base[:12]]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [f"a{n:03d}" for n in range(len(vectors))]
    dates = [dt.date(2025, 11, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 60, len(ids))]
    dates[5] = None
    new = ids[::3]
    hits = {ids[0]: [(ids[40], 0.9)]}
    monkeypatch.setattr(copies, "CANDIDATE_BATCH", 1)
    one_by_one = copies.candidates(new, ids, DenseVectors(vectors), dates, hits)
    monkeypatch.setattr(copies, "CANDIDATE_BATCH", 4)
    batched = copies.candidates(new, ids, DenseVectors(vectors), dates, hits)
    assert batched == one_by_one and len(batched) > len(new)
    assert batched[(ids[0], ids[40])] == 0.9


def test_only_the_lsh_hits_the_candidates_take_need_keeping():
    """A templated text has thousands of LSH hits; the copies step keeps each new article's
    ``best_hits`` only, and the candidates are those every hit gives: the 8 of highest Jaccard,
    ties by id, whatever order the index gave them in."""
    import datetime as dt
    import random

    import numpy as np

    from parley.extract.fingerprint import DenseVectors
    from parley.reconcile import copies

    ids = [f"a{n:03d}" for n in range(60)]
    vectors = np.eye(60, 16, dtype=np.float32)  # no two leads near: the hits alone make pairs
    dates = [dt.date(2025, 11, 1)] * 60
    jaccards = [0.9, 0.7, 0.7, 0.7, 0.6, 0.55, 0.55, 0.55, 0.55, 0.55, 0.5, 0.5]
    hits = {ids[0]: [(ids[n + 1], j) for n, j in enumerate(jaccards)], ids[30]: [(ids[31], 0.8)]}
    random.Random(3).shuffle(hits[ids[0]])
    kept = {a: copies.best_hits(found) for a, found in hits.items()}
    assert [o for o, _ in kept[ids[0]]] == ["a001", "a002", "a003", "a004", "a005", "a006", "a007", "a008"]
    every = copies.candidates([ids[0], ids[30]], ids, DenseVectors(vectors), dates, hits)
    assert copies.candidates([ids[0], ids[30]], ids, DenseVectors(vectors), dates, kept) == every
    assert len(every) == 9 and every[(ids[0], ids[8])] == 0.55 and (ids[0], ids[9]) not in every


def test_the_nearest_are_the_highest_with_ties_in_index_order():
    import numpy as np

    from parley.reconcile.copies import _nearest

    sims = np.array([0.2, 0.9, 0.7, 0.9, 0.7, 0.7, 0.1], dtype=np.float32)
    assert _nearest(sims, 3).tolist() == [1, 3, 2]
    assert _nearest(sims, 4).tolist() == [1, 3, 2, 4]
    assert _nearest(sims, 10).tolist() == [1, 3, 2, 4, 5, 0, 6]
    rng = np.random.default_rng(1)
    for _ in range(200):
        sims = rng.integers(0, 5, size=int(rng.integers(1, 30))).astype(np.float32)
        k = int(rng.integers(1, 12))
        assert _nearest(sims, k).tolist() == sorted(range(len(sims)), key=lambda i: (-sims[i], i))[:k]
