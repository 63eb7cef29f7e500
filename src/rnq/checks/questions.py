"""The question plan: what the built-in content checks ask of a document, by indicator, so that
extraction workers answer it while they hold the text.

A cold run reads every document once; the content checks then ask each one the same few
questions (:mod:`rnq.match.questions`). Asked in this process, they cost a second pass over every
text, on one core. Asked in the workers, right after the text is read, they cost a fraction of
that, over every core, and the text need not be loaded again.

The plan is derived from the check modules themselves, never written down: the questions of a
module are those of its finders — :class:`~rnq.match.french.Concept`,
:class:`~rnq.checks.judging.Reader` and :class:`~rnq.checks.helpers.Term` objects, alone or in
containers such as ``CONCEPTS`` (imported ones included) — and the
:func:`named questions <rnq.match.questions.named_question>` it registers, and the patterns it lists
in ``SEARCHED`` (those a check searches with ``mentions`` in every document it reads, not only in a
few: indicator 1's screening for misleading statements), and the named questions declared with
:func:`asks` by the helpers it calls; they are asked of every document mapped
to an indicator the module's checks verify in the run's referential. A check that gains a term is
planned at once. The plan is a hint, never a result: a question it lacks is
answered by the check itself, and an answer is the same wherever it is computed.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from rnq.checks.helpers import Term
from rnq.checks.judging import Reader
from rnq.engine.marks import get_marks
from rnq.match.french import CONCEPT, DRAFT, Concept
from rnq.match.questions import HAS_TEXT, NAMED, portable
from rnq.referential.verifications import indicators_for

if TYPE_CHECKING:
    from rnq.workspace.config import WorkspaceConfig

__all__ = ["asks", "module_questions", "questions_for", "target_plan"]

#: How deep containers (tuples, lists, dict values) of patterns are looked into.
_DEPTH = 3


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    """The pattern strings ``value`` holds: a Term's patterns, a string, or those of a
    container of them."""
    if isinstance(value, Term):
        yield from value.patterns
    elif isinstance(value, Concept | Reader):
        yield value.question
    elif isinstance(value, str) and depth == 0:
        yield value
    elif isinstance(value, re.Pattern) and depth == 0:
        yield str(value.pattern)
    elif depth < _DEPTH and isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item, depth + 1)
    elif depth < _DEPTH and isinstance(value, dict):  # CONCEPTS; not header words (ROLES)
        for item in value.values():
            finders = (Term, Concept, Reader)
            if isinstance(item, finders) or (
                isinstance(item, tuple) and any(isinstance(x, finders) for x in item)
            ):
                yield from _strings(item, depth + 1)


_FINDERS = (Term, Concept, Reader)


def _holds_patterns(name: str, value: object) -> bool:
    """Whether a module global is one the plan reads: a finder (a Concept, a Reader, a Term), or
    a container of finders (``CONCEPTS``). Plain strings are not planned — header words,
    ``unless`` terms, item ids —: a pattern a check searches with :func:`mentions` is answered
    where it is asked, for the documents that check reads."""
    if name.startswith("__") or name in ("CHECKS_NAMESPACE", "READS", "SEARCHED"):
        return False
    if isinstance(value, _FINDERS):
        return True
    if isinstance(value, dict):
        value = list(value.values())
    return (
        isinstance(value, tuple | list)
        and bool(value)
        and any(
            isinstance(v, _FINDERS)
            or (isinstance(v, tuple) and any(isinstance(x, _FINDERS) for x in v))
            for v in value
        )
    )


def _is_pattern(text: str) -> bool:
    if text.startswith(CONCEPT):
        return True
    if not text or not portable(text):
        return False
    try:
        re.compile(text)
    except re.error:
        return False
    return True


_ASKS = "__rnq_asks__"

F = TypeVar("F", bound=Callable[..., object])


def asks(*questions: str) -> Callable[[F], F]:
    """Declare the named questions a helper asks of the documents it is given, so that every
    check module using the helper plans them (:func:`module_questions`): indicators 10 to 12
    call indicator 9's ``judge_unit``, which asks each of their documents whether it is an
    empty table."""

    def declare(func: F) -> F:
        setattr(func, _ASKS, (*getattr(func, _ASKS, ()), *questions))
        return func

    return declare


@cache
def module_questions(module: ModuleType) -> tuple[str, ...]:
    """The questions ``module``'s checks may ask of a document (see the module docstring)."""
    found: dict[str, None] = {}
    for name, value in vars(module).items():
        if _holds_patterns(name, value):
            found.update((q, None) for q in _strings(value) if _is_pattern(q))
        elif callable(value) and not name.startswith("__"):
            found.update((q, None) for q in getattr(value, _ASKS, ()))
    found.update((q, None) for q in getattr(module, "SEARCHED", ()) if _is_pattern(q))
    prefix = f"\x00{module.__name__}:"
    found.update((q, None) for q in NAMED if q.startswith(prefix))
    if any(q.startswith(CONCEPT) for q in found):
        found[DRAFT] = None  # a check that reads concepts first asks whether it is a draft
    if found:
        # a check that reads documents' words asks first whether one holds any text at all
        # (helpers.folded_text, blank): answered in the worker for next to nothing, where the
        # check would load the text again to tell
        found[HAS_TEXT] = None
    return tuple(found)


