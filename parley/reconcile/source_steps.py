"""The ``copies`` corpus step: fingerprints, copies, citations. It does only what the articles
new to it need, and writes every record of its types back (the store writes only those that
changed). ``stories`` and ``independence``, which read what it writes, are in
:mod:`parley.reconcile.story_steps`.

``copies`` fingerprints the articles analysed in this run (and any it has not seen), compares
each with its candidates (:mod:`parley.reconcile.copies`), keeps the earlier verdicts between old
articles, then recomputes the copy groups (a new, older article can become the original), writes
one ``copy`` record for each copying article (:func:`one_per_group`) and resolves every citation
to the cited outlet's articles on the same story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np

from parley.clean.outlets import outlet_key
from parley.corpus import CorpusContext, corpus_step
from parley.embed import Embedder, loaded_or_new
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
    best_hits,
    candidates,
    compare,
    groups,
)
from parley.reconcile.facts import Difference
from parley.reconcile.independence import cited_names
from parley.reconcile.source_records import Citation, Copy, CopyChange, Fingerprint
from parley.store import Store
from parley.store.lazy import StoredArticles

VERSION = "2"
BATCH = 64
LSH_CHUNK = 2_000  # new articles in one LSH index (each chunk reads the stored fingerprints once)


@dataclass(frozen=True, slots=True)
class _Lead:
    """What the copies step keeps of an article's fingerprint (not its hashes or text)."""

    published: dt.date | None
    outlet: str | None
    cites: tuple[str, ...]


@corpus_step("copies", reads=("article",), writes=("fingerprint", "copy", "citation"), version=VERSION)
def copies_step(ctx: CorpusContext) -> int:
    store = ctx.store
    failed = {i for i, _ in store.analysis_errors()}
    every = [i for i in store.unanalysed("") if i not in failed]  # every article ("" is no pipeline)
    present = set(every)
    # what is kept of the stored fingerprints as they stream past: the lead vector, date, outlet,
    # citations and version; the MinHashes are read again below, a stored row is written back
    # from the store (so memory grows by about 1 KB an article, not by whole records: 39 MiB for 40,000)
    leads: dict[str, _Lead] = {}
    rows = fp.QuantisedRows(every)  # each lead vector as its 512 quantised bytes, not its text
    versions: dict[str, str] = {}
    for f in store.records("fingerprint"):
        if f.article_id in present:
            leads[f.article_id] = _Lead(f.published, f.outlet, f.cites)
            rows.put(f.article_id, f.vector)
            versions[f.article_id] = f.version
    # an article's id is its text's hash, so a stored fingerprint of this version is still right
    # when the article is analysed again (a component's new version): only articles without one
    # are read; taking every re-analysed article compared all of them again
    todo = [i for i in every if i not in leads or versions[i] != VERSION]
    if not todo:  # verdicts, groups and citations change only with new fingerprints
        return 0
    # the step's own encoder unless the process holds one (a watch loop's): it goes when the
    # step ends, so the steps after it do not carry its 120 MiB
    encoder = loaded_or_new()
    made: dict[str, Fingerprint] = {}
    for start in range(0, len(todo), BATCH):
        articles = [x for i in todo[start : start + BATCH] if (x := store.article(i)) is not None]
        for article, fresh in zip(articles, _fingerprints(articles, encoder), strict=True):
            made[article.id] = fresh
            leads[article.id] = _Lead(fresh.published, fresh.outlet, fresh.cites)
            rows.put(article.id, fresh.vector)
    ids, vectors = rows.vectors()  # the ids of ``leads``, in order
    del rows
    dates = {i: leads[i].published for i in ids}
    pairs = candidates(todo, ids, vectors, [dates[i] for i in ids], _lsh_hits(store, made, present))
    # the compared articles are read as the pairs come (the last ones kept, as the reader keeps
    # their sentences): holding every new article and all its candidates grew with the corpus
    reader = Reader(embedder=encoder)
    docs = StoredArticles(store, keep=reader.keep)
    compared: dict[tuple[str, str], Verdict] = {}  # only those that found a copy: most find none
    for a, b in reading_order(pairs):
        if (x := docs.get(a)) is not None and (y := docs.get(b)) is not None:
            if (verdict := compare(_doc(x), _doc(y), reader, pairs[(a, b)])).status:
                compared[(a, b)] = verdict
    del docs, reader, encoder
    found = [compared[p] for p in sorted(compared)]
    new = set(todo)

    def kept() -> Iterator[Verdict]:
        """The earlier verdicts between articles still present, none new, streamed from the
        store on each walk (not held: there is about one for each copied article)."""
        for c in store.records("copy"):
            for v in _verdicts(c):
                if v.copy not in new and v.original not in new and v.copy in leads and v.original in leads:
                    yield v

    originals = groups(chain(kept(), found), dates)
    changed = store.replace_records("copy", one_per_group(chain(kept(), found), originals))
    changed += store.replace_records("citation", _citations(leads, ids, vectors))
    # last: an article whose fingerprint is stored has had its copies and citations stored too.
    # The new ones, then the stored ones still present, read again as they are written.
    stored = (f for f in store.records("fingerprint") if f.article_id in present and f.article_id not in made)
    return changed + store.replace_records("fingerprint", chain((made[i] for i in sorted(made)), stored))


