"""Indicator 11 (``rnq/checks/i11_assessment.py``): learning is assessed during and at the end
of the training, against its objectives; a satisfaction survey is not an assessment.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, RunWs, findings, note, outcomes

EVALUATION = note(
    "11",
    "evaluation",
    """# Évaluation des acquis
Quiz en cours de formation après chaque module ; évaluation finale à l'issue de la formation.
Chaque évaluation porte sur les objectifs du programme.""",
)


def test_11_passes_with_assessments_during_and_at_the_end(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/eval.md": EVALUATION}, audit_date=V9_AUDIT, indicators=(11,))
    assert outcomes(report.indicator(11), "check_evaluation_acquis") == ["passed"]


def test_11_gap_without_an_assessment_during_the_training(run_ws: RunWs) -> None:
    text = note("11", "evaluation", "Évaluation finale à l'issue de la formation, par objectif.")
    report = run_ws(CONFIG, {"pro/eval.md": text}, audit_date=V9_AUDIT, indicators=(11,))
    [finding] = findings(report.indicator(11), "check_evaluation_acquis")
    assert finding.outcome == "gap" and "en cours de prestation" in finding.message
    assert report.indicator(11).status == "nc_major"


def test_11_a_satisfaction_survey_is_not_an_assessment(run_ws: RunWs) -> None:
    survey = note(
        "11", "enquete-satisfaction", "Questionnaire à chaud en fin de formation : objectifs ?"
    )
    report = run_ws(CONFIG, {"pro/enquete.md": survey}, audit_date=V9_AUDIT, indicators=(11,))
    [finding] = findings(report.indicator(11), "check_evaluation_acquis")
    assert finding.outcome == "gap" and "satisfaction" in finding.message
