"""Finding the known documents an article speaks of: by the names the press gives them ("the
28-point plan"), else a plain "the plan" — the document the article last named, else the latest
one reported by the article's date (the dossier's ``date`` of each document)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.dossier import Dossier
from parley.models import Span

DETERMINERS = r"(?:the|this|that|a|an|its|their|his|her|any|such|Washington's|America's|Moscow's|Europe's)"


@dataclass(frozen=True)
class DocumentRef:
    span: Span
    document_id: str | None  # None: a plan, but which one cannot be told
    named: bool  # the words name it; False for a plain "the plan"


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
        words = "|".join(re.escape(w) for w in sorted(dossier.document_words, key=len, reverse=True))
        self._generic = (
            re.compile(rf"\b{DETERMINERS}\s+(?:[\w.’'-]+\s+){{0,3}}?(?:{words})\b(?!-)", re.I)
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
                refs.append(DocumentRef(span, None, False))
        refs.sort(key=lambda r: r.span.start)
        return self._resolve(refs, published)

    def _lookup(self, words: str) -> str | None:
        folded = re.sub(r"[\s-]+", " ", words.lower())
        for name, doc_id in self._ids.items():
            if re.sub(r"[\s-]+", " ", name) == folded:
                return doc_id
        return None

    def _resolve(self, refs: list[DocumentRef], published: dt.date | None) -> list[DocumentRef]:
        """A plain "the plan" is the document last named before it, else the current one."""
        current = self.dossier.current_document(published)
        last: str | None = None
        out = []
        for ref in refs:
            if ref.named:
                last = ref.document_id or last
                out.append(ref)
                continue
            out.append(DocumentRef(ref.span, last or (current.id if current else None), False))
        return out
