"""What an issue's word is inside of, between it and the stance word, for :mod:`.extract`:

- a circumstance of another issue's thing: "rejected proposals to station foreign troops on X
  territory as part of Y guarantees" is a stance on the troops, not on the territory where they
  would be nor on the guarantees they would be part of (:func:`adjunct_of_other`);
- the subject of a verb that conditions it: "any withdrawal would require approval in a referendum"
  accepts the withdrawal on that condition (:func:`conditioned`).

The words are in ``parley/data/stance_periods.yaml`` (:data:`lexicon.PERIOD`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Token

from parley.extract.stances import lexicon as lx
from parley.extract.stances.beneficiary import for_another
from parley.extract.stances.clauses import qualifies_only
from parley.extract.stances.holders import HolderFinder
from parley.extract.stances.issues import CueHit
from parley.extract.stances.mentions import mentioned_only
from parley.extract.stances.parse import TEXT_KEY, Signal, condition_with_marker, negated
from parley.extract.stances.scope import another_country
from parley.extract.stances.senses import another_sense
from parley.nlp import text_of

W = lx.PERIOD
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")
CORE_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")


def adjunct_of_other(token: Token, issue: str, issue_at: Mapping[int, str]) -> bool:
    """Is the issue's word (``token``) a circumstance of another issue's word — a modifier of it
    ("X security guarantees"), or in a prepositional phrase of place or role ("on X territory",
    "as part of X guarantees", "along the X line", "controlled by the X forces") hung on it or on a
    verb whose object or subject it is? ``issue_at``: token index -> issue of every issue word."""

    def other(t: Token) -> bool:
        return issue_at.get(t.i, issue) != issue

    t, crossed = token, False
    for _ in range(16):
        dep, head = t.dep_, t.head
        if head is t:
            return False
        if dep in MODIFIER_DEPS or dep == "agent" or (dep == "prep" and _circumstance(t)):
            crossed = True
        elif dep == "prep" and t.lower_ != "of":
            return False  # "over", "for", "without", "in exchange for" ...: an object, an aim, a price
        elif dep not in ("pobj", "pcomp", "prep") and not (dep in ("acl", "relcl") and _nominal(head)):
            return False
        t = head
        if not crossed:
            continue
        if _nominal(t) and t.lemma_.lower() in W.force_nouns:
            return True  # "attacks on X territory": where force falls
        if other(t) or (_nominal(t) and any(other(o) for o in _of_objects(t))):
            return True  # "foreign troops on X territory", "the presence of peacekeepers in X"
        if t.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in CORE_DEPS and other(c) for c in t.children):
                return True  # "station foreign troops on X territory"
            return t.dep_ in ("acl", "relcl") and other(t.head)  # "territories controlled by X forces"
    return False


class IssueWords(Protocol):
    """The dossier's words of each issue by its id (:class:`.extract.StanceReader`)."""

    @property
    def beneficiary(self) -> Mapping[str, str]:  # the side the issue is for
        ...

    @property
    def opposites(self) -> Mapping[str, frozenset[str]]:  # the words of the opposite of its proposition
        ...


def not_the_issue(
    token: Token, hit: CueHit, issue_at: Mapping[int, str], words: IssueWords, holders: HolderFinder
) -> bool:
    """Is the issue's word (``token``) not the issue here: a word that only qualifies a thing ("X
    airspace"), a circumstance of another issue's thing (:func:`adjunct_of_other`), the issue's
    thing given to another side than the one it is for ("guarantees for the other country"), or a
    word in another sense (:func:`.senses.another_sense`: "vote for him", "withdraw from running"),
    aimed at a country that is none of the sides (:func:`.scope.another_country`), or only named
    (:func:`.mentions.mentioned_only`: "regardless of X", "a conflict with X", "the role of X";
    the words of the opposite of ``hit``'s issue that a demand may name: ``words``)?"""
    return (
        qualifies_only(token, hit)
        or adjunct_of_other(token, hit.issue, issue_at)
        or for_another(token, words.beneficiary.get(hit.issue), holders)
        or time_only(token)
        or another_sense(token, issue_at)
        or another_country(token, holders.registry, issue_at)
        or mentioned_only(token, words.opposites.get(hit.issue, frozenset()))
    )


