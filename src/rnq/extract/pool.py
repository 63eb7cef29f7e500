"""``Extractor``: extract many files over every core, with a cache, timeouts and crash recovery.

How a run goes (ecosystem.md §8 gives the measurements behind each choice):

1. every file is ``stat``-ed once; the :class:`~rnq.cache.store.Cache` answers unchanged ones;
2. a small job of pure-Python formats (under ``inprocess_below`` files, none over
   ``_IN_PROCESS_MAX_BYTES``, no PDF or workbook) is read in this process: no pool start-up to
   pay. This process has no time or memory limit, so only small files are read there: a larger
   one (a 2 MB e-mail whose HTML makes ``html.parser`` quadratic) goes to a worker, under
   ``timeout_s`` and ``memory_mb``;
3. otherwise the files, largest first, go in batches to a ``ProcessPoolExecutor`` of
   ``forkserver`` processes (PDFium segfaults in threads; ``fork`` of a threaded parent can
   deadlock; ``max_tasks_per_child`` hangs on 3.11, gh-115634). Each worker caps its memory
   (``RLIMIT_AS``) and publishes on a shared board the document it is reading
   (:mod:`rnq.extract.worker`);
4. a document over ``timeout_s`` is interrupted in its worker (``SIGALRM``); one stuck in native
   code is killed ``_GRACE_S`` later by the parent's watchdog, marked « délai dépassé », and the
   pool is rebuilt for the other pending documents;
5. when a worker crashes, every pending future fails with ``BrokenProcessPool``: the pool is
   rebuilt and the unfinished documents resubmitted; the documents being read at the crash are
   retried alone, in a one-worker pool, and a document that crashes again is marked as an error.

Timeouts and crashes depend on the run, not on the file: they are never cached.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rnq.extract.dispatch import DEFAULT_LIMITS, READER_MODULES, extract_file, sniff_file
from rnq.extract.limits import ExtractLimits
from rnq.extract.model import EXTRACTOR_VERSION, Extraction
from rnq.extract.packing import ExtractionCache, FileKey, Packed, pack
from rnq.extract.sniff import NATIVE_KINDS
from rnq.extract.worker import (
    SLOT_FIELDS,
    Done,
    ExtractFn,
    Job,
    ReadFn,
    Transient,
    answer_stored,
    finish,
    init_worker,
    timeout_extraction,
    work_batch,
    worker_failure,
)
from rnq.match.questions import fact_key
from rnq.text import Localized

__all__ = ["ExtractStats", "Extractor"]

_GRACE_S = 1.0  # hard deadline = timeout_s + grace, after the worker's own SIGALRM had its chance
_POLL_S = 0.2  # how often the watchdog looks at the board
_MAX_BATCH = 32
#: Cache writes per transaction (their packed texts are held until then): a commit costs
#: SQLite's pages written again (the path index's leaves, a row per leaf), so fewer, larger
#: transactions cost the parent less while the workers read (pass 7c: 64 → 256).
_CACHE_FLUSH = 256
_AHEAD = 2  # batches in flight per worker
#: How long the batches being read when a run is stopped (:attr:`_PoolRun.stop`) may take to
#: end before their worker is killed.
_STOP_GRACE_S = 0.2
_FLUSH_BYTES = 4_000_000  # or once the entries waiting hold this many bytes (Packed.weight)


#: The largest file read in this process (see step 2): small enough that no parser's worst case
#: on it runs for long (``html.parser`` on 64 KiB of unclosed comments: a few seconds).
_IN_PROCESS_MAX_BYTES = 64 << 10
_MAX_STALLS = 3  # pool rebuilds in a row without any progress before giving up

_Record = Callable[[Done], None]


def _crash_extraction() -> Extraction:
    return Extraction.error(
        "l'extracteur s'est arrêté brutalement sur ce fichier (deux fois) : document non lu",
        "the extractor crashed on this file (twice): document not read",
    )


def _stall_extraction() -> Extraction:
    return Extraction.error(
        "l'extraction a échoué : les processus de lecture s'arrêtent sans cause identifiée",
        "extraction failed: the reading processes keep stopping for no identified cause",
    )


def _cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class ExtractStats:
    """What the last :meth:`Extractor.run` did."""

    #: Documents actually opened and read (in this process or in a worker).
    extracted: int = 0
    #: Documents answered from the cache without being opened.
    cached: int = 0
    #: Extractions with status ``error`` (timeouts and crashes included).
    errors: int = 0
    timeouts: int = 0
    crashes: int = 0
    #: Pools rebuilt after a crash or a killed worker.
    pool_restarts: int = 0
    #: Documents the cache holds whose questions were answered again (:meth:`Extractor.run`'s
    #: ``stale``), their text loaded from the cache.
    answered: int = 0
    #: Whether the documents were read in this process (a small job) rather than in a pool.
    in_process: bool = False
    seconds: float = 0.0


#: Jobs with fewer documents to read than this, none of them a PDF or a workbook, run in this
#: process (:class:`Extractor`'s default).
IN_PROCESS_BELOW = 16


class Extractor:
    """Extract many files; see the module docstring for the run's steps.

    :param cache: where to keep extractions across runs (None: no cache).
    :param workers: worker processes (default: every core this process may use).
    :param limits: size, zip, text, time and memory limits per document.
    :param inprocess_below: jobs with fewer documents to read, none of them a PDF or a
        workbook, run in this process (0: always use the pool).
    :param batch_size: documents per task sent to a worker (default: from the job size, ≤ 32).
    :param extract: the function reading one file (a picklable top-level function); tests use
        it to simulate hangs and crashes.

    Workers are started with ``forkserver``: as with any ``multiprocessing`` use, the program's
    main module must be import-safe (the ``if __name__ == "__main__":`` guard).
    """

    def __init__(
        self,
        cache: ExtractionCache | None = None,
        workers: int | None = None,
        limits: ExtractLimits = DEFAULT_LIMITS,
        *,
        inprocess_below: int = IN_PROCESS_BELOW,
        batch_size: int | None = None,
        extract: ExtractFn = extract_file,
    ) -> None:
        self.cache = cache
        self.workers = workers if workers and workers > 0 else _cpu_count()
        self.limits = limits
        self.inprocess_below = inprocess_below
        self.batch_size = batch_size
        self._extract = extract
        self.stats = ExtractStats()
        #: The answers to the questions of :meth:`run`, per key, for the documents it read.
        self.facts: dict[str, dict[str, Any]] = {}
        #: The content digest (:attr:`Packed.content`) of each document :meth:`run` read and
        #: stored in the cache, per key.
        self.contents: dict[str, str] = {}
        #: Notices about the run itself (the cache turned off…), each said once.
        self.problems: list[Localized] = []

    @property
    def cache_version(self) -> str:
        """The cache version: extractor version plus the limits that shape results."""
        return f"{EXTRACTOR_VERSION}/{self.limits.fingerprint()}"

    def run(
        self,
        items: Sequence[tuple[str, str | Path]],
        *,
        lean: bool = False,
        questions: Mapping[str, tuple[str, ...]] | None = None,
        facts_version: str | None = None,
        stale: Sequence[tuple[str, FileKey]] = (),
        keys: Sequence[FileKey | None] | None = None,
    ) -> dict[str, Extraction]:
        """Extract every ``(key, absolute path)``; returns ``{key: Extraction}`` in item order.

        ``key`` is the path relative to the workspace. Never raises for a bad document.
        ``keys``: the items' :class:`FileKey` (None: a file that cannot be stat-ed), when the
        caller has them from its walk; otherwise each file is stat-ed here.
        ``lean``: a document read now and written to the cache comes back without its text
        and rows (read them back with :meth:`ExtractionCache.load`), so a large job does not hold
        every text in memory at once.
        ``questions``: per key, :func:`portable <rnq.match.questions.portable>` questions to answer
        about the document while it is read (over every core); the answers of the documents
        read by this run are then in :attr:`facts`, and in the cache for ``facts_version``.
        ``stale``: ``(key, cache key)`` of documents the cache holds whose stored answers are
        another version's (the first run after an upgrade of the checks): only their
        ``questions`` are answered, in the same workers, from the stored text (the file is read
        again only if the cache cannot give it); their answers are in :attr:`facts` and in the
        cache for ``facts_version``, and they are not in the returned mapping.
        """
        started = time.perf_counter()
        self.stats = stats = ExtractStats()
        self.facts = {}
        self.contents = {}
        version = self.cache_version
        keys = list(keys) if keys is not None else [FileKey.of(path) for _, path in items]
        if len(keys) != len(items):
            raise ValueError("one key per item")
        found, todo = self._lookup(keys, version)
        every = [*items, *((name, key.path) for name, key in stale)]
        known = range(len(items), len(every))
        keys += (key for _name, key in stale)
        todo += known
        asked = {i: (questions or {}).get(every[i][0], ()) for i in todo}
        packing = self.cache is not None and self.cache.enabled
        results = _Results(self, every, keys, asked, found, version, facts_version)
        results.known = known
        self._read(todo, results, packing=packing, lean=lean)
        self._close_cache(results)
        stats.seconds = time.perf_counter() - started
        return {items[index][0]: found[index] for index in range(len(items))}

    def _lookup(
        self, keys: list[FileKey | None], version: str
    ) -> tuple[dict[int, Extraction], list[int]]:
        """Answer from the cache what it holds; returns those extractions and the rest to read."""
        hits: dict[FileKey, Extraction] = {}
        if self.cache is not None:
            hits = self.cache.get_many([k for k in keys if k is not None], version)
        found: dict[int, Extraction] = {}
        todo: list[int] = []
        for index, key in enumerate(keys):
            hit = hits.get(key) if key is not None else None
            if hit is not None:
                found[index] = hit
                self.stats.cached += 1
            else:
                todo.append(index)
        return found, todo

    def _read(self, todo: list[int], results: _Results, *, packing: bool, lean: bool) -> None:
        """Read the documents of ``todo``: in this process for a small job, else in a pool.
        Those of ``results.known`` are loaded from the cache and answered only."""
        items, keys, asked, known = results.items, results.keys, results.asked, results.known
        paths = {index: str(items[index][1]) for index in todo}
        if todo and self._runs_in_process(paths, [keys[i] for i in todo]):
            self.stats.in_process = True
            for index in todo:
                key = keys[index]
                if index in known and key is not None:
                    stored = self.cache.load(key, results.version) if self.cache else None
                    if stored is None:  # the entry is gone: read the file again
                        stored = self._extract(Path(paths[index]), self.limits)
                    results.record(answer_stored(index, stored, asked[index]))
                    continue
                extraction = self._extract(Path(paths[index]), self.limits)
                results.record(finish(index, extraction, asked[index], packing, lean))
        elif todo:
            todo.sort(key=lambda i: -_size(keys[i]))  # largest first: better load balance
            jobs = {i: (i, paths[i], asked[i], keys[i] if i in known else None) for i in todo}
            reader = None
            if known and self.cache is not None and self.cache.enabled:
                reader = self.cache.reader(results.version)
            run = _PoolRun(self, jobs, results.record, packing=packing, lean=lean, read=reader)
            run.run(todo)

    def _close_cache(self, results: _Results) -> None:
        """Write the extractions and answers still held for the cache and note any cache
        problem once."""
        if self.cache is not None:
            self.cache.put_packed(results.to_store, results.version, results.facts_version)
            results.store_answers()
            if self.cache.problem is not None and self.cache.problem not in self.problems:
                self.problems.append(self.cache.problem)

    def _runs_in_process(self, paths: dict[int, str], keys: list[FileKey | None]) -> bool:
        if len(paths) >= self.inprocess_below:
            return False
        if any(key is None or key.size > _IN_PROCESS_MAX_BYTES for key in keys):
            return False
        return all(sniff_file(Path(path)) not in NATIVE_KINDS for path in paths.values())


class _Results:
    """What one :meth:`Extractor.run` has found, and the fresh extractions held for the cache."""

    def __init__(
        self,
        owner: Extractor,
        items: Sequence[tuple[str, str | Path]],
        keys: list[FileKey | None],
        asked: dict[int, tuple[str, ...]],
        found: dict[int, Extraction],
        version: str,
        facts_version: str | None,
    ) -> None:
        self.owner = owner
        self.stats = owner.stats
        self.items = items
        self.keys = keys
        self.asked = asked
        self.found = found
        self.version = version
        self.facts_version = facts_version
        self.to_store: list[tuple[FileKey, Packed]] = []
        self.held = 0  # the bytes of the entries in to_store
        #: The documents the cache holds, whose questions only are answered (``stale``).
        self.known: range = range(0)
        #: Their answers held for the cache.
        self.answers: list[tuple[FileKey, dict[str, Any]]] = []

    def record(self, done: Done) -> None:
        """Record one document's result: its extraction, its answers, its cache entry."""
        index, extraction = done.position, done.extraction
        if index in self.known:  # the cache keeps its extraction: only the answers are new
            key = self.keys[index]
            if done.answers is not None and key is not None:
                self.stats.answered += 1
                self.answers.append((key, self._keep_answers(index, done.answers)))
                if len(self.answers) >= _CACHE_FLUSH:
                    self.store_answers()
            return
        if index in self.found:
            return
        self.found[index] = extraction
        if extraction.status == "error":
            self.stats.errors += 1
        if done.answers is not None:
            self._keep_answers(index, done.answers)
        if done.transient is None:
            self.stats.extracted += 1
            packed = self._hold(self.keys[index], done)
            if packed is not None:
                self.owner.contents[self.items[index][0]] = packed.content

    def _keep_answers(self, index: int, answers: tuple[Any, ...]) -> dict[str, Any]:
        facts = self.owner.facts[self.items[index][0]] = {
            fact_key(q): a for q, a in zip(self.asked[index], answers, strict=True)
        }
        return facts

    def store_answers(self) -> None:
        """Write the answers held (:attr:`answers`): while the workers answer others, this
        process has the time."""
        cache = self.owner.cache
        if self.answers and cache is not None and self.facts_version is not None:
            cache.put_facts(self.answers, self.version, self.facts_version)
        self.answers = []

    def _hold(self, key: FileKey | None, done: Done) -> Packed | None:
        """Hold a fresh extraction for the cache (returned as packed; None without a cache);
        write those held once many or heavy."""
        cache = self.owner.cache
        if key is None or cache is None or not cache.enabled:
            return None
        packed = done.packed or pack(done.extraction)
        self.to_store.append((key, packed))
        self.held += packed.weight
        if len(self.to_store) >= _CACHE_FLUSH or self.held >= _FLUSH_BYTES:
            cache.put_packed(self.to_store, self.version, self.facts_version)
            self.to_store.clear()
            self.held = 0
        return packed


