"""Whether two aligned sentences say the same thing but for their names, or but for a negation.

Sentences are aligned as one statement by their vectors too, so two sentences of one story in
different words ("he didn't like being wished a Merry Christmas" / "he raged after workers wished
him a Merry Christmas") are aligned, and any name or negation one has and the other lacks would
read as a changed fact. A change is one only when the rest of the words agree:

- :func:`only_names_differ`: with the words of every run of capitalised words taken out of both,
  the remaining words are nearly the same (rapidfuzz ratio, or token-sort ratio for words
  reordered, >= 85): "Attorney General Jane Roe said on Monday" / "Attorney General John Doe
  said Monday".
- :func:`only_negation_differs`: with the negation words ("not", "never", "n't", "denied" ...) and
  the "do" that carries them taken out, and each word cut to a crude stem ("accepted" and
  "accept" are one), the remaining words are nearly the same, and the word the negation bears on
  (the first after it that is not an auxiliary or an article) is in the other sentence: "did not
  accept the proposal" / "accepted the proposal".

Both read words only, so they tell nothing across languages: a translation is not held to them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from parley.reconcile.facts import CAPITALISED_RUN, NEGATION

SAME_REST = 85  # ratio (or token-sort ratio) of the words left: the rest of the sentence says the same
MIN_REST_WORDS = 3  # fewer words left than this: nothing to tell the sentences are the same

_WORD = re.compile(r"[\w'’ʼ]+", re.UNICODE)
_CONTRACTION = re.compile(r"(\w+?)(n[’']t)\b", re.IGNORECASE)
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}  # can't, won't, shan't
_DO = {"do", "does", "did", "doing"}
# words a negation may stand before without bearing on them: auxiliaries, articles, adverbs
_BEFORE_CLAUSE = {
    "be", "been", "being", "is", "are", "was", "were", "am", "have", "has", "had", "having", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "the", "a", "an", "that",
    "it", "to", "yet", "even", "ever", "also", "any", "only", "just", "so", "too", "very", "all",
    "of", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
}  # fmt: skip
_SUFFIXES = ("ing", "ed", "es", "s", "e")


def only_names_differ(original: str, changed: str) -> bool:
    """Whether the two sentences are the same words once their names are taken out."""
    return _rest_agrees(_without_names(original), _without_names(changed))


def only_negation_differs(original: str, changed: str) -> bool:
    """Whether one sentence is the other with a negation added: the same clause with and without
    it, not two sentences in different words of which one happens to hold a "not"."""
    a, b = _words(original), _words(changed)
    negated_a, negated_b = any(_negation(w) for w in a), any(_negation(w) for w in b)
    if negated_a == negated_b:
        return False
    negated, plain = (a, b) if negated_a else (b, a)
    rest_negated = [stem(w) for w in negated if not _negation(w) and w not in _DO]
    rest_plain = [stem(w) for w in plain if not _negation(w) and w not in _DO]
    if not _rest_agrees(rest_negated, rest_plain):
        return False
    borne = _borne(negated)
    return borne is not None and stem(borne) in rest_plain


def stem(word: str) -> str:
    """A crude stem: a common English ending cut off a word of five letters or more ("accepted",
    "accepts" and "accept" are one; "liked" and "like" too)."""
    for suffix in _SUFFIXES:
        if len(word) >= 5 and word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) >= 4 and word.endswith("e") else word


def _words(text: str) -> list[str]:
    """The sentence's words, case folded, a contracted negation its own word ("didn't": "did",
    "not"; "won't": "will", "not")."""
    spread = _CONTRACTION.sub(lambda m: f"{_CONTRACTED.get(m.group(1).casefold(), m.group(1))} not", text)
    return _WORD.findall(spread.casefold())


def _without_names(text: str) -> list[str]:
    return _words(CAPITALISED_RUN.sub(" ", text))


def _negation(word: str) -> bool:
    return bool(NEGATION.fullmatch(word))


def _borne(words: list[str]) -> str | None:
    """The word the first negation bears on: the first after it that is no auxiliary, article or
    adverb of degree (None when the sentence ends first)."""
    at = next(n for n, w in enumerate(words) if _negation(w))
    return next((w for w in words[at + 1 :] if w not in _BEFORE_CLAUSE and w not in _DO), None)


def _rest_agrees(a: list[str], b: list[str]) -> bool:
    if min(len(a), len(b)) < MIN_REST_WORDS:
        return False
    x, y = " ".join(a), " ".join(b)
    return max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y)) >= SAME_REST
