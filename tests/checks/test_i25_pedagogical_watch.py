"""Indicator 25 (``rnq/checks/i25_pedagogical_watch.py``): a pedagogical watch older than its
freshness does not count as current.
"""

from __future__ import annotations

from .conftest import V2026_AUDIT, RunWs, findings
from .conftest import WATCH_CONFIG as CONFIG
from .conftest import WATCH_USED as USED


def test_watch_older_than_its_freshness_is_a_gap(run_ws: RunWs) -> None:
    # an undated note keeps the presence check happy; the dated watch itself is stale
    files = {
        "siege/veille.md": USED.format(n=25, kind="veille-pedagogique", date="2025-05-01"),
        "siege/I25-abonnements.md": "---\nindicators: [25]\n---\nAbonnements : Thot Cursus.\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(25,))
    gaps = [
        f for f in findings(report.indicator(25), "check_veille_pedagogique") if f.outcome == "gap"
    ]
    assert len(gaps) == 1
    assert "siege/I25-abonnements.md" in gaps[0].evidence
    assert "exploitation" in gaps[0].message or "pas à jour" in gaps[0].message
