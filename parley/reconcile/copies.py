"""Copies: which articles repeat another's report, and which rewrite it with a fact changed.

Candidates come two ways (:func:`candidates`): MinHash LSH over five-word shingles finds
near-duplicates (Jaccard >= 0.5), and the multilingual lead vectors find rewrites in other words or
another language (cosine >= 0.6, within 30 days, at most 8 a new article). Each candidate pair is
then read sentence by sentence (:func:`compare`), in this order:

1. sentences with the same words, then sentences rapidfuzz finds nearly equal (>= 85), are
   aligned without an embedding (a near-duplicate costs no encoder call);
2. the rest are embedded and aligned when each is the other's best match (cosine >= 0.5);
3. the longest run of aligned pairs in the same order in both articles is kept: a rewrite keeps
   the order of its original's facts, an independent report of the same event does not;
4. the pair is the same report when that run holds at least 3 sentences and 60 % of the shorter
   article's; then the facts of every aligned pair are compared (:mod:`parley.reconcile.facts`);
   a negation counts as flipped only between sentences near enough to be one claim (similarity
   >= 0.75: "kept outside" and "not allowed in" are a rewording) and when the side without it has
   no negation in the next or previous sentence either (a rewrite joins and splits sentences).

Names are not compared across languages (a translation transliterates and inflects them). No
change: a **copy** (``near`` when the MinHash Jaccard is >= 0.5, ``translation`` when the
languages differ, else ``rewrite``). A number, date, name or negation changed in at most half of
the aligned sentences: **altered**, a different report that is flagged with its differences and
never merged, when the later article still names something its original names and came out
within a day of it. More than half, or no name shared: not a rewrite at all (a template filled
with other facts); days later: an update of the story (the day's figures), not a rewrite. A name
or a negation counts only when the rest of the two sentences says the same
(:mod:`parley.reconcile.same_clause`).

The original is the one the other cites, else the earlier published, else the one with the
smaller id (``original_by`` says which).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz, process

from parley.clean.outlets import outlet_key
from parley.embed import Embedder
from parley.extract.fingerprint import MAX_SENTENCE_CHARS, LeadVectors, Sentence, sentences
from parley.models import Span
from parley.reconcile.facts import Difference, Facts, differences, facts, merge, share_a_name
from parley.reconcile.same_clause import only_names_differ, only_negation_differs

NEAR_JACCARD = 0.5
CANDIDATE_COSINE = 0.6
CANDIDATE_DAYS = 30
READER_KEEPS = 256  # articles whose sentences, facts and vectors a Reader keeps (1,024 encoded no fewer)
T = TypeVar("T")
MAX_CANDIDATES = 8
CANDIDATE_BATCH = 64  # new articles whose similarities are computed in one matrix product
LEXICAL_RATIO = 85
ALIGN_COSINE = 0.5
NEGATION_SIMILARITY = 0.75
MIN_ALIGNED = 3
MIN_COVERAGE = 0.6
MAX_SENTENCES = 150
ALTERED_DAYS = 1  # a report with a fact changed published later than this is an update, not altered


@dataclass(frozen=True)
class Doc:
    """What copy detection needs of an article."""

    id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    cites: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True)
class Change:
    difference: Difference
    original_span: Span
    copy_span: Span


@dataclass(frozen=True)
class Verdict:
    """How the later article ``copy`` relates to ``original``; ``status`` None: not the same report."""

    original: str
    copy: str
    status: str | None  # "copy", "altered" or None
    kind: str = "rewrite"  # "near", "rewrite", "translation"
    similarity: float = 0.0
    coverage: float = 0.0
    aligned: int = 0
    original_by: str = "undetermined"  # "citation", "date", "undetermined"
    changes: tuple[Change, ...] = ()


@dataclass
class Reader:
    """Sentences, facts and (on demand) sentence vectors of the articles compared in one run,
    those of the last ``keep`` articles read kept (a run over many new articles would otherwise
    hold every compared article's; one read again is worked out again, the same)."""

    embedder: Embedder | None = None
    keep: int = READER_KEEPS
    _sentences: OrderedDict[str, list[Sentence]] = field(default_factory=OrderedDict)
    _facts: OrderedDict[str, list[Facts]] = field(default_factory=OrderedDict)
    _vectors: OrderedDict[str, dict[int, np.ndarray]] = field(default_factory=OrderedDict)

    def sentences(self, doc: Doc) -> list[Sentence]:
        return self._kept(self._sentences, doc, lambda: sentences(doc.text, limit=MAX_SENTENCES))

    def facts(self, doc: Doc) -> list[Facts]:
        return self._kept(self._facts, doc, lambda: [facts(s.text) for s in self.sentences(doc)])

    def vectors(self, doc: Doc, rows: list[int]) -> np.ndarray:
        """The vectors of the sentences ``rows`` of ``doc`` (one row each): only sentences no
        earlier call asked for are encoded (those aligned by their words never are)."""
        known = self._kept(self._vectors, doc, dict)
        missing = [i for i in rows if i not in known]
        if missing:
            if self.embedder is None:
                from parley.embed import default_embedder

                self.embedder = default_embedder()
            texts = self.sentences(doc)
            found = self.embedder.encode([texts[i].text[:MAX_SENTENCE_CHARS] for i in missing])
            known.update(zip(missing, found, strict=True))
        return np.stack([known[i] for i in rows])

    def _kept(self, cache: OrderedDict[str, T], doc: Doc, make: Callable[[], T]) -> T:
        if doc.id in cache:
            cache.move_to_end(doc.id)
            return cache[doc.id]
        value = cache[doc.id] = make()
        if len(cache) > self.keep:
            cache.popitem(last=False)
        return value


def order(a: Doc, b: Doc) -> tuple[Doc, Doc, str]:
    """(original, later, how the original was told)."""
    if b.outlet and outlet_key(b.outlet) in {outlet_key(c) for c in a.cites}:
        return b, a, "citation"
    if a.outlet and outlet_key(a.outlet) in {outlet_key(c) for c in b.cites}:
        return a, b, "citation"
    if a.published and b.published and a.published != b.published:
        return (a, b, "date") if a.published < b.published else (b, a, "date")
    return (a, b, "undetermined") if a.id < b.id else (b, a, "undetermined")


def compare(a: Doc, b: Doc, reader: Reader, jaccard: float = 0.0) -> Verdict:
    """Whether two articles are the same report (see the module docstring)."""
    original, later, by = order(a, b)
    so, sl = reader.sentences(original), reader.sentences(later)
    if len(so) < MIN_ALIGNED or len(sl) < MIN_ALIGNED:
        return Verdict(original.id, later.id, None, original_by=by)
    pairs, sims = _align(original, later, so, sl, reader)
    run = _ordered_run(pairs)
    coverage = len(run) / min(len(so), len(sl))
    similarity = float(np.mean([sims[p] for p in run])) if run else 0.0
    if len(run) < MIN_ALIGNED or coverage < MIN_COVERAGE:
        return Verdict(original.id, later.id, None, similarity=similarity, coverage=coverage, original_by=by)
    fo, fl = reader.facts(original), reader.facts(later)
    all_o, all_l = merge(fo), merge(fl)
    kind = _kind(original, later, jaccard)
    changes: list[Change] = []
    changed_pairs = 0
    for i, j in run:
        found = [
            d
            for d in differences(fo[i], fl[j], all_o, all_l)
            if (d.kind != "name" or _name_changed(so[i].text, sl[j].text, kind))
            and (
                d.kind != "negation"
                or _negation_changed(fo, i, fl, j, sims[(i, j)], (so[i].text, sl[j].text), kind)
            )
        ]
        changed_pairs += bool(found)
        changes.extend(Change(d, so[i].span, sl[j].span) for d in found)
    altered = changed_pairs * 2 <= len(run) and share_a_name(all_o, all_l) and _same_days(original, later)
    status = "copy" if not changes else "altered" if altered else None
    return Verdict(original.id, later.id, status, kind, similarity, coverage, len(run), by, tuple(changes))


def _same_days(original: Doc, later: Doc) -> bool:
    """Whether the two were published within a day of each other (or either is undated): a report
    of the same story days later gives the day's figures (a share price, a count), an update and
    no rewrite with a fact changed."""
    if original.published is None or later.published is None:
        return True
    return abs((later.published - original.published).days) <= ALTERED_DAYS


def _name_changed(original: str, later: str, kind: str) -> bool:
    """Whether a name replaced by another is a changed fact: never in a translation (names are
    transliterated and inflected), else only when the sentences are the same words but for their
    names (two sentences of one story in other words name other things)."""
    return kind != "translation" and only_names_differ(original, later)


def _negation_changed(
    fo: list[Facts], i: int, fl: list[Facts], j: int, similarity: float, texts: tuple[str, str], kind: str
) -> bool:
    """Whether a negation one sentence has and the other lacks is a changed claim: not explained
    (below), and, within one language, the same clause with and without the negation."""
    if _negation_explained(fo, i, fl, j, similarity):
        return False
    return kind == "translation" or only_negation_differs(*texts)


def _negation_explained(fo: list[Facts], i: int, fl: list[Facts], j: int, similarity: float) -> bool:
    """Whether a negation flip is a rewording, not a changed claim: the sentences are not near
    enough to be one claim reworded ("kept outside" / "not allowed in"), or the negation sits in a
    neighbouring sentence of the side that lacks it (a rewrite joins and splits sentences)."""
    if similarity < NEGATION_SIMILARITY:
        return True
    if fl[j].negated:
        return any(fo[k].negated for k in (i - 1, i + 1) if 0 <= k < len(fo))
    return any(fl[k].negated for k in (j - 1, j + 1) if 0 <= k < len(fl))


def _kind(original: Doc, later: Doc, jaccard: float) -> str:
    if jaccard >= NEAR_JACCARD:
        return "near"
    if original.language and later.language and original.language != later.language:
        return "translation"
    return "rewrite"


def _align(
    original: Doc, later: Doc, so: list[Sentence], sl: list[Sentence], reader: Reader
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], float]]:
    """Aligned (original sentence, later sentence) pairs and their similarity."""
    pairs: dict[tuple[int, int], float] = {}
    by_key: dict[str, int] = {}
    for i, s in enumerate(so):
        by_key.setdefault(s.key, i)
    done_o: set[int] = set()
    done_l: set[int] = set()
    for j, s in enumerate(sl):
        same = by_key.get(s.key)
        if same is not None and same not in done_o:
            pairs[(same, j)] = 1.0
            done_o.add(same)
            done_l.add(j)
    rest_o = [i for i in range(len(so)) if i not in done_o]
    rest_l = [j for j in range(len(sl)) if j not in done_l]
    if rest_o and rest_l:
        ratios = process.cdist(
            [sl[j].key for j in rest_l], [so[i].key for i in rest_o], scorer=fuzz.ratio, workers=1
        )
        for (jj, ii), score in _mutual_best(ratios, LEXICAL_RATIO).items():
            pairs[(rest_o[ii], rest_l[jj])] = score / 100
            done_o.add(rest_o[ii])
            done_l.add(rest_l[jj])
    rest_o = [i for i in range(len(so)) if i not in done_o]
    rest_l = [j for j in range(len(sl)) if j not in done_l]
    covered = len(_ordered_run(list(pairs))) / min(len(so), len(sl))
    if rest_o and rest_l and covered < 0.999:
        cosines = reader.vectors(later, rest_l) @ reader.vectors(original, rest_o).T
        for (jj, ii), score in _mutual_best(cosines, ALIGN_COSINE).items():
            pairs[(rest_o[ii], rest_l[jj])] = float(score)
    return sorted(pairs, key=lambda p: p[1]), pairs


