"""Commands that read records: ``articles``, ``quotes`` and ``timeline``, each a list with
filters, or one record whole by its id (a unique prefix is enough)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.lookups import (
    event_day,
    event_types,
    find_article,
    find_event,
    find_statement,
    match_actors,
    sentence_context,
)
from parley.models import Actor, Event, Statement
from parley.present.export import article_record, as_record
from parley.present.options import (
    day,
    err,
    json_option,
    one_of,
    out,
    parse_date,
    shown,
    store_options,
    wrap,
)
from parley.present.signals import signal_line
from parley.signals import article_signals
from parley.store import ArticleFilter, EventFilter, StatementFilter, Store
from parley.wording import clip_words

CLIPPED = 160  # characters of a statement a list shows without --full
ARTICLE_FIELDS = "id title outlet url published published_from cites language author origin".split()


def _json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _fields(console: Console, pairs: list[tuple[str, Any]]) -> None:
    """One record's fields, a name and its value a line (long values wrap under themselves)."""
    width = max(len(k) for k, _ in pairs) + 1  # every name indented, the longest by one
    for key, value in pairs:
        lines = wrap(shown(value), console.width, width + 2, indent=width + 2) or [""]
        console.print(Text.assemble((f"{key:>{width}}", "bold"), "  ", lines[0].lstrip()))
        for line in lines[1:]:
            console.print(line, markup=False)


# -- articles --------------------------------------------------------------------------------------


@click.command()
@click.argument("article_id", required=False)
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD", help="Published on or after YYYY-MM-DD.")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD", help="Published on or before YYYY-MM-DD.")
@click.option("--contains", help="Only articles whose title or text contains this.")
@click.option("--limit", type=int, help="At most this many.")
@json_option
@store_options
def articles(store: Store, article_id: str | None, as_json: bool, **filters: Any) -> None:
    """List stored articles, or show one by its id (a unique prefix is enough)."""
    console = out()
    if article_id:
        article = find_article(store, article_id)
        record = article_record(article)
        if as_json:
            return _json(record)
        _fields(console, [(key, record[key]) for key in ARTICLE_FIELDS])
        warnings = article_signals(store, article.id)
        if warnings:  # the reasons to read it closely, before the text they point into
            console.print()
            console.print(f"warning signs ({len(warnings)}; `parley signals` lists all)", style="bold")
            for s in warnings:
                for line in signal_line(s, min(console.width, 100), indent=2):
                    console.print(line, markup=False, overflow="ignore", crop=False)
        console.print()
        console.print(article.text, markup=False)
        return
    found = list(store.articles(ArticleFilter(**filters)))
    if as_json:
        return _json([{k: v for k, v in article_record(a).items() if k != "text"} for a in found])
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=10)
    table.add_column("published", no_wrap=True, min_width=10)
    cites = any(a.cites for a in found)  # the column only when some article cites another outlet
    for column in ("outlet", "title", *(["cites"] if cites else [])):
        table.add_column(column)
    for a in found:
        table.add_row(a.id[:10], day(a.published), shown(a.outlet), a.title, *([", ".join(a.cites)] * cites))
    console.print(table)
    console.print(f"{len(found)} articles")


# -- quotes ----------------------------------------------------------------------------------------


