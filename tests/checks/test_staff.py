"""Criterion 5: a CV or qualification for each trainer (21), a current development plan (22)."""

from __future__ import annotations

import io

import xlsxwriter

from tests.checks.conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

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


PLAN = """\
---
indicators: [22]
kind: plan-competences
date: {date}
---
# Plan de développement des compétences {title}
Formation des formateurs à la classe virtuelle ; analyse des pratiques ; entretiens
professionnels des salariés.
"""


def test_current_development_plan_passes(run_ws: RunWs) -> None:
    for audit in (V9_AUDIT, V2026_AUDIT):
        files = {"siege/pdc.md": PLAN.format(date="2026-02-01", title="")}
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(22,))
        assert outcomes(report.indicator(22), "check_plan_developpement_competences") == ["passed"]
        assert report.indicator(22).status == "conform"


def test_old_plan_covering_the_audit_year_passes(run_ws: RunWs) -> None:
    files = {"siege/pdc.md": PLAN.format(date="2025-01-10", title="2025-2027")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    assert outcomes(report.indicator(22), "check_plan_developpement_competences") == ["passed"]


def test_stale_plan_is_a_major_gap(run_ws: RunWs) -> None:
    files = {"siege/pdc.md": PLAN.format(date="2024-09-01", title="2024-2025")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    result = report.indicator(22)
    (gap,) = findings(result, "check_plan_developpement_competences")
    assert gap.outcome == "gap"
    assert "pas à jour" in gap.message and "01/09/2024" in gap.message
    assert gap.unit == "siege"
    assert result.status == "nc_major"


def test_plan_without_training_actions_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/pdc.md": "---\nindicators: [22]\nkind: plan-competences\ndate: 2026-06-01\n---\n"
        "# Plan 2026\nBudget prévu : 12 000 euros.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(22,))
    (gap,) = findings(report.indicator(22), "check_plan_developpement_competences")
    assert gap.outcome == "gap"
    assert "actions de formation" in gap.message and "personnels concernés" in gap.message


def test_evidence_for_22_without_a_plan_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/I22-note.md": "---\nindicators: [22]\ndate: 2026-06-01\n---\nNote RH sur les "
        "recrutements.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(22,))
    (gap,) = findings(report.indicator(22), "check_plan_developpement_competences")
    assert gap.outcome == "gap" and "Aucun plan de développement" in gap.message


def test_new_entrant_plan_is_audited_at_surveillance(run_ws: RunWs) -> None:
    config = CONFIG.replace("type: renewal", "type: initial").replace(
        "categories: [AF]\n", "categories: [AF]\nactivity: {new_entrant: true}\n"
    )
    files = {"siege/pdc.md": PLAN.format(date="2023-01-01", title="2023")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(22,))
    assert outcomes(report.indicator(22), "check_plan_developpement_competences") == [
        "not_applicable"
    ]
