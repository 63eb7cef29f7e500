"""Indicator 1 (``rnq/checks/i01_offer_sheet.py``): the offering's public information sheet
gives every item of the wording (with the rnq-2026 additions and, for a certifying offering,
its code, certifier and registration date), is current, may be a section of a central
catalogue or a PDF, and (rnq-2026) makes no misleading claim.
"""

from __future__ import annotations

import io

import pytest

from .conftest import CRITERION_1_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from .conftest import flexible_note as note

# A sheet giving every item of the 2019 wording (not the 2026 additions).
SHEET_V9 = """\
# Excel — perfectionnement
Prérequis : maîtriser les bases de Windows.
Objectifs : être capable de construire un tableau croisé dynamique.
Durée : 14 heures (2 jours).
Modalités d'accès : inscription en ligne ou auprès de notre conseillère.
Délais d'accès : entrée sous 15 jours après validation du dossier.
Tarif : 690 € HT par personne.
Contact : formation@organisme.fr — 05 49 00 00 00.
Méthodes mobilisées : apports théoriques, exercices pratiques sur cas réels.
Modalités d'évaluation : QCM en fin de formation et exercice noté.
Accessibilité : formation accessible aux personnes en situation de handicap (référente handicap).
"""

SHEET_2026 = (
    SHEET_V9
    + """\
Type de reconnaissance : attestation de fin de formation.
Modalités pédagogiques : présentiel en groupe de 8, ou classe virtuelle synchrone.
Financement : plan de développement des compétences, OPCO, autofinancement.
"""
)

CERT_ITEMS = """\
Code RNCP12345 — Certificateur : Ministère de l'Éducation nationale.
Date d'enregistrement : 01/09/2022.
"""


def sheet_findings(report, offering: str, check: str = "check_fiche_offre_complete"):  # type: ignore[no-untyped-def]
    return [f for f in findings(report.indicator(1), check) if f.offering == offering]


