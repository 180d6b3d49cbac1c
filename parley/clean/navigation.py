"""Runs of lines that together are page furniture, though no single line says so.

A menu, a tag list or a "most read" list is many short lines in a row that do not end like
sentences; a list of linked headlines is such a run where many lines are links. Both are told
apart from a story's own short lines:

- a **run** is a stretch of consecutive kept lines none of which ends like a statement (with a
  full stop: a headline may end with "?");
- a line is **menu-like** when it is a link, or has at most ``MENU_WORDS`` words, or is a
  headline in title case, and is neither a bullet of a list nor a *fragment*: prose a crawler
  broke where a link stood, "railway hub of about" / "27,000 people" (see ``_fragments``);
- a run with ``MIN_MENU_LINES`` menu-like lines loses them, and when they are at least half of
  it, its other lines of up to ``MAX_HEADLINE_WORDS`` words too (the headlines of a story list),
  but never the standfirst under the article's headline; a run where at least a third of the
  lines (and at least two) are links loses every line but its fragments;
- a short sentence left alone between two removed runs (a weather line, "Don't have an account?")
  goes with them.

A story's headings stand alone between paragraphs and its lists are bullets, so neither is a run.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.clean.boilerplate import ends_statement, is_title_case

__all__ = ["Line", "drop_menus"]

MENU_WORDS = 5
MIN_MENU_LINES = 4
PROSE_WORDS = 5  # a line this long, not ending a sentence, may run on into a fragment
MAX_ISLAND_WORDS = 12
MAX_HEADLINE_WORDS = 20
FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for with from and or but that which who was were is are has have had "
    "as than about into its their his her our this these those be been".split()
)


@dataclass
class Line:
    raw: str  # as read, for the audit trail
    text: str  # plain text
    link: bool = False  # only a link's words (or an empty link)
    kept: bool = True
    marker: bool = False  # removed, but a link, so it still counts in the run it stood in
    bullet: bool = False
    standfirst: bool = False  # the line under the headline: never taken as part of a menu
    links: tuple[tuple[str, str], ...] = ()  # (words, URL) of the links on the line

    @property
    def words(self) -> int:
        return len(self.text.split())


def drop_menus(lines: list[Line]) -> None:
    """Mark the lines of menu runs and link lists as not kept (see the module docstring)."""
    present = [line for line in lines if line.kept or line.marker]
    removed_runs: list[tuple[int, int]] = []
    start = 0
    while start < len(present):
        if present[start].kept and ends_statement(present[start].text):
            start += 1
            continue
        end = start
        while end < len(present) and (present[end].marker or not ends_statement(present[end].text)):
            end += 1
        if _drop_run(present[start:end]):
            removed_runs.append((start, end))
        start = end
    _drop_islands(present, removed_runs)


def _drop_run(run: list[Line]) -> bool:
    fragments = _fragments(run)
    menu_like = [
        line
        for line, fragment in zip(run, fragments, strict=True)
        if not fragment and (line.link or (not line.bullet and _menu_words(line)))
    ]
    links = [line for line, fragment in zip(run, fragments, strict=True) if line.link and not fragment]
    if len(links) >= 2 and 3 * len(links) >= len(run):
        for line, fragment in zip(run, fragments, strict=True):
            line.kept = line.kept and (fragment or line.standfirst)
        return True
    if len(menu_like) >= MIN_MENU_LINES:
        dense = 2 * len(menu_like) >= len(run)
        menu_ids = {id(line) for line in menu_like}
        for line, fragment in zip(run, fragments, strict=True):
            headline = dense and not fragment and not line.bullet and line.words <= MAX_HEADLINE_WORDS
            if (id(line) in menu_ids or headline) and not line.standfirst:
                line.kept = False
        return True
    return False


def _menu_words(line: Line) -> bool:
    return line.words <= MENU_WORDS or (line.words <= MAX_HEADLINE_WORDS and is_title_case(line.text))


def _fragments(run: list[Line]) -> list[bool]:
    """Lines of prose broken by a crawler: a fragment, and the line of prose it continues.

    Some crawlers put each link's words on a line of their own and lose the words after it, so a
    paragraph becomes "Kupiansk was a quiet railway hub of about" / "27,000 people" /
    "liberated". A fragment is a line that follows one cut off after a comma, an opening quote
    or a word no menu item ends with ("hub of about"), or follows a line of prose (or another
    fragment) and either starts in lower case with more than one word ("27,000 people") or is a
    link. A lone lower-case word that is no link after a headline is a page control
    ("caret-right"); a capitalised line after a headline is the next menu item.
    """
    flags: list[bool] = []
    for index, line in enumerate(run):
        previous = run[index - 1] if index else None
        if previous is None or not previous.kept:
            flags.append(False)
            continue
        first = line.text[:1]
        starts_low = first.islower() or (first.isdigit() and any(c.isalpha() for c in line.text))
        words = previous.text.lower().split()
        cut_off = previous.words >= 3 and (previous.text[-1:] in ',;–—-“‘"(' or words[-1] in FUNCTION_WORDS)
        # a sentence, not a headline or a name: "Last week, Ukrainian President Volodymyr Zelensky"
        sentence_like = not is_title_case(previous.text) or "," in previous.text
        sentence_like = sentence_like or any(word in FUNCTION_WORDS for word in words[1:])
        prose = previous.words >= PROSE_WORDS and not previous.link and sentence_like
        if starts_low:
            flags.append(cut_off or ((line.link or line.words >= 2) and (prose or flags[-1])))
        else:  # a capitalised link continues a line of prose, never a chain of links
            flags.append(line.link and (cut_off or prose))
        if flags[-1]:
            flags[index - 1] = True  # the start of the broken sentence is prose too
    return flags


def _drop_islands(present: list[Line], removed_runs: list[tuple[int, int]]) -> None:
    for (_, first_end), (second_start, _) in zip(removed_runs, removed_runs[1:], strict=False):
        island = present[first_end:second_start]
        if 0 < len(island) <= 2 and all(line.words <= MAX_ISLAND_WORDS for line in island):
            for line in island:
                line.kept = False
