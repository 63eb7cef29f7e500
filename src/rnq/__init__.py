"""rnq: how ready a training provider is for its Qualiopi audit, and what to fix first.

The public API. Every ``rnq`` command is a thin layer over these names.
"""

from __future__ import annotations

from rnq.api import applicable_indicators, choose_referential
from rnq.applicability import Applicability, Profile, applicability
from rnq.checking import Subchecks
from rnq.errors import ConfigError, Problem, ReferentialError, RnqError, UsageError
from rnq.fixtures import fixture
from rnq.hookspecs import hookimpl
from rnq.mark import mark
from rnq.model import Evidence, EvidenceSet, Finding
from rnq.outcomes import Gap, msg, not_verified, skip
from rnq.referential import (
    Criterion,
    Indicator,
    Referential,
    get_referential,
    referential_for_date,
    referential_ids,
)
from rnq.report import Report
from rnq.run import RunOptions, run
from rnq.text import Localized
from rnq.workspace import Workspace, WorkspaceConfig, load, profile_of

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "ConfigError",
    "Criterion",
    "Evidence",
    "EvidenceSet",
    "Finding",
    "Gap",
    "Indicator",
    "Localized",
    "Problem",
    "Profile",
    "Referential",
    "ReferentialError",
    "Report",
    "RnqError",
    "RunOptions",
    "Subchecks",
    "UsageError",
    "Workspace",
    "WorkspaceConfig",
    "__version__",
    "applicability",
    "applicable_indicators",
    "choose_referential",
    "fixture",
    "get_referential",
    "hookimpl",
    "load",
    "mark",
    "msg",
    "not_verified",
    "profile_of",
    "referential_for_date",
    "referential_ids",
    "run",
    "skip",
]
