"""Indicator 32 (``rnq/checks/i32_improvement.py``): improvement actions, dated and drawn from
the feedback and the complaints, and from rnq-2026 a quality risk analysis with its control
measures.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

PLAN = """\
---
indicators: [32]
kind: amelioration
date: 2026-07-01
---
# Plan d'amélioration 2026

| Source | Constat | Action | Échéance |
|---|---|---|---|
| Enquête de satisfaction stagiaires | Supports jugés datés | Refonte des supports | 30/09/2026 |
| Réclamation du 02/03/2026 | Retard de correction | Délai de correction garanti | 15/04/2026 |
"""

RISKS = """\
---
indicators: [32]
kind: analyse-risques
date: 2026-09-01
---
# Cartographie des risques qualité des formations
| Risque | Gravité | Mesure de maîtrise |
|---|---|---|
| Absence d'un formateur | élevée | vivier de remplaçants |
| Abandon des apprenants | moyenne | relances du tuteur |
"""


def test_improvement_plan_traced_to_feedback_and_complaints_passes(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG, {"siege/plan-amelioration.md": PLAN}, audit_date=V9_AUDIT, indicators=(32,)
    )
    result = report.indicator(32)
    assert outcomes(result, "check_ameliorations_tracees") == ["passed"]
    assert outcomes(result, "check_analyse_risques") == []  # 2026 only
    assert result.status == "conform"


def test_plan_not_drawn_from_complaints_is_a_major_gap(run_ws: RunWs) -> None:
    text = PLAN.replace(
        "| Réclamation du 02/03/2026 | Retard de correction | Délai de correction garanti "
        "| 15/04/2026 |\n",
        "",
    )
    report = run_ws(CONFIG, {"siege/plan.md": text}, audit_date=V9_AUDIT, indicators=(32,))
    result = report.indicator(32)
    (gap,) = findings(result, "check_ameliorations_tracees")
    assert gap.outcome == "gap" and "analyse des réclamations" in gap.message
    assert "analyse des appréciations" not in gap.message
    assert result.status == "nc_major"


def test_undated_actions_are_a_gap(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [32]\nkind: amelioration\n---\nSuite aux enquêtes de satisfaction et "
        "aux réclamations, actions : refonte des supports.\n"
    )
    report = run_ws(CONFIG, {"siege/plan.md": text}, audit_date=V9_AUDIT, indicators=(32,))
    (gap,) = findings(report.indicator(32), "check_ameliorations_tracees")
    assert "dates ou échéances" in gap.message


def test_risk_analysis_required_from_2026(run_ws: RunWs) -> None:
    files = {"siege/plan-amelioration.md": PLAN}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    result = report.indicator(32)
    assert outcomes(result, "check_ameliorations_tracees") == ["passed"]
    (gap,) = findings(result, "check_analyse_risques")
    assert gap.outcome == "gap" and "Aucune analyse des risques" in gap.message
    assert result.status == "nc_major"
    files["siege/risques.md"] = RISKS
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    result = report.indicator(32)
    assert outcomes(result, "check_analyse_risques") == ["passed"]
    assert result.status == "conform"


def test_risk_list_without_measures_is_a_gap(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [32]\nkind: analyse-risques\ndate: 2026-09-01\n---\n"
        "# Risques\nRisques pour les formations : absence d'un formateur, abandon.\n"
    )
    files = {"siege/plan-amelioration.md": PLAN, "siege/risques.md": text}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    (gap,) = findings(report.indicator(32), "check_analyse_risques")
    assert "mesures de maîtrise" in gap.message
    assert list(gap.evidence) == ["siege/risques.md"]
