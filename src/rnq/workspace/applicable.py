"""The library's entry points, used by every command (SPEC §6 "The library")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rnq.referential.applicability import Applicability, applicability
from rnq.referential.loader import Referential, get_referential, referential_for_date
from rnq.workspace.config import Workspace, profile_of

__all__ = ["applicable_indicators", "choose_referential", "example_workspace"]


def choose_referential(
    *,
    version: str | None = None,
    audit_date: dt.date | None = None,
    workspace: Workspace | None = None,
    today: dt.date | None = None,
) -> Referential:
    """Pick the referential: an explicit ``version``, else the one in force on the audit date
    (``audit_date``, else the workspace's ``audit.date``), else the one in force ``today``."""
    if version is None and workspace is not None:
        version = workspace.config.referential
    if version is not None:
        return get_referential(version)
    if audit_date is None and workspace is not None:
        audit_date = workspace.config.audit.date
    return referential_for_date(audit_date or today or dt.date.today())


def applicable_indicators(workspace: Workspace, referential: Referential) -> list[Applicability]:
    """Every indicator of ``referential`` with whether it applies to ``workspace``, and why."""
    return applicability(referential, profile_of(workspace.config))


def example_workspace() -> Path:
    """The example workspace shipped with rnq (``evidence/`` in the repository): the default
    the main command runs on when no folder is given and the current one has no ``rnq.yaml``."""
    from importlib.resources import files

    packaged = Path(str(files("rnq"))) / "_example"
    if (packaged / "rnq.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "evidence"
