"""The day a speaker was told speaking, carried to their next statements that give none.

"Medvedev gave an interview on 1 February ... Medvedev stated that ...", "A spokesperson stated
on 1 February that ... The spokesperson noted that ...": a statement the article would date
(it gives no time of its own) takes the day of the same speaker's nearest earlier statement or
speaking event ("gave an interview on D", "told X on D", "stated on D"), when that one has a
day and is in the same paragraph or one of the two before (headings are not counted). The day
must be one its own sentence gave (or one carried to it), not one read from the story before it.

The same speaker: one actor; or the words of one speaker's name (its nouns, names and
adjectives, not an owner's: "Ukraine's air force" is not "Ukraine") are all among the other's
("Mr. Dujarric" of "UN Spokesperson Stéphane Dujarric", "The UN" of it too, "The spokesperson"
of "A spokesperson of the corps"); a pronoun stands for the mention it was resolved to; a
definite common noun ("The sources") for a noun of the earlier telling's sentence ("reported on
31 January, citing unnamed sources"). Nothing is carried over a day told in between that is not
the carried one ("On Monday X said ... . On Wednesday troops ... . He added ...").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from parley.extract.registry import COURTESY_TITLES
from parley.extract.said_on import SaidOn
from parley.models import Span, TimeExpression
from parley.nlp import text_of

# how many paragraphs back a day is carried
REACH = 2
# verbs telling a saying; "gave"/"held"/"granted" only of a saying noun ("gave an interview")
_SAYING_VERBS = frozenset(
    "say tell state speak note write post announce claim report comment remark declare stress "
    "add reiterate warn insist argue assert".split()
)
_GIVING_VERBS = frozenset({"give", "hold", "grant", "deliver"})
_SAYING_NOUNS = frozenset("interview speech address briefing conference statement remarks".split())
# a paragraph is a line ending as a sentence does; a heading ("Power cuts") is not one
_PARAGRAPH = re.compile(r"[^\n]*[.!?:\"”’)][ \t]*(?=\n|$)")


@dataclass(frozen=True)
class _Told:
    at: int  # where the telling is in the text
    last: int  # where its last words are (its quote may follow the cue)
    day: dt.date | None  # the day it was said, when the text gives one
    names: frozenset[str]
    actor: str | None
    nouns: frozenset[str]  # the common nouns of its sentence outside anyone's words


class Carry:
    """The statements and speaking events of one article in text order, each with its day."""

    def __init__(self, doc: Doc, times: Sequence[TimeExpression], contents: Sequence[Span]) -> None:
        self.doc = doc
        self.contents = contents
        self.paragraphs = [m.end() for m in _PARAGRAPH.finditer(text_of(doc))]
        days = [t for t in times if t.precision == "day" and t.start is not None]
        self.own = days  # the days a sentence may give its saying
        self.days = [t for t in days if t.type == "DATE" and not self._quoted(t.span.start)]
        self.told: list[_Told] = [e for t in self.days if (e := self._event(t)) is not None]

    def _quoted(self, pos: int) -> bool:
        return any(p.start <= pos < p.end for p in self.contents)

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos)

    def dated(
        self, anchor: Span, content: Span, found: SaidOn, speaker: Sequence[Span], actor: str | None
    ) -> SaidOn:
        """The date a statement was said: ``found`` (:func:`parley.extract.said_on.said_on`), or the
        day carried to it when that is the article's. A day its own sentence gives, or one carried,
        is kept to be carried on; one read from the story before it is not."""
        day, source = found
        if source == "article" and (carried := self.day_for(anchor.start, speaker, actor)):
            self.note(anchor.start, content, carried, speaker, actor)
            return carried, "text"
        sentence = self.doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        own = (
            source == "text"
            and sentence is not None
            and any(
                t.start == day and sentence.sent.start_char <= t.span.start < sentence.sent.end_char
                for t in self.own
            )
        )
        self.note(anchor.start, content, day if own else None, speaker, actor)
        return found

    def note(
        self, at: int, content: Span, day: dt.date | None, speaker: Sequence[Span], actor: str | None
    ) -> None:
        """Keep a statement's telling: where its cue and its content are, its day (None when the text
        gives none), the words of its speaker and of the mention they were resolved to."""
        names = self._names(speaker)
        if names or actor:
            self.told.append(_Told(at, max(at, content.start), day, names, actor, self._nouns(at)))

    def day_for(self, at: int, speaker: Sequence[Span], actor: str | None) -> dt.date | None:
        """The day carried to a statement at ``at`` by ``speaker`` (None: nothing to carry)."""
        names = self._names(speaker)
        root = self._root(speaker[0]) if speaker else None
        earlier = sorted((t for t in self.told if t.at < at), key=lambda t: (t.at, t.last), reverse=True)
        here = self._paragraph(at)
        for told in earlier:
            if here - self._paragraph(told.last) > REACH:
                return None
            if not _same(names, actor, told) and not (root and root in told.nouns):
                continue
            if told.day is None:
                return None
            between = (t for t in self.days if told.at < t.span.start < at)
            if any(t.start != told.day for t in between):
                return None  # a change of scene
            return told.day
        return None

    def _names(self, speaker: Sequence[Span]) -> frozenset[str]:
        names: set[str] = set()
        for span in speaker:
            words = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if words is None:
                continue
            names.update(
                w.lemma_.lower()
                for w in words
                if w.pos_ in ("NOUN", "PROPN", "ADJ")
                and w.lower_.rstrip(".") not in COURTESY_TITLES
                and not any(a.dep_ == "poss" for a in (w, *w.ancestors) if words.start <= a.i < words.end)
            )
        return frozenset(names)

    def _root(self, speaker: Span) -> str | None:
        """The common noun a definite speaker is ("The sources"), else None."""
        words = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if words is None or words.root.pos_ != "NOUN" or words[0].lower_ != "the":
            return None
        return words.root.lemma_.lower()

    def _nouns(self, at: int) -> frozenset[str]:
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None:
            return frozenset()
        sentence: SpacySpan = token.sent
        return frozenset(w.lemma_.lower() for w in sentence if w.pos_ == "NOUN" and not self._quoted(w.idx))

    def _event(self, t: TimeExpression) -> _Told | None:
        """A speaking event the day is told for: "X gave an interview on D", "X spoke on D"."""
        date = self.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if date is None or t.start is None:
            return None
        verb = date.root
        while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        lemma = verb.lemma_.lower()
        saying = lemma in _SAYING_VERBS or (
            lemma in _GIVING_VERBS
            and any(c.dep_ == "dobj" and c.lemma_.lower() in _SAYING_NOUNS for c in verb.children)
        )
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not saying or not subjects:
            return None
        subject = self.doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
        names = self._names([Span(subject.start_char, subject.end_char)])
        if not names:
            return None
        return _Told(t.span.start, t.span.start, t.start, names, None, self._nouns(t.span.start))


def _same(names: frozenset[str], actor: str | None, told: _Told) -> bool:
    """Whether a speaker is the one of an earlier telling: one actor, or one's name in the other's."""
    if actor and told.actor:
        return actor == told.actor
    if not names or not told.names:
        return False
    return names <= told.names or told.names <= names