def _fingerprints(articles: list[Article], encoder: Embedder) -> list[Fingerprint]:
    leads = [fp.lead_texts(a.title, a.text) if a.text.strip() else [a.title or "-"] for a in articles]
    vectors = fp.lead_vectors(encoder, leads)
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


def _doc(a: Article) -> Doc:
    return Doc(a.id, a.text, a.published, a.outlet, cited_names(a.cites), a.language)


def _lsh_hits(
    store: Store, made: dict[str, Fingerprint], present: set[str]
) -> dict[str, list[tuple[str, float]]]:
    """Each new article's LSH hits among every article: the new articles' MinHashes are indexed
    ``LSH_CHUNK`` at a time, and every article's (stored, then new) is looked up in that index as
    it streams past. Two MinHashes sharing a band is the same pair whichever is indexed, so the
    hits are those of an index over every article, and only a chunk of new articles' hashes is
    held (datasketch's index takes about 8 KB an article: 81 MiB for 10,000). Only the hits the
    candidates take are kept (:func:`~parley.reconcile.copies.best_hits`: the index's own order
    is arbitrary)."""
    new = list(made)
    hits: dict[str, list[tuple[str, float]]] = {}
    for start in range(0, len(new), LSH_CHUNK):
        hits.update(_lsh_chunk(store, made, new[start : start + LSH_CHUNK], present))
    return hits