@click.command()
@click.argument("statement_id", required=False)
@click.option("--speaker", help="Resolved speaker: an actor's name, any alias, or id.")
@click.option("--speaker-text", help="The words used for the speaker in the article (any part).")
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD", help="Said on or after YYYY-MM-DD.")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD", help="Said on or before YYYY-MM-DD.")
@click.option("--contains", help="Only statements whose text contains this.")
@click.option("--kind", type=click.Choice(["direct", "reported"]), help="Direct quotes or reported speech.")
@click.option(
    "--article", "article_id", metavar="ID", help="Only statements from this article (id or prefix)."
)
@click.option("--limit", type=int, help="At most this many.")
@click.option("--full", is_flag=True, help=f"Whole statements (a list cuts them at {CLIPPED} characters).")
@json_option
@store_options
def quotes(
    store: Store,
    statement_id: str | None,
    speaker: str | None,
    article_id: str | None,
    full: bool,
    as_json: bool,
    **filters: Any,
) -> None:
    """Who said what: quotes and reported statements with their resolved speakers, or one
    statement whole, in its sentence, by its id (a unique prefix is enough)."""
    actors = {a.id: a for a in store.actors()}
    if statement_id:
        statement = find_statement(store, statement_id)
        return _json(as_record("statement", statement)) if as_json else _statement(store, statement, actors)
    speakers = match_actors(actors.values(), speaker) if speaker else None
    if speakers and len(speakers) > 1 and not as_json:
        err().print("speaker: " + ", ".join(f"{a.name} ({a.id})" for a in speakers), markup=False)
    where = StatementFilter(
        speaker_actor_ids=tuple(a.id for a in speakers) if speakers else None,
        article_id=find_article(store, article_id).id if article_id else None,
        **filters,
    )
    found = list(store.statements(where))
    if as_json:
        return _json([as_record("statement", s) for s in found])
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=8)
    table.add_column("said on", no_wrap=True, min_width=10)
    for column in ("speaker", "cue", "statement"):
        table.add_column(column)
    cut = 0
    for s in found:
        text = " ".join(s.text.split())
        cut += not full and len(text) > CLIPPED
        who = (
            Text(actors[s.speaker_actor_id].name)
            if s.speaker_actor_id in actors
            else Text(shown(s.speaker), "dim")
        )
        text = f"({NESTED[s.embedded_in]}) {text}" if s.embedded_in in NESTED else text
        text = f"(ascribed) {text}" if s.ascribed else text
        table.add_row(s.id[:8], day(s.said_on), who, s.cue or "", text if full else clip_words(text, CLIPPED))
    console = out()
    console.print(table)
    notes = [f"{cut} cut short: --full, or `parley quotes ID` for one whole"] if cut else []
    if nested := sum(s.embedded_in is not None for s in found):
        notes.append(f"{nested} denied, asked or relayed (so marked), not counted as the speaker's own claim")
    if ascribed := sum(s.ascribed for s in found):
        notes.append(
            f"{ascribed} ascribed: a thought, wish or stand the article gives the speaker, not words said"
        )
    note = f" ({'; '.join(notes)})" if notes else ""
    console.print(f"{len(found)} statements{note}", markup=False)


# what a nested statement is to the speaker it is listed under (``Statement.embedded_in``)
NESTED = {"denial": "denied", "question": "asked", "report": "relayed"}


def _statement(store: Store, s: Statement, actors: dict[str, Actor]) -> None:
    article = find_article(store, s.article_id)
    actor = actors.get(s.speaker_actor_id or "")
    console = out()
    _fields(
        console,
        [
            ("id", s.id),
            ("speaker", f"{actor.name} ({actor.id})" if actor else None),
            ("speaker words", s.speaker),
            ("cue", s.cue),
            ("kind", s.kind + (f", {s.channel}" if s.channel else "")),
            ("said on", f"{day(s.said_on)} (from {s.said_on_from})"),
            ("article", f"{article.id}  {article.title}"),
            ("outlet", f"{shown(article.outlet)}, {day(article.published)}"),
            ("span", f"{s.span.start}-{s.span.end}"),
            ("extractor", s.extractor or None),
        ],
    )
    console.print()
    console.print(s.text, markup=False)
    before, said, after = sentence_context(article.text, s.span)
    console.print()
    console.print(Text("In its sentence:", "bold"))
    console.print(Text.assemble(before.lstrip(), (said, "bold"), after.rstrip()))


# -- timeline --------------------------------------------------------------------------------------


