"""Text handling for stance checking: sentences with spans, terms, and cue-word lists.

Everything here is plain regular expressions and word lists, so the features a model sees at
training time are exactly the ones it sees on a user's article, with no parser in between.

* :func:`sentences` splits a text into sentence spans (paragraph breaks always end a sentence);
* :func:`tokens` gives lower-cased word tokens; :func:`terms` adds stop-word removal and a light
  suffix-stripping stemmer (:func:`stem`), used for overlap and TF-IDF features;
* :data:`CUES` holds the cue-word lists (refuting, hedging, confirming, reporting, negation)
  counted in the claim, the whole body and its most relevant sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A sentence ends at . ! ? (with closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote; a line break always ends one.
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|vs|No)|\b[A-Z])\.\s+$")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself nor now of off on once only or other our ours ourselves out over own same
    she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself yourselves s t says said say also one two new like get
    got us mr""".split()
)

# Cue words, matched against lower-cased tokens (single words) or token sequences (phrases).
CUES: dict[str, tuple[str, ...]] = {
    "refute": (
        "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denial", "not", "despite",
        "nope", "doubt", "doubts", "bogus", "debunk", "debunked", "debunks", "prank", "pranks",
        "retract", "retracted", "retraction", "untrue", "myth", "misleading", "fabricated",
        "satire", "satirical", "rumour", "rumor", "rejects", "rejected", "refuted", "refutes",
        "dismissed", "dismisses", "incorrect", "wrong", "baseless", "unfounded", "never",
        "no evidence", "not true", "made up", "turned out", "spoof", "photoshopped", "fictional",
    ),
    "hedge": (
        "reportedly", "allegedly", "alleged", "claims", "claimed", "claim", "purportedly",
        "supposedly", "apparently", "may", "might", "could", "possibly", "perhaps", "unconfirmed",
        "unverified", "rumours", "rumors", "speculation", "appears", "appear", "seems", "suggest",
        "suggests", "believed", "if true", "not yet", "not clear", "unclear", "cannot confirm",
        "could not confirm", "not confirmed", "according to", "reports", "reported",
    ),
    "confirm": (
        "confirmed", "confirms", "confirm", "official", "officially", "announced", "announces",
        "verified", "true", "indeed", "actually", "revealed", "shows", "showed", "proves",
        "proved", "evidence", "statement", "admitted", "admits",
    ),
    "report": (
        "said", "says", "told", "according", "source", "sources", "spokesman", "spokeswoman",
        "spokesperson", "statement", "reports", "report", "media", "website", "tweet", "tweeted",
    ),
    "negation": (
        "not", "no", "never", "none", "nothing", "neither", "nor", "without", "n't", "cannot",
        "isn't", "wasn't", "aren't", "weren't", "doesn't", "didn't", "don't", "won't", "hasn't",
        "haven't", "hadn't", "couldn't", "wouldn't", "shouldn't",
    ),
}  # fmt: skip


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for end_match in _END.finditer(para.group()):
            cut = para.start() + end_match.end()
            head = text[start:cut]
            if _ABBREV.search(head):
                continue
            _add(spans, text, start, cut)
            start = cut
        _add(spans, text, start, para.end())
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not any(ch.isalnum() for ch in stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((start + lead, start + lead + len(stripped)))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; ``n't`` is split off so negations count as one token."""
    out: list[str] = []
    for tok in _WORD.findall(text.lower().replace("’", "'")):
        if tok.endswith("n't") and len(tok) > 3:
            out.extend((tok[:-3], "n't"))
        else:
            out.append(tok)
    return out


def stem(word: str) -> str:
    """A light suffix stripper: enough to match ``denies``/``denied``/``deny``, not a Porter stemmer."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in (
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""), ("es", ""),
        ("s", ""),
    ):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` (stop words removed)."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and t != "n't"]


CueSet = tuple[frozenset[str], tuple[tuple[str, ...], ...]]


def compile_cues(entries: Iterable[str]) -> CueSet:
    """Split a cue list into single words and token-sequence phrases, for :func:`count`."""
    entries = list(entries)
    words = frozenset(e for e in entries if " " not in e)
    phrases = tuple(tuple(tokens(e)) for e in entries if " " in e)
    return words, phrases


def count(toks: list[str], cue_set: CueSet) -> int:
    """How many times the words and phrases of a compiled cue list occur in ``toks``."""
    words, phrases = cue_set
    n = sum(1 for t in toks if t in words)
    for phrase in phrases:
        k = len(phrase)
        n += sum(1 for i in range(len(toks) - k + 1) if tuple(toks[i : i + k]) == phrase)
    return n
