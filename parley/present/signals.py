"""Warning signs: ``parley signals``, the brief's "warning signs" section and the lines
``parley articles ID`` adds under an article's fields.

Each prints the reliability signals (:mod:`parley.signals`) the same way: a line for the article
(day, outlet, title, id), then a line a signal — its kind, why it is shown, and the words it was
read from with their characters in the article's text.
"""

from __future__ import annotations

import datetime as dt
import json

import click

from parley.lookups import find_article
from parley.present.brief import TOP_WARNINGS
from parley.present.options import day, json_option, listing_options, out, store_options, wrap
from parley.reconcile.contested_records import Signal
from parley.signals import FlaggedArticle, article_signals, flagged_articles, flagged_count, signal_kinds
from parley.store import Store
from parley.wording import clip_words

BRIEF_SIGNALS = 3  # signals of each flagged article the brief lists


def signal_line(s: Signal, width: int, indent: int = 4) -> list[str]:
    """One signal: its kind, where it was read (characters of the text, or the metadata), the
    words, and why it is shown."""
    where = f"{s.span.start}-{s.span.end}" if s.span else "metadata"
    words = f" “{clip_words(s.text, 160)}”" if s.text else ""
    return wrap(f"{s.kind} ({where}):{words} — {s.explanation}", width, indent + 2, indent=indent)


def article_lines(f: FlaggedArticle, width: int, most: int | None = None) -> list[str]:
    """A flagged article's head line, then its signals (the first ``most`` of them, if given)."""
    when = day(f.published) if f.published else "undated"  # not "unknown" beside "outlet unknown"
    head = f"{when}  {f.outlet or 'outlet unknown'} — {clip_words(f.title or '(no title)', 90)}"
    lines = wrap(f"{head}  {f.article_id[:8]}", width, 4)
    shown = f.signals if most is None else f.signals[:most]
    for s in shown:
        lines += signal_line(s, width)
    if len(shown) < len(f.signals):
        lines.append(f"    … {len(f.signals) - len(shown)} more (`parley signals {f.article_id[:8]}`)")
    return lines


def signal_lines(store: Store, width: int = 80, limit: int = TOP_WARNINGS) -> list[str]:
    """The brief's "warning signs" section: the articles with the most kinds of signal first;
    empty when no article has one."""
    chosen = flagged_articles(store, limit=limit)
    if not chosen:
        return []
    n = flagged_count(store)
    lines = [f"Warning signs ({n} article{'s' * (n != 1)} flagged; {len(chosen)} shown; `parley signals`)"]
    for f in chosen:
        lines += article_lines(f, width, BRIEF_SIGNALS)
    return lines


@click.command()
@click.argument("article_id", required=False)
@listing_options(signal_kinds, "a kind of signal", "Published", "articles")
@json_option
@store_options
def signals(
    store: Store,
    article_id: str | None,
    kind: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """Warning signs: each article with a reason to read it closely (a weekday that does not fit
    its date, dates that disagree, a rewriting tool's lines, a hedged claim with no source, a
    misspelt name, a role others do not give, a value no other source gives), those with the
    most kinds first; or one article's (its id or a unique prefix). None says an article is wrong."""
    if article_id:
        article = find_article(store, article_id)
        found = [s for s in article_signals(store, article.id) if kind is None or s.kind == kind]
        flagged = [FlaggedArticle(article.id, article.title, article.outlet, article.published, tuple(found))]
    else:
        flagged = flagged_articles(store, kind, since, until, limit)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in flagged], ensure_ascii=False, indent=2))
        return
    console = out()
    width = min(console.width, 100)
    for f in flagged:
        for line in article_lines(f, width):
            console.print(line, markup=False, overflow="ignore", crop=False)
    n = sum(len(f.signals) for f in flagged)
    console.print(f"{n} signal{'s' * (n != 1)} in {len(flagged)} article{'s' * (len(flagged) != 1)}")
