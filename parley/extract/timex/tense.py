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
* No cue: an ``-ed`` word right after an article or a possessive ("the delayed Monday talks",
  "a scheduled Tuesday call", "the reduced dividend") qualifies a noun, and a past form there
  is a noun ("on the ground", "the left"); it says nothing of the clause's time, which is read
  as if it were not there.
* A verb of a timetable in the present right before the expression ("they meet separately
  Monday", "the delegation leaves on Friday") is future, in a line of prose (not a heading).

The words before the expression are read first (up to ten, back to the start of the clause);
with ``both_sides`` the words after it are read next, the same way, then, when neither has a cue,
up to thirty words back in the clause for a future one (a phrase with no verb of its own after
a future clause: "is scheduled to spend five hours in X, her first stop Tuesday morning").
No cue gives None, which callers read as "news default" (see the callers). :func:`governed_by`
looks only at the preposition in front ("since March", "by March") which places a month or a
date outright.
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
_DECIMAL = re.compile(r"(?<=\d)[.:](?=\d)")  # "4.50am", "10:30": no boundary


def _tokens(text: str) -> list[str]:
    """Words and clause boundaries; a full stop after an abbreviation ("Mr.", "N.J.") or a
    single letter is not a boundary."""
    out: list[str] = []
    for tok in _TOKEN.findall(_DECIMAL.sub("", text)):
        if tok == "." and out and (out[-1].lower() in _ABBREVIATIONS or len(out[-1]) == 1 or "." in out[-1]):
            continue
        out.append(tok)
    return out


def _cue(words: list[str], i: int) -> str | None:
    w = words[i].lower()
    prev = words[i - 1].lower() if i > 0 else ""
    ed = w.endswith("ed") and len(w) > 4 and words[i].islower() and w not in _NOT_PAST_ED
    if (ed or w in _PAST) and prev in _ARTICLES:
        # "the delayed Monday talks", "a scheduled call": an adjective of a noun; "on the
        # ground", "the left": a noun spelt like a past form
        return None
    if w in _FUTURE:
        if w == "next" and i + 1 < len(words) and words[i + 1].lower() == "to":
            return None  # "next to": a place
        if w in ("due", "scheduled", "expected", "going") and _had_before(words, i):
            return "past"
        if w in ("scheduled", "expected") and prev in ("than", "as"):
            return None  # "less bellicose than expected", "went ahead as scheduled": a comparison
        return "future"
    if w == "to" and prev in _INTENT and i + 1 < len(words) and words[i + 1].islower():
        return "past" if _had_before(words, i) else "future"
    if w in ("soon", "early") and prev == "as":
        return "future"
    if w in _PAST:
        return "past"
    if ed:
        return None if prev in _BE else "past"  # "was delayed": a passive participle
    return None


# Words before an adjective of a noun; not "that" ("the truce that started Monday" tells a past)
_ARTICLES = frozenset("the a an its his her their our".split())


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


_OPENING = frozenset('"“')
_CLOSING = frozenset('"”')
_SCARE_QUOTE = 6  # at most this many words between quotes that name a thing ("special operation")
# What turns the words after it into another clause: "said that the talks on 24 February ..."
_SUBORDINATE = frozenset("that whether if because when while as".split())


def _before(words: list[str]) -> list[int]:
    """Indices of the words before an expression, nearest first, up to the clause's start; a
    short quoted phrase ("a “special military operation” at dawn") is skipped, not a boundary."""
    out: list[int] = []
    i = len(words) - 1
    while i >= 0 and len(out) < _WINDOW:
        w = words[i]
        if w in _CLOSING:
            opening = next(
                (j for j in range(i - 1, max(-1, i - _SCARE_QUOTE - 2), -1) if words[j] in _OPENING), None
            )
            if opening is None or any(
                words[j] in _CLAUSE_END or words[j] == "." for j in range(opening + 1, i)
            ):
                break
            i = opening - 1
            continue
        if w in _CLAUSE_END or w == ".":
            break
        out.append(i)
        i -= 1
    return out


def tense_near(text: str, start: int, end: int, both_sides: bool = True) -> str | None:
    """``"past"``, ``"future"`` or None for the expression at ``text[start:end]``."""
    before = _tokens(text[max(0, start - 150) : start])
    if _scheduled(before) and _in_prose(text, start):
        return "future"  # "they meet separately Monday", "the council votes Tuesday"
    for i in _before(before):
        found = _cue(before, i)
        if found:
            return found
    if not both_sides:
        return None
    return _after(text, end) or _far_future(text, start)


def _scheduled(words: list[str]) -> bool:
    """The words right before the expression are a verb of a schedule in the present ("they meet
    Monday", "the team leaves on Friday", "talks resume again Tuesday"): news prose tells what is
    done in the past tense, so a present one with a day is a timetable. Not after "to", an
    auxiliary or a determiner ("agreed to meet Monday", "did not meet", "the meet Monday")."""
    i = len(words) - 1
    if i >= 0 and words[i].lower() == "on":
        i -= 1
    if i >= 0 and (words[i].lower().endswith("ly") or words[i].lower() == "again"):
        i -= 1  # "meet separately Monday"
    if i < 1 or words[i].lower() not in _SCHEDULE_VERBS or not words[i].islower():
        return False
    prev = words[i - 1]
    return prev.lower() not in _NOT_SUBJECT and prev not in _CLAUSE_END and prev != "."


def _in_prose(text: str, start: int) -> bool:
    """The expression's line ends like a sentence: a heading ("Envoy meets leaders Sunday") tells
    a past event in the present."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return bool(re.search(r"[.!?][\"'’”)]*$", line))


# Verbs of a timetable, present forms (general English words; not those often a noun, "a vote
# Monday", "his return Monday").
_SCHEDULE_VERBS = frozenset(
    "meet meets leave leaves arrive arrives depart departs resume resumes reconvene reconvenes "
    "convene convenes begin begins travels fly flies testify testifies".split()
)
_DETERMINERS = frozenset("the a an its his her their our this that these those".split())
_NOT_SUBJECT = (
    frozenset("to not n't never did do does will would can could may might should must shall".split())
    | _DETERMINERS
)
_FAR = 30  # how far back, in words, a future clause reaches a phrase with no verb of its own


def _far_future(text: str, start: int) -> str | None:
    """No cue near the expression: a future cue further back in the clause, with none nearer
    ("is scheduled to spend five hours in X, her first stop Tuesday morning"): the phrase with no
    verb of its own is of that clause. Only a future cue counts (the default is the past)."""
    before = _tokens(text[max(0, start - 400) : start])
    n = 0
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _CLAUSE_END or before[i] == "." or n >= _FAR:
            return None
        n += 1
        found = _cue(before, i)
        if found:
            return "future" if found == "future" else None
    return None


def _after(text: str, end: int) -> str | None:
    after = _tokens(text[end : end + 150])
    for n, word in enumerate(after):
        if n >= _WINDOW or word in _CLAUSE_END or word == ".":
            break
        found = _cue(after, n)
        if found:
            return found
    return None


def narrated(text: str, start: int, end: int) -> bool:
    """A date of what a past verb tells, in that verb's own clause: "Putin announced the start
    ... on 24 February", "In his call on 12 February, he found ...". Not when a subordinate
    clause lies between the verb and the date ("said that the talks on 24 February ..."), nor
    when the words after it look ahead ("said talks on 24 February would ...")."""
    window = text[max(0, start - 150) : start]
    before = _tokens(window)
    if before and before[-1].lower() in ("to", "through", "till"):
        return False  # "extended to Nov. 20": where something ends, not when it happened
    for i in _before(before):
        word = before[i].lower()
        if word in _SUBORDINATE or (word == "to" and i + 1 < len(before) and before[i + 1].islower()):
            return False  # another clause: "said that ...", "set to expire ..."
        found = _cue(before, i)
        if found:
            prev = before[i - 1].lower() if i > 0 else ""
            told = word in _REPORTING or word in _AUXILIARIES or word in _NOT_TOLD
            if found != "past" or told or prev in _BE_NOW:
                return False  # "said ... on", "was planned for ...": no past event of its own
            subject = prev in _SUBJECTS or (
                before[i - 1][:1].isupper() and len(prev) > 1 and prev not in _DETERMINERS
            )
            noun = i > 1 and before[i - 2].lower() in _DETERMINERS and prev not in _DETERMINERS  # "the army"
            if word not in _PAST and not (i > 0 and (subject or noun or prev in ("had", "have", "has"))):
                # "the reduced dividend", "directors authorized a split, payable ...": an -ed
                # word counts only right after its subject or "had" ("Putin announced", "they
                # agreed", "the army crossed", "he had travelled")
                return False
            if "," in window[window.lower().rfind(word) :]:
                return False  # "declared a dividend, payable Dec. 15": the date is of another phrase
            return _after(text, end) != "future"
    return False


_AUXILIARIES = frozenset("was were had did".split())
_BE_NOW = frozenset("be being is are am".split())  # "will be held on ...": not a past verb
_NOT_TOLD = frozenset("ago earlier yesterday since".split())
_SUBJECTS = frozenset("he she it they we i who".split())


# Verbs that tell of what is said: the date after them may be of what is said, or to come.
_REPORTING = frozenset("said told added wrote stated noted reported explained".split())
