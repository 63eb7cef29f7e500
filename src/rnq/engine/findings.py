"""Findings: what one check concluded about one indicator, for one unit or offering."""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rnq.text import Localized

__all__ = ["Finding", "Outcome", "finding_id"]

#: What a check concluded (SPEC §4).
Outcome = Literal["passed", "gap", "advice", "not_verified", "not_applicable", "waived"]


class Finding(BaseModel):
    """What one check concluded about one indicator, for one unit or offering (or globally).

    ``missing`` distinguishes the two kinds of gap the NC rules need: ``True`` when there is no
    usable evidence at all where the indicator is assessed, ``False`` when evidence exists but is
    stale, incomplete or missing only in part.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    check: str
    indicator: int
    outcome: Outcome
    unit: str | None = None
    offering: str | None = None
    item: str | None = None
    message: Localized
    fix: Localized | None = None
    evidence: tuple[str, ...] = ()
    missing: bool = False
    provisional: bool = False
    #: The demanded items (``items:`` of the indicator data) the finding is about.
    items: tuple[str, ...] = ()
    #: An advice to confirm (« à confirmer »), rather than a point de vigilance.
    confirm: bool = False


def finding_id(
    check: str, indicator: int, unit: str | None, offering: str | None, item: str | None
) -> str:
    """A stable id for a finding: the same check on the same target gives the same id."""
    key = "\x1f".join([check, str(indicator), unit or "", offering or "", item or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
