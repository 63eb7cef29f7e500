"""The action plan (SPEC §5): one item per gap, with its owner, when to fix it (``due``) and the
deadline the certifier would set if it were raised (``deadline_if_raised``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.dates import add_months
from rnq.engine.findings import Finding
from rnq.text import Lang
from rnq.verdict.report import ActionItem, ActionLevel
from rnq.verdict.rules import finding_unit
from rnq.workspace.config import WorkspaceConfig

__all__ = ["action_item", "action_key", "due", "owner"]

_DUE_BEFORE_AUDIT = {"nc_major": 21, "nc_minor": 7}
_DUE_WITHOUT_AUDIT = {"nc_major": 30, "nc_minor": 60}


def owner(config: WorkspaceConfig, indicator: int, unit: str | None) -> str:
    named = config.owners.indicators.get(indicator)
    if named:
        return named
    if unit is not None:
        for candidate in config.units:
            if candidate.id == unit and candidate.owner:
                return candidate.owner
    return config.owners.default


def due(level: ActionLevel, today: dt.date, audit_date: dt.date | None) -> dt.date:
    """When to have fixed it: before the audit for an NC (a major first), as a minor for advice;
    without an audit date, in 30 or 60 days."""
    if level == "advice":
        level = "nc_minor"
    if audit_date is None:
        return today + dt.timedelta(days=_DUE_WITHOUT_AUDIT[level])
    return max(today, audit_date - dt.timedelta(days=_DUE_BEFORE_AUDIT[level]))


def action_item(
    finding: Finding,
    level: ActionLevel,
    *,
    config: WorkspaceConfig,
    unit_of: Mapping[str, str],
    today: dt.date,
    audit_date: dt.date | None,
    lang: Lang,
) -> ActionItem:
    unit = finding_unit(finding, unit_of)
    deadline: dt.date | None = None
    verification: dt.date | None = None
    if audit_date is not None and level != "advice":
        deadline = add_months(audit_date, 3 if level == "nc_major" else 6)
        if level == "nc_major":
            verification = add_months(deadline, 1)
    return ActionItem(
        indicator=finding.indicator,
        unit=unit,
        owner=owner(config, finding.indicator, unit),
        due=due(level, today, audit_date),
        deadline_if_raised=deadline,
        offering=finding.offering,
        level=level,
        what=finding.message.get(lang),
        fix=None if finding.fix is None else finding.fix.get(lang),
        verification_by=verification,
        check=finding.check,
        finding=finding.id,
        optional=level == "advice",
    )


def action_key(item: ActionItem) -> tuple[int, int, str, str, str, str, str]:
    """Majors first, then minors, then the optional advice; by indicator and place within."""
    return (
        {"nc_major": 0, "nc_minor": 1}.get(item.level, 2),
        item.indicator,
        item.unit or "",
        item.offering or "",
        item.check or "",
        item.finding or "",
        item.what,
    )
