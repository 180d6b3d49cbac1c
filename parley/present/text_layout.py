"""Text laid out for a terminal: a bold heading with a dim note, a count kept on one line,
counts of sources and of who was quoted where, wrapping with a hanging indent, a line limit and a
dim tail (for :mod:`.brief`); words cut short at a word's end are :func:`parley.wording.clip_words`."""

from __future__ import annotations

import textwrap
from typing import Any

from rich.text import Text


def _heading(title: str, note: str) -> Text:
    return Text.assemble((title, "bold"), (f" ({note})", "dim"))


def _n(count: int, noun: str) -> str:
    """The count and its noun ("3 sources"), kept on one line by a no-break space that
    :func:`_wrap` makes a space again."""
    return f"{count}\N{NO-BREAK SPACE}{noun}{'' if count == 1 else 's'}"


def _quoted(q: dict[str, Any], first: bool) -> str:
    """ "Ana North 5 statements in 3 articles" (the first of a list), then "Ben South 2 in 1"."""
    if first:
        return f"{q['name']} {_n(q['statements'], 'statement')} in {_n(q['articles'], 'article')}"
    return f"{q['name']} {q['statements']} in {q['articles']}"


def _sources(n: int, independent: int | None) -> str:
    """ "5 sources, 2 independent"; "1 source" (one source is independent of none)."""
    told = "" if independent is None or n == 1 else f", {independent}\N{NO-BREAK SPACE}independent"
    return _n(n, "source") + told


def _wrap(
    text: str, width: int, indent: int = 0, hang: int | None = None, max_lines: int = 0, tail: str = ""
) -> list[Text | str]:
    """``text`` wrapped to ``width`` (``hang`` spaces before each following line); with
    ``max_lines``, cut with "…" after that many; ``tail`` (dim) ends the last line."""
    body = " ".join(text.split()) + (f"  {tail}" if tail else "")
    lines = textwrap.wrap(
        body,
        width=width,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent if hang is None else hang),
        break_on_hyphens=False,
    )
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        cut = lines[-1][: width - len(tail) - 3]  # room for "…" and the tail
        cut = cut[: cut.rfind(" ")] if " " in cut.strip() else cut  # at a word's end
        lines[-1] = cut.rstrip() + "…" + (f"  {tail}" if tail else "")
    lines = [line.replace("\N{NO-BREAK SPACE}", " ") for line in lines]
    if not tail:
        return list(lines)
    last = Text(lines[-1])
    if lines[-1].endswith(tail):
        last.stylize("dim", len(lines[-1]) - len(tail))
    return [*lines[:-1], last]
