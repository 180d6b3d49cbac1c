"""Which issues a sentence is about: the dossier's cue terms, found whole and case-folded, and a
sentence embedding compared with each issue's description and examples.

An issue whose cue is in the sentence is taken when the sentence is not unlike the issue
(similarity at least ``CUE_FLOOR``); an issue with no cue in the sentence only when the sentence is
clearly closest to it (``ALONE``, ahead of the next issue by ``MARGIN``). Only candidate sentences
— a holder and a stance word — are embedded, in one batch per article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parley.dossier import Dossier, Issue
from parley.embed import Embedder, PrototypeIndex
from parley.models import Span

CUE_FLOOR = 0.10  # a cue with a sentence unlike its issue is a word used in another sense
ALONE = 0.60  # similarity from which an issue is taken without a cue
MARGIN = 0.08


@dataclass(frozen=True)
class CueHit:
    issue: str
    span: Span
    antecedent: Span | None = None  # a noun pointing back ("the demand"): where its issue is named


@dataclass(frozen=True)
class IssueMatch:
    issue: str
    similarity: float
    hits: tuple[CueHit, ...]  # empty when taken from the embedding alone


def _pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    terms = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not terms:
        return None
    alternation = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?:s|es)?(?![\w-])", re.I)  # plurals too


class IssueMatcher:
    def __init__(self, dossier: Dossier, embedder: Embedder | None) -> None:
        self.issues = [i for i in dossier.issues if not i.about_documents]
        self._cues = {i.id: _pattern(i.cues) for i in self.issues}
        self._options = {i.id: [(o.id, o.label, _pattern(o.cues)) for o in i.options] for i in dossier.issues}
        self.index = (
            PrototypeIndex(embedder, {i.id: i.prototypes for i in self.issues})
            if embedder is not None and self.issues
            else None
        )

    def cue_hits(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Every cue of every issue in ``text[start:end]``; where cues overlap, the longest wins."""
        end = len(text) if end is None else end
        found = []
        for issue_id, pattern in self._cues.items():
            if pattern is None:
                continue
            for m in pattern.finditer(text, start, end):
                found.append(CueHit(issue_id, Span(m.start(), m.end())))
        found.sort(key=lambda h: (-(h.span.end - h.span.start), h.span.start))
        kept: list[CueHit] = []
        for hit in found:
            if not any(hit.span.overlaps(k.span) for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.span.start)

    def match(self, texts: Sequence[str], hits: Sequence[Sequence[CueHit]]) -> list[list[IssueMatch]]:
        """For each candidate text and its cue hits, the issues it is about."""
        scores = self.index.scores(texts) if self.index is not None else [{} for _ in texts]
        out = []
        for sims, text_hits in zip(scores, hits, strict=True):
            by_issue: dict[str, list[CueHit]] = {}
            for h in text_hits:
                by_issue.setdefault(h.issue, []).append(h)
            matches = [
                IssueMatch(issue, sims.get(issue, 1.0), tuple(issue_hits))
                for issue, issue_hits in by_issue.items()
                if sims.get(issue, 1.0) >= CUE_FLOOR
            ]
            ranked = sorted(sims.items(), key=lambda kv: -kv[1])
            if ranked and ranked[0][0] not in by_issue and ranked[0][1] >= ALONE:
                runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
                if ranked[0][1] - runner_up >= MARGIN:
                    matches.append(IssueMatch(ranked[0][0], ranked[0][1], ()))
            out.append(matches)
        return out

    def option(self, issue: Issue | str, text: str) -> tuple[str | None, str | None]:
        """(option id, label) of the first of the issue's options whose cue is in ``text``."""
        issue_id = issue if isinstance(issue, str) else issue.id
        for option_id, label, pattern in self._options.get(issue_id, []):
            if pattern is not None and pattern.search(text):
                return option_id, label
        return None, None
