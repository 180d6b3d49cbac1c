"""What the issue's thing is said to do or to be, for :mod:`.extract`. An issue's word that is the
subject of a clause whose predicate gives its thing a role or a task ("we want our membership to
serve as a bridge", "the alliance must be ready to face any threat", "insisted that the alliance
was the best tool to keep the peace") is what the stance word is about only through that role: the
stance is on the role, and no stance on the issue is read (:func:`given_a_role`). A predicate that
names an issue's word or the opposite of the issue ("must stop its expansion", "must number
800,000") still speaks of the issue, and a bare predicate ("must hold", "must be unconditional")
of the thing itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

# prepositions of a role: "serve as", "act as"
ROLE_PREPOSITIONS = {"as"}
# dependents of an adjective or a noun that make it a task: "ready to face", "the best tool to keep"
TASK_DEPS = {"xcomp", "acl", "relcl"}
SUBJECT_DEPS = ("nsubj",)
# what may stand between the issue's word and the subject noun it is part of: "membership of X"
NOUN_PHRASE_DEPS = {"pobj", "prep", "compound", "amod", "poss", "nmod", "appos"}


def below(path: list[Token], stop: Token) -> list[Token]:
    """The words of ``path`` below the stance word ``stop`` (all of them if it is not on it)."""
    for i, t in enumerate(path):
        if t.i == stop.i:
            return path[:i]
    return path


def given_a_role(
    under: list[Token], stance: Token, issue_at: Mapping[int, str], opposite: frozenset[str]
) -> bool:
    """Is the issue's word (``under[0]``, climbed through ``under`` up to the stance word
    ``stance``) in the subject of a clause that gives its thing a role or a task?"""
    chain = [*under, stance] if not under or under[-1].i != stance.i else under
    for child, head in zip(chain, chain[1:], strict=False):
        if child.dep_ in SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
            return _role(head, child, issue_at, opposite)
        if child.dep_ not in NOUN_PHRASE_DEPS:
            return False
    return False


def _role(verb: Token, subject: Token, issue_at: Mapping[int, str], opposite: frozenset[str]) -> bool:
    parts = [
        c
        for c in verb.children
        if (c.dep_ == "prep" and c.lower_ in ROLE_PREPOSITIONS)
        or (c.dep_ in ("acomp", "attr") and any(g.dep_ in TASK_DEPS for g in c.children))
    ]
    if not parts:
        return False
    words = [w for c in parts for w in c.subtree]
    return not any(w.i in issue_at or w.lemma_.lower() in opposite or w.lower_ in opposite for w in words)
