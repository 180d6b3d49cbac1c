"""The same statement twice in one article: repeated words, or a quote inside a longer telling.

A page repeats a speaker's words (a summary's bullets, a pull quote set apart under the
speaker's name, ``“... of Cuba.” – the president``) with other speaker words (``he`` and the
full name) and other punctuation (``,”`` and ``.”``): words are compared with case,
punctuation and quote marks folded. Speakers agree when they resolve to one actor, or when
one of them is not resolved and their words do not differ from the other's as two
unresolved names would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from parley.models import Statement

MIN_WORDS = 5  # fewer words, and two speakers' words must be the same to be one statement
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> str:
    """``text`` as lower-case words, punctuation and quote marks left out."""
    return " ".join(w.replace("’", "'") for w in _WORD.findall(text.lower()))


def _speaker(s: Statement) -> str:
    return " ".join((s.speaker or "").lower().split())


def same_speaker(a: Statement, b: Statement) -> bool:
    """Whether two statements' speakers agree: one actor, or one unresolved side whose words
    match the other's (or that has no words), or the resolved side of one and the other's none."""
    if a.speaker_actor_id and b.speaker_actor_id:
        return a.speaker_actor_id == b.speaker_actor_id
    if a.speaker_actor_id or b.speaker_actor_id:
        return True  # one resolved: the other is the same words, its speaker left unnamed
    return not _speaker(a) or not _speaker(b) or _speaker(a) == _speaker(b)


def _same_words_said(a: Statement, b: Statement) -> bool:
    return _speaker(a) == _speaker(b) and a.speaker_actor_id == b.speaker_actor_id


def same_words(statements: Sequence[Statement]) -> Iterator[list[Statement]]:
    """Groups (two or more, in text order) of statements with the same words, nesting and
    speaker."""
    groups: dict[tuple[str, str | None], list[list[Statement]]] = {}
    for s in statements:
        key = (words(s.text), s.embedded_in)
        if not key[0]:
            continue
        runs = groups.setdefault(key, [])
        # a short answer ("No.", "We will see.") two people may give: only with the same speaker words
        agree = same_speaker if len(key[0].split()) >= MIN_WORDS else _same_words_said
        run = next((r for r in runs if all(agree(s, o) for o in r)), None)
        if run is None:
            runs.append([s])
        else:
            run.append(s)
    for runs in groups.values():
        yield from (r for r in runs if len(r) > 1)


def quote_inside(s: Statement, statements: Sequence[Statement]) -> Statement | None:
    """The same speaker's longer statement whose span holds direct quote ``s`` and whose words
    hold its words (``X argued that Y was calling for it, “and for terror.”`` and the quote
    ``“and for terror.”`` of its own), else None."""
    if s.kind != "direct" or s.embedded_in:
        return None
    mine = words(s.text)
    for o in statements:
        if o is s or o.embedded_in or o.span == s.span:
            continue
        if not (o.span.start <= s.span.start and s.span.end <= o.span.end):
            continue
        if mine and mine in words(o.text) and same_speaker(s, o):
            return o
    return None
