"""The header block of a plain-text article: the short lines between the title and the story.

Pages saved as text keep their bylines and date lines (``By A. Writer, Some Outlet``,
``Nov. 25, 2025, 6:40 p.m. ET``, ``The Meridian Post | Foreign desk``,
``New Delhi | December 3, 2025 | Outlet World Desk``). They are metadata, not story: they are
read for author, outlet and publication date, and moved out of the text (kept in ``removed``).
Only lines before the first story paragraph are looked at, and only short lines that do not end
like a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from parley.clean.dateline import MONTH_PATTERN, parse_month_day

MAX_HEADER_LINES = 6
MAX_HEADER_CHARS = 100

_FULL_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|{MONTH_PATTERN} \d{{1,2}},? \d{{4}}"
    rf"|\d{{1,2}} {MONTH_PATTERN},? \d{{4}})\b"
)
_BYLINE = re.compile(r"^By\s+(?P<author>[^,|]+?)(?:\s*[,|]\s*(?P<outlet>[^,|]+))?$")
_SECTION = re.compile(
    r"\s*\b(?:(?:Foreign|World|Political|Politics|News|International|Diplomatic|Europe|Business)\s*)+"
    r"(?:desk|section)?$|\s*\bdesk$",
    re.I,
)
_TITLE_WORDS = re.compile(r"^(?:The |Le |La |Der |Die |El )?(?:[A-Z][\w'’&.-]*)(?: [A-Z][\w'’&.-]*){0,4}$")
_WEEKDAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", re.I)


@dataclass
class Header:
    lines: list[str] = field(default_factory=list)
    published: dt.date | None = None
    author: str | None = None
    outlet: str | None = None


def split_header(paragraphs: list[str]) -> tuple[Header, list[str]]:
    header = Header()
    index = 0
    while index < min(len(paragraphs), MAX_HEADER_LINES):
        line = paragraphs[index]
        if not _is_header_line(line) or not _read_line(line, header):
            break
        header.lines.append(line)
        index += 1
    if index == len(paragraphs):  # nothing but header-like lines: keep them as the text
        return Header(), paragraphs
    return header, paragraphs[index:]


def _is_header_line(line: str) -> bool:
    return len(line) <= MAX_HEADER_CHARS and not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))


def _read_line(line: str, header: Header) -> bool:
    """Take what the line says into ``header``; False when it is not a header line after all."""
    if match := _BYLINE.match(line):
        # "By A. Writer in Geneva and B. Writer": the place words are not part of the names
        author = re.sub(r"\s+in\s+[A-Z][\w'’.-]*(?=\s+and\b|$)", "", match.group("author").strip())
        header.author = header.author or author
        if match.group("outlet"):
            header.outlet = header.outlet or _outlet_name(match.group("outlet"))
        return True
    segments = [s.strip() for s in re.split(r"\s+[|•·]\s+", line) if s.strip()]
    names: list[str] = []
    understood = False
    for segment in segments:
        if date := _date(segment):
            header.published = header.published or date
            understood = True
        elif _TITLE_WORDS.match(segment) and not _WEEKDAY.match(segment):
            names.append(segment)
            understood = True
    if names and header.outlet is None:
        # "Outlet | Section", "Place | date | Outlet World Desk", or a line that is only a name:
        # the segment with a desk/section word wins, else the last name on a multi-part line.
        names = [n for n in names if _outlet_name(n)]  # a bare section name ("Politics") is not one
        with_section = [n for n in names if _SECTION.search(n)]
        if names:
            chosen = with_section[0] if with_section else names[0] if len(segments) <= 2 else names[-1]
            header.outlet = _outlet_name(chosen)
    return understood


def _date(segment: str) -> dt.date | None:
    if not _FULL_DATE.search(segment):
        return None
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", segment)
    try:
        if iso:
            return dt.date(*map(int, iso.groups()))
        full = _FULL_DATE.search(segment)
        parsed = parse_month_day(full.group(0)) if full else None
        if parsed and parsed[2]:
            return dt.date(parsed[2], parsed[0], parsed[1])
    except ValueError:
        return None
    return None


def _outlet_name(segment: str) -> str | None:
    name = _SECTION.sub("", segment).strip(" -|,")
    return name or None
