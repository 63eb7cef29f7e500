"""Write some of a run's reports in a forked child while the process stores the run.

Once a run's report is built, ``rnq check`` still has two jobs of about the same size: storing
what the next run reuses (the report's JSON, the memos: :func:`rnq.run.running`) and rendering
the other reports (the HTML page, 0.4 s at 50 000 files). :func:`aside` runs the second in a
child process forked from this one: the child shares the report with its parent, copy on
write, and nothing is serialised between them but the job's result. On two cores the run
ends as soon as the longer of the two is done.

The child is forked only where that is safe: a platform with ``os.fork``, a process running a
single thread (a thread holding a lock while the process forks leaves that lock held in the
child for ever), and ``RNQ_NO_FORK`` not set. Otherwise, or when the child dies without an
answer (killed, out of memory), the job runs in the process itself when its result is asked
for: what is written is the same either way (files are written atomically,
:mod:`rnq.render.files`). An exception the job raised in the child is raised again by
:meth:`Aside.result`.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

__all__ = ["Aside", "aside", "can_fork"]

T = TypeVar("T")

#: Set (to anything but an empty string) to run every job in the process itself.
NO_FORK = "RNQ_NO_FORK"


def can_fork() -> bool:
    """Whether :func:`aside` would fork a child now."""
    return hasattr(os, "fork") and not os.environ.get(NO_FORK) and threading.active_count() == 1


class Aside(Generic[T]):
    """A job running in a forked child (or to be run here: ``pid`` None)."""

    def __init__(self, job: Callable[[], T], pid: int | None = None, fd: int = -1) -> None:
        self._job = job
        self._pid = pid
        self._fd = fd

    @property
    def forked(self) -> bool:
        """Whether the job runs in a child process."""
        return self._pid is not None

    def result(self) -> T:
        """The job's result, once it is done (the child is waited for); its exception is
        raised. Ask once."""
        if self._pid is None:
            return self._job()
        with os.fdopen(self._fd, "rb") as answer:
            data = answer.read()
        os.waitpid(self._pid, 0)
        self._pid = None
        try:
            ok, value = pickle.loads(data)
        except Exception:  # no answer (the child was killed) or one that does not load
            return self._job()
        if not ok:
            if value is None:  # the child's exception could not be sent: meet it here
                return self._job()
            raise value
        return value  # type: ignore[no-any-return]


def aside(job: Callable[[], T]) -> Aside[T]:
    """Start ``job`` in a forked child (see the module's docstring for when); its result, or
    its exception, comes with :meth:`Aside.result`."""
    if not can_fork():
        return Aside(job)
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process left, say: the job runs here
        os.close(read)
        os.close(write)
        return Aside(job)
    if pid == 0:
        _child(job, read, write)  # never returns
    os.close(write)
    return Aside(job, pid, read)


def _child(job: Callable[[], object], read: int, write: int) -> NoReturn:
    """Run ``job`` and send back ``(True, result)`` or ``(False, exception)``; end the process
    without running anything of the parent's (no exit handlers, no buffers flushed)."""
    code = 1
    try:
        os.close(read)
        try:
            answer = (True, job())
        except BaseException as exc:  # sent to the parent, which raises it
            answer = (False, exc)
        try:
            data = pickle.dumps(answer)
        except Exception:
            data = pickle.dumps((False, None))
        with os.fdopen(write, "wb") as channel:
            channel.write(data)
        code = 0
    finally:
        os._exit(code)
