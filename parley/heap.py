"""Giving freed memory back to the operating system.

CPython returns a large object's memory to the C allocator when the object goes, but glibc's
``malloc`` keeps freed pages of its heap for later instead of unmapping them, so after a parse
(many small spaCy objects) the process stays larger than what it holds (on 48 long articles the
trim gave back 23 MiB once the model was dropped). :func:`give_back` collects the garbage and
asks glibc to trim its heap (``malloc_trim(0)``), so a long step that follows starts nearer to
what is really in use. On a C
library without ``malloc_trim`` (musl, macOS, Windows) only the collection runs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def give_back(collect: bool = True) -> bool:
    """Collect garbage (unless ``collect`` is False: after work that makes few reference
    cycles, a collection costs more than it finds), then trim the C heap; True if the heap was
    trimmed."""
    if collect:
        gc.collect()
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