def test_complete_sheet_passes_under_v9(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG,
        {
            "pro/excel/fiche.md": note("1", "programme", SHEET_V9),
            "pro/cap/fiche.md": note("1", "programme", SHEET_V9 + CERT_ITEMS),
            "pro/bilan/fiche.md": note("1", "programme", SHEET_V9.replace("Prérequis", "Public")),
        },
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    one = report.indicator(1)
    assert report.referential == "rnq-2019-v9"
    assert one.status == "conform", [f.message for f in one.findings]
    assert outcomes(one, "check_fiche_offre_complete") == ["passed"] * 3


def test_missing_items_are_listed_with_the_file(run_ws: RunWs) -> None:
    sheet = SHEET_V9.replace("Tarif : 690 € HT par personne.\n", "").replace(
        "Accessibilité : formation accessible aux personnes en situation de handicap "
        "(référente handicap).\n",
        "",
    )
    report = run_ws(
        CONFIG,
        {"pro/excel/fiche.md": note("1", "programme", sheet)},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    (gap,) = sheet_findings(report, "excel")
    assert gap.outcome == "gap"
    assert "tarifs" in gap.message and "accessibilité aux personnes handicapées" in gap.message
    assert "prérequis" not in gap.message and "objectifs" not in gap.message
    assert "« Excel »" in gap.message and "pro/excel/fiche.md" in gap.message
    assert gap.evidence == ("pro/excel/fiche.md",)
    assert report.indicator(1).offerings["excel"] == "nc_minor"


def test_rnq_2026_requires_its_additions(run_ws: RunWs) -> None:
    files = {"pro/excel/fiche.md": note("1", "programme", SHEET_V9)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(1,))
    assert report.referential == "rnq-2026"
    (gap,) = sheet_findings(report, "excel")
    assert gap.outcome == "gap"
    for item in ("type de reconnaissance", "modalités pédagogiques", "modalités de financement"):
        assert item in gap.message
    assert "modalités d'accès" not in gap.message  # the 2026 wording keeps only « délais »
    passing = run_ws(
        CONFIG,
        {"pro/excel/fiche.md": note("1", "programme", SHEET_2026)},
        audit_date=V2026_AUDIT,
        indicators=(1,),
    )
    assert [f.outcome for f in sheet_findings(passing, "excel")] == ["passed"]


def test_bilan_needs_no_prerequisites(run_ws: RunWs) -> None:
    sheet = SHEET_V9.replace("Prérequis : maîtriser les bases de Windows.\n", "")
    report = run_ws(
        CONFIG,
        {
            "pro/bilan/fiche.md": note("1", "programme", sheet),
            "pro/excel/f.md": note("1", "programme", sheet),
        },
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    assert [f.outcome for f in sheet_findings(report, "bilan")] == ["passed"]
    (gap,) = sheet_findings(report, "excel")
    assert gap.outcome == "gap" and "prérequis" in gap.message


def test_certifying_offering_gives_code_certifier_and_registration(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG,
        {"pro/cap/fiche.md": note("1", "programme", SHEET_V9)},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    (gap,) = sheet_findings(report, "cap")
    assert gap.outcome == "gap"
    assert "code RNCP12345" in gap.message and "certificateur" in gap.message
    assert "date d'enregistrement" in gap.message
    wrong_code = run_ws(
        CONFIG,
        {"pro/cap/fiche.md": note("1", "programme", SHEET_V9 + CERT_ITEMS.replace("12345", "999"))},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    (gap,) = sheet_findings(wrong_code, "cap")
    assert "code RNCP12345" in gap.message and "certificateur" not in gap.message


def test_stale_sheet_is_a_gap_with_the_heuristic_said(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG,
        {"pro/excel/fiche.md": note("1", "programme", SHEET_V9, date="2023-03-01")},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    (gap,) = sheet_findings(report, "excel", "check_fiche_offre_a_jour")
    assert gap.outcome == "gap"
    assert "2023-03-01" in gap.message and "règle de fraîcheur indicative" in gap.message
    # a valid_until past the audit date keeps it current
    kept = note("1", "programme", SHEET_V9, date="2023-03-01").replace(
        "date: 2023-03-01", "date: 2023-03-01\nvalid_until: 2027-06-30"
    )
    report = run_ws(CONFIG, {"pro/excel/fiche.md": kept}, audit_date=V9_AUDIT, indicators=(1,))
    assert [f.outcome for f in sheet_findings(report, "excel", "check_fiche_offre_a_jour")] == [
        "passed"
    ]


def test_freshness_of_programme_can_be_set(run_ws: RunWs) -> None:
    config = CONFIG + "freshness: {programme: 48}\n"
    report = run_ws(
        config,
        {"pro/excel/fiche.md": note("1", "programme", SHEET_V9, date="2023-03-01")},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    assert [f.outcome for f in sheet_findings(report, "excel", "check_fiche_offre_a_jour")] == [
        "passed"
    ]


def test_undated_sheet_is_not_verified_unless_its_text_gives_a_date(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG,
        {"pro/excel/fiche.md": note("1", "programme", SHEET_V9, date=None)},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    (finding,) = sheet_findings(report, "excel", "check_fiche_offre_a_jour")
    assert finding.outcome == "not_verified" and "n'est pas datée" in finding.message
    assert report.indicator(1).status != "conform"
    dated = SHEET_V9 + "Mise à jour le 03/09/2026.\n"
    report = run_ws(
        CONFIG,
        {"pro/excel/fiche.md": note("1", "programme", dated, date=None)},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    assert [f.outcome for f in sheet_findings(report, "excel", "check_fiche_offre_a_jour")] == [
        "passed"
    ]


CATALOGUE = f"""\
Catalogue 2026-2027
Sommaire : CAP Fleuriste ; Excel
## CAP Fleuriste
{SHEET_V9.replace("# Excel — perfectionnement", "")}{CERT_ITEMS}
## Excel
Objectifs : être capable de construire un tableau.
Prérequis : aucun. Durée : 7 heures.
"""


def test_central_catalogue_section_is_read_for_the_offering(run_ws: RunWs) -> None:
    pointer = "Fiche publiée dans le catalogue central (siege/catalogue.md)."
    report = run_ws(
        CONFIG,
        {
            "siege/catalogue.md": note("1", "programme", CATALOGUE),
            "pro/cap/I01-fiche.md": note("1", "attestation", pointer),
            "pro/excel/I01-fiche.md": note("1", "attestation", pointer),
        },
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    (cap,) = sheet_findings(report, "cap")
    assert cap.outcome == "passed"
    (excel,) = sheet_findings(report, "excel")
    # the CAP section's items do not count for Excel
    assert excel.outcome == "gap" and "tarifs" in excel.message and "contacts" in excel.message
    assert "objectifs" not in excel.message
    assert "siege/catalogue.md" in excel.evidence


def test_pdf_sheet_is_read(run_ws: RunWs) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in SHEET_V9.splitlines():
        pdf.drawString(40, y, line)
        y -= 16
    pdf.save()
    files: dict[str, str | bytes] = {
        "pro/excel/fiche-programme.pdf": buffer.getvalue(),
        "pro/excel/rnq-evidence.yaml": (
            '- path: "*.pdf"\n  indicators: [1]\n  kind: programme\n  date: 2026-09-01\n'
        ),
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(1,))
    assert [f.outcome for f in sheet_findings(report, "excel")] == ["passed"]
    assert report.indicator(1).offerings["excel"] == "conform"


def test_misleading_claims_are_advice_to_confirm_under_2026_only(run_ws: RunWs) -> None:
    """A screening hit is « à confirmer »: shown, never counted (SPEC §4)."""
    claim = SHEET_2026 + "Formation éligible au CPF. Réussite garantie !\n"
    files = {"pro/excel/fiche.md": note("1", "programme", claim)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(1,))
    check = "check_communication_non_trompeuse"
    found = sheet_findings(report, "excel", check)
    assert [f.outcome for f in found] == ["passed", "advice"]
    advice = found[1]
    assert advice.confirm and advice.items == ("mention-trompeuse",)
    assert "CPF" in advice.message and "garanti" in advice.message
    assert report.indicator(1).units["pro"] != "nc_minor" or any(
        f.outcome == "gap" for f in report.indicator(1).findings
    )
    assert all(f.outcome != "gap" for f in findings(report.indicator(1), check))
    v9 = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(1,))
    assert findings(v9.indicator(1), check) == []
    honest = {"pro/excel/fiche.md": note("1", "programme", SHEET_2026)}
    report = run_ws(CONFIG, honest, audit_date=V2026_AUDIT, indicators=(1,))
    assert [f.outcome for f in sheet_findings(report, "excel", check)] == ["passed"]


def test_neutral_wording_is_not_screened_as_misleading(run_ws: RunWs) -> None:
    """check-review §2.4 (scenario s_1_non_trompeuse): a public of holders of a diploma, a
    guaranteed timetable or mock exam are not claims about the offering."""
    sheet = SHEET_2026 + (
        "Public : managers titulaires d'un titre professionnel ou d'un diplôme d'État.\n"
        "Emploi du temps garanti dès l'inscription. Examen blanc garanti à mi-parcours.\n"
    )
    files = {"pro/excel/fiche.md": note("1", "programme", sheet)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(1,))
    check = "check_communication_non_trompeuse"
    assert [f.outcome for f in sheet_findings(report, "excel", check)] == ["passed"]


def test_other_certification_code_is_advice_to_confirm(run_ws: RunWs) -> None:
    sheet = SHEET_2026 + CERT_ITEMS.replace("RNCP12345", "RNCP 999")
    report = run_ws(
        CONFIG,
        {"pro/cap/fiche.md": note("1", "programme", sheet)},
        audit_date=V2026_AUDIT,
        indicators=(1,),
    )
    found = [
        f
        for f in findings(report.indicator(1), "check_communication_non_trompeuse")
        if f.offering == "cap" and f.outcome == "advice"
    ]
    assert len(found) == 1 and found[0].confirm and "RNCP 999" in found[0].message


def test_combined_access_heading_counts(run_ws: RunWs) -> None:
    sheet = SHEET_V9.replace(
        "Modalités d'accès : inscription en ligne ou auprès de notre conseillère.\n"
        "Délais d'accès : entrée sous 15 jours après validation du dossier.\n",
        "Modalités et délais d'accès : entrée permanente ; accès sous 5 jours ouvrés.\n",
    )
    report = run_ws(
        CONFIG,
        {"pro/excel/fiche.md": note("1", "programme", sheet)},
        audit_date=V9_AUDIT,
        indicators=(1,),
    )
    assert [f.outcome for f in sheet_findings(report, "excel")] == ["passed"]


def test_longer_title_in_a_catalogue_is_another_offering(run_ws: RunWs) -> None:
    config = CONFIG.replace(
        '      - {id: excel, title: "Excel"}\n',
        '      - {id: excel, title: "Excel"}\n      - {id: excel-vba, title: "Excel VBA"}\n',
    )
    vba = SHEET_V9.replace("# Excel — perfectionnement", "")
    catalogue = f"## Excel VBA\n{vba}\n## Excel\nObjectifs : être capable de trier.\n"
    pointer = "Voir le catalogue du pôle."
    files = {
        "pro/catalogue.md": note("1", "programme", catalogue),
        "pro/excel/I01.md": note("1", "attestation", pointer),
        "pro/excel-vba/I01.md": note("1", "attestation", pointer),
    }
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(1,))
    assert [f.outcome for f in sheet_findings(report, "excel-vba")] == ["passed"]
    (excel,) = sheet_findings(report, "excel")
    assert excel.outcome == "gap" and "tarifs" in excel.message


def test_passerelle_codes_beside_the_own_code_are_not_misleading(run_ws: RunWs) -> None:
    sheet = SHEET_2026 + CERT_ITEMS + "Passerelle : BP Fleuriste (RNCP 6789).\n"
    report = run_ws(
        CONFIG,
        {"pro/cap/fiche.md": note("1", "programme", sheet)},
        audit_date=V2026_AUDIT,
        indicators=(1,),
    )
    check = "check_communication_non_trompeuse"
    assert [f.outcome for f in sheet_findings(report, "cap", check)] == ["passed"]


def test_cpf_is_not_misleading_for_a_bilan(run_ws: RunWs) -> None:
    sheet = SHEET_2026 + "Bilan finançable par le CPF.\n"
    report = run_ws(
        CONFIG,
        {"pro/bilan/fiche.md": note("1", "programme", sheet)},
        audit_date=V2026_AUDIT,
        indicators=(1,),
    )
    check = "check_communication_non_trompeuse"
    assert [f.outcome for f in sheet_findings(report, "bilan", check)] == ["passed"]
