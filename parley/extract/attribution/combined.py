"""How the learned model's proposals (:mod:`.learned`) join the rules' records.

The rules decide; the model fills gaps. :func:`combine` adds a proposal that reads as someone
saying something where the rules found nothing (no rule record shares its content or cue), and
gives a rule's direct quote the bounds of the model's source for it, or a source where it had
none (:func:`_arbitrate`); that is what :func:`parley.extract.attribution.extract_attributions`
returns. What the rules decided about a quote stands (:func:`as_the_rules_read`): the model
does not put back, as someone's direct quote, a phrase the rules read as the writer's.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from parley.models import Attribution, Span

from .direct import is_standalone
from .document import DocIndex
from .learned import Proposal
from .quoted_phrases import phrase_in_clause
from .speaker_phrases import said_when_or_where
from .verbs import VERB_POS

# What combine() asks of a proposal before it joins the rules' records (see its docstring).
MIN_CONFIDENCE = 0.5
MIN_WORDS = 3
MAX_CUE_WORDS = 3
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# how the parser hangs a clause whose subject it took for the cue's object
_CLAUSES_ON_CUE = frozenset({"ccomp", "advcl"})
_AUX = frozenset({"aux", "auxpass"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _opening_quote(ix: DocIndex, part: Span) -> int | None:
    """The quote region a content part opens with (None when it opens with a word)."""
    k = bisect.bisect_right(ix.quote_starts, part.start) - 1
    return k if k >= 0 and ix.quotes[k].start == part.start else None


def as_the_rules_read(ix: DocIndex, att: Attribution) -> Attribution | None:
    """A proposal as the rules' own judgement of the quotes its content parts open with leaves
    it: None when the rules said no to such a quote, the proposal (as ``reported`` when its
    content opens with a quoted subject) otherwise.

    * A quote whose words are the subject of a verb after it in the part (``testified
      "thousands" of emails had not been handed over``) opens a clause in the writer's words
      that the speaker said: a reported statement, as the reported pass reads one
      (:mod:`.quoted_phrases`), not a direct quote.
    * Else a quote the direct pass reads as a phrase of the writer's clause (it starts no
      speech of its own and the clause goes on after it: ``promised "a deal that works for
      everyone" by the end of the year``, a title: ``promised "Project Open Door" to
      families``, :func:`.quoted_phrases.phrase_in_clause`) is no one's words.
    * Else a part going on past its quote's closing mark into words outside any quote (``"we
      have made progress" on Sunday``) is not a direct quote as proposed, and is left out
      rather than trimmed to the quote: had the rules taken that quote as speech, their record
      would overlap the proposal, which would not be added (on PolNeAR train the one such
      addition was a skywritten web address "read" by a message, fewer words than any
      proposal needs)."""
    for k, part in enumerate(att.parts):
        qi = _opening_quote(ix, part)
        if qi is None:
            continue
        if _quoted_subject(ix, qi, part):
            if k == 0:
                att = replace(att, kind="reported")
            continue
        if not is_standalone(ix, qi) and phrase_in_clause(ix, qi):
            return None
        if any(ix.text[c].isalnum() and not _quoted(ix, c) for c in range(ix.quotes[qi].end, part.end)):
            return None
    return att


def _quoted_subject(ix: DocIndex, qi: int, part: Span) -> bool:
    """A word of quote ``qi`` is the subject of a verb after the quote, inside ``part``; or the
    parser took the quote for the cue's object and hung the finite clause after it on the cue
    with no subject and no conjunction of its own (``testified "thousands" of emails had not
    been handed over``: the quote and the words after it are that clause's subject)."""
    a, b = ix.qtok[qi]
    doc = ix.doc
    if any(
        t.dep_ in _SUBJECTS and b <= t.head.i and t.head.idx < part.end and t.head.pos_ in VERB_POS
        for t in doc[a:b]
    ):
        return True
    for t in doc[b:]:
        if t.idx >= part.end:
            break
        if t.dep_ in _CLAUSES_ON_CUE and t.pos_ in VERB_POS and t.head.i < a:
            kids = list(t.children)
            finite = t.tag_ in _FINITE or any(c.dep_ in _AUX and c.tag_ in _FINITE for c in kids)
            if finite and not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in kids):
                return True
    return False


def _quoted(ix: DocIndex, c: int) -> bool:
    """Character ``c`` lies inside a quote region (marks included)."""
    k = bisect.bisect_right(ix.quote_starts, c) - 1
    return k >= 0 and c < ix.quotes[k].end


def _overlap(a: Attribution, b: Attribution) -> int:
    n = 0
    for p in a.parts:
        for q in b.parts:
            n += max(0, min(p.end, q.end) - max(p.start, q.start))
    return n


def _content_iou(a: Attribution, b: Attribution) -> float:
    """Characters the two contents share over the characters in either."""
    ca = {k for p in a.parts for k in range(p.start, p.end)}
    cb = {k for p in b.parts for k in range(p.start, p.end)}
    return len(ca & cb) / max(1, len(ca | cb))


