"""Content checks of the specific obligations: 13 (alternance), 14, 15, 29 and 33 (CFA, with the
rnq-2026 additions on 14 and 15), 16 (certifying offerings) and 28 (work-situation periods)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from tests.checks.test_delivery import CONFIG, note
from tests.checks.test_means import CFA_CONFIG

ALTERNANCE_CONFIG = CONFIG.replace(
    "categories: [AF]\n", "categories: [AF]\nactivity: {alternance: true}\n"
)
WORK_CONFIG = CONFIG.replace(
    "categories: [AF]\n", "categories: [AF]\nactivity: {work_situation: true}\n"
)

# --- 13 --------------------------------------------------------------------------------------

LIVRET_ALTERNANCE = note(
    "13",
    "suivi",
    """# Livret d'apprentissage
Les missions confiées en entreprise sont planifiées à court, moyen et long terme avec l'apprenant
et son tuteur. Visite en entreprise chaque semestre ; progression articulée entre le centre et
l'entreprise.""",
)


def test_13_does_not_apply_without_alternance(run_ws: RunWs) -> None:
    files = {"pro/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(13,))
    assert report.indicator(13).status == "not_applicable"
    assert findings(report.indicator(13), "check_alternance_coordination") == []


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_13_passes_with_a_liaison_booklet(run_ws: RunWs, audit_date: object) -> None:
    files = {"pro/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(ALTERNANCE_CONFIG, files, audit_date=audit_date, indicators=(13,))
    assert outcomes(report.indicator(13), "check_alternance_coordination") == ["passed"]
    assert report.indicator(13).status == "conform"


def test_13_gap_without_the_tutor(run_ws: RunWs) -> None:
    text = note("13", "suivi", "# Livret d'apprentissage\nMissions confiées ; progression.")
    report = run_ws(ALTERNANCE_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(13,))
    result = report.indicator(13)
    [finding] = findings(result, "check_alternance_coordination")
    assert finding.outcome == "gap" and "tuteur" in finding.message
    assert result.status == "nc_minor"


# --- 14 --------------------------------------------------------------------------------------

ACCOMPAGNEMENT = note(
    "14",
    "suivi",
    """# Accompagnement des apprentis
Aides financières au permis et au logement, permanence de l'assistante sociale.
Projets sportifs et culturels, éducation aux écrans. Journée citoyenne sur la laïcité et la
mixité.""",
)
RUPTURES = note(
    "14",
    "procedure",
    """# Procédure ruptures
Toute situation de rupture liée à des difficultés, des violences ou des discriminations subies
au CFA ou dans l'entreprise d'accueil est prise en charge sans délai par le référent.""",
)


def test_14_passes_with_the_three_kinds_of_support(run_ws: RunWs) -> None:
    files = {"pro/acc.md": ACCOMPAGNEMENT}
    report = run_ws(CFA_CONFIG, files, audit_date=V9_AUDIT, indicators=(14,))
    assert outcomes(report.indicator(14), "check_accompagnement_socio_pro") == ["passed"]
    assert report.indicator(14).status == "conform"


def test_14_gap_without_citizenship_is_major(run_ws: RunWs) -> None:
    text = ACCOMPAGNEMENT.replace("Journée citoyenne sur la laïcité et la\nmixité.", "")
    report = run_ws(CFA_CONFIG, {"pro/acc.md": text}, audit_date=V9_AUDIT, indicators=(14,))
    result = report.indicator(14)
    [finding] = findings(result, "check_accompagnement_socio_pro")
    assert finding.outcome == "gap" and "citoyenneté" in finding.message
    assert result.status == "nc_major"


def test_14_2026_requires_a_breakdown_procedure(run_ws: RunWs) -> None:
    files = {"pro/acc.md": ACCOMPAGNEMENT}
    report = run_ws(CFA_CONFIG, files, audit_date=V9_AUDIT, indicators=(14,))
    assert findings(report.indicator(14), "check_rupture_sans_delai") == []
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(14,))
    [finding] = findings(report.indicator(14), "check_rupture_sans_delai")
    assert finding.outcome == "gap" and "rupture" in finding.message
    assert report.indicator(14).status == "nc_major"


def test_14_2026_passes_with_the_procedure(run_ws: RunWs) -> None:
    files = {"pro/acc.md": ACCOMPAGNEMENT, "pro/ruptures.md": RUPTURES}
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(14,))
    assert outcomes(report.indicator(14), "check_rupture_sans_delai") == ["passed"]
    text = RUPTURES.replace(" sans délai", "")
    files = {"pro/acc.md": ACCOMPAGNEMENT, "pro/ruptures.md": text}
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(14,))
    [finding] = findings(report.indicator(14), "check_rupture_sans_delai")
    assert finding.outcome == "gap" and "sans délai" in finding.message


