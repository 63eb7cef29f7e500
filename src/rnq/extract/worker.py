"""What runs inside an extraction worker process.

Each worker claims a slot on a shared *board* (``[pid, document index, start time]`` per slot,
a ``multiprocessing`` raw array) and updates it around every document, so the parent knows at
any moment which document each worker is reading and since when. With it the parent

* kills a worker stuck in native code past the hard deadline and marks exactly that document
  « délai dépassé »;
* after a crash (``BrokenProcessPool``) knows which documents were being read, to retry them
  alone.

A soft per-document deadline runs in the worker itself (``SIGALRM``): pure-Python readers are
interrupted cleanly without losing the worker. The memory cap is ``RLIMIT_AS``.
"""

from __future__ import annotations

import os
import resource
import signal
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, Literal, NamedTuple

from rnq.extract.limits import MIB, ExtractLimits
from rnq.extract.model import Extraction
from rnq.extract.packing import FileKey, Packed, pack

__all__ = [
    "SLOT_FIELDS",
    "Done",
    "ExtractFn",
    "Job",
    "ReadFn",
    "Transient",
    "answer_stored",
    "finish",
    "init_worker",
    "load_stored",
    "timeout_extraction",
    "work_batch",
    "worker_failure",
]

ExtractFn = Callable[[Path, ExtractLimits], Extraction]

#: Board layout: per slot, ``pid``, the document index being read (-1 when idle), its start
#: (``time.monotonic_ns()``, system-wide on Linux).
SLOT_FIELDS = 3


class _SoftTimeout(BaseException):
    """Raised by SIGALRM in a worker; a BaseException so that readers cannot swallow it."""


#: What loads a stored extraction in a worker (:meth:`ExtractionCache.reader`).
ReadFn = Callable[[FileKey], Extraction | None]


class _State:
    board: Any = None
    slot = -1
    limits: ExtractLimits = ExtractLimits()
    extract: ExtractFn | None = None
    read: ReadFn | None = None


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _SoftTimeout


def init_worker(
    board: Any, counter: Any, limits: ExtractLimits, extract: ExtractFn, read: ReadFn | None = None
) -> None:
    """Pool initializer: claim a board slot, cap memory, arm the soft timeout handler.
    ``read``: what loads the stored extractions of the jobs that name one (None: the files are
    read again)."""
    with counter.get_lock():
        slot = counter.value
        counter.value += 1
    _State.board, _State.slot, _State.limits, _State.extract = board, slot, limits, extract
    _State.read = read
    base = slot * SLOT_FIELDS
    board[base], board[base + 1], board[base + 2] = os.getpid(), -1, 0
    if limits.memory_mb:
        cap = limits.memory_mb * MIB
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop


def timeout_extraction(limits: ExtractLimits) -> Extraction:
    """The extraction of a document abandoned after ``limits.timeout_s``."""
    return Extraction.error(
        f"délai dépassé : lecture abandonnée après {limits.timeout_s:g} s",
        f"timed out: reading abandoned after {limits.timeout_s:g} s",
    )


def worker_failure(exc: BaseException) -> Extraction:
    """The extraction of a document whose reading raised ``exc`` in a worker."""
    return Extraction.error(
        f"échec du processus de lecture ({type(exc).__name__}: {exc})",
        f"reading process failed ({type(exc).__name__}: {exc})",
    )


#: Why a result depends on the run rather than on the file (it must not be cached).
Transient = Literal["timeout", "failure"] | None


#: One document to read: its index in the run, its path, the questions to answer about its
#: text while it is in hand (:mod:`rnq.match.questions`; empty: none), and the key of its
#: extraction in the cache when the cache holds it and only the questions are to be answered
#: (its stored answers are another version's: :func:`answer_stored`), else None.
Job = tuple[int, str, tuple[str, ...], FileKey | None]


class Done(NamedTuple):
    """What became of one :data:`Job`."""

    #: The job's index in the run.
    position: int
    #: Without its text and rows when the run is lean and ``packed`` holds them.
    extraction: Extraction
    transient: Transient
    #: The answers to the job's questions, in their order (None: not answered).
    answers: tuple[Any, ...] | None = None
    #: The extraction as the cache stores it (None: not asked for, or transient).
    packed: Packed | None = None


