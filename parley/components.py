"""The built-in pipeline components, registered the same way a plugin registers its own."""

from __future__ import annotations

from parley.extract.attribution import extract_attributions
from parley.extract.events import find_events
from parley.extract.mentions import find_mentions
from parley.extract.statements import build_statements
from parley.pipeline import Analysis, Context, Step, component


@component("mentions", requires=("doc",), produces=("mentions",))
def mentions(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        return {"mentions": tuple(find_mentions(a.parsed, a.article.id, ctx.registry))}

    return step


@component("attributions", requires=("doc",), produces=("attributions",))
def attributions(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        return {"attributions": tuple(extract_attributions(a.parsed))}

    return step


@component("times", requires=("article",), produces=("times",))
def times(ctx: Context) -> Step:
    from parley.extract.timex import find_time_expressions

    def step(a: Analysis) -> dict:
        return {"times": tuple(find_time_expressions(a.article.text, a.article.published))}

    return step


@component("statements", requires=("doc", "attributions", "mentions", "times"), produces=("statements",))
def statements(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        found = build_statements(
            a.article, a.parsed, a.attributions, a.mentions, a.times, ctx.registry, ctx.parser_name
        )
        return {"statements": tuple(found)}

    return step


@component("events", requires=("doc", "mentions", "times", "attributions"), produces=("events",))
def events(ctx: Context) -> Step:
    def step(a: Analysis) -> dict:
        found = find_events(a.parsed, a.article.id, a.mentions, a.times, a.attributions, ctx.registry)
        return {"events": tuple(found)}

    return step
