"""Paragraphs that are the page's word to its reader, or a heading run into the paragraph under it.

- An editor's note ("Editor's note: ...", "EDITOR'S NOTE - ..."): a standing note the outlet puts
  under its stories (a view of a candidate, a helpline's number) or a word on how the story was
  made. It is the page's, not the story's: no one in the story says it, so the paragraph goes,
  unless it is long, a correction, or all the text there is.
- A heading in capitals run into the paragraph under it with a dash ("QUESTIONABLE CLAIMS — For
  years, ..."): the heading is put on a line of its own, so it is read as a heading, not as the
  start of the paragraph's first sentence. Only after the story has begun, and only when the
  article keeps to that layout (``MIN_RUN_IN_HEADINGS`` such paragraphs at least): a dateline
  ("SALT LAKE CITY — ...") stands once, at the head of the story. A heading holds three words or
  more, one of them of four letters or more, and no comma or bracket (a dateline's "HEMPSTEAD,
  N.Y.", "(AP)").
"""

from __future__ import annotations

import re

__all__ = ["is_editor_note", "split_run_in_headings"]

EDITOR_NOTE = re.compile(r"^\W{0,3}editor[’']?s[’']?\s+note\s*[:—–-]\s*\S", re.IGNORECASE)

_CAPS_WORD = r"[A-Z0-9][A-Z0-9'’&.-]*"
RUN_IN_HEADING = re.compile(
    rf"^(?P<head>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{2,11}}[?!]?)\s+[—–―-]\s+"
    r"(?P<rest>[\"“‘']?[A-Z](?:[a-z’']|\s).*)$",
    re.DOTALL,
)
MAX_NOTE_CHARS = 800  # a longer paragraph opened by "Editor's note:" holds the story too
CORRECTION = re.compile(
    r"\b(?:earlier version|correct(?:ed|ion|s)?|misstated|misidentified)\b", re.IGNORECASE
)
MIN_LONG_WORD = 4  # a heading has a word of this many letters at least
MIN_RUN_IN_HEADINGS = 2


def is_editor_note(text: str) -> bool:
    """The paragraph is an editor's note to the reader, short (``MAX_NOTE_CHARS``) and no
    correction (which tells a fact the story got wrong: kept)."""
    return bool(EDITOR_NOTE.match(text)) and len(text) <= MAX_NOTE_CHARS and not CORRECTION.search(text)


def split_run_in_headings(paragraphs: list[str], story_started: list[bool]) -> list[str]:
    """The paragraphs with each heading in capitals run into its paragraph on a line of its own
    (see the module doc); ``story_started`` says for each paragraph whether a story paragraph
    stands above it."""
    parts = [
        _split(text) if started else [text] for text, started in zip(paragraphs, story_started, strict=True)
    ]
    if sum(len(p) > 1 for p in parts) < MIN_RUN_IN_HEADINGS:
        return paragraphs
    return [part for p in parts for part in p]


def _split(text: str) -> list[str]:
    """[heading, rest] when the paragraph starts with a heading in capitals and a dash, else [text]."""
    match = RUN_IN_HEADING.match(text)
    if not match:
        return [text]
    head = match.group("head")
    if not any(len(re.sub(r"\W", "", word)) >= MIN_LONG_WORD for word in head.split()):
        return [text]
    return [head, match.group("rest")]
