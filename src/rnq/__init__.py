"""rnq: how ready a training provider is for its Qualiopi audit, and what to fix first.

The public API. Every ``rnq`` command is a thin layer over these names.
"""

from __future__ import annotations

from rnq.api import applicable_indicators, choose_referential
from rnq.applicability import Applicability, Profile, applicability
from rnq.errors import ConfigError, Problem, ReferentialError, RnqError, UsageError
from rnq.referential import (
    Criterion,
    Indicator,
    Referential,
    get_referential,
    referential_for_date,
    referential_ids,
)
from rnq.text import Localized
from rnq.workspace import Workspace, WorkspaceConfig, load, profile_of

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "ConfigError",
    "Criterion",
    "Indicator",
    "Localized",
    "Problem",
    "Profile",
    "Referential",
    "ReferentialError",
    "RnqError",
    "UsageError",
    "Workspace",
    "WorkspaceConfig",
    "__version__",
    "applicability",
    "applicable_indicators",
    "choose_referential",
    "get_referential",
    "load",
    "profile_of",
    "referential_for_date",
    "referential_ids",
]
