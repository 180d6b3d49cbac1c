"""Altered rewrites are real changed facts: a name replaced by another in a sentence that otherwise
says the same, a negation added to the same clause, a number changed in one company's report; and
a copying article has one copy record. Articles written for these tests."""

from __future__ import annotations

import numpy as np

from parley.reconcile.copies import Doc, Reader, Verdict, compare, groups
from parley.reconcile.facts import differences, facts
from parley.reconcile.same_clause import only_names_differ, only_negation_differs
from parley.reconcile.source_steps import _verdicts, one_per_group

FIRST = "The regional council met on Tuesday to discuss the new harbour fees."
THIRD = "The fees would rise by a fifth next spring, officials said at the meeting."
FOURTH = "Traders plan to protest outside the council building later this week."
TOPICS = ("regional council", "gate", "fees would", "protest", "letter", "harbour board")


class TopicEmbedder:
    """Sentences sharing a topic word get one vector: the aligned pairs a test wants, at cosine 1."""

    def encode(self, texts):
        rows = np.zeros((len(texts), len(TOPICS) + 1), dtype=np.float32)
        for n, text in enumerate(texts):
            hit = next((k for k, word in enumerate(TOPICS) if word in text.casefold()), len(TOPICS))
            rows[n, hit] = 1.0
        return rows


def _compare(second_original: str, second_later: str) -> Verdict:
    a = Doc("a", " ".join([FIRST, second_original, THIRD, FOURTH]), language="en")
    b = Doc("b", " ".join([FIRST, second_later, THIRD, FOURTH]), language="en")
    return compare(a, b, Reader(embedder=TopicEmbedder()))


def _kinds(verdict: Verdict) -> list[tuple[str, str, str]]:
    return [(c.difference.kind, c.difference.original, c.difference.changed) for c in verdict.changes]


# names


def test_a_reworded_sentence_naming_other_things_is_no_changed_name():
    verdict = _compare(
        "Fees were first proposed by the Harbour Board in a letter to Mayor Ruth Adler.",
        "Dana Pike of the Coastal Weekly said the plan was first put forward in a letter to the mayor.",
    )
    assert (verdict.status, verdict.changes) == ("copy", ())


def test_a_name_replaced_in_the_same_sentence_is_a_changed_name():
    verdict = _compare(
        "Fees were first proposed by the Harbour Board in a letter to Mayor Ruth Adler.",
        "Fees were first proposed by the Harbour Board in a letter to Mayor Simon Kerr.",
    )
    assert verdict.status == "altered"
    assert _kinds(verdict) == [("name", "adler", "kerr")]


def test_the_last_word_of_a_name_before_a_comma_is_the_name():
    a = facts("The claim was denied by Interior Minister Lena Ostrova, her spokesman said.")
    b = facts("Interior Minister Lena Ostrova denied the claim, her spokesman said.")
    assert a.names == b.names == {"ostrova"}
    assert differences(a, b, a, b) == []


def test_a_particle_or_a_fragment_of_a_longer_name_is_no_name():
    a = facts("Yusuf Karim al-Nasser, the airline's sales director, said the rule would stay.")
    b = facts("The airline's sales director Yusuf Karim Al Nasser, said the rule would stay.")
    assert "al" not in b.names
    assert differences(a, b, a, b) == []


def test_only_names_differ_reads_the_rest_of_the_sentence():
    assert only_names_differ(
        "Attorney General Janet Moss said on Monday she would not resign.",
        "Attorney General Peter Vale said Monday he would not resign.",
    )
    assert not only_names_differ(
        "The hackers praised Vista Pictures for dropping the film, Channel Nine reported.",
        "Reporter Dan Kolb just said hackers emailed the studio's bosses about the film.",
    )


# negation


def test_a_reworded_sentence_without_the_negation_is_no_changed_claim():
    verdict = _compare(
        "One trader was turned away at the North Gate Market because he didn't like the inspectors.",
        "A trader at the North Gate Market was sent home after the inspectors' visit proved too much.",
    )
    assert (verdict.status, verdict.changes) == ("copy", ())


def test_the_same_clause_with_and_without_the_negation_is_a_changed_claim():
    verdict = _compare(
        "The market board accepted the inspectors' report at the North Gate Market on Monday.",
        "The market board did not accept the inspectors' report at the North Gate Market on Monday.",
    )
    assert verdict.status == "altered"
    assert _kinds(verdict) == [("negation", "affirmed", "negated")]


