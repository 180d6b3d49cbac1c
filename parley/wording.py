"""Text cut short for a headline or a table cell: at the end of a word, marked with "…".

Used alike by the records that keep a short subject (a contested item's) and by the command
line and the dashboard, so a cut never falls inside a word in one and not in the other.
"""

from __future__ import annotations

__all__ = ["clip_words"]


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
