"""The question plan: what the built-in content checks ask of a document, by indicator, so that
extraction workers answer it while they hold the text.

A cold run reads every document once; the content checks then ask each one the same few
questions (:mod:`rnq.match.questions`). Asked in this process, they cost a second pass over every
text, on one core. Asked in the workers, right after the text is read, they cost a fraction of
that, over every core, and the text need not be loaded again.

The plan is derived from the check modules themselves, never written down: the questions of a
module are the patterns of its :class:`~rnq.checks.helpers.Term` objects, of its module constants
(``UPPER_CASE`` names, imported ones included) holding regular expressions, and the
:func:`named questions <rnq.match.questions.named_question>` it registers; they are asked of every
document mapped to an indicator the module's checks verify in the run's referential. A check that
gains a term is planned at once. The plan is a hint, never a result: a question it lacks is
answered by the check itself, and an answer is the same wherever it is computed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from types import ModuleType

from rnq.checks.helpers import Term
from rnq.engine.marks import get_marks
from rnq.match.french import CONCEPT, DRAFT, Concept
from rnq.match.questions import NAMED, portable
from rnq.referential.verifications import indicators_for

__all__ = ["module_questions", "questions_for"]

#: How deep containers (tuples, lists, dict values) of patterns are looked into.
_DEPTH = 3


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    """The pattern strings ``value`` holds: a Term's patterns, a string, or those of a
    container of them."""
    if isinstance(value, Term):
        yield from value.patterns
    elif isinstance(value, Concept):
        yield value.question
    elif isinstance(value, str):
        yield value
    elif isinstance(value, re.Pattern):
        yield str(value.pattern)
    elif depth < _DEPTH and isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item, depth + 1)
    elif depth < _DEPTH and isinstance(value, dict):  # CONCEPTS; not header words (ROLES)
        for item in value.values():
            if isinstance(item, Term | Concept) or (
                isinstance(item, tuple) and any(isinstance(x, Term | Concept) for x in item)
            ):
                yield from _strings(item, depth + 1)


def _holds_patterns(name: str, value: object) -> bool:
    """Whether a module global is one the plan reads: a Term (or a container of Terms), or a
    constant (``UPPER_CASE``, ``_UPPER_CASE``) that is not the module's own bookkeeping."""
    if name.startswith("__") or name == "CHECKS_NAMESPACE":
        return False
    if isinstance(value, Term | Concept):
        return True
    if isinstance(value, tuple | list) and value and all(isinstance(v, Term) for v in value):
        return True
    return name.lstrip("_").isupper() and isinstance(value, str | tuple | list | dict | re.Pattern)


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


@cache
def module_questions(module: ModuleType) -> tuple[str, ...]:
    """The questions ``module``'s checks may ask of a document (see the module docstring)."""
    found: dict[str, None] = {}
    for name, value in vars(module).items():
        if _holds_patterns(name, value):
            found.update((q, None) for q in _strings(value) if _is_pattern(q))
    prefix = f"\x00{module.__name__}:"
    found.update((q, None) for q in NAMED if q.startswith(prefix))
    if any(q.startswith(CONCEPT) for q in found):
        found[DRAFT] = None  # a check that reads concepts first asks whether it is a draft
    return tuple(found)


def _indicators(module: ModuleType, referential: str) -> set[int]:
    """The indicators ``module``'s checks verify in ``referential``."""
    numbers: set[int] = set()
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
