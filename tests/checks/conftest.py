"""Fixtures for the built-in content checks: run a small workspace and look at one indicator.

Every test module of this folder writes its own small workspaces (``rnq.yaml`` + a few files)
and asks :func:`run_ws` for the report; :func:`findings` picks the findings of one check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import rnq
from rnq.testing import write_workspace
from rnq.verdict.report import IndicatorResult, ReportFinding

TODAY = dt.date(2026, 11, 28)
V9_AUDIT = dt.date(2026, 10, 15)  # audits up to 2026-10-31 use rnq-2019-v9
V2026_AUDIT = dt.date(2026, 12, 15)  # audits from 2026-11-01 use rnq-2026

RunWs = Callable[..., rnq.Report]

#: The small workspace most content-check tests start from: a central function and one unit
#: with a certifying offering (its files in ``pro/cap/``), renewal audit under rnq-2026.
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345"}
"""


@pytest.fixture
def run_ws(tmp_path: Path) -> RunWs:
    """``run_ws(config, files, audit_date=..., today=..., indicators=(...))`` → the report.

    Each call writes a fresh workspace under ``tmp_path`` and runs it without plugins loaded from
    entry points and without the cache.
    """
    count = 0

    def run(
        config: str,
        files: dict[str, str | bytes] | None = None,
        *,
        audit_date: dt.date | None = None,
        today: dt.date = TODAY,
        indicators: tuple[int, ...] = (),
        lang: str = "fr",
    ) -> rnq.Report:
        nonlocal count
        count += 1
        root = write_workspace(tmp_path / f"ws{count}", config, files)
        options = rnq.RunOptions(
            today=today,
            audit_date=audit_date,
            indicators=indicators,
            use_cache=False,
            load_entrypoints=False,
            workers=1,
            lang=lang,  # type: ignore[arg-type]
        )
        return rnq.run(root, options)

    return run


def findings(result: IndicatorResult, check: str) -> list[ReportFinding]:
    """The findings of the check whose name ends with ``check`` on one indicator."""
    return [f for f in result.findings if f.check.endswith(check)]


def outcomes(result: IndicatorResult, check: str) -> list[str]:
    """The outcomes of one check on one indicator, in report order."""
    return [f.outcome for f in findings(result, check)]
