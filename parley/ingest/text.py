"""Plain-text articles: title on the first non-empty line, then the body."""

from __future__ import annotations

from parley.errors import EmptyInput
from parley.ingest.decode import decode_text, one_line
from parley.models import RawArticle


def read_text(data: bytes, origin: str) -> RawArticle:
    text = decode_text(data, origin).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            title = one_line(line) or ""
            body = "\n".join(lines[i + 1 :]).strip("\n")
            break
    else:  # pragma: no cover - decode_text refuses whitespace-only input
        raise EmptyInput(origin, "only whitespace")
    if _is_paragraph(title):
        # No title line: the first line is already the story's lead paragraph. Keep it in the
        # body; the cleaning stage names the article from its first sentence.
        return RawArticle(origin=origin, format="text", title=None, text=text.strip("\n"))
    if not body.strip():
        # A one-line file: treat the line as the body, not only as a title.
        body = title
    return RawArticle(origin=origin, format="text", title=title, text=body)


# A first line longer than this that ends like a sentence is a paragraph, not a title.
MAX_TITLE_CHARS = 160


def _is_paragraph(line: str) -> bool:
    return len(line) > MAX_TITLE_CHARS and line.rstrip().endswith((".", "!", '"', "”", "»"))