class _PoolRun:
    """One :meth:`Extractor.run` through worker processes: rounds of pools until all is read."""

    def __init__(
        self,
        owner: Extractor,
        jobs: dict[int, Job],
        record: _Record,
        *,
        packing: bool = False,
        lean: bool = False,
        read: ReadFn | None = None,
        stop: Future[None] | None = None,
    ) -> None:
        self.owner = owner
        self.limits = owner.limits
        self.stats = owner.stats
        self.jobs = jobs
        self._record = record
        self.packing = packing
        self.lean = lean
        self.read = read
        self.done: set[int] = set()
        #: Done when the run is to end early (:mod:`rnq.extract.early`): no batch is sent any
        #: more, those being read get :data:`_STOP_GRACE_S`, and the rest is left unread.
        self.stop = stop

    @property
    def stopped(self) -> bool:
        return self.stop is not None and self.stop.done()

    def record(self, index: int, extraction: Extraction, transient: Transient) -> None:
        """Record a result made here (a timeout, a crash…), not in a worker."""
        self.take([Done(index, extraction, transient)])

    def take(self, results: list[Done]) -> None:
        """Record what one batch returned."""
        for done in results:
            if done.position in self.done:
                continue
            if done.transient == "timeout":
                self.stats.timeouts += 1
            self.done.add(done.position)
            self._record(done)

    def batches(self, order: list[int], workers: int) -> list[list[int]]:
        size = self.owner.batch_size or max(
            1, min(_MAX_BATCH, math.ceil(len(order) / (workers * 4)))
        )
        return [order[start : start + size] for start in range(0, len(order), size)]

    def run(self, order: list[int], *, helpers_started: bool = False) -> None:
        """Read every document of ``order``, rebuilding pools after crashes and kills.
        ``helpers_started``: the forkserver runs already (:func:`start_forkserver`), so that
        nothing here changes the environment (a thread beside the main one)."""
        if helpers_started:
            self._run(order)
            return
        with _helpers_ignore_cwd():
            self._run(order)

    def _run(self, order: list[int]) -> None:
        queue = order
        isolated: list[int] = []
        crashes: Counter[int] = Counter()
        stalls = 0
        while (queue or isolated) and not self.stopped:
            alone = not queue  # retry each crash suspect alone: a crash is then its own
            if alone:
                workers, batches, isolated = 1, [[i] for i in isolated], []
            else:
                workers = min(self.owner.workers, len(queue))
                batches, queue = self.batches(queue, workers), []
            before = len(self.done)
            leftovers, suspects = self.round(batches, workers)
            for index in suspects:
                crashes[index] += 1
                if crashes[index] >= 2:
                    self.stats.crashes += 1
                    self.record(index, _crash_extraction(), "failure")
                else:
                    isolated.append(index)
            rest = [i for i in leftovers if i not in self.done and i not in suspects]
            if len(self.done) == before and not suspects and rest:
                stalls += 1
                if stalls >= _MAX_STALLS:
                    for index in rest + isolated:
                        self.record(index, _stall_extraction(), "failure")
                    return
            else:
                stalls = 0
            if alone:
                isolated = rest + isolated
            else:
                queue = rest

    def round(self, batches: list[list[int]], workers: int) -> tuple[list[int], list[int]]:
        """Run ``batches`` in one pool; returns the unfinished documents and the crash suspects."""
        board, executor = self._start_pool(workers)
        pending: dict[Future[list[Done]], list[int]] = {}
        killed: set[int] = set()
        unsubmitted: list[list[int]] = []
        broken = False
        clean = False
        ahead = workers * _AHEAD
        try:
            unsubmitted = list(batches)
            broken = not self._submit(executor, pending, unsubmitted, ahead)
            while pending and not broken and not self.stopped:
                broken = self._collect(pending)
                if not broken:
                    killed |= self.watchdog(board, workers)
                if not broken:
                    broken = not self._submit(executor, pending, unsubmitted, ahead)
            if self.stopped and pending:  # the batches being read have a moment to end
                wait(pending, timeout=_STOP_GRACE_S)
            clean = all(future.done() for future in pending)  # else torn down: one outlasted it
        finally:
            if clean and not broken:
                executor.shutdown(wait=True)
            else:  # broken, or interrupted (KeyboardInterrupt…)
                _tear_down(executor)
        self._take_finished(pending)
        if broken:
            self.stats.pool_restarts += 1
        leftovers = [
            i for batch in [*pending.values(), *unsubmitted] for i in batch if i not in self.done
        ]
        suspects = self._suspects(board, workers) if broken and not killed else []
        return leftovers, suspects

    def _start_pool(self, workers: int) -> tuple[Any, ProcessPoolExecutor]:
        """Start a pool of ``workers`` forkserver processes; returns its board and executor."""
        ctx = _forkserver_context()
        board = ctx.RawArray("q", workers * SLOT_FIELDS)
        for slot in range(workers):
            board[slot * SLOT_FIELDS + 1] = -1
        counter = ctx.Value("i", 0)
        executor = ProcessPoolExecutor(
            workers,
            mp_context=ctx,
            initializer=init_worker,
            initargs=(board, counter, self.limits, self.owner._extract, self.read),
        )
        return board, executor

    def _submit(
        self,
        executor: ProcessPoolExecutor,
        pending: dict[Future[list[Done]], list[int]],
        unsubmitted: list[list[int]],
        ahead: int,
    ) -> bool:
        """Keep ``ahead`` batches in flight (no more: the results of batches submitted at
        once pile up in memory while this process writes the cache); False if broken."""
        while unsubmitted and len(pending) < ahead and not self.stopped:
            job = [self.jobs[index] for index in unsubmitted[0]]
            try:
                future = executor.submit(work_batch, job, self.packing, self.lean)
            except Exception:
                # A worker died while the batches were being sent: 3.11 then raises
                # BrokenProcessPool, or OSError when spawning a worker races the teardown.
                return False
            pending[future] = unsubmitted.pop(0)
        return True

    def _collect(self, pending: dict[Future[list[Done]], list[int]]) -> bool:
        """Wait a poll period and record the batches that finished; True if the pool broke."""
        broken = False
        waited: list[Future[Any]] = [*pending]
        if self.stop is not None:  # a stop ends the wait at once
            waited.append(self.stop)
        done, _ = wait(waited, timeout=_POLL_S, return_when=FIRST_COMPLETED)
        for future in done:
            batch = pending.pop(future, None)
            if batch is None:  # the stop
                continue
            try:
                results = future.result()
            except BrokenProcessPool:
                broken = True
                pending[future] = batch  # its documents are unfinished
                continue
            except BaseException as exc:  # a bug in a worker, not in a document
                for index in batch:
                    self.record(index, worker_failure(exc), "failure")
                continue
            self.take(results)
        return broken

    def _take_finished(self, pending: dict[Future[list[Done]], list[int]]) -> None:
        """Record the batches of ``pending`` that finished before the break was seen."""
        for future in list(pending):
            if future.done() and not future.cancelled() and future.exception() is None:
                del pending[future]
                self.take(future.result())

    def _suspects(self, board: Any, workers: int) -> list[int]:
        """The unfinished documents the workers were reading when the pool broke."""
        suspects: list[int] = []
        for slot in range(workers):
            index = board[slot * SLOT_FIELDS + 1]
            if index >= 0 and index not in self.done:
                suspects.append(index)
        return suspects

    def watchdog(self, board: Any, workers: int) -> set[int]:
        """Kill every worker stuck on one document past the hard deadline; returns those."""
        deadline_ns = int((self.limits.timeout_s + _GRACE_S) * 1e9)
        now = time.monotonic_ns()
        killed: set[int] = set()
        for slot in range(workers):
            base = slot * SLOT_FIELDS
            index = board[base + 1]
            if index < 0 or now - board[base + 2] <= deadline_ns or index in self.done:
                continue
            try:
                os.kill(board[base], signal.SIGKILL)
            except ProcessLookupError:
                continue
            killed.add(index)
            self.record(index, timeout_extraction(self.limits), "timeout")
        return killed


