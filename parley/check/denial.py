"""Whether one sentence denies a claim: the reading applied after the model.

The learned model (:mod:`parley.check.model`) counts cue words but does not see what they govern,
so "the ministry denied that the union rejected the offer" looks to it like an article that
repeats "the union rejected the offer". This module reads a sentence clause by clause (clauses
end at ``;``, ``:``, dashes and words such as "but"; see ``clause_breaks``) and says that it
denies the claim when one of these holds, *the claim* meaning terms of the claim (stemmed, with derived forms:
"rejection" for "rejected", "agreement" for "agreed") that carry at least :data:`COVER` of the
claim's idf weight and, when the claim has a verb (found by the spaCy pipeline of
:mod:`parley.nlp`, verbs of saying left out), a term of that verb ("rejection", "meeting" for a
claim that someone met), so that "denied that the envoy rejected the plan" does not deny that the
envoy *signed* the plan:

* a verb or phrase of denial ("denied", "refuted", "there is no truth to") is followed in its
  clause by the claim, and the claim is not already stated before it;
* a verb that denies only what is reported ("rejected", "dismissed", "disputed") is followed,
  within :data:`GAP` words, by a report noun ("reports", "claims", "suggestions"; or "as", for
  "dismissed as false") and then by the claim;
* a report noun or a verb of labelling ("called", "described") is followed by the claim and then
  by a word of falsity ("Reports that ... are false", "called reports that ... fabricated");
* the claim's verb (a claim without one is not read this way) is negated ("did not reject",
  "has never rejected", "not to reject") or, as a noun made from it, denied existence ("there
  was no rejection"), in a clause that carries the claim, with no "until", "unless" or "only"
  after the negation ("will not start until May" says when, "not only rejected" affirms).

A denial verb with a negation or an alternative before it ("did not deny", "would neither
confirm nor deny", "refused to deny") is no denial. A claim that itself negates or denies
something (it has a negation, a denial verb or a word of falsity) is not read at all: which way a
denial of it would point is left to the model. The word lists are ``parley/data/check/denial.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from parley.check.text import STOPWORDS, stem, tokens

WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "check" / "denial.json"
COVER = 0.5  # share of the claim's idf weight a denied clause must carry
GAP = 3  # words allowed between a report-denying verb and its report noun
NEAR = 3  # words before a denial verb searched for a negation or an alternative
_CLAUSE_PUNCT = re.compile(r"[;:–—]|\s-\s|^\s*-\s")

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class DenialWords:
    """The word lists of ``denial.json``, each entry as a token sequence."""

    deny: tuple[Phrase, ...]
    deny_report: tuple[Phrase, ...]
    report_nouns: tuple[Phrase, ...]
    falsity: tuple[Phrase, ...]
    labelling: tuple[Phrase, ...]
    not_before_denial: frozenset[str]
    negators: frozenset[str]
    no: frozenset[str]
    negation_undone: frozenset[str]
    fillers: frozenset[str]
    nominal_suffixes: tuple[str, ...]
    derived_suffixes: tuple[str, ...]
    clause_breaks: frozenset[str]
    saying: frozenset[str]


@cache
def load_words(path: Path = WORDS_FILE) -> DenialWords:
    data = json.loads(path.read_text(encoding="utf-8"))

    def phrases(key: str) -> tuple[Phrase, ...]:
        return tuple(tuple(tokens(e)) for e in data[key])

    return DenialWords(
        deny=phrases("deny"),
        deny_report=phrases("deny_report"),
        report_nouns=phrases("report_nouns"),
        falsity=phrases("falsity"),
        labelling=phrases("labelling"),
        not_before_denial=frozenset(data["not_before_denial"]),
        negators=frozenset(data["negators"]),
        no=frozenset(data["no"]),
        negation_undone=frozenset(data["negation_undone"]),
        fillers=frozenset(data["fillers"]),
        nominal_suffixes=tuple(data["nominal_suffixes"]),
        derived_suffixes=tuple(data["derived_suffixes"]),
        clause_breaks=frozenset(data["clause_breaks"]),
        saying=frozenset(data["saying"]),
    )


def _occurrences(toks: Sequence[str], phrases: Sequence[Phrase]) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of any phrase in ``toks``."""
    found = []
    for phrase in phrases:
        k = len(phrase)
        found += [(i, i + k) for i in range(len(toks) - k + 1) if tuple(toks[i : i + k]) == phrase]
    return sorted(found)


