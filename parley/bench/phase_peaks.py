"""The peak resident memory of each phase of one process's work (the kernel keeps one peak for a
process's whole life), sampled from a thread: the scale benchmark's view of which part of an
analysis (the parse, each corpus step) sets its peak."""

from __future__ import annotations

import threading

import psutil


class PhasePeaks:
    """The highest resident memory this process reached while each phase of an analysis ran,
    sampled every ``every`` seconds from a thread (the kernel keeps one peak for the process's
    whole life): ``mib`` maps each phase, named as it ends, to MiB; a phase's window runs from
    the end of the one before it. A peak shorter than ``every`` can be missed."""

    def __init__(self, every: float = 0.2) -> None:
        self.mib: dict[str, float] = {}
        self._process = psutil.Process()
        self._high = 0
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._every = every
        self._thread = threading.Thread(target=self._sample, name="phase-peaks", daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stopped.is_set():
            rss = self._process.memory_info().rss
            with self._lock:
                self._high = max(self._high, rss)
            self._stopped.wait(self._every)

    def ended(self, phase: str) -> None:
        rss = self._process.memory_info().rss
        with self._lock:
            high, self._high = max(self._high, rss), rss
        self.mib[phase] = round(high / 2**20, 1)

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()
