"""rnq: how ready a training provider is for its Qualiopi audit, and what to fix first.

The public API (documented in ``docs/api.md``). Every ``rnq`` command is a thin layer over
these names. The renderers, ``diff`` and ``init`` are imported on first use (PEP 562), so
``import rnq`` does not load jinja2, markdown-it or XlsxWriter.

Check and plugin authors use these names only (``docs/checks.md``, ``docs/plugins.md``):
evidence (:class:`Evidence` and its field types), collectors (:class:`CollectContext`,
:class:`Collector`), registers (:func:`read_table`, :func:`match_columns`, French dates,
settings), outcomes and marks, fixtures, and :mod:`rnq.testing` for their tests. Everything else
is rnq's inside, free to move.
"""

from __future__ import annotations

import os as _os
import sys as _sys

if _sys.argv[:1] == ["-m"] and not _sys.flags.safe_path and _sys.path[:1] == [_os.getcwd()]:
    # ``python -m rnq`` put the current folder (often a workspace) first on the path: a
    # ``csv.py`` or ``yaml/`` stored there would be imported instead of the real module. Code
    # from a workspace runs only when rnq.yaml lists it (docs/security.md).
    del _sys.path[0]

import importlib
from typing import TYPE_CHECKING, Any

from rnq.collect.collectors import CollectContext, Collector, CollectResult
from rnq.collect.evidence import ContentLoader, Evidence, EvidenceSet, MappedBy, ReadStatus, Rows
from rnq.collect.registers import (
    Table,
    check_settings,
    column_synonyms,
    fr_date,
    match_columns,
    normalize,
    parse_date,
    read_table,
    setting_path,
    settings_problem,
    short_name,
)
from rnq.engine.collection import CheckInfo, ChecksListing, check_code, list_checks
from rnq.engine.findings import Finding
from rnq.engine.fixtures import fixture
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, advise, msg, not_verified, skip, stand_aside
from rnq.errors import (
    CodeError,
    CodeProblem,
    ConfigError,
    Problem,
    ReferentialError,
    RnqError,
    UsageError,
)
from rnq.hookspecs import hookimpl
from rnq.referential.applicability import Applicability, Profile, applicability
from rnq.referential.loader import (
    Criterion,
    Indicator,
    Referential,
    get_referential,
    referential_for_date,
    referential_ids,
)
from rnq.rehearsal.calendar import AuditCalendar, audit_calendar
from rnq.rehearsal.sampling import AuditSample, sample_audit, sample_text
from rnq.render.calendar import calendar_document, calendar_text
from rnq.render.schemas import workspace_schema
from rnq.run import RunOptions, run
from rnq.text import Localized
from rnq.verdict.build import exit_code
from rnq.verdict.report import Report
from rnq.verdict.waivers import Waiver, load_waivers
from rnq.workspace.applicable import applicable_indicators, choose_referential, example_workspace
from rnq.workspace.config import Offering, Unit, Workspace, WorkspaceConfig, load, profile_of
from rnq.workspace.kinds import kind_ids
from rnq.workspace.root import find_root, workspace_root

if TYPE_CHECKING:
    from rnq.render.console import console_text
    from rnq.render.diff import ReportDiff, diff_reports, diff_text, load_report
    from rnq.render.html import render_html
    from rnq.render.junit import render_junit
    from rnq.render.markdown import render_markdown
    from rnq.render.tables import write_csvs, write_xlsx
    from rnq.workspace.scaffold import init_workspace

__version__ = "0.1.0"

#: Names imported on first access: their modules (or what they import) are heavier.
_LAZY: dict[str, str] = {
    "ReportDiff": "rnq.render.diff",
    "console_text": "rnq.render.console",
    "diff_reports": "rnq.render.diff",
    "diff_text": "rnq.render.diff",
    "init_workspace": "rnq.workspace.scaffold",
    "load_report": "rnq.render.diff",
    "render_html": "rnq.render.html",
    "render_junit": "rnq.render.junit",
    "render_markdown": "rnq.render.markdown",
    "write_csvs": "rnq.render.tables",
    "write_xlsx": "rnq.render.tables",
}


def __getattr__(name: str) -> Any:
    """Import a lazily exported name on first access (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rnq' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Every public name, the lazy ones included (for ``dir(rnq)`` and completion)."""
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Applicability",
    "AuditCalendar",
    "AuditSample",
    "CheckInfo",
    "ChecksListing",
    "CodeError",
    "CodeProblem",
    "CollectContext",
    "CollectResult",
    "Collector",
    "ConfigError",
    "ContentLoader",
    "Criterion",
    "Evidence",
    "EvidenceSet",
    "Finding",
    "Gap",
    "Indicator",
    "Localized",
    "MappedBy",
    "Offering",
    "Problem",
    "Profile",
    "ReadStatus",
    "Referential",
    "ReferentialError",
    "Report",
    "ReportDiff",
    "RnqError",
    "Rows",
    "RunOptions",
    "Subchecks",
    "Table",
    "Unit",
    "UsageError",
    "Waiver",
    "Workspace",
    "WorkspaceConfig",
    "__version__",
    "advise",
    "applicability",
    "applicable_indicators",
    "audit_calendar",
    "calendar_document",
    "calendar_text",
    "check_code",
    "check_settings",
    "choose_referential",
    "column_synonyms",
    "console_text",
    "diff_reports",
    "diff_text",
    "example_workspace",
    "exit_code",
    "find_root",
    "fixture",
    "fr_date",
    "get_referential",
    "hookimpl",
    "init_workspace",
    "kind_ids",
    "list_checks",
    "load",
    "load_report",
    "load_waivers",
    "mark",
    "match_columns",
    "msg",
    "normalize",
    "not_verified",
    "parse_date",
    "profile_of",
    "read_table",
    "referential_for_date",
    "referential_ids",
    "render_html",
    "render_junit",
    "render_markdown",
    "run",
    "sample_audit",
    "sample_text",
    "setting_path",
    "settings_problem",
    "short_name",
    "skip",
    "stand_aside",
    "workspace_root",
    "workspace_schema",
    "write_csvs",
    "write_xlsx",
]
