"""An issue named again by a pronoun in the second of two stance verbs sharing their subject:
"Beijing opposes the tariff increases and demands that they be cancelled". The pronoun ("it",
"they", "them") in the words the second verb takes stands for the direct object of the first when
that object names exactly one issue and agrees with the pronoun in number (a plural noun for
"they"/"them", a singular one for "it"). The pronoun then counts as a word of that issue (a
:class:`.issues.CueHit` with its ``antecedent``), and the stance on it is read as on any issue word.

Not read: a pronoun anywhere else than the second verb's object or the subject of the clause it
takes ("demanded guarantees that it would hold": a clause of a noun); a second verb that takes no
stance ("rejects the plan and says it is unfair") or has its own subject; an object naming two
issues, or words that can name an issue's opposite.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from parley.extract.stances import lexicon as lx
from parley.extract.stances.issues import CueHit
from parley.models import Span

PLURAL = frozenset({"they", "them"})
SINGULAR = frozenset({"it"})


def with_pronouns(doc: Doc, hits: Sequence[CueHit], opposites: Mapping[str, frozenset[str]]) -> list[CueHit]:
    """``hits`` with a hit for each pronoun that stands for the object of a coordinated stance verb."""
    taken = [h.span for h in hits]
    found = list(hits)
    for token in doc:
        word = token.lower_
        if token.pos_ != "PRON" or word not in PLURAL | SINGULAR:
            continue
        span = Span(token.idx, token.idx + len(token.text))
        if any(span.overlaps(t) for t in taken):
            continue
        antecedent = _antecedent(token, hits, opposites)
        if antecedent is not None:
            found.append(CueHit(antecedent[0], span, antecedent[1]))
    return sorted(found, key=lambda h: h.span.start)


def _stance_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return False
    return lemma in lx.STANCE_VERBS or any((lemma, c.lower_) in lx.PHRASAL for c in token.children)


def _antecedent(
    pronoun: Token, hits: Sequence[CueHit], opposites: Mapping[str, frozenset[str]]
) -> tuple[str, Span] | None:
    """(issue, the words naming it) of the first verb's object, for a pronoun below the second."""
    second = _taken_by(pronoun)
    if second is None or second.dep_ != "conj" or not _stance_verb(second):
        return None
    first = second.head
    if not _stance_verb(first) or first.lemma_.lower() in lx.OBJECT_ONLY:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children):
        return None  # "X opposes the tariffs and Y demands ...": not one subject
    obj = next((c for c in first.children if c.dep_ == "dobj"), None)
    if obj is None or not _agrees(pronoun, obj):
        return None
    words = list(obj.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    inside = [h for h in hits if start <= h.span.start and h.span.end <= end and h.antecedent is None]
    issues = {h.issue for h in inside}
    if len(issues) != 1:
        return None
    (issue,) = issues
    turned = opposites.get(issue, frozenset())
    if any(t.lemma_.lower() in turned or t.lower_ in turned for t in words):
        return None  # "opposes membership and wants it ...": which way it points cannot be told
    return issue, Span(start, end)


def _taken_by(pronoun: Token) -> Token | None:
    """The verb whose words the pronoun is: its object ("wants them gone"), or the subject or
    object of the clause it takes ("demands that they be cancelled"); None for any other place."""
    head = pronoun.head
    if pronoun.dep_ == "dobj":
        return head
    if pronoun.dep_ in ("nsubj", "nsubjpass") and head.dep_ in ("ccomp", "xcomp"):
        return head.head
    return None


def _agrees(pronoun: Token, noun: Token) -> bool:
    """ "they"/"them" for a plural noun, "it" for a singular one."""
    plural = noun.tag_ in ("NNS", "NNPS")
    return plural if pronoun.lower_ in PLURAL else not plural and noun.pos_ in ("NOUN", "PROPN")