def finish(
    index: int, extraction: Extraction, questions: tuple[str, ...], packing: bool, lean: bool
) -> Done:
    """A document just read: answer its questions and pack it for the cache, here, while its
    text is in hand (in a worker: over every core, and the text need not cross to the parent)."""
    answers = None
    if questions and extraction.status == "ok":
        from rnq.match.questions import answers_for

        try:
            answers = answers_for(extraction.text, extraction.rows, questions)
        except Exception:  # a question that fails here fails again in its check, reported there
            answers = None
    packed = None
    if packing:
        packed = pack(extraction, _keyed(questions, answers) if answers else None)
        if lean and (extraction.text or extraction.rows is not None):
            extraction = extraction.model_copy(update={"text": "", "rows": None})
    return Done(index, extraction, None, answers, packed)


def answer_stored(index: int, extraction: Extraction, questions: tuple[str, ...]) -> Done:
    """A document the cache holds, loaded back (or read again): answer its questions only.
    Nothing is packed (the cache keeps its entry); its extraction comes back without text and
    rows, which the parent has no use for."""
    done = finish(index, extraction, questions, packing=False, lean=False)
    if extraction.text or extraction.rows is not None:
        extraction = extraction.model_copy(update={"text": "", "rows": None})
    return done._replace(extraction=extraction)


def load_stored(key: FileKey, path: str, limits: ExtractLimits, extract: ExtractFn) -> Extraction:
    """The extraction the cache stores for ``key``, or the file read again when the cache cannot
    give it (the entry gone or damaged since, no reader)."""
    found = _State.read(key) if _State.read is not None else None
    return found if found is not None else extract(Path(path), limits)


def _keyed(questions: tuple[str, ...], answers: tuple[Any, ...]) -> dict[str, Any]:
    from rnq.match.questions import fact_key

    return {fact_key(q): a for q, a in zip(questions, answers, strict=True)}


def work_batch(batch: list[Job], packing: bool = False, lean: bool = False) -> list[Done]:
    """Read each job of ``batch`` in turn, publishing progress on the board; answer its
    questions and pack it for the cache when ``packing`` (:func:`finish`).

    ``transient`` says why a result depends on the run (a timeout, a failure such as
    ``MemoryError``) rather than on the file: such results are neither answered nor packed.
    """
    board, base = _State.board, _State.slot * SLOT_FIELDS
    extract = _State.extract
    if extract is None:
        raise RuntimeError("init_worker did not run in this process")
    out: list[Done] = []
    for job in batch:
        board[base + 2] = time.monotonic_ns()  # start before index: the parent reads index first
        board[base + 1] = job[0]
        signal.setitimer(signal.ITIMER_REAL, _State.limits.timeout_s)
        try:
            out.append(_work(job, extract, packing, lean))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            board[base + 1] = -1
    return out


def _work(job: Job, extract: ExtractFn, packing: bool, lean: bool) -> Done:
    """One job of :func:`work_batch`, under its soft deadline."""
    index, path, questions, stored = job
    limits = _State.limits
    try:
        if stored is None:
            extraction = extract(Path(path), limits)
        else:
            extraction = load_stored(stored, path, limits, extract)
    except _SoftTimeout:
        return Done(index, timeout_extraction(limits), "timeout")
    except Exception as exc:  # MemoryError under the cap, or a reader that raised
        return Done(index, worker_failure(exc), "failure")
    try:
        return _answered(index, extraction, questions, stored, packing, lean)
    except _SoftTimeout:  # out of time while answering: the checks will ask
        signal.setitimer(signal.ITIMER_REAL, 0)
        return _answered(index, extraction, (), stored, packing, lean)


def _answered(
    index: int,
    extraction: Extraction,
    questions: tuple[str, ...],
    stored: FileKey | None,
    packing: bool,
    lean: bool,
) -> Done:
    if stored is None:
        return finish(index, extraction, questions, packing, lean)
    return answer_stored(index, extraction, questions)
