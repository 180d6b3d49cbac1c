"""Stances and document provisions in one parsed article.

Where the words of an issue are (its cue terms, or a known document for "the plan as a whole"),
the position is read from the parse on the way up from them (:mod:`.parse`), and its holder is:

1. inside a statement's content: the speaker (and each speaker coordinated with it). A stance word
   whose subject is someone else ("Peskov said Putin rejected ...") is that someone's reported
   stance and is dropped — the speaker's own position is then read from the speech verb only
   ("refuted" -> denies); a modal ("Ukraine must withdraw") is the speaker's demand whatever its
   subject; what the speaker says their own side will give ("we will lift ...") is accepted;
2. outside statements: the subject of the stance word ("Zelensky has rejected ceding land"), or,
   for a modal, the subject of the clause above it ("Putin reiterated that troops must withdraw");
   never inside a claim, a question or a "whether" clause;
3. a known document when it is the subject ("the plan calls for ...") or the sentence is set in it
   ("under the draft, ...", "in the current version of the plan, ...") — or in the sentence before
   it, going on to say what each side will do: a provision, and a stance that the document
   proposes it. A stance on a document of one issue ("a framework under which the app is sold") is on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.dossier import Dossier
from parley.extract.stances import document_kinds
from parley.extract.stances import lexicon as lx
from parley.extract.stances.anaphora import with_anaphors
from parley.extract.stances.beneficiary import beneficiaries
from parley.extract.stances.clauses import (
    aim_of_refusal,
    governed,
    nominal_demand,
    of_one_issue,
    price_of_refusal,
)
from parley.extract.stances.collect import CONDITION_CUE, Candidate, Collector
from parley.extract.stances.direction import opposite_words, orient
from parley.extract.stances.documents import DocumentFinder, DocumentRef
from parley.extract.stances.doings import below as _below
from parley.extract.stances.doings import given_a_role
from parley.extract.stances.holders import Holder, HolderFinder
from parley.extract.stances.issues import CueHit, IssueMatcher
from parley.extract.stances.objects import conditioned, foretold, not_the_issue, reached_nothing
from parley.extract.stances.parse import (
    TEXT_KEY,
    Signal,
    ancestors,
    climb,
    condition_with_marker,
    embedded_claim,
    hypothetical,
    negated,
    phrase_signal,
    reported_clause,
    signal_at,
    subject_of,
)
from parley.extract.stances.period import change_signal, earlier_cue, place
from parley.extract.stances.pronouns import with_pronouns
from parley.extract.stances.records import Provision, Stance
from parley.extract.stances.scope import Scope
from parley.extract.stances.units import Unit, units
from parley.models import Article, Span, Statement, TimeExpression
from parley.nlp import text_of

OWN_PRONOUNS = {"i", "we", "he", "she", "they", "it", "who"}


class StanceReader:
    def __init__(self, dossier: Dossier, matcher: IssueMatcher) -> None:
        self.dossier = dossier
        self.matcher = matcher
        self.documents = DocumentFinder(dossier)
        self.plan_issue = dossier.plan_issue.id if dossier.plan_issue else None
        self.opposites, self.beneficiary = opposite_words(dossier), beneficiaries(dossier)
        self.plan_words, self.scope = document_kinds.plan_modifiers(dossier), Scope(dossier)

    def read(
        self,
        article: Article,
        doc: Doc,
        statements: Sequence[Statement],
        mentions: Sequence,
        times: Sequence[TimeExpression] = (),
    ) -> tuple[list[Stance], list[Provision]]:
        if not self.dossier.issues or self.scope.before(article.published):
            return [], []  # no issues; or an article from long before the negotiation (:mod:`.scope`)
        text = text_of(doc)
        doc.user_data[TEXT_KEY] = text
        refs = self.documents.find(text, article.published)
        holders = HolderFinder(text, list(mentions), refs, self.dossier.registry)
        run = _Run(self, article, doc, text, holders, refs, times, statements)
        anchors = sorted([h.span.start for h in run.hits] + [r.span.start for r in refs])
        if not anchors:
            return [], []  # no issue words, no documents: nothing to read, nothing parsed further
        for unit in units(doc, statements, holders, anchors):
            run.unit(unit)
        return run.finish()


class _Run(Collector):
    """One article's reading: candidates collected, then confirmed in one embedding batch."""

    def __init__(self, reader, article, doc, text, holders, refs, times, statements=()) -> None:
        self.r: StanceReader = reader
        self.article: Article = article
        self.doc: Doc = doc
        self.text: str = text  # Doc.text is rebuilt from the tokens on every access: read it once
        self.holders: HolderFinder = holders
        self.refs: list[DocumentRef] = refs
        self.times: Sequence[TimeExpression] = times
        self.candidates: list[Candidate] = []
        hits = with_anaphors(doc, reader.matcher.cue_hits(text), reader)  # every issue word, found once
        self.hits = with_pronouns(doc, hits, reader.opposites)  # "opposes X and demands that they ..."
        self.said: list[Span] = [  # the statements' words: contents, speakers, verbs of saying
            p for st in statements for p in (*st.parts, st.cue_span, st.speaker_span) if p is not None
        ]
        self._carried: dict[int, DocumentRef | None] = {}  # sentence start -> the document it is set in
        self.issue_at = {  # token index -> the issue of each issue word
            t.i: h.issue
            for h in self.hits
            for t in doc.char_span(h.span.start, h.span.end, alignment_mode="expand") or ()
        }

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
                and not document_kinds.of_another_kind(self._token(r.span), self.r.plan_words, self.issue_at)
            ]
        for hit in hits:
            token = self._token(hit.span)
            if token is None or (
                isinstance(hit, CueHit) and not_the_issue(token, hit, self.issue_at, self.r, self.holders)
            ):
                continue  # "NATO airspace"; "troops on X territory"; "guarantees for the other side"
            issue = hit.issue if isinstance(hit, CueHit) else self.r.plan_issue
            document_id = hit.document_id if isinstance(hit, DocumentRef) else None
            cue_hit = hit if isinstance(hit, CueHit) else None
            if isinstance(hit, DocumentRef) and (inside := of_one_issue(token, self.hits)) is not None:
                if len({h.issue for h in inside}) != 1:
                    continue
                # "a framework under which the app is sold": a stance on it is on that one issue
                issue, document_id, cue_hit = inside[0].issue, None, inside[0]
            assert issue is not None
            if isinstance(hit, CueHit):
                self._provisions(unit, token, hit)
            path: list[Token] = []
            found = [(h, x, path) for h, x in self._positions(unit, token, path)]
            found += [(h, x, []) for h, x in self._participle(unit, token)]  # it hangs on the word itself
            if unit.also:  # "The two capitals agreed ...": each speaker's
                found += [(o, x, b) for h, x, b in found if h is unit.speaker for o in unit.also]
            oppose = self.r.opposites.get(issue, frozenset())
            for holder, signal, below in found:
                if holder.kind == "document" and holder.id == document_id:
                    continue
                under = _below(below, signal.token)
                if isinstance(hit, CueHit) and given_a_role(under, signal.token, self.issue_at, oppose):
                    continue  # "want our membership to serve as a bridge": a stance on the role
                signal = place(conditioned(signal, under), under, token)
                oriented = orient(signal, token, issue, self.r.opposites)
                if oriented is None or (oriented is not signal and holder.kind == "document"):
                    continue  # "accepts membership": no stance on giving it up that the words tell
                self._add(unit, holder, oriented, issue, cue_hit, document_id)

    def _positions(self, unit: Unit, token: Token, path: list[Token]) -> list[tuple[Holder, Signal]]:
        """(holder, signal) pairs for an issue word: see the module docstring. ``path`` gets the
        words climbed through, the issue's word first."""
        inside = unit.statement is not None
        if embedded_claim(token):  # "refuted assertions that X rejected the plan": the speech verb only
            if not (inside and unit.speech and unit.speaker):
                return []
            # rejecting a claim is denying it: "dismissed reports that X had rejected the plan"
            speech = unit.speech
            if speech.position in ("rejects", "opposes"):
                speech = replace(speech, position="denies")
            return [(unit.speaker, speech)]
        if not inside and reported_clause(token):
            return []  # "X told reporters ... that Y had turned the plan down": X's report, not Y's stance
        prev = token
        for t in climb(token):
            if inside and not (unit.start <= t.idx < unit.end):
                break
            if prev.dep_ == "prep" and prev.i < t.i and prev.lower_ in lx.FRONTED_ADJUNCTS:
                break  # "With no route to victory, Putin is embracing terror": not about victory
            if aim_of_refusal(t):
                return []  # "will not sacrifice its principles to reach a deal": the deal is the aim
            signal = change_signal(t, path) or signal_at(t)  # "dropped its demand for", "rejected"
            path.append(t)
            if signal is not None and price_of_refusal(path, signal):
                return []  # "would not trade away its principles for a deal": the deal is the price
            if signal is not None and reached_nothing(t, prev, token):
                signal = None  # "reached a deal" is an acceptance; "reached the front", "reached X after" not
            if prev.dep_ == "prep" and prev.lower_ == "without" and negated(t):
                signal = Signal(t, "demands", f"not {t.text} without", 0.8)  # "would not sign without X"
            elif signal is not None and not signal.modal:
                signal = governed(t, signal)  # "opposed reaching a ceasefire": opposes
            if signal is None and inside and t.pos_ == "NOUN" and prev.dep_ == "prep":
                signal = nominal_demand(t, prev)  # "stressed the need for a ceasefire"
            prev = t
            if signal is not None and signal.commitment and not (inside and self._own(t, unit.speaker)):
                signal = None  # "The capital will suspend ...": a commitment only in its own side's words
            if signal is None:
                if not inside and (found := self._relative(t)):
                    return found
                continue
            if not inside and hypothetical(t):
                return []  # the writer's "for Russia to agree, conditions would need to change"
            if signal.modal:
                if inside and foretold(t) and not self._speaks_for(subject_of(t) or t, unit.speaker):
                    return []  # "X may need to begin a call-up": the speaker's forecast of another
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
            if signal is None or signal.modal or signal.commitment:
                continue
            agent = next((g for c in clause.children if c.dep_ == "agent" for g in c.children), None)
            if agent is not None:
                return [(h, signal) for h in self.holders.of_subject(agent) if h.kind != "document"]
            if unit.speaker is not None and earlier_cue(clause):
                return [(unit.speaker, signal)]
        return []

    def _conditional(self, unit: Unit, token: Token) -> Signal | None:
        """ "trade could only recover if the other side lifted its tariffs": the condition is a demand —
        when it is one ("only if", "provided that" ...): a bare "if" may as well be a threat ("it
        would take countermeasures if the tariff went ahead")."""
        found = condition_with_marker(unit.sentence, self.text, (unit.start, unit.end))
        if found is not None and found[2] in lx.BARE_CONDITIONS:
            return None
        if found is not None and found[0] <= token.idx < found[1]:
            return Signal(token, "demands", CONDITION_CUE + self.text[found[0] : found[1]][:40], 0.6)
        return None

    def _relative(self, noun: Token) -> list[tuple[Holder, Signal]]:
        """ "the plant, which Kyiv insists should be run jointly": a stance in a relative clause."""
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            signal = signal_at(clause)
            subject = subject_of(clause)
            if signal is None or signal.modal or signal.commitment:
                continue
            if subject is not None and subject.i != noun.i and subject.tag_ not in ("WDT", "WP"):
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

    def _own(self, verb: Token, speaker: Holder | None) -> bool:
        """Is the subject of the verb named, and the speaker or the speaker's side?"""
        subject = subject_of(verb)
        if subject is None or speaker is None:
            return False
        if subject.lower_ in OWN_PRONOUNS:
            return subject.lower_ != "who"
        return bool(self.holders.of_subject(subject)) and self._speaks_for(subject, speaker)

    def _speaks_for(self, subject: Token, speaker: Holder | None) -> bool:
        """Is the subject of a stance word in a statement the speaker (or the speaker's side)?"""
        if subject.lower_ in OWN_PRONOUNS or speaker is None:
            return True
        found = self.holders.of_subject(subject)
        if not found:  # "peace terms should ...": no one named, unless an other side's word says whose
            return not self.holders.of_another_side(subject, speaker.side)
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
        ref = self._set_in(unit.sentence) if unit.statement is None else None
        verb = next((t for t in ancestors(token) if t.pos_ in ("VERB", "AUX")), None)
        if (
            ref is not None and ref.document_id and verb is not None
        ):  # "Under the deal, X will ... Y will ..."
            holder = Holder(ref.document_id, "document", ref.span.of(self.text), ref.span)
            self._add(
                unit, holder, Signal(verb, "proposes", verb.text, 0.8), hit.issue, hit, None, provision=True
            )

    def _set_in(self, sentence: SpacySpan) -> DocumentRef | None:
        """The known document a sentence's provisions belong to without naming it: the sentences
        after one set in it ("Under the deal, one side will suspend ...") that go on saying what each
        side will do ("It will buy ...", "In return, the other side will halve ...") — each
        in the future, naming no document, said by no one — until one does not."""
        if sentence.start_char in self._carried:
            return self._carried[sentence.start_char]
        self._carried[sentence.start_char] = None  # no loops
        found = None
        before = self.doc[sentence.start - 1].sent if sentence.start > 0 else None
        if before is not None and self._commits(sentence):
            found = self._setting_of(before) or self._set_in(before)
        self._carried[sentence.start_char] = found
        return found

    def _commits(self, sentence: SpacySpan) -> bool:
        start, end = sentence.start_char, sentence.end_char
        if any(r.span.start < end and start < r.span.end for r in self.refs):
            return False
        if any(p.start < end and start < p.end for p in self.said):
            return False
        root = sentence.root
        return any(c.dep_ == "aux" and c.lower_ in lx.FUTURE_AUX for c in root.children)

    def _setting_of(self, sentence: SpacySpan) -> DocumentRef | None:
        """The known document a sentence is set in as a whole ("Under the deal, ...")."""
        for ref in self.refs:
            if not (sentence.start_char <= ref.span.start < sentence.end_char) or not ref.document_id:
                continue
            token = self._token(ref.span)
            if token is not None and self._setting(ref) and token.head.head.i == sentence.root.i:
                return ref
        return None

    def _token(self, span: Span) -> Token | None:
        piece = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return piece.root if piece is not None and len(piece) else None