@dataclass(frozen=True)
class Claim:
    """A claim read for :meth:`DenialReader.denies`: its terms with their idf weights, and its
    predicate (the terms of its verbs; empty when the claim has none)."""

    weights: dict[str, float]
    predicate: frozenset[str] = frozenset()
    lemmas: dict[str, str] = field(default_factory=dict)  # term -> its verb's lemma, where they differ

    def carried(self, matched: Sequence[str | None]) -> bool:
        """Whether ``matched`` (the claim terms of some tokens) carries the claim: at least
        :data:`COVER` of its weight, and a term of its predicate when it has one."""
        found = {t for t in matched if t is not None}
        share = sum(self.weights[t] for t in found) / sum(self.weights.values())
        return share >= COVER and (not self.predicate or bool(found & self.predicate))


Predicates = Callable[[str], list[tuple[str, str]]]


@lru_cache(maxsize=1024)
def _parse_verbs(claim: str) -> tuple[tuple[str, str], ...]:
    from parley.nlp import load_model

    saying = load_words().saying
    doc = load_model()(claim)
    return tuple((t.text, t.lemma_) for t in doc if t.pos_ == "VERB" and t.lemma_ not in saying)


def parsed_predicates(claim: str) -> list[tuple[str, str]]:
    """(word, lemma) of each verb of ``claim`` that is not a verb of saying, from the spaCy
    pipeline of :mod:`parley.nlp` (loaded on first use; each claim parsed once)."""
    return list(_parse_verbs(claim))


