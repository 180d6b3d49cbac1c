"""The date a statement was said, read from its own sentence and its paragraph.

In order: a day-precise time expression in the cue's sentence outside the quoted content
("Zelensky said on Wednesday ..."), a date before a clock time ("at 4.50am on 24 February"),
and not a date inside the cue's object ("told reporters about the 9 January attack") nor one of
a clause coordinated with the cue's that has a verb and subject of its own ("X first claimed it
on 10 May, and Y reported that ...") -> unknown when that sentence puts the saying in an earlier
month or year -> unknown when the cue tells of an earlier time and gives no date of its own
("has previously said", "once predicted", "said at the time", "Earlier, X said", "had said",
"told the paper then") -> when the paragraph is telling of a time well before the article's, for a
cue in the simple past, the day it last named (unknown for a month or a year: :func:`_told_before`;
a month before is enough when that date was of someone saying something, "In a March meeting, X
said"; a story narrated in the past over paragraphs takes the date of the one or two before:
:func:`_scene_before`) -> unknown when an article looking back on events long before it tells,
in the simple past, an act of its story that is no answer given to the writer
(:mod:`parley.extract.said_on_retold`) -> the article's publication date -> unknown. A day
after the publication date is never the day said (a yearless date put in the wrong year): unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.extract.said_on_due import ahead, due
from parley.models import Article, Attribution, Span, TimeExpression
from parley.nlp import text_of

SaidOn = tuple[dt.date | None, str]


def said_on(
    article: Article,
    att: Attribution,
    times: Sequence[TimeExpression],
    doc: Doc,
    anchor: Span,
    contents: Sequence[Span] = (),
) -> SaidOn:
    found = _said_on(article, att, times, doc, anchor, contents)
    day = found[0]
    if day is not None and article.published and day > article.published:
        return None, "unknown"  # said after the article was published: a date put in the wrong year
    return found


def _said_on(
    article: Article,
    att: Attribution,
    times: Sequence[TimeExpression],
    doc: Doc,
    anchor: Span,
    contents: Sequence[Span],
) -> SaidOn:
    sent = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    earlier = False  # the sentence puts what is said in a month or year before the article's
    own = False  # the sentence gives a time of its own outside the content ("last week")
    if sent is not None:
        s = sent.sent
        days: list[TimeExpression] = []
        for t in times:
            in_sentence = s.start_char <= t.span.start and t.span.end <= s.end_char
            in_content = any(p.start <= t.span.start < p.end for p in att.parts)
            if not in_sentence or in_content or t.start is None:
                continue
            if t.precision == "day":
                if not _elsewhere(doc, t, att):
                    days.append(t)
                continue
            own = True
            ended = t.end or t.start
            if article.published and ended < article.published - EARLIER_THAN and tells_when(doc, t, att.cue):
                earlier = True
        if days:  # a date before a clock time, then the first in the text
            first = min(days, key=lambda t: (t.type != "DATE", t.span.start))
            return first.start, "text"
    if earlier:  # "in September 2022, when it said ...": not said on the article's day
        return None, "unknown"
    if not own and _earlier_cue(doc, att):
        return None, "unknown"
    if sent is not None and article.published and not own:
        told = _told_before(article, att, times, doc, sent.sent, contents)
        if told is not None:
            return told
    if article.published and not own and _retold(article, att, times, doc, contents):
        return None, "unknown"  # an act of the story an article looking back tells, on no day given
    if article.published:
        return article.published, "article"
    return None, "unknown"


def _retold(
    article: Article, att: Attribution, times: Sequence[TimeExpression], doc: Doc, contents: Sequence[Span]
) -> bool:
    from parley.extract.said_on_retold import retold  # it reads this module's tellings of a time

    return retold(article, att, times, doc, contents)


# adverbs telling that the saying was at an earlier time ("has previously said", "once predicted")
_EARLIER_ADVERBS = frozenset({"previously", "once", "earlier", "formerly"})


def _earlier_cue(doc: Doc, att: Attribution) -> bool:
    """Whether the cue tells of a saying at an earlier time without giving it: an adverb
    ("previously", "once", "earlier", "formerly", "then" after the cue), "at the time", "at that
    time", "in the past", or the past perfect ("had said")."""
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand") if att.cue else None
    if cue is None:
        return False
    verb = cue.root
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "advmod" and (word in _EARLIER_ADVERBS or (word == "then" and child.i > verb.i)):
            return True  # "then" after the cue is "at that time" ("told the paper then"), before it "next"
        if child.dep_ == "aux" and word == "had" and verb.tag_ == "VBN":
            return True
        if child.dep_ == "prep" and word in ("at", "in"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if any(_the(o) and (o.lower_, word) in (("time", "at"), ("past", "in")) for o in objects):
                return True
    return False


def _the(token: Token) -> bool:
    """Whether a noun has "the" or "that" and nothing else before it ("at the time", "at that
    time", not "at the same time")."""
    before = [c for c in token.children if c.i < token.i]
    return len(before) == 1 and before[0].lower_ in ("the", "that")


# nouns of a saying a date may stand before ("in his 1 February interview")
_SAYING_NOUNS = frozenset(
    "interview statement statements speech address briefing remarks comments conference post "
    "message call letter report article column op-ed appearance testimony".split()
)
# prepositions heading what a saying is about ("told reporters about the 9 January attack")
_TOPIC_PREPOSITIONS = frozenset({"about", "of", "over", "regarding", "concerning"})


def _elsewhere(doc: Doc, t: TimeExpression, att: Attribution) -> bool:
    """Whether a day in the cue's sentence dates something else than the saying: it stands
    before a noun that is not a saying ("the 9 January attack"), is inside the cue's object
    ("told reporters about the attack of 9 January"), or is in a clause coordinated with the
    cue's that has its own verb and subject ("X claimed it on 10 May, and Y reported that"), or
    is a day something else is or was due on ("a speech, due on 14 April", "who will land on
    Friday"; not the saying's own, "is due to announce on Friday")."""
    date = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand") if att.cue else None
    if date is None or cue is None or t.type != "DATE":
        return False
    verb, token = cue.root, date.root
    if due(doc, t) and not ahead(verb):
        return True  # a day something else is or was due on ("an address, due on 14 April")
    if token.dep_ in ("compound", "nmod", "amod", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
        if token.head.i > token.i and token.head.lemma_.lower() not in _SAYING_NOUNS:
            return True
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        nested = token.i != date.root.i  # the date is inside this noun phrase, not all of it
        if nested and token.dep_ == "dobj" and token.head.i == verb.i:
            return True  # the cue's object
        topic = token.dep_ == "pobj" and token.head.lower_ in _TOPIC_PREPOSITIONS
        if nested and topic and token.head.head.i == verb.i:
            return True  # what the saying is about
        token = token.head
    if token.i == verb.i or token.pos_ not in ("VERB", "AUX"):
        return False
    coordinated = (token.dep_ == "conj" and token.head.i == verb.i) or (
        verb.dep_ == "conj" and verb.head.i == token.i
    )
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return coordinated and subject


# how long before the publication date the day a paragraph is telling of must be for a statement
# in the past tense there not to be dated by the article (the times layer's narrative bound)
TOLD_BEFORE = dt.timedelta(days=180)


def _told_before(
    article: Article,
    att: Attribution,
    times: Sequence[TimeExpression],
    doc: Doc,
    sent: SpacySpan,
    contents: Sequence[Span],
) -> tuple[dt.date | None, str] | None:
    """When the paragraph is telling of a time well before the article's ("On 12 February
    [2022], Biden called Putin. ... Putin said ..."), a statement in the simple past without a
    date of its own was said then, not on the publication day: the day last named before it
    (dated "text"), or unknown when that was a month or a year. The date must be told as when
    something happened (``in``, ``on``, ``at``, ``during`` it, or alone, in the simple past)
    in the statement's paragraph, at most two sentences before it, and in no one's words
    (``contents``); not "since 2022", "the 2023–2024 suspension", "has previously warned"; and
    the statement must go on with that sentence's story (:func:`_same_story`). None otherwise,
    or when that date is recent (nor is this asked when the cue's sentence has a time of its own).
    When the date is of a saying ("In a March meeting, X said ... . X said"), a month before the
    article's is not recent (:func:`_dated_saying`).
    """
    assert article.published is not None
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand") if att.cue else None
    if cue is None or cue.root.tag_ != "VBD":
        return None
    paragraph_start = text_of(doc).rfind("\n", 0, sent.start_char) + 1
    cue_sentence = sent.start_char
    reach = sent.start_char
    for _ in range(2):  # the two sentences before, in the paragraph
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        if previous is None or previous.start_char < paragraph_start:
            break
        sent, reach = previous, previous.start_char
    last = None
    for t in times:
        if t.type != "DATE" or t.start is None or not reach <= t.span.start < cue_sentence:
            continue
        if any(p.start <= t.span.start < p.end for p in contents):
            continue
        if last is None or t.span.start > last.span.start:
            last = t
    if last is None:
        last = _scene_before(doc, times, sent, paragraph_start, cue_sentence)
    if last is None or (ended := last.end or last.start) is None:
        return None
    said = _dated_saying(doc, last)  # "In a March meeting, X said ... . X said": a month before is enough
    if ended >= article.published - (EARLIER_THAN if said else TOLD_BEFORE) or not (
        said or told_when(doc, last)
    ):
        return None
    if not _same_story(doc, att, last):
        return None  # "Russia invaded in February 2022. Zelensky said ...": background, then today
    return (last.start, "text") if last.precision == "day" else (None, "unknown")


# verbs of saying a date told before may date ("In a March 2016 meeting, X said ...")
_SAYING_VERBS = frozenset("say tell state announce claim declare warn argue write add insist stress".split())
# nouns of an occasion one speaks at, besides the nouns of a saying
_OCCASION_NOUNS = frozenset(
    "meeting forum debate rally hearing session summit event conversation visit".split()
)
_SPOKEN_AT = _SAYING_NOUNS | _OCCASION_NOUNS


def _dated_saying(doc: Doc, t: TimeExpression) -> bool:
    """Whether a date tells when someone said something, in the simple past: "on 3 March X said",
    "In a March 2016 meeting with the board, X said", "X told the paper in June"."""
    date = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if date is None:
        return False
    token = date.root
    if token.dep_ in ("nmod", "compound", "amod") and token.head.lemma_.lower() in _SPOKEN_AT:
        token = token.head  # "a March 2016 meeting"
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "on", "at", "during"):
        return False
    verb = token.head.head
    return verb.tag_ == "VBD" and verb.lemma_.lower() in _SAYING_VERBS


def _scene_before(
    doc: Doc, times: Sequence[TimeExpression], first: SpacySpan, paragraph_start: int, cue_sentence: int
) -> TimeExpression | None:
    """The date a story told over paragraphs is set on ("It was November 2021, ... [two paragraphs
    on] the envoy laid out his case, but the president ignored him. His agencies had told him, he said, ..."):
    when the statement's paragraph narrates in the simple past before the cue's sentence (``first``
    is the earliest of the sentences read; none of them is someone saying something) and gives no
    time of its own up to the cue, the last date of the one or two paragraphs before it, when
    nothing else is in the way and it dates the main clause of its sentence. None otherwise."""
    text = text_of(doc)
    told = _sentences(doc, first, cue_sentence)
    if first.start_char == cue_sentence or any(_reported(s) for s in told):
        return None  # the statement opens its paragraph, or the paragraph does not narrate the past
    if any(paragraph_start <= t.span.start < cue_sentence for t in times):
        return None
    reach = paragraph_start
    for _ in range(2):  # the two paragraphs before (blank lines are none)
        end = reach - 1
        while end > 0 and text[end - 1] == "\n":
            end -= 1
        if end <= 0:
            break
        reach = text.rfind("\n", 0, end) + 1
        if any(reach <= t.span.start < paragraph_start for t in times):
            break
    before = [t for t in times if reach <= t.span.start < paragraph_start and t.type == "DATE" and t.start]
    last = max(before, key=lambda t: t.span.start, default=None)
    return last if last is not None and main_clause(doc, last) else None


def _reported(sentence: SpacySpan) -> bool:
    """Whether a sentence is no narration in the simple past: its verb is in another tense, or
    is one of saying ("The minister said that ...")."""
    root = sentence.root
    return root.tag_ != "VBD" or root.lemma_.lower() in _REPORTING_VERBS


# verbs of telling besides those of saying a date may date
_TELLING_VERBS = frozenset("recall explain ask reply admit note".split())
_REPORTING_VERBS = _SAYING_VERBS | _TELLING_VERBS


def main_clause(doc: Doc, t: TimeExpression) -> bool:
    """Whether a date dates its sentence's main clause: it stands on the sentence's verb or one
    joined to it, alone or after a preposition ("It was November 2021, and ...", "On 24 February
    the troops crossed"), not in a clause inside ("Four years after the army invaded on 24 February
    2022, the archbishop said ...") nor on a noun ("a close aide in 2012")."""
    date = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if date is None:
        return False
    token = date.root
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    root = verb.sent.root
    return verb.i == root.i or (verb.dep_ == "conj" and verb.head.i == root.i)


def _sentences(doc: Doc, first: SpacySpan, end: int) -> list[SpacySpan]:
    """The sentences from ``first`` on that start before ``end``."""
    found: list[SpacySpan] = []
    sent = first
    while sent.start_char < end:
        found.append(sent)
        if sent.end >= len(doc):
            break
        sent = doc[sent.end].sent
    return found


def _same_story(doc: Doc, att: Attribution, t: TimeExpression) -> bool:
    """Whether the statement goes on with the story of the date's sentence: its speaker is a
    pronoun ("... he asked") or a name or noun that sentence holds too ("In Biden's last call
    with Putin on 12 February ... Biden told his aides"; "The envoy called ... the envoy told").
    """
    if att.source is None:
        return False
    speaker = doc.char_span(att.source.start, att.source.end, alignment_mode="expand")
    date = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if speaker is None or date is None:
        return False
    if speaker.root.lower_ in _PRONOUNS:
        return True
    told = {w.lemma_.lower() for w in date.sent if w.pos_ in ("PROPN", "NOUN")}
    return any(w.pos_ in ("PROPN", "NOUN") and w.lemma_.lower() in told for w in speaker)


_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def told_when(doc: Doc, t: TimeExpression) -> bool:
    """Whether a date is told as when something happened: ``in``/``on``/``at``/``during`` it,
    alone, or what a time "was" ("It was November 2021"), in a sentence in the simple past; or
    told from another ("Fifteen years earlier"), in the simple past or the past perfect; not
    "since 2022" nor "the 2023–2024 suspension", nor a day something was due or expected on
    ("a speech, due on 21 April", "talks were expected to open on 3 May": a plan, not a happening)."""
    date = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if date is None or due(doc, t):
        return False
    root, verb = date.root, date.sent.root
    told = root.dep_ in ("npadvmod", "tmod", "attr") or (
        root.dep_ == "pobj" and root.head.lower_ in ("in", "on", "at", "during")
    )
    if root.dep_ == "advmod" and root.lower_ in _AFTER_OR_BEFORE:  # "Fifteen years earlier, he had been"
        return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children))
    return told and verb.tag_ == "VBD"


# adverbs of a date told from another ("Fifteen years earlier", "Two days later")
_AFTER_OR_BEFORE = frozenset({"earlier", "later", "before"})


# how long before the publication date a month or year the sentence gives must have ended for
# the statement not to be dated by the article
EARLIER_THAN = dt.timedelta(days=31)


def tells_when(doc: Doc, t: TimeExpression, cue_span: Span | None) -> bool:
    """Whether the time expression dates the saying of the cue at ``cue_span``: the first verb
    above it is the cue or a verb the cue's clause hangs from ("published its figures in September
    2022, when it said ..."), not a clause about something else ("the conflict, which began in
    February 2022")."""
    date = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    cue = doc.char_span(cue_span.start, cue_span.end, alignment_mode="expand") if cue_span else None
    if date is None or cue is None:
        return False
    above_cue = {cue.root.i, *(a.i for a in cue.root.ancestors)}
    token = date.root
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "appos"):
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.i in above_cue
    return False
