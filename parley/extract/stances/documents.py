"""Finding the known documents an article speaks of: by the names the press gives them ("the
28-point plan"), else a plain "the plan" — the document the article last named, else the latest
one reported by the article's date (the dossier's ``date`` of each document). A plan a side's or
an actor's name owns ("the capital's plan") is one it proposed or drafted: the last named or the
latest, else another one.

A document the dossier does not know, named as one ("a 12-point peace plan", "the Northern Grain
Initiative"), is another one (``other``): no stance is read on it, and a plain "the proposal"
after it is that one too, until a known document is named again."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.dossier import Dossier
from parley.models import Span

_DETERMINER_WORDS = r"(?:the|this|that|these|those|a|an|its|their|his|her|our|your|any|such)"
# a determiner, or a proper name's possessive ("the capital's plan", "Brussels' proposal")
DETERMINERS = rf"(?:{_DETERMINER_WORDS}|(?-i:[A-Z])[\w.-]*['’]s?)"
# the words between the determiner and the document's noun: not a determiner themselves ("that the
# deal": "the deal"), quotation marks allowed ("an “important consensus”")
_MODIFIER = rf"(?!{_DETERMINER_WORDS}\s)[\w.’'\"“”‘-]+\s+"


@dataclass(frozen=True)
class DocumentRef:
    span: Span
    document_id: str | None  # None: a plan, but which one cannot be told
    named: bool  # the words name it; False for a plain "the plan"
    other: bool = False  # a document the dossier does not know ("a 12-point peace plan")
    owner: frozenset[str] = frozenset()  # "the capital's plan": the side (and actor) its words name


def _flexible(name: str) -> str:
    words = re.sub(r"^the\s+", "", name.strip(), flags=re.I).split()
    return r"[\s-]+".join(re.escape(w).replace(r"\-", r"[\s-]?") for w in words)


class DocumentFinder:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        names = sorted(((n, d.id) for d in dossier.documents for n in d.names), key=lambda x: -len(x[0]))
        self._ids = {re.sub(r"^the\s+", "", n.lower()): d for n, d in names}
        self._named = (
            re.compile(r"(?<![\w-])(?:" + "|".join(_flexible(n) for n, _ in names) + r")(?![\w-])", re.I)
            if names
            else None
        )
        cues = sorted({c for issue in dossier.issues for c in issue.cues}, key=len, reverse=True)
        self._issue_words = re.compile(
            r"(?<![\w-])(?:" + "|".join(_flexible(c) for c in cues) + r")(?![\w-])" if cues else r"(?!)", re.I
        )
        words = "|".join(re.escape(w) for w in sorted(dossier.document_words, key=len, reverse=True))
        self._document_word = re.compile(rf"\b(?:{words})s?\b", re.I) if words else None
        # the noun may be plural ("the arrangements") or two of them ("a framework consensus")
        noun = rf"(?:{words})s?(?:\s+(?:{words})s?)?"
        self._generic = (
            re.compile(rf"\b{DETERMINERS}\s+[\"“‘]?(?:{_MODIFIER}){{0,3}}?{noun}\b(?!-)", re.I)
            if words
            else None
        )

    def find(self, text: str, published: dt.date | None) -> list[DocumentRef]:
        refs: list[DocumentRef] = []
        taken: list[Span] = []
        if self._named is not None:
            for m in self._named.finditer(text):
                key = re.sub(r"[\s-]+", " ", m.group(0).lower())
                doc_id = self._ids.get(key) or self._lookup(m.group(0))
                span = Span(m.start(), m.end())
                refs.append(DocumentRef(span, doc_id, True))
                taken.append(span)
        if self._generic is not None:
            for m in self._generic.finditer(text):
                span = Span(m.start(), m.end())
                if any(span.overlaps(t) for t in taken):
                    continue
                other = _names_another(m.group(0), _line(text, m.start(), m.end()))
                if not other and self._about_something_else(m.group(0), text, m.end()):
                    refs.append(DocumentRef(span, None, False, True))  # not "the plan" after it
                    continue
                refs.append(DocumentRef(span, None, other, other, self._owner(m.group(0).split()[0])))
        refs.sort(key=lambda r: r.span.start)
        return self._resolve(refs, published)

    def _about_something_else(self, words: str, text: str, end: int) -> bool:
        """ "a French proposal to hold a joint sporting event", "a long-term plan of support": an
        indefinite document whose own words say what it is for or of, and name no issue under
        negotiation and no document, is another one; so is any document for another, named treaty
        the dossier does not know ("Moscow's proposal to extend the New Strategic Arms Reduction
        Treaty")."""
        purpose = _PURPOSE.match(text, end) or _OF_WHAT.match(text, end)
        if purpose is None:
            return False
        said = purpose.group(1)  # an issue, or a document ("to put the earlier consensus into effect")
        treaty = _NAMED_TREATY.match(said)
        if treaty and not (self._named and self._named.search(treaty.group(0))):
            return True
        if words.split()[0].lower() not in ("a", "an"):
            return False
        return not any(
            p is not None and p.search(said) for p in (self._issue_words, self._named, self._document_word)
        )

    def _lookup(self, words: str) -> str | None:
        folded = re.sub(r"[\s-]+", " ", words.lower())
        for name, doc_id in self._ids.items():
            if re.sub(r"[\s-]+", " ", name) == folded:
                return doc_id
        return None

    def _resolve(self, refs: list[DocumentRef], published: dt.date | None) -> list[DocumentRef]:
        """A plain "the plan" is the document last named before it, else the current one; in an
        article written before the first of the dossier's documents was reported, none of them
        (another plan, until a known one is named)."""
        current = self.dossier.current_document(published)
        last: str | None = None
        other = self._before_all(published)  # the last document named is one the dossier does not know
        out = []
        for ref in refs:
            if ref.named:
                if ref.other:
                    other = True
                elif ref.document_id:
                    last, other = ref.document_id, False
                out.append(ref)
                continue
            if ref.owner:  # "the capital's plan": the one last named or latest that it proposed
                known = [d for d in (last, current.id if current else None) if d and self._by(d, ref.owner)]
                found = known[0] if known else self._latest_by(ref.owner, published)
                if found is None:  # none it proposed: another one, and "the plan" after it too
                    other = True
                    out.append(DocumentRef(ref.span, None, True, True, ref.owner))
                else:
                    last, other = found, False
                    out.append(DocumentRef(ref.span, found, False, False, ref.owner))
                continue
            if other or ref.other:
                out.append(DocumentRef(ref.span, None, False, True))
                continue
            out.append(DocumentRef(ref.span, last or (current.id if current else None), False))
        return out

    def _before_all(self, published: dt.date | None) -> bool:
        dates = [d.date for d in self.dossier.documents if d.date is not None]
        if published is None or not dates or len(dates) < len(self.dossier.documents):
            return False  # an undated document may be any age
        return published < min(dates)

    def _owner(self, word: str) -> frozenset[str]:
        """The side, or the actor and its side, a possessive ("Brussels'", "the envoy's") names."""
        if not re.fullmatch(r"[A-Z][\w.-]*['’]s?", word):
            return frozenset()
        name = re.sub(r"['’]s?$", "", word)
        registry = self.dossier.registry
        side = registry.place_side(name) or registry.side_of_word(name)
        if side:
            return frozenset({side})
        actor_id = registry.match_name(name)
        actor = registry.actor(actor_id) if actor_id else None
        return frozenset(x for x in (actor_id, actor.side if actor else None) if x)

    def _by(self, document_id: str, owner: frozenset[str]) -> bool:
        d = self.dossier.document(document_id)
        return d is not None and bool(owner & {*d.proposed_by, *d.drafted_by})

    def _latest_by(self, owner: frozenset[str], published: dt.date | None) -> str | None:
        mine = [
            d
            for d in self.dossier.documents
            if self._by(d.id, owner) and (published is None or d.date is None or d.date <= published)
        ]
        return max(mine, key=lambda d: d.date or dt.date.min).id if mine else None


# what a document is for, told right after its noun: "to hold ...", "for a joint ...", "on ..."
_PURPOSE = re.compile(r"\s+((?:to|for|on)\s+[^.;:!?\n]{3,160})")
# what an indefinite document is of, up to a comma: "a long-term plan of support" is another one
# unless the words name an issue or a document ("a framework of guarantees")
_OF_WHAT = re.compile(r"\s+(of\s+[^.,;:!?\n]{3,80})")
# a treaty or an agreement named by its proper name: "the New Strategic Arms Reduction Treaty"
# as what the document is for ("to extend the New ... Treaty"), not named later in the sentence
_NAMED_TREATY = re.compile(
    r"(?:to|for|on)\s+(?:[a-z]+\s+){0,3}(?:[A-Z][\w'’-]*\s+){1,6}"
    r"(?:Treaty|Agreement|Accord|Convention|Pact|Protocol|Charter)\b"
)


def _line(text: str, start: int, end: int) -> str:
    stop = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : stop if stop >= 0 else len(text)]


def _names_another(words: str, line: str) -> bool:
    """ "a 12-point peace plan", "the Northern Grain Initiative": words naming a document (a
    count of points, or a proper name — not in a headline in title case) that are not the name
    of a known one."""
    if re.search(r"\d+[\s-]point", words, re.I):
        return True
    *before, noun = words.split()
    if not (noun[:1].isupper() and before[-1][:1].isupper()):
        return False
    long = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return sum(w[:1].isupper() for w in long) <= 0.6 * len(long)  # a headline names nothing