#: What the forkserver imports once, before it forks the workers: the readers.
_PRELOAD = ["rnq.extract.dispatch", *READER_MODULES]


def _forkserver_context() -> Any:
    """The ``forkserver`` context the workers are started from, its server importing
    :data:`_PRELOAD` first (ValueError where the platform has none)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def start_forkserver() -> None:
    """Start the process the workers are forked from, unless it runs already: it imports the
    readers (PDFium, the Office formats…) on another core while this process goes on, where a
    run that reads many files would otherwise wait for it when it starts its first pool (about
    a second). Nothing where the platform has no ``forkserver``."""
    try:
        _forkserver_context()
    except ValueError:  # Windows
        return
    from multiprocessing import forkserver

    with _helpers_ignore_cwd():
        forkserver.ensure_running()


@contextlib.contextmanager
def _helpers_ignore_cwd() -> Iterator[None]:
    """``multiprocessing`` starts its forkserver and resource tracker as ``python -c …``, which
    puts the current folder first on their path: run from inside a workspace, a
    ``multiprocessing/`` package stored there would run. ``PYTHONSAFEPATH`` (Python ≥ 3.11)
    keeps the folder off the path of the helpers started while it is set."""
    before = os.environ.get(_SAFE_PATH)
    os.environ[_SAFE_PATH] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(_SAFE_PATH, None)
        else:
            os.environ[_SAFE_PATH] = before


_SAFE_PATH = "PYTHONSAFEPATH"


def _size(key: FileKey | None) -> int:
    return key.size if key is not None else 0


def _tear_down(executor: ProcessPoolExecutor) -> None:
    """Stop a broken or interrupted pool: kill its processes, then wait for its manager thread.

    On 3.11 a ``submit`` can spawn a worker while the manager thread is tearing down a broken
    pool; the manager then waits forever for that idle worker to exit (seen in this project's
    tests). Killing every process first unblocks it. Uses the executor's private ``_processes``
    and ``_executor_manager_thread``, stable from 3.8 to 3.14.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(timeout=5)
    if manager is not None:
        manager.join(timeout=5)