def time_only(token: Token) -> bool:
    """The issue's word is the object of a preposition of time ("refused to pledge it before the
    election", "ahead of the ceasefire"): it says when, and is not what a stance is on."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ in ("of", "to") and prep.dep_ == "prep" and prep.head.lower_ in ("ahead", "prior"):
        prep = prep.head  # "ahead of", "prior to"
    return prep.lower_ in W.time_prepositions


def reached_nothing(verb: Token, below: Token, issue_word: Token) -> bool:
    """ "reached a deal" is an acceptance; "reached it after talks on X", "reached broadly into the
    networks", "kept parts from reaching the army" are not: a verb that takes a position only on
    its direct object, when that object is an agreement (``lexicon.AGREEMENT_NOUNS``)."""
    if verb.lemma_.lower() not in lx.OBJECT_ONLY:
        return False
    return verb is issue_word or below.dep_ != "dobj" or below.lemma_.lower() not in lx.AGREEMENT_NOUNS


def foretold(token: Token) -> bool:
    """ "X may need to begin a call-up", "X could have to accept": an obligation hedged by "may",
    "might" or "could" — a forecast of what someone will have to do, not a demand on them."""
    words = [token, token.head] if token.dep_ == "xcomp" else [token]
    return any(c.dep_ == "aux" and c.lower_ in lx.FORECAST_AUX for t in words for c in t.children)


def _nominal(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN")


def _of_objects(noun: Token) -> list[Token]:
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]


def _circumstance(prep: Token) -> bool:
    """A preposition of place or role, not opening a condition ("in exchange for") nor a list of
    examples ("such as")."""
    if prep.lower_ not in W.adjunct_prepositions:
        return False
    if any(c.dep_ == "amod" and c.lower_ == "such" for c in prep.children):
        return False
    objects = [c.lemma_.lower() for c in prep.children if c.dep_ == "pobj"]
    return not any(f"{prep.lower_} {o} for" in lx.CONDITION_MARKERS for o in objects)


def conditioned(signal: Signal, below: Sequence[Token]) -> Signal:
    """ "any withdrawal would require approval in a referendum", "a ceasefire would depend on
    guarantees": with the issue's word in the subject of a verb that sets a condition, the holder
    accepts it on that condition — what the verb takes after it. Other signals are returned as
    they are."""
    verb = signal.token
    if signal.position != "demands" or signal.modal or verb.lemma_.lower() not in W.conditioning_verbs:
        return signal
    if not below or below[-1].head.i != verb.i or below[-1].dep_ not in ("nsubj", "nsubjpass"):
        return signal
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep", "xcomp", "ccomp")]
    if not after or negated(verb):
        return signal
    words = [w for c in after for w in c.subtree]
    start, end = min(w.idx for w in words), max(w.idx + len(w.text) for w in words)
    text = verb.doc.user_data.get(TEXT_KEY) or text_of(verb.doc)
    condition = text[start:end]
    return replace(signal, position="accepts_on_condition", condition=condition)


def condition_near(token: Token, text: str) -> tuple[int, int, str] | None:
    """A condition on the clause an adjective of stance is the predicate of, hung on its verb
    ("Kyiv is ready to withdraw, provided that ..."): the clauses and phrases of that verb after
    the adjective."""
    if token.dep_ not in ("acomp", "attr") or token.head is token:
        return None
    verb = token.head
    for c in (c for c in verb.children if c.i > token.i and c.dep_ in ("advcl", "prep")):
        words = list(c.subtree)
        within = (words[0].idx, words[-1].idx + len(words[-1].text))
        found = condition_with_marker(token.sent, text, within)
        if found is not None:
            return found
    return None
