"""Running a rule's pattern over a text faster, with exactly the matches of ``finditer``.

Every rule's pattern opens with a look-behind (an expression starts a word). Python's regex
engine skips ahead quickly only to where a pattern's first character can occur, and only when
the pattern opens with that character or character set; behind a look-behind it starts a full
match attempt at every position of the text, and those attempts were most of the time the
tagger took. So each pattern ``P`` gets a *finder*: ``[F](?<=(?=P)[\\s\\S])``, where ``[F]``
holds every character a match of ``P`` can begin with (read from the parsed pattern). The
finder opens with a character set, so the engine skips ahead fast; it matches one character
at each position where ``P`` matches, and :func:`finditer` takes ``P``'s match there, leaving
out the positions inside the previous match, as ``finditer`` itself does.

A pattern whose first characters cannot be read (or that can match the empty string) keeps
plain ``finditer``.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterator
from types import ModuleType

sre_parse: ModuleType | None
try:  # the re module's own parser: private, so its absence or a change only costs speed
    sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without it
    sre_parse = None

_CATEGORIES = {  # the class escape of each category the parser reports
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
# Characters outside ASCII that a case-insensitive ASCII letter matches (the Kelvin sign for
# "k", the long s for "s", the dotted and dotless i); tests/extract/test_timex.py checks this
# against every character there is.
_CASE_EXTRAS = "\u0130\u0131\u017f\u212a"


class _Unreadable(Exception):
    """The pattern's first characters cannot be told from its parse."""


def _char(code: int, ignore_case: bool) -> set[str]:
    c = chr(code)
    if not ignore_case or c not in string.ascii_letters:
        if ignore_case and not c.isascii():
            raise _Unreadable(c)
        return {c}
    return {x for x in c.lower() + c.upper() + _CASE_EXTRAS if re.fullmatch("(?i)" + re.escape(c), x)}


def _class_items(items: list, ignore_case: bool) -> tuple[set[str], set[str]]:
    """The characters and class escapes of a parsed ``[...]``."""
    chars: set[str] = set()
    escapes: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars |= _char(av, ignore_case)
        elif name == "RANGE":
            lo, hi = av
            if hi - lo > 256:
                raise _Unreadable("wide range")
            for code in range(lo, hi + 1):
                chars |= _char(code, ignore_case)
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            escapes.add(_CATEGORIES[str(av)])
        else:  # NEGATE and anything else
            raise _Unreadable(name)
    return chars, escapes


def _first(items: list, ignore_case: bool) -> tuple[set[str], set[str], bool]:
    """(characters, class escapes, can be empty) of a parsed sequence's first character."""
    chars: set[str] = set()
    escapes: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # takes no character: the next item gives the first one
        if name == "LITERAL":
            return chars | _char(av, ignore_case), escapes, False
        if name == "IN":
            c, e = _class_items(av, ignore_case)
            return chars | c, escapes | e, False
        if name == "BRANCH":
            empty = False
            for alternative in av[1]:
                c, e, alt_empty = _first(alternative, ignore_case)
                chars |= c
                escapes |= e
                empty = empty or alt_empty
            if not empty:
                return chars, escapes, False
            continue
        if name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = av
            case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            c, e, empty = _first(sub.data, case)
            chars |= c
            escapes |= e
            if not empty:
                return chars, escapes, False
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            c, e, empty = _first(sub.data, ignore_case)
            chars |= c
            escapes |= e
            if low > 0 and not empty:
                return chars, escapes, False
            continue
        if name == "ATOMIC_GROUP":
            c, e, empty = _first(av.data, ignore_case)
            chars |= c
            escapes |= e
            if not empty:
                return chars, escapes, False
            continue
        raise _Unreadable(name)  # ANY, NOT_LITERAL, GROUPREF ...: any character may open it
    return chars, escapes, True


def finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The finder of ``pattern`` (see the module's docstring), or None."""
    if sre_parse is None or pattern.flags != re.UNICODE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern)
        if parsed.getwidth()[0] == 0:
            return None
        chars, escapes, empty = _first(parsed.data, False)
    except (_Unreadable, re.error, TypeError, ValueError):
        return None
    if empty or not (chars or escapes):
        return None
    first = "".join(re.escape(c) if c not in "-]\\^" else "\\" + c for c in sorted(chars))
    return re.compile(f"[{first}{''.join(sorted(escapes))}](?<=(?={pattern.pattern})[\\s\\S])")


def finditer(
    pattern: re.Pattern[str],
    found: re.Pattern[str] | None,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, found with ``found`` (its finder) when it has one."""
    end = len(text) if endpos is None else endpos
    if found is None:
        yield from pattern.finditer(text, pos, end)
        return
    after = pos  # where the previous match ended: finditer's next search starts there
    for hit in found.finditer(text, pos, end):
        start = hit.start()
        if start < after:
            continue
        m = pattern.match(text, start, end)
        if m is None:  # pragma: no cover - the finder matched where the pattern does
            raise AssertionError(f"finder and pattern disagree at {start}: {pattern.pattern!r}")
        yield m
        after = m.end()
