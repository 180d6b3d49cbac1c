"""Words of denial and of unverified reports used in a sense that is not theirs.

- a fact-check's verdict is no denial by the one who reports it: a false-word that is the
  complement of a verb of rating or listing ("rated his claim false", "cites so many claims as
  inaccurate because they lack context"), or a graded false-word written as a label ("Mostly
  False", "'half false'");
- "did not confirm" under a condition ("if they did not confirm their address") says no one has
  not verified a report;
- a false-word set before a noun that is no claim ("false information", "a false address",
  "false advertising") describes the thing, it calls no claim false ("a false story", "false
  claims" do).

A denial verb whose object is one's part in something ("denied any involvement in the attack",
"denies responsibility for ...") denies the claim of that part (:data:`INVOLVEMENT`).
"""

from __future__ import annotations

import re
from functools import cache

from parley.reconcile.claim_words import Words

# one's part in something, as the object of a denial verb: "any involvement in", "responsibility for"
INVOLVEMENT = re.compile(
    r"^\s*(?:having\s+)?(?:(?:any|all|its|his|her|their|direct|personal)\s+)*(?:involvement|responsibility|"
    r"wrongdoing|complicity|culpability|role\s+in|part\s+in|knowledge\s+of)\b",
    re.IGNORECASE,
)

# how far before a false-word a verb of rating may stand, in one clause
RATED_REACH = 80
_QUOTE_MARKS = "\"'“”‘’«»"
_CLAUSE_END = re.compile(r"[.;:!?]")


def calls_false(words: Words, text: str) -> bool:
    """Whether the text calls something false in the speaker's own words: a false-word that is
    no fact-check verdict."""
    found = words.pattern("false_words").finditer(text)
    return any(
        not _verdict(words, text, m.start(), m.end()) and not _attributive(words, text, m.end())
        for m in found
    )


# what may follow a false-word that calls something false ("untrue and misleading", "false
# because ...", "false, he said"); a claim noun, or a story, said to be false
_AFTER_PREDICATE = frozenset(
    ("and", "or", "but", "to", "in", "on", "for", "by", "because", "as", "that", "since", "when",
     "if", "so", "about", "according", "of", "at", "with", "from", "after", "before", "he", "she",
     "they", "it", "we", "i", "the", "a", "an", "this", "these", "those", "then", "too", "now",
     "story", "stories", "news", "narrative", "narratives")
)  # fmt: skip
_NEXT_WORD = re.compile(r"^ ([a-z][\w’'-]*)")


def _attributive(words: Words, text: str, end: int) -> bool:
    """Whether the false-word ending at ``end`` stands before a noun that is no claim ("false
    advertising", "false financial statements"): a lower-case word right after it that is no
    word of a clause's joint, pronoun or article, nor a claim noun."""
    m = _NEXT_WORD.match(text[end : end + 40])
    if m is None:
        return False
    word = m.group(1).casefold()
    return word not in _AFTER_PREDICATE and not words.has("claim_nouns", word) and not word.endswith("ly")


# a predicate calling the words before it false, at the end of a clause: "rumors that ... were
# 'totally untrue.'", "the report is \"not true.\"", "speculation that ... was untrue"
_COPULA = r"(?:is|are|was|were|be|been|being|as|a|an)"
_DEGREE = r"(?:\w+ly|complete|total|utter|pure|absolute)"
_FALSE_END = r"[\s\"'“”‘’«».,!]*$"


def false_predicate(words: Words, text: str) -> int | None:
    """Where a predicate calling the words before it false begins, when the text ends with one
    ("... were 'totally untrue.'": at "were"); None when it does not."""
    m = _false_tail(words.pattern("false_words").pattern).search(text)
    return m.start() if m and m.start() > 0 else None


@cache
def _false_tail(false: str) -> re.Pattern[str]:
    """The predicate calling what comes before it false, for the words ``false`` (compiled once)."""
    return re.compile(
        rf"\s+(?:{_COPULA}\s+)?[\"'“‘«]?(?:{_DEGREE}\s+)?[\"'“‘«]?(?:\w+[\"'”’»]?\s+(?:and|or)\s+[\"'“‘«]?)?"
        rf"(?:{false})(?:[\"'”’»,]*\s+(?:and|or)\s+[\"'“‘«]?\w+)*{_FALSE_END}",
        re.IGNORECASE,
    )


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


# where a clause ends: a semicolon or colon, or a contrast ("..., but searches show that ...")
_CLAUSE_BREAK = re.compile(r"[;:]|,?\s+(?:but|while|whereas|although|though|yet)\s+", re.I)


def unverified_clause(words: Words, sentence: str) -> str:
    """The clause of the sentence that says a report is not verified ("We could not verify its
    origin, but searches show the image is old": "We could not verify its origin"); the whole
    sentence when it says nothing is."""
    found = unverified_phrase(words, sentence)
    if found is None:
        return sentence
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, found.start())), default=0)
    after = _CLAUSE_BREAK.search(sentence, found.end())
    return sentence[start : after.start() if after else len(sentence)]


def reports_unverified(words: Words, sentence: str) -> bool:
    """Whether the sentence says a report is not verified (:func:`unverified_phrase`)."""
    return unverified_phrase(words, sentence) is not None