def _same(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _nested(a: Span, b: Span) -> bool:
    """One span holds the other."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _arbitrate(rule: Attribution, sure: list[Proposal], ix: DocIndex | None = None) -> Attribution:
    """A direct quote of the rules, with the source of the proposal for the same content (of
    those that read as statements, the one sharing most of its characters) when the two name
    the same mention with other bounds (one source holds the other: "Jane Roe, a lawyer who
    has argued ..." and "Jane Roe, a lawyer"), or when the rules found no source; the rules'
    cue, content and channel are kept. A quote tied to an outer attribution keeps the outer
    speaker; a reported record keeps its source.

    On PolNeAR train (the model's own training data), where both matched a gold direct quote
    and their sources were nested but not the same, the model's was the gold one 105 times
    and the rules' 8; where the rules had none, the model's was right 16 times of 16. Sources
    that do not overlap (the model right 16 times, the rules 2) are left to the rules: too
    few to trust, and a wrong speaker costs more than a wrong bound. Nor does a source run on past
    the rules' into a phrase of time or channel they cut off (``said X, a spokeswoman, in a
    statement``: the model takes "in a statement" into the source)."""
    if rule.kind != "direct" or rule.embedded_in is not None:
        return rule
    rivals = [p for p in sure if _overlap(p.attribution, rule) > 0]
    if not rivals:
        return rule
    source = max(rivals, key=lambda p: _content_iou(p.attribution, rule)).attribution.source
    if source is None or source == rule.source:
        return rule
    if rule.source is not None and not _nested(rule.source, source):
        return rule
    if ix is not None and rule.source is not None and said_when_or_where(ix, rule.source.end, source.end):
        return rule
    return replace(rule, source=source)


def _reads_as_statement(p: Proposal, min_confidence: float) -> bool:
    """The checks of :func:`combine`."""
    return not (
        p.confidence < min_confidence
        or p.attribution.source is None
        or p.words < MIN_WORDS
        or p.negated
        or p.passive
        or not p.speech
        or not p.clause
        or not p.speaker
        or not p.in_sentence
        or p.cue_words > MAX_CUE_WORDS
    )


def combine(
    rules: list[Attribution],
    proposals: list[Proposal],
    min_confidence: float = MIN_CONFIDENCE,
    redraw: bool = False,
    ix: DocIndex | None = None,
) -> list[Attribution]:
    """The rules' records, and each proposal the rules did not make: confident, whose content
    and cue overlap none of the rules' records (nor an earlier proposal kept). Sorted by
    content span. A direct quote of the rules takes the source of a proposal for the same
    quote that names the same mention with other bounds, or a source where it had none
    (:func:`_arbitrate`).

    PolNeAR marks far more than statements (what a plan "calls for", what a report
    "highlights", what people "experienced"), and on news text the model's proposals of that
    kind became statements no one made. So a proposal is kept only when it reads as someone
    saying something: its cue is a verb of saying (or ``according to``) of at most
    ``MAX_CUE_WORDS`` words, active (not "was praised by X"), not negated (as for the rules, a
    record has no polarity), without a modal ("the report will suggest"), and not one the
    rules handle on their own terms (``called it "a disaster"``) or that mostly means
    something else ("talks concluded", "forces maintain positions") unless it has a quote;
    its source names someone (a name, a named body, a personal pronoun, a noun that heads
    sources in the training data, and nothing like "neither" or "no one"); its content is a
    clause of at least ``MIN_WORDS`` words (holding a verb), not a bare noun phrase nor the
    object of a preposition ending the cue ("insists on ..."), and, unless it is a quote, in
    the cue's sentence.

    The rules' "no" stands: given the document (``ix``), a proposal whose content opens with a
    quote the rules read as the writer's phrase, or runs on past its quote's closing mark into
    the writer's words, is not added; one opening with a quoted subject is added as reported
    (:func:`as_the_rules_read`). The model, trained on PolNeAR where such a phrase is often
    marked as a quote, proposes ``promised "a deal that works for everyone" by the end of the
    year`` as the minister's direct quote, the writer's words included; the rules make no
    record of it on purpose (:mod:`.quoted_phrases`).

    With ``redraw`` (not what Parley ships), such a proposal also redraws the content of a rule
    record with the same cue and the same speaker when the two contents share less than half
    their characters and the proposal's content does not stop right before a word: the record
    keeps its speaker, cue and channel and takes the proposal's content; a record the rules
    joined from several parts (``"A," he said, "B."``) is left as it is. On PolNeAR dev 44
    records were redrawn, 26 made right and 11 made wrong (all-attribution source F1 +0.010);
    on news2026 about 14 contents got better and 8–9 worse ("the Defence Ministry said,
    reporting the capture of two more villages" lost its main clause), and on the seeds one
    stance lost its speaker: so it is off."""
    by_confidence = sorted(proposals, key=lambda p: -p.confidence)
    sure = [p for p in by_confidence if _reads_as_statement(p, min_confidence)]
    kept = [_arbitrate(r, sure, ix) for r in rules]
    for p in sure if redraw else ():
        att = p.attribution
        same_cue = [k for k, r in enumerate(kept) if _same(r.cue, att.cue)]
        if len(same_cue) != 1:
            continue
        k = same_cue[0]
        r = kept[k]
        if r.more_content or not p.whole or not _same(r.source, att.source) or _content_iou(att, r) >= 0.5:
            continue
        if any(_overlap(att, q) > 0 for j, q in enumerate(kept) if j != k):
            continue
        kept[k] = replace(r, content=att.content, more_content=att.more_content, kind=att.kind)
    for p in sure:
        att = p.attribution
        if any(_overlap(att, r) > 0 for r in kept):
            continue
        if any(_same(r.cue, att.cue) for r in kept):
            continue
        read = att if ix is None else as_the_rules_read(ix, att)
        if read is not None:
            kept.append(read)
    return sorted(kept, key=lambda a: (a.content.start, a.content.end))
