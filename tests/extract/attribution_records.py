"""What the attribution tests compare: every attribution of a text as plain words."""

from __future__ import annotations

from parley.extract.attribution import extract_attributions


def records(parser, text: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    """(kind, source words, cue words, content parts) of every attribution."""
    doc = next(parser.parse([text]))
    return [
        (
            a.kind,
            a.source.of(text) if a.source else None,
            a.cue.of(text) if a.cue else None,
            tuple(p.of(text) for p in a.parts),
        )
        for a in extract_attributions(doc)
    ]
