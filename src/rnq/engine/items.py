"""Expanding a check over its targets: one :class:`Item` per applicable indicator, target
(offering, unit, or the whole run) and parameter set.

A check runs once per offering if it asks for ``offering``, once per unit if it asks for
``unit`` (or ``evidence``), once per applicable indicator and the place that indicator is assessed
if it is marked ``each_indicator`` and asks for ``target``, else once.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from rnq.engine.discovery import CheckDef
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit

__all__ = ["Item", "expand", "unbound_reason"]


@dataclass
class Item:
    """One run of one check: its target, its indicators and its parameters."""

    check: CheckDef
    indicators: tuple[int, ...]
    unit: Unit | None = None
    offering: Offering | None = None
    params: dict[str, Any] = field(default_factory=dict)
    param_id: str | None = None

    @property
    def target_key(self) -> tuple[str | None, str | None]:
        """What the check looks at: (unit id, offering id)."""
        return (self.unit.id if self.unit else None, self.offering.id if self.offering else None)


def _param_sets(check: CheckDef) -> list[tuple[dict[str, Any], str | None]]:
    sets: list[tuple[dict[str, Any], str | None]] = [({}, None)]
    for mark in check.marks_named("parametrize"):
        names, values = mark.args
        ids = mark.kwargs.get("ids")
        expanded = []
        for index, value in enumerate(values):
            row = value if len(names) > 1 else (value,)
            label = str(ids[index]) if ids else "-".join(str(v) for v in row)
            expanded.append((dict(zip(names, row, strict=True)), label))
        sets = [
            ({**a, **b}, "-".join(x for x in (ida, idb) if x))
            for (a, ida), (b, idb) in itertools.product(sets, expanded)
        ]
    return sets


def _pool(check: CheckDef, version: str, applicable: Sequence[int]) -> list[int]:
    """The indicators ``check`` runs for in ``version``: the applicable ones it is bound to (all
    of them for an ``each_indicator`` check), with 0 (the certificate display) when bound to it;
    empty when it runs for none."""
    if check.marks_named("skip"):
        return []
    bound = check.bound_indicators(version)
    if bound is None and not check.marks_named("each_indicator"):
        return []
    pool = [n for n in applicable if bound is None or n in bound]
    if bound is not None and 0 in bound:
        pool = [0, *pool]
    return pool


def unbound_reason(
    check: CheckDef, version: str, applicable: Sequence[int], known: Sequence[int]
) -> Localized | None:
    """Why ``check`` runs for no indicator in ``version`` (None when it runs for some, or is
    marked ``skip``): it is bound to none, or only to indicators that do not apply to this
    provider or do not exist in ``version`` (``known``: its indicator numbers)."""
    if check.marks_named("skip") or _pool(check, version, applicable):
        return None
    name = check.name.rpartition("::")[2]
    bound = check.bound_indicators(version)
    if bound is None:
        return Localized(
            fr=f"{name} n'est liée à aucun indicateur : elle n'est pas exécutée — ajoutez "
            "@rnq.mark.verifies(...) ou @rnq.mark.indicator(N)",
            en=f"{name} is bound to no indicator: it is not run — add @rnq.mark.verifies(...) "
            "or @rnq.mark.indicator(N)",
        )
    if not bound:
        return Localized(
            fr=f"{name} ne vérifie aucun indicateur du référentiel {version} : elle n'est pas "
            "exécutée",
            en=f"{name} verifies no indicator of referential {version}: it is not run",
        )
    missing = [n for n in bound if n not in known and n != 0]
    shown = ", ".join(str(n) for n in bound)
    if missing:
        return Localized(
            fr=f"{name} est liée à l'indicateur {shown}, absent du référentiel {version} : "
            "elle n'est pas exécutée",
            en=f"{name} is bound to indicator {shown}, not in referential {version}: it is not run",
        )
    return Localized(
        fr=f"{name} est liée à l'indicateur {shown}, qui ne s'applique pas à ce prestataire "
        "(catégories, activité) : elle n'est pas exécutée",
        en=f"{name} is bound to indicator {shown}, which does not apply to this provider "
        "(categories, activity): it is not run",
    )


_K = TypeVar("_K")
#: A target of one item: a unit, an offering of a unit, or neither (the whole run).
_Target = tuple[Unit | None, Offering | None]


def _within(allowed: set[_K] | None, key: _K) -> bool:
    """Whether ``key`` is allowed (everything is, when nothing restricts it)."""
    return allowed is None or key in allowed


@dataclass(frozen=True)
class _Targets:
    """Where a check may run: the units and offerings, and where each indicator applies
    (``units_for``, ``offerings_for``; everywhere when not given): scope before content."""

    units: Sequence[Unit]
    offerings: Sequence[tuple[Unit, Offering]]
    offerings_for: Callable[[int], Sequence[tuple[Unit, Offering]]] | None
    units_for: Callable[[int], Sequence[Unit]] | None = None

    def _offering_keys(self, number: int) -> set[tuple[str, str]] | None:
        if self.offerings_for is None:
            return None
        return {(u.id, o.id) for u, o in self.offerings_for(number)}

    def _unit_ids(self, number: int) -> set[str] | None:
        if self.units_for is None:
            return None
        return {u.id for u in self.units_for(number)}

    def where_assessed(self, number: int, assessed_at: Callable[[int], str]) -> list[_Target]:
        """Where indicator ``number`` is assessed: its offerings, or its units."""
        if assessed_at(number) == "offering" and self.offerings:
            keys = self._offering_keys(number)
            return [(u, o) for u, o in self.offerings if keys is None or (u.id, o.id) in keys]
        ids = self._unit_ids(number)
        return [(unit, None) for unit in self.units if ids is None or unit.id in ids]

    def for_needs(
        self, indicators: tuple[int, ...], needs: frozenset[str]
    ) -> list[tuple[tuple[int, ...], _Target]]:
        """One target per offering for a check that asks for ``offering``, per unit for one
        that asks for ``unit`` or ``evidence``, else one for the whole run; each with the
        indicators of ``indicators`` that apply there (a target where none applies is left
        out)."""
        placed: list[tuple[tuple[int, ...], _Target]]
        if "offering" in needs:
            keys = {n: self._offering_keys(n) for n in indicators}
            placed = [
                (tuple(n for n in indicators if _within(keys[n], (u.id, o.id))), (u, o))
                for u, o in self.offerings
            ]
        elif "unit" in needs or "evidence" in needs:
            ids = {n: self._unit_ids(n) for n in indicators}
            placed = [
                (tuple(n for n in indicators if _within(ids[n], u.id)), (u, None))
                for u in self.units
            ]
        else:
            return [(indicators, (None, None))]
        return [(numbers, target) for numbers, target in placed if numbers]


def expand(
    check: CheckDef,
    *,
    version: str,
    applicable: Sequence[int],
    assessed_at: Callable[[int], str],
    units: Sequence[Unit],
    offerings: Sequence[tuple[Unit, Offering]],
    needs: frozenset[str] | None = None,
    offerings_for: Callable[[int], Sequence[tuple[Unit, Offering]]] | None = None,
    units_for: Callable[[int], Sequence[Unit]] | None = None,
) -> list[Item]:
    """The items of ``check``: one per target × parameter set, for the applicable indicators.

    ``needs`` is every name the check asks for, directly or through fixtures (default: its
    parameters): a check whose fixture asks for ``unit`` runs once per unit. ``offerings_for``
    and ``units_for`` say where each indicator applies: a check never runs for an indicator on a
    target it does not apply to.
    """
    needs = needs if needs is not None else frozenset(check.argnames)
    pool = _pool(check, version, applicable)
    if not pool:
        return []
    targets = _Targets(units, offerings, offerings_for, units_for)
    each = bool(check.marks_named("each_indicator"))
    placed: list[tuple[tuple[int, ...], _Target]]
    if each and "target" in needs:
        placed = [((n,), t) for n in pool for t in targets.where_assessed(n, assessed_at)]
    else:
        groups = [(n,) for n in pool] if each else [tuple(pool)]
        placed = [found for group in groups for found in targets.for_needs(group, needs)]
    params = _param_sets(check)
    return [
        Item(check, indicators, unit, offering, values, label)
        for indicators, (unit, offering) in placed
        for values, label in params
    ]
