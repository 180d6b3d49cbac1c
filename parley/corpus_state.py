"""What each corpus step last did, so a run does only the steps whose inputs changed.

A ``corpus_step`` record per step says which version of the step ran, on which inputs (a digest
of the actor registry, the user's merge/split decisions and the ``PARLEY_EVENTS`` file), whether
it finished, how many records it changed and how long it took.
:func:`parley.corpus.run_corpus_steps` marks every step pending before a run that has something
new to read, and each step done when it has written its records: a run cut short leaves the rest
pending, and the next run does them even with no new article.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from parley import settings
from parley.records import record_type

if TYPE_CHECKING:
    from parley.extract.registry import ActorRegistry


@record_type(
    "corpus_step",
    scope="corpus",
    key=lambda r: r.name,
    description="what a corpus step last did: its version, its inputs, whether it finished, and its cost",
)
@dataclass(frozen=True)
class CorpusStepRun:
    name: str
    version: str
    inputs: str  # digest of the registry and the user's decisions the step ran with
    state: Literal["done", "pending"]
    changed: int = 0  # records written or removed by its last run
    seconds: float = 0.0


def inputs_digest(registry: ActorRegistry, overrides: Iterable[tuple[str, str, str]]) -> str:
    """Changes when the dossier's actors, sides or issues, the user's merges and splits, or the
    content of the event taxonomy the ``PARLEY_EVENTS`` setting names, do."""
    parts: list[Any] = [
        _stable(list(registry.sides.values())),
        _stable(list(registry.specs.values())),
        _stable(registry.sections),
        sorted(list(o) for o in overrides),
    ]
    taxonomy = settings.EVENTS.file_digest()
    if taxonomy:  # none when unset: the bundled file, which the steps' versions cover
        parts.append(["events", taxonomy])
    text = json.dumps(parts, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stable(value: Any) -> Any:
    """JSON-ready and the same in every process (sets sorted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _stable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_stable(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    return value if value is None or isinstance(value, str | int | float | bool) else repr(value)
