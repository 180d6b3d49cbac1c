"""The systems PolNeAR scores: Parley (rules, model, combined) and textacy's direct quotations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parley.bench.polnear_data import Attr, Frag

PARLEY_SYSTEMS = ("rules", "model", "combined")


def to_attrs(atts: Sequence) -> list[Attr]:
    """Parley attribution records as predictions, one each, with all their content parts."""
    return [
        Attr(
            source=[(a.source.start, a.source.end)] if a.source else [],
            cue=[(a.cue.start, a.cue.end)] if a.cue else [],
            content=[(p.start, p.end) for p in a.parts],
            direct=a.kind == "direct",
        )
        for a in atts
    ]


def parley_predictions(doc) -> dict[str, list[Attr]]:
    """Parley's attributions, as the product outputs them (``combined``: the default of
    :func:`~parley.extract.attribution.extract_attributions`), and its two halves: the rules
    alone, and the learned model alone (every proposal, whatever its confidence)."""
    from parley.extract.attribution import extract_attributions, rule_attributions
    from parley.extract.attribution.document import DocIndex
    from parley.extract.attribution.learned import learned_attributions

    rules = extract_attributions(doc, learned=False)
    proposals = learned_attributions(DocIndex(doc), rule_attributions(DocIndex(doc)))
    return {
        "rules": to_attrs(rules),
        "model": to_attrs([p.attribution for p in proposals]),
        "combined": to_attrs(extract_attributions(doc)),
    }


def paragraph_spans(doc) -> list:
    """The token spans of the paragraphs (lines) Parley parses one by one, space trimmed."""
    lines = re.finditer(r"\S(?:[^\n]*\S)?", doc.text)
    spans = (doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in lines)
    return [span for span in spans if span is not None and len(span)]


def textacy_predictions(doc) -> tuple[list[Attr], int]:
    """textacy direct quotations, paragraph by paragraph; (predictions, paragraphs bailed on)."""
    from textacy.extract.triples import direct_quotations

    out: list[Attr] = []
    bailed = 0

    def tok_span(toks: Sequence, offset: int) -> list[Frag]:
        if not toks:
            return []
        return [(offset + min(t.idx for t in toks), offset + max(t.idx + len(t.text) for t in toks))]

    for para in paragraph_spans(doc):
        offset = para.start_char
        try:
            triples = list(direct_quotations(para.as_doc()))
        except ValueError:
            bailed += 1
            continue
        for t in triples:
            content = (offset + t.content.start_char, offset + t.content.end_char)
            out.append(Attr(tok_span(t.speaker, offset), tok_span(t.cue, offset), [content], direct=True))
    return out, bailed
