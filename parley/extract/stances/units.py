"""The pieces of an article stances are read from: each statement's content (with its speaker
and the speech verb's own position) unless it is someone else's claim, then each sentence's words
outside every statement's content."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.extract.stances import lexicon as lx
from parley.extract.stances.holders import Holder, HolderFinder
from parley.extract.stances.parse import Signal, embedded_claim, signal_at
from parley.models import Statement

# verbs of an aim worked towards ("seeks to", "aims to", "intends to"): a statement the writer
# ascribes with one is the writer's reading of a strategy, not words said, and no stance; a wish
# ("X wants to join") is read as one
AIM_VERBS = frozenset("seek aim intend plan strive".split())
SPEECH_POSITIONS = {"demands", "rejects", "denies", "accepts", "supports", "opposes"}


@dataclass(frozen=True)
class Unit:
    sentence: SpacySpan
    start: int  # the characters the issue words are looked for in
    end: int
    statement: Statement | None = None
    speaker: Holder | None = None
    speech: Signal | None = None  # the speech verb's own position ("insisted")
    cue: Token | None = None  # the verb of saying ("previously stated": its stances are earlier ones)
    also: tuple[Holder, ...] = ()  # speakers coordinated with ``speaker`` ("X and Y agreed ..."): theirs too


def units(
    doc: Doc, statements: Sequence[Statement], holders: HolderFinder, anchors: Sequence[int]
) -> list[Unit]:
    """One unit per statement (its content) that is no one else's claim, then one per sentence
    for the words outside every statement's content; only where an issue word or a document is
    (``anchors``: their sorted offsets)."""

    def holds(start: int, end: int) -> bool:
        i = bisect.bisect_left(anchors, start)
        return i < len(anchors) and anchors[i] < end

    units: list[Unit] = []
    contents = sorted((part for s in statements for part in s.parts), key=lambda sp: sp.start)
    sentences = list(doc.sents)
    starts = [sentence.start_char for sentence in sentences]
    for s in statements:
        if s.embedded_in is not None:  # a claim denied, a report relayed, a question: no one's stance
            continue
        if not any(holds(p.start, p.end) for p in s.parts) or _nested(doc, s, statements):
            continue
        i = bisect.bisect_right(starts, s.span.start) - 1
        if i < 0:
            continue
        cue = doc.char_span(s.cue_span.start, s.cue_span.end, alignment_mode="expand") if s.cue_span else None
        verb = cue.root if cue is not None and len(cue) else None
        if s.ascribed and verb is not None and verb.lemma_.lower() in AIM_VERBS:
            continue  # "X seeks to prevent ...": the writer's account of an aim, not X's words
        speech = signal_at(verb) if verb is not None else None
        if speech is not None and (
            speech.position not in SPEECH_POSITIONS
            or speech.modal
            or speech.commitment
            or (verb is not None and _nothing_reached(verb))
        ):
            speech = None  # "Should the government conclude that ...": a modal on it is no one's demand
        if speech is not None:
            speech = replace(speech, strength=0.6)
        who = s.speaker_span
        root = doc.char_span(who.start, who.end, alignment_mode="expand") if who else None
        speakers = holders.speakers(s, root.root if root is not None and len(root) else None)
        speaker, also = (speakers[0], tuple(speakers[1:])) if speakers else (None, ())
        for part in s.parts:  # a quote given in pieces: each piece is the speaker's
            within = sentences[max(0, bisect.bisect_right(starts, part.start) - 1)]
            units.append(Unit(within, part.start, part.end, s, speaker, speech, verb, also))
    for sentence in sentences:
        if not holds(sentence.start_char, sentence.end_char):
            continue
        start = sentence.start_char
        for span in contents:  # the pieces of the sentence outside statement contents
            if span.end <= start or span.start >= sentence.end_char:
                continue
            if span.start > start:
                units.append(Unit(sentence, start, span.start))
            start = max(start, span.end)
        if start < sentence.end_char:
            units.append(Unit(sentence, start, sentence.end_char))
    return units


def _nested(doc: Doc, s: Statement, statements: Sequence[Statement]) -> bool:
    """A statement inside another's content, or under a claim or question, is not its speaker's."""
    anchor = s.cue_span or s.speaker_span or s.span
    if any(
        o is not s and any(p.start <= anchor.start and anchor.end <= p.end for p in o.parts)
        for o in statements
    ):
        return True
    cue = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    return cue is not None and len(cue) > 0 and embedded_claim(cue.root)


def _nothing_reached(verb: Token) -> bool:
    """A speech verb that takes a position only on an agreement as its object ("confirmed a
    consensus on the app" accepts it; "confirmed that any settlement must ..." accepts nothing)."""
    if verb.lemma_.lower() not in lx.OBJECT_ONLY:
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in lx.AGREEMENT_NOUNS for c in verb.children)
