"""Split a text into paragraphs and take out everything that is not story.

In order, each step written where it runs in :func:`clean_lines`:

1. characters: zero-width and odd space and hyphen characters made plain (``characters.py``);
2. a trailing ``## Links`` list of the page's links is taken off (``markdown.py``);
3. each line is read as markdown: links become their words, images, footnote marks, emphasis
   and heading marks go (``markdown.py``);
4. single lines go when they are empty, an image, a rule, bare URLs, a "Source:" or "Published:"
   line, a line that is only a date before the story, boilerplate or a caption
   (``boilerplate.py``), a link title in a "Related" block (after the story has begun), or the
   title repeated; the teasers of a "Related" list that ends the page ("Useful reading:" and a
   few short summaries of other stories, quoting no one) go too; a kept line loses a copyright
   notice at its end, and a section heading set off by dashes ("- 'Heading' -") its dashes and
   quote marks;
5. runs of menu lines and lists of linked headlines go (``navigation.py``);
6. footnote numbers glued to a sentence's end go (``footnotes.py``), and the lines of a sentence
   a crawler broke where a link, an emphasis or a drop cap stood are joined (``joins.py``);
7. an editor's note to the reader goes, and so does a paragraph that repeats an earlier one; a
   heading in capitals run into its paragraph is put on a line of its own (``asides.py``).

Every line taken out is returned (as it was read) for the article's audit trail, and the words
each footnote mark or number taken out of a kept line followed (``footnotes.noted_words``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from parley.clean.asides import is_editor_note, split_run_in_headings
from parley.clean.boilerplate import (
    CREDIT_TAIL,
    MAX_BOILERPLATE_CHARS,
    PUBLISHED_LINE,
    RELATED_HEADER,
    SOURCE_LINE,
    ends_statement,
    is_boilerplate,
    is_title_case,
)
from parley.clean.characters import normalise_characters
from parley.clean.footnotes import drop_footnote_numbers, footnote_notes
from parley.clean.joins import join_broken_lines
from parley.clean.markdown import URLISH, key, read_line, split_link_appendix
from parley.clean.navigation import MAX_TEASER_WORDS, MENU_WORDS, Line, drop_menus
from parley.clean.pubdate import parse_date_line

__all__ = ["CleanText", "clean_lines"]

# A line that ends like a sentence and has this many words is story: the lead and what follows.
STORY_WORDS = 12
# A line that is only a date is read as the publication date before this many story paragraphs.
DATE_LINE_ZONE = 2
# Separators between a headline and the site's name in a page title: "Headline | Outlet".
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[|–—-]\s+")  # (?<!\s): linear on long runs of space
# A cookie or consent dialog starts with a line like this, and its lines speak of these things.
CONSENT_START = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:consent|settings)\b", re.IGNORECASE
)
MAX_CONSENT_CHARS = 600
CONSENT_WORDS = re.compile(
    r"\b(?:cookies?|websites?|visitors?|users?'?|user[’']s|browsers?|consent|advertis\w*|analytics|track\w*"
    r"|personal (?:data|information)|storage|domains?|providers?|embedded|session|third[- ]part(?:y|ies))\b",
    re.I,
)

# A section heading set off by dashes, its words quoted or not: "- 'Sirens and shrapnel' -". Its
# words are kept without the marks, so that no one is taken to say them.
SECTION_HEADING = re.compile(r"^-\s+[\"'‘“]?(?P<words>[^\"'‘’“”\n]{2,80}?)[\"'’”]?\s+-$")
# The teasers below a "Related" header that ends a page: at most this many.
MAX_END_TEASERS = 6
MAX_RELATED_HEADER_WORDS = 6
QUOTE_MARKS = re.compile(r"[\"“”«»„]")
# A copyright or source notice at the end of a paragraph ("... Source : © Some Body, 2026 - XY"):
# it goes, the paragraph stays.
COPYRIGHT_TAIL = re.compile(r"\s*(?:\bsource\s*:\s*)?(?:©|\(c\)|\bcopyright\b)[^.!?©]{0,80}$", re.IGNORECASE)


@dataclass(frozen=True)
class CleanText:
    paragraphs: list[str]
    removed: list[str]
    source_refs: list[str]  # the values of "Source: ..." lines
    published_lines: list[str]  # the values of "Published: ..." lines
    date_lines: list[dt.date]  # lines that are only a date, before the story
    links: list[tuple[str, str]]  # (words, URL) of the links in the kept text
    noted: list[str]  # the words each footnote mark taken out of the kept text followed


def clean_lines(text: str, title: str | None, url: str | None = None) -> CleanText:
    text = normalise_characters(text)
    read = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    body, appendix, appendix_links = split_link_appendix([line for line in read if line])
    anchors = {key(words) for words, _ in appendix_links if not URLISH.fullmatch(words) and key(words)}
    title_keys = _title_keys(title)
    max_title = len(title or "") + 10
    lines: list[Line] = []
    notes: list[list[str]] = []  # for each line, what its footnote marks followed
    title_lines: list[Line] = []
    refs: list[str] = []
    published: list[str] = []
    date_lines: dict[int, dt.date] = {}  # index in lines -> the date of a line that is only a date
    tails: list[str] = []  # credit lines cut from the end of a paragraph
    stories = 0  # story paragraphs so far, as the lines are first read
    in_related_block = in_consent_block = after_title = False
    related_header = -1  # the last "Related" header after the story began
    for raw in body:
        md = read_line(raw, url)
        plain = md.text.removeprefix("- ")
        linked = md.link_only or (bool(anchors) and key(plain) in anchors)
        line = Line(raw, md.text, link=linked, bullet=md.text != plain)
        line.links = md.links
        lines.append(line)
        notes.append(list(md.noted))
        short = len(plain) <= MAX_BOILERPLATE_CHARS
        line.kept = False  # until it passes every test below
        if md.rule or md.image or md.url_only or not re.search(r"\w", plain):
            line.marker = md.link_only
        elif short and (match := SOURCE_LINE.match(plain)):
            refs.append(match.group("ref"))
        elif short and (match := PUBLISHED_LINE.match(plain)) and any(c.isdigit() for c in plain):
            published.append(match.group("date"))
        elif date := parse_date_line(plain):
            date_lines[len(lines) - 1] = date
        elif in_consent_block and (len(plain.split()) <= MENU_WORDS or CONSENT_WORDS.search(plain)):
            pass  # a cookie or consent dialog: its settings, its cookies and what they do
        elif len(plain) <= MAX_CONSENT_CHARS and CONSENT_START.search(plain):
            in_consent_block = True
        elif is_boilerplate(plain):
            in_related_block = stories > 0 and bool(RELATED_HEADER.match(plain))
            related_header = len(lines) - 1 if in_related_block else related_header
        elif stories > 0 and short and RELATED_HEADER.match(plain) and not ends_statement(plain):
            in_related_block = True
            related_header = len(lines) - 1
        elif in_related_block and short and not ends_statement(plain):
            pass  # a link title in a related-articles block
        elif len(plain) <= max_title and key(plain) in title_keys:
            title_lines.append(line)  # the title repeated in the body
            after_title = True
            continue
        else:
            line.kept = True
            if heading := SECTION_HEADING.match(line.text):
                line.text, line.bullet, plain = heading.group("words"), False, heading.group("words")
            elif (notice := COPYRIGHT_TAIL.search(line.text)) and notice.start() > 0:
                line.text = line.text[: notice.start()].rstrip()
            elif (credit := CREDIT_TAIL.search(line.text)) and credit.start() > 0:
                tails.append(credit.group().strip())  # "... (Writing by A; Editing by B)": page furniture
                line.text = line.text[: credit.start()].rstrip()
            in_related_block = in_consent_block = False
            line.standfirst = after_title and not ends_statement(plain) and len(plain.split()) > MENU_WORDS
            if _is_story(plain):
                stories += 1
        after_title = False
    labels = [line for line in _speaker_labels(lines) if line.kept]
    drop_menus(lines)
    _drop_end_teasers(lines, related_header)
    for line, found in zip(lines, notes, strict=True):
        if line.kept:
            found += footnote_notes(line.text)
            line.text = drop_footnote_numbers(line.text)
    join_broken_lines(lines, _story_started(lines))
    editors = [line for line in lines if line.kept and is_editor_note(line.text)]
    if len(editors) < sum(line.kept for line in lines):  # never all the text there is
        for line in editors:
            line.kept = False
    _drop_repeats(lines)
    for line in labels:  # a transcript's "Jane Roe:" lines are neither a menu nor repeats
        line.kept = True
    dates = _publication_date_lines(lines, date_lines)
    if not any(line.kept for line in lines) and title_lines:
        # The title is all the text there is (a one-line file): it is the body, not a repeat.
        title_lines[0].kept = True
    kept = [line for line in lines if line.kept]
    started = [seen for line, seen in zip(lines, _story_started(lines), strict=True) if line.kept]
    noted = [words for line, found in zip(lines, notes, strict=True) if _present(line) for words in found]
    return CleanText(
        paragraphs=split_run_in_headings([line.text for line in kept], started),
        removed=[line.raw for line in lines if not line.kept and not line.joined] + tails + appendix,
        source_refs=refs,
        published_lines=published,
        date_lines=dates,
        links=_links(kept, [line for line in lines if _present(line)], appendix_links),
        noted=list(dict.fromkeys(noted)),
    )


def _title_keys(title: str | None) -> set[str]:
    """The title, and its headline without the site name ("Headline | Outlet")."""
    if not title:
        return set()
    keys = {key(title)}
    headline = max(TITLE_SEPARATORS.split(title.strip()), key=len)
    if len(headline.split()) >= 3:
        keys.add(key(headline))
    return keys - {""}


def _is_story(line: str) -> bool:
    return ends_statement(line) and len(line.split()) >= STORY_WORDS and not is_title_case(line)


def _story_started(lines: list[Line]) -> list[bool]:
    """For each line, whether a kept story paragraph stands above it."""
    started, seen = [], False
    for line in lines:
        started.append(seen)
        seen = seen or (line.kept and _is_story(line.text))
    return started


def _publication_date_lines(lines: list[Line], date_lines: dict[int, dt.date]) -> list[dt.date]:
    """The dates of the lines that are only a date before the second story paragraph, the one
    nearest the start of the story first: the last one above the lead (a site's own date can
    stand higher, in its header), else the first one below it. A date line further down that
    stands between two kept paragraphs (a heading in a timeline) is put back in the text."""
    above: list[dt.date] = []
    below: list[dt.date] = []
    stories = 0
    for index, line in enumerate(lines):
        if index in date_lines:
            if stories < DATE_LINE_ZONE:
                (above if stories == 0 else below).append(date_lines[index])
            elif 0 < index < len(lines) - 1 and _present(lines[index - 1]) and _present(lines[index + 1]):
                line.kept = True
        elif line.kept and _is_story(line.text):
            stories += 1
    return above[::-1] + below


def _present(line: Line) -> bool:
    """Kept, or kept as a part of the line before it (``joins.py``)."""
    return line.kept or line.joined


def _drop_end_teasers(lines: list[Line], header: int) -> None:
    """The teasers after a short "Related" header that introduces them ("Useful reading:", "Other
    topics you might like:") when they end the page: at most ``MAX_END_TEASERS`` lines after it,
    each of up to ``MAX_TEASER_WORDS`` words and quoting no one (the summary of another story). A
    list's title without a colon ("Most Popular") may stand anywhere and is left to the menus."""
    header_words = lines[header].text.split() if header >= 0 else []
    if not header_words or len(header_words) > MAX_RELATED_HEADER_WORDS or not header_words[-1].endswith(":"):
        return
    after = [line for line in lines[header + 1 :] if line.kept]
    if len(after) > MAX_END_TEASERS:
        return
    if all(line.words <= MAX_TEASER_WORDS and not QUOTE_MARKS.search(line.text) for line in after):
        for line in after:
            line.kept = False


# A transcript's speaker label alone on its line: a name of two to five capitalised words and a colon
SPEAKER_LABEL = re.compile(r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|da|van|von|al|bin|la|le)){1,4}:")


