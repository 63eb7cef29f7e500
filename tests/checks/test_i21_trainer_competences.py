"""Indicator 21 (``rnq/checks/i21_trainer_competences.py``): each trainer in the register (CSV
or XLSX, per unit or central) has a CV or a qualification; a missing or stale CV is one item
naming the trainer and the register line; a register with unknown headers is not verified.
"""

from __future__ import annotations

import io

import xlsxwriter

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

TWO_UNITS = (
    CONFIG
    + """\
  - id: langues
    name: "Pôle langues"
"""
)

CV = "---\nindicators: [21]\nkind: cv\ndate: 2026-03-01\n---\nCV (contenu personnel)\n"

REGISTER = (
    "Nom;Rôle;Fichier CV;Qualification\n"
    "Marie Dupont;Formatrice;cv-marie-dupont.md;\n"
    "Paul Martin;Formateur;;\n"
    "Léa Petit;Jury;;BTS Fleuriste\n"
)


def test_every_trainer_with_a_cv_or_qualification_passes(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": REGISTER,
        "pro/cv/cv-marie-dupont.md": CV,
        "pro/cv/CV_MARTIN_Paul.md": CV,
    }
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(21,))
        result = report.indicator(21)
        assert outcomes(result, "check_cv_de_chaque_intervenant") == ["passed"]
        assert result.status == "conform"


def test_trainer_without_cv_is_one_item_naming_trainer_and_line(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": REGISTER,
        "pro/cv/cv-marie-dupont.md": CV,
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(21,))
    result = report.indicator(21)
    gaps = findings(result, "check_cv_de_chaque_intervenant")
    assert [f.outcome for f in gaps] == ["gap"]
    (gap,) = gaps
    assert "Paul Martin" in gap.message
    assert "pro/I21-registre-formateurs.csv, ligne 3" in gap.message
    assert list(gap.evidence) == ["pro/I21-registre-formateurs.csv"]
    assert gap.item is not None and gap.item.startswith("Paul Martin")
    assert "contenu personnel" not in gap.message
    assert result.status == "nc_major"  # 21 is « majeure uniquement »


def test_cv_named_in_register_must_exist(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": "Nom;Rôle;CV\nMarie Dupont;Formatrice;cv-md-2024.pdf\n",
        "pro/cv/cv-marie-dupont.md": CV,
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(21,))
    (gap,) = findings(report.indicator(21), "check_cv_de_chaque_intervenant")
    assert gap.outcome == "gap"
    assert "cv-md-2024.pdf" in gap.message and "introuvable" in gap.message


def test_stale_cv_date_when_cv_freshness_is_set(run_ws: RunWs) -> None:
    config = CONFIG + "freshness: {cv: 24}\n"
    files = {
        "pro/I21-registre-formateurs.csv": (
            "nom,rôle,date du CV\nMarie Dupont,Formatrice,15/01/2023\nPaul Martin,Formateur,"
            "01/09/2026\n"
        ),
    }
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(21,))
    gaps = findings(report.indicator(21), "check_cv_de_chaque_intervenant")
    assert len(gaps) == 1
    assert "Marie Dupont" in gaps[0].message and "15/01/2023" in gaps[0].message
    assert "fraîcheur indicative" in gaps[0].message
    # without a freshness rule for CVs, a dated CV is enough
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(21,))
    assert outcomes(report.indicator(21), "check_cv_de_chaque_intervenant") == ["passed"]


def test_xlsx_register_with_title_row_and_central_cvs(run_ws: RunWs) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Formateurs")
    sheet.write_row(0, 0, ["Registre des intervenants 2026"])
    sheet.write_row(1, 0, ["NOM", "Prénom", "ROLE"])
    sheet.write_row(2, 0, ["Dupont", "Marie", "Formatrice"])
    sheet.write_row(3, 0, ["Sans", "Cv", "Tuteur"])
    book.close()
    files = {
        "siege/I21-registre-intervenants.xlsx": buffer.getvalue(),
        "pro/cv/cv-dupont-marie.md": CV,
    }
    report = run_ws(TWO_UNITS, files, audit_date=V2026_AUDIT, indicators=(21,))
    gaps = [
        f
        for f in findings(report.indicator(21), "check_cv_de_chaque_intervenant")
        if f.outcome == "gap"
    ]
    # the central register is judged once (not once per unit), against every unit's CVs
    assert len(gaps) == 1
    assert "Cv Sans" in gaps[0].message and "ligne 4" in gaps[0].message
    assert gaps[0].unit == "siege"


def test_register_with_unknown_headers_is_not_verified(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": "Identité;Poste\nMarie Dupont;Formatrice\n",
        "pro/cv/cv-marie-dupont.md": CV,
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(21,))
    result = report.indicator(21)
    (finding,) = findings(result, "check_cv_de_chaque_intervenant")
    assert finding.outcome == "not_verified"
    assert "pro/I21-registre-formateurs.csv" in finding.evidence
    assert "nom, rôle" in finding.message
    assert result.status == "not_assessed"


def test_cvs_without_register_are_a_gap(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG, {"pro/cv/cv-marie-dupont.md": CV}, audit_date=V9_AUDIT, indicators=(21,)
    )
    (gap,) = findings(report.indicator(21), "check_cv_de_chaque_intervenant")
    assert gap.outcome == "gap" and "Aucun registre des intervenants" in gap.message
