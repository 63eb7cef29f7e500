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
planned at once. A module whose checks build finders for one offering as they run (its
certification's own code, the organization's name as the certifier) gives them by a function
``offering_finders(config, unit, offering)`` (:data:`OFFERING_FINDERS`): they are asked of that
offering's documents for the module's indicators. The plan is a hint, never a result: a
question it lacks is answered by the check itself, and an answer is the same wherever it is
computed.
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

__all__ = ["OFFERING_FINDERS", "asks", "module_questions", "questions_for", "target_plan"]

#: The name of a check module's function giving the finders its checks build for one offering
#: as they run: ``offering_finders(config, unit, offering) -> finders`` (see the module
#: docstring).
OFFERING_FINDERS = "offering_finders"

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
#: and its ``READS``), the indicators its checks verify, whether every check of it runs per
#: offering (reads the evidence of one offering, never of a unit or of the whole run), and its
#: :data:`OFFERING_FINDERS` function (None: it has none).
_Module = tuple[
    frozenset[str], frozenset[int], frozenset[int], bool, Callable[..., Iterable[object]] | None
]


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
        finders = getattr(module, OFFERING_FINDERS, None)
        found.append(
            (
                frozenset(module_questions(module)),
                frozenset(_indicators(module, referential)),
                frozenset(verified),
                per_offering,
                finders if callable(finders) else None,
            )
        )
    return tuple(found)


@lru_cache(maxsize=4096)
def _for_offering(
    indicators: tuple[int, ...], referential: str, outside: frozenset[int]
) -> tuple[str, ...]:
    planned = _for(indicators, referential)
    kept: set[str] = set()
    for questions, asked_of, verified, per_offering, _finders in _modules(referential):
        if asked_of.isdisjoint(indicators) or (per_offering and verified <= outside):
            continue
        kept.update(questions)
    narrowed = tuple(q for q in planned if q in kept)
    return planned if len(narrowed) == len(planned) else narrowed


#: What :func:`target_plan` works out once per offering: the indicators that do not apply to
#: it, and the questions of the finders the modules build for it (:data:`OFFERING_FINDERS`),
#: each with the indicators whose documents they are asked of.
_Offered = tuple[frozenset[int], tuple[tuple[frozenset[int], tuple[str, ...]], ...]]


def _offered(config: WorkspaceConfig, referential: str, unit_id: str, offering_id: str) -> _Offered:
    from rnq.referential.loader import get_referential
    from rnq.workspace.facts import applies_to_offering

    try:
        unit = config.unit(unit_id)
    except KeyError:  # a unit the configuration does not declare: planned as no offering's
        return frozenset(), ()
    offering = next((o for o in unit.offerings if o.id == offering_id), None)
    if offering is None:
        return frozenset(), ()
    outside = frozenset(
        i.number
        for i in get_referential(referential)
        if not applies_to_offering(i, config, unit, offering)
    )
    built = []
    for _questions, asked_of, verified, per_offering, finders in _modules(referential):
        if finders is None or (per_offering and verified <= outside):
            continue  # no check of the module reads the offering's documents
        found = finders(config, unit, offering)
        asked = tuple(dict.fromkeys(q for f in found for q in _strings(f) if _is_pattern(q)))
        if asked:
            built.append((asked_of, asked))
    return outside, tuple(built)


def target_plan(
    config: WorkspaceConfig, referential: str
) -> Callable[[Iterable[int], str | None, str | None], tuple[str, ...]]:
    """The planned questions for a document of a run, from its indicators, its unit and its
    offering: :func:`questions_for`, less the questions of the modules whose checks all run per
    offering and verify only indicators that do not apply to the document's offering (a
    programme of an offering that leads to no certification is not asked indicators 3 and 7's
    questions: their checks run for certifying offerings, each reading its own documents), plus
    those of the finders the modules build for its offering (:data:`OFFERING_FINDERS`: a
    certifying offering's programme is asked whether it cites the certification's own code).
    A document of no offering (or of one the configuration does not declare) is asked
    :func:`questions_for`."""
    offered: dict[tuple[str, str], _Offered] = {}
    merged: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}

    def plan(indicators: Iterable[int], unit: str | None, offering: str | None) -> tuple[str, ...]:
        numbers = tuple(sorted(set(indicators)))
        if unit is None or offering is None:
            return _for(numbers, referential)
        key = (unit, offering)
        if key not in offered:
            offered[key] = _offered(config, referential, unit, offering)
        outside, built = offered[key]
        if outside:
            planned = _for_offering(numbers, referential, outside)
        else:
            planned = _for(numbers, referential)
        more = tuple(
            q for asked_of, asked in built if not asked_of.isdisjoint(numbers) for q in asked
        )
        if not more:
            return planned
        if (planned, more) not in merged:  # one tuple for the documents asked the same
            merged[planned, more] = tuple(dict.fromkeys((*planned, *more)))
        return merged[planned, more]

    return plan
