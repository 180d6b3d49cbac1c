"""The ``positions`` corpus step: article stances become holder x issue positions once speakers
are resolved, and known documents get their provisions and changes (:mod:`.plans`).

A stance read from a statement takes the statement's resolved speaker (the ``actors`` step sets
``statement.speaker_actor_id``) — never anyone the statement mentions; a stance read from a subject
takes the actor its mention resolved to. A place or a side's government is the side itself. Each
holder's stances on an issue, oldest first (undated ones first of all), make its history; the
latest, the most confident of its day, is its position.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from parley.corpus import CorpusContext, corpus_step
from parley.dossier import Dossier
from parley.extract.stances.records import Evidence, Position, Stance
from parley.models import Actor
from parley.reconcile.plans import build_documents

GOVERNMENT = "-government"


@corpus_step(
    "positions",
    reads=("stance", "provision", "statement", "mention", "actor", "article"),
    writes=("stance", "position", "document"),
)
def positions_step(ctx: CorpusContext) -> int:
    store = ctx.store
    dossier = Dossier.from_registry(ctx.registry)
    actors = {a.id: a for a in ctx.actors()}
    speakers = {s.id: s.speaker_actor_id for s in ctx.statements()}
    by_span = {(m.article_id, m.span.start, m.span.end): m.actor_id for m in ctx.mentions() if m.actor_id}
    resolved: list[tuple[Stance, dict]] = []
    stances: list[Stance] = []
    for s in store.records("stance", extracted=True):
        holder, kind, side = resolve_holder(s, speakers, by_span, actors, dossier)
        resolved.append((s, {"holder": holder, "holder_kind": kind, "side": side}))
        stances.append(_with(s, holder, kind, side))
    changed = store.annotate("stance", resolved)
    names = holder_names(dossier, actors)
    changed += store.replace_records("position", build_positions(stances, names))
    changed += store.replace_records("document", build_documents(store, dossier))
    return changed


def resolve_holder(
    s: Stance,
    speakers: dict[str, str | None],
    by_span: dict[tuple[str, int, int], str],
    actors: dict[str, Actor],
    dossier: Dossier,
) -> tuple[str | None, str, str | None]:
    """(holder, kind, side) of a stance after the corpus resolved speakers and mentions."""
    if s.holder_kind == "document":
        return s.holder, "document", None
    holder = s.holder
    if s.statement_id is not None and speakers.get(s.statement_id):
        holder = speakers[s.statement_id]  # the speaker, whoever the content names
    elif s.holder_span is not None and s.holder_kind == "actor":
        holder = by_span.get((s.article_id, s.holder_span.start, s.holder_span.end)) or holder
    if holder is None:
        return None, s.holder_kind, s.side
    if holder.endswith(GOVERNMENT) and holder.removesuffix(GOVERNMENT) in dossier.registry.sides:
        holder = holder.removesuffix(GOVERNMENT)
    if holder in dossier.registry.sides:
        return holder, "side", holder
    actor = actors.get(holder)
    side = (actor.side if actor else None) or dossier.side_of(holder) or s.side
    return holder, "actor", side


def holder_names(dossier: Dossier, actors: dict[str, Actor]) -> dict[str, str]:
    names = {side_id: side.name for side_id, side in dossier.registry.sides.items()}
    names.update({d.id: d.name for d in dossier.documents})
    names.update({a.id: a.name for a in actors.values()})
    return names


def _with(s: Stance, holder: str | None, kind: str, side: str | None) -> Stance:
    from dataclasses import replace

    return replace(s, holder=holder, holder_kind=kind, side=side)


def evidence(s: Stance) -> Evidence:
    return Evidence(s.article_id, s.span, s.text, s.date, s.position, s.condition, s.confidence)


def chronological(stances: Iterable[Stance]) -> list[Stance]:
    """Oldest first; undated first of all; on one day, the most confident last."""
    return sorted(stances, key=lambda s: (s.date or dt.date.min, s.confidence, s.article_id, s.span.start))


def build_positions(stances: Iterable[Stance], names: dict[str, str]) -> list[Position]:
    groups: dict[tuple[str, str], list[Stance]] = {}
    for s in stances:
        if s.holder is not None:
            groups.setdefault((s.holder, s.issue), []).append(s)
    out = []
    for (holder, issue), group in sorted(groups.items()):
        history = chronological(group)
        latest = history[-1]
        out.append(
            Position(
                id=f"{holder}:{issue}",
                holder=holder,
                holder_kind=latest.holder_kind,
                holder_name=names.get(holder, holder),
                side=latest.side,
                issue=issue,
                position=latest.position,
                condition=latest.condition,
                date=latest.date,
                evidence=evidence(latest),
                history=tuple(evidence(s) for s in history),
            )
        )
    return out
