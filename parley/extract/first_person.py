"""First-person speakers: whom an "I" or "we" that says something stands for.

An "I" or "we" outside the speaker's own quote says nothing of who speaks until the text ties
it to someone. In this order:

1. inside another statement's direct quote: that quote's speaker;
2. after a transcript label (a person's name and a colon opening a paragraph, "Jane Doe: I
   think ..."): the person of the latest label;
3. "we" only: a body named earlier in its sentence ("At the institute, we believe", in
   :mod:`parley.extract.speakers`);
4. in the paragraph right after one that introduces someone's words, ending on a colon or a
   comma after a verb of saying whose subject is the speaker ("Jane Roe, an analyst at the
   bank, wrote:", "Asked about the talks, he said,"): that subject, as the speaker rules
   resolve it (:func:`intro_subject` gives its words).

With none of these nothing says who "I" is (a columnist, an unnamed voice in a broadcast, a
letter quoted without its writer): the statement is kept without a speaker
(:func:`first_person_alone`), never with the bare pronoun as one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Token

from parley.extract import cues as C
from parley.extract.speaker_reading import SpeakerContext
from parley.models import Mention, Span

FIRST_PERSON = frozenset({"i", "we"})
# Speaker words that are a first-person pronoun alone: no one until resolved ("US" and "ME" in
# capitals are a country's and a state's short names, not "us" and "me").
_FIRST_PERSON_WORDS = frozenset({"I", "we", "We", "WE", "me", "Me", "us", "Us"})
# A transcript label: a short name and a colon opening a paragraph ("Jane Doe: I think ...").
_LABEL = re.compile(r"(?m)^[^\S\n]*([^\n:]{2,60}):")
_SUBJECTS = frozenset({"nsubj"})


def first_person_alone(words: str | None) -> bool:
    """Whether speaker words are only a first-person pronoun ("I", "we", "me", "us")."""
    return words is not None and words.strip() in _FIRST_PERSON_WORDS


def first_person_speaker(ctx: SpeakerContext, source: Span) -> Mention | None:
    """The speaker an "I" or "we" at ``source`` stands for by rules 1 and 2 of the module
    docstring, or None."""
    for parts, speaker in reversed(ctx.quotes):  # "I" inside someone's quote: that someone
        if any(p.start <= source.start < p.end for p in parts):
            return speaker
    return next((m for start, m in reversed(ctx.labels) if start < source.start), None)


def intro_subject(ctx: SpeakerContext, source: Span) -> Span | None:
    """The words of the subject whose words the paragraph of ``source`` is, by rule 4 of the
    module docstring: the paragraph before ends on a colon, or on a comma after a verb of
    saying; the verb of saying that governs its last sentence (or the last clause the colon
    closes) has a subject of its own, not a first-person one."""
    k = bisect.bisect_right(ctx.paragraphs, source.start) - 1
    if k < 1:
        return None
    lo, hi = ctx.paragraphs[k - 1], ctx.paragraphs[k]
    intro = ctx.text[lo:hi].rstrip()
    if not intro.endswith((":", ",")) or any(a <= lo + len(intro) - 1 < b for a, b in ctx.quoted):
        return None
    last = ctx.doc.char_span(lo + len(intro) - 1, lo + len(intro), alignment_mode="expand")
    if last is None or len(last) == 0:
        return None
    verb = _saying_verb(last[-1])
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.lower_ in FIRST_PERSON or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    if not lo <= start < end <= lo + len(intro):
        return None
    return Span(start, end)


def _saying_verb(mark: Token) -> Token | None:
    """The verb of saying the closing colon or comma ``mark`` ends the clause of: its head, or
    the root of its sentence."""
    for t in (mark.head, mark.sent.root):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in C.SPEECH_VERBS:
            return t
    return None


def transcript_labels(text: str, mentions: Sequence[Mention]) -> list[tuple[int, Mention]]:
    """Paragraphs opening with a person's name and a colon ("Jane Doe: I think ..."): the
    speaker of the first-person words that follow, until the next label."""
    people = {(m.span.start, m.span.end): m for m in mentions if m.label == "PERSON"}
    return [(x.start(1), people[x.span(1)]) for x in _LABEL.finditer(text) if x.span(1) in people]
