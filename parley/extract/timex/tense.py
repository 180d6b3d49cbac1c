"""A cheap guess at whether a time expression is in a past or a future context.

No parser: the words of the same clause next to the expression are read, nearest first, for
a cue.

* Future cues: ``will``, ``'ll``, ``shall``, ``would``, ``going``, ``due``, ``scheduled``,
  ``expected``, ``next``, ``upcoming``, ``as soon as``, ``as early as``, and an infinitive
  after a word of intention or plan (``planned to leave``, ``is to resume``, ``set to
  open``). A future cue governed by ``had`` ("had been due to expire") is past.
* Past cues: ``said``, ``was``, ``were``, ``had``, ``did``, ``since``, a list of irregular
  past forms, and any other lower-case word ending in ``-ed`` ("United" is a name) that is
  not a passive participle (after ``be``/``been``/``being``/``is``...).

The words before the expression are read first (up to ten, back to the start of the clause);
with ``both_sides`` the words after it are read next, the same way. No cue gives None, which
callers read as "news default" (see the callers). :func:`governed_by` looks only at the
preposition in front ("since March", "by March") which places a month or a date outright.
"""

from __future__ import annotations

import re

_FUTURE = frozenset("will 'll wo shall would going due scheduled expected upcoming next".split())
_PAST = frozenset(
    "said told was were had did met went came took gave made began left held spoke saw sent "
    "got found struck fell rose won lost wrote ran led sold bought brought paid kept flew drew "
    "withdrew threw grew blew became knew thought felt heard meant quit broke chose fought "
    "sought caught taught stood understood spent built fled hid sat ate froze woke arose bore "
    "swore tore shook forgave sang rang sank swam dug hung stuck stole drove rode overtook "
    "undertook upheld withheld dealt slept swept wept laid misled ground wound lent bent "
    "ago earlier yesterday since".split()
)
_NOT_PAST_ED = frozenset("need speed proceed exceed succeed feed seed bed red shed indeed".split())
_BE = frozenset("be been being is are am was were".split())
# Words after which "to" + verb is a plan for later: "planned to leave", "is to resume".
_INTENT = frozenset(
    "is are am was were due set expected scheduled going likely plans planned planning plan "
    "wants want wanted hopes hope hoped intends intend intended aims aim aimed agreed decided "
    "prepared ready poised slated promised pledged vowed threatened offered ought about able "
    "unlikely".split()
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt jr sr inc corp co ltd no vs prof capt cmdr "
    "adm maj sept oct nov dec jan feb aug apr".split()
)
_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z']+|[.;:!?\"“”()]|--|—|–")
_CLAUSE_END = frozenset(list(';:!?"“”()') + ["--", "—", "–"])
_WINDOW = 10


def _tokens(text: str) -> list[str]:
    """Words and clause boundaries; a full stop after an abbreviation ("Mr.", "N.J.") or a
    single letter is not a boundary."""
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        if tok == "." and out and (out[-1].lower() in _ABBREVIATIONS or len(out[-1]) == 1 or "." in out[-1]):
            continue
        out.append(tok)
    return out


def _cue(words: list[str], i: int) -> str | None:
    w = words[i].lower()
    prev = words[i - 1].lower() if i > 0 else ""
    if w in _FUTURE:
        if w == "next" and i + 1 < len(words) and words[i + 1].lower() == "to":
            return None  # "next to": a place
        if w in ("due", "scheduled", "expected", "going") and _had_before(words, i):
            return "past"
        return "future"
    if w == "to" and prev in _INTENT and i + 1 < len(words) and words[i + 1].islower():
        return "past" if _had_before(words, i) else "future"
    if w in ("soon", "early") and prev == "as":
        return "future"
    if w in _PAST:
        return "past"
    if w.endswith("ed") and len(w) > 4 and words[i].islower() and w not in _NOT_PAST_ED:
        return None if prev in _BE else "past"
    return None


def governed_by(text: str, start: int) -> str | None:
    """``"since"`` for "since March" (a start in the past), ``"deadline"`` for "by March",
    "until March", "effective March 1" (mostly ahead), None otherwise."""
    before = text[max(0, start - 30) : start]
    if _SINCE.search(before):
        return "since"
    if _DEADLINE.search(before):
        return "deadline"
    return None


def _had_before(words: list[str], i: int) -> bool:
    return any(w.lower() == "had" for w in words[max(0, i - 3) : i])


_SINCE = re.compile(r"(?i)\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?)?$")
_DEADLINE = re.compile(
    r"(?i)\b(?:by|until|till|before|due|effective|scheduled\s+for|set\s+for)\s+"
    r"(?:early\s+|late\s+|mid-?)?$"
)


def tense_near(text: str, start: int, end: int, both_sides: bool = True) -> str | None:
    """``"past"``, ``"future"`` or None for the expression at ``text[start:end]``."""
    before = _tokens(text[max(0, start - 150) : start])
    for n, i in enumerate(range(len(before) - 1, -1, -1)):
        if n >= _WINDOW or before[i] in _CLAUSE_END or before[i] == ".":
            break
        found = _cue(before, i)
        if found:
            return found
    if not both_sides:
        return None
    after = _tokens(text[end : end + 150])
    for n, word in enumerate(after):
        if n >= _WINDOW or word in _CLAUSE_END or word == ".":
            break
        found = _cue(after, n)
        if found:
            return found
    return None
