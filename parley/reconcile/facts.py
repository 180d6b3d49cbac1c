"""The facts a rewrite must keep: numbers, dates, names and negation, read from one sentence.

No embedding tells "an army of 600,000" from "an army of 800,000", or "approved" from "did not
approve": sentence vectors of both are nearly equal. So once two sentences are aligned as the same
statement (:mod:`parley.reconcile.copies`), their facts are compared here, and a change makes the
later article a *different report*, not a copy.

- **numbers**: digits with any grouping (``600,000``, ``600.000``, ``600 000``), decimals, scale
  words (``1.5 million``, ``2 млн``) and the number words one to twelve, in the languages listed
  below; a number moved to another sentence of the other article is not a change.
- **dates**: month and weekday names (English, German, French, Spanish, Russian, Ukrainian); days
  and years are numbers.
- **names**: runs of two or more capitalised words, compared by their last word (a surname, fuzzily,
  so "Petrenkov" is "Petrenko"); only within one script, so a transliteration is not a change. A name
  is lost or gained only when the other article has no such word at all (any case), nor one near
  it among its capitalised words ("Karim" of "Abdul Karim al-Nasser" is in "Abdul Karim Al
  Nasser"); a particle ("al", "bin", "van") is never a name.
- **negation**: whether the sentence carries a negation or a denial word (``not``, ``never``,
  ``denied``, ``nicht``, ``не`` ...).

A difference is reported only when both sides have something the other lacks (a number replaced
by another, a name by another), never for a detail one side merely leaves out. Whether the rest
of the two sentences says the same thing is :mod:`parley.reconcile.same_clause`'s to tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "tausend": 1e3, "millionen": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mille": 1e3, "millions": 1e6, "milliard": 1e9,
    "milliards": 1e9, "mil": 1e3, "millones": 1e6, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3,
    "тис": 1e3, "тисяч": 1e3, "млн": 1e6, "млрд": 1e9, "bn": 1e9, "m": 1e6,
}  # fmt: skip
_WORDS = {
    # one to twelve: en, de, fr, es, ru, uk
    **dict.fromkeys(("one", "eins", "ein", "eine", "un", "une", "uno", "una", "один", "одна", "один"), 1),
    **dict.fromkeys(("two", "zwei", "deux", "dos", "два", "две", "два", "дві"), 2),
    **dict.fromkeys(("three", "drei", "trois", "tres", "три"), 3),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro", "четыре", "чотири"), 4),
    **dict.fromkeys(("five", "fünf", "cinq", "cinco", "пять", "п'ять", "пʼять"), 5),
    **dict.fromkeys(("six", "sechs", "seis", "шесть", "шість"), 6),
    **dict.fromkeys(("seven", "sieben", "sept", "siete", "семь", "сім"), 7),
    **dict.fromkeys(("eight", "acht", "huit", "ocho", "восемь", "вісім"), 8),
    **dict.fromkeys(("nine", "neun", "neuf", "nueve", "девять", "дев'ять"), 9),
    **dict.fromkeys(("ten", "zehn", "dix", "diez", "десять"), 10),
    **dict.fromkeys(("eleven", "elf", "onze", "once", "одиннадцать", "одинадцять"), 11),
    **dict.fromkeys(("twelve", "zwölf", "douze", "doce", "двенадцать", "дванадцять"), 12),
}
_MONTHS = (
    ("jan", "ene", "janv", "янв", "січ"),
    ("feb", "fév", "fev", "febr", "фев", "лют"),
    ("mar", "mär", "мар", "бер"),
    ("apr", "avr", "abr", "апр", "квіт"),
    ("may", "mai", "mayo", "мая", "май", "трав"),
    ("jun", "juin", "июн", "черв"),
    ("jul", "juil", "июл", "лип"),
    ("aug", "août", "ago", "авг", "серп"),
    ("sep", "sept", "сен", "вер"),
    ("oct", "okt", "окт", "жовт"),
    ("nov", "ноя", "лист"),
    ("dec", "dez", "déc", "dic", "дек", "груд"),
)
_MONTH_WORD = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|januar|februar|märz|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"январ\w*|феврал\w*|марта?|апрел\w*|ма[яй]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
    r"ноябр\w*|декабр\w*|січн\w*|лют\w*|берез\w*|квітн\w*|травн\w*|червн\w*|липн\w*|серпн\w*|"
    r"вересн\w*|жовтн\w*|листопад\w*|грудн\w*)\b",
    re.IGNORECASE,
)
_WEEKDAYS = (
    ("monday", "montag", "lundi", "lunes", "понедельник", "понеділ"),
    ("tuesday", "dienstag", "mardi", "martes", "вторник", "вівтор"),
    ("wednesday", "mittwoch", "mercredi", "miércoles", "сред", "серед"),
    ("thursday", "donnerstag", "jeudi", "jueves", "четверг", "четвер"),
    ("friday", "freitag", "vendredi", "viernes", "пятниц", "п'ятниц"),
    ("saturday", "samstag", "samedi", "sábado", "суббот", "субот"),
    ("sunday", "sonntag", "dimanche", "domingo", "воскресен", "неділ"),
)
NEGATION = re.compile(
    r"(n't|n’t)\b|\b(not|no|never|none|nothing|nobody|neither|nor|cannot|without|den(y|ies|ied|ial)|"
    r"reject\w*|refus\w*|dismiss\w*|nicht|kein\w*|nie|niemals|ne|pas|jamais|aucun\w*|nunca|ningún|"
    r"ninguna|не|нет|ни|ні|немає|никогда|ніколи)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:,|\.|\s|\u00a0|\u202f)\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"(?:\s*-?\s*(thousand|million|billion|tausend|millionen|milliarden?|mille|millions?|milliards?|"
    r"mil|millones|тыс\w*|тис\w*|млн|млрд|bn|m)\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'’ʼ]+", re.UNICODE)
_WEEKDAY_OF_STEM = {stem: i + 1 for i, stems in enumerate(_WEEKDAYS) for stem in stems}
_WEEKDAY_START = re.compile(  # a stem at the start of a word as _WORD splits them
    r"(?<![\w'’ʼ])(" + "|".join(sorted(map(re.escape, _WEEKDAY_OF_STEM), key=len, reverse=True)) + ")"
)
_NOT_NAMES = {
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "in",
    "on", "at", "after", "before", "when", "as", "but", "and", "der", "die", "das", "ein", "eine",
    "le", "la", "les", "el", "los", "las",
}  # fmt: skip
# the last word of a run may be followed by a comma or a full stop ("Attorney General Jane Roe,")
CAPITALISED_RUN = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+)+")
_PARTICLES = {
    "al", "el", "ul", "bin", "ibn", "bint", "abu", "abd", "de", "del", "della", "da", "di", "do", "dos",
    "du", "van", "von", "der", "den", "ten", "ter", "le", "la", "st", "mc", "mac",
}  # fmt: skip
_SUFFIXES = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "gmbh", "group", "company"}
)
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Facts:
    numbers: frozenset[float]
    months: frozenset[int]
    weekdays: frozenset[int]
    names: frozenset[str]
    negated: bool
    script: str  # "latin", "cyrillic" or "other": names are compared within one script
    words: frozenset[str] = frozenset()  # every word, case folded
    name_words: frozenset[str] = frozenset()  # every word of a run of capitalised words, case folded


@dataclass(frozen=True)
class Difference:
    kind: str  # "number", "month", "weekday", "name", "negation"
    original: str  # what the original sentence says (values joined by ", "; "negated"/"affirmed")
    changed: str  # what the later sentence says instead


def facts(sentence: str) -> Facts:
    return Facts(
        numbers=frozenset(numbers(sentence)),
        months=frozenset(_months(sentence)),
        weekdays=frozenset(_weekdays(sentence)),
        names=frozenset(_names(sentence)),
        negated=bool(NEGATION.search(sentence)),
        script=_script(sentence),
        words=frozenset(_WORD.findall(sentence.casefold())),
        name_words=frozenset(_name_words(sentence)),
    )


def numbers(text: str) -> list[float]:
    found: list[float] = []
    for match in _DIGITS.finditer(text):
        value = _parse_number(match.group(1))
        scale = match.group(2)
        if value is not None:
            found.append(value * _SCALES.get(scale.casefold(), 1.0) if scale else value)
    for word in _WORD.findall(text.casefold()):
        if word in _WORDS:
            found.append(float(_WORDS[word]))
    return found


def _parse_number(raw: str) -> float | None:
    compact = re.sub(r"[\s\u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}([,.])\d{3}(\1\d{3})*", compact):  # one grouping separator throughout
        compact = re.sub(r"[,.]", "", compact)
    compact = compact.replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _months(text: str) -> set[int]:
    found = set()
    for match in _MONTH_WORD.finditer(text):
        word = match.group(0).casefold()
        if word == "may" and not re.search(r"\d", text[max(0, match.start() - 4) : match.end() + 5]):
            continue  # "may" the verb
        if word == "mar" and not match.group(0)[0].isupper():
            continue
        for i, stems in enumerate(_MONTHS):
            if any(word.startswith(s) for s in stems):
                found.add(i + 1)
                break
    return found


def _weekdays(text: str) -> set[int]:
    """The days of the week named: each word starting with a day's stem (one regular-expression
    pass; testing every word against every stem took a tenth of the copies step)."""
    return {_WEEKDAY_OF_STEM[m.group(1)] for m in _WEEKDAY_START.finditer(text.casefold())}


def _names(text: str) -> set[str]:
    """The last word of each run of two or more capitalised words (after a leading article or
    pronoun: "The Russian" is no name; a trailing particle and a possessive "'s" dropped): mostly
    surnames."""
    found = set()
    for run in CAPITALISED_RUN.findall(text):
        words = [_POSSESSIVE.sub("", w.strip("'’-")).casefold() for w in run.split()]
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        while words and words[-1] in _PARTICLES:
            words.pop()
        if len(words) >= 2:
            found.add(words[-1])
    return found


def _name_words(text: str) -> set[str]:
    """Every word of the runs of two or more capitalised words, case folded, but articles,
    pronouns and particles ("The", "al")."""
    words = {w for run in CAPITALISED_RUN.findall(text) for w in _WORD.findall(run.casefold())}
    return words - _NOT_NAMES - _PARTICLES


def _script(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "other"
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    return "cyrillic" if cyrillic > latin else "latin" if latin else "other"


def differences(original: Facts, changed: Facts, original_all: Facts, changed_all: Facts) -> list[Difference]:
    """What the later sentence changed in the original's: ``*_all`` are the facts of the whole
    articles, so a number or name the rewrite moved to another sentence is not a change."""
    found: list[Difference] = []
    for kind, ours, theirs, ours_all, theirs_all in (
        ("number", original.numbers, changed.numbers, original_all.numbers, changed_all.numbers),
        ("month", original.months, changed.months, original_all.months, changed_all.months),
        ("weekday", original.weekdays, changed.weekdays, original_all.weekdays, changed_all.weekdays),
    ):
        lost = sorted(v for v in ours - theirs if v not in theirs_all)
        gained = sorted(v for v in theirs - ours if v not in ours_all)
        if lost and gained:
            found.append(Difference(kind, _values(kind, lost), _values(kind, gained)))
    if original.script == changed.script != "other":
        lost_names = sorted(n for n in original.names if not _named_in(n, changed_all))
        gained_names = sorted(n for n in changed.names if not _named_in(n, original_all))
        if lost_names and gained_names:
            found.append(Difference("name", ", ".join(lost_names), ", ".join(gained_names)))
    if original.negated != changed.negated:
        found.append(
            Difference(
                "negation",
                "negated" if original.negated else "affirmed",
                "negated" if changed.negated else "affirmed",
            )
        )
    return found


def merge(all_facts: list[Facts]) -> Facts:
    """The facts of a whole text, from its sentences' facts."""
    return Facts(
        numbers=frozenset().union(*(f.numbers for f in all_facts)),
        months=frozenset().union(*(f.months for f in all_facts)),
        weekdays=frozenset().union(*(f.weekdays for f in all_facts)),
        names=frozenset().union(*(f.names for f in all_facts)),
        negated=any(f.negated for f in all_facts),
        script=all_facts[0].script if all_facts else "other",
        words=frozenset().union(*(f.words for f in all_facts)),
        name_words=frozenset().union(*(f.name_words for f in all_facts)),
    )


def share_a_name(original: Facts, later: Facts) -> bool:
    """Whether the later article names something its original names: a word of one of the
    original's runs of capitalised words (a company's suffix aside) anywhere in the later one. An
    original naming nothing passes. Two notices of one template filled in for two companies share
    their wording and none of their names: not one report with a fact changed."""
    own = original.name_words - _SUFFIXES
    return not own or bool(own & later.words)


def _named_in(name: str, text: Facts) -> bool:
    """Whether a text (its facts) has the name: the word itself in any case, or one near it among
    its names and the words of its runs of capitalised words ("Petrenkov" for "Petrenko")."""
    if name in text.words or name in text.name_words:
        return True
    return any(fuzz.ratio(name, other) >= 80 for other in text.names | text.name_words)


def _values(kind: str, values: list) -> str:
    if kind == "number":
        return ", ".join(f"{v:,.0f}" if float(v).is_integer() else f"{v:,}" for v in values)
    return ", ".join(str(int(v)) for v in values)