def test_only_negation_differs_needs_the_negated_word_in_the_other_sentence():
    assert only_negation_differs("He liked the plan, aides said.", "He didn't like the plan, aides said.")
    assert only_negation_differs(
        "Officials confirmed the ferry had sailed.", "Officials denied the ferry had sailed."
    )
    assert not only_negation_differs(
        "He didn't like the greeting from the gate staff at the airport.",
        "He raged after the gate staff at the airport greeted him.",
    )


# a template filled in for another company


NOTICE = (
    "{name} raised its quarterly dividend to {cents} cents a share. "
    "The dividend is payable on the first day of next month to holders of record. "
    "The maker of {goods} said its sales rose {rise}% in the third quarter. "
    "Its shares closed unchanged in national over-the-counter trading yesterday."
)


def test_one_notice_filled_in_for_another_company_is_no_altered_rewrite():
    a = Doc("a", NOTICE.format(name="Alder Tools Inc.", cents=12, goods="garden tools", rise=8))
    b = Doc("b", NOTICE.format(name="Birch Foods Corp.", cents=9, goods="garden foods", rise=5))
    assert compare(a, b, Reader(embedder=TopicEmbedder())).status is None


def test_one_companys_notice_with_a_number_changed_is_altered():
    a = Doc("a", NOTICE.format(name="Alder Tools Inc.", cents=12, goods="garden tools", rise=8))
    b = Doc("b", NOTICE.format(name="Alder Tools Inc.", cents=12, goods="garden tools", rise=5))
    verdict = compare(a, b, Reader(embedder=TopicEmbedder()))
    assert verdict.status == "altered"
    assert _kinds(verdict) == [("number", "8", "5")]


# one record for each copying article


def _copy(original: str, later: str, coverage: float = 0.7, similarity: float = 0.8) -> Verdict:
    return Verdict(original, later, "copy", "rewrite", similarity, coverage, 3, "date")


def test_a_rewrite_matching_every_member_of_a_group_has_one_copy_record():
    verdicts = [
        _copy("y", "z"),
        _copy("y", "x", coverage=0.7),
        _copy("z", "x", coverage=0.9),  # matched better, but z copies y: not the group's original
        _copy("w", "x", coverage=0.8),
        Verdict("v", "x", "altered", "rewrite", 0.8, 0.7, 3, "date"),
    ]
    originals = groups(verdicts, {})
    records = one_per_group(verdicts, originals)
    assert originals["x"] == "w"  # of the articles copying nothing, the first (no dates: by id)
    mine = sorted((c.status, c.of_id, c.original_id, c.also_of) for c in records if c.article_id == "x")
    assert mine == [("altered", "v", "v", ()), ("copy", "w", "w", ("y", "z"))]
    assert sorted((c.article_id, c.of_id) for c in records if c.status == "copy") == [("x", "w"), ("z", "y")]


def test_the_stored_records_keep_the_group_whole():
    verdicts = [_copy("y", "x"), _copy("z", "x", coverage=0.9), _copy("a", "b")]
    originals = groups(verdicts, {})
    records = one_per_group(verdicts, originals)
    again = [v for c in records for v in _verdicts(c)]
    assert groups(again, {}) == originals
    assert one_per_group(again, groups(again, {}))[0].of_id == records[0].of_id


def test_one_verdict_each_is_kept_as_it_is():
    verdicts = [_copy("y", "x"), _copy("y", "z")]
    records = one_per_group(verdicts, groups(verdicts, {}))
    assert sorted((c.article_id, c.of_id, c.also_of) for c in records) == [("x", "y", ()), ("z", "y", ())]


def test_a_report_days_later_with_the_days_figure_is_an_update_not_altered():
    import datetime as dt

    first = NOTICE.format(name="Alder Tools Inc.", cents=12, goods="garden tools", rise=8)
    later = NOTICE.format(name="Alder Tools Inc.", cents=12, goods="garden tools", rise=5)
    monday, thursday = dt.date(2026, 3, 2), dt.date(2026, 3, 5)
    reader = Reader(embedder=TopicEmbedder())
    assert compare(Doc("a", first, monday), Doc("b", later, thursday), reader).status is None
    assert compare(
        Doc("a", first, monday), Doc("b", later, monday + dt.timedelta(days=1)), reader
    ).status == ("altered")
