"""A denial of the claim read after the model (parley.check.denial): a reporting verb of denial
governing the claim, a report called false, or the claim's verb negated. Sentences and articles
written for these tests, about invented wage talks."""

from __future__ import annotations

import pytest

from parley.check import SourceStance, check_claim, load_model
from parley.check.denial import DenialReader
from tests.check.test_check import article

CLAIM = "The union rejected the wage offer"


@pytest.fixture(scope="module")
def reader() -> DenialReader:
    return DenialReader(lambda term: 1.0)


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        ("The federation denied reports that the union rejected the wage offer.", True),
        ("- Union leader denies the union's rejection of the wage offer.", True),
        ("The union did not reject the wage offer, its secretary said.", True),
        ("The union has not yet formally rejected the wage offer.", True),
        ("Reports that the union rejected the wage offer are false, a spokesman said.", True),
        ("A spokesman called claims that the union rejected the wage offer fabricated.", True),
        ("The union dismissed as untrue reports that it had rejected the wage offer.", True),
        ("There was no rejection of the wage offer, the union's secretary said.", True),
        ("The federation confirmed that the union rejected the wage offer.", False),
        ("The union rejected the wage offer and denied that it was stalling.", False),
        ("The union rejected the wage offer, calling it a fake raise.", False),
        ("The union rejected the wage offer as too low.", False),
        ("The union not only rejected the wage offer but walked out.", False),
        ("Officials would neither confirm nor deny that the union rejected the wage offer.", False),
        ("The federation did not deny that the union rejected the wage offer.", False),
        ("The union will not reject the wage offer until members have voted.", False),
        ("There is no wage offer that the union rejected.", False),
        ("The ministry denied the reports; the union rejected the wage offer on Monday.", False),
        ("The ministry denied that talks had collapsed, but the union rejected the wage offer.", False),
    ],
)
def test_sentence_denies_the_claim(reader: DenialReader, sentence: str, denies: bool) -> None:
    claim = reader.claim(CLAIM)
    assert claim is not None
    assert reader.denies(claim, sentence) is denies


def test_a_denial_of_another_verb_does_not_deny_the_claim(reader: DenialReader) -> None:
    sentence = "The ministry denied that the union signed the wage offer."
    signed = reader.claim("The union signed the wage offer")
    rejected = reader.claim(CLAIM)
    assert signed is not None and rejected is not None
    assert reader.denies(signed, sentence)
    assert not reader.denies(rejected, sentence)


def test_a_meeting_denied_by_its_noun(reader: DenialReader) -> None:
    claim = reader.claim("The two ministers met in the capital on Friday")
    assert claim is not None
    assert reader.denies(claim, "There was no meeting of the two ministers in the capital on Friday.")
    assert not reader.denies(claim, "The two ministers met in the capital on Friday, aides said.")


@pytest.mark.parametrize(
    "claim", ["The union did not reject the wage offer", "The federation denied the union's account"]
)
def test_a_claim_that_itself_negates_or_denies_is_not_read(reader: DenialReader, claim: str) -> None:
    assert reader.claim(claim) is None


def test_without_a_parser_only_the_share_of_the_claim_counts() -> None:
    bare = DenialReader(lambda term: 1.0, predicates=None)
    claim = bare.claim("The union signed the wage offer")
    assert claim is not None and not claim.predicate
    assert bare.denies(claim, "The ministry denied that the union rejected the wage offer.")
    assert not bare.denies(claim, "The union did not reject the wage offer.")


# -- after the model: what check and the benchmark report ----------------------------------------
CONFIRMED = (
    "The employers' federation confirmed on Tuesday that the union rejected the wage offer, ending "
    "a week of talks without a deal. The offer, a raise of three percent over two years, was put to "
    "members at a meeting on Monday. Union officials said it did not keep pace with prices. The "
    "federation said it would consider its next steps. A strike ballot is expected this month."
)
DENIED = (
    "The union's general secretary on Wednesday denied reports that the union rejected the wage "
    'offer. "Our members are still studying it," she told reporters outside the ministry. The '
    "offer, a raise of three percent over two years, was presented on Monday after a week of talks. "
    "The employers' federation said it expected an answer by Friday. Talks resume next week."
)
NEGATED = (
    "The union did not reject the wage offer, its general secretary said on Wednesday, adding that "
    "members were still studying the proposal. The offer, a raise of three percent over two years, "
    "was presented on Monday after a week of talks. The employers' federation said it expected an "
    "answer by Friday. Talks resume next week."
)


@pytest.fixture(scope="module")
def results() -> dict[str, SourceStance]:
    texts = {"confirmed": CONFIRMED, "denied": DENIED, "negated": NEGATED}
    return {r.article_id: r for r in check_claim(CLAIM, [article(n, t) for n, t in texts.items()])}


def test_a_confirmation_agrees(results: dict[str, SourceStance]) -> None:
    assert results["confirmed"].stance == "agree", results["confirmed"].probabilities


@pytest.mark.parametrize(("name", "text"), [("denied", DENIED), ("negated", NEGATED)])
def test_a_denial_disagrees_and_is_the_first_evidence(
    results: dict[str, SourceStance], name: str, text: str
) -> None:
    result = results[name]
    assert result.stance == "disagree", result.probabilities
    # the forests' agree and disagree probabilities are swapped: the verdict is the likelier one
    assert result.probabilities["disagree"] > result.probabilities["agree"]
    first = result.evidence[0].of(text)
    assert "denied reports" in first or "did not reject" in first


def test_the_benchmark_path_decides_the_same_way() -> None:
    bodies = {1: CONFIRMED, 2: DENIED, 3: NEGATED}
    labels = load_model().predict_pairs([(CLAIM, 1), (CLAIM, 2), (CLAIM, 3)], bodies)
    assert labels == [0, 1, 1]  # agree, disagree, disagree
