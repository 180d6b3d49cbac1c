"""Every setting Parley reads from the environment, declared in one list (documented in docs/)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    def get(self) -> str:
        return os.environ.get(self.name) or self.default

    def file_digest(self) -> str:
        """A digest of the content of the file the setting names, so that what was made with it
        is made again when it changes; "" when it names none (the bundled file, which the
        versions of the code cover), "unreadable" when it cannot be read."""
        path = self.get()
        if not path:
            return ""
        try:
            return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
        except OSError:
            return "unreadable"


DB = Setting("PARLEY_DB", "parley.db", "Path of the SQLite store (the --db option wins).")
MAX_BYTES = Setting("PARLEY_MAX_BYTES", str(10 * 1024 * 1024), "Size cap for one file or URL, in bytes.")
TIMEOUT = Setting("PARLEY_TIMEOUT", "15", "Timeout for one HTTP request, in seconds.")

MAX_CHARS = Setting(
    "PARLEY_MAX_CHARS", "500000", "Articles longer than this are not analysed; the reason is recorded."
)

EVENTS = Setting(
    "PARLEY_EVENTS",
    "",
    "Event taxonomy YAML (types, words, places, kin) for `parley analyse`; unset: the bundled events.yaml.",
)

BLAS_THREADS = Setting(
    "PARLEY_BLAS_THREADS",
    "1",
    "Threads the numerical libraries (OpenBLAS, OpenMP) may use in each process that analyses articles.",
)

SETTINGS = [DB, MAX_BYTES, TIMEOUT, MAX_CHARS, EVENTS, BLAS_THREADS]
