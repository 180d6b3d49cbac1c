"""The publication date, from every place an article gives it, cross-checked.

Sources, each read on its own:

- ``metadata``: the reader's date (feed entry, HTML meta tag, JSON field). A crawler's guess can
  be wrong: a photo caption's year, the date of another story on the page, the day of an event
  the story tells. Readers ask ``echoed_date`` before they pass such a guess on (see there).
- ``url``: ``/2026/02/04/``, ``/2025/nov/24/``, ``-2026-02-01/``, ``/20260204/``; ``/2026/02/``
  gives the month only.
- ``text``: a "Published: ..." line, a header date line, or a line that is only a date (with
  weekday, time, zone, "Updated", a byline) before the second paragraph of the story.
- ``dateline``: ``MOSCOW, Feb 1 (Reuters)``. A dateline without a year takes it from the URL or
  the text (the year that puts the day nearest their date), else from the weekday the lead names
  (the most recent year, not after today, in which the day fell on it), else it has none.

Two sources agree when their dates are at most a day apart (a story filed before midnight in one
zone is published after it in another), or when the one that lacks a day or a year matches the
other on what it has. The date with the most sources agreeing wins; a tie goes to the URL, then the
text, then the dateline, then the metadata (a date the article itself gives beats a date the
software around it guessed). When the metadata agrees with the winner it is named as the source,
as before. A date that only the month of the URL, or a dateline without a year, supports is not
a date: it stays unknown, never guessed. When any source disagrees, what each one said is kept
(``Article.date_conflicts``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from parley.clean.dateline import MONTHS, parse_month_day, resolve_dateline_date
from parley.models import Dateline, PublishedFrom

__all__ = [
    "DateSaid",
    "Publication",
    "dissenting_sources",
    "echoed_date",
    "parse_date_line",
    "parse_full_date",
    "resolve_publication",
    "url_date",
]

# Among sources with as many others agreeing, the one a tie goes to.
PREFERENCE = ("url", "text", "dateline", "metadata")
AGREE_DAYS = 1
# A year is lent to a dateline only when it puts the day this close to the lender's date.
MAX_LENT_YEAR_DAYS = 183

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_YEAR = r"(?:19[89]\d|20\d\d)"
_FULL_DATES = [
    re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ][\d:.+-]+Z?)?\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})\b"),
    re.compile(rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})\b"),
    re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b", re.I),
]
# What may stand next to the date on a line that is only a date.
_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:first |last )?(?:published|posted|updated|update|date|written)(?: on| at)?\s*:?\s*)?"
    r"(?:(?:written )?by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[,|·•-]?\s*)?",
    re.I,
)
_DATE_LINE_REST = re.compile(
    rf"\b\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?\s?m\.?)?|\b\d{{1,2}}\s*[ap]\.?m\.?(?!\w)|\b{_WEEKDAY}(?!\w)"
    r"|\b(?:UTC|GMT|[ECMP][SD]?T|IST|CES?T|EES?T|MSK|BST|KST|JST|AES?T|AEDT)\b|\([^()]{0,30}\)"
    r"|\b(?:published|posted|updated?|last|first|on|at)\b|[-–—|,·•:/]",
    re.I,
)
_URL_FULL = [
    re.compile(rf"/(?P<y>{_YEAR})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?=/|$|[-_.])"),
    re.compile(rf"/(?P<y>{_YEAR})/(?P<mon>{_MONTH})/(?P<d>\d{{1,2}})(?=/|$)", re.I),
    re.compile(rf"(?<![\d])(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    re.compile(rf"(?<=[/_.-])(?P<y>{_YEAR})(?P<m>\d\d)(?P<d>\d\d)(?=[/_.-]|$)"),
]
_URL_MONTH = [
    re.compile(rf"/(?P<y>{_YEAR})/(?P<m>\d{{1,2}})(?=/|$)"),
    re.compile(rf"/(?P<y>{_YEAR})/(?P<mon>{_MONTH})(?=/|$)", re.I),
]


@dataclass(frozen=True)
class DateSaid:
    """What one source says: a day, a month (no day) or a day without a year."""

    source: PublishedFrom
    year: int | None
    month: int
    day: int | None

    @property
    def date(self) -> dt.date | None:
        if self.year is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def label(self) -> str:
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        return f"{year}-{self.month:02d}" + (f"-{self.day:02d}" if self.day is not None else "")


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    source: PublishedFrom
    conflicts: tuple[tuple[str, str], ...] = ()  # (source, what it said), when any disagreed


def resolve_publication(
    *,
    metadata: dt.date | None,
    url: str | None,
    text_dates: list[dt.date],
    dateline: Dateline | None,
    lead: str,
    today: dt.date,
) -> Publication:
    claims: list[DateSaid] = []
    if metadata is not None:
        claims.append(DateSaid("metadata", metadata.year, metadata.month, metadata.day))
    from_url = url_date(url) if url else None
    if from_url is not None:
        claims.append(from_url)
    if text_dates:
        first = text_dates[0]
        claims.append(DateSaid("text", first.year, first.month, first.day))
    if dateline is not None and (said := _dateline_said(dateline, lead, today, claims)) is not None:
        claims.append(said)
    if not claims:
        return Publication(None, "unknown")

    def rank(claim: DateSaid) -> tuple[int, int]:
        support = sum(_agree(claim, other) for other in claims)
        return support, -PREFERENCE.index(claim.source)

    top = max(claims, key=rank)
    winner = (
        top if top.date else max((c for c in claims if c.date and _agree(c, top)), key=rank, default=None)
    )
    conflicts: tuple[tuple[str, str], ...] = ()
    reference = winner or top
    if any(not _agree(reference, c) for c in claims):
        conflicts = tuple((c.source, c.label) for c in claims)
    if winner is None:
        return Publication(None, "unknown", conflicts)
    metadata_claim = next((c for c in claims if c.source == "metadata"), None)
    if metadata_claim is not None and _agree(metadata_claim, winner):
        winner = metadata_claim
    return Publication(winner.date, winner.source, conflicts)


def url_date(url: str) -> DateSaid | None:
    """The date in a URL's path: a day, or a month when the path gives no day."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:  # "http://[not-an-address/": no path to read a date from
        return None
    for pattern in _URL_FULL:
        for match in pattern.finditer(path):
            said = _said("url", match)
            if said is not None:
                return said
    for pattern in _URL_MONTH:
        for match in pattern.finditer(path):
            month = _month(match)
            if month is not None:
                return DateSaid("url", int(match.group("y")), month, None)
    return None


