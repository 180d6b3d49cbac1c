"""Whether a statement is told as part of a story of long ago, in an article looking back.

A retrospective article (the run-up to a war, told years after) tells most of its events at
dates well before its own; in it, a statement in the simple past that is an act of that story
("The president announced that ...", "The commander reported that ...", "He no longer
believed ...", "The minister told him: ...") was said then, not on the publication day, and when
the text gives no day for it the date is unknown. What the people the writer spoke to said for
the article is dated by it as before: a cue of answering ("said", "recalled", "added",
"explained", "put it"), "told" a newspaper, reporters or "me", the present ("says", "suggest")
or the perfect ("has said"). A paragraph that gives a recent time ("this week", "now" in the
present) is not the old story.

An article looks back when at least :data:`OLD_DATES` dates are told as when something happened
(outside anyone's words) more than :data:`TOLD_BEFORE` before its publication, and more than
twice as many as those told nearer to it; a statement is of its story when the last such date
told before it is an old one (not a day's news followed by a paragraph of history).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parley.extract.said_on import EARLIER_THAN, TOLD_BEFORE, told_when
from parley.models import Article, Attribution, Span, TimeExpression
from parley.nlp import text_of

# how many dates told long before the article make it one looking back: a story told through
# many dated events ("It was November 2021", "On 12 February", "The next day"); a report of the
# day gives a few years of background (five in a report of a state visit, with 2011 and 2012)
OLD_DATES = 8
# verbs of answering the writer: a retrospective's interviews, dated by the article
_ANSWERING = frozenset(
    "say recall add explain note observe describe remember put reflect acknowledge admit concede".split()
)
# what "told" the writer is told to ("told the Guardian", "told reporters")
_PRESS = frozenset("reporter journalist newspaper paper interviewer press media outlet me us".split())


def retold(
    article: Article,
    att: Attribution,
    times: Sequence[TimeExpression],
    doc: Doc,
    contents: Sequence[Span],
) -> bool:
    """Whether the statement of ``att`` is an act of the story an article looking back tells, said
    at a time the text does not give: not on the publication day."""
    if att.cue is None or article.published is None:
        return False
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None:
        return False
    verb = cue.root
    if not _simple_past(verb) or _answering(verb, article):
        return False
    if _recent_paragraph(article, times, doc, att.cue):
        return False
    return _looks_back(article, times, doc, contents, att.cue.start)


def _simple_past(verb: Token) -> bool:
    """A verb in the simple past ("announced"), or one an infinitive or participle goes on from
    ("sent his envoy to warn the king", "insisting" after "said"); not "has said", "says"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.tag_ == "VBD"


def _answering(verb: Token, article: Article) -> bool:
    """Whether the cue reads as an answer given to the writer: a verb of answering, or "told"
    the press or the article's outlet ("told the Guardian")."""
    lemma = verb.lemma_.lower()
    if lemma in _ANSWERING:
        return True
    if lemma != "tell":
        return False
    outlet = (article.outlet or "").lower()
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            word = child.lower_ if child.pos_ == "PRON" else child.lemma_.lower()  # "me", not "I"
            if word in _PRESS or (child.pos_ == "PROPN" and len(word) > 2 and word in outlet):
                return True
    return False


def _recent_paragraph(article: Article, times: Sequence[TimeExpression], doc: Doc, cue: Span) -> bool:
    """Whether the cue's paragraph gives a time near the article's ("now", "this week"): told
    of the present, not of the old story. A century is no time near any day ("the 21st
    century"), nor is "now" told in the past ("Now, it looked as if ..."): the story's then."""
    assert article.published is not None
    text = text_of(doc)
    start = text.rfind("\n", 0, cue.start) + 1
    end = text.find("\n", cue.end)
    end = len(text) if end < 0 else end
    return any(
        start <= t.span.start < end
        and t.start is not None
        and (t.end or t.start) >= article.published - EARLIER_THAN
        and t.precision not in _LONG
        and not _then(doc, t)
        for t in times
    )


# precisions no nearer to one day than to another a lifetime before
_LONG = frozenset({"century", "decade"})


def _then(doc: Doc, t: TimeExpression) -> bool:
    """Whether a "now" is told in the past: its sentence's verb is in the simple past or the
    past perfect ("Now, it looked as if ...", "He was now convinced")."""
    words = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if words is None or words.text.lower() != "now":
        return False
    verb = words.sent.root
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children))


def _looks_back(
    article: Article, times: Sequence[TimeExpression], doc: Doc, contents: Sequence[Span], cue_at: int
) -> bool:
    """Whether the article tells most of its events long before its publication day, and the last
    date it told before the cue is one of those (a day's news with a paragraph of history after
    it is not told from then)."""
    assert article.published is not None
    told = [
        (t.span.start, (t.end or t.start) < article.published - TOLD_BEFORE)
        for t in times
        if t.type == "DATE"
        and t.start is not None
        and not any(p.start <= t.span.start < p.end for p in contents)
        and told_when(doc, t)
    ]
    old = sum(is_old for _, is_old in told)
    last = max((at for at in told if at[0] < cue_at), default=None)
    return old >= OLD_DATES and old > 2 * (len(told) - old) and last is not None and last[1]
