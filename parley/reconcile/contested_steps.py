"""Corpus steps for claims, contests and reliability signals, registered like the built-ins.

- ``claims``: every article's claims (:mod:`parley.reconcile.claims`), merged across articles,
  each with how many of its sources are independent (after ``copies``, which it reads);
- ``contested``: denials linked to the claims they deny, values and event details the sources
  disagree on, roles stated differently (:mod:`parley.reconcile.contested`), after ``events``;
- ``signals``: each article's reliability signals (:mod:`parley.reconcile.signals`).

Each reads the whole store and writes every record of its type back; the store writes only
those that changed. ``claims`` reads again only the articles whose claims may have changed.
"""

from __future__ import annotations

from parley.corpus import CorpusContext, corpus_step
from parley.extract.registry import ActorRegistry
from parley.models import Actor
from parley.reconcile.claim_updates import update_claims
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus
from parley.reconcile.contested import find_contested
from parley.reconcile.independence import SourceIndex
from parley.reconcile.signals import find_signals
from parley.store import Store
from parley.store.lazy import RecordsByArticle, StoredArticles, StoredRecords

# 14: no claim under "no evidence to suggest", one claim only with a shared content word, one
# signal for a hedge repeated in an article, "apparently" no hedge; 13: (its claims only);
# 12: a denial of words answers the quotes its own article reports;
# 11: a passive, or the outlet by name, speaks for the outlet; 10: "X has not confirmed"
# 18: "a fake about X, which was denied by Y" denies X and claims nothing; a claimant only named by the
# text; "denied such allegations" paired with the sentence before when it alleges (denied_antecedents)
# 19: a group named by a plural noun claims ("some Kenyans have complained"); "not verified" paired
# within its own clause, one item for copies of one article; a lone misquote claim worded as such;
# 20: any plural noun for people claims ("and officials said"), "has long claimed"
# 21: signals: a misspelt name is a near spelling of the surname (not a part, suffix or particle of the name,
# not the spelling most articles use); a hedge with a footnote, a legal "allegedly", the writer's
# "supposedly", a report's own hedge or what footage "purportedly shows" is no unattributed claim;
# 24: a hedge sourced by a footnote mark the cleaner took out (Article.noted, footnoted_hedges.py);
# 25: a figure inside someone's statement is that speaker's side of a quantity, not the outlet's
# 26: what a view is voiced about ("expressed concerns about the plan") is a topic, no claim
VERSION = "26"


CORPUS_READS = ("article", "statement", "mention", "actor", "copy", "fingerprint")


def shared_corpus(ctx: CorpusContext) -> Corpus:
    """The corpus as the readers need it, made once for the steps of a run that use it."""
    return ctx.shared("claims.corpus", CORPUS_READS, lambda: load_corpus(ctx.store, ctx.actors()))


def load_corpus(store: Store, actors: list[Actor] | None = None) -> Corpus:
    """What the readers need of the store: the actors (or those given, when read already) and
    the source index in memory; articles, statements and mentions read from the store as they
    are walked, so what is held does not grow with the corpus."""
    index = SourceIndex.load(store)
    return Corpus(
        articles=StoredArticles(store),
        statements=StoredRecords(store, "statement"),
        mentions=RecordsByArticle(store, "mention"),
        statements_by_article=RecordsByArticle(store, "statement"),
        actors={a.id: a for a in (store.actors() if actors is None else actors)},
        independent=lambda ids: index.independence(ids).independent,
    )


def registry_roles(registry: ActorRegistry) -> dict[str, tuple[str, ...]]:
    return {i: spec.actor.roles for i, spec in registry.specs.items()}


def side_names(registry: ActorRegistry) -> dict[str, str]:
    """Each side's name and adjectives, case folded, to its name ("russian" -> "Russia")."""
    return {w.casefold(): s.name for s in registry.sides.values() for w in (s.name, *s.adjectives)}


def registry_names(registry: ActorRegistry) -> dict[str, tuple[str, ...]]:
    """Each registered person's name, then its other spellings."""
    return {
        i: (spec.actor.name, *spec.actor.aliases)
        for i, spec in registry.specs.items()
        if spec.actor.kind == "person"
    }


@corpus_step(
    "claims",
    reads=CORPUS_READS,
    writes=("claim", "article_claims"),
    version=VERSION,
)
def claims_step(ctx: CorpusContext) -> int:
    """Claims of the articles whose claims may have changed, merged with those kept
    (:mod:`parley.reconcile.claim_updates`)."""
    corpus = shared_corpus(ctx)
    kept, claims = update_claims(corpus, load_words(), ctx.store.records("article_claims"))
    changed = ctx.store.replace_records("article_claims", kept)
    return changed + ctx.store.replace_records("claim", claims)


@corpus_step(
    "contested",
    reads=("article", "claim", "statement", "mention", "actor", "event"),
    writes=("contested",),
    version=VERSION,
)
def contested_step(ctx: CorpusContext) -> int:
    corpus = shared_corpus(ctx)
    claims = list(ctx.store.records("claim"))
    roles, sides = registry_roles(ctx.registry), side_names(ctx.registry)
    found = find_contested(corpus, load_words(), claims, ctx.store.events(), roles, sides)
    return ctx.store.replace_records("contested", found)


@corpus_step(
    "signals",
    reads=("article", "claim", "contested", "mention", "actor"),
    writes=("signal",),
    version=VERSION,
)
def signals_step(ctx: CorpusContext) -> int:
    corpus = shared_corpus(ctx)
    words = load_words()
    found = find_signals(
        corpus,
        list(ctx.store.records("claim")),
        list(ctx.store.records("contested")),
        registry_roles(ctx.registry),
        registry_names(ctx.registry),
        words.lists["machine_rewrite_markers"],
        words.lists["heading_rewrite_markers"],
    )
    return ctx.store.replace_records("signal", found)