def _indicators(module: ModuleType, referential: str) -> set[int]:
    """The indicators ``module``'s checks verify in ``referential``, and those whose documents
    they read too (the module's ``READS``: 5 reads the programmes of 1)."""
    numbers: set[int] = set(getattr(module, "READS", ()))
    for name, func in vars(module).items():
        if not name.startswith("check_") or getattr(func, "__module__", None) != module.__name__:
            continue
        for mark in get_marks(func):
            if mark.name == "verifies":
                numbers.update(indicators_for(tuple(mark.args), referential))
            elif mark.name == "indicator":
                numbers.update(int(n) for n in mark.args)
    return numbers


@lru_cache(maxsize=8)
def _plan(referential: str) -> dict[int, tuple[str, ...]]:
    """Indicator number → the questions of every built-in module that verifies it."""
    from rnq.checks import builtin_check_modules

    plan: dict[int, dict[str, None]] = {}
    for module in builtin_check_modules():
        questions = module_questions(module)
        for number in _indicators(module, referential):
            plan.setdefault(number, {}).update(dict.fromkeys(questions))
    return {number: tuple(questions) for number, questions in plan.items()}


@lru_cache(maxsize=4096)
def _for(indicators: tuple[int, ...], referential: str) -> tuple[str, ...]:
    plan = _plan(referential)
    merged: dict[str, None] = {}
    for number in indicators:
        merged.update(dict.fromkeys(plan.get(number, ())))
    return tuple(merged)


def questions_for(indicators: Iterable[int], referential: str) -> tuple[str, ...]:
    """The planned questions for a document mapped to ``indicators`` in a run under
    ``referential``: the same tuple object for the same arguments, so thousands of documents
    share it."""
    return _for(tuple(sorted(set(indicators))), referential)


# --- the plan for a document of one offering -------------------------------------------------

#: A module of the plan: its questions, the indicators whose documents it asks them of (its own
#: and its ``READS``), the indicators its checks verify, and whether every check of it runs per
#: offering (reads the evidence of one offering, never of a unit or of the whole run).
_Module = tuple[frozenset[str], frozenset[int], frozenset[int], bool]


def _checks(module: ModuleType) -> list[Callable[..., object]]:
    return [
        func
        for name, func in vars(module).items()
        if name.startswith("check_") and getattr(func, "__module__", None) == module.__name__
    ]


@lru_cache(maxsize=8)
def _modules(referential: str) -> tuple[_Module, ...]:
    from rnq.checks import builtin_check_modules

    found = []
    for module in builtin_check_modules():
        checks = _checks(module)
        verified = _indicators(module, referential) - set(getattr(module, "READS", ()))
        per_offering = bool(checks) and all(
            "offering" in inspect.signature(check).parameters for check in checks
        )
        found.append(
            (
                frozenset(module_questions(module)),
                frozenset(_indicators(module, referential)),
                frozenset(verified),
                per_offering,
            )
        )
    return tuple(found)


@lru_cache(maxsize=4096)
def _for_offering(
    indicators: tuple[int, ...], referential: str, outside: frozenset[int]
) -> tuple[str, ...]:
    planned = _for(indicators, referential)
    kept: set[str] = set()
    for questions, asked_of, verified, per_offering in _modules(referential):
        if asked_of.isdisjoint(indicators) or (per_offering and verified <= outside):
            continue
        kept.update(questions)
    narrowed = tuple(q for q in planned if q in kept)
    return planned if len(narrowed) == len(planned) else narrowed


def target_plan(
    config: WorkspaceConfig, referential: str
) -> Callable[[Iterable[int], str | None, str | None], tuple[str, ...]]:
    """The planned questions for a document of a run, from its indicators, its unit and its
    offering: :func:`questions_for`, less the questions of the modules whose checks all run per
    offering and verify only indicators that do not apply to the document's offering (a
    programme of an offering that leads to no certification is not asked indicators 3 and 7's
    questions: their checks run for certifying offerings, each reading its own documents).
    A document of no offering (or of one the configuration does not declare) is asked
    :func:`questions_for`."""
    from rnq.referential.loader import get_referential
    from rnq.workspace.facts import applies_to_offering

    indicators_of = get_referential(referential)
    outside: dict[tuple[str, str], frozenset[int]] = {}

    def offering_outside(unit_id: str, offering_id: str) -> frozenset[int]:
        key = (unit_id, offering_id)
        if key not in outside:
            unit = next((u for u in config.units if u.id == unit_id), None)
            offering = (
                next((o for o in unit.offerings if o.id == offering_id), None) if unit else None
            )
            outside[key] = (
                frozenset()
                if unit is None or offering is None
                else frozenset(
                    i.number
                    for i in indicators_of
                    if not applies_to_offering(i, config, unit, offering)
                )
            )
        return outside[key]

    def plan(indicators: Iterable[int], unit: str | None, offering: str | None) -> tuple[str, ...]:
        numbers = tuple(sorted(set(indicators)))
        if unit is None or offering is None:
            return _for(numbers, referential)
        skipped = offering_outside(unit, offering)
        if not skipped:
            return _for(numbers, referential)
        return _for_offering(numbers, referential, skipped)

    return plan