def _speaker_labels(lines: list[Line]) -> list[Line]:
    """Lines that are a transcript's speaker labels ("Jane Roe:" before each of her answers): the
    same name and a colon alone on a line at least twice, and no boilerplate or list header. Runs
    of them, once the lost questions leave them side by side, read like a menu."""
    texts = [line.text.strip() for line in lines]
    times = Counter(texts)
    return [
        line
        for line, text in zip(lines, texts, strict=True)
        if SPEAKER_LABEL.fullmatch(text)
        and times[text] >= 2
        and not is_boilerplate(text)
        and not RELATED_HEADER.match(text)
    ]


def _drop_repeats(lines: list[Line]) -> None:
    seen: set[str] = set()
    for line in lines:
        if not line.kept:
            continue
        line_key = key(line.text) if len(line.text) < 300 else line.text.casefold()
        if line_key in seen:
            line.kept = False
        seen.add(line_key)


def _links(kept: list[Line], read: list[Line], appendix: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Links of the kept lines; from a ``## Links`` list, those whose words are a line of the text
    as read (kept, or joined to the line before it)."""
    found = [link for line in kept for link in line.links]
    if appendix:
        on_own_line = {key(line.text.removeprefix("- ")) for line in read if len(line.text) < 300}
        found += [(words, url) for words, url in appendix if key(words) in on_own_line]
    return list(dict.fromkeys(found))
