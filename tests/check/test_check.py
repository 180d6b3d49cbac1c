"""Stance checking with the shipped model on claims and short articles written for these tests.

Each article below was written by hand to take one clear stance toward its claim, in the way a
news report would: confirming it, denying it, reporting it without taking sides, or being about
something else entirely.
"""

from __future__ import annotations

import hashlib

import pytest

from parley.check import STANCES, SourceStance, check_claim
from parley.models import Article

CLAIM = "A giant squid was found alive on a beach in Oregon"

AGREE = (
    "Wildlife officials confirmed on Tuesday that a giant squid was found alive on a beach near "
    "Cannon Beach, Oregon. The animal, nearly nine metres long, was discovered by a jogger at dawn. "
    "Biologists from the state aquarium said the squid was returned to deep water after two hours. "
    "Video of the rescue shows volunteers keeping the squid wet until a boat arrived."
)
DISAGREE = (
    "Reports that a giant squid was found alive on an Oregon beach are a hoax. The photo shared "
    "thousands of times this week was fabricated from an old image of a squid in New Zealand, "
    "fact-checkers said. Oregon wildlife officials denied that any squid had washed up on the coast "
    "and called the story fake. No such animal was found, a spokeswoman said."
)
DISCUSS = (
    "Social media users claim that a giant squid was found alive on a beach in Oregon, but the "
    "reports could not be verified. Posts circulating since Sunday allegedly show the animal on the "
    "sand. It is not clear where or when the pictures were taken, and state officials have not "
    "commented. Giant squid rarely come close to shore, scientists say."
)
UNRELATED = (
    "The city council approved a new budget for road repairs on Monday. The plan sets aside money "
    "for resurfacing twelve streets and adding bicycle lanes downtown. Council members said work "
    "would begin in the spring and last about six months."
)


def article(name: str, text: str) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=name, sha256=digest, title=name, text=text, origin=f"test:{name}", format="text")


SHORT_DENIALS = pytest.mark.xfail(
    strict=True,
    reason="known weakness: a denial only 3-4 sentences long reads as agree/discuss to the model, "
    "which learnt from FNC-1 bodies (median 16 sentences), where length and cue density weigh a "
    "lot. The denial reading after the model (parley.check.denial) turns such an agree into "
    "disagree, but not a discuss: on FNC-1 train, most related bodies it reads as denying are "
    "labelled discuss. The news-length denial below passes.",
)


@pytest.fixture(scope="module")
def results() -> dict[str, SourceStance]:
    articles = [article(n, t) for n, t in (("agree", AGREE), ("disagree", DISAGREE), ("discuss", DISCUSS),
                                           ("unrelated", UNRELATED))]  # fmt: skip
    return {r.article_id: r for r in check_claim(CLAIM, articles)}


@pytest.mark.parametrize("name", ["agree", "disagree", "discuss", "unrelated"])
def test_stance_of_each_article(results: dict[str, SourceStance], name: str) -> None:
    # "disagree" is a short denial the model alone reads as agree; the denial reading turns it
    assert results[name].stance == name, results[name].probabilities


def test_results_come_in_input_order_with_probabilities(results: dict[str, SourceStance]) -> None:
    assert list(results) == ["agree", "disagree", "discuss", "unrelated"]
    for r in results.values():
        assert set(r.probabilities) == set(STANCES)
        assert sum(r.probabilities.values()) == pytest.approx(1.0)
        assert r.confidence == pytest.approx(r.probabilities[r.stance])
        assert r.model.startswith("parley-check-")


def test_evidence_spans_are_sentences_of_the_article(results: dict[str, SourceStance]) -> None:
    texts = {"agree": AGREE, "disagree": DISAGREE, "discuss": DISCUSS}
    for name, text in texts.items():
        spans = results[name].evidence
        assert 1 <= len(spans) <= 2
        for span in spans:
            sentence = span.of(text)
            assert sentence and sentence[-1] in ".!?" and sentence[0].isupper()
    assert results["unrelated"].evidence == ()


