"""Stances and document provisions in one parsed article.

Where the words of an issue are (its cue terms, or a known document for "the plan as a whole"),
the position is read from the parse on the way up from them (:mod:`.parse`), and its holder is:

1. inside a statement's content: the speaker. A stance word whose subject is someone else ("Peskov
   said Putin rejected ...") is that someone's reported stance and is dropped — the speaker's own
   position is then read from the speech verb only ("refuted" -> denies); a modal ("Ukraine must
   withdraw") is the speaker's demand whatever its subject;
2. outside statements: the subject of the stance word ("Zelensky has rejected ceding land"), or,
   for a modal, the subject of the clause above it ("Putin reiterated that troops must withdraw");
   never inside a claim, a question or a "whether" clause;
3. a known document when it is the subject ("the plan calls for ...") or the sentence is set in it
   ("under the draft, ...", "in the current version of the plan, ..."): a provision, and a stance
   that the document proposes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parley.dossier import Dossier
from parley.extract.stances import lexicon as lx
from parley.extract.stances.collect import CONDITION_CUE, Candidate, Collector
from parley.extract.stances.documents import DocumentFinder, DocumentRef
from parley.extract.stances.holders import Holder, HolderFinder
from parley.extract.stances.issues import CueHit, IssueMatcher
from parley.extract.stances.parse import (
    TEXT_KEY,
    Signal,
    ancestors,
    climb,
    condition_of,
    embedded_claim,
    hypothetical,
    negated,
    phrase_signal,
    signal_at,
    subject_of,
)
from parley.extract.stances.period import change_signal, earlier_cue, place
from parley.extract.stances.records import Provision, Stance
from parley.extract.stances.units import Unit, units
from parley.models import Article, Span, Statement, TimeExpression
from parley.nlp import text_of

OBJECT_ONLY = {"reach"}  # stance verbs that take a position only on their direct object
OWN_PRONOUNS = {"i", "we", "he", "she", "they", "it", "who"}


def _governed(token: Token, signal: Signal) -> Signal:
    """A stance word that is the object of a refusal takes the refusal's position: "opposed
    reaching a ceasefire", "rejected accepting the plan"."""
    if token.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and token.head is not token:
        above = signal_at(token.head)
        if above is not None and above.position in ("opposes", "rejects") and not above.modal:
            return above
    return signal


class StanceReader:
    def __init__(self, dossier: Dossier, matcher: IssueMatcher) -> None:
        self.dossier = dossier
        self.matcher = matcher
        self.documents = DocumentFinder(dossier)
        self.plan_issue = dossier.plan_issue.id if dossier.plan_issue else None

    def read(
        self,
        article: Article,
        doc: Doc,
        statements: Sequence[Statement],
        mentions: Sequence,
        times: Sequence[TimeExpression] = (),
    ) -> tuple[list[Stance], list[Provision]]:
        if not self.dossier.issues:
            return [], []
        text = text_of(doc)
        doc.user_data[TEXT_KEY] = text
        refs = self.documents.find(text, article.published)
        holders = HolderFinder(text, list(mentions), refs, self.dossier.registry)
        run = _Run(self, article, doc, text, holders, refs, times)
        anchors = sorted([h.span.start for h in run.hits] + [r.span.start for r in refs])
        if not anchors:
            return [], []  # no issue words, no documents: nothing to read, nothing parsed further
        for unit in units(doc, statements, holders, anchors):
            run.unit(unit)
        return run.finish()