# --- 15 --------------------------------------------------------------------------------------

DROITS = note(
    "15",
    "livret-accueil",
    """# Livret de l'apprenti
Vos droits et devoirs : le contrat d'apprentissage fait de vous un salarié (temps de travail,
congés, rémunération). Santé et sécurité au travail : équipements de protection obligatoires.""",
)
MEDIATEUR = (
    "Médiateur de l'apprentissage : CCI de la Vienne, mediation@cci.fr. Les apprentis mineurs "
    "reçoivent une information renforcée. Tout dysfonctionnement est signalé à l'inspection du "
    "travail.\n"
)


def test_15_passes_with_rights_status_and_safety(run_ws: RunWs) -> None:
    report = run_ws(CFA_CONFIG, {"pro/l.md": DROITS}, audit_date=V9_AUDIT, indicators=(15,))
    assert outcomes(report.indicator(15), "check_droits_devoirs_apprentis") == ["passed"]
    assert report.indicator(15).status == "conform"


def test_15_gap_without_health_and_safety(run_ws: RunWs) -> None:
    text = DROITS.replace(
        "Santé et sécurité au travail : équipements de protection obligatoires.", ""
    )
    report = run_ws(CFA_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(15,))
    result = report.indicator(15)
    [finding] = findings(result, "check_droits_devoirs_apprentis")
    assert finding.outcome == "gap" and "santé et de sécurité" in finding.message
    assert result.status == "nc_major"


def test_15_2026_mediator_minors_and_inspectorate(run_ws: RunWs) -> None:
    report = run_ws(CFA_CONFIG, {"pro/l.md": DROITS}, audit_date=V9_AUDIT, indicators=(15,))
    assert findings(report.indicator(15), "check_mediateur_apprentissage") == []
    report = run_ws(CFA_CONFIG, {"pro/l.md": DROITS}, audit_date=V2026_AUDIT, indicators=(15,))
    [finding] = findings(report.indicator(15), "check_mediateur_apprentissage")
    assert finding.outcome == "gap" and "médiateur de l'apprentissage" in finding.message
    files = {"pro/l.md": DROITS + MEDIATEUR}
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(15,))
    assert outcomes(report.indicator(15), "check_mediateur_apprentissage") == ["passed"]


# --- 16 (certifying offerings) ----------------------------------------------------------------

EXAMEN = note(
    "16",
    "certification",
    """# Présentation à l'examen
Déroulement des épreuves communiqué aux candidats ; convocation et preuve d'inscription à la
session. Règlement d'examen du certificateur appliqué ; procès-verbal du jury.""",
)


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_16_passes_per_certifying_offering(run_ws: RunWs, audit_date: object) -> None:
    report = run_ws(CONFIG, {"pro/cap/exam.md": EXAMEN}, audit_date=audit_date, indicators=(16,))
    [finding] = findings(report.indicator(16), "check_presentation_certification")
    assert finding.outcome == "passed" and finding.offering == "cap"
    assert report.indicator(16).status == "conform"


