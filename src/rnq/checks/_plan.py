"""The question plan: what the built-in content checks ask of a document, by indicator, so that
extraction workers answer it while they hold the text.

A cold run reads every document once; the content checks then ask each one the same few
questions (:mod:`rnq.match.questions`). Asked in this process, they cost a second pass over every
text, on one core. Asked in the workers, right after the text is read, they cost a fraction of
that, over every core, and the text need not be loaded again.

The plan (``questions.json`` beside this module) lists, for each indicator and each kind of
evidence, the :func:`portable <rnq.match.questions.portable>` questions the checks asked of
documents mapped to it (checks read documents by indicator, and some by kind) when they were
recorded (:func:`recording`) on workspaces that exercise every branch:
``tools/gen_question_plan.py`` writes it. It is a hint, never a result: a question the plan lacks is
answered by the check itself, as before, and an answer is the same wherever it is computed. A stale
plan costs time, not correctness.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from rnq.checks import helpers
from rnq.collect.evidence import Evidence
from rnq.match.questions import portable
from rnq.workspace.config import WorkspaceConfig

__all__ = ["ANY", "PARTS", "PLAN_FILE", "context_of", "pair", "questions_for", "recording"]

PLAN_FILE = Path(__file__).with_name("questions.json")
#: The section of the plan to use when a run's own is missing: every section's questions.
ANY = "*"
#: How questions are filed in a section: by the document's indicators and kind together
#: (``"10|suivi"``), else by each indicator and by kind, joined.
PARTS = ("by_pair", "by_indicator", "by_kind")

#: ``{section: {"by_pair": {"1|programme": questions…}, "by_indicator": {"1": questions…},
#: "by_kind": {"programme": questions…}}}``,
#: sections being ``"<referential>/<context>"`` (see :func:`context_of`) and :data:`ANY`. The
#: file lists each question once and the sections by index.
Plan = dict[str, dict[str, dict[str, tuple[str, ...]]]]


@lru_cache(maxsize=1)
def _plan() -> Plan:
    try:
        data = json.loads(PLAN_FILE.read_text(encoding="utf-8"))
        questions = [q if isinstance(q, str) and portable(q) else None for q in data["questions"]]
        return {
            str(section): {
                part: {
                    str(name): tuple(q for q in (questions[i] for i in indexes) if q is not None)
                    for name, indexes in parts[part].items()
                }
                for part in PARTS
            }
            for section, parts in data["sections"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return {}  # no plan: the checks answer every question themselves, as they can


def context_of(config: WorkspaceConfig) -> Callable[[Evidence], str]:
    """What, besides its indicators and kind, decides the questions asked of a document: the
    category of its offering (``AF``, ``BC``, ``VAE``, ``CFA``), or ``unit`` when it belongs to
    no offering. Offer-sheet checks ask other things of a VAE offering than of a training."""
    categories = {(u.id, o.id): o.category for u in config.units for o in u.offerings}

    def context(item: Evidence) -> str:
        if item.offering is None:
            return "unit"
        return categories.get((item.unit, item.offering), "unit")

    return context


def pair(indicators: Iterable[int], kind: str | None) -> str:
    """The key of a document's indicators and kind in a plan's ``by_pair``."""
    return ",".join(str(n) for n in sorted(set(indicators))) + "|" + (kind or "")


@lru_cache(maxsize=4096)
def _for(indicators: tuple[int, ...], kind: str | None, section: str) -> tuple[str, ...]:
    plan = _plan()
    parts = plan.get(section) or plan.get(ANY, {})
    exact = parts.get("by_pair", {}).get(pair(indicators, kind))
    if exact is not None:  # documents like this one were asked exactly these
        return exact
    by_indicator, by_kind = parts.get("by_indicator", {}), parts.get("by_kind", {})
    questions = [q for number in indicators for q in by_indicator.get(str(number), ())]
    questions += by_kind.get(kind or "", ())
    return tuple(dict.fromkeys(questions))


def questions_for(
    indicators: Iterable[int],
    kind: str | None = None,
    referential: str | None = None,
    context: str | None = None,
) -> tuple[str, ...]:
    """The planned questions for a document mapped to ``indicators``, of ``kind``, in a run
    under ``referential`` and in ``context`` (:func:`context_of`); the same tuple object for the
    same arguments, so thousands of documents share it. None while :func:`recording`."""
    if helpers.RECORDERS:
        return ()
    section = f"{referential}/{context}" if referential and context else ANY
    return _for(tuple(sorted(set(indicators))), kind, section)


Asked = dict[str, dict[str, dict[str, set[str]]]]


@contextmanager
def recording(context: Callable[[Evidence], str] = lambda _item: ANY) -> Iterator[Asked]:
    """Record the portable questions content checks compute while the block runs, by context of
    the document asked (:func:`context_of`), then by its indicators and kind together, by each
    indicator and by kind: ``{context: {"by_pair": {"1|programme": {…}}, "by_indicator":
    {"1": {…}}, "by_kind": {"programme": {…}}}}``.

    Answers found in the cache are not computed, so record on a run without one; the plan is
    off meanwhile (:func:`questions_for`), so that the checks compute every answer."""
    asked: Asked = {}

    def record(item: Evidence, question: str) -> None:
        if portable(question):
            parts = asked.setdefault(context(item), {part: {} for part in PARTS})
            parts["by_pair"].setdefault(pair(item.indicators, item.kind), set()).add(question)
            for number in item.indicators:
                parts["by_indicator"].setdefault(str(number), set()).add(question)
            if item.kind:
                parts["by_kind"].setdefault(item.kind, set()).add(question)

    helpers.RECORDERS.append(record)
    try:
        yield asked
    finally:
        helpers.RECORDERS.remove(record)