class _Run(Collector):
    """One article's reading: candidates collected, then confirmed in one embedding batch."""

    def __init__(self, reader, article, doc, text, holders, refs, times) -> None:
        self.r: StanceReader = reader
        self.article: Article = article
        self.doc: Doc = doc
        self.text: str = text  # Doc.text is rebuilt from the tokens on every access: read it once
        self.holders: HolderFinder = holders
        self.refs: list[DocumentRef] = refs
        self.times: Sequence[TimeExpression] = times
        self.candidates: list[Candidate] = []
        self.hits = reader.matcher.cue_hits(text)  # every issue word of the article, found once

    # -- collecting ------------------------------------------------------------------------
    def unit(self, unit: Unit) -> None:
        hits: list[CueHit | DocumentRef] = [
            h for h in self.hits if unit.start <= h.span.start and h.span.end <= unit.end
        ]
        if self.r.plan_issue:
            hits += [
                r
                for r in self.refs
                if unit.start <= r.span.start
                and r.span.end <= unit.end
                and not r.other
                and not self._setting(r)
            ]
        for hit in hits:
            token = self._token(hit.span)
            if token is None or (
                _qualifies_only(token, hit) if isinstance(hit, CueHit) else _on_one_issue(token, self.hits)
            ):
                continue
            issue = hit.issue if isinstance(hit, CueHit) else self.r.plan_issue
            document_id = hit.document_id if isinstance(hit, DocumentRef) else None
            assert issue is not None
            if isinstance(hit, CueHit):
                self._provisions(unit, token, hit)
            path: list[Token] = []
            found = [(h, x, path) for h, x in self._positions(unit, token, path)]
            found += [(h, x, []) for h, x in self._participle(unit, token)]  # it hangs on the word itself
            for holder, signal, below in found:
                if holder.kind == "document" and holder.id == document_id:
                    continue
                signal = place(signal, _below(below, signal.token), token)
                self._add(unit, holder, signal, issue, hit if isinstance(hit, CueHit) else None, document_id)

    def _positions(self, unit: Unit, token: Token, path: list[Token]) -> list[tuple[Holder, Signal]]:
        """(holder, signal) pairs for an issue word: see the module docstring. ``path`` gets the
        words climbed through, the issue's word first."""
        inside = unit.statement is not None
        if embedded_claim(token):  # "refuted assertions that X rejected the plan": the speech verb only
            return [(unit.speaker, unit.speech)] if inside and unit.speech and unit.speaker else []
        prev = token
        for t in climb(token):
            if inside and not (unit.start <= t.idx < unit.end):
                break
            if prev.dep_ == "prep" and prev.i < t.i and prev.lower_ in lx.FRONTED_ADJUNCTS:
                break  # "With no route to victory, Putin is embracing terror": not about victory
            signal = change_signal(t, path) or signal_at(t)  # "dropped its demand for", "rejected"
            path.append(t)
            if signal is not None and t.lemma_.lower() in OBJECT_ONLY and (t is token or prev.dep_ != "dobj"):
                signal = None  # "reached a deal" is an acceptance; "reached it after talks on X" is not
            if prev.dep_ == "prep" and prev.lower_ == "without" and negated(t):
                signal = Signal(t, "demands", f"not {t.text} without", 0.8)  # "would not sign without X"
            elif signal is not None and not signal.modal:
                signal = _governed(t, signal)  # "opposed reaching a ceasefire": opposes
            prev = t
            if signal is None:
                if not inside and (found := self._relative(t)):
                    return found
                continue
            if not inside and hypothetical(t):
                return []  # the writer's "for Russia to agree, conditions would need to change"
            if signal.modal:
                if inside:
                    return [(unit.speaker, signal)] if unit.speaker else []
                return [(h, signal) for h in self._holders_above(t)]
            subject = subject_of(t)
            if subject is not None and subject.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
                subject = t.head  # "facilities that support the army": the facilities, not the speaker
                if not self.holders.of_subject(subject):
                    break
            if inside:
                if subject is None or self._speaks_for(subject, unit.speaker):
                    return [(unit.speaker, signal)] if unit.speaker else []
                break  # someone else's stance, reported: not the speaker's, not theirs either
            if subject is None or embedded_claim(t):
                return []
            return [(h, signal) for h in self.holders.of_subject(subject) if h.kind != "document"]
        if inside and unit.speaker is not None:
            said = (
                phrase_signal(token, self.text, unit.start, unit.end)
                or self._conditional(unit, token)
                or unit.speech
            )
            return [(unit.speaker, said)] if said else []
        return []

    def _participle(self, unit: Unit, noun: Token) -> list[tuple[Holder, Signal]]:
        """ "provisions rejected by the capital", "demilitarised zones previously avoided": a stance in a
        participle after the issue's noun, held by its agent — or, with no agent, by the speaker
        of the statement it is in when it is an earlier one (the speaker's side's own past)."""
        for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            signal = signal_at(clause)
            if signal is None or signal.modal:
                continue
            agent = next((g for c in clause.children if c.dep_ == "agent" for g in c.children), None)
            if agent is not None:
                return [(h, signal) for h in self.holders.of_subject(agent) if h.kind != "document"]
            if unit.speaker is not None and earlier_cue(clause):
                return [(unit.speaker, signal)]
        return []

    def _conditional(self, unit: Unit, token: Token) -> Signal | None:
        """ "trade could only recover if Washington lifted its tariffs": the condition is a demand."""
        found = condition_of(unit.sentence, self.text, (unit.start, unit.end))
        if found is not None and found[0] <= token.idx < found[1]:
            return Signal(token, "demands", CONDITION_CUE + self.text[found[0] : found[1]][:40], 0.6)
        return None

    def _relative(self, noun: Token) -> list[tuple[Holder, Signal]]:
        """ "the plant, which Kyiv insists should be run jointly": a stance in a relative clause."""
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            signal = signal_at(clause)
            subject = subject_of(clause)
            if signal is not None and not signal.modal and subject is not None and subject.i != noun.i:
                if subject.tag_ not in ("WDT", "WP"):
                    return [(h, signal) for h in self.holders.of_subject(subject) if h.kind != "document"]
        return []

    def _setting(self, ref: DocumentRef) -> bool:
        """ "In the current version of the plan, ...": the document is the setting, not the object."""
        token = self._token(ref.span)
        return token is not None and token.dep_ == "pobj" and token.head.lower_ in lx.DOCUMENT_PREPOSITIONS

    def _holders_above(self, token: Token) -> list[Holder]:
        """Who a modal outside statements is the demand of: the subject of the verb of saying
        above it ("Putin reiterated that troops must withdraw"); with none, it is the writer's
        view ("Ukraine must also secure manpower") and no one's position."""
        for t in ancestors(token.head):
            if t is token or t.lemma_.lower() not in lx.SPEECH_VERBS:
                continue
            subject = subject_of(t)
            if subject is not None and not embedded_claim(t):
                return [h for h in self.holders.of_subject(subject) if h.kind != "document"]
        return []

    def _speaks_for(self, subject: Token, speaker: Holder | None) -> bool:
        """Is the subject of a stance word in a statement the speaker (or the speaker's side)?"""
        if subject.lower_ in OWN_PRONOUNS or speaker is None:
            return True
        found = self.holders.of_subject(subject)
        if not found:
            return True  # "peace terms should include ...": no one else is named
        return any(
            h.kind != "document"
            and (
                h.id == speaker.id
                or h.span.overlaps(speaker.span)
                or (h.kind == "side" and h.side == speaker.side)
            )
            for h in found
        )

    def _provisions(self, unit: Unit, token: Token, hit: CueHit) -> None:
        """A document as the subject on the way up, or the sentence set "in"/"under" it."""
        for t in ancestors(token):
            if t.pos_ not in ("VERB", "AUX"):
                continue
            ref = None  # "under the plan, Ukraine would not join ...": the setting holds, negated or not
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in lx.DOCUMENT_PREPOSITIONS):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                ref = self.holders.document_at(obj) if obj is not None else None
                if ref is not None:
                    break
            subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (
                ref is None
                and subject is not None
                and t.lemma_.lower() in lx.DOCUMENT_VERBS
                and not negated(t)
            ):
                ref = self.holders.document_at(subject)  # "the plan calls for ..."
            if ref is not None and ref.document_id:
                holder = Holder(ref.document_id, "document", ref.span.of(self.text), ref.span)
                signal = Signal(t, "proposes", t.text, 1.0)
                self._add(unit, holder, signal, hit.issue, hit, None, provision=True)
                return

    def _token(self, span: Span) -> Token | None:
        piece = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return piece.root if piece is not None and len(piece) else None


def _qualifies_only(token: Token, hit: CueHit) -> bool:
    """ "X airspace", "X countries" (X the issue's word): an issue's word that only qualifies a thing."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod", "poss")
        and head.lemma_.lower() in lx.PERIOD.qualified_nouns
        and not (hit.span.start <= head.idx < hit.span.end)
    )


def _on_one_issue(noun: Token, hits: list[CueHit]) -> bool:
    """ "the neighbour's proposal to establish a demilitarised zone": a proposal of one thing, which
    an issue's words in its infinitive say, not the plan as a whole ("a plan to end the war" is)."""
    for clause in noun.children:
        if clause.dep_ == "acl" and any(a.lower_ == "to" for a in clause.children if a.dep_ == "aux"):
            words = list(clause.subtree)
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            if any(start <= h.span.start and h.span.end <= end for h in hits):
                return True
    return False


def _below(path: list[Token], stop: Token) -> list[Token]:
    """The words of ``path`` below the stance word ``stop`` (all of them if it is not on it)."""
    for i, t in enumerate(path):
        if t.i == stop.i:
            return path[:i]
    return path
