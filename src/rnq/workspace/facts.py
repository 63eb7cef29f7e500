"""What is declared of a target — an offering, or a unit through its offerings — and where an
indicator applies (SPEC §4 « scope before content »).

The facts of an offering are its own ``facts:``, else its unit's, else the provider's (the top
``facts:`` of rnq.yaml), plus what rnq derives from what is declared: ``certifying`` (the
offering names a certification), ``alternance`` and ``work_situation`` (true for an
apprenticeship), ``companies_concerned`` (alternance, a work situation or an apprenticeship).
A fact nobody declared is ``None``: a condition on it is neither true nor false.

A unit's facts are those of its offerings: a condition holds for the unit when it holds for one
of them, fails when it fails for all of them, and is unknown otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rnq.referential.loader import Indicator, ItemCondition
from rnq.workspace.config import Facts, Offering, Unit, WorkspaceConfig

__all__ = ["TargetFacts", "applies_to_offering", "applies_to_unit", "facts_of"]

#: A fact's value: a flag, a modality, the funders; None when not declared.
Value = bool | str | tuple[str, ...] | None


def _declared(*layers: Facts) -> dict[str, Value]:
    """Each fact from the first layer that declares it."""
    values: dict[str, Value] = {}
    for name in Facts.model_fields:
        for layer in layers:
            value = getattr(layer, name)
            if value is not None:
                values[name] = value
                break
        else:
            values[name] = None
    return values


def _either(*values: Value) -> bool | None:
    """True when one is true, False when all are false, else None."""
    if any(v is True for v in values):
        return True
    if values and all(v is False for v in values):
        return False
    return None


def _offering_values(config: WorkspaceConfig, unit: Unit, offering: Offering) -> dict[str, Value]:
    values = _declared(offering.facts, unit.facts, config.facts)
    if offering.category == "CFA":  # an apprenticeship is work-study, with a company
        values["alternance"] = values["work_situation"] = True
    values["certifying"] = offering.certifying
    values["companies_concerned"] = _either(values["alternance"], values["work_situation"])
    return values


def _holds(condition: ItemCondition, values: Mapping[str, Value]) -> bool | None:
    value = values.get(condition.fact)
    if value is None:
        return None
    if condition.any_of:
        chosen = value if isinstance(value, tuple) else (value,)
        return any(v in condition.any_of for v in chosen)
    return value == condition.equals


@dataclass(frozen=True)
class TargetFacts:
    """The declared facts of one target: one set of values per offering it covers (a unit
    without offerings: its own and the provider's)."""

    sources: tuple[Mapping[str, Value], ...]

    def holds(self, condition: ItemCondition) -> bool | None:
        """Whether ``condition`` holds here: True, False, or None when not declared."""
        return _either(*(_holds(condition, values) for values in self.sources))

    def value(self, fact: str) -> Value:
        """The fact's value when every source agrees on it, else None."""
        found = {values.get(fact) for values in self.sources}
        return found.pop() if len(found) == 1 else None


def facts_of(config: WorkspaceConfig, unit: Unit, offering: Offering | None = None) -> TargetFacts:
    """The facts of an offering, or of a unit (through its offerings)."""
    if offering is not None:
        return TargetFacts((_offering_values(config, unit, offering),))
    if unit.offerings:
        return TargetFacts(tuple(_offering_values(config, unit, o) for o in unit.offerings))
    values = _declared(unit.facts, config.facts)
    values["certifying"] = None
    values["companies_concerned"] = _either(values["alternance"], values["work_situation"])
    return TargetFacts((values,))


def applies_to_offering(
    indicator: Indicator, config: WorkspaceConfig, unit: Unit, offering: Offering
) -> bool:
    """Whether ``indicator`` applies to ``offering``: its category is one of the indicator's,
    and its condition is not declared false for it (certifying: it names a certification;
    alternance, work situation: not declared without; trainings over two days: not declared
    as lasting two days or less — but that condition of indicator 12 is provisional in the data:
    short trainings are then still checked, their findings reading « à confirmer »)."""
    if offering.category not in indicator.categories:
        return False
    condition = indicator.condition
    if condition == "certifying":
        return offering.certifying
    if condition == "long_trainings" and offering.duration_days is not None:
        return offering.duration_days > 2 or "condition" in indicator.provisional
    if condition in ("alternance", "work_situation"):
        return _offering_values(config, unit, offering)[condition] is not False
    return True


def applies_to_unit(indicator: Indicator, config: WorkspaceConfig, unit: Unit) -> bool:
    """Whether ``indicator`` applies to ``unit``: to one of its offerings, or, for a unit that
    declares none, to the provider (decided by the referential's applicability)."""
    if not unit.offerings:
        return True
    return any(applies_to_offering(indicator, config, unit, o) for o in unit.offerings)


def units_concerned(
    indicator: Indicator, config: WorkspaceConfig, units: Iterable[Unit]
) -> list[Unit]:
    """The units of ``units`` where ``indicator`` applies."""
    return [unit for unit in units if applies_to_unit(indicator, config, unit)]
