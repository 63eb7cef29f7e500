"""Fixtures: the values a check asks for by parameter name, as in pytest.

A fixture is a function decorated with ``@rnq.fixture``; its own parameters are other fixtures.
Built-in fixtures (``unit``, ``offering``, ``evidence``, ``referential``, ``audit``,
``organization``, ``today``…) are provided by the run; fixtures from plugins and from the
workspace's check files add to them (a later source overrides an earlier one of the same name).

A fixture is computed once per run, unless it depends (directly or not) on the check's target
(``unit``, ``offering``, ``evidence``…), in which case it is computed once per target.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, overload

__all__ = ["FixtureDef", "FixtureLookupError", "FixtureRegistry", "argnames", "fixture"]

F = TypeVar("F", bound=Callable[..., Any])


def argnames(func: Callable[..., Any]) -> tuple[str, ...]:
    """The names a function asks for: its parameters without a default (pytest's rule)."""
    names = []
    for parameter in inspect.signature(func).parameters.values():
        if parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        names.append(parameter.name)
    return tuple(names)


@overload
def fixture(func: F) -> F: ...
@overload
def fixture(*, name: str | None = None) -> Callable[[F], F]: ...
def fixture(func: F | None = None, *, name: str | None = None) -> F | Callable[[F], F]:
    """Declare a fixture: ``@rnq.fixture`` or ``@rnq.fixture(name="sessions")``.

    The fixture's docstring first line is shown when a check asks for an unknown fixture.
    """

    def decorate(f: F) -> F:
        f.__rnq_fixture__ = name or f.__name__  # type: ignore[attr-defined]
        return f

    return decorate(func) if func is not None else decorate


@dataclass(frozen=True)
class FixtureDef:
    """A declared fixture: its name, function, the names it asks for, and where it comes from."""

    name: str
    func: Callable[..., Any]
    argnames: tuple[str, ...]
    source: str


class FixtureLookupError(LookupError):
    """A check or fixture asks for a name no fixture provides."""

    def __init__(self, requested: str, by: str, available: Iterable[str]) -> None:
        names = sorted(set(available))
        close = difflib.get_close_matches(requested, names, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        super().__init__(
            f"fixture {requested!r} not found (requested by {by}).{hint} "
            f"Available fixtures: {', '.join(names)}."
        )
        self.requested = requested
        self.by = by
        self.available = names


class FixtureRegistry:
    """The fixtures a run knows: built-in names plus declared :class:`FixtureDef`."""

    def __init__(self, builtin: Iterable[str], targeted: Iterable[str]) -> None:
        self.builtin = frozenset(builtin)
        self._targeted_builtins = frozenset(targeted)
        self.defs: dict[str, FixtureDef] = {}
        self._targeted: dict[str, bool] = {}

    def add_from(self, obj: object, source: str) -> list[FixtureDef]:
        """Register every ``@rnq.fixture`` function found on ``obj`` (a module or object)."""
        found = []
        for value in list(vars(obj).values()) if hasattr(obj, "__dict__") else []:
            name = getattr(value, "__rnq_fixture__", None)
            if isinstance(name, str) and callable(value):
                definition = FixtureDef(name, value, argnames(value), source)
                self.defs[name] = definition
                found.append(definition)
        self._targeted.clear()
        return found

    def available(self) -> list[str]:
        """Every fixture name, sorted."""
        return sorted(self.builtin | set(self.defs))

    def validate(self, names: Iterable[str], by: str, provided: Iterable[str] = ()) -> None:
        """Raise :class:`FixtureLookupError` if ``names`` (or what they need) cannot be resolved.

        Cycles are reported the same way, naming the chain.
        """
        extra = set(provided)

        def visit(name: str, chain: tuple[str, ...], requester: str) -> None:
            if name in extra or (name in self.builtin and name not in self.defs):
                return
            definition = self.defs.get(name)
            if definition is None:
                raise FixtureLookupError(name, requester, [*self.available(), *extra])
            if name in chain:
                raise FixtureLookupError(
                    name, " -> ".join((*chain, name)) + " (cycle)", self.available()
                )
            for sub in definition.argnames:
                visit(sub, (*chain, name), f"fixture {name!r}")

        for name in names:
            visit(name, (), by)

    def closure(self, names: Iterable[str]) -> frozenset[str]:
        """``names`` and every name the fixtures among them ask for, transitively."""
        seen: set[str] = set()
        stack = list(names)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            definition = self.defs.get(name)
            if definition is not None:
                stack.extend(definition.argnames)
        return frozenset(seen)

    def is_targeted(self, name: str) -> bool:
        """True when fixture ``name`` depends on the check's target (computed per target)."""
        if name in self._targeted:
            return self._targeted[name]
        if name in self._targeted_builtins and name not in self.defs:
            return True
        definition = self.defs.get(name)
        self._targeted[name] = False  # breaks cycles; validate() reports them
        result = definition is not None and any(self.is_targeted(a) for a in definition.argnames)
        self._targeted[name] = result
        return result

    def resolve(
        self,
        names: Iterable[str],
        values: Mapping[str, Any],
        cache: dict[tuple[str, Any], Any],
        target_key: Any,
    ) -> dict[str, Any]:
        """Compute ``names``: from ``values`` (the run's built-ins and parameters) or by calling
        fixtures, reusing ``cache`` (keyed by name, and target for targeted fixtures)."""
        result = {}
        for name in names:
            result[name] = self._value(name, values, cache, target_key)
        return result

    def _value(
        self, name: str, values: Mapping[str, Any], cache: dict[tuple[str, Any], Any], target: Any
    ) -> Any:
        definition = self.defs.get(name)
        if definition is None:
            return values[name]
        key = (name, target if self.is_targeted(name) else None)
        if key in cache:
            return cache[key]
        kwargs = {a: self._value(a, values, cache, target) for a in definition.argnames}
        value = definition.func(**kwargs)
        cache[key] = value
        return value
