"""TempEval-3 benchmark for the time-expression tagger.

Reads the TimeML documents of TempEval-3 (TimeBank + AQUAINT, "TBAQ-cleaned"), strips the tags of
each ``<TEXT>`` to get plain text with the gold ``TIMEX3`` spans, runs
:func:`parley.extract.timex.find_time_expressions` with the document creation time (DCT) as the
anchor, and scores:

* extraction precision / recall / F1, strict (exact span) and relaxed (any overlap);
* type accuracy and value accuracy over the relaxed matches;
* TempEval-3 style value scores: relaxed P/R/F1 multiplied by value accuracy;
* recall per gold type.

Usage (from the repository root)::

    .venv/bin/python -m parley.bench.tempeval ../shared/datasets/tempeval3 [--limit N] [--errors N]

The data set is TBAQ-cleaned as distributed with TempEval-3 (UzZaman et al., SemEval 2013),
taken from github.com/jspotter/TempEval-3; it is read in place and never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from parley.extract.timex import find_time_expressions
from parley.models import TimeExpression

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s[^>]*?)?)\s*(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)[^"]*"', re.S)


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]


def read_tml(path: Path) -> Document:
    """Parse one TimeML file into plain text with the gold TIMEX3 character spans."""
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    text_match = _TEXT.search(raw)
    if dct_match is None or text_match is None:
        raise ValueError(f"{path}: no DCT or no TEXT element")
    body = text_match.group(1)
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            plain = "".join(out)
            timexes.append(
                GoldTimex(start, length, plain[start:length], attrs.get("type", ""), attrs.get("value", ""))
            )
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return Document(
        name=path.stem,
        dct=dt.date.fromisoformat(dct_match.group(1)),
        text="".join(out),
        timexes=tuple(timexes),
    )


def read_corpus(root: Path) -> list[Document]:
    paths = sorted(root.rglob("*.tml"))
    if not paths:
        raise SystemExit(f"no .tml files under {root}")
    return [read_tml(p) for p in paths]


_WEEK = re.compile(r"-W(\d)(?!\d)")


def canonical_value(value: str | None) -> str:
    """Compare values modulo zero-padding of week numbers (the gold has both W7 and W07)."""
    if value is None:
        return ""
    return _WEEK.sub(lambda m: f"-W0{m.group(1)}", value.strip())


@dataclass
class Scores:
    """Counts over the corpus, and the examples a developer may want to read."""

    docs: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0  # gold timexes with a prediction of exactly the same span
    pairs: int = 0  # one-to-one relaxed (overlapping) gold-prediction pairs
    type_ok: int = 0
    value_ok: int = 0
    seconds: float = 0.0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    value_by_type: Counter[str] = field(default_factory=Counter)
    value_errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def _pair(gold: list[GoldTimex], pred: list[TimeExpression]) -> list[tuple[GoldTimex, TimeExpression]]:
    """One-to-one relaxed alignment: each gold timex takes the still-free prediction that shares
    most characters with it."""
    free = list(pred)
    pairs = []
    for g in gold:
        best, best_overlap = None, 0
        for p in free:
            overlap = min(g.end, p.span.end) - max(g.start, p.span.start)
            if overlap > best_overlap:
                best, best_overlap = p, overlap
        if best is not None:
            free.remove(best)
            pairs.append((g, best))
    return pairs


def score(docs: list[Document]) -> Scores:
    """Tag every document with its DCT as anchor and compare with the gold annotation."""
    s = Scores(docs=len(docs))
    for doc in docs:
        t0 = time.perf_counter()
        pred = find_time_expressions(doc.text, doc.dct)
        s.seconds += time.perf_counter() - t0
        gold = list(doc.timexes)
        s.gold += len(gold)
        s.predicted += len(pred)
        spans = {(p.span.start, p.span.end) for p in pred}
        s.strict += sum((g.start, g.end) in spans for g in gold)
        pairs = _pair(gold, pred)
        s.pairs += len(pairs)
        s.gold_by_type.update(g.type for g in gold)
        for g, p in pairs:
            s.found_by_type[g.type] += 1
            s.type_ok += g.type == p.type
            if canonical_value(g.value) == canonical_value(p.value):
                s.value_ok += 1
                s.value_by_type[g.type] += 1
            else:
                s.value_errors.append(
                    f"{doc.name} dct={doc.dct} gold {g.text!r} {g.type} {g.value} | "
                    f"pred {p.text!r} {p.type} {p.value}  ..{_context(doc.text, g.start, g.end)}.."
                )
        paired_gold = {id(g) for g, _ in pairs}
        paired_pred = {id(p) for _, p in pairs}
        s.missed += [
            f"{doc.name} {g.text!r} {g.type} {g.value}  ..{_context(doc.text, g.start, g.end)}.."
            for g in gold
            if id(g) not in paired_gold
        ]
        s.spurious += [
            f"{doc.name} {p.text!r} {p.type} {p.value}  ..{_context(doc.text, p.span.start, p.span.end)}.."
            for p in pred
            if id(p) not in paired_pred
        ]
    return s


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(s: Scores, root: Path) -> str:
    """The results table."""
    sp, sr, sf = _prf(s.strict, s.predicted, s.gold)
    rp, rr, rf = _prf(s.pairs, s.predicted, s.gold)
    type_acc = s.type_ok / s.pairs if s.pairs else 0.0
    value_acc = s.value_ok / s.pairs if s.pairs else 0.0
    per_second = s.gold / s.seconds if s.seconds else 0.0
    ms_per_doc = 1000 * s.seconds / max(s.docs, 1)
    lines = [
        f"TempEval-3 TBAQ-cleaned: {root}",
        f"documents            {s.docs}",
        f"gold timexes         {s.gold}",
        f"predicted            {s.predicted}",
        "",
        f"{'':21s}{'P':>7s}{'R':>7s}{'F1':>7s}",
        f"{'strict (exact span)':21s}{sp:7.3f}{sr:7.3f}{sf:7.3f}",
        f"{'relaxed (overlap)':21s}{rp:7.3f}{rr:7.3f}{rf:7.3f}",
        f"{'value (relaxed*acc)':21s}{rp * value_acc:7.3f}{rr * value_acc:7.3f}{rf * value_acc:7.3f}",
        "",
        f"type accuracy        {type_acc:.3f}  ({s.type_ok}/{s.pairs} relaxed matches)",
        f"value accuracy       {value_acc:.3f}  ({s.value_ok}/{s.pairs} relaxed matches)",
        f"value F1             {rf * value_acc:.3f}",
        "",
        f"{'gold type':10s}{'n':>6s}{'recall':>8s}{'value ok':>10s}",
    ]
    for typ in ("DATE", "TIME", "DURATION", "SET"):
        n = s.gold_by_type[typ]
        lines.append(
            f"{typ:10s}{n:6d}{s.found_by_type[typ] / max(n, 1):8.3f}{s.value_by_type[typ] / max(n, 1):10.3f}"
        )
    lines += [
        "",
        f"elapsed (tagger)     {s.seconds:.2f} s",
        f"throughput           {per_second:.0f} gold timexes/s, {ms_per_doc:.1f} ms/doc",
    ]
    return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parley.bench.tempeval", description="Score the time-expression tagger on TempEval-3."
    )
    parser.add_argument(
        "root", type=Path, help="folder holding the TempEval-3 .tml files (searched recursively)"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print N example value errors")
    parser.add_argument("--missed", type=int, default=0, help="print N gold timexes that were not found")
    parser.add_argument(
        "--spurious", type=int, default=0, help="print N predictions that overlap no gold timex"
    )
    args = parser.parse_args(argv)
    docs = read_corpus(args.root)[: args.limit]
    s = score(docs)
    print(report(s, args.root))
    for title, items, n in (
        ("value errors", s.value_errors, args.errors),
        ("missed", s.missed, args.missed),
        ("spurious", s.spurious, args.spurious),
    ):
        if n:
            print(f"\n{title} ({len(items)} in all, first {min(n, len(items))}):")
            print("\n".join("  " + item for item in items[:n]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
