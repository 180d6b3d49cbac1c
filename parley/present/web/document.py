"""The brief as a document for people: Markdown, or one self-contained HTML file for e-mail.

Both are made from the same :class:`~parley.present.brief.Brief` as ``parley brief`` and its
``--json``. The HTML file carries its CSS and its charts (SVG, drawn by :mod:`.charts`) inline,
holds no script and loads nothing, so it reads the same in a mail client, offline, or printed;
every word from an article is escaped. In Markdown, article words are escaped too, so a quote
cannot turn into a link, an image or HTML.
"""

from __future__ import annotations

from typing import Any

from parley.changes import side_label
from parley.lookups import UNKNOWN, event_day
from parley.present.brief import TOP_OUTLETS, Brief, summary_line
from parley.present.web import ENV, charts
from parley.wording import UNDATED, said_as


def render_html(b: Brief) -> str:
    """The brief as one HTML file: inline CSS and SVG charts, no script, nothing to fetch."""
    outlets = b.outlets[:TOP_OUTLETS]
    rest = b.outlets[TOP_OUTLETS:]
    if rest:
        outlets = [*outlets, (f"{len(rest)} more outlets", sum(n for _, n in rest))]
    return ENV.get_template("brief_email.html").render(
        brief=b,
        summary=summary_line(b).replace("\N{NO-BREAK SPACE}", " "),
        day_chart=charts.day_chart(b.days, width=640),
        outlet_chart=charts.bar_chart(outlets, width=640),
        undated=dict(b.days).get(UNKNOWN, 0),
    )


