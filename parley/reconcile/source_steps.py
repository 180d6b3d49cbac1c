"""Corpus steps across sources: ``copies`` (fingerprints, copies, citations), ``stories`` and
``independence``. Each does only what the articles new to it need, and writes every record of its
types back (the store writes only those that changed).

- ``copies``: fingerprints the articles analysed in this run (and any it has not seen), compares
  each with its candidates (:mod:`parley.reconcile.copies`), keeps the earlier verdicts between
  old articles, then recomputes the copy groups (a new, older article can become the original)
  and resolves every citation to the cited outlet's articles on the same story.
- ``stories``: places the articles no story holds yet (a copy in the story of what it copies);
  placed ones never move.
- ``independence``: for each event, how many of its sources are independent.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from parley.clean.outlets import outlet_key
from parley.corpus import CorpusContext, corpus_step
from parley.extract import fingerprint as fp
from parley.models import Article
from parley.reconcile.copies import (
    CANDIDATE_COSINE,
    CANDIDATE_DAYS,
    NEAR_JACCARD,
    Change,
    Doc,
    Reader,
    Verdict,
    candidates,
    compare,
    groups,
)
from parley.reconcile.facts import Difference
from parley.reconcile.independence import SourceIndex, cited_names
from parley.reconcile.source_records import Citation, Copy, CopyChange, Fingerprint, SourceIndependence, Story
from parley.reconcile.stories import Cluster, Clusterer, Item

VERSION = "1"
BATCH = 64


@corpus_step("copies", reads=("article",), writes=("fingerprint", "copy", "citation"), version=VERSION)
def copies_step(ctx: CorpusContext) -> int:
    store = ctx.store
    failed = {i for i, _ in store.analysis_errors()}
    every = [i for i in store.unanalysed("") if i not in failed]  # every article ("" is no pipeline)
    present = set(every)
    prints = {f.article_id: f for f in store.records("fingerprint") if f.article_id in present}
    todo = [i for i in every if i in ctx.changed or i not in prints or prints[i].version != VERSION]
    if not todo:  # verdicts, groups and citations change only with new fingerprints
        return 0
    docs: dict[str, Doc] = {}
    for start in range(0, len(todo), BATCH):
        articles = [x for i in todo[start : start + BATCH] if (x := store.article(i)) is not None]
        for article, made in zip(articles, _fingerprints(articles), strict=True):
            prints[article.id] = made
            docs[article.id] = _doc(article)
    ids = sorted(prints)
    vectors = fp.decode_vectors([prints[i].vector for i in ids])
    dates = {i: prints[i].published for i in ids}
    pairs = candidates(todo, ids, vectors, [dates[i] for i in ids], _lsh_hits(prints, todo))
    reader = Reader()
    verdicts = []
    for (a, b), jaccard in sorted(pairs.items()):
        for i in (a, b):
            if i not in docs and (read := store.article(i)) is not None:
                docs[i] = _doc(read)
        if a in docs and b in docs:
            verdicts.append(compare(docs[a], docs[b], reader, jaccard))
    new = set(todo)
    kept = [
        _verdict(c)
        for c in store.records("copy")
        if c.article_id not in new and c.of_id not in new and c.article_id in prints and c.of_id in prints
    ]
    found = kept + [v for v in verdicts if v.status]
    originals = groups(found, dates)
    copies = [_copy(v, originals) for v in found]
    changed = store.replace_records("copy", copies)
    changed += store.replace_records("citation", _citations(prints, ids, vectors))
    # last: an article whose fingerprint is stored has had its copies and citations stored too
    return changed + store.replace_records("fingerprint", [prints[i] for i in ids])


@corpus_step("stories", reads=("fingerprint", "copy"), writes=("story",), version=VERSION)
def stories_step(ctx: CorpusContext) -> int:
    store = ctx.store
    # what stories need of each fingerprint, kept as they stream past (not the hashes)
    leads: dict[str, tuple[str, dt.date | None, str]] = {}  # id -> (encoded vector, date, title)
    for f in store.records("fingerprint"):
        leads[f.article_id] = (f.vector, f.published, f.title)
    ids = sorted(leads)
    vectors = dict(zip(ids, fp.decode_vectors([leads[i][0] for i in ids]), strict=True))
    published = {i: leads[i][1] for i in ids}
    first_title = {i: leads[i][2] for i in ids}
    del leads
    clusterer = Clusterer()
    titles = {}
    for story in store.records("story"):
        members = [a for a in story.articles if a in vectors]
        if not members:
            continue
        total = np.sum([vectors[a] for a in members], axis=0)
        clusterer.restore(Cluster(story.id, members, total, story.first, story.last))
        titles[story.id] = story.title
    if all(clusterer.story_of(i) for i in ids):
        return 0  # every article has its story, and placed articles never move
    # a copy or a rewrite joins the story of the article it repeats, whatever its lead says
    follows = {c.article_id: c.of_id for c in store.records("copy")}
    clusterer.add(Item(i, vectors[i], published[i]) for i in ids if i not in follows)
    clusterer.follow([(i, follows[i], published[i]) for i in ids if i in follows], vectors)
    clusterer.add(Item(i, vectors[i], published[i]) for i in ids)
    stories = [
        Story(
            c.id,
            titles.get(c.id) or first_title[c.members[0]],
            tuple(c.members),
            c.first,
            c.last,
            len(c.members),
        )
        for c in clusterer.clusters()
    ]
    return store.replace_records("story", stories)


@corpus_step("independence", reads=("event", "copy", "fingerprint"), writes=("independence",))
def independence_step(ctx: CorpusContext) -> int:
    store = ctx.store
    index = SourceIndex.load(store)
    records = []
    for event in store.records("event"):
        result = index.independence(s.article_id for s in event.sources)
        records.append(
            SourceIndependence("event", event.id, result.sources, result.independent, result.groups)
        )
    return store.replace_records("independence", records)


def _fingerprints(articles: list[Article]) -> list[Fingerprint]:
    leads = [fp.lead_texts(a.title, a.text) if a.text.strip() else [a.title or "-"] for a in articles]
    vectors = fp.lead_vectors(_embedder(), leads)
    return [
        Fingerprint(
            article_id=a.id,
            title=a.title,
            published=a.published,
            outlet=a.outlet,
            cites=cited_names(a.cites),
            language=a.language,
            minhash=fp.encode_minhash(fp.minhash(a.text)),
            vector=fp.encode_vector(v),
            version=VERSION,
        )
        for a, v in zip(articles, vectors, strict=True)
    ]


def _embedder():
    from parley.embed import default_embedder

    return default_embedder()


def _doc(a: Article) -> Doc:
    return Doc(a.id, a.text, a.published, a.outlet, cited_names(a.cites), a.language)


def _lsh_hits(prints: dict[str, Fingerprint], todo: list[str]) -> dict[str, list[tuple[str, float]]]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_JACCARD, num_perm=fp.NUM_PERM)
    hashes = {i: fp.restore_minhash(f.minhash) for i, f in prints.items()}
    for i, m in hashes.items():
        lsh.insert(i, m)
    hits = {}
    for i in todo:
        if i in hashes:
            hits[i] = [(j, hashes[i].jaccard(hashes[j])) for j in lsh.query(hashes[i]) if j != i]
    return hits


def _verdict(c: Copy) -> Verdict:
    changes = tuple(
        Change(Difference(x.kind, x.original, x.changed), x.original_span, x.copy_span) for x in c.changes
    )
    return Verdict(
        c.of_id, c.article_id, c.status, c.kind, c.similarity, c.coverage, 0, c.original_by, changes
    )


def _copy(v: Verdict, originals: dict[str, str]) -> Copy:
    changes = tuple(
        CopyChange(
            x.difference.kind, x.difference.original, x.difference.changed, x.original_span, x.copy_span
        )
        for x in v.changes
    )
    original = originals.get(v.copy, v.original) if v.status == "copy" else v.original
    return Copy(
        article_id=v.copy,
        of_id=v.original,
        original_id=original,
        status=v.status or "",
        kind=v.kind,
        similarity=round(v.similarity, 3),
        coverage=round(v.coverage, 3),
        original_by=v.original_by,
        changes=changes,
    )


def _citations(prints: dict[str, Fingerprint], ids: list[str], vectors: np.ndarray) -> list[Citation]:
    """Each cited outlet, with that outlet's articles on the same story (lead vectors at least as
    near as a copy candidate's, within 30 days) published no later than the citing article."""
    row = {a: n for n, a in enumerate(ids)}
    by_outlet: dict[str, list[str]] = {}
    for i in ids:
        if prints[i].outlet and outlet_key(prints[i].outlet or ""):
            by_outlet.setdefault(outlet_key(prints[i].outlet or ""), []).append(i)
    found = []
    for i in ids:
        for outlet in prints[i].cites:
            cited = [
                j
                for j in by_outlet.get(outlet_key(outlet), ())
                if j != i
                and _not_later(prints[j].published, prints[i].published)
                and float(vectors[row[i]] @ vectors[row[j]]) >= CANDIDATE_COSINE
            ]
            found.append(Citation(i, outlet, tuple(cited)))
    return found


def _not_later(cited: dt.date | None, citing: dt.date | None) -> bool:
    if cited is None or citing is None:
        return True
    return citing - dt.timedelta(days=CANDIDATE_DAYS) <= cited <= citing
