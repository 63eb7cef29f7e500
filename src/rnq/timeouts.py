"""A time limit for code rnq runs in its own process: checks and plugin hooks.

Checks and plugins are Python code run in-process, so a check stuck in a loop or waiting on a
network share would otherwise hang the whole readiness run. :class:`Watchdog` gives each step a
deadline: a daemon thread watches the step in progress and, past its limit, sends ``SIGALRM`` to
the main thread, whose handler raises :class:`StepTimeout` there. The step is reported where it
happened (its finding reads ``not_verified``) and the run goes on.

Starting a step costs one attribute write (no system call), so ten thousand parametrized checks
pay nothing measurable. Limits: only the main thread can be interrupted (elsewhere the watchdog
does nothing); code blocked inside a C extension that ignores signals is interrupted only when it
returns to Python; a plugin that catches :class:`BaseException` can swallow the interruption.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["COLLECTOR_TIMEOUT_S", "DEFAULT_STEP_TIMEOUT_S", "StepTimeout", "Watchdog"]

#: Seconds one check item may run before it is interrupted.
DEFAULT_STEP_TIMEOUT_S = 60.0
#: Seconds one plugin collector may run (it may read a whole export or call a local service).
COLLECTOR_TIMEOUT_S = 600.0


class StepTimeout(BaseException):
    """Raised in the main thread when a step exceeds its time limit.

    A :class:`BaseException`, like pytest's outcomes, so that a check's own ``except Exception``
    cannot swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"time limit of {seconds:g} s exceeded")
        self.seconds = seconds


class Watchdog:
    """Deadlines for steps run in the main thread (use as a context manager around the run)."""

    def __init__(self, limit_s: float | None = DEFAULT_STEP_TIMEOUT_S, poll_s: float = 0.1) -> None:
        self.limit_s = limit_s
        self._poll_s = min(poll_s, limit_s / 4) if limit_s else poll_s
        self._started: float | None = None  # when the step in progress started
        self._step = 0  # which step: the thread never interrupts a later one
        self._limit: float | None = limit_s
        self._fired = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._previous: object = None
        self._main = threading.main_thread()

    @property
    def fired(self) -> bool:
        """True once a step has been interrupted (the run's result then depends on timing)."""
        return self._fired >= 0

    @property
    def active(self) -> bool:
        """True when steps are watched (a limit is set and this is the main thread)."""
        return self._thread is not None

    def __enter__(self) -> Watchdog:
        if (
            self.limit_s is None
            or threading.current_thread() is not self._main
            or not hasattr(signal, "pthread_kill")
        ):
            return self
        self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        self._thread = threading.Thread(target=self._watch, name="rnq-watchdog", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        self._thread = None
        signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]

    @contextmanager
    def step(self, limit_s: float | None = None) -> Iterator[None]:
        """Watch the code run inside the block; :class:`StepTimeout` is raised in it past the
        limit (``limit_s``, or the watchdog's)."""
        self._step += 1
        self._limit = limit_s if limit_s is not None else self.limit_s
        self._started = time.monotonic()
        try:
            yield
        finally:
            self._started = None

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if self._started is not None and self._fired == self._step:
            raise StepTimeout(self._limit or 0.0)

    def _watch(self) -> None:
        ident = self._main.ident
        assert ident is not None
        while not self._stop.wait(self._poll_s):
            started, step, limit = self._started, self._step, self._limit
            if started is None or step == self._fired or limit is None:
                continue
            if time.monotonic() - started > limit:
                self._fired = step
                signal.pthread_kill(ident, signal.SIGALRM)