def _lsh_chunk(
    store: Store, made: dict[str, Fingerprint], chunk: list[str], present: set[str]
) -> dict[str, list[tuple[str, float]]]:
    """The LSH hits of the new articles ``chunk`` among every article (one pass over the stored
    fingerprints, about a second at 40,000)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_JACCARD, num_perm=fp.NUM_PERM)
    mine = {i: fp.restore_minhash(made[i].minhash) for i in chunk}
    for i, m in mine.items():
        lsh.insert(i, m)
    hits: dict[str, list[tuple[str, float]]] = {i: [] for i in mine}
    stored = (
        (f.article_id, f.minhash)
        for f in store.records("fingerprint")
        if f.article_id in present and f.article_id not in made
    )
    for j, encoded in chain(stored, ((i, f.minhash) for i, f in made.items())):
        other = mine[j] if j in mine else fp.restore_minhash(encoded)
        for i in lsh.query(other):
            if i != j:
                hits[i].append((j, mine[i].jaccard(other)))
    return {i: best_hits(found) for i, found in hits.items()}


def reading_order(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs in an order that reads each article's pairs close together: the articles
    numbered by reverse Cuthill-McKee over the graph the pairs make (scipy), which keeps the two
    articles of every pair near in that numbering, and the pairs taken by their later-numbered
    article. The reader keeps only its last articles' sentences and vectors, so in id order an
    article that is a candidate of many new ones was read and embedded again for each (at 30,000
    articles with 10,000 new, 3.2 sentences encoded for each distinct one). Only ties move with
    the order: a sentence's vector differs in its last bits with the sentences encoded beside
    it (see :func:`one_per_group`)."""
    from scipy.sparse import coo_array
    from scipy.sparse.csgraph import reverse_cuthill_mckee

    pairs = sorted(set(pairs))
    ids = sorted({x for p in pairs for x in p})
    if not pairs:
        return []
    at = {x: n for n, x in enumerate(ids)}
    rows = np.array([at[a] for a, _ in pairs] + [at[b] for _, b in pairs])
    cols = np.array([at[b] for _, b in pairs] + [at[a] for a, _ in pairs])
    graph = coo_array((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(len(ids), len(ids))).tocsr()
    position = np.empty(len(ids), dtype=np.int64)
    position[reverse_cuthill_mckee(graph, symmetric_mode=True)] = np.arange(len(ids))

    def key(p: tuple[str, str]) -> tuple[int, int]:
        first, second = sorted((position[at[p[0]]], position[at[p[1]]]))
        return (int(second), int(first))

    return sorted(pairs, key=key)


def _verdicts(c: Copy) -> Iterator[Verdict]:
    """The verdicts a stored record stands for: its own, and a bare ``copy`` verdict for each other
    article of the group it was found to repeat (they keep the group whole in the next run)."""
    changes = tuple(
        Change(Difference(x.kind, x.original, x.changed), x.original_span, x.copy_span) for x in c.changes
    )
    yield Verdict(
        c.of_id, c.article_id, c.status, c.kind, c.similarity, c.coverage, 0, c.original_by, changes
    )
    for other in c.also_of:
        yield Verdict(other, c.article_id, "copy", c.kind, original_by=c.original_by)


def one_per_group(verdicts: Iterable[Verdict], originals: dict[str, str]) -> list[Copy]:
    """The copy records: one for each article that copies (a rewrite of a story many sites
    rewrote matches every one of them, and was listed once for each), against the group's
    original when it was compared with it, else the article it matched best; the others it
    matched are kept in ``also_of``. Each ``altered`` verdict is its own record. Similarity is
    compared as the record shows it (3 places): two relayed copies of one text match alike but
    for the last bits of a float, which depend on which sentences the encoder was given
    together, and the id decides between them."""
    found: list[Copy] = []
    copies: dict[str, list[Verdict]] = {}
    for v in verdicts:
        if v.status == "copy":
            copies.setdefault(v.copy, []).append(v)
        else:
            found.append(_copy(v, originals))
    for article_id, mine in copies.items():
        root = originals.get(article_id)
        best = max(
            mine,
            key=lambda v: (
                v.original == root and v.similarity > 0,
                round(v.coverage, 3),
                round(v.similarity, 3),
                v.original,
            ),
        )
        others = tuple(sorted({v.original for v in mine} - {best.original}))
        found.append(replace(_copy(best, originals), also_of=others))
    return found


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


def _citations(prints: dict[str, _Lead], ids: list[str], vectors: fp.LeadVectors) -> list[Citation]:
    """Each cited outlet, with that outlet's articles on the same story (lead vectors at least as
    near as a copy candidate's, within 30 days) published no later than the citing article."""
    row = {a: n for n, a in enumerate(ids)}
    by_outlet: dict[str, list[str]] = {}
    for i in ids:
        if prints[i].outlet and outlet_key(prints[i].outlet or ""):
            by_outlet.setdefault(outlet_key(prints[i].outlet or ""), []).append(i)
    found = []
    for i in ids:
        mine = vectors.row(row[i]) if prints[i].cites else None
        for outlet in prints[i].cites:
            near = [
                j
                for j in by_outlet.get(outlet_key(outlet), ())
                if j != i and _not_later(prints[j].published, prints[i].published)
            ]
            # their rows made float32 at once, each cosine the same float32 dot of two rows as before
            rows = vectors.rows([row[j] for j in near])
            cited = [j for j, v in zip(near, rows, strict=True) if float(mine @ v) >= CANDIDATE_COSINE]
            found.append(Citation(i, outlet, tuple(cited)))
    return found


def _not_later(cited: dt.date | None, citing: dt.date | None) -> bool:
    if cited is None or citing is None:
        return True
    return citing - dt.timedelta(days=CANDIDATE_DAYS) <= cited <= citing
