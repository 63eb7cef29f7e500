"""Indicator 21 (``rnq/checks/i21_trainer_competences.py``): the competences required are defined
upstream and their mastery by the contributors is verified (niveau attendu) — from CVs, a
competence matrix, a procedure, a register read by its headers; where a trainers register
(CSV, XLSX or a table in a document, per unit or central) names trainers, each one shows a CV,
a diploma or qualification, an experience or a verification, else one gap naming the trainer
and the register line; the register itself and CV freshness are points de vigilance.
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

#: A recruitment procedure: competences defined upstream, mastery verified.
PROCEDURE = """\
---
indicators: [21]
kind: procedure
date: 2026-02-10
---
# Recrutement des formateurs
Pour chaque module, la fiche de poste précise les compétences techniques et pédagogiques
requises et le diplôme exigé. À l'embauche, le responsable pédagogique vérifie les diplômes et
les attestations d'expérience, conduit un entretien de recrutement et observe une séance.
"""

COMPETENCES = "check_competences_intervenants"
REGISTER_CHECK = "check_cv_de_chaque_intervenant"


def _of(result, check: str, outcome: str):  # type: ignore[no-untyped-def]
    return [f for f in findings(result, check) if f.outcome == outcome]


def test_every_trainer_with_a_cv_or_qualification_passes(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": REGISTER,
        "pro/cv/cv-marie-dupont.md": CV,
        "pro/cv/CV_MARTIN_Paul.md": CV,
        "pro/I21-procedure-recrutement.md": PROCEDURE,
    }
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(21,))
        result = report.indicator(21)
        assert outcomes(result, REGISTER_CHECK) == ["passed"]
        assert outcomes(result, COMPETENCES) == ["passed"]
        assert result.status == "conform"


def test_trainer_without_cv_is_one_item_naming_trainer_and_line(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": REGISTER,
        "pro/cv/cv-marie-dupont.md": CV,
        "pro/I21-procedure-recrutement.md": PROCEDURE,
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(21,))
    result = report.indicator(21)
    gaps = findings(result, REGISTER_CHECK)
    assert [f.outcome for f in gaps] == ["gap"]
    (gap,) = gaps
    assert "Paul Martin" in gap.message
    assert "pro/I21-registre-formateurs.csv, ligne 3" in gap.message
    assert list(gap.evidence) == ["pro/I21-registre-formateurs.csv"]
    assert gap.item is not None and gap.item.startswith("Paul Martin")
    assert list(gap.items) == ["maitrise-verifiee"]
    assert "contenu personnel" not in gap.message
    assert result.status == "nc_major"  # 21 is « majeure uniquement »


def test_cv_named_in_register_must_exist(run_ws: RunWs) -> None:
    files = {
        "pro/I21-registre-formateurs.csv": "Nom;Rôle;CV\nMarie Dupont;Formatrice;cv-md-2024.pdf\n",
        "pro/cv/cv-marie-dupont.md": CV,
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(21,))
    (gap,) = _of(report.indicator(21), REGISTER_CHECK, "gap")
    assert "cv-md-2024.pdf" in gap.message and "introuvable" in gap.message


def test_stale_cv_date_is_a_point_of_vigilance(run_ws: RunWs) -> None:
    """CV freshness is rnq's rule of thumb (review §1 row 33: E): advice, never an NC."""
    config = CONFIG + "freshness: {cv: 24}\n"
    files = {
        "pro/I21-registre-formateurs.csv": (
            "nom,rôle,date du CV\nMarie Dupont,Formatrice,15/01/2023\nPaul Martin,Formateur,"
            "01/09/2026\n"
        ),
        "pro/I21-procedure-recrutement.md": PROCEDURE,
    }
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(21,))
    result = report.indicator(21)
    assert not _of(result, REGISTER_CHECK, "gap")
    (advice,) = _of(result, REGISTER_CHECK, "advice")
    assert "Marie Dupont" in advice.message and "15/01/2023" in advice.message
    assert "règle indicative" in advice.message
    assert list(advice.items) == ["cv-a-jour"]
    assert result.status == "conform"
    # without a freshness rule for CVs, a dated CV is enough
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(21,))
    assert outcomes(report.indicator(21), REGISTER_CHECK) == ["passed"]


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
    gaps = _of(report.indicator(21), REGISTER_CHECK, "gap")
    # the central register is judged once (not once per unit), against every unit's CVs
    assert len(gaps) == 1
    assert "Cv Sans" in gaps[0].message and "ligne 4" in gaps[0].message
    assert gaps[0].unit == "siege"


