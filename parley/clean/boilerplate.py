"""Remove the boilerplate lines that survive extraction, keep every sentence of the story.

A line is removed only when the whole line (short, at most ``MAX_BOILERPLATE_CHARS``) matches
one of the patterns below; a sentence that merely contains such words stays. Removed lines are
returned so the stored article keeps an audit trail of what was taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BOILERPLATE_CHARS = 120

_LINE_PATTERNS = [
    r"leave a (comment|reply)",
    r"(post|send|submit|add) (a )?comments?",
    r"\d* ?comments?( \(\d+\))?:?",
    r"your email address will not be published\.?( required fields are marked \*)?",
    r"required fields are marked \*",
    r"(name|email|website|comment) ?\*?:?",
    r"save my name, email, and website in this browser.*",
    r"(scroll|back) to top",
    r"source article",
    r"generated on:?.{0,40}",
    r"(synopsis|key takeaways|highlights|summary|in brief|tl;dr):?",
    r"share( this)?( article| story| post)?:?",
    r"share (on|via) \w+",
    r"(facebook|twitter|x|whatsapp|telegram|linkedin|email|print|copy link)",
    r"(related|recommended)( articles| stories| news| posts| content| reading)?:?",
    r"(read|see) (more|also)( on this)?:?",
    r"(advertisement|sponsored( content)?|adchoices)",
    r"(sign up|subscribe)( to| for)? (our|the) (daily )?newsletter.*",
    r"(©|copyright|\(c\)) .{0,80}",
    r"all rights reserved\.?",
    r"(click|tap) here.{0,60}",
    r"follow us on .{0,60}",
]
BOILERPLATE_LINE = re.compile(r"^\s*(?:" + "|".join(_LINE_PATTERNS) + r")\s*$", re.IGNORECASE)
RELATED_HEADER = re.compile(r"^\s*(related|recommended|more on this|read more)\b.{0,30}$", re.I)
SOURCE_LINE = re.compile(r"^\s*(?:source|original(?: article)?|via)\s*:\s*(?P<ref>\S.*?)\s*$", re.I)
PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|posted|updated|date)(?: on)?\s*:?\s*(?P<date>[\w ,.:+-]{6,40}?)\s*$", re.I
)


@dataclass(frozen=True)
class CleanText:
    paragraphs: list[str]
    removed: list[str]
    source_refs: list[str]  # the values of "Source: ..." lines
    published_lines: list[str]  # the values of "Published: ..." lines


def clean_lines(text: str, title: str | None) -> CleanText:
    """Split into paragraphs (blank lines or single line breaks), drop boilerplate lines."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    paragraphs: list[str] = []
    removed: list[str] = []
    refs: list[str] = []
    published: list[str] = []
    in_related_block = False
    title_repeat: str | None = None
    title_key = _key(title) if title else None
    for index, line in enumerate(lines):
        short = len(line) <= MAX_BOILERPLATE_CHARS
        if short and (match := SOURCE_LINE.match(line)):
            refs.append(match.group("ref"))
            removed.append(line)
            continue
        if short and (match := PUBLISHED_LINE.match(line)) and any(c.isdigit() for c in line):
            published.append(match.group("date"))
            removed.append(line)
            continue
        if short and BOILERPLATE_LINE.match(line):
            removed.append(line)
            in_related_block = bool(RELATED_HEADER.match(line))
            continue
        if in_related_block and short and not line.rstrip().endswith((".", "!", "?", '"', "”")):
            removed.append(line)  # a link title in a related-articles block
            continue
        in_related_block = False
        if title_key and index < 6 and not paragraphs and _key(line) == title_key:
            removed.append(line)  # the title repeated at the top of the body
            title_repeat = line
            continue
        paragraphs.append(line)
    if not paragraphs and title_repeat is not None:
        # The title is all the text there is (a one-line file): it is the body, not a repeat.
        removed.remove(title_repeat)
        paragraphs.append(title_repeat)
    return CleanText(paragraphs, removed, refs, published)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()
