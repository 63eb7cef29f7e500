"""Indicator 24 (``rnq/checks/i24_jobs_watch.py``): the jobs watch of a unit names that unit, and
a stale watch is left to the presence check.
"""

from __future__ import annotations

from .conftest import V9_AUDIT, RunWs, findings, outcomes
from .conftest import WATCH_CONFIG as CONFIG
from .conftest import WATCH_SOURCES_ONLY as SOURCES_ONLY
from .conftest import WATCH_USED as USED


def test_stale_watch_is_left_to_the_presence_check(run_ws: RunWs) -> None:
    files = {"siege/veille.md": USED.format(n=24, kind="veille-metiers", date="2024-01-10")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(24,))
    result = report.indicator(24)
    assert outcomes(result, "check_veille_metiers") == []  # stood aside: no « not applicable »
    assert "gap" in outcomes(result, "check_evidence_present")


def test_unit_watch_names_the_unit(run_ws: RunWs) -> None:
    files = {
        "pro/veille-metiers.md": SOURCES_ONLY.format(n=24, kind="veille-metiers", date="2026-09-01")
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(24,))
    result = report.indicator(24)
    gaps = [f for f in findings(result, "check_veille_metiers") if f.outcome == "gap"]
    assert [g.unit for g in gaps] == ["pro"]
    assert "Pôle pro" in gaps[0].message
