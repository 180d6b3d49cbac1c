"""Which way a stance points on its issue. An issue's description states a proposition ("Ukraine
gives up joining the alliance"); a stance whose object names its opposite ("the alliance's
expansion", "membership", "joining") points the other way: "seeks to prevent further expansion"
demands the proposition, "insists on membership" rejects it. The words that name the opposite are
the issue's ``opposite`` list in the dossier; words that turn an object round again ("renouncing
any intention to join", "changes that would bar joining", "no membership") are English, here.

Only an object with an opposite word is measured: "rejects the alliance question" is read as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Token

from parley.dossier import Dossier
from parley.extract.stances import lexicon as lx
from parley.extract.stances.parse import Signal, ancestors, negated

W = lx.PERIOD
# the position taken on the proposition by one taken on its opposite: against the opposite is
# insisting on the proposition ("seeks to prevent expansion": demands that the country stay out),
# for it or demanding it is refusing the proposition; absent: none can be said ("accepts
# membership" is no stance on giving it up that the words tell)
FLIP = {"supports": "opposes", "opposes": "demands", "demands": "rejects", "rejects": "demands"}
# positions with no direction: the same whichever way the object points
UNDIRECTED = {"open_to_discuss", "denies"}
# nouns that turn their object round: "the renunciation of membership" is giving it up
TURNING_NOUNS = set(
    "renunciation abandonment relinquishment withdrawal end halt ban bar freeze moratorium "
    "prevention exclusion".split()
)
REFUSING = {"rejects", "opposes"}
EXCLUDING = {"exclude", "forbid", "prohibit", "ban", "outlaw"}
NO_WORDS = {"no", "non", "never", "not"}
NO_DEPS = {"neg", "det", "amod", "compound", "advmod"}


def opposite_words(dossier: Dossier) -> dict[str, frozenset[str]]:
    """Issue id -> the words that name the opposite of its proposition (lower case): each issue's
    ``opposite`` in the dossier."""
    return {i.id: frozenset(i.opposite) for i in dossier.issues if i.opposite}


def orient(signal: Signal, word: Token, issue: str, opposites: Mapping[str, frozenset[str]]) -> Signal | None:
    """The signal measured against the issue's proposition: as it is, turned round when the words
    from the issue's ``word`` up to the stance word (or the verb of saying) name the
    proposition's opposite an odd number of times with the words that turn it, or None when the
    turned position cannot be told ("accepts membership")."""
    words = opposites.get(issue)
    if not words or signal.position in UNDIRECTED or not _turned(signal, word, words):
        return signal
    if signal.earlier and signal.replaces == signal.earlier:
        # "stepping back from its ambition of membership": it had rejected giving it up, and
        # what giving that up leaves is what now holds
        before = FLIP.get(signal.earlier)
        if before is None:
            return None
        base = "accepts" if signal.position == "accepts_on_condition" else signal.position
        if base == W.after.get(signal.earlier):
            now = W.after.get(before)
            if signal.position == "accepts_on_condition" and now == "accepts":
                now = "accepts_on_condition"
        else:
            now = FLIP.get(signal.position)
        if now is None:
            return None
        return replace(signal, position=now, replaces=before, earlier=before)
    position = FLIP.get(signal.position)
    if position is None:
        return None
    replaces = signal.replaces
    if replaces is not None:
        replaces = FLIP.get(replaces)
        if replaces is None:
            return None
    return replace(signal, position=position, replaces=replaces)


def _turned(signal: Signal, word: Token, words: frozenset[str]) -> bool:
    """Do the words of the object name the opposite (an odd count of opposite and turning words,
    with at least one opposite word)? The words are the issue's word and its heads up to the
    stance word (to the sentence's root when the stance word is not above it)."""
    seen: dict[int, Token] = {}
    for t in ancestors(word):
        if t.i == signal.token.i:
            break
        seen[t.i] = t
        for c in t.children:  # "the NATO membership bid": the words beside the issue's word
            if c.dep_ in ("compound", "amod") and c.i not in seen:
                seen[c.i] = c
    opposite = sum(1 for t in seen.values() if _names(t, words) and not _denied(t))
    if not opposite:
        return False
    turning = sum(1 for t in seen.values() if _turns(t, signal))
    return (opposite + turning) % 2 == 1


def _names(t: Token, words: frozenset[str]) -> bool:
    return t.lemma_.lower() in words or t.lower_ in words


def _denied(t: Token) -> bool:
    """ "no membership", "non-membership", "never join": the opposite word denied."""
    if negated(t) or t.lower_.startswith("non-"):
        return True
    return any(c.lower_ in NO_WORDS and c.dep_ in NO_DEPS for c in t.children)


def _turns(t: Token, signal: Signal) -> bool:
    """A word that gives up or keeps from happening what it governs ("renouncing", "barred",
    "the renunciation of") — not the one the stance word already took in ("seeks to prevent")."""
    lemma = t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX"):
        if lemma in lx.PREVENTING_VERBS:
            return not (t.dep_ == "xcomp" and t.head.i == signal.token.i)
        if lemma in W.giving_up or lx.STANCE_VERBS.get(lemma) in REFUSING or lemma in EXCLUDING:
            return True  # "renouncing", "membership being rejected", "excluded"
        if any(lx.PHRASAL.get((lemma, c.lower_)) in REFUSING for c in t.children if c.dep_ == "prt"):
            return True  # "membership being ruled out"
        phrasal = W.giving_up_phrasal
        return any(c.dep_ in ("prt", "advmod", "prep") and (lemma, c.lower_) in phrasal for c in t.children)
    return t.pos_ == "NOUN" and lemma in TURNING_NOUNS
