"""The ``positions`` corpus step: article stances become holder x issue positions once speakers
are resolved, and known documents get their provisions and changes (:mod:`.plans`).

A stance read from a statement takes the statement's resolved speaker (the ``actors`` step sets
``statement.speaker_actor_id``) — never anyone the statement mentions, but a speaker coordinated
with it in the speaker's own words keeps its holder ("The two capitals agreed ..."); a
stance read from a subject takes the actor its mention resolved to. A place or a side's government
is the side itself. Each holder's stances on an issue, oldest first (undated ones first of all; on
one day, or undated, the stances an article places before its time of writing before the others),
make its history; the latest current one, the most confident of its day, is its position — an
earlier stance is the position only when the holder has no current one. A current stance that
says what it replaces ("now accepts", "agrees to X, long a point of contention") with no earlier
stance in words beside it adds that earlier position to the history, marked ``implied``. A denial
("denied reports that the leader rejected the plan") is no position and no step of a history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from parley.corpus import CorpusContext, corpus_step
from parley.dossier import Dossier
from parley.extract.stances.records import Evidence, Position, Stance
from parley.models import Actor, Span
from parley.reconcile.plans import build_documents

GOVERNMENT = "-government"
EARLIER = "earlier"
DENIES = "denies"


@corpus_step(
    "positions",
    reads=("stance", "provision", "statement", "mention", "actor", "article"),
    writes=("stance", "position", "document"),
    version="6",  # 5: each position names its side as the dossier does (side_name); 6: denials none
)
def positions_step(ctx: CorpusContext) -> int:
    store = ctx.store
    dossier = Dossier.from_registry(ctx.registry)
    actors = {a.id: a for a in ctx.actors()}
    extracted = list(store.records("stance", extracted=True))
    # the statements stances come from, read as the statements stream past (not all of them held)
    wanted = {s.statement_id for s in extracted if s.statement_id is not None}
    speakers: dict[str, str | None] = {}
    coordinated: dict[str, tuple[Span, Span | None]] = {}
    for st in store.statements():
        if st.id in wanted:
            speakers[st.id] = st.speaker_actor_id
            if st.speaker_span is not None:
                coordinated[st.id] = (st.speaker_span, st.speaker_ref)
    by_span = ctx.actor_spans()
    resolved: list[tuple[Stance, dict]] = []
    stances: list[Stance] = []
    for s in extracted:
        holder, kind, side = resolve_holder(s, speakers, by_span, actors, dossier, coordinated)
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
    speaker_spans: dict[str, tuple[Span, Span | None]] | None = None,
) -> tuple[str | None, str, str | None]:
    """(holder, kind, side) of a stance after the corpus resolved speakers and mentions.
    ``speaker_spans`` (statement id -> its speaker's words and the mention naming them) tells a
    speaker coordinated with the one resolved ("The two capitals agreed ..."): it keeps
    the holder the extractor found in those words."""
    if s.holder_kind == "document":
        return s.holder, "document", None
    holder = s.holder
    if s.statement_id is not None and _coordinated(s, (speaker_spans or {}).get(s.statement_id)):
        pass  # one of several speakers, named in the speaker's words: not the one resolved
    elif s.statement_id is not None and speakers.get(s.statement_id):
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


def _coordinated(s: Stance, spans: tuple[Span, Span | None] | None) -> bool:
    if spans is None or s.holder is None or s.holder_span is None:
        return False
    words, ref = spans
    inside = words.start <= s.holder_span.start and s.holder_span.end <= words.end
    return inside and s.holder_span not in (words, ref)


def holder_names(dossier: Dossier, actors: dict[str, Actor]) -> dict[str, str]:
    names = {side_id: side.name for side_id, side in dossier.registry.sides.items()}
    names.update({d.id: d.name for d in dossier.documents})
    names.update({a.id: a.name for a in actors.values()})
    return names


def _with(s: Stance, holder: str | None, kind: str, side: str | None) -> Stance:
    return replace(s, holder=holder, holder_kind=kind, side=side)


def evidence(s: Stance, implied: bool = False) -> Evidence:
    return Evidence(
        s.article_id,
        s.span,
        s.text,
        s.date,
        s.position,
        s.condition,
        s.confidence,
        period=s.period,
        period_cue=s.period_cue,
        replaces=s.replaces,
        implied=implied,
        date_from=s.date_from,
    )


def when(s: Stance | Evidence) -> tuple:
    """The sort key of a history: day (undated first), earlier before current, confidence."""
    return (s.date or dt.date.min, s.period != EARLIER, s.confidence, s.article_id, s.span.start)


def chronological(stances: Iterable[Stance]) -> list[Stance]:
    """Oldest first; undated first of all; on one day, earlier-period stances first and the most
    confident last."""
    return sorted(stances, key=when)


def latest(history: list) -> int:
    """The index of the position in a history in order: its last current entry, else its last
    (a history holds no denial: :func:`build_positions` leaves them out)."""
    current = [i for i, s in enumerate(history) if s.period != EARLIER]
    return (current or [len(history) - 1])[-1]


def _implied(group: list[Stance]) -> list[Stance]:
    """The earlier positions current stances say they replace, where no earlier stance of the
    same article and words says it: as stances of that period, for the history."""
    stated = {(s.article_id, s.span) for s in group if s.period == EARLIER}
    return [
        replace(s, position=s.replaces, condition=None, period=EARLIER, replaces=None)
        for s in group
        if s.replaces and s.period != EARLIER and (s.article_id, s.span) not in stated
    ]


def build_positions(stances: Iterable[Stance], names: dict[str, str]) -> list[Position]:
    """Each holder's position on each issue, with its history. A denial ("denied reports that the
    leader rejected the plan", "said he did not endorse the plan") says a claim is false, not where
    the holder stands: it stays a stance (the contested view lists it) but is no position, nor a
    step of one's history."""
    groups: dict[tuple[str, str], list[Stance]] = {}
    for s in stances:
        if s.holder is not None and s.position != DENIES:
            groups.setdefault((s.holder, s.issue), []).append(s)
    out = []
    for (holder, issue), group in sorted(groups.items()):
        implied = _implied(group)
        marked = {id(s) for s in implied}
        history = chronological(group + implied)
        latest_stance = history[latest(history)]
        out.append(
            Position(
                id=f"{holder}:{issue}",
                holder=holder,
                holder_kind=latest_stance.holder_kind,
                holder_name=names.get(holder, holder),
                side=latest_stance.side,
                issue=issue,
                position=latest_stance.position,
                condition=latest_stance.condition,
                date=latest_stance.date,
                evidence=evidence(latest_stance),
                history=tuple(evidence(s, id(s) in marked) for s in history),
                side_name=names.get(latest_stance.side) if latest_stance.side else None,
            )
        )
    return out
