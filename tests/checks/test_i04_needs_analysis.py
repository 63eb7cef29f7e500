"""Indicator 4 (``rnq/checks/i04_needs_analysis.py``), per offering: the beneficiary's needs
are analysed together with the company and/or the funder (for apprenticeship, the tasks the
company entrusts), from the document's text, not its front matter.
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, only
from .conftest import flexible_note as note

NEEDS = """\
Grille d'analyse du besoin — entretien préalable avec le stagiaire.
Attentes et projet professionnel du bénéficiaire : ...
Échange avec l'employeur et l'OPCO financeur : objectifs de l'entreprise.
"""


def test_needs_analysis_passes(run_ws: RunWs) -> None:
    files = {"pro/excel/I04-analyse-besoin.md": note("4", "analyse-besoin", NEEDS)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    assert only(report, 4, "check_analyse_besoin", "excel").outcome == "passed"
    assert report.indicator(4).offerings["excel"] == "conform"


def test_needs_analysis_without_company_or_funder_is_a_major_gap(run_ws: RunWs) -> None:
    text = "Entretien préalable : attentes du stagiaire et son projet professionnel.\n"
    files = {"pro/excel/I04-besoin.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(4,))
    gap = only(report, 4, "check_analyse_besoin", "excel")
    assert gap.outcome == "gap" and "lien avec l'entreprise et/ou le financeur" in gap.message
    assert "analyse du besoin du bénéficiaire" not in gap.message
    assert "« Excel »" in gap.message and "pro/excel/I04-besoin.md" in gap.message
    assert report.indicator(4).offerings["excel"] == "nc_major"  # major-only indicator


def test_apprenticeship_needs_analysis_checks_the_company_tasks(run_ws: RunWs) -> None:
    files = {"pro/apprenti/I04-besoin.md": note("4", "analyse-besoin", NEEDS)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    gap = only(report, 4, "check_analyse_besoin", "apprenti")
    assert gap.outcome == "gap" and "missions" in gap.message
    text = NEEDS + "Les missions confiées par l'entreprise correspondent au référentiel du CAP.\n"
    files = {"pro/apprenti/I04-besoin.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    assert only(report, 4, "check_analyse_besoin", "apprenti").outcome == "passed"


def test_front_matter_words_do_not_count(run_ws: RunWs) -> None:
    # "kind: analyse-besoin" in the front matter says nothing of the content
    files = {"pro/excel/I04.md": note("4", "analyse-besoin", "Document en cours.\n")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    gap = only(report, 4, "check_analyse_besoin", "excel")
    assert gap.outcome == "gap" and "analyse du besoin du bénéficiaire" in gap.message