def parse_full_date(text: str) -> dt.date | None:
    """The first full date (with a year) in ``text``: ISO, ``27.02.2026``, ``Feb 27, 2026``..."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            said = _said("text", match)
            if said is not None and said.date is not None:
                found.append((match.start(), said.date))
                break
    return min(found)[1] if found else None


def parse_date_line(line: str) -> dt.date | None:
    """The date of a line that is nothing but a date (weekday, time, zone, "Published", a byline
    may stand next to it), else None."""
    if len(line) > 90:
        return None
    date = parse_full_date(line)
    if date is None:
        return None
    rest = _DATE_LINE_PREFIX.sub("", line.strip())
    for pattern in _FULL_DATES:
        rest = pattern.sub(" ", rest)
    rest = _DATE_LINE_REST.sub(" ", rest)
    return None if re.search(r"\w", rest) else date


# What makes a line of the page a caption of its own picture.
_CAPTION = re.compile(r"^(?:image|photo|photograph|picture|pictured)\s*:|\((?:photo|image)\b[^()]*\)", re.I)
# A line that dates the page itself ("Published: ...", "Updated ...").
_STAMP_LINE = re.compile(r"^(?:(?:first |last )?(?:published|posted|updated)|date)\b", re.I)
# Where links point: their dates are other pages' (``[words](https://.../2026-02-02/)``).
_LINK_TARGET = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)|<https?:[^>]*>|https?://\S+")
# A date this near the start of a line and followed by a dash or colon is a dateline's.
MAX_DATELINE_OFFSET = 60
_AFTER_DATELINE = re.compile(r"[.,]?\s*(?:[-–—:|]|\([A-Z][^()]{0,40}\))")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", ")")
MIN_WORDS_BEFORE = 3  # words of the sentence before a date it tells


def echoed_date(date: dt.date, *, text: str, title: str | None = None, url: str | None = None) -> str | None:
    """Why a date a reader guessed (a crawler's ``published`` field, a date found in a page's text)
    is not the publication date, or None when nothing on the page says so.

    - ``told``: it is the first full date the page writes, and it stands inside a sentence of the
      story (``The summit, held on August 15, 2025, brought ...``): the day of something the story
      tells, which a crawler took for the page's. A line anywhere that is only that date or a
      "Published" line with it, or the title naming it, make it the page's own date again; so
      does that first date standing as a dateline or in a caption (a photograph's day is often
      the day of the page).
    - ``before its picture``: a caption of the page's own picture is dated later (by more than a
      day): the page cannot be older than its photograph.

    When the URL gives the day, nothing is said: the cross-check (``resolve_publication``) lets the
    URL win a disagreement there, and keeps what each source said."""
    said = url_date(url) if url else None
    if said is not None and said.date is not None:
        return None
    if date in (d for _, _, d in _dates_at(title or "")):
        return None
    lines = [" ".join(_LINK_TARGET.sub(" ", line).split()) for line in text.splitlines()]
    dated = [(line, found) for line in lines if (found := _dates_at(line))]
    for line, found in dated:
        if any(d == date for _, _, d in found) and (parse_date_line(line) or _STAMP_LINE.match(line)):
            return None
    pictured = [d for line, found in dated if _CAPTION.search(line) for _, _, d in found]
    if pictured and (max(pictured) - date).days > AGREE_DAYS:
        return "before its picture"
    if dated:
        line, ((start, end, first), *_) = dated[0]
        if first == date and not _CAPTION.search(line) and _in_sentence(line, start, end):
            return "told"
    return None


def _dates_at(line: str) -> list[tuple[int, int, dt.date]]:
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(line):
            said = _said("text", match)
            if said is not None and said.date is not None:
                found.append((match.start(), match.end(), said.date))
    return sorted(found)


def _in_sentence(line: str, start: int, end: int) -> bool:
    if start < MAX_DATELINE_OFFSET and _AFTER_DATELINE.match(line, end):
        return False
    # a sentence that tells something before the date: not a line that opens with it, nor a lede
    # that opens with the day ("On December 1, 2025, the ministers met ..." may well be that day's)
    opening = re.split(r"[.!?][\"”’)]?\s+", line[:start])[-1]
    return line.rstrip().endswith(_SENTENCE_END) and len(re.findall(r"[^\W\d]+", opening)) >= MIN_WORDS_BEFORE


def _dateline_said(dateline: Dateline, lead: str, today: dt.date, claims: list[DateSaid]) -> DateSaid | None:
    parsed = parse_month_day(dateline.date_text) if dateline.date_text else None
    if parsed is None:
        return None
    month, day, year = parsed
    if year is None:
        lenders = [c for c in claims if c.source in ("url", "text") and c.year is not None]
        year = next((y for c in lenders if (y := _lent_year(month, day, c)) is not None), None)
    if year is None and not claims:  # the weekday's year only when no other source can check it
        resolved = resolve_dateline_date(dateline, lead, today)
        year = resolved.year if resolved else None
    try:
        said = DateSaid("dateline", year, month, day)
        _ = said.date
    except ValueError:
        return None
    return said


def _lent_year(month: int, day: int, lender: DateSaid) -> int | None:
    assert lender.year is not None
    anchor = dt.date(lender.year, lender.month, lender.day or 15)
    best: tuple[int, int] | None = None
    for year in (lender.year - 1, lender.year, lender.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - anchor).days)
        except ValueError:
            continue
        if distance <= MAX_LENT_YEAR_DAYS and (best is None or distance < best[0]):
            best = (distance, year)
    return best[1] if best else None


def _agree(a: DateSaid, b: DateSaid) -> bool:
    if a.date and b.date:
        return abs((a.date - b.date).days) <= AGREE_DAYS
    if a.day is None or b.day is None:  # a month: the other must fall in it (or a day either side)
        month, other = (a, b) if a.day is None else (b, a)
        if other.date is not None and month.year is not None:
            first = dt.date(month.year, month.month, 1)
            after = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            return first - dt.timedelta(AGREE_DAYS) <= other.date < after + dt.timedelta(AGREE_DAYS)
        return a.month == b.month and (a.year is None or b.year is None or a.year == b.year)
    # one has no year: compare the day and month, in the other's year where there is one
    year = a.year or b.year or 2000
    for other_year in (year - 1, year, year + 1):
        try:
            first = dt.date(a.year or other_year, a.month, a.day)
            second = dt.date(b.year or other_year, b.month, b.day)
        except ValueError:
            continue
        if abs((first - second).days) <= AGREE_DAYS:
            return True
    return False


def dissenting_sources(conflicts: tuple[tuple[str, str], ...], date: dt.date) -> list[str]:
    """The sources of an article's date conflicts (``Publication.conflicts``: source, label)
    whose date does not agree with ``date``."""
    used = DateSaid("metadata", date.year, date.month, date.day)
    return [source for source, label in conflicts if not _agree(_from_label(label), used)]


def _from_label(label: str) -> DateSaid:
    year, month, *day = label.split("-")
    return DateSaid(
        "metadata", None if year == "XXXX" else int(year), int(month), int(day[0]) if day else None
    )


def _said(source: PublishedFrom, match: re.Match[str]) -> DateSaid | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("a"):  # 27/02/2026 or 02/27/2026: only when one of the two cannot be a month
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None
    else:
        day = int(groups["d"])
        found = _month(match)
        if found is None:
            return None
        month = found
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateSaid(source, year, month, day)


def _month(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("mon"):
        return MONTHS.get(groups["mon"].lower().rstrip("."))
    month = int(groups["m"])
    return month if 1 <= month <= 12 else None
