"""Content checks of criterion 2, per offering: needs analysis (4), objectives (5), content and
methods (6), certification match and capacity (7), entry positioning (8)."""

from __future__ import annotations

from rnq.verdict.report import Report, ReportFinding
from tests.checks.conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings
from tests.checks.test_information import note

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, BC, CFA]
activity: {alternance: true}
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345"}
      - {id: excel, title: "Excel"}
      - {id: bilan, title: "Bilan de compétences", category: BC}
      - {id: apprenti, title: "CAP Fleuriste par apprentissage", category: CFA}
"""


def mine(report: Report, number: int, check: str, offering: str) -> list[ReportFinding]:
    """The findings of ``check`` on indicator ``number`` for one offering."""
    return [f for f in findings(report.indicator(number), check) if f.offering == offering]


def only(report: Report, number: int, check: str, offering: str) -> ReportFinding:
    (finding,) = mine(report, number, check, offering)
    return finding


# --- Indicator 4 ----------------------------------------------------------------------------

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


# --- Indicator 5 ----------------------------------------------------------------------------

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


# --- Indicator 6 ----------------------------------------------------------------------------

CONTENT = """\
Programme détaillé — module 1 : tableaux ; module 2 : graphiques.
Modalités pédagogiques : présentiel, exercices pratiques, calendrier sur 2 jours.
Objectifs visés par chaque séquence. Public visé : salariés ; adaptation au niveau de chacun.
"""


def test_content_and_methods_pass(run_ws: RunWs) -> None:
    files = {"pro/excel/I06-deroule.md": note("6", None, CONTENT)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(6,))
    assert only(report, 6, "check_contenus_modalites", "excel").outcome == "passed"


def test_content_without_methods_or_public_is_a_gap(run_ws: RunWs) -> None:
    files = {"pro/excel/I06-deroule.md": note("6", None, "Module 1 : tableaux.\n")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(6,))
    gap = only(report, 6, "check_contenus_modalites", "excel")
    assert gap.outcome == "gap" and "modalités de mise en œuvre" in gap.message
    assert "adaptation aux publics bénéficiaires" in gap.message
    assert "contenus (programme" not in gap.message
    assert report.indicator(6).offerings["excel"] == "nc_major"


# --- Indicator 7 ----------------------------------------------------------------------------

MAPPING = """\
Tableau croisé : module 1 → bloc de compétences 1 du référentiel de certification RNCP12345.
Préparation aux épreuves du CAP (CCF).
"""
CAPACITY = "Établissement habilité par le rectorat à organiser le CCF.\n"


def test_certification_mapping_passes_under_v9(run_ws: RunWs) -> None:
    files = {"pro/cap/I07-tableau-croise.md": note("7", None, MAPPING)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    seven = report.indicator(7)
    assert only(report, 7, "check_adequation_certification", "cap").outcome == "passed"
    assert findings(seven, "check_capacite_certification") == []  # rnq-2026 only
    assert seven.offerings == {"cap": "conform"}


def test_certification_without_mapping_is_a_gap(run_ws: RunWs) -> None:
    files = {"pro/cap/I07.md": note("7", None, "Programme conforme.\n")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_adequation_certification", "cap")
    assert gap.outcome == "gap" and "correspondance des contenus" in gap.message
    assert "référentiel de la certification" in gap.message and not gap.provisional
    assert report.indicator(7).status == "nc_major"


def test_rnq_2026_requires_capacity_to_deliver_the_certification(run_ws: RunWs) -> None:
    files = {"pro/cap/I07-tableau-croise.md": note("7", None, MAPPING)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_capacite_certification", "cap")
    assert gap.outcome == "gap" and "habilitation" in gap.message
    assert report.indicator(7).status == "nc_major"
    files["pro/cap/I07-habilitation.md"] = note("7", "attestation", CAPACITY)
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "passed"
    assert report.indicator(7).status == "conform"


def test_being_the_certifier_proves_capacity(run_ws: RunWs) -> None:
    text = MAPPING + "Certificateur : Organisme test (titre enregistré au RNCP).\n"
    files = {"pro/cap/I07.md": note("7", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "passed"


def test_rs_certification_gap_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', 'certification: "RS5678"')
    files = {"pro/cap/I07.md": note("7", None, "Programme.\n")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_adequation_certification", "cap")
    assert gap.outcome == "gap" and gap.provisional and "Répertoire spécifique" in gap.message


# --- Indicator 8 ----------------------------------------------------------------------------

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
    files = {"pro/bilan/I08.md": note("8", "positionnement", "Rien.\n")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, "check_positionnement", "bilan").outcome == "not_applicable"


def test_no_prerequisite_statement_counts_as_entry_assessment(run_ws: RunWs) -> None:
    text = "Positionnement : auto-positionnement en ligne. Aucun prérequis n'est exigé.\n"
    files = {"pro/excel/I08.md": note("8", "positionnement", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, "check_positionnement", "excel").outcome == "passed"
