"""Indicator 22 (``rnq/checks/i22_staff_development.py``): a current staff development plan (or
one covering the audit year) listing training actions and the staff concerned; a new entrant's
plan is audited at surveillance.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

PLAN = """\
---
indicators: [22]
kind: plan-competences
date: {date}
---
# Plan de développement des compétences {title}
Formation des formateurs à la classe virtuelle ; analyse des pratiques ; entretiens
professionnels des salariés.
"""


def test_current_development_plan_passes(run_ws: RunWs) -> None:
    for audit in (V9_AUDIT, V2026_AUDIT):
        files = {"siege/pdc.md": PLAN.format(date="2026-02-01", title="")}
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(22,))
        assert outcomes(report.indicator(22), "check_plan_developpement_competences") == ["passed"]
        assert report.indicator(22).status == "conform"


def test_old_plan_covering_the_audit_year_passes(run_ws: RunWs) -> None:
    files = {"siege/pdc.md": PLAN.format(date="2025-01-10", title="2025-2027")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    assert outcomes(report.indicator(22), "check_plan_developpement_competences") == ["passed"]


def test_stale_plan_is_a_major_gap(run_ws: RunWs) -> None:
    files = {"siege/pdc.md": PLAN.format(date="2024-09-01", title="2024-2025")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    result = report.indicator(22)
    (gap,) = findings(result, "check_plan_developpement_competences")
    assert gap.outcome == "gap"
    assert "pas à jour" in gap.message and "01/09/2024" in gap.message
    assert gap.unit == "siege"
    assert result.status == "nc_major"


def test_plan_without_training_actions_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/pdc.md": "---\nindicators: [22]\nkind: plan-competences\ndate: 2026-06-01\n---\n"
        "# Plan 2026\nBudget prévu : 12 000 euros.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(22,))
    (gap,) = findings(report.indicator(22), "check_plan_developpement_competences")
    assert gap.outcome == "gap"
    assert "actions de formation" in gap.message and "personnels concernés" in gap.message


def test_evidence_for_22_without_a_plan_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/I22-note.md": "---\nindicators: [22]\ndate: 2026-06-01\n---\nNote RH sur les "
        "recrutements.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(22,))
    (gap,) = findings(report.indicator(22), "check_plan_developpement_competences")
    assert gap.outcome == "gap" and "Aucun plan de développement" in gap.message


def test_new_entrant_plan_is_audited_at_surveillance(run_ws: RunWs) -> None:
    config = CONFIG.replace("type: renewal", "type: initial").replace(
        "categories: [AF]\n", "categories: [AF]\nactivity: {new_entrant: true}\n"
    )
    files = {"siege/pdc.md": PLAN.format(date="2023-01-01", title="2023")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(22,))
    assert outcomes(report.indicator(22), "check_plan_developpement_competences") == [
        "not_applicable"
    ]