def test_register_with_unknown_headers_is_to_confirm(run_ws: RunWs) -> None:
    """A register is rnq's rule of thumb: one it cannot read is advice to confirm, and the
    indicator is judged on what the niveau attendu asks."""
    files = {
        "pro/I21-registre-formateurs.csv": "Personne;Infos\nMarie Dupont;Formatrice\n",
        "pro/cv/cv-marie-dupont.md": CV,
        "pro/I21-procedure-recrutement.md": PROCEDURE,
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(21,))
    result = report.indicator(21)
    advice = _of(result, REGISTER_CHECK, "advice")
    unread = [a for a in advice if a.confirm]
    assert len(unread) == 1
    assert "pro/I21-registre-formateurs.csv" in unread[0].evidence
    assert "nom de l'intervenant" in unread[0].message
    assert result.status == "conform"


def test_no_register_with_cvs_and_a_procedure_is_conform(run_ws: RunWs) -> None:
    """Review scenario s_21_no_register: CVs and a competence procedure, no register — was an
    NC majeure (« Aucun registre des intervenants »). The register is a point de vigilance."""
    files = {
        "pro/cv/cv-marie-dupont.md": CV,
        "pro/cv/cv-paul-martin.md": CV,
        "pro/I21-procedure-recrutement.md": PROCEDURE,
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(21,))
    result = report.indicator(21)
    assert not [f for f in result.findings if f.outcome == "gap"]
    (advice,) = _of(result, REGISTER_CHECK, "advice")
    assert list(advice.items) == ["registre-intervenants"] and not advice.confirm
    assert result.status == "conform"


def test_a_competence_matrix_alone_is_conform(run_ws: RunWs) -> None:
    """No CV file and no register kind: a matrix of trainers, modules, required competences
    and their verification shows both things the niveau attendu asks."""
    matrix = (
        "Intervenant·e;Module;Compétence requise;Justifiée par;Vérifié le\n"
        "Aïssatou Diallo;Soudure TIG;Qualification EN ISO 9606-1;Certificat + CV;12/09/2025\n"
        "Marc Prigent;Chaudronnerie;BTS CRCI ou 10 ans d'atelier;BTS CRCI + CV;12/09/2025\n"
    )
    report = run_ws(
        CONFIG, {"pro/I21-matrice.csv": matrix}, audit_date=V2026_AUDIT, indicators=(21,)
    )
    result = report.indicator(21)
    assert outcomes(result, COMPETENCES) == ["passed"]
    assert outcomes(result, REGISTER_CHECK) == ["passed"]
    assert result.status == "conform"


def test_cvs_alone_do_not_define_the_competences_required(run_ws: RunWs) -> None:
    """CVs show the verification, not what is required: « définies en amont » is the
    niveau attendu's, so its absence is a gap."""
    report = run_ws(
        CONFIG, {"pro/cv/cv-marie-dupont.md": CV}, audit_date=V9_AUDIT, indicators=(21,)
    )
    result = report.indicator(21)
    (gap,) = _of(result, COMPETENCES, "gap")
    assert list(gap.items) == ["competences-definies"]
    assert "compétences requises définies en amont" in gap.message
    assert "seuls des CV" in gap.message and "contenu personnel" not in gap.message
    assert result.status == "nc_major"


def test_no_verification_anywhere_is_a_gap(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [21]\n---\n# Nos formateurs\nLe profil requis est défini pour chaque "
        "module : 5 ans d'expérience minimum dans le métier. Pour les vacataires, nous ne "
        "demandons ni CV ni diplôme : aucune vérification n'est faite.\n"
    )
    report = run_ws(CONFIG, {"pro/I21-note.md": text}, audit_date=V2026_AUDIT, indicators=(21,))
    (gap,) = _of(report.indicator(21), COMPETENCES, "gap")
    assert list(gap.items) == ["maitrise-verifiee"]


def test_a_register_in_a_document_and_its_missing_pieces(run_ws: RunWs) -> None:
    """A register written as a table in a document is read by its headers too; « non reçu »,
    « à faire » are nothing."""
    text = (
        "---\nindicators: [21]\n---\n# Intervenants\n\n"
        "| Nom | Module | CV | Diplôme | Vérification |\n|---|---|---|---|---|\n"
        "| Anne Marchal | Anglais | reçu 01/2026 | Master LEA | faite le 15/01/2026 |\n"
        "| Paul Durand | Excel | non reçu | | à faire |\n"
    )
    files = {"pro/I21-intervenants.md": text, "pro/I21-procedure-recrutement.md": PROCEDURE}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(21,))
    (gap,) = _of(report.indicator(21), REGISTER_CHECK, "gap")
    assert "Paul Durand" in gap.message and "ligne" not in gap.message
    assert "Anne Marchal" not in gap.message


def test_a_blank_job_description_is_a_draft(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [21]\n---\nFICHE DE POSTE — FORMATEUR (modèle)\nMissions : à définir\n"
        "Compétences requises : à définir\nDiplôme :\nJustificatifs demandés : à compléter\n"
    )
    report = run_ws(CONFIG, {"pro/I21-fiche.md": text}, audit_date=V2026_AUDIT, indicators=(21,))
    (gap,) = _of(report.indicator(21), COMPETENCES, "gap")
    assert "brouillon" in gap.message
