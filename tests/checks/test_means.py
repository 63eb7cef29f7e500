"""Content checks of indicators 17–20 (with the rnq-2026 additions on 19 and 20)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from tests.checks.test_delivery import CONFIG, note

CFA_CONFIG = CONFIG.replace("categories: [AF]", "categories: [CFA]").replace(
    'certification: "RNCP12345"', 'certification: "RNCP12345", category: CFA'
)

# --- 17 --------------------------------------------------------------------------------------

MOYENS = note(
    "17",
    "moyens",
    """# Moyens et locaux
Équipe pédagogique de 6 formateurs. Salles de formation équipées d'ordinateurs et d'un
vidéoprojecteur ; locaux accessibles (registre d'accessibilité).""",
)


def test_17_passes_with_people_equipment_and_premises(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"siege/moyens.md": MOYENS}, audit_date=V9_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]
    assert report.indicator(17).status == "conform"


def test_17_gap_without_the_people(run_ws: RunWs) -> None:
    text = note("17", "moyens", "Salles équipées d'ordinateurs et d'un vidéoprojecteur.")
    report = run_ws(CONFIG, {"pro/moyens.md": text}, audit_date=V2026_AUDIT, indicators=(17,))
    result = report.indicator(17)
    [finding] = findings(result, "check_moyens_locaux")
    assert finding.outcome == "gap" and "moyens humains" in finding.message
    assert finding.evidence == ("pro/moyens.md",)
    assert result.status == "nc_minor"


# --- 18 --------------------------------------------------------------------------------------

COORDINATION = note(
    "18",
    "coordination",
    """# Compte rendu de la réunion pédagogique
Présents : responsable pédagogique, formateurs, référente handicap (voir organigramme).
Coordination des plannings et des interventions des formateurs externes.""",
)


