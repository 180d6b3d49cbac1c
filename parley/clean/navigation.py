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
- a run with ``MIN_LIST_HEADLINES`` *list headlines* (lines of ``MIN_LIST_HEADLINE_WORDS`` to
  ``MAX_LIST_HEADLINE_WORDS`` words that start like a headline, are no bullet, no fragment and do
  not end in ":" or ","), when they and the menu-like lines make at least half of it, loses them
  and its menu-like lines: a "related stories" list whose headlines are sentences ("X says Y"),
  with or without its authors' names between them;
- a short sentence left alone between two removed runs (a weather line, "Don't have an account?")
  goes with them, and so does a single teaser of up to ``MAX_TEASER_WORDS`` words between two
  lists of headlines or links (of ``MIN_LIST_HEADLINES`` lines or more) below a story paragraph;
- *teaser cards* go: ``MIN_CARDS`` kept lines or more in a row that are each an excerpt of
  another story cut short with an ellipsis ("... the attack targeted the plant, locate..."), or
  that each open with the same sentence (a card's notice or credit repeated before its blurb:
  "(Credit: Agency) Brought to you with X. Blurb ..."), which no story's paragraphs do.

A story's headings stand alone between paragraphs and its lists are bullets, so neither is a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.clean.boilerplate import ends_statement, is_title_case

__all__ = ["Line", "drop_menus"]

MENU_WORDS = 5
MIN_MENU_LINES = 4
PROSE_WORDS = 5  # a line this long, not ending a sentence, may run on into a fragment
MAX_ISLAND_WORDS = 12
MAX_HEADLINE_WORDS = 20
MIN_LIST_HEADLINES = 4
MIN_LIST_HEADLINE_WORDS = 4
MAX_LIST_HEADLINE_WORDS = 32
MAX_LIST_HEADLINE_CHARS = 240
MAX_TEASER_WORDS = 45
MIN_CARDS = 3
MIN_CARD_OPENING_WORDS = 4
_QUOTES_ONLY = re.compile(r"[\"“”‘’«»„.,]+")
_CUT_SHORT = re.compile(r"\w(?:\.{3}|…)$")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s+\S)")
# A capitalised link of more words than this is a headline of its own, never the rest of a
# sentence a crawler broke ("... said Ukrainian President" / "Volodymyr Zelensky").
MAX_LINK_FRAGMENT_WORDS = 8
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
    joined: bool = False  # put on the line before it: a sentence a crawler broke (``joins.py``)

    @property
    def words(self) -> int:
        return len(self.text.split())


def drop_menus(lines: list[Line]) -> None:
    """Mark the lines of menu runs and link lists as not kept (see the module docstring)."""
    present = [line for line in lines if line.kept or line.marker]
    # the line right before each one as read: a line taken out between two (a "By" before an
    # author's name, a date) means they are not one broken sentence; a line that is only the quote
    # marks or the full stop around a link's words does not count
    worded = [line for line in lines if not _QUOTES_ONLY.fullmatch(line.text.strip())]
    before = {id(line): previous for previous, line in zip([None, *worded], worded, strict=False)}
    removed_runs: list[tuple[int, int, bool]] = []  # (start, end, a list of headlines or links)
    start = 0
    while start < len(present):
        if present[start].kept and ends_statement(present[start].text):
            start += 1
            continue
        end = start
        while end < len(present) and (present[end].marker or not ends_statement(present[end].text)):
            end += 1
        if kind := _drop_run(present[start:end], before):
            removed_runs.append((start, end, kind != MENU))
        start = end
    _drop_islands(present, removed_runs)
    _drop_cards([line for line in present if line.kept])


LINKS, MENU, HEADLINES = "links", "menu", "headlines"


def _drop_run(run: list[Line], before: dict[int, Line | None]) -> str | None:
    """What kind of list the run is, when it is one (its lines are then marked not kept)."""
    fragments = _fragments(run, before)
    menu_like = [
        line
        for line, fragment in zip(run, fragments, strict=True)
        if not fragment and (line.link or (not line.bullet and _menu_words(line)))
    ]
    links = [line for line, fragment in zip(run, fragments, strict=True) if line.link and not fragment]
    if len(links) >= 2 and 3 * len(links) >= len(run):
        for line, fragment in zip(run, fragments, strict=True):
            line.kept = line.kept and (fragment or line.standfirst)
        return LINKS
    headlines = [line for line, frag in zip(run, fragments, strict=True) if _list_headline(line, frag)]
    listed = {id(line): line for line in (*headlines, *menu_like)}
    if len(headlines) >= MIN_LIST_HEADLINES and 2 * len(listed) >= len(run):
        for line in listed.values():
            line.kept = line.kept and line.standfirst
        return HEADLINES
    if len(menu_like) >= MIN_MENU_LINES:
        dense = 2 * len(menu_like) >= len(run)
        menu_ids = {id(line) for line in menu_like}
        for line, fragment in zip(run, fragments, strict=True):
            headline = dense and not fragment and not line.bullet and line.words <= MAX_HEADLINE_WORDS
            if (id(line) in menu_ids or headline) and not line.standfirst:
                line.kept = False
        return MENU
    return None


