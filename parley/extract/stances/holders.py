"""Who holds a stance: the speaker of the statement it came from, else the subject of the stance
word — a person or body, a side ("Moscow", "Ukrainian officials"), or a known document ("the plan
calls for ..."). A stance is never given to someone a statement merely mentions: inside another
speaker's words, the holder is that speaker, or no one.

Coordinated holders each hold it ("The two capitals agreed ...", "the northern and southern
leaders said ..."); a speaker named only by a role noun ("a ministry spokesperson", "the
spokesperson") is the body last named before it, when one is and its name has the role's own
words ("ministry")."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from parley.extract.registry import ActorRegistry, fold
from parley.extract.stances import lexicon as lx
from parley.extract.stances.documents import DocumentRef
from parley.models import Mention, Span, Statement

PRONOUNS = {"he", "she"}
GOVERNMENT = "-government"
MODIFIERS = ("poss", "compound", "amod", "nmod")
BODY_KINDS = {"institution", "organisation", "group"}  # registered actors a role noun can stand for
BODY_WINDOW = 700  # how far back (characters) the body a bare role noun stands for is looked for


@dataclass(frozen=True)
class Holder:
    id: str | None  # actor, side or document id; None: a person the corpus step will resolve
    kind: str  # "actor" | "side" | "document"
    text: str
    span: Span
    side: str | None = None


class HolderFinder:
    def __init__(self, text: str, mentions: list[Mention], refs: list[DocumentRef], registry: ActorRegistry):
        self.text = text
        self.registry = registry
        self.mentions = sorted(mentions, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self.mentions]
        self.refs = refs

    # -- from a statement ------------------------------------------------------------------
    def speaker(self, s: Statement, root: Token | None = None) -> Holder | None:
        """The statement's speaker; an unresolved one ("a spokesperson for China's commerce
        ministry", "Chinese officials") is the body or side its own modifiers name, if any."""
        span = s.speaker_ref or s.speaker_span
        if span is None:
            return None
        words = s.speaker or span.of(self.text)
        actor_id = s.speaker_actor_id
        if actor_id and actor_id.endswith(GOVERNMENT):
            side = actor_id.removesuffix(GOVERNMENT)
            return Holder(side, "side", words, span, side)
        if actor_id:
            actor = self.registry.actor(actor_id)
            return Holder(actor_id, "actor", words, span, actor.side if actor else None)
        if root is not None and root.lower_ not in PRONOUNS:
            named = self._one(root)
            if named is not None and named.id is not None:
                return Holder(named.id, named.kind, words, span, named.side)
        mention = self._mention_at(span)
        if mention is not None and mention.label in ("PERSON", "ORG", "ROLE"):
            return Holder(None, "actor", words, span, mention.side)
        if root is not None:
            body = self._body_before(root, span)
            if body is not None:
                return Holder(body.id, body.kind, words, span, body.side)
        return None

    def speakers(self, s: Statement, root: Token | None = None) -> list[Holder]:
        """The statement's speaker, then the others coordinated with it ("The two capitals agreed
        ...", "the northern and southern negotiators said ..."): each is a holder of the stance."""
        first = self.speaker(s, root)
        if root is None or root.lower_ in PRONOUNS:
            return [first] if first is not None else []
        found = [first] if first is not None else []
        for token in (*_conjuncts(root), *self._coordinated_modifiers(root)):
            h = self._one(token)
            if (
                h is not None
                and h.id is not None
                and h.kind != "document"
                and all(h.id != o.id for o in found)
            ):
                found.append(h)
        return found

    # -- from a subject --------------------------------------------------------------------
    def of_subject(self, subject: Token) -> list[Holder]:
        found: list[Holder] = []
        for t in (subject, *_conjuncts(subject)):
            for token in (t, *self._coordinated_modifiers(t)):
                h = self._one(token)
                if h is not None and not (h.id is not None and any(h.id == o.id for o in found)):
                    found.append(h)
        return found

    def of_another_side(self, subject: Token, side: str | None) -> bool:
        """Whether a subject no holder was found for names by its modifiers a side other than
        ``side`` ("the Northern command aims to ..." in the words of a Southern speaker, or of one
        whose side is not known)."""
        sides = {self.registry.side_of_word(c.text) for c in subject.children if c.dep_ in MODIFIERS}
        return bool(sides - {None, side})

    def _coordinated_modifiers(self, token: Token) -> list[Token]:
        """ "the northern and southern negotiators": the words coordinated with the one that names the holder
        of a role noun (its first is read by :meth:`_one`)."""
        if token.lemma_.lower() not in lx.HOLDER_NOUNS or self._mention_covering(token) is not None:
            return []
        return [c for child in token.children if child.dep_ in MODIFIERS for c in _conjuncts(child)]

    def _body_before(self, root: Token, span: Span) -> Holder | None:
        """ "A ministry spokesperson said", "the spokesperson added": a role noun naming no one
        stands for the registered body last named before it (within ``BODY_WINDOW``) whose name has
        the role's other words ("ministry"); none when another body was named since."""
        lemma = root.lemma_.lower()
        if (
            lemma not in lx.HOLDER_NOUNS
            or root.tag_ != "NN"
            or not any(c.dep_ == "det" for c in root.children)
        ):
            return None  # "officials", "northern officials": people, not the body's voice
        words = {
            c.lemma_.lower() for c in root.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"
        }
        if lemma not in lx.PERSON_NOUNS:
            words.add(lemma)  # "the ministry said": a body of that name
        elif not words and lemma not in lx.SPOKESPERSON_NOUNS:
            return None  # "an official said": whose, the words do not say
        i = bisect.bisect_left(self._starts, span.start) - 1
        while i >= 0 and self.mentions[i].span.start >= span.start - BODY_WINDOW:
            m = self.mentions[i]
            i -= 1
            spec = self.registry.specs.get(m.actor_id) if m.actor_id else None
            if spec is None or spec.actor.kind not in BODY_KINDS:
                continue
            names = [fold_words(n) for n in (spec.actor.name, *spec.actor.aliases)]
            if all(any(w in n for n in names) for w in words):
                return self._from_mention(m)
            return None  # the body last named is another one
        return None

    def document_at(self, token: Token) -> DocumentRef | None:
        return self._ref_at(token.idx, token.idx + len(token.text))

    def _one(self, token: Token) -> Holder | None:
        ref = self.document_at(token)
        if ref is not None:
            return (
                Holder(ref.document_id, "document", ref.span.of(self.text), ref.span)
                if ref.document_id
                else None
            )
        if token.lower_ in PRONOUNS:
            return self._antecedent(token)
        mention = self._mention_covering(token)
        if mention is None and token.lemma_.lower() in lx.HOLDER_NOUNS:
            for child in token.children:
                if child.dep_ in MODIFIERS:
                    mention = self._mention_covering(child)
                elif child.dep_ == "prep" and child.lower_ in ("for", "of"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    found = self._one(obj) if obj is not None else None
                    if found is not None and found.kind != "document":
                        return found
                if mention is not None:
                    break
        if mention is None and token.pos_ == "PROPN":  # a registered place the NER missed ("Kyiv is ...")
            side = self.registry.place_side(token.text) or self.registry.side_of_word(token.text)
            if side:
                span = Span(token.idx, token.idx + len(token.text))
                return Holder(side, "side", token.text, span, side)
        if mention is None:
            return None
        return self._from_mention(mention)

    def _from_mention(self, m: Mention) -> Holder | None:
        if m.actor_id and m.actor_id.endswith(GOVERNMENT):
            side = m.actor_id.removesuffix(GOVERNMENT)
            return Holder(side, "side", m.text, m.span, side)
        if m.actor_id:
            actor = self.registry.actor(m.actor_id)
            return Holder(m.actor_id, "actor", m.text, m.span, actor.side if actor else m.side)
        if m.label in ("GPE", "NORP", "LOC"):
            place = self.registry.place_side(m.text) or self.registry.side_of_word(m.text)
            return Holder(place, "side", m.text, m.span, place) if place else None
        if m.label in ("PERSON", "ROLE"):
            return Holder(None, "actor", m.text, m.span, m.side)
        return None

    def _antecedent(self, token: Token) -> Holder | None:
        """ "he", "she": the latest person named in this or the two sentences before."""
        earliest = max(0, token.idx - 700)
        i = bisect.bisect_left(self._starts, token.idx) - 1
        while i >= 0 and self.mentions[i].span.start >= earliest:
            m = self.mentions[i]
            if m.label in ("PERSON", "ROLE") and (m.actor_id is None or not m.actor_id.endswith(GOVERNMENT)):
                return self._from_mention(m)
            i -= 1
        return None

    def _mention_covering(self, token: Token) -> Mention | None:
        start, end = token.idx, token.idx + len(token.text)
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0 and i >= bisect.bisect_right(self._starts, start) - 4:
            m = self.mentions[i]
            if m.span.start <= start and end <= m.span.end:
                return m
            i -= 1
        return None

    def _mention_at(self, span: Span) -> Mention | None:
        return next((m for m in self.mentions if m.span.overlaps(span)), None)

    def _ref_at(self, start: int, end: int) -> DocumentRef | None:
        return next((r for r in self.refs if r.span.start <= start and end <= r.span.end), None)


def _conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i > token.i]


def fold_words(name: str) -> set[str]:
    return set(fold(name).split())
