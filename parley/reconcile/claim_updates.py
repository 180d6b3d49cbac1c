"""Claims kept up to date rather than read again from the whole corpus.

Each article's claims (:func:`parley.reconcile.claims.said_in`) are kept as an
``article_claims`` record, with a digest of everything they were read from (the article's text
and date, its statements and mentions, the word lists) and the claim each was merged into. A
run reads again only the articles whose digest changed: new articles, and those whose speakers
or mentions the actor step changed. Merging continues from the groups of the last run
(:func:`parley.reconcile.claim_groups.regroup`), which gives the groups merging from scratch
gives. The records are written in one transaction, so what is kept is always one run's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from parley.models import Article, Statement
from parley.reconcile.claim_groups import group_claims, regroup
from parley.reconcile.claim_words import Words
from parley.reconcile.claims import (
    THRESHOLDS,
    Corpus,
    claim_keys,
    claim_of,
    in_order,
    said_in,
    same_claim,
)
from parley.reconcile.contested_records import ArticleClaims, Claim, Said

# what an article's claims are read with; changed with the reading rules, so that claims kept
# from a run before the change are read again (2: a denied clause ends before "were untrue")
SAID_VERSION = "2"


def update_claims(
    corpus: Corpus, words: Words, kept: Iterable[ArticleClaims] = ()
) -> tuple[list[ArticleClaims], list[Claim]]:
    """Every article's claims, and the claims merged across articles; ``kept`` (the
    ``article_claims`` records of the last run) is reused where nothing it depends on changed."""
    kept_by_article = {k.article_id: k for k in kept}
    statements = corpus.statements_of()
    vocabulary = _digest(repr((SAID_VERSION, words.lists, words.families, words.quantities)))
    said: dict[str, tuple[str, tuple[Said, ...]]] = {}
    for article_id, article in corpus.articles.items():
        own = statements.get(article_id, [])
        inputs = _inputs(corpus, article, own, vocabulary)
        last = kept_by_article.get(article_id)
        if last is not None and last.inputs == inputs:
            said[article_id] = (inputs, last.said)
        else:
            said[article_id] = (inputs, tuple(said_in(corpus, words, article_id, own)))
    ordered = in_order(x for _, found in said.values() for x in found)
    previous = _groups(kept_by_article.values())
    if previous is None:
        groups = group_claims(ordered, same_claim, THRESHOLDS, keys=claim_keys)
    else:
        groups = regroup(previous, ordered, same_claim, THRESHOLDS, claim_keys)
    claims = [claim_of(corpus, g) for g in groups]
    claim_id = {id(x): claim.id for claim, g in zip(claims, groups, strict=True) for x in g}
    records = [
        ArticleClaims(article_id, inputs, found, tuple(claim_id[id(x)] for x in found))
        for article_id, (inputs, found) in said.items()
    ]
    return records, claims


def _inputs(corpus: Corpus, article: Article, statements: list[Statement], vocabulary: str) -> str:
    mentions = corpus.mentions.get(article.id, [])
    return _digest(repr((vocabulary, article.published, article.text, statements, mentions)))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _groups(kept: Iterable[ArticleClaims]) -> list[list[Said]] | None:
    """The last run's groups, from each kept claim's claim id (members in merge order, so a
    group's first is the claim that began it); None when nothing usable is kept."""
    by_claim: dict[str, list[Said]] = {}
    for record in kept:
        if len(record.claim_ids) != len(record.said):
            return None
        for x, claim_id in zip(record.said, record.claim_ids, strict=True):
            by_claim.setdefault(claim_id, []).append(x)
    if not by_claim:
        return None
    return [in_order(group) for group in by_claim.values()]
