"""Indicator 11 (``rnq/checks/i11_assessment.py``): an assessment of learning (during, at the end
or throughout: any of them) linked to the objectives is required; « en cours et en fin » are
examples of the guide (advice); a satisfaction survey is not an assessment; placeholders prove
nothing.
"""

from __future__ import annotations

import pytest

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

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


def test_11_scenario_a_during_and_at_the_end_is_conform(run_ws: RunWs) -> None:
    """Review §2.1 #1 (scenario s_a, an NC majeure before): « Évaluations en cours et en fin de
    formation … QCM à la fin de chaque module, cas pratique noté le dernier jour »."""
    text = note(
        "11",
        "procedure",
        "# Procédure d'évaluation des acquis\nÉvaluations en cours et en fin de formation, au "
        "regard des objectifs du programme : QCM à la fin de chaque module, cas pratique noté le "
        "dernier jour.",
    )
    report = run_ws(
        CONFIG, {"pro/I11-procedure.md": text}, audit_date=V2026_AUDIT, indicators=(11,)
    )
    result = report.indicator(11)
    assert outcomes(result, "check_evaluation_acquis") == ["passed"]
    assert result.status == "conform"


@pytest.mark.parametrize(
    "wording",
    [
        "Les acquis sont évalués en cours et/ou en fin de formation, objectif par objectif.",
        "Évaluation intermédiaire et finale des compétences visées.",
    ],
)
def test_11_coordinated_forms_are_read(run_ws: RunWs, wording: str) -> None:
    """Review §2.7: the coordinated forms say both moments."""
    text = note("11", "evaluation", wording)
    report = run_ws(CONFIG, {"pro/eval.md": text}, audit_date=V2026_AUDIT, indicators=(11,))
    assert outcomes(report.indicator(11), "check_evaluation_acquis") == ["passed"]


def test_11_an_assessment_at_the_end_only_is_conform_with_advice(run_ws: RunWs) -> None:
    """« En cours et en fin » is an example of the guide: one moment is enough, the other is a
    point de vigilance."""
    text = note("11", "evaluation", "Évaluation finale à l'issue de la formation, par objectif.")
    report = run_ws(CONFIG, {"pro/eval.md": text}, audit_date=V9_AUDIT, indicators=(11,))
    result = report.indicator(11)
    assert outcomes(result, "check_evaluation_acquis") == ["passed", "advice"]
    [advice] = findings(result, "check_evaluation_acquis")[1:]
    assert advice.items == ("evaluation-en-cours",) and "Point de vigilance" in advice.message
    assert result.status == "conform"


def test_11_gap_without_a_link_to_the_objectives(run_ws: RunWs) -> None:
    text = note("11", "evaluation", "Un QCM de 20 questions est passé le dernier jour.")
    report = run_ws(CONFIG, {"pro/eval.md": text}, audit_date=V2026_AUDIT, indicators=(11,))
    result = report.indicator(11)
    [gap] = [f for f in findings(result, "check_evaluation_acquis") if f.outcome == "gap"]
    assert gap.items == ("lien-objectifs",)
    assert result.status == "nc_major"


def test_11_a_satisfaction_survey_is_not_an_assessment(run_ws: RunWs) -> None:
    survey = note(
        "11", "enquete-satisfaction", "Questionnaire à chaud en fin de formation : objectifs ?"
    )
    report = run_ws(CONFIG, {"pro/enquete.md": survey}, audit_date=V9_AUDIT, indicators=(11,))
    [finding] = findings(report.indicator(11), "check_evaluation_acquis")
    assert finding.outcome == "gap" and "satisfaction" in finding.message


def test_11_a_satisfaction_form_read_by_its_words_is_not_an_assessment(run_ws: RunWs) -> None:
    form = note(
        "11",
        "evaluation",
        "# Évaluation de la formation\nÊtes-vous satisfait de l'accueil ? Oui / Non\n"
        "Le formateur était-il clair ? Oui / Non\nNote globale de satisfaction : …/10",
    )
    report = run_ws(CONFIG, {"pro/eval.md": form}, audit_date=V2026_AUDIT, indicators=(11,))
    result = report.indicator(11)
    [gap] = [f for f in findings(result, "check_evaluation_acquis") if f.outcome == "gap"]
    assert "processus-evaluation" in gap.items
    assert result.status == "nc_major"


def test_11_placeholder_is_a_draft_gap(run_ws: RunWs) -> None:
    text = note("11", "evaluation", "Modalités d'évaluation : à définir.\nÉvaluation des acquis :")
    report = run_ws(CONFIG, {"pro/eval.md": text}, audit_date=V2026_AUDIT, indicators=(11,))
    result = report.indicator(11)
    [gap] = [f for f in findings(result, "check_evaluation_acquis") if f.outcome == "gap"]
    assert "brouillon" in gap.message
    assert result.status == "nc_major"
