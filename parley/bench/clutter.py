"""Crawler clutter before and after cleaning, and where publication dates come from.

    python -m parley.bench.clutter ../shared/datasets/news2026/articles.jsonl

Reads a JSON Lines file of crawled articles (``url``, ``outlet``, ``published``, ``title``,
``text``), cleans each one as ``parley ingest`` does, and counts the articles whose text has each
kind of clutter in the raw text and in the stored (cleaned) text:

- markdown link residue: ``](``, an empty ``[]`` or an ``<http...>`` autolink;
- image lines: a line holding ``![alt](src)``;
- invisible characters: zero-width space/joiners, word joiner, byte-order mark, soft hyphen;
- odd spaces and hyphens: no-break and narrow spaces, the non-breaking hyphen;
- emphasis and heading marks: ``**``, ``__``, a line starting with ``#``;
- calls to action: a line asking to subscribe, sign up, accept cookies, share, read more;
- repeated paragraphs: a line of 40 characters or more that occurs twice.

Then how many articles got their publication date from which source, and the date conflicts
found. ``--show N`` prints the cleaned text of article N (0-based) and ``--removed N`` the lines
taken out of it; ``--sentences`` lists every removed line that reads like a sentence of a story,
for a reader to check that nothing real was lost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from parley.clean import clean_article
from parley.clean.boilerplate import ends_statement
from parley.clean.characters import INVISIBLE
from parley.ingest.jsonl import parse_record
from parley.models import Article, RawArticle

LINK_RESIDUE = re.compile(r"\]\(|\[\]|<https?://")
IMAGE_LINE = re.compile(r"(?m)^.*!\[[^\]\n]*\]\([^)\n]*\).*$")
ODD_SPACE = re.compile("[\u00a0\u202f\u2007\u2009\u2010\u2011]")
EMPHASIS = re.compile(r"\*\*|__|^#{1,6} ", re.M)
CALL_TO_ACTION = re.compile(
    r"(?im)^.{0,80}\b(subscribe|sign up|newsletter|cookies?|share (this|on)|read more|read also)\b.{0,80}$"
)

CHECKS: dict[str, Callable[[str], bool]] = {
    "markdown link residue": lambda t: bool(LINK_RESIDUE.search(t)),
    "image lines": lambda t: bool(IMAGE_LINE.search(t)),
    "invisible characters": lambda t: any(c in t for c in INVISIBLE),
    "odd spaces / hyphens": lambda t: bool(ODD_SPACE.search(t)),
    "emphasis / heading marks": lambda t: bool(EMPHASIS.search(t)),
    "call-to-action lines": lambda t: bool(CALL_TO_ACTION.search(t)),
    "repeated paragraphs": lambda t: _has_repeats(t),
}


def _has_repeats(text: str) -> bool:
    lines = Counter(" ".join(line.split()) for line in text.splitlines() if len(line.strip()) >= 40)
    return any(count > 1 for count in lines.values())


def load(path: Path, today: dt.date) -> list[tuple[RawArticle, Article]]:
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            raw = parse_record(line, f"{path.name}#L{number}")
            pairs.append((raw, clean_article(raw, today=today)))
    return pairs


def report(pairs: list[tuple[RawArticle, Article]]) -> str:
    out = [f"{len(pairs)} articles", "", f"{'articles with':28} {'before':>7} {'after':>7}"]
    for name, check in CHECKS.items():
        before = sum(check(raw.text) for raw, _ in pairs)
        after = sum(check(article.text) for _, article in pairs)
        out.append(f"{name:28} {before:7} {after:7}")
    raw_chars = sum(len(raw.text) for raw, _ in pairs)
    kept_chars = sum(len(article.text) for _, article in pairs)
    removed = sum(len(article.removed) for _, article in pairs)
    links = sum(len(article.links) for _, article in pairs)
    out.append(f"\ncharacters kept: {kept_chars:,} of {raw_chars:,}")
    out.append(f"lines removed: {removed:,}; links kept as metadata: {links:,}")
    sources = Counter(article.published_from for _, article in pairs)
    out.append("\npublication date from: " + ", ".join(f"{k} {v}" for k, v in sources.most_common()))
    with_meta = [(raw, a) for raw, a in pairs if raw.published]
    changed = [(raw, a) for raw, a in with_meta if a.published != raw.published]
    conflicts = [(raw, a) for raw, a in pairs if a.date_conflicts]
    out.append(f"metadata date given: {len(with_meta)}; replaced or dropped: {len(changed)}")
    out.append(f"articles with date conflicts: {len(conflicts)}")
    for raw, article in conflicts:
        said = ", ".join(f"{source} {value}" for source, value in article.date_conflicts)
        out.append(f"  {raw.url}\n    {said} -> {article.published} ({article.published_from})")
    return "\n".join(out)


def removed_sentences(pairs: list[tuple[RawArticle, Article]]) -> str:
    out = []
    for index, (_raw, article) in enumerate(pairs):
        for line in article.removed:
            if len(line.split()) >= 12 and ends_statement(line):
                out.append(f"[{index}] {line}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a JSON Lines file of crawled articles")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--show", type=int, help="print the cleaned text of this article (0-based)")
    parser.add_argument("--removed", type=int, help="print the lines taken out of this article")
    parser.add_argument("--sentences", action="store_true", help="list removed lines that read as sentences")
    args = parser.parse_args(argv)
    pairs = load(args.path, args.today)
    if args.show is not None:
        print(pairs[args.show][1].text)
    elif args.removed is not None:
        print("\n".join(pairs[args.removed][1].removed))
    elif args.sentences:
        print(removed_sentences(pairs))
    else:
        print(report(pairs))


if __name__ == "__main__":
    main()
