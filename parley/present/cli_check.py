"""``parley check "CLAIM"``: each stored article's stance toward a claim, with its evidence.

Thin: the articles come from the store through the same filter as ``parley articles``; the
verdicts from :func:`parley.check.check_claim`; this module only prints them.
"""

from __future__ import annotations

import json
from typing import Any

import click

from parley.check import check_claim
from parley.present.options import json_option, out, parse_date, store_options
from parley.store import ArticleFilter, Store

ORDER = {"disagree": 0, "agree": 1, "discuss": 2, "unrelated": 3}


@click.command("check")
@click.argument("claim")
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--since", callback=parse_date, help="Published on or after YYYY-MM-DD.")
@click.option("--until", callback=parse_date, help="Published on or before YYYY-MM-DD.")
@click.option("--contains", help="Only articles whose title or text contains this.")
@click.option("--all", "show_all", is_flag=True, help="List unrelated articles too.")
@json_option
@store_options
def check(store: Store, claim: str, show_all: bool, as_json: bool, **filters: Any) -> None:
    """Each article's stance toward CLAIM: agrees, disagrees, discusses or unrelated, with the
    sentences it rests on. A model trained on FNC-1 (docs/benchmarks.md); treat a confidence
    under 0.6 as undecided."""
    if not claim.strip():
        raise click.BadParameter("the claim is empty", param_hint="CLAIM")
    articles = {a.id: a for a in store.articles(ArticleFilter(**filters))}
    found = sorted(check_claim(claim, articles.values()), key=lambda s: (ORDER[s.stance], -s.confidence))
    if as_json:
        records = [
            {
                "article_id": s.article_id,
                "outlet": s.outlet,
                "stance": s.stance,
                "confidence": round(s.confidence, 3),
                "probabilities": {k: round(v, 3) for k, v in s.probabilities.items()},
                "evidence": [
                    {"span": [e.start, e.end], "text": e.of(articles[s.article_id].text)} for e in s.evidence
                ],
            }
            for s in found
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    console = out()
    shown = [s for s in found if show_all or s.stance != "unrelated"]
    for s in shown:
        article = articles[s.article_id]
        day = article.published.isoformat() if article.published else "unknown"
        outlet = article.outlet or "unknown"
        console.print(f"[bold]{s.stance}[/bold] {s.confidence:.2f}  {day}  {outlet}  {s.article_id[:8]}")
        for e in s.evidence:
            console.print(
                f"    “{' '.join(e.of(article.text).split())}”  @{e.start}-{e.end}", highlight=False
            )
    counts = {k: sum(1 for s in found if s.stance == k) for k in ORDER}
    console.print(", ".join(f"{v} {k}" for k, v in counts.items() if v) or "no articles")
