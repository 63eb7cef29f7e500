"""Indicator 18 (``rnq/checks/i18_coordination.py``): the roles of the people involved and a
recent coordination of their work (a meeting older than the indicative freshness is a gap).
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

COORDINATION = note(
    "18",
    "coordination",
    """# Compte rendu de la réunion pédagogique
Présents : responsable pédagogique, formateurs, référente handicap (voir organigramme).
Coordination des plannings et des interventions des formateurs externes.""",
)


def test_18_passes_with_roles_and_a_recent_meeting(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/reunion.md": COORDINATION}, audit_date=V9_AUDIT, indicators=(18,))
    assert outcomes(report.indicator(18), "check_coordination_intervenants") == ["passed"]


def test_18_gap_without_coordination(run_ws: RunWs) -> None:
    text = note("18", "coordination", "# Organigramme\nResponsable pédagogique : M. Durand.")
    report = run_ws(CONFIG, {"pro/orga.md": text}, audit_date=V9_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap" and "coordination" in finding.message


def test_18_gap_when_the_last_meeting_is_old(run_ws: RunWs) -> None:
    old = COORDINATION.replace("date: 2026-09-01", "date: 2024-06-01")
    report = run_ws(CONFIG, {"pro/reunion.md": old}, audit_date=V2026_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap"
    assert "2024-06-01" in finding.message and "indicative" in finding.message