def _mutual_best(scores: np.ndarray, floor: float) -> dict[tuple[int, int], float]:
    """(row, column) pairs that are each other's best, scoring at least ``floor``."""
    if scores.size == 0:
        return {}
    best_col = scores.argmax(axis=1)
    best_row = scores.argmax(axis=0)
    return {
        (r, int(c)): float(scores[r, c])
        for r, c in enumerate(best_col)
        if best_row[c] == r and scores[r, c] >= floor
    }


def _ordered_run(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing in both indices (pairs given as (original, later))."""
    ordered = sorted(pairs, key=lambda p: (p[1], -p[0]))
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for n, (i, _) in enumerate(ordered):
        k = bisect.bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_at.append(n)
        else:
            tails[k] = i
            tail_at[k] = n
        back.append(tail_at[k - 1] if k else -1)
    run: list[tuple[int, int]] = []
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        run.append(ordered[at])
        at = back[at]
    return run[::-1]


def candidates(
    new: Iterable[str],
    ids: list[str],
    vectors: LeadVectors,
    dates: list[dt.date | None],
    lsh_hits: dict[str, list[tuple[str, float]]],
) -> dict[tuple[str, str], float]:
    """Pairs to compare, each with its MinHash Jaccard (0 when found by vector only): every new
    article against every other article, the nearest by lead vector within 30 days, and its LSH
    hits (``lsh_hits``: new id -> [(other id, jaccard)])."""
    index = {a: n for n, a in enumerate(ids)}
    pairs: dict[tuple[str, str], float] = {}
    day = np.array([(d.toordinal() if d else -1) for d in dates])
    known = [(a, index[a]) for a in new if a in index]
    for start in range(0, len(known), CANDIDATE_BATCH):
        batch = known[start : start + CANDIDATE_BATCH]
        # one product for a batch of new articles, each row of the matrix read once a batch, and
        # a partition instead of a sort: at 50,000 articles with 1,000 new, a product and a full
        # sort per new article took 11 s of the step's 167
        block = vectors.against_all(vectors.rows([n for _, n in batch]))
        for col, (a, n) in enumerate(batch):
            for other, jaccard in best_hits(lsh_hits.get(a, ())):
                if other != a:
                    pairs[_pair(a, other)] = max(jaccard, pairs.get(_pair(a, other), 0.0))
            sims = block[col]
            sims[n] = -1
            if day[n] >= 0:
                far = (day >= 0) & (np.abs(day - day[n]) > CANDIDATE_DAYS)
                sims[far] = -1
            for m in _nearest(sims, MAX_CANDIDATES):
                if sims[m] < CANDIDATE_COSINE:
                    break
                pairs.setdefault(_pair(a, ids[m]), 0.0)
    return pairs


def best_hits(found: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    """The LSH hits :func:`candidates` compares: the ``MAX_CANDIDATES`` of highest Jaccard, ties
    by id, in that order. A step can keep only these of each new article (a templated text has
    thousands of hits: 1.3 million for 10,000 new articles among 46,000)."""
    return sorted(found, key=lambda h: (-h[1], h[0]))[:MAX_CANDIDATES]


def _nearest(sims: np.ndarray, k: int) -> np.ndarray:
    """The indices of the ``k`` highest similarities, highest first, ties in index order (a
    partition, not a sort of the whole corpus)."""
    if len(sims) > k:
        threshold = sims[np.argpartition(-sims, k - 1)[:k]].min()
        chosen = np.flatnonzero(sims >= threshold)
    else:
        chosen = np.arange(len(sims))
    return chosen[np.lexsort((chosen, -sims[chosen]))][:k]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def groups(verdicts: Iterable[Verdict], dates: dict[str, dt.date | None]) -> dict[str, str]:
    """Each copied or copying article -> the original of its group (its earliest member); only
    ``copy`` verdicts join a group, an ``altered`` rewrite stands alone."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    originals = {}
    for v in verdicts:
        if v.status == "copy":
            parent[find(v.copy)] = find(v.original)
            originals[v.copy] = v.original
    members: dict[str, list[str]] = {}
    for x in list(parent):
        members.setdefault(find(x), []).append(x)
    result = {}
    for group in members.values():
        # the original: a member never found to copy another, earliest first
        roots = [m for m in group if m not in originals] or group
        first = min(roots, key=lambda m: (dates.get(m) or dt.date.max, m))
        result.update(dict.fromkeys(group, first))
    return result