def _story(line: Line) -> bool:
    return line.kept and line.words >= MAX_ISLAND_WORDS and ends_statement(line.text)


def _list_headline(line: Line, fragment: bool) -> bool:
    """A line that reads as one headline of a list of stories."""
    text = line.text
    return (
        not fragment
        and not line.bullet
        and not line.standfirst
        and MIN_LIST_HEADLINE_WORDS <= line.words <= MAX_LIST_HEADLINE_WORDS
        and len(text) <= MAX_LIST_HEADLINE_CHARS
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'“‘«")
        and not text.rstrip().endswith((":", ",", ";", "–", "—", "-"))
    )


def _menu_words(line: Line) -> bool:
    return line.words <= MENU_WORDS or (line.words <= MAX_HEADLINE_WORDS and is_title_case(line.text))


def _fragments(run: list[Line], before: dict[int, Line | None]) -> list[bool]:
    """Lines of prose broken by a crawler: a fragment, and the line of prose it continues.

    Some crawlers put each link's words on a line of their own and lose the words after it, so a
    paragraph becomes "Kupiansk was a quiet railway hub of about" / "27,000 people" /
    "liberated". A fragment is a line that follows one cut off after a comma, an opening quote
    or a word no menu item ends with ("hub of about"), or follows a line of prose (or another
    fragment) and either starts in lower case with more than one word ("27,000 people") or is a
    link. A lone lower-case word that is no link after a headline is a page control
    ("caret-right"); a capitalised line after a headline is the next menu item. A line is never
    the continuation of one it was not read right after ("By" or a date taken out between them).
    """
    flags: list[bool] = []
    for index, line in enumerate(run):
        previous = run[index - 1] if index else None
        if previous is None or not previous.kept or before.get(id(line)) is not previous:
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
        else:  # a capitalised link continues a line of prose, never a chain of links or headlines
            # (an empty link, an image's, continues nothing)
            flags.append(line.link and 0 < line.words <= MAX_LINK_FRAGMENT_WORDS and (cut_off or prose))
        if flags[-1]:
            flags[index - 1] = True  # the start of the broken sentence is prose too
    return flags


def _drop_islands(present: list[Line], removed_runs: list[tuple[int, int, bool]]) -> None:
    for (first_start, first_end, first_list), (second_start, second_end, second_list) in zip(
        removed_runs, removed_runs[1:], strict=False
    ):
        island = present[first_end:second_start]
        # a teaser of the lists' stories, once the article's own story has been told above them
        teaser = (
            first_list
            and second_list
            and min(first_end - first_start, second_end - second_start) >= MIN_LIST_HEADLINES
            and len(island) == 1
            and island[0].words <= MAX_TEASER_WORDS
            and any(_story(line) for line in present[:first_start])
        )
        if teaser or (0 < len(island) <= 2 and all(line.words <= MAX_ISLAND_WORDS for line in island)):
            for line in island:
                line.kept = False


def _drop_cards(kept: list[Line]) -> None:
    """Teaser cards in a row (see the module docstring): cut short, or opening alike."""
    start = 0
    while start < len(kept):
        end = start
        while end < len(kept) and _CUT_SHORT.search(kept[end].text.rstrip()):
            end += 1
        opening = _opening(kept[start])
        if end == start and opening:
            end = start + 1
            while end < len(kept) and _opening(kept[end]) == opening:
                end += 1
        if end - start >= MIN_CARDS:
            for line in kept[start:end]:
                # a card that quotes someone stays: no quoted words are taken out with a list
                line.kept = bool(_QUOTE_MARKS.search(line.text))
        start = max(end, start + 1)


def _opening(line: Line) -> str | None:
    """The first sentence of a line that goes on after it, when it has a few words."""
    first = _FIRST_SENTENCE.match(line.text)
    return first.group(0) if first and len(first.group(0).split()) >= MIN_CARD_OPENING_WORDS else None
