"""Work a run hands to a child process while its caller goes on (SPEC §8: the re-run after one
edit).

Once a run has its report, what it keeps for the next run — the report under the run's key, the
memos of the files mapped and read, the findings of its check items — takes about 0.45 s at
50 000 files, all of it serialising under the GIL: a thread would not overlap it with writing
the JSON and HTML reports. ``rnq check`` therefore keeps it from a forked child process
(:attr:`rnq.run.RunOptions.keep_in_background`) and waits for that child once the reports are
written (:func:`wait_for_cache`).

Only where forking is sound: on Linux, from a process with a single thread (the run's watchdog
has stopped by then), and with no SQLite connection open across the fork (the run closes its
cache first; the child opens its own). Anywhere else the work runs in the caller, as it does
without the option. The child's only effect is the cache: if it fails, the next run reuses less,
and its report is the same.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from contextlib import suppress

__all__ = ["in_child", "wait_for_cache"]

#: The children started by :func:`in_child` and not waited for yet.
_CHILDREN: list[int] = []


def can_fork() -> bool:
    """Whether :func:`in_child` would fork here (Linux, one thread)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def in_child(work: Callable[[], None]) -> bool:
    """Run ``work`` in a child process and return True at once, or return False without
    running it where this process should not fork (see the module's docstring). ``work``
    reports its own failures: the child's exit status only says whether it ended well."""
    if not can_fork():
        return False
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        with suppress(Exception):
            stream.flush()
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid == 0:  # the child: do the work, then leave without the parent's exit handlers
        code = 1
        try:
            work()  # it says what went wrong itself
            code = 0
        finally:
            with suppress(BaseException):
                logging.shutdown()
            os._exit(code)
    _CHILDREN.append(pid)
    return True


def wait_for_cache() -> None:
    """Wait until every child :func:`in_child` started has ended (a command calls it before it
    exits: the next run then finds the cache complete)."""
    while _CHILDREN:
        pid = _CHILDREN.pop()
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
