"""Text cut short for a headline or a table cell: at the end of a word, marked with "…"; and the
verb a one-line statement shows for its cue.

Used alike by the records that keep a short subject (a contested item's) and by the command
line and the dashboard, so a cut never falls inside a word in one and not in the other, and a
statement reads the same in the text, Markdown and HTML briefs.
"""

from __future__ import annotations

__all__ = ["UNDATED", "clip_words", "said_as"]

UNDATED = "undated"  # where a line would show a day and the statement has none


def clip_words(text: str, limit: int) -> str:
    """``text`` on one line, cut at the end of a word with "…" when longer than ``limit``
    characters (a single word longer than that is cut where it must be)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    if not cut:
        return "…"
    if cut[-1].isalnum() and text[limit - 1].isalnum() and " " in cut:  # inside a word: drop its start
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def said_as(cue: str | None) -> str:
    """The verb a line "SPEAKER: DAY VERB: WORDS" shows for a statement's cue: none for a colon or
    a dash ("X: ..."), "says" for a phrase that puts the speaker after it ("According to X, ..."
    names no verb of its own), else the cue as the article wrote it."""
    cue = (cue or "").rstrip(":").strip()
    if not any(ch.isalpha() for ch in cue):
        return ""
    return "says" if cue.lower().startswith("according") else cue
