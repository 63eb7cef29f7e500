"""Every hook rnq offers to plugins, in one place: this module is their reference.

A plugin is a module (or object) with functions decorated with :data:`rnq.hookimpl` and named
after the hooks below. It is loaded from the ``rnq`` entry-point group of an installed package, or
from a file the workspace lists under ``plugins:`` in ``rnq.yaml``. Hooks are always called with
keyword arguments, and an implementation may accept only the arguments it needs (pluggy's
opt-in arguments), so hooks can gain arguments without breaking plugins.

Hooks that return lists are flattened by rnq; duplicate names are errors. Built-in behaviour
(the filesystem collector, the built-in checks) is itself registered as plugins.

See docs/plugins.md for one example per hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from rnq.collect.collectors import CollectContext, Collector
    from rnq.collect.evidence import Evidence
    from rnq.workspace.config import Unit, Workspace

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "rnq"
hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorate plugin functions with ``@rnq.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)


# --- Workspace ------------------------------------------------------------------------------


@hookspec
def rnq_declare_units(workspace: Workspace) -> Iterable[Unit] | None:
    """Declare business units beyond those written in ``rnq.yaml``.

    :param workspace: the loaded workspace.
    :returns: units to add (ids must not clash with declared units), or ``None``.

    Implemented by: plugins that read the organisation from another system.
    """


# --- Evidence -------------------------------------------------------------------------------


@hookspec
def rnq_register_collectors() -> Mapping[str, Collector] | None:
    """Register named collectors that units enable in ``rnq.yaml``.

    A unit lists ``collectors: [{use: NAME, ...settings}]``; rnq calls the collector registered
    under ``NAME`` once per such entry with a :class:`rnq.collect.collectors.CollectContext` (the
    workspace, the unit, the settings, and a safe way to open files of the workspace).

    :returns: a mapping of collector name to a callable
        ``collector(context) -> Iterable[Evidence]``.

    Implemented by: collector plugins (CRM, LMS, registration system exports…).
    """


@hookspec
def rnq_collect_evidence(
    workspace: Workspace, context: CollectContext
) -> Iterable[Evidence] | None:
    """Collect evidence for the whole workspace, whatever the units enable.

    Each implementation is called on its own: one that raises is reported and the others run.

    :param workspace: the loaded workspace.
    :param context: where to record problems (``context.problem(path, fr, en, line)``).
    :returns: evidence records (never verdicts), or ``None``.

    Implemented by: the built-in filesystem collector; plugins that always apply.
    """


# --- Checks ---------------------------------------------------------------------------------


@hookspec
def rnq_register_checks() -> Iterable[ModuleType | Any] | None:
    """Contribute checks: modules (or objects) holding ``check_*`` functions and ``@rnq.fixture``
    functions.

    :returns: modules or objects to collect checks and fixtures from, or ``None``.

    Implemented by: the built-in checks; check plugins.
    """


# --- Reusing a report -----------------------------------------------------------------------


@hookspec
def rnq_run_key(workspace: Workspace) -> str | None:
    """Say what, besides the workspace's files, decides what this plugin contributes.

    A run with a cache reuses the report of an earlier run when nothing it depends on changed:
    every file of the workspace (its size, modification time and inode), ``rnq.yaml``, the run's
    options, the code of rnq and of every registered plugin. A plugin that reads anything else —
    a remote API, a database, a file outside the workspace — implements this hook.

    :param workspace: the workspace of the run.
    :returns: a string that changes whenever that outside source may have changed (a version,
        an export's timestamp, an ETag), or ``None`` when the plugin cannot tell: the report is
        then never reused and every run is a full run.

    Implemented by: collectors and checks with sources outside the workspace.
    """


# --- Report ---------------------------------------------------------------------------------


@hookspec
def rnq_report_sections(report: Any, lang: str) -> Iterable[Mapping[str, str]] | None:
    """Add sections to the human-readable reports (HTML, Markdown).

    :param report: the :class:`rnq.verdict.report.Report` being rendered.
    :param lang: ``"fr"`` or ``"en"``.
    :returns: sections as ``{"title": ..., "markdown": ...}``; the Markdown is rendered without
        raw HTML, so a section cannot inject markup.

    Implemented by: report plugins.
    """
