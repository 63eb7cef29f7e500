"""The report's JSON (``--json``), serialised once a run rather than twice.

A run that keeps its report for the next one (:mod:`rnq.cache.store`'s ``put_run``) serialises
it, and ``rnq check --json`` wrote it again: 33 MB of JSON twice at 50 000 files. The form the
run keeps is now the ``--json`` file's own bytes (:func:`report_json`: pydantic's JSON, indented,
without the last newline), and a caller that writes the JSON file afterwards can ask, around the
run, for those bytes (:func:`capturing`): the run hands them over when it serialises the report
or reuses a stored one, and :func:`json_parts` writes them instead of serialising again.

Bytes are handed over only inside :func:`capturing`, which the CLI opens: a library caller of
:func:`rnq.run` keeps no second copy of its report.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterator
from contextvars import ContextVar

from pydantic_core import PydanticSerializationError

from rnq.verdict.report import Report

__all__ = ["Captured", "capturing", "hand_over", "json_parts", "report_json"]


def report_json(report: Report) -> bytes | None:
    """``report`` as its ``--json`` file holds it, without the last newline (None when pydantic
    cannot write it: a lone surrogate)."""
    try:
        return report.__pydantic_serializer__.to_json(report, indent=2, by_alias=True)
    except PydanticSerializationError:
        return None


class Captured:
    """The JSON of the report a run returned, if the run had it (see :func:`capturing`)."""

    def __init__(self) -> None:
        self._report: weakref.ref[Report] | None = None
        self._data: bytes | None = None

    def keep(self, report: Report, data: bytes) -> None:
        self._report, self._data = weakref.ref(report), data

    def take(self, report: Report) -> bytes | None:
        """The JSON of ``report`` if it is the report the run handed over (once: it is not
        held after), else None."""
        kept, data = self._report, self._data
        self._report = self._data = None
        return data if kept is not None and kept() is report else None


#: The capture open in this thread or task (:func:`capturing`).
_capture: ContextVar[Captured | None] = ContextVar("rnq_report_json", default=None)


@contextlib.contextmanager
def capturing() -> Iterator[Captured]:
    """Within the block (in this thread or task), a run hands over the JSON of the report it
    returns, if it has it."""
    captured = Captured()
    token = _capture.set(captured)
    try:
        yield captured
    finally:
        _capture.reset(token)


def hand_over(report: Report, data: bytes) -> None:
    """Give ``data``, ``report``'s :func:`report_json`, to the caller capturing it, if any."""
    captured = _capture.get()
    if captured is not None:
        captured.keep(report, data)


def json_parts(report: Report, data: bytes | None = None) -> tuple[bytes, ...]:
    """:meth:`Report.json_parts`, from ``data`` (``report``'s :func:`report_json`) if given."""
    return (data, b"\n") if data is not None else report.json_parts()
