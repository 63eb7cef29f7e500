"""Indicator 5 (``rnq/checks/i05_objectives.py``), per offering: the objectives are
operational and assessable, whether on their own document or on the programme sheet.
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
    text = "Objectifs : connaître Excel ; sensibiliser aux bonnes pratiques.\n"
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
