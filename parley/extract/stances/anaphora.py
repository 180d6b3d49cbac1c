"""An issue named again by a bare noun of a demand: "X is pushing to take all of the region. Y has
rejected the demand." The noun ("the demand", "this idea", "such an offer", "X's request") stands
for the thing the sentence before it (or its own sentence, before it) strives for — when that is
unambiguous: the words there name exactly one issue, and a word of demanding or proposing governs
them ("demanded", "is fighting to gain", "the proposal to ..."). The noun then counts as a word of
that issue (a :class:`.issues.CueHit` with its ``antecedent``: the words where the issue is named),
and the stance on it is read as on any issue word, its evidence running from the antecedent.

Not read: a noun that says what it is about ("the demand for talks", "the idea that ..."); a noun
that stands for a document (the dossier's ``document_words``: :mod:`.documents` finds those); an
antecedent with words of two issues, or with none governed by a demand; an issue whose words can
name its opposite (the dossier's ``opposite``): which way the demand points could not be told.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from spacy.tokens import Doc, Token

from parley.dossier import Dossier
from parley.extract.stances import lexicon as lx
from parley.extract.stances.issues import CueHit
from parley.models import Span

# nouns that stand for a demand or a proposal already named
NOUNS = frozenset("demand idea offer request condition suggestion ultimatum".split())
# words that mark the noun as the one already named: "the demand", "this idea", "such an offer"
POINTING = frozenset("the this that these those such".split())
# words after the noun that open what it is about: "the idea that", "the demand of", "the call for"
CONTENT_WORDS = frozenset("that of for to on".split())
# modifiers that leave the noun bare: "the latest demand", "the same offer"
BARE_MODIFIERS = frozenset("latest new same original main key".split())
# what the noun may be to a stance word: its object or subject, or the object of "to", "on" ...
# after one ("objected to the demand", "open to the idea")
ROLES = ("dobj", "nsubj", "nsubjpass")
OBJECT_PREPOSITIONS = frozenset("to on against with".split())
# words that govern the thing demanded or proposed: the stance verbs of demanding and proposing,
# their nouns, and verbs of striving when they take the thing as an infinitive or with "for"
DEMANDING = frozenset(
    {lemma for lemma, position in lx.STANCE_VERBS.items() if position in ("demands", "proposes")}
    | {noun for noun, position in lx.PERIOD.stance_nouns.items() if position in ("demands", "proposes")}
    | NOUNS
    | {"proposal", "ask", "suggest"}
)
STRIVING = frozenset(lx.INTENTION_VERBS | {"fight", "push", "battle", "campaign"})


class Reader(Protocol):
    """The words of the dossier a reader holds (:class:`.extract.StanceReader`)."""

    dossier: Dossier
    opposites: Mapping[str, frozenset[str]]  # issue id -> the words naming its opposite


def with_anaphors(doc: Doc, hits: Sequence[CueHit], reader: Reader) -> list[CueHit]:
    """``hits`` with a hit for each bare noun of a demand whose antecedent names one issue."""
    nouns = NOUNS - {w.lower() for w in reader.dossier.document_words}
    opposites = reader.opposites
    taken = [h.span for h in hits]
    found = list(hits)
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns or not _bare(token):
            continue
        span = Span(token.idx, token.idx + len(token.text))
        if any(span.overlaps(t) for t in taken):
            continue
        antecedent = _antecedent(doc, token, hits, opposites)
        if antecedent is not None:
            found.append(CueHit(antecedent[0], span, antecedent[1]))
    return sorted(found, key=lambda h: h.span.start)


def _bare(noun: Token) -> bool:
    """A noun pointing back ("the demand", "such an idea", "X's offer") that says nothing of
    what it is about, in a place a stance word takes it."""
    pointing = False
    for c in noun.children:
        if c.dep_ in ("det", "predet") or (c.dep_ == "amod" and c.lower_ == "such"):
            pointing = pointing or c.lower_ in POINTING
        elif c.dep_ == "poss":
            pointing = True
        elif not (c.dep_ == "amod" and c.lower_ in BARE_MODIFIERS):
            return False  # "the demand for talks", "the idea that ...", "the ceasefire offer"
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if not pointing or (after is not None and after.lower_ in CONTENT_WORDS):
        return False  # "on the condition that ...", however it is parsed
    if noun.dep_ in ROLES:
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in OBJECT_PREPOSITIONS and head.head.pos_ in ("VERB", "ADJ")


def _antecedent(
    doc: Doc, noun: Token, hits: Sequence[CueHit], opposites: Mapping[str, frozenset[str]]
) -> tuple[str, Span] | None:
    """(issue, the words naming it) the noun points back to: the issue words of its own sentence
    before it, else of the sentence before; one issue, governed by a word of demanding."""
    sentence = noun.sent
    regions = [(sentence.start_char, noun.idx)]
    if sentence.start > 0:
        before = doc[sentence.start - 1].sent
        regions.append((before.start_char, before.end_char))
    for start, end in regions:
        inside = [h for h in hits if start <= h.span.start and h.span.end <= end]
        if not inside:
            continue
        issues = {h.issue for h in inside}
        if len(issues) != 1:
            return None
        (issue,) = issues
        words = opposites.get(issue, frozenset())
        region = doc.char_span(start, end, alignment_mode="expand")
        if region is None or any(t.lemma_.lower() in words or t.lower_ in words for t in region):
            return None  # "insists on membership": which way the demand points cannot be told
        if not any(_demanded(doc, h) for h in inside):
            return None
        words_start = next((t.idx for t in region if not t.is_space), start)
        return issue, Span(words_start, max(h.span.end for h in inside))
    return None


def _demanded(doc: Doc, hit: CueHit) -> bool:
    """Is the issue word governed by a word of demanding or proposing ("demanded X", "the
    proposal to X"), or by a verb of striving that takes it as an infinitive or with "for" ("is
    fighting to gain X", "pushing for X") — in the words that verb takes, not across a clause or
    a phrase of circumstance hung on them?"""
    piece = doc.char_span(hit.span.start, hit.span.end, alignment_mode="expand")
    if piece is None or not len(piece):
        return False
    below, t = piece.root, piece.root.head
    while t.i != below.i:
        if _clause_apart(below):
            return False  # "proposed talks after the army took X": X is not what is proposed
        lemma = t.lemma_.lower()
        if lemma in DEMANDING or any(lx.PHRASAL.get((lemma, c.lower_)) == "demands" for c in t.children):
            return True
        if lemma in STRIVING and (below.dep_ == "xcomp" or (below.dep_ == "prep" and below.lower_ == "for")):
            return True
        below, t = t, t.head
    return False


def _clause_apart(word: Token) -> bool:
    """A clause or phrase that says when, why or what else ("after the army took X", "which X
    holds", "and seized X"), not what the word above it takes."""
    if word.dep_ in ("advcl", "relcl", "parataxis"):
        return True
    if word.dep_ == "conj" and word.pos_ in ("VERB", "AUX"):
        return True
    return word.dep_ == "prep" and word.lower_ in lx.FRONTED_ADJUNCTS
