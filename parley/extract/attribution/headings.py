"""A story's heading is no one's words, unless it has a cue and a speaker of its own.

A heading line (:class:`parley.extract.layout.Headings`: short, not ending like a sentence) in
the middle of a story ("A city that refused to fall", "Agency supports response efforts after
deadly rains") is the writer's title for what follows. Read as a sentence it can look like an
attribution (a relative clause "that refused to ...", a stand "supports ..."), and nothing else
stops it: the passes read every paragraph alike. :func:`drop_heading_words` drops an attribution
whose content starts on such a line, unless the line itself says who says it:

* ``Name: what they said`` (cue the colon, speaker before it on the line), a headline's label;
* a verb of saying as the line's main verb, with its speaker on the line ("Minister says talks
  will go on"); not a verb of thinking, wishing or taking a stand ("X supports ...": the
  writer's summary, not words said), nor one inside a relative clause.

A line that a crawler cut off where a link stood ("In fact, 21 people died, according to") is
no heading: it ends on an open word, a comma or a dash, starts in lower case, or runs on into a
next line in lower case.
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.extract import cues as C
from parley.extract.layout import Headings
from parley.models import Attribution, Span

from .document import DocIndex
from .transcript import ends_open
from .verbs import is_cue_verb

_RELATIVE_DEPS = frozenset({"relcl", "acl", "advcl", "amod", "pcomp", "xcomp", "ccomp", "csubj"})


def drop_heading_words(ix: DocIndex, found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` without the attributions of a heading that has no cue and speaker of its own."""
    if not found:
        return list(found)
    return [a for a in found if not _heading_words(ix, ix.headings, a)]


def _heading_words(ix: DocIndex, headings: Headings, a: Attribution) -> bool:
    line = headings.line(a.content.start)
    if line is None or not _heading(ix, line):
        return False
    if a.cue is None or a.source is None or not (_on(line, a.cue) and _on(line, a.source)):
        return True  # words of the heading, their cue or speaker elsewhere: no one's
    if a.cue.of(ix.text).strip() == ":":
        return False  # "Name: what they said"
    verbs = [ix.doc[i] for i in range(ix.tok_at(a.cue.start), ix.tok_at(a.cue.end - 1) + 1)]
    verbs = [t for t in verbs if is_cue_verb(t)]
    if not verbs:
        return True
    v = verbs[0]
    lemma = v.lemma_.lower()
    said = lemma in C.SPEECH_VERBS or lemma in C.PHRASAL_HEADS
    return not said or lemma in C.ASCRIBED_VERBS or v.dep_ in _RELATIVE_DEPS


def _heading(ix: DocIndex, line: tuple[int, int]) -> bool:
    """A heading, not a line the crawler broke off a sentence."""
    text = ix.text
    start, end = line
    words = text[start:end].strip()
    if not words or not words[0].isupper() and not words[0].isdigit():
        return False
    a = ix.tok_at(start + len(text[start:end]) - len(text[start:end].lstrip()))
    b = ix.tok_at(start + len(text[start:end].rstrip()) - 1) + 1
    if a >= b or ends_open(ix, b):
        return False
    after = text[end : end + 200].lstrip()
    return not after[:1].islower()


def _on(line: tuple[int, int], span: Span) -> bool:
    return line[0] <= span.start and span.end <= line[1]
