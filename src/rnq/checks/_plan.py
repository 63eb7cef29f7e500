"""The question plan: what the built-in content checks ask of a document, by indicator, so that
extraction workers answer it while they hold the text.

A cold run reads every document once; the content checks then ask each one the same few
questions (:mod:`rnq.textmatch`). Asked in this process, they cost a second pass over every
text, on one core. Asked in the workers, right after the text is read, they cost a fraction of
that, over every core, and the text need not be loaded again.

The plan (``questions.json`` beside this module) lists, for each indicator and each kind of
evidence, the :func:`portable <rnq.textmatch.portable>` questions the checks asked of documents
mapped to it (checks read documents by indicator, and some by kind) when they were recorded
(:func:`recording`) on workspaces that exercise every branch: ``tools/gen_question_plan.py``
writes it. It is a hint, never a result: a question the plan lacks is answered by the check
itself, as before, and an answer is the same wherever it is computed. A stale plan costs time,
not correctness.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from rnq.checks import _common
from rnq.model import Evidence
from rnq.textmatch import portable

__all__ = ["PLAN_FILE", "questions_for", "recording"]

PLAN_FILE = Path(__file__).with_name("questions.json")


Plan = dict[str, dict[str, tuple[str, ...]]]


@lru_cache(maxsize=1)
def _plan() -> Plan:
    """``{"by_indicator": {"1": questions…}, "by_kind": {"programme": questions…}}``."""
    try:
        data = json.loads(PLAN_FILE.read_text(encoding="utf-8"))
        return {
            part: {
                str(name): tuple(q for q in questions if isinstance(q, str) and portable(q))
                for name, questions in data[part].items()
            }
            for part in ("by_indicator", "by_kind")
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no plan: the checks answer every question themselves, as they can


@lru_cache(maxsize=1024)
def _for(indicators: tuple[int, ...], kind: str | None) -> tuple[str, ...]:
    plan = _plan()
    by_indicator, by_kind = plan.get("by_indicator", {}), plan.get("by_kind", {})
    questions = [q for number in indicators for q in by_indicator.get(str(number), ())]
    questions += by_kind.get(kind or "", ())
    return tuple(dict.fromkeys(questions))


def questions_for(indicators: Iterable[int], kind: str | None = None) -> tuple[str, ...]:
    """The planned questions for a document mapped to ``indicators``, of ``kind`` (the same
    tuple object for the same arguments, so thousands of documents share it); none while
    :func:`recording`."""
    if _common.RECORDERS:
        return ()
    return _for(tuple(sorted(set(indicators))), kind)


@contextmanager
def recording() -> Iterator[dict[str, dict[str, set[str]]]]:
    """Record the portable questions content checks compute while the block runs, by indicator
    and by kind of the document asked (``{"by_indicator": {"1": {…}}, "by_kind": {…}}``).

    Answers found in the cache are not computed, so record on a run without one; the plan is
    off meanwhile (:func:`questions_for`), so that the checks compute every answer."""
    asked: dict[str, dict[str, set[str]]] = {"by_indicator": {}, "by_kind": {}}

    def record(item: Evidence, question: str) -> None:
        if portable(question):
            for number in item.indicators:
                asked["by_indicator"].setdefault(str(number), set()).add(question)
            if item.kind:
                asked["by_kind"].setdefault(item.kind, set()).add(question)

    _common.RECORDERS.append(record)
    try:
        yield asked
    finally:
        _common.RECORDERS.remove(record)