def test_16_gap_names_the_offering_and_is_major(run_ws: RunWs) -> None:
    text = note("16", "certification", "Déroulement des épreuves ; convocation des candidats.")
    report = run_ws(CONFIG, {"pro/cap/exam.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    result = report.indicator(16)
    [finding] = findings(result, "check_presentation_certification")
    assert finding.outcome == "gap" and finding.offering == "cap"
    assert "CAP Fleuriste" in finding.message and "RNCP12345" in finding.message
    assert "exigences formelles du certificateur" in finding.message
    assert not finding.provisional
    assert result.status == "nc_major"


def test_16_gap_on_an_rs_certification_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace("RNCP12345", "RS5678")
    text = note("16", "certification", "Déroulement des épreuves ; convocation des candidats.")
    report = run_ws(config, {"pro/cap/exam.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    [finding] = findings(report.indicator(16), "check_presentation_certification")
    assert finding.outcome == "gap" and finding.provisional


# --- 28 (work-situation periods) ---------------------------------------------------------------

PARTENAIRES = note(
    "28",
    "partenariat",
    """# Réseau de partenaires
Entreprises partenaires, OPCO et chambre des métiers réunis en comité de pilotage pour
co-construire les programmes ; offres de stage relayées aux stagiaires.""",
)


def test_28_applies_with_work_situation_periods(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/p.md": PARTENAIRES}, audit_date=V9_AUDIT, indicators=(28,))
    assert report.indicator(28).status == "not_applicable"
    report = run_ws(WORK_CONFIG, {"pro/p.md": PARTENAIRES}, audit_date=V9_AUDIT, indicators=(28,))
    assert outcomes(report.indicator(28), "check_reseau_partenaires") == ["passed"]
    assert report.indicator(28).status == "conform"


def test_28_gap_without_co_design(run_ws: RunWs) -> None:
    text = note("28", "partenariat", "Liste des entreprises partenaires ; offres de stage.")
    report = run_ws(WORK_CONFIG, {"pro/p.md": text}, audit_date=V2026_AUDIT, indicators=(28,))
    result = report.indicator(28)
    [finding] = findings(result, "check_reseau_partenaires")
    assert finding.outcome == "gap" and "co-construction" in finding.message
    assert result.status == "nc_minor"


# --- 29 (CFA) ----------------------------------------------------------------------------------

INSERTION = note(
    "29",
    "suivi",
    """# Insertion et poursuite d'études
Ateliers CV et job dating avec les entreprises ; salon de l'orientation pour la poursuite
d'études.""",
)


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_29_passes_with_actions(run_ws: RunWs, audit_date: object) -> None:
    report = run_ws(CFA_CONFIG, {"pro/i.md": INSERTION}, audit_date=audit_date, indicators=(29,))
    assert outcomes(report.indicator(29), "check_insertion_poursuite") == ["passed"]


def test_29_gap_without_concrete_actions_is_major(run_ws: RunWs) -> None:
    text = note("29", "suivi", "Nous visons l'insertion professionnelle de nos apprentis.")
    report = run_ws(CFA_CONFIG, {"pro/i.md": text}, audit_date=V9_AUDIT, indicators=(29,))
    result = report.indicator(29)
    [finding] = findings(result, "check_insertion_poursuite")
    assert finding.outcome == "gap" and "actions concrètes" in finding.message
    assert result.status == "nc_major"


# --- 33 (CFA, rnq-2026) -----------------------------------------------------------------------

EVALUATION_ENSEIGNEMENTS = note(
    "33",
    "evaluation",
    """# Évaluation des enseignements par les apprentis
Questionnaire par module, distinct de l'enquête de satisfaction. Résultats présentés aux
formateurs en réunion pédagogique ; plan d'actions d'amélioration dont l'efficacité est mesurée
lors de la revue annuelle.""",
)


def test_33_exists_only_under_2026(run_ws: RunWs) -> None:
    files = {"pro/e.md": EVALUATION_ENSEIGNEMENTS}
    report = run_ws(CFA_CONFIG, files, audit_date=V9_AUDIT)
    assert all(r.number != 33 for r in report.indicators)
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(33,))
    assert outcomes(report.indicator(33), "check_evaluation_enseignements") == ["passed"]
    assert report.indicator(33).status == "conform"


def test_33_gap_is_provisional_and_names_what_is_missing(run_ws: RunWs) -> None:
    text = EVALUATION_ENSEIGNEMENTS.replace(
        " dont l'efficacité est mesurée\nlors de la revue annuelle", ""
    )
    report = run_ws(CFA_CONFIG, {"pro/e.md": text}, audit_date=V2026_AUDIT, indicators=(33,))
    result = report.indicator(33)
    [finding] = findings(result, "check_evaluation_enseignements")
    assert finding.outcome == "gap" and finding.provisional
    assert "efficacité" in finding.message
    assert result.status == "nc_minor"


def test_33_a_general_satisfaction_survey_is_not_enough(run_ws: RunWs) -> None:
    survey = note("33", "enquete-satisfaction", "Enquête de satisfaction annuelle des apprentis.")
    report = run_ws(CFA_CONFIG, {"pro/s.md": survey}, audit_date=V2026_AUDIT, indicators=(33,))
    [finding] = findings(report.indicator(33), "check_evaluation_enseignements")
    assert finding.outcome == "gap" and "distinct" in finding.message
