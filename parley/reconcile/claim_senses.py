"""Words of denial and of unverified reports used in a sense that is not theirs.

- a fact-check's verdict is no denial by the one who reports it: a false-word that is the
  complement of a verb of rating or listing ("rated his claim false", "cites so many claims as
  inaccurate because they lack context"), or a graded false-word written as a label ("Mostly
  False", "'half false'");
- "did not confirm" under a condition ("if they did not confirm their address") says no one has
  not verified a report.
"""

from __future__ import annotations

import re

from parley.reconcile.claim_words import Words

# how far before a false-word a verb of rating may stand, in one clause
RATED_REACH = 80
_QUOTE_MARKS = "\"'“”‘’«»"
_CLAUSE_END = re.compile(r"[.;:!?]")


def calls_false(words: Words, text: str) -> bool:
    """Whether the text calls something false in the speaker's own words: a false-word that is
    no fact-check verdict."""
    found = words.pattern("false_words").finditer(text)
    return any(not _verdict(words, text, m.start(), m.end()) for m in found)


def _verdict(words: Words, text: str, start: int, end: int) -> bool:
    """Whether the false-word at ``start:end`` is a verdict: graded and written as a label, or
    the complement of a verb of rating in its clause."""
    before = text[max(0, start - RATED_REACH) : start]
    clause = _CLAUSE_END.split(before)[-1]
    grade = re.search(r"(?P<grade>\S+)[\s-]+$", clause)
    if grade and words.has("verdict_grades", grade.group("grade").strip(_QUOTE_MARKS)):
        label = grade.group("grade")
        labelled = label[:1].isupper() and text[start:end][:1].isupper()  # "Mostly False"
        if labelled or label[:1] in _QUOTE_MARKS:  # "“mostly false”"
            return True
    for verb in words.pattern("rating_verbs").finditer(clause):
        between = clause[verb.end() :]
        if len(between.split()) > RATED_FILLER or _NOT_COMPLEMENT.search(between):
            continue  # "cited by the paper said the claims were false": another clause's word
        # "cites claims as inaccurate", "rated 32% of claims as 'false'", "rated it false"
        if _AS.search(between) or verb.group().casefold().startswith(("rat", "grad", "scor")):
            return True
    return False


# words between a verb of rating and a false-word that make it no complement of the verb
_NOT_COMPLEMENT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|said|says|say|told|that|because|but|and|who|which)\b", re.I
)
_AS = re.compile(r"\bas\s+(?:\S+\s+)?[" + _QUOTE_MARKS + r"]?$", re.I)
RATED_FILLER = 8  # words at most between a verb of rating and its false-word


def conditional(words: Words, sentence: str, start: int) -> bool:
    """Whether the words at ``start`` stand under a condition in their clause ("if they did not
    confirm"): "if", "unless", "whether" since the last comma, semicolon or colon."""
    clause = re.split(r"[,;:]", sentence[:start])[-1]
    return words.has("conditionals", clause)


def unverified_phrase(words: Words, sentence: str) -> re.Match[str] | None:
    """The first phrase of the list ``unverified`` in the sentence not under a condition: where
    it says a report is not verified; None when it does not."""
    found = words.pattern("unverified").finditer(sentence)
    return next((m for m in found if not conditional(words, sentence, m.start())), None)


def reports_unverified(words: Words, sentence: str) -> bool:
    """Whether the sentence says a report is not verified (:func:`unverified_phrase`)."""
    return unverified_phrase(words, sentence) is not None