class DenialReader:
    """Reads sentences for a denial of a claim. ``weight`` gives a term's idf; ``predicates``
    finds a claim's verbs (none: the predicate is not required)."""

    def __init__(
        self,
        weight: Callable[[str], float],
        predicates: Predicates | None = parsed_predicates,
        words: DenialWords | None = None,
    ) -> None:
        self.words = words or load_words()
        self.weight = weight
        self.predicates = predicates

    def claim(self, text: str) -> Claim | None:
        """The claim's terms, or None when the claim itself negates or denies something."""
        toks = tokens(text)
        w = self.words
        if any(t in w.negators or t in w.no for t in toks):
            return None
        if _occurrences(toks, w.deny) or _occurrences(toks, w.falsity):
            return None
        weights = {t: self.weight(t) for t in sorted({_term(t) for t in toks} - {""})}
        if sum(weights.values()) <= 0:
            return None
        predicate, lemmas = set(), {}
        for word, lemma in self.predicates(text) if self.predicates else []:
            term = _term(word.lower())
            if term in weights:
                predicate.add(term)
                if stem(lemma.lower()) != term:
                    lemmas[term] = stem(lemma.lower())
        return Claim(weights, frozenset(predicate), lemmas)

    def denies(self, claim: Claim, sentence: str) -> bool:
        """Whether ``sentence`` denies ``claim`` (see the module's description)."""
        return any(self._clause_denies(claim, toks) for toks in self.clauses(sentence))

    def clauses(self, sentence: str) -> list[list[str]]:
        out: list[list[str]] = []
        for piece in _CLAUSE_PUNCT.split(sentence):
            current: list[str] = []
            for t in tokens(piece):
                if t in self.words.clause_breaks:
                    out.append(current)
                    current = []
                else:
                    current.append(t)
            out.append(current)
        return [c for c in out if c]

    # -- one clause ----------------------------------------------------------------------------
    def _matches(self, claim: Claim, toks: Sequence[str]) -> list[str | None]:
        """For each token, the claim term it stands for (or None)."""
        out: list[str | None] = []
        for t in toks:
            term = _term(t)
            out.append(
                next(
                    (
                        c
                        for c in claim.weights
                        if term and (self._same(c, term) or self._same(claim.lemmas.get(c, c), term))
                    ),
                    None,
                )
            )
        return out

    def _same(self, claim_term: str, term: str) -> bool:
        if claim_term == term:
            return True
        short, long = sorted((claim_term, term), key=len)
        suffix = long[len(short) :]
        return len(short) >= 4 and long.startswith(short) and suffix in self.words.derived_suffixes

    def _clause_denies(self, claim: Claim, toks: list[str]) -> bool:
        matched = self._matches(claim, toks)
        if not claim.carried(matched):
            return False
        return (
            self._denial_verb(claim, toks, matched)
            or self._false_report(claim, toks, matched)
            or self._negated(claim, toks, matched)
        )

    def _governs(self, claim: Claim, matched: Sequence[str | None], start: int, end: int) -> bool:
        """Whether the claim follows a denial at ``start:end`` and is not stated before it."""
        return not claim.carried(matched[:start]) and claim.carried(matched[end:])

    def _negated_before(self, toks: Sequence[str], start: int) -> bool:
        return any(t in self.words.not_before_denial for t in toks[max(0, start - NEAR) : start])

    def _denial_verb(self, claim: Claim, toks: list[str], matched: list[str | None]) -> bool:
        w = self.words
        for start, end in _occurrences(toks, w.deny):
            if not self._negated_before(toks, start) and self._governs(claim, matched, start, end):
                return True
        nouns = _occurrences(toks, w.report_nouns)
        for start, end in _occurrences(toks, w.deny_report):
            if self._negated_before(toks, start):
                continue
            for n_start, n_end in nouns:
                gap = n_start - end
                if toks[n_start] == "as" and gap != 0:
                    continue
                if 0 <= gap <= GAP and not any(matched[end:n_end]):
                    if self._governs(claim, matched, start, n_end):
                        return True
        return False

    def _false_report(self, claim: Claim, toks: list[str], matched: list[str | None]) -> bool:
        w = self.words
        heads = [(s, e) for s, e in _occurrences(toks, w.report_nouns) if toks[s] != "as"]
        heads += _occurrences(toks, w.labelling)
        for f_start, _ in _occurrences(toks, w.falsity):
            if any(t in w.negators for t in toks[max(0, f_start - 2) : f_start]):
                continue
            for h_start, h_end in heads:
                if h_end <= f_start and not claim.carried(matched[:h_start]):
                    if claim.carried(matched[h_end:f_start]):
                        return True
        return False

    def _negated(self, claim: Claim, toks: list[str], matched: list[str | None]) -> bool:
        w = self.words
        for i, t in enumerate(toks):
            if t in w.negators:
                if any(u in w.negation_undone for u in toks[i + 1 :]):
                    continue
                k = i + 1
                while k < len(toks) and k - i <= 3 and toks[k] in w.fillers:
                    k += 1
                if k < len(toks) and self._core(claim, matched[k]):
                    return True
            elif t in w.no:
                for k in (i + 1, i + 2):
                    if k < len(toks) and self._core(claim, matched[k]) and self._nominal(toks[k]):
                        return True
        return False

    @staticmethod
    def _core(claim: Claim, term: str | None) -> bool:
        """Whether a negated term negates the claim: a term of its predicate (so a claim without a
        verb is never read as negated)."""
        return term is not None and term in claim.predicate

    def _nominal(self, token: str) -> bool:
        """Whether ``token`` looks like a noun made from a verb ("rejection", "meeting")."""
        return any(token.endswith(s) and len(token) > len(s) + 2 for s in self.words.nominal_suffixes)


def _term(token: str) -> str:
    return "" if token in STOPWORDS or token == "n't" else stem(token)
