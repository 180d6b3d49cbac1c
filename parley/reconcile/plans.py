"""Plan versions: each known document's provisions as the articles report them, who proposed it,
the articles that report it, and what changed from the version it revises (``follows``).

On each issue a document's value is the option most of its provisions match (ties: the earliest
reported); a provision that matches no option keeps its own words. Between versions an issue is
*added* when only the new one provides on it, *removed* when only the old one does, *changed* when
both give it different options; *not_reported* when the old one provides on it and no article reports
what the new one says (which is not evidence that it was dropped). Provisions in their own words
are not compared: wording differs from article to article, and that is no change of the plan. A
version is compared with the nearest earlier version (``follows``, then its ``follows`` ...) that any
article reports provisions of; a version no article reports provisions of has no changes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from parley.dossier import Dossier
from parley.extract.stances.records import Change, DocumentProvision, DocumentRecord, Evidence, Provision
from parley.store import Store


def build_documents(store: Store, dossier: Dossier) -> list[DocumentRecord]:
    by_document: dict[str, list[Provision]] = {}
    for p in store.records("provision"):
        by_document.setdefault(p.document_id, []).append(p)
    merged = {d.id: _provisions(by_document.get(d.id, [])) for d in dossier.documents}
    follows = {d.id: d.follows for d in dossier.documents}
    out = []
    for d in dossier.documents:
        provisions = merged[d.id]
        base = _reported_ancestor(d.id, follows, merged)
        changes = diff(merged[base], provisions) if base and provisions else ()
        sources = tuple(sorted({p.article_id for p in by_document.get(d.id, [])}))
        out.append(
            DocumentRecord(
                id=d.id,
                name=d.name,
                kind=d.kind,
                date=d.date,
                proposed_by=d.proposed_by,
                follows=d.follows,
                compared_with=base if provisions else None,
                provisions=provisions,
                changes=changes,
                sources=sources,
            )
        )
    return out


def _provisions(found: list[Provision]) -> tuple[DocumentProvision, ...]:
    by_issue: dict[str, list[Provision]] = {}
    for p in sorted(found, key=lambda p: (p.date or dt.date.min, p.article_id, p.span.start)):
        by_issue.setdefault(p.issue, []).append(p)
    out = []
    for issue, group in by_issue.items():
        options = Counter(p.option for p in group if p.option)
        if options:
            best = max(options, key=lambda o: (options[o], -_first(group, o)))
            value = next(p.value for p in group if p.option == best)
        else:
            best, value = None, group[0].value
        sources = tuple(
            Evidence(p.article_id, p.span, p.text, p.date, "proposes", None, p.confidence) for p in group
        )
        out.append(DocumentProvision(issue, value, best, sources))
    return tuple(sorted(out, key=lambda p: p.issue))


def _reported_ancestor(doc_id: str, follows: dict[str, str | None], merged: dict) -> str | None:
    seen = {doc_id}
    current = follows.get(doc_id)
    while current and current not in seen:
        if merged.get(current):
            return current
        seen.add(current)
        current = follows.get(current)
    return None


def _first(group: list[Provision], option: str) -> int:
    return next(i for i, p in enumerate(group) if p.option == option)


def diff(old: tuple[DocumentProvision, ...], new: tuple[DocumentProvision, ...]) -> tuple[Change, ...]:
    before = {p.issue: p for p in old}
    after = {p.issue: p for p in new}
    changes = []
    for issue in sorted(set(before) | set(after)):
        a, b = before.get(issue), after.get(issue)
        if a is None and b is not None:
            changes.append(Change(issue, "added", None, b.value))
        elif b is None and a is not None:
            changes.append(Change(issue, "not_reported", a.value, None))
        elif a is not None and b is not None and a.option and b.option and a.option != b.option:
            changes.append(Change(issue, "changed", a.value, b.value))
    return tuple(changes)
