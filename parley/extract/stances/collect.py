"""The second half of reading one article (:mod:`.extract`): each (holder, signal) found becomes a
stance candidate — its condition, date and period — and the candidates are confirmed in one
embedding batch, with the provisions of the known documents.

A stance's period comes from its signal (:mod:`.period`), from the verb of saying of its
statement ("the aide previously stated that ..."), or from a time the clause gives well before the
article's publication ("In December 2021, the ministry called for ..."): then it is dated by the text. A
signal that states a change with the earlier stance in words ("dropped its demand for X") gives
two candidates: the earlier stance and the current one that replaces it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from parley.extract.stances import lexicon as lx
from parley.extract.stances.beneficiary import receiver_before
from parley.extract.stances.holders import HolderFinder
from parley.extract.stances.issues import CueHit
from parley.extract.stances.objects import condition_near
from parley.extract.stances.parse import condition_with_marker
from parley.extract.stances.period import CURRENT, EARLIER, earlier_cue, earlier_time
from parley.extract.stances.records import Provision, Stance
from parley.extract.stances.units import Unit
from parley.models import Article, Span, TimeExpression

if TYPE_CHECKING:
    from parley.extract.stances.extract import StanceReader

EXTRACTOR = "stances/3"
CONDITIONAL = {"accepts", "open_to_discuss", "supports"}
# a refusal "unless" something is done is an acceptance on that condition ("will not sign unless
# the duties are cut"); the issue inside the condition is demanded, as after "only if"
REFUSED_UNLESS = {"rejects", "opposes"}
CONDITION_CUE = "condition: "  # the cue of a demand read from another stance's condition


# the marks a list item opens with
LIST_MARKS = frozenset("-*•–—·")


@dataclass(frozen=True)
class Candidate:
    """A stance before its issue is confirmed against the sentence embedding."""

    stance: Stance
    unit_text: str
    hit: CueHit | None
    provision: bool = False


class Collector:
    """Candidates of one article, then the stances and provisions confirmed among them (the
    reading itself is :class:`parley.extract.stances.extract._Run`, which derives from this)."""

    r: StanceReader  # its matcher confirms issues
    article: Article
    doc: Doc
    text: str
    times: Sequence[TimeExpression]
    candidates: list[Candidate]
    issue_at: dict[int, str]  # token index -> the issue of each issue word
    holders: HolderFinder

    def _add(self, unit: Unit, holder, signal, issue, hit, document_id, provision=False) -> None:
        sentence = unit.sentence
        span = Span(unit.start, unit.end) if unit.statement else _trimmed(self.text, sentence)
        if hit is not None and hit.antecedent is not None:  # "Y rejected the demand": from where it is named
            span = Span(min(span.start, hit.antecedent.start), span.end)
        position, condition, cue = signal.position, None, signal.cue
        if holder.kind == "document":  # "the proposal urges ...": what a document says, it proposes
            position, provision = "proposes", True
        if signal.condition:  # "X would require Y": accepted on condition Y
            condition = signal.condition
        elif position in CONDITIONAL or position in REFUSED_UNLESS:
            subtree = list(signal.token.subtree)
            within = (subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))
            found = condition_with_marker(sentence, self.text, within)
            if found is None and position in CONDITIONAL:  # "is ready to X, provided that ..."
                found = condition_near(signal.token, self.text)
            if found is not None and position in REFUSED_UNLESS and found[2] != "unless":
                found = None  # "rejects it if ...": a refusal still; "unless ...": its price
            if found is not None:
                if hit is not None and found[0] <= hit.span.start < found[1]:
                    position, cue = "demands", CONDITION_CUE + self.text[found[0] : found[1]][:40]
                else:
                    position, condition = "accepts_on_condition", self.text[found[0] : found[1]]
        if hit is not None and holder.side is not None and position not in lx.REFUSALS:
            beneficiary = self.r.beneficiary.get(issue)
            receiver = receiver_before(self.doc, hit.span, issue, beneficiary, self.issue_at, self.holders)
            if receiver == holder.side:
                return  # "X demanded that it receive guarantees. X first demanded 'guarantees'": for itself
        date, date_from = self._date(unit, sentence)
        period, period_cue, replaces = signal.period, signal.period_cue, signal.replaces
        if period == CURRENT and unit.cue is not None and (said := earlier_cue(unit.cue)):
            period, period_cue, replaces = EARLIER, said, None  # "previously stated that ..."
        when = earlier_time((signal.token, unit.cue), self.times, self.article.published, self.r.scope.start)
        if when is not None:  # "In December 2021, the ministry called for ...": then, not now
            period, period_cue, replaces = EARLIER, when.text, None
            date, date_from = when.start, "text"
        stance = Stance(
            article_id=self.article.id,
            issue=issue,
            position=position,
            span=span,
            text=span.of(self.text),
            holder=holder.id,
            holder_kind=holder.kind,
            holder_text=holder.text,
            holder_span=holder.span,
            side=holder.side,
            condition=condition,
            document_id=document_id,
            statement_id=unit.statement.id if unit.statement else None,
            cue=cue,
            date=date,
            date_from=date_from,
            confidence=signal.strength,
            extractor=EXTRACTOR,
            period=period,
            period_cue=period_cue,
            replaces=replaces,
        )
        self.candidates.append(Candidate(stance, span.of(self.text), hit, provision))
        if signal.earlier and period == CURRENT and not provision:  # "dropped its demand for X"
            earlier = replace(
                stance, position=signal.earlier, condition=None, period=EARLIER, replaces=None, cue=period_cue
            )
            self.candidates.append(Candidate(earlier, span.of(self.text), hit))

    def _date(self, unit: Unit, sentence: SpacySpan) -> tuple[dt.date | None, str]:
        if unit.statement is not None and unit.statement.said_on is not None:
            return unit.statement.said_on, "statement"
        for t in self.times:
            if t.precision == "day" and t.start and sentence.start_char <= t.span.start < sentence.end_char:
                return t.start, "text"
        if self.article.published is not None:
            return self.article.published, "article"
        return None, "unknown"

    # -- confirming ------------------------------------------------------------------------
    def finish(self) -> tuple[list[Stance], list[Provision]]:
        matcher = self.r.matcher
        texts = sorted({c.unit_text for c in self.candidates if c.hit is not None})
        hits = [matcher.cue_hits(t) for t in texts]
        matched = matcher.match(texts, hits)
        sims = {t: {m.issue: m.similarity for m in ms} for t, ms in zip(texts, matched, strict=True)}
        stances: dict[tuple, Stance] = {}
        provisions: dict[tuple, Provision] = {}
        away = self.r.scope.away(f"{self.article.title or ''}\n{self.text}")  # issues of parties never named
        for c in self.candidates:
            s = c.stance
            if s.issue in away:
                continue
            if c.hit is not None:
                similarity = sims.get(c.unit_text, {}).get(s.issue)
                if similarity is None:
                    continue  # the cue is there, but the sentence is about something else
                s = replace(
                    s, confidence=round(s.confidence * (0.6 + 0.4 * min(1.0, max(0.0, similarity) / 0.6)), 3)
                )
            else:
                s = replace(s, confidence=round(s.confidence * 0.8, 3))
            key = (s.holder, s.holder_span, s.issue, s.position, s.span, s.period)
            if key not in stances or stances[key].confidence < s.confidence:
                stances[key] = s
            if c.provision and s.holder:
                self._provision(provisions, s)
        kept = [s for s in stances.values() if not _superseded(s, stances.values())]
        return sorted(kept, key=lambda s: (s.span.start, s.issue, s.period != EARLIER)), sorted(
            provisions.values(), key=lambda p: (p.span.start, p.issue)
        )

    def _provision(self, provisions: dict[tuple, Provision], s: Stance) -> None:
        assert s.holder is not None
        option, label = self.r.matcher.option(s.issue, s.text)
        value = label or _short(s.text)
        key = (s.holder, s.issue, s.span)
        if key in provisions and provisions[key].option:
            return
        provisions[key] = Provision(
            article_id=s.article_id,
            document_id=s.holder,
            issue=s.issue,
            span=s.span,
            text=s.text,
            value=value,
            option=option,
            statement_id=s.statement_id,
            date=s.date,
            confidence=s.confidence,
            extractor=EXTRACTOR,
        )


def _superseded(s: Stance, every) -> bool:
    """A demand read from a condition gives way to the holder's own stance on that issue there."""
    if not (s.cue or "").startswith(CONDITION_CUE):
        return False
    return any(
        o is not s
        and o.holder == s.holder
        and o.issue == s.issue
        and o.span == s.span
        and o.period == s.period
        and not (o.cue or "").startswith(CONDITION_CUE)
        for o in every
    )


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _trimmed(text: str, sentence: SpacySpan) -> Span:
    """A sentence's characters without the list mark it opens with ("- ", "• ") and the blank
    space around it: the words a reader is shown."""
    start, end = sentence.start_char, sentence.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and (text[start].isspace() or text[start] in LIST_MARKS):
        if text[start] in LIST_MARKS and not (start + 1 < end and text[start + 1].isspace()):
            break  # "-5 degrees": a sign, not a list mark
        start += 1
    return Span(start, end)
