"""Indicator 33 (``rnq/checks/i33_course_evaluation.py``, CFA, rnq-2026 only): apprentices
evaluate the teaching through a mechanism distinct from the satisfaction survey, the results
are shared with the teaching teams, improvement actions follow and their effect is measured.
The whole text is provisional: what is missing reads « à confirmer », never an NC.
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
    [finding] = [
        f for f in findings(result, "check_evaluation_enseignements") if f.outcome == "advice"
    ]
    assert finding.confirm and finding.items == ("mesure-efficacite",)
    assert "efficacité" in finding.message and "provisoire" in finding.message
    assert result.status == "conform"  # indicator 33 is provisional: « à confirmer », uncounted


def test_33_a_general_satisfaction_survey_is_not_enough(run_ws: RunWs) -> None:
    survey = note(
        "33",
        "enquete-satisfaction",
        """# Questionnaire de satisfaction annuel des apprentis — mai 2026
Êtes-vous satisfait de l'accueil, de la restauration, des cours, des équipements ? (1 à 4)
C'est le seul questionnaire proposé aux apprentis dans l'année.""",
    )
    report = run_ws(CFA_CONFIG, {"pro/s.md": survey}, audit_date=V2026_AUDIT, indicators=(33,))
    result = report.indicator(33)
    advice = [
        f for f in findings(result, "check_evaluation_enseignements") if f.outcome == "advice"
    ]
    assert advice and all(f.confirm for f in advice)
    assert any("distinct" in f.message for f in advice)
    assert any("partagés avec les équipes" in f.message for f in advice)
    assert result.status == "conform"


def test_33_a_draft_is_said_to_be_one_and_is_not_counted(run_ws: RunWs) -> None:
    draft = note(
        "33",
        "evaluation",
        """Évaluation des enseignements par les apprentis : à venir
Questionnaire : à rédiger
Diffusion des résultats : à définir""",
    )
    report = run_ws(CFA_CONFIG, {"pro/d.md": draft}, audit_date=V2026_AUDIT, indicators=(33,))
    result = report.indicator(33)
    outcomes_seen = outcomes(result, "check_evaluation_enseignements")
    assert "gap" not in outcomes_seen
    (said,) = [
        f for f in findings(result, "check_evaluation_enseignements") if "brouillon" in f.message
    ]
    assert said.outcome == "advice" and said.confirm and "provisoire" in said.message
    assert result.status == "conform"
