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
the carried one ("On Monday X said ... . On Wednesday troops ... . He added ..."), nor over a
month or year told as when something happened that does not hold it ("In June, he called ...").

No day is carried, but the day is unknown, when the same speaker by name was put in an earlier
month or year in the same paragraph ("In a March meeting, X said ... . X said ..."), or was said
at another time in the same sentence ("X said then ..., adding ..."), and the statement's cue is
in the simple past or a participle going on from one; not "says".
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
from parley.extract.said_on import SaidOn, main_clause, tells_when, told_when
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
    before: bool = False  # its sentence put it in an earlier month or year: said then, not today
    unknown: bool = False  # the text told it was said at another time than the article's


class Carry:
    """The statements and speaking events of one article in text order, each with its day."""

    def __init__(self, doc: Doc, times: Sequence[TimeExpression], contents: Sequence[Span]) -> None:
        self.doc = doc
        self.contents = contents
        self.paragraphs = [m.end() for m in _PARAGRAPH.finditer(text_of(doc))]
        days = [t for t in times if t.precision == "day" and t.start is not None]
        self.own = days  # the days a sentence may give its saying
        self.days = [t for t in days if t.type == "DATE" and not self._quoted(t.span.start)]
        # the months, years and seasons told outside anyone's words
        self.months = [
            t
            for t in times
            if t.type == "DATE" and t.start and t.precision != "day" and not self._quoted(t.span.start)
        ]
        # a change of scene: a day told outside anyone's words, or a month or year told as when
        # something happened ("In June, the senator called ..."; not "his June 2024 speech", "an ad in 2008")
        self.dates = self.days + [t for t in self.months if told_when(doc, t) and main_clause(doc, t)]
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
        is kept to be carried on; one read from the story before it is not, nor does it stop the
        speaker's earlier day from being carried past it."""
        day, source = found
        carried = self.day_for(anchor.start, speaker, actor) if source == "article" else None
        if carried and (carried[0] is not None or self._past(anchor)):  # not "says" after "said in March"
            undated = carried[0] is None
            self.note(anchor.start, content, carried[0], speaker, actor, before=undated, unknown=undated)
            return carried
        sentence = self.doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        if source == "unknown" and sentence is not None:
            earlier = self._month_told(sentence.sent, anchor, speaker)
            self.note(anchor.start, content, None, speaker, actor, before=earlier, unknown=True)
            return found
        own = (
            source == "text"
            and sentence is not None
            and any(
                t.start == day and sentence.sent.start_char <= t.span.start < sentence.sent.end_char
                for t in self.own
            )
        )
        if source == "text" and not own:
            return found  # a day read from the story: neither carried on nor in the way of one
        self.note(anchor.start, content, day if own else None, speaker, actor)
        return found

    def note(
        self,
        at: int,
        content: Span,
        day: dt.date | None,
        speaker: Sequence[Span],
        actor: str | None,
        before: bool = False,
        unknown: bool = False,
    ) -> None:
        """Keep a statement's telling: where its cue and its content are, its day (None when the text
        gives none), the words of its speaker and of the mention they were resolved to, and whether
        its sentence put it in an earlier month or year (``before``) or the text told it was said
        at another time than the article's (``unknown``)."""
        names = self._names(speaker)
        if names or actor:
            last = max(at, content.start)
            self.told.append(_Told(at, last, day, names, actor, self._nouns(at), before, unknown))

    def _month_told(self, sentence: SpacySpan, anchor: Span, speaker: Sequence[Span]) -> bool:
        """Whether the sentence gives a month or year as when the cue at ``anchor`` was said ("In a
        March meeting, X said"), outside the speaker's words ("X, who lived there until 1989,")."""
        return any(
            sentence.start_char <= t.span.start < sentence.end_char
            and not any(w.start <= t.span.start < w.end for w in speaker)
            and tells_when(self.doc, t, anchor)
            for t in self.months
        )

    def _past(self, anchor: Span) -> bool:
        """Whether the statement's cue is a verb in the simple past ("said") or a participle going
        on from one ("adding"); not "says", "has appeared to acknowledge"."""
        words = self.doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        return words is not None and words.root.tag_ in ("VBD", "VBG")

    def day_for(self, at: int, speaker: Sequence[Span], actor: str | None) -> SaidOn | None:
        """The date carried to a statement at ``at`` by ``speaker`` (None: nothing to carry): the
        day of the nearest earlier telling by the same speaker, or unknown when that one, in the
        same paragraph, was put in an earlier month or year ("In a March meeting X said ... . X
        said ..."), or, in the same sentence, was said at another time ("X said, adding ...").
        Nothing is carried over a date told between that is not the day carried."""
        names = self._names(speaker)
        root = self._root(speaker[0]) if speaker else None
        earlier = sorted((t for t in self.told if t.at < at), key=lambda t: (t.at, t.last), reverse=True)
        here = self._paragraph(at)
        for told in earlier:
            if here - self._paragraph(told.last) > REACH:
                return None
            if not _same(names, actor, told) and not (root and root in told.nouns):
                continue
            between = [t for t in self.dates if told.at < t.span.start < at]
            if told.day is None:
                paragraph = told.before and self._paragraph(told.last) == here
                sentence = told.unknown and self._sentence(told.at) == self._sentence(at)
                if not between and (paragraph or sentence) and _same(names, actor, told):
                    return None, "unknown"  # one speaker by name, not "the source" of a noun there
                return None
            if any(not (t.start and t.start <= told.day <= (t.end or t.start)) for t in between):
                return None  # a change of scene ("On Monday X said ... . In June he ...")
            return told.day, "text"
        return None

    def _sentence(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts."""
        token = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return token.sent.start_char if token is not None else pos

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
