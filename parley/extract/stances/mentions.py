"""An issue's word that is named without any stance on the issue, for :mod:`.objects`:

- what a speaker is indifferent to: "regardless of what the territorial outcome is", "irrespective
  of the settlement", "no matter who holds the land", "whatever the outcome on X" — the words say
  the stance holds whatever X is, so it is no stance on X (:func:`indifferent`);
- an adversary: "a possible conflict with X", "a war against X", "clashed with X" name X as the other
  party of a fight, not a stance on the issue X's word stands for — when X is a name: "a fight
  against sanctions" opposes a measure (:func:`adversary`);
- an addressee: "submitted two drafts to Y and X", "its ultimatums to X" name X as who a text was
  sent to (:func:`addressee`);
- a party told to act: "demanded that Y and X capitulate", "urged X to withdraw" name X as who a
  demand is put to, not a stance on the issue X's word stands for — unless the act demanded names
  the opposite of the issue's proposition, the dossier issue's ``opposite`` words ("demanded that
  X halt its expansion", "urged X to admit Y" when "admit" is one) (:func:`told_to_act`);
- the part a thing plays: "X's role", "the role of bodies such as X", "X's say" — a stance on that
  part, not on the issue (:func:`role_of`).

The words are in ``parley/data/stance_periods.yaml`` (:data:`lexicon.PERIOD`).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract.stances import lexicon as lx

W = lx.PERIOD
# "whatever the outcome on X, ...": a clause of indifference opened by one of these
INDIFFERENT_OPENERS = {"whatever", "whichever"}
# what may stand between an issue's word and the noun of the phrase it is part of: "the role of
# other stakeholders, including bodies such as X"
PHRASE_DEPS = {"pobj", "prep", "conj", "appos", "compound", "amod", "poss", "nmod", "cc", "case"}
# verbs that put a demand to someone, besides the stance verbs of demanding ("told X to ...")
TELLING_VERBS = {"ask", "tell", "order", "call", "push", "force", "pressure", "expect"}


def mentioned_only(token: Token, opposite: frozenset[str]) -> bool:
    """Is the issue's word (``token``) named here without a stance on its issue (module docstring)?
    ``opposite``: the words that name the opposite of the issue's proposition."""
    return (
        indifferent(token)
        or adversary(token)
        or addressee(token)
        or role_of(token)
        or told_to_act(token, opposite)
    )


def indifferent(token: Token) -> bool:
    """Is the word inside a phrase of indifference: "regardless of ...", "irrespective of ...",
    "no matter ...", or a fronted clause opened by "whatever"?"""
    child = token
    for t in list(token.ancestors)[:40]:
        if t.lower_ in W.indifference_words and child.dep_ == "prep" and child.lower_ == "of":
            return True
        if t.lower_ == "matter" and any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in t.children):
            return True
        if t.lower_ in INDIFFERENT_OPENERS and t.dep_ == "advcl":
            return True
        child = t
    return False


def adversary(token: Token) -> bool:
    """Is the word, a name (or a word it is coordinated with), the object of "with"/"against" on a
    word of hostility ("a conflict with X", "a war with Y and X", "clashed with X")?"""
    return _named_party(token, ("with", "against"), W.hostility_words)


def addressee(token: Token) -> bool:
    """Is the word, a name (or a word it is coordinated with), the object of "to" on a word of
    sending a text ("submitted two drafts to Y and X", "its ultimatums to X")?"""
    return _named_party(token, ("to",), W.sending_words)


def _named_party(token: Token, prepositions: tuple[str, ...], heads: frozenset[str]) -> bool:
    t = token
    while t.dep_ in ("conj", "appos") and t.head is not t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in prepositions:
        return False
    if token.pos_ != "PROPN" and not token.ent_type_:
        return False  # "a fight against sanctions": against a measure is opposing it; a named body is a party
    prep = t.head
    return prep.head is not prep and prep.head.lemma_.lower() in heads


def told_to_act(token: Token, opposite: frozenset[str]) -> bool:
    """Is the word, a name (or a word it is coordinated with), who a demand is put to: the subject of
    the clause a verb of demanding governs ("demanded that Y and X capitulate"), or the object of one
    with an infinitive ("urged X to withdraw", "called on X to stop") — when the act demanded says
    nothing of the opposite of the issue's proposition (a word of ``opposite``: "halt its expansion")?"""
    if token.pos_ != "PROPN" and not token.ent_type_:
        return False  # "demanded that sanctions end": the measure itself
    t = token
    while t.dep_ in ("conj", "appos") and t.head is not t:
        t = t.head
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "on" and head.dep_ == "prep":
        t, head = head, head.head  # "called on X to stop"
    act: Token | None = None
    if t.dep_ in ("nsubj", "nsubjpass") and head.dep_ in ("ccomp", "xcomp") and _demanding(head.head):
        act = head
    elif t.dep_ in ("dobj", "prep") and _demanding(head):
        act = next((c for c in head.children if c.dep_ == "xcomp" and c.i > t.i), None)
    if act is None:
        return False
    party = {w.i for w in t.subtree}
    return not any(
        w.lemma_.lower() in opposite or w.lower_ in opposite for w in act.subtree if w.i not in party
    )


def _demanding(verb: Token) -> bool:
    """Is ``verb`` a verb of demanding (a stance verb of "demands") or of telling someone to act?"""
    lemma = verb.lemma_.lower()
    demands = lx.STANCE_VERBS.get(lemma) == "demands"
    return verb.pos_ in ("VERB", "AUX") and (demands or lemma in TELLING_VERBS)


def role_of(token: Token) -> bool:
    """Does the word own, through "of" or a possessive, a noun of a part played, within one noun
    phrase ("X's role", "the role of other stakeholders, including bodies such as X")?"""
    t = token
    for _ in range(16):
        head = t.head
        if head is t or t.dep_ not in PHRASE_DEPS:
            return False
        into = (t.dep_ == "prep" and t.lower_ == "of") or t.dep_ == "poss"
        if into and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in W.role_nouns:
            return True
        t = head
    return False