@click.command()
@click.argument("event_id", required=False)
@click.option("--actor", help="Only events with this participant (name, alias or id).")
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD", help="On or after YYYY-MM-DD.")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD", help="On or before YYYY-MM-DD.")
@click.option(
    "--type",
    "event_type",
    metavar="TYPE",
    callback=one_of(event_types, "an event type"),
    help="Only this event type (docs/events.md lists them).",
)
@click.option("--sources", "show_sources", is_flag=True, help="List each event's sources and conflicts.")
@json_option
@store_options
def timeline(
    store: Store,
    event_id: str | None,
    actor: str | None,
    since: dt.date | None,
    until: dt.date | None,
    event_type: str | None,
    show_sources: bool,
    as_json: bool,
) -> None:
    """What happened when: events merged across articles, with their sources; or one event by
    its id (a unique prefix is enough)."""
    actors = {a.id: a for a in store.actors()}
    if event_id:
        event = find_event(store, event_id)
        if as_json:
            return _json(as_record("event", event))
        return _event(out(), event, actors, whole=True)
    ids = tuple(a.id for a in match_actors(actors.values(), actor)) if actor else None
    found = store.events(EventFilter(actor_ids=ids, since=since, until=until, type=event_type))
    if as_json:
        return _json([as_record("event", e) for e in found])
    console = out()
    for e in found:  # a line or two an event: a table of eight columns is unreadable at 80
        names = ", ".join(actors[p].name if p in actors else p for p in e.participants[:4])
        where = f" in {e.place}" if e.place else ""
        n = e.source_articles  # articles, not the spans that tell of it
        told = "; ".join(filter(None, [f"{n} source{'s' * (n != 1)}", _details(e)]))
        lines = wrap(
            f"{_event_day(e)}  {e.type}{where}: {names or '-'} ({told})  {e.id[:8]}", console.width, 4
        )
        for line in lines:
            console.print(line, markup=False)
        for line in wrap(clip_words(e.summary, 100), console.width, 4, indent=4):
            console.print(line, style="dim", markup=False)
    console.print(f"{len(found)} events")
    if show_sources:
        for e in found:
            _event(console, e, actors, whole=False)


def _event(console: Console, e: Event, actors: dict[str, Actor], whole: bool) -> None:
    if whole:
        names = [f"{actors[p].name} ({p})" if p in actors else p for p in e.participants]
        pairs: list[tuple[str, Any]] = [("id", e.id), ("date", _event_day(e)), ("type", e.type)]
        pairs += [("status", e.status)]
        pairs += [("participants", names), ("place", e.place), ("details", _details(e) or None)]
        _fields(console, pairs)
        console.print()
        console.print(e.summary, markup=False)
        console.print()
        console.print(Text("Sources:", "bold"))
    else:
        console.print()
        console.print(Text.assemble((f"{_event_day(e)} {e.type}", "bold"), f" {e.id}"))
    for src in e.sources:
        told = (
            f"{shown(src.outlet)} ({day(src.published)}) {src.article_id[:8]} "
            f"{src.span.start}-{src.span.end}: date {event_day(src.date, src.precision)}, "
            f"place {shown(src.place)}, duration {shown(src.duration)}"
        )
        for line in wrap(told, console.width, 4, indent=2):
            console.print(line, markup=False)
    for key, values in e.conflicts.items():
        said = "; ".join(f"{t['value']} ({t['article_id'][:8]})" for t in values)
        head = f"  {key} disagrees:"
        lines = wrap(f"{head} {said}", console.width, 4, indent=2)
        console.print(Text.assemble((head, "yellow"), lines[0][len(head) :]))
        for line in lines[1:]:
            console.print(line, markup=False)


def _details(e: Event) -> str:
    return ", ".join(
        filter(
            None,
            [
                e.duration and f"lasted {e.duration}",
                *(f"{k} {v}" for k, v in e.figures.items()),
                e.status if e.status != "reported" else None,
                "conflicting " + "/".join(e.conflicts) if e.conflicts else None,
            ],
        )
    )


def _event_day(e: Event) -> str:
    return event_day(e.date, e.precision)
