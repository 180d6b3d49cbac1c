"""Corpus steps: work that needs the whole store, run after the per-article pipeline.

Each step is registered by name with what it ``reads`` and ``writes`` (record type names, plus
``article``); the analyse job runs them in an order where every step comes after the steps that
write what it reads (registration order otherwise). A step gets a :class:`CorpusContext` with the
store, the actor registry and the ids of the articles analysed in this run, so it can limit its
work to what they affect; it returns how many stored records it changed. The built-in steps
(``actors``, ``events``) live in :mod:`parley.corpus_steps`; plugins register theirs the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry
from parley.store import Store


@dataclass(frozen=True)
class CorpusContext:
    store: Store
    registry: ActorRegistry
    changed: frozenset[str] = frozenset()  # articles (re)analysed in this run


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


def run_corpus_steps(
    store: Store,
    registry: ActorRegistry,
    changed: Iterable[str] = (),
    names: Iterable[str] | None = None,
) -> list[StepReport]:
    context = CorpusContext(store, registry, frozenset(changed))
    reports = []
    for spec in ordered(names):
        started = time.perf_counter()
        count = spec.run(context)
        reports.append(StepReport(spec.name, count, time.perf_counter() - started))
    return reports
