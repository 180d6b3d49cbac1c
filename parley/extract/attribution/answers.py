"""Questions and answers: a bare quote after a quoted question is the answer.

``"How did these words make you feel?" the lawyer asked the witness. ¶ "Nothing at all."``: the
quote after a question cued by a verb of asking is not the asker's. It is the person asked's
when the verb names them as its object (``asked the witness``), else no one's: an audience
(``asked reporters``) or no object leaves it without a source.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .document import DocIndex, Found
from .quotes import QUOTE_CHARS
from .speaker_phrases import np_span
from .verbs import is_verb

# Objects of "ask" that name an audience, not someone who answers.
_AUDIENCE = frozenset(
    """
    reporter journalist correspondent audience crowd viewer listener reader press media room
    attendee participant people public follower supporter
    """.split()
)


def asked_question(ix: DocIndex, f: Found) -> bool:
    """Whether ``f`` is a quoted question whose cue is a verb of asking."""
    if f.kind != "direct" or f.cue_i < 0:
        return False
    v = ix.doc[f.cue_i]
    if not is_verb(v) or v.lemma_.lower() not in C.ASK_VERBS:
        return False
    last = f.more[-1] if f.more else f.content
    return ix.text[last[0] : last[1]].rstrip("".join(QUOTE_CHARS) + " ").endswith("?")


def person_asked(ix: DocIndex, f: Found, answer: tuple[int, int]) -> tuple[int, int] | None:
    """The words for the one the question of ``f`` was put to (``asked the witness``), if any."""
    v = ix.doc[f.cue_i]
    obj = _object(v)
    if obj is None:
        return None
    return np_span(ix, obj, answer, v.i)


def _object(v: Token) -> Token | None:
    """The named person ``v`` asks: a noun object after it that is not an audience or a question."""
    for c in v.children:
        if c.dep_ in ("dobj", "dative") and c.i > v.i and c.pos_ in ("NOUN", "PROPN"):
            low = c.lemma_.lower()
            if low in _AUDIENCE or low in C.QUESTION_NOUNS or c.ent_type_ in ("DATE", "TIME"):
                return None
            return c
    return None
