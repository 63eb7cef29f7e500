"""The action plan (SPEC §5): one item per gap, with its owner, when to fix it (``due``), the
deadline the certifier would set if it were raised (``deadline_if_raised``), and what fixing it
takes (``effort``).

The plan is ordered by what unblocks certification soonest (:func:`action_key`): major NCs
first, then minors, then the optional advice; within a level, what one file fixes (a CV missing
from the register, a document out of date, a missing mention or display), then a case to handle
(a complaint answered late: answer it, trace the analysis), then a process to create (nothing
usable where the indicator is assessed); then by indicator, unit, offering, check and finding,
so the order is deterministic. « Première action » is the first required item of that order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.dates import add_months
from rnq.engine.findings import Finding
from rnq.text import Lang
from rnq.verdict.report import ActionItem, ActionLevel, Effort
from rnq.verdict.rules import finding_unit
from rnq.workspace.config import WorkspaceConfig

__all__ = ["EFFORT_LABELS", "action_item", "action_key", "due", "effort", "owner"]

_DUE_BEFORE_AUDIT = {"nc_major": 21, "nc_minor": 7}
_DUE_WITHOUT_AUDIT = {"nc_major": 30, "nc_minor": 60}

#: What fixing an item takes, in the order the plan puts them within a level.
EFFORT_ORDER: dict[Effort, int] = {"file": 0, "case": 1, "process": 2}
#: Its words (also in :data:`rnq.render.labels.LABELS` ``["effort"]``).
EFFORT_LABELS: dict[Effort, tuple[str, str]] = {
    "file": ("un fichier à corriger", "one file to fix"),
    "case": ("un cas à traiter", "one case to handle"),
    "process": ("un processus à créer", "a process to create"),
}
#: Checks whose gap is something that happened to one case (a complaint answered late, an
#: apprentice's contract broken off without notice): fixed by handling the case and tracing it,
#: not by a file. Matched on the check function's name, whatever its module.
_CASE_CHECKS = ("check_reclamations_dans_les_delais", "check_rupture_sans_delai")


def effort(finding: Finding) -> Effort:
    """What fixing ``finding`` takes: ``process`` when nothing usable exists where the
    indicator is assessed (``missing`` and no evidence to correct), ``case`` for a case to handle
    (:data:`_CASE_CHECKS`), else ``file``: one file to add, complete or replace (the certificate
    display, indicator 0, is always one file or page)."""
    name = finding.check.rsplit("::", 1)[-1].rsplit(".", 1)[-1]
    if finding.indicator != 0 and finding.missing and not finding.evidence:
        return "process"
    if name in _CASE_CHECKS:
        return "case"
    return "file"


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
    kind = effort(finding)
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
        effort=kind,
        effort_label=EFFORT_LABELS[kind][1 if lang == "en" else 0],
    )


def action_key(item: ActionItem) -> tuple[int, int, int, str, str, str, str, str]:
    """What unblocks certification soonest first: majors, then minors, then the optional
    advice; within a level one file, then a case, then a process to create; then by indicator
    and place."""
    return (
        {"nc_major": 0, "nc_minor": 1}.get(item.level, 2),
        EFFORT_ORDER[item.effort],
        item.indicator,
        item.unit or "",
        item.offering or "",
        item.check or "",
        item.finding or "",
        item.what,
    )
