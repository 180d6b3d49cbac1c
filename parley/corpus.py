"""Corpus steps: work that needs the whole store, run after the per-article pipeline.

Each step is registered by name with what it ``reads`` and ``writes`` (record type names, plus
``article``); the analyse job runs them in an order where every step comes after the steps that
write what it reads (registration order otherwise). A step gets a :class:`CorpusContext` with the
store, the actor registry and the ids of the articles analysed in this run, so it can limit its
work to what they affect; it returns how many stored records it changed. The built-in steps
(``actors``, ``events``) live in :mod:`parley.corpus_steps`; plugins register theirs the same way.

A step runs only when something it reads may have changed: articles were analysed in this run
(every article-scope record type and ``article`` are then new), an earlier step of the run
changed a type it reads, its version or the dossier or the user's merges and splits differ from
its last run, or its last run did not finish (:mod:`parley.corpus_state`). What several steps
read alike (the whole corpus) is built once per run with :meth:`CorpusContext.shared`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from parley import heap
from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry
from parley.models import Actor, Mention, Statement
from parley.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class CorpusContext:
    store: Store
    registry: ActorRegistry
    changed: frozenset[str] = frozenset()  # articles (re)analysed in this run
    _shared: dict[str, tuple[frozenset[str], Any]] = field(default_factory=dict, compare=False, repr=False)

    def shared(self, key: str, reads: Iterable[str], build: Callable[[], T]) -> T:
        """``build()``'s result, built once per run and kept until a step writes one of the
        record types in ``reads`` (what several steps read alike, such as the whole corpus)."""
        if key not in self._shared:
            self._shared[key] = (frozenset(reads), build())
        return self._shared[key][1]

    def actor_spans(self) -> dict[tuple[str, int, int], str]:
        """(article id, start, end) of each mention resolved to an actor -> the actor's id, read
        once per run: what steps that resolve references to mentions need, without holding every
        mention."""
        return self.shared(
            "actor_spans",
            ("mention",),
            lambda: {
                (m.article_id, m.span.start, m.span.end): m.actor_id
                for m in self.store.records("mention")
                if m.actor_id
            },
        )

    # every record of a type, held for the rest of the run (callers must not change the lists);
    # they grow with the corpus: a step that can walk the store instead should
    def mentions(self) -> list[Mention]:
        return self.shared("mentions", ("mention",), self.store.mentions)

    def statements(self) -> list[Statement]:
        return self.shared("statements", ("statement",), lambda: list(self.store.statements()))

    def actors(self) -> list[Actor]:
        return self.shared("actors", ("actor",), self.store.actors)

    def written(self, types: Iterable[str]) -> None:
        """Forget what was built from any of ``types``: a step has just changed them."""
        changed = set(types)
        for key in [k for k, (reads, _) in self._shared.items() if reads & changed]:
            del self._shared[key]


@dataclass(frozen=True)
class CorpusStepSpec:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[CorpusContext], int]
    version: str = "1"


@dataclass(frozen=True)
class StepReport:
    name: str
    changed: int  # stored records written or removed
    seconds: float
    skipped: bool = False  # nothing it reads had changed since it last ran


CORPUS_STEPS: dict[str, CorpusStepSpec] = {}


def corpus_step(name: str, *, reads: Iterable[str], writes: Iterable[str], version: str = "1"):
    """Register ``run(context) -> records changed`` as a corpus step."""

    def register(run: Callable[[CorpusContext], int]) -> Callable[[CorpusContext], int]:
        CORPUS_STEPS[name] = CorpusStepSpec(name, tuple(reads), tuple(writes), run, version)
        return run

    return register


def ordered(names: Iterable[str] | None = None) -> list[CorpusStepSpec]:
    """The steps to run, each after every other selected step that writes what it reads."""
    from parley import corpus_steps, records  # noqa: F401  (registers the built-in steps)

    records.load_builtins()
    chosen = list(names) if names is not None else list(CORPUS_STEPS)
    unknown = [n for n in chosen if n not in CORPUS_STEPS]
    if unknown:
        raise ConfigError(f"no corpus step named {', '.join(unknown)}; registered: {sorted(CORPUS_STEPS)}")
    specs = [CORPUS_STEPS[n] for n in chosen]
    for spec in specs:
        for name in (*spec.reads, *spec.writes):
            if name != "article":
                records.get(name)  # a ConfigError naming the unknown record type
    done: list[CorpusStepSpec] = []
    pending = list(specs)
    while pending:
        for spec in pending:
            waits_for = [
                other
                for other in pending
                if other is not spec
                and set(other.writes) & set(spec.reads)
                and not set(spec.writes) & set(other.reads)
            ]
            if not waits_for:
                done.append(spec)
                pending.remove(spec)
                break
        else:
            raise ConfigError(f"corpus steps {[s.name for s in pending]} read each other's output in a cycle")
    return done


def _feeds(first: CorpusStepSpec, then: CorpusStepSpec) -> bool:
    """``first`` writes what ``then`` reads (and not the other way round)."""
    return bool(set(first.writes) & set(then.reads)) and not set(then.writes) & set(first.reads)


def mark_pending(store: Store, names: Iterable[str] | None = None) -> None:
    """Before articles are (re)analysed: every step that reads articles or their records is
    pending until it has run again, so an analysis killed after storing articles and before its
    corpus steps leaves them owed to the next run (which has no new article to go by)."""
    from parley import records
    from parley.corpus_state import CorpusStepRun

    article_types = {"article"} | {t.name for t in records.all_types() if t.scope == "article"}
    state = {r.name: r for r in store.records("corpus_step")}
    for spec in ordered(names):
        if set(spec.reads) & article_types:
            last = state.get(spec.name)
            state[spec.name] = CorpusStepRun(
                spec.name, last.version if last else "", last.inputs if last else "", "pending"
            )
    store.replace_records("corpus_step", state.values())


def run_corpus_steps(
    store: Store,
    registry: ActorRegistry,
    changed: Iterable[str] = (),
    names: Iterable[str] | None = None,
    *,
    force: bool = False,
    on_step: Callable[[StepReport], None] | None = None,
) -> list[StepReport]:
    """Run the steps (all registered ones, or ``names``) in order; a step whose inputs have not
    changed since it last finished is skipped (reported with ``skipped=True``) unless ``force``.
    ``on_step`` is given each step's report as the step ends (progress, measurements).

    Before a step runs, it and every later step that reads what it writes are marked pending in
    the store; when it has changed nothing, those it alone marked get their earlier state back.
    So a run cut short at any point leaves pending every step whose input may have changed."""
    from parley import records
    from parley.corpus_state import CorpusStepRun, inputs_digest

    context = CorpusContext(store, registry, frozenset(changed))
    specs = ordered(names)
    inputs = inputs_digest(registry, store.overrides())
    prior = {r.name: r for r in store.records("corpus_step")}
    state = dict(prior)
    marked_by: dict[str, set[str]] = {}
    dirty: set[str] = set()
    if context.changed:
        dirty = {"article"} | {t.name for t in records.all_types() if t.scope == "article"}
    reports = []
    for n, spec in enumerate(specs):
        last = prior.get(spec.name)
        stale = last is None or last.state != "done" or last.version != spec.version or last.inputs != inputs
        if not (force or stale or set(spec.reads) & dirty):
            reports.append(StepReport(spec.name, 0, 0.0, skipped=True))
            if on_step is not None:
                on_step(reports[-1])
            continue
        fed = [o.name for o in specs[n + 1 :] if set(o.reads) & set(spec.writes)]
        for name in (spec.name, *fed):
            before = state.get(name)
            state[name] = CorpusStepRun(
                name, before.version if before else "", before.inputs if before else "", "pending"
            )
            marked_by.setdefault(name, set()).add(spec.name)
        store.replace_records("corpus_step", state.values())
        started = time.perf_counter()
        count = spec.run(context)
        heap.give_back(collect=False)  # what the step freed, so the next does not start on it
        seconds = time.perf_counter() - started
        if count:
            dirty |= set(spec.writes)
            context.written(spec.writes)
        else:
            for name in fed:
                marked_by[name].discard(spec.name)
                if not marked_by[name] and name in prior:
                    state[name] = prior[name]
        state[spec.name] = CorpusStepRun(spec.name, spec.version, inputs, "done", count, round(seconds, 3))
        store.replace_records("corpus_step", state.values())
        reports.append(StepReport(spec.name, count, seconds))
        if on_step is not None:
            on_step(reports[-1])
    return reports
