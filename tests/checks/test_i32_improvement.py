"""Indicator 32 (``rnq/checks/i32_improvement.py``, « NC majeure uniquement »): improvement
measures drawn from the analysis of the feedback and of the complaints, in any record; from
rnq-2026 a quality risk analysis. Dates and deadlines, an action « plan » and risk-control
measures are not in the wording: points de vigilance only.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes


def advice_of(result, check: str):  # type: ignore[no-untyped-def]
    return [f for f in findings(result, check) if f.outcome == "advice"]


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


UNDATED = """\
---
indicators: [32]
kind: amelioration
---
# Bilan qualité 2026
Les enquêtes de satisfaction montrent des supports jugés datés ; deux réclamations portent sur
le délai de correction des exercices.
Actions décidées : refonte des supports ; correction des exercices sous une semaine.
"""


def test_undated_actions_are_only_advice(run_ws: RunWs) -> None:
    """False alarm (g'), under rnq-2019-v9: dates appear nowhere in the reference."""
    report = run_ws(CONFIG, {"siege/plan.md": UNDATED}, audit_date=V9_AUDIT, indicators=(32,))
    result = report.indicator(32)
    (advice,) = advice_of(result, "check_ameliorations_tracees")
    assert "dates ou échéances" in advice.message and "règle indicative de rnq" in advice.message
    assert not advice.confirm
    assert result.status == "conform"


def test_plan_without_deadlines_and_a_risk_analysis_is_conform_in_2026(run_ws: RunWs) -> None:
    """False alarm (g), scenario s_g: a plan without deadlines, under rnq-2026."""
    files = {"siege/plan.md": UNDATED, "siege/risques.md": RISKS}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    result = report.indicator(32)
    assert sorted(outcomes(result, "check_ameliorations_tracees")) == ["advice", "passed"]
    assert outcomes(result, "check_analyse_risques") == ["passed"]
    assert result.status == "conform"


def test_any_improvement_record_will_do(run_ws: RunWs) -> None:
    """The guide's « plan d'actions » is an example: management-review minutes with no plan
    and « aucune réclamation reçue » satisfy the wording."""
    review = """\
---
indicators: [32]
date: 2026-09-15
---
# Compte rendu de revue de direction — septembre 2026
Les retours des stagiaires (questionnaires de fin de formation) signalent des journées trop
longues. Aucune réclamation n'a été reçue cette année.
Décision : journées ramenées à 7 heures à partir d'octobre.
"""
    report = run_ws(CONFIG, {"siege/revue.md": review}, audit_date=V9_AUDIT, indicators=(32,))
    result = report.indicator(32)
    assert "gap" not in outcomes(result, "check_ameliorations_tracees")
    assert result.status == "conform"


def test_the_empty_template_is_said_to_be_one(run_ws: RunWs) -> None:
    """Review §4, placeholder 5: « Enquêtes : / Réclamations : / Actions : / Échéance : »."""
    text = "---\nindicators: [32]\n---\nEnquêtes : / Réclamations : / Actions : / Échéance :\n"
    report = run_ws(CONFIG, {"siege/plan.md": text}, audit_date=V9_AUDIT, indicators=(32,))
    result = report.indicator(32)
    (gap,) = [f for f in findings(result, "check_ameliorations_tracees") if f.outcome == "gap"]
    assert "modèle vide" in gap.message and "siege/plan.md" in gap.message
    assert result.status == "nc_major"


def test_risk_analysis_required_from_2026(run_ws: RunWs) -> None:
    files = {"siege/plan-amelioration.md": PLAN}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    result = report.indicator(32)
    assert outcomes(result, "check_ameliorations_tracees") == ["passed"]
    (gap,) = [f for f in findings(result, "check_analyse_risques") if f.outcome == "gap"]
    assert "analyse des risques sur la qualité" in gap.message
    assert gap.items == ("analyse-risques",)
    assert result.status == "nc_major"
    files["siege/risques.md"] = RISKS
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    result = report.indicator(32)
    assert outcomes(result, "check_analyse_risques") == ["passed"]
    assert result.status == "conform"


def test_risk_list_without_measures_is_only_advice(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [32]\nkind: analyse-risques\ndate: 2026-09-01\n---\n"
        "# Risques\nRisques pour les formations : absence d'un formateur, abandon en cours de "
        "parcours, panne de la plateforme.\n"
    )
    files = {"siege/plan-amelioration.md": PLAN, "siege/risques.md": text}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    result = report.indicator(32)
    (advice,) = advice_of(result, "check_analyse_risques")
    assert "mesures de maîtrise" in advice.message
    assert "siege/risques.md" in advice.message
    assert result.status == "conform"


def test_a_title_or_no_risk_found_is_not_a_risk_analysis(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [32]\nkind: analyse-risques\ndate: 2026-09-01\n---\n"
        "# Analyse des risques sur la qualité des formations\nAprès réflexion, aucun risque n'a "
        "été identifié à ce jour : nos stagiaires sont satisfaits.\n"
    )
    files = {"siege/plan-amelioration.md": PLAN, "siege/risques.md": text}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(32,))
    (gap,) = [
        f for f in findings(report.indicator(32), "check_analyse_risques") if f.outcome == "gap"
    ]
    assert gap.items == ("analyse-risques",)
