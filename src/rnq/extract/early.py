"""Files read while the run collects: the second core's work before the reading phase.

A cold run first maps the workspace's files to units and indicators (the collection: some 3 s
of one core at 50 000 files) and only then reads them, because what the workers answer about a
document depends on where it was mapped (:mod:`rnq.checks.questions`). Meanwhile the other core
waits. :class:`EarlyReading` gives it the largest PDF and Word files (reading them is most of a
cold run's reading), in one worker of its own, from a thread of this process:

* each document is read and packed as in the reading phase (:func:`rnq.extract.worker.finish`,
  no question asked) and held here, packed;
* when the collection ends, :meth:`EarlyReading.stop` sends no more, gives the documents being
  read a moment to end, stops the worker, and writes what was read to the cache *without
  answers*;
* the reading phase then finds them in the cache as it finds the documents of the first run
  after an upgrade of the checks (:func:`rnq.extract.store.stale`): it does not read them again
  and its workers answer their questions from the stored text.

What a document's extraction is does not depend on when it was read, so the report is the same
bytes. A document that timed out or crashed here is not kept: the reading phase reads it again
and judges it as it would have. Nothing is read early without a cache to keep it in, with one
core, or when ``$RNQ_NO_READ_AHEAD`` is set.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path

from rnq.extract.packing import ExtractionCache, FileKey, Packed
from rnq.extract.pool import Extractor, ExtractStats, _PoolRun, start_forkserver
from rnq.extract.worker import Done, ExtractFn, Job

__all__ = ["ENV_OFF", "KINDS", "MOST", "EarlyReading", "candidates", "wanted"]

#: Set (to anything but an empty string) in the environment: nothing is read early.
ENV_OFF = "RNQ_NO_READ_AHEAD"
#: The files read early, by suffix: those whose reading costs most for their size (PDFium, the
#: Word files' XML), and never a report rnq wrote into the workspace.
KINDS = (".pdf", ".docx")
#: The most files handed to the early reading: more than a collection leaves time for (the
#: largest take some 7 ms each: 190–240 are read at 50 000 files), few enough that looking them
#: up in the cache first costs nothing.
MOST = 2048
#: Documents per batch: a stopped reading waits for at most two of them per worker.
_BATCH = 4


def candidates(
    relatives: Iterable[str],
    stats: dict[str, tuple[int, int, int, int]],
    path_of: Callable[[str], str | Path],
    most: int = MOST,
) -> list[tuple[str, FileKey]]:
    """The walked files worth reading early (``relatives``: their paths in the workspace;
    ``stats``: their walk's ``(size, mtime_ns, inode, ctime_ns)``), the largest first, at most
    ``most``: ``(relative path, key)``, each key the one the reading phase will look the file
    up with (``path_of``: where the reading phase reads a file, asked of the chosen only)."""
    chosen = [rel for rel in relatives if rel in stats and rel[rel.rfind(".") :].lower() in KINDS]
    chosen.sort(key=lambda rel: -stats[rel][0])
    found = ((rel, FileKey.of(path_of(rel), stats[rel])) for rel in chosen[:most])
    return [(rel, key) for rel, key in found if key is not None]


class EarlyReading:
    """Read ``items`` (``(relative path, key)``, in that order) in one worker, from a thread,
    until :meth:`stop`; keep what was read in ``cache`` then (module docstring).

    :param extractor: the reading phase's extractor: its limits and cache version are the
        ones used here, so that the reading phase takes what is kept as its own.
    :param extract: the function reading one file (default: the extractor's; tests simulate
        hangs with it).
    """

    def __init__(
        self,
        cache: ExtractionCache,
        items: Sequence[tuple[str, FileKey]],
        *,
        extractor: Extractor,
        extract: ExtractFn | None = None,
    ) -> None:
        self.cache = cache
        self.items = list(items)
        self.version = extractor.cache_version
        self._reader = Extractor(
            cache=None,
            workers=1,
            limits=extractor.limits,
            inprocess_below=0,
            batch_size=_BATCH,
            extract=extract or extractor._extract,
        )
        self._stop: Future[None] = Future()
        self._held: list[tuple[FileKey, Packed]] = []  # appended to by the thread
        self._thread: threading.Thread | None = None
        #: What went wrong in the thread, if anything (the reading phase then reads it all).
        self.failure: BaseException | None = None

    @property
    def stats(self) -> ExtractStats:
        """What the worker did."""
        return self._reader.stats

    def start(self) -> bool:
        """Start reading; whether anything started. The forkserver is started first, from the
        calling thread (starting it sets an environment variable for a moment: never from the
        reading thread, beside the main one)."""
        if not self.items or self._thread is not None:
            return False
        start_forkserver()
        self._thread = threading.Thread(target=self._run, name="rnq-early-reading", daemon=True)
        self._thread.start()
        return True

    def _run(self) -> None:
        keys = [key for _rel, key in self.items]

        def record(done: Done) -> None:
            if done.transient is None and done.packed is not None:
                self._held.append((keys[done.position], done.packed))

        jobs: dict[int, Job] = {i: (i, key.path, (), None) for i, key in enumerate(keys)}
        run = _PoolRun(self._reader, jobs, record, packing=True, lean=True, stop=self._stop)
        try:
            run.run(list(jobs), helpers_started=True)
        except BaseException as exc:  # the reading phase reads whatever is not kept
            self.failure = exc

    @property
    def read(self) -> int:
        """How many documents were read and are held for the cache so far."""
        return len(self._held)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for every item to be read (at most ``timeout`` seconds); whether it was."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def stop(self) -> int:
        """Stop reading and keep what was read in the cache (without answers); how many
        documents were kept."""
        with contextlib.suppress(Exception):  # InvalidStateError: stopped already
            self._stop.set_result(None)
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        read, self._held = self._held, []
        if read and self.cache.enabled:
            self.cache.put_packed(read, self.version, None)
        return len(read)


def wanted(workers: int) -> bool:
    """Whether a run whose reading phase has ``workers`` workers (:attr:`Extractor.workers`)
    may read early: more than one, and not turned off."""
    return workers > 1 and not os.environ.get(ENV_OFF)
