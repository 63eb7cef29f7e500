"""Indicator 8 (``rnq/checks/i08_positioning.py``), per offering: a positioning procedure with
an entry assessment (or a statement that nothing is required); a bilan is not concerned.
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, only
from .conftest import flexible_note as note

POSITIONING = """\
Procédure de positionnement : entretien individuel puis test de niveau d'entrée (QCM).
Les résultats permettent d'individualiser le parcours.
"""


def test_positioning_passes(run_ws: RunWs) -> None:
    files = {"pro/excel/I08-positionnement.md": note("8", "positionnement", POSITIONING)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, "check_positionnement", "excel").outcome == "passed"
    assert report.indicator(8).offerings["excel"] == "conform"


def test_positioning_without_entry_assessment_is_a_minor_gap(run_ws: RunWs) -> None:
    text = "Chaque stagiaire est reçu en entretien d'admission.\n"
    files = {"pro/excel/I08-positionnement.md": note("8", "positionnement", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(8,))
    gap = only(report, 8, "check_positionnement", "excel")
    assert gap.outcome == "gap" and "évaluation des acquis à l'entrée" in gap.message
    assert "procédure de positionnement" not in gap.message
    assert report.indicator(8).offerings["excel"] == "nc_minor"  # minor or major


def test_positioning_does_not_apply_to_a_bilan(run_ws: RunWs) -> None:
    """Scope before content: indicator 8 (AF, CFA) never runs on a bilan — no check, no
    presence gap, so never both « not applicable » and a gap (review §2.2)."""
    files = {"pro/bilan/I08.md": note("8", "positionnement", "Rien.\n")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert [f for f in report.indicator(8).findings if f.offering == "bilan"] == []
    assert "bilan" not in report.indicator(8).offerings


def test_no_prerequisite_statement_counts_as_entry_assessment(run_ws: RunWs) -> None:
    text = "Positionnement : auto-positionnement en ligne. Aucun prérequis n'est exigé.\n"
    files = {"pro/excel/I08.md": note("8", "positionnement", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, "check_positionnement", "excel").outcome == "passed"
