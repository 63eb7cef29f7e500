"""Indicator 33 (``rnq/checks/i33_course_evaluation.py``, CFA, rnq-2026 only): apprentices
evaluate the teaching through a mechanism distinct from the satisfaction survey, and the
effect of the resulting actions is measured (a gap rests on a provisional reading).
"""

from __future__ import annotations

from .conftest import CFA_CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

EVALUATION_ENSEIGNEMENTS = note(
    "33",
    "evaluation",
    """# Évaluation des enseignements par les apprentis
Questionnaire par module, distinct de l'enquête de satisfaction. Résultats présentés aux
formateurs en réunion pédagogique ; plan d'actions d'amélioration dont l'efficacité est mesurée
lors de la revue annuelle.""",
)


def test_33_exists_only_under_2026(run_ws: RunWs) -> None:
    files = {"pro/e.md": EVALUATION_ENSEIGNEMENTS}
    report = run_ws(CFA_CONFIG, files, audit_date=V9_AUDIT)
    assert all(r.number != 33 for r in report.indicators)
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(33,))
    assert outcomes(report.indicator(33), "check_evaluation_enseignements") == ["passed"]
    assert report.indicator(33).status == "conform"


def test_33_gap_is_provisional_and_names_what_is_missing(run_ws: RunWs) -> None:
    text = EVALUATION_ENSEIGNEMENTS.replace(
        " dont l'efficacité est mesurée\nlors de la revue annuelle", ""
    )
    report = run_ws(CFA_CONFIG, {"pro/e.md": text}, audit_date=V2026_AUDIT, indicators=(33,))
    result = report.indicator(33)
    [finding] = findings(result, "check_evaluation_enseignements")
    assert finding.outcome == "advice" and finding.confirm
    assert "efficacité" in finding.message
    assert result.status == "conform"  # indicator 33 is provisional: « à confirmer », uncounted


def test_33_a_general_satisfaction_survey_is_not_enough(run_ws: RunWs) -> None:
    survey = note("33", "enquete-satisfaction", "Enquête de satisfaction annuelle des apprentis.")
    report = run_ws(CFA_CONFIG, {"pro/s.md": survey}, audit_date=V2026_AUDIT, indicators=(33,))
    [finding] = findings(report.indicator(33), "check_evaluation_enseignements")
    assert finding.outcome == "advice" and finding.confirm and "distinct" in finding.message