@SHORT_DENIALS
def test_short_denial_in_a_negotiation_report() -> None:
    claim = "The two delegations signed a ceasefire agreement in Geneva"
    text = (
        "Both governments denied on Friday that a ceasefire agreement had been signed in Geneva. "
        "A spokesman for the foreign ministry called the reports false and said talks had not even "
        "started. Diplomats said no document was signed and the delegations had left the city."
    )
    (result,) = check_claim(claim, [article("denial", text)])
    assert result.stance == "disagree", result.probabilities


def test_empty_claim_is_refused() -> None:
    with pytest.raises(ValueError):
        check_claim("  ", [])


# -- news-length reports on a negotiation topic ---------------------------------------------------
PRISONERS = "Russia and Ukraine agreed to exchange all prisoners of war"
PRISONERS_AGREE = """\
Russia and Ukraine have agreed to exchange all prisoners of war, both governments announced on \
Thursday, in the largest humanitarian deal since the war began.
The agreement was signed in Abu Dhabi after three days of talks mediated by the United Arab \
Emirates, officials said.
Ukraine's coordination headquarters for prisoners confirmed that the first group would cross the \
border within a week. The Kremlin's spokesman said Moscow would hand over all the Ukrainian \
soldiers it holds, and Kyiv would do the same.
Previous exchanges involved a few hundred people on each side.
Families of captured soldiers welcomed the news. Human rights groups urged both sides to let \
observers monitor the handover.
Officials said lists of names would be exchanged on Monday.
"""
PRISONERS_DISAGREE = """\
Kyiv and Moscow have not agreed to exchange all prisoners of war, officials on both sides said on \
Thursday, rejecting reports that spread quickly on social media overnight.
"There is no such agreement," a spokesman for Ukraine's coordination headquarters for prisoners \
told reporters. "These reports are false."
The Kremlin also dismissed the claim. Its spokesman said the two sides had discussed a limited \
swap of wounded soldiers, but that no broader deal was on the table.
The reports appeared to come from an anonymous channel on Telegram, which posted what it said was \
a copy of a signed document. Ukrainian officials said the document was fabricated, pointing to \
spelling errors and an outdated letterhead.
Prisoner exchanges between the two countries have taken place at intervals since 2022, usually \
with mediation from the United Arab Emirates or Turkey.
Families of captured soldiers have urged both governments to speed up the process.
Officials said talks on further exchanges would continue, but declined to give a date.
"""
PRISONERS_DISCUSS = """\
Russia and Ukraine may have agreed to exchange all prisoners of war, according to reports \
circulating on Thursday, though neither government has confirmed it.
An anonymous channel on Telegram posted what it said was a copy of a signed agreement, and \
several news sites repeated the claim. The document could not be independently verified.
Officials in Kyiv declined to comment, and the Kremlin's spokesman said only that talks on \
humanitarian questions were continuing.
If confirmed, the deal would be the largest exchange since the war began in 2022. Previous swaps, \
mediated by the United Arab Emirates and Turkey, involved a few hundred people on each side.
Families of captured soldiers said they were waiting for official word. "We have heard rumours \
before," one mother said.
"""


@pytest.mark.parametrize(
    ("expected", "text"),
    [("agree", PRISONERS_AGREE), ("disagree", PRISONERS_DISAGREE), ("discuss", PRISONERS_DISCUSS)],
)
def test_news_length_reports(expected: str, text: str) -> None:
    (result,) = check_claim(PRISONERS, [article(expected, text)])
    assert result.stance == expected, result.probabilities
    assert result.evidence and all(span.of(text).strip() for span in result.evidence)


def test_an_empty_article_is_unrelated() -> None:
    (result,) = check_claim(PRISONERS, [article("empty", "")])
    assert result.stance == "unrelated" and result.evidence == ()


def test_evidence_passes_over_headings_and_tags() -> None:
    text = "War\nPrisoners of war\n" + PRISONERS_AGREE + "Tags: Russia, Ukraine, prisoners\n"
    (result,) = check_claim(PRISONERS, [article("tagged", text)])
    assert result.evidence
    for span in result.evidence:
        assert len(span.of(text).split()) >= 5, span.of(text)