def render_markdown(b: Brief) -> str:
    """The brief as Markdown: the same sections as the text, a table where the text draws marks.
    Every statement and event keeps its id (and a statement its article and span)."""
    out = [f"# Parley brief: {summary_line(b).replace(chr(0xA0), ' ')}", ""]
    c = b.counts
    if c.get("statements"):
        out += [
            f"{c['statements']} statements ({c['attributed']} with a known speaker), "
            f"{c['actors']} actors, {c['events']} events",
            "",
        ]
    if b.changes:
        out += _changes_markdown(b.changes)
    if b.articles:
        out += ["## Articles per day", "", "| day | articles |", "|---|---:|"]
        out += [f"| {d} | {n} |" for d, n in b.days]
        out += ["", "## Outlets", "", "| outlet | articles |", "|---|---:|"]
        out += [f"| {_md(name)} | {n} |" for name, n in b.outlets]
        out.append("")
    if b.positions:
        out += ["## Latest positions", ""]
        for p in b.positions:
            evidence = p.get("evidence") or {}
            span = evidence.get("span") or [None, None]
            out.append(
                f"- **{_md(str(p.get('holder_name')))}** on {_md(str(p.get('issue')))}: "
                f"{_md(str(p.get('position')))} ({p.get('date') or UNKNOWN}) — "
                f"“{_md(' '.join(str(evidence.get('text', '')).split()))}” "
                f"`{str(evidence.get('article_id', ''))[:8]} {span[0]}-{span[1]}`"
            )
        out.append("")
    if b.warnings:
        out += ["## Warning signs", ""]
        for w in b.warnings:
            out.append(
                f"- {w['published'] or 'undated'} {_md(str(w['outlet'] or 'outlet unknown'))}: "
                f"{_md(str(w['title'] or '(no title)'))} `{w['article_id'][:8]}`"
            )
            for x in w["signals"]:
                span = x.get("span") or None
                where = f"{span[0]}-{span[1]}" if span else "metadata"
                words = " ".join(str(x.get("text") or "").split())
                out.append(f"  - {x['kind']} `{where}`: “{_md(words)}” — {_md(x['explanation'])}")
        out.append("")
    if b.speakers:
        out += ["## Who said what", ""]
        for sp in b.speakers:
            count = _plain_n(sp["statements"], "statement")
            out.append(f"### {_md(sp['name'])} ({sp['side'] or 'no side'}): {count}")
            out.append("")
            for st in sp["latest"]:
                cue = said_as(st["cue"])
                said = " ".join(st["text"].split())
                out.append(
                    f"- {st['said_on'] or UNDATED} {_md(cue) + ': ' if cue else ''}{_md(said)} "
                    f"`{st['id'][:8]}` (article `{st['article_id'][:8]}`, "
                    f"span {st['span'][0]}-{st['span'][1]})"
                )
            out.append("")
    if b.events:
        out += [
            "## What happened when",
            "",
            "| date | event | who | sources | disputed | id |",
            "|---|---|---|---:|---|---|",
        ]
        for ev in b.events:
            where = f" in {ev['place']}" if ev["place"] else ""
            who = ", ".join(ev["participants"][:3]) or " ".join(ev["summary"].split())
            day = event_day(ev["date"], ev["precision"])
            out.append(
                f"| {day} | {_md(ev['type'] + where)} | {_md(who)} | {_told(ev)} | "
                f"{', '.join(ev['conflicts']) or '—'} | `{ev['id'][:8]}` |"
            )
        out.append("")
    if b.last_run:
        r = b.last_run
        state = "" if r["finished_at"] else "; interrupted: run it again to finish"
        out += [
            f"Last ingest (run {r['id']}): {r['new']} new, {r['duplicate']} duplicate, "
            f"{r['failed']} failed{state}",
            "",
        ]
    if b.failures:
        out += ["## Could not be read", ""]
        out += [f"- {_md(f['origin'])}: {_md(f['reason'])}" for f in b.failures]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _changes_markdown(c: dict[str, Any]) -> list[str]:
    """What changed since the day: counts, then every item with its article (or event) id."""
    out = [
        f"## What changed since {c['since']}",
        "",
        "By publication day"
        + (f" (the newest article's, {c['newest']}, minus one)." if c["default"] else "."),
        "",
    ]
    outlets = ", ".join(f"{_md(o)} {n}" for o, n in c["outlets"].items())
    undated = f" ({c['undated']} undated, not counted)" if c["undated"] else ""
    out.append(
        f"- {_plain_n(c['articles'], 'article')} published" + (f": {outlets}" if outlets else "") + undated
    )
    if c["statements"]:
        quoted = ", ".join(f"{_md(q['name'])} {_quoted_in(q)}" for q in c["most_quoted"])
        out.append(
            f"- {_plain_n(c['statements'], 'statement')} by known speakers; most widely quoted: {quoted}"
        )
    if c["new_actors"]:
        out.append("- quoted for the first time: " + ", ".join(_md(a["name"]) for a in c["new_actors"]))
    for m in c["moved_positions"]:
        where = f" `{m['article_id'][:8]} {m['span'][0]}-{m['span'][1]}`" if m["article_id"] else ""
        moved = f"{_md(m['row_name'])} on {_md(m['issue'])}: {m['before']} → **{m['after']}**"
        out.append(f"- {m['date'] or UNKNOWN} {moved}{where}")
    for p in c["new_positions"]:
        span = f"{p['article_id'][:8]} {p['span'][0]}-{p['span'][1]}"
        taken = f"{_md(p['row_name'])} on {_md(p['issue'])}: **{p['position']}** (new)"
        out.append(f"- {p['date'] or UNKNOWN} {taken} `{span}`")
    for x in c["contested"]:
        if not x.get("in_dossier", True):
            continue  # touching neither the dossier's parties nor its issues: `parley contested` has it
        sides = "; ".join(f"{_md(side_label(s))} ({_told(s)})" for s in x["sides"])
        out.append(
            f"- {x['date'] or UNKNOWN} contested ({x['kind']}): {_md(x['subject'])} — {sides} `{x['id'][:8]}`"
        )
    for ev in c["events"]:
        who = ", ".join(ev["participants"][:3]) or "-"  # actors only
        out.append(
            f"- {ev['date'] or UNKNOWN} {ev['type']} ({ev['status']}, first reported "
            f"{ev['first_reported']}): {_md(who)} ({_told(ev)}) `{ev['id'][:8]}`"
        )
    return [*out, ""]


def _told(item: dict[str, Any]) -> str:
    """ "8 sources, 4 independent" (the second part when it is known)."""
    known = item.get("independent") is not None
    return _plain_n(item["sources"], "source") + (f", {item['independent']} independent" if known else "")


_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    """Article words made inert in Markdown: no emphasis, links, HTML or table breaks."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _plain_n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _quoted_in(q: dict) -> str:
    """ "3" statements, or "3 in 2 articles" when the row counts its articles."""
    n = q.get("articles")
    return f"{q['statements']}" if n is None else f"{q['statements']} in {_plain_n(n, 'article')}"