def test_18_passes_with_roles_and_a_recent_meeting(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/reunion.md": COORDINATION}, audit_date=V9_AUDIT, indicators=(18,))
    assert outcomes(report.indicator(18), "check_coordination_intervenants") == ["passed"]


def test_18_gap_without_coordination(run_ws: RunWs) -> None:
    text = note("18", "coordination", "# Organigramme\nResponsable pédagogique : M. Durand.")
    report = run_ws(CONFIG, {"pro/orga.md": text}, audit_date=V9_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap" and "coordination" in finding.message


def test_18_gap_when_the_last_meeting_is_old(run_ws: RunWs) -> None:
    old = COORDINATION.replace("date: 2026-09-01", "date: 2024-06-01")
    report = run_ws(CONFIG, {"pro/reunion.md": old}, audit_date=V2026_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap"
    assert "2024-06-01" in finding.message and "indicative" in finding.message


# --- 19 --------------------------------------------------------------------------------------

RESSOURCES = note(
    "19",
    "ressources",
    """# Ressources pédagogiques
Supports de cours et vidéos remis à chaque stagiaire ; prise en main accompagnée le premier
jour.""",
)


def test_19_passes_with_resources_and_appropriation(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": RESSOURCES}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_ressources_pedagogiques") == ["passed"]
    assert report.indicator(19).status == "conform"


def test_19_distance_resources_need_technical_and_teaching_assistance(run_ws: RunWs) -> None:
    text = RESSOURCES.replace("remis à chaque stagiaire", "en ligne sur la plateforme Moodle")
    report = run_ws(CONFIG, {"pro/ressources.md": text}, audit_date=V9_AUDIT, indicators=(19,))
    [finding] = findings(report.indicator(19), "check_ressources_pedagogiques")
    assert finding.outcome == "gap"
    assert "assistance technique" in finding.message
    assert "assistance pédagogique" in finding.message
    fixed = text + "Hotline d'assistance technique ; un tuteur répond sur le forum.\n"
    report = run_ws(CONFIG, {"pro/ressources.md": fixed}, audit_date=V9_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_ressources_pedagogiques") == ["passed"]


DISTANCE = (
    RESSOURCES.replace("remis à chaque stagiaire", "en ligne sur la plateforme Moodle")
    + "Hotline d'assistance technique ; un tuteur répond sur le forum.\n"
)
COMPLETION = {
    "pro/rnq-evidence.yaml": "- {path: 'achevement*.csv', indicators: [12, 19], kind: suivi, "
    "date: 2026-10-30}\n",
    "pro/achevement.csv": "apprenant;activite;acheve;date\n"
    "L-1a2b;Module 1;true;2026-10-30\nL-3c4d;Module 1;false;\n",
}


def test_19_2026_distance_follow_up_is_only_checked_under_2026(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": DISTANCE}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(19,))
    assert findings(report.indicator(19), "check_suivi_distance_effectif") == []
    assert report.indicator(19).status == "conform"
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    result = report.indicator(19)
    [finding] = findings(result, "check_suivi_distance_effectif")
    assert finding.outcome == "gap" and finding.provisional
    assert "aucune trace de suivi" in finding.message
    assert result.status == "nc_minor"


def test_19_2026_passes_with_a_completion_export(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": DISTANCE, **COMPLETION}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_suivi_distance_effectif") == ["passed"]
    assert report.indicator(19).status == "conform"


def test_19_2026_stale_export_is_a_gap(run_ws: RunWs) -> None:
    old = {k: v.replace("2026-10-30", "2025-06-30") for k, v in COMPLETION.items()}
    report = run_ws(
        CONFIG, {"pro/ressources.md": DISTANCE, **old}, audit_date=V2026_AUDIT, indicators=(19,)
    )
    [finding] = findings(report.indicator(19), "check_suivi_distance_effectif")
    assert finding.outcome == "gap" and "2025-06-30" in finding.message
    assert finding.evidence == ("pro/achevement.csv",)


def test_19_2026_does_not_apply_without_distance_modules(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": RESSOURCES}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_suivi_distance_effectif") == ["not_applicable"]
    assert report.indicator(19).status == "conform"


# --- 20 (CFA) --------------------------------------------------------------------------------

PERSONNEL = note(
    "20",
    "procedure",
    """# Personnel dédié du CFA
Conseil de perfectionnement : membres (apprentis élus, formateurs, entreprises partenaires) ;
compte rendu de la séance du 12 juin 2026. Pilotage : tableau de bord d'indicateurs.
Référente mobilité nationale et internationale : Mme Leroy (projets Erasmus+).
Référent handicap : M. Petit, handicap@cfa.fr, 05 49 11 22 33.""",
)


def test_20_does_not_apply_outside_a_cfa(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/p.md": PERSONNEL}, audit_date=V9_AUDIT, indicators=(20,))
    assert report.indicator(20).status == "not_applicable"
    assert findings(report.indicator(20), "check_personnel_dedie_cfa") == []


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_20_passes_with_council_mobility_and_referent(run_ws: RunWs, audit_date: object) -> None:
    report = run_ws(CFA_CONFIG, {"pro/p.md": PERSONNEL}, audit_date=audit_date, indicators=(20,))
    assert outcomes(report.indicator(20), "check_personnel_dedie_cfa") == ["passed"]
    assert report.indicator(20).status == "conform"


def test_20_gap_without_the_referents_contact_is_major(run_ws: RunWs) -> None:
    text = PERSONNEL.replace("handicap@cfa.fr, 05 49 11 22 33", "voir l'intranet")
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    result = report.indicator(20)
    [finding] = findings(result, "check_personnel_dedie_cfa")
    assert finding.outcome == "gap" and "coordonnées du référent handicap" in finding.message
    assert result.status == "nc_major"


def test_20_gap_when_the_council_minutes_are_old(run_ws: RunWs) -> None:
    text = PERSONNEL.replace("date: 2026-09-01", "date: 2025-01-15")
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    [finding] = findings(report.indicator(20), "check_personnel_dedie_cfa")
    assert finding.outcome == "gap" and "Conseil de perfectionnement" in finding.message


def test_20_2026_governance_needs_companies_at_the_table(run_ws: RunWs) -> None:
    text = PERSONNEL.replace(", entreprises partenaires", "")
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    assert findings(report.indicator(20), "check_gouvernance_cfa") == []
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V2026_AUDIT, indicators=(20,))
    [finding] = findings(report.indicator(20), "check_gouvernance_cfa")
    assert finding.outcome == "gap" and finding.provisional
    assert "entreprises" in finding.message
    assert report.indicator(20).status == "nc_major"


def _pdf(lines: list[str]) -> bytes:
    """A small text PDF (reportlab), as an office suite would export it."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=True)
    for index, line in enumerate(lines):
        page.drawString(72, 770 - 16 * index, line)
    page.save()
    return buffer.getvalue()


def test_17_reads_a_real_pdf(run_ws: RunWs) -> None:
    lines = [
        "Moyens pédagogiques et techniques",
        "Équipe pédagogique : 4 formatrices et un responsable.",
        "Salles équipées de postes informatiques et d'un vidéoprojecteur.",
    ]
    files: dict[str, str | bytes] = {"pro/I17-moyens.pdf": _pdf(lines)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(17,))
    assert outcomes(report.indicator(17), "check_moyens_locaux") == ["passed"]
    files = {"pro/I17-moyens.pdf": _pdf(lines[:2])}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(17,))
    [finding] = findings(report.indicator(17), "check_moyens_locaux")
    assert finding.outcome == "gap" and "locaux" in finding.message
    assert finding.evidence == ("pro/I17-moyens.pdf",)
