"""rnq: how ready a training provider is for its Qualiopi audit, and what to fix first.

The public API (documented in ``docs/api.md``). Every ``rnq`` command is a thin layer over
these names. Each is imported on first use (PEP 562), so ``import rnq`` loads neither pydantic
nor jinja2, markdown-it or XlsxWriter; ``from rnq import X`` works as usual and type checkers
see every name.

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
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rnq.collect.collectors import CollectContext, Collector, CollectResult
    from rnq.collect.evidence import (
        ContentLoader,
        Evidence,
        EvidenceSet,
        MappedBy,
        ReadStatus,
        Rows,
    )
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
    from rnq.render.console import console_text
    from rnq.render.diff import ReportDiff, diff_reports, diff_text, load_report
    from rnq.render.html import render_html
    from rnq.render.junit import render_junit
    from rnq.render.markdown import render_markdown
    from rnq.render.schemas import workspace_schema
    from rnq.render.tables import write_csvs, write_xlsx
    from rnq.run import RunOptions, run
    from rnq.text import Localized
    from rnq.verdict.build import exit_code
    from rnq.verdict.report import Report
    from rnq.verdict.waivers import Waiver, load_waivers
    from rnq.workspace.applicable import (
        applicable_indicators,
        choose_referential,
        example_workspace,
    )
    from rnq.workspace.config import Offering, Unit, Workspace, WorkspaceConfig, load, profile_of
    from rnq.workspace.kinds import kind_ids
    from rnq.workspace.root import find_root, workspace_root
    from rnq.workspace.scaffold import init_workspace

__version__ = "0.1.0"

#: Every public name but ``__version__``, by its module, imported on first access (PEP 562):
#: ``import rnq`` loads none of them (nor pydantic), so that the ``rnq`` program can fork its
#: walk of the workspace (:mod:`rnq.workspace.ahead`) before anything heavy is imported.
_LAZY: dict[str, str] = {
    "Applicability": "rnq.referential.applicability",
    "AuditCalendar": "rnq.rehearsal.calendar",
    "AuditSample": "rnq.rehearsal.sampling",
    "CheckInfo": "rnq.engine.collection",
    "ChecksListing": "rnq.engine.collection",
    "CodeError": "rnq.errors",
    "CodeProblem": "rnq.errors",
    "CollectContext": "rnq.collect.collectors",
    "CollectResult": "rnq.collect.collectors",
    "Collector": "rnq.collect.collectors",
    "ConfigError": "rnq.errors",
    "ContentLoader": "rnq.collect.evidence",
    "Criterion": "rnq.referential.loader",
    "Evidence": "rnq.collect.evidence",
    "EvidenceSet": "rnq.collect.evidence",
    "Finding": "rnq.engine.findings",
    "Gap": "rnq.engine.outcomes",
    "Indicator": "rnq.referential.loader",
    "Localized": "rnq.text",
    "MappedBy": "rnq.collect.evidence",
    "Offering": "rnq.workspace.config",
    "Problem": "rnq.errors",
    "Profile": "rnq.referential.applicability",
    "ReadStatus": "rnq.collect.evidence",
    "Referential": "rnq.referential.loader",
    "ReferentialError": "rnq.errors",
    "Report": "rnq.verdict.report",
    "ReportDiff": "rnq.render.diff",
    "RnqError": "rnq.errors",
    "Rows": "rnq.collect.evidence",
    "RunOptions": "rnq.run",
    "Subchecks": "rnq.engine.outcomes",
    "Table": "rnq.collect.registers",
    "Unit": "rnq.workspace.config",
    "UsageError": "rnq.errors",
    "Waiver": "rnq.verdict.waivers",
    "Workspace": "rnq.workspace.config",
    "WorkspaceConfig": "rnq.workspace.config",
    "advise": "rnq.engine.outcomes",
    "applicability": "rnq.referential.applicability",
    "applicable_indicators": "rnq.workspace.applicable",
    "audit_calendar": "rnq.rehearsal.calendar",
    "calendar_document": "rnq.render.calendar",
    "calendar_text": "rnq.render.calendar",
    "check_code": "rnq.engine.collection",
    "check_settings": "rnq.collect.registers",
    "choose_referential": "rnq.workspace.applicable",
    "column_synonyms": "rnq.collect.registers",
    "console_text": "rnq.render.console",
    "diff_reports": "rnq.render.diff",
    "diff_text": "rnq.render.diff",
    "example_workspace": "rnq.workspace.applicable",
    "exit_code": "rnq.verdict.build",
    "find_root": "rnq.workspace.root",
    "fixture": "rnq.engine.fixtures",
    "fr_date": "rnq.collect.registers",
    "get_referential": "rnq.referential.loader",
    "hookimpl": "rnq.hookspecs",
    "init_workspace": "rnq.workspace.scaffold",
    "kind_ids": "rnq.workspace.kinds",
    "list_checks": "rnq.engine.collection",
    "load": "rnq.workspace.config",
    "load_report": "rnq.render.diff",
    "load_waivers": "rnq.verdict.waivers",
    "mark": "rnq.engine.marks",
    "match_columns": "rnq.collect.registers",
    "msg": "rnq.engine.outcomes",
    "normalize": "rnq.collect.registers",
    "not_verified": "rnq.engine.outcomes",
    "parse_date": "rnq.collect.registers",
    "profile_of": "rnq.workspace.config",
    "read_table": "rnq.collect.registers",
    "referential_for_date": "rnq.referential.loader",
    "referential_ids": "rnq.referential.loader",
    "render_html": "rnq.render.html",
    "render_junit": "rnq.render.junit",
    "render_markdown": "rnq.render.markdown",
    "run": "rnq.run",
    "sample_audit": "rnq.rehearsal.sampling",
    "sample_text": "rnq.rehearsal.sampling",
    "setting_path": "rnq.collect.registers",
    "settings_problem": "rnq.collect.registers",
    "short_name": "rnq.collect.registers",
    "skip": "rnq.engine.outcomes",
    "stand_aside": "rnq.engine.outcomes",
    "workspace_root": "rnq.workspace.root",
    "workspace_schema": "rnq.render.schemas",
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


class _Package(types.ModuleType):
    """The type of the ``rnq`` module: loading the submodule :mod:`rnq.run` does not make
    ``rnq.run`` the module rather than the function :func:`run` (the import system sets a
    package's attribute to each submodule it loads)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


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
