"""Indicator 5 (``rnq/checks/i05_objectives.py``), per offering: the objectives are
operational and assessable, whether on their own document or on the programme sheet, in the
words providers use (« vous saurez… », « être capable de », a list of action verbs).
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, only
from .conftest import flexible_note as note

OBJECTIVES = """\
Objectifs : à l'issue de la formation, le stagiaire sera capable de :
- construire un tableau croisé dynamique ;
- réaliser un graphique.
Évaluation : exercice noté sur cas réel, critères de réussite définis.
"""


def test_operational_assessable_objectives_pass(run_ws: RunWs) -> None:
    files = {"pro/excel/I05-objectifs.md": note("5", None, OBJECTIVES)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(5,))
    assert only(report, 5, "check_objectifs_evaluables", "excel").outcome == "passed"


def test_vague_objectives_are_a_gap(run_ws: RunWs) -> None:
    text = (
        "Excel pour tous — session de mars 2026, deux jours à Poitiers.\n"
        "Objectifs : connaître Excel ; sensibiliser aux bonnes pratiques.\n"
    )
    files = {"pro/excel/I05-objectifs.md": note("5", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(5,))
    gap = only(report, 5, "check_objectifs_evaluables", "excel")
    assert gap.outcome == "gap"
    assert "objectifs opérationnels" in gap.message and "objectifs évaluables" in gap.message
    assert report.indicator(5).offerings["excel"] == "nc_major"


def test_objectives_on_the_programme_sheet_count(run_ws: RunWs) -> None:
    files = {
        "pro/excel/I05-evaluation.md": note("5", None, "Grille d'évaluation des acquis.\n"),
        "pro/excel/programme.md": note("1", "programme", OBJECTIVES.replace("Évaluation", "")),
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(5,))
    finding = only(report, 5, "check_objectifs_evaluables", "excel")
    assert finding.outcome == "passed"


def test_natural_phrasing_passes(run_ws: RunWs) -> None:
    """check-review §3.2 (check_objectifs_evaluables): « Ce que vous saurez faire », « vous
    saurez », « Atteinte vérifiée par un cas pratique final » are objectives, operational and
    assessable."""
    text = """\
    Ce que vous saurez faire en sortant
    - Établir un bulletin de paie conforme ;
    - Calculer les absences et les congés payés.
    Atteinte vérifiée par un cas pratique final : trois bulletins justes à l'euro près.
    """
    files = {"pro/excel/I05-objectifs.md": note("5", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(5,))
    assert only(report, 5, "check_objectifs_evaluables", "excel").outcome == "passed"


def test_a_satisfaction_survey_does_not_assess_the_objectives(run_ws: RunWs) -> None:
    text = """\
    À l'issue de la formation, vous serez capable de rédiger un compte rendu de réunion.
    Évaluation : questionnaire de satisfaction à chaud.
    """
    files = {"pro/excel/I05-objectifs.md": note("5", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(5,))
    gap = only(report, 5, "check_objectifs_evaluables", "excel")
    assert gap.outcome == "gap" and gap.items == ("objectifs-evaluables",)


def test_a_pointer_to_an_annex_states_no_objective(run_ws: RunWs) -> None:
    text = """\
    Proposition commerciale — formation « Négociation achats », 2 jours.
    Objectifs : cf. annexe 2.
    Tarif : 2 600 € HT. Annexe 1 : conditions générales de vente.
    """
    files = {"pro/excel/I05.md": note("5", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(5,))
    gap = only(report, 5, "check_objectifs_evaluables", "excel")
    assert gap.outcome == "gap"
    assert set(gap.items) == {"objectifs", "objectifs-operationnels", "objectifs-evaluables"}
