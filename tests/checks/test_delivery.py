"""Content checks of indicators 9–12 and the rnq-2026 violence prevention (12, 14, 15)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes


def note(indicators: str, kind: str, body: str, date: str = "2026-09-01") -> str:
    """A Markdown note with its front matter."""
    return f"---\nindicators: [{indicators}]\nkind: {kind}\ndate: {date}\n---\n{body}\n"


# --- 9 ---------------------------------------------------------------------------------------

LIVRET = note(
    "9",
    "livret-accueil",
    """# Livret d'accueil
Horaires : de 9 h à 17 h. Lieu : 12 rue des Lilas, Poitiers (accès PMR).
Vos interlocuteurs : référente pédagogique Mme Martin, contact : accueil@exemple.fr.
Le règlement intérieur est remis le premier jour.""",
)


def test_9_passes_when_the_welcome_booklet_gives_every_condition(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    result = report.indicator(9)
    assert outcomes(result, "check_conditions_deroulement") == ["passed"]
    assert result.status == "conform"


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_9_gap_names_the_missing_items_and_the_file(run_ws: RunWs, audit_date: object) -> None:
    booklet = note("9", "livret-accueil", "# Livret d'accueil\nBienvenue dans notre centre.")
    report = run_ws(CONFIG, {"pro/livret.md": booklet}, audit_date=audit_date, indicators=(9,))
    result = report.indicator(9)
    [finding] = findings(result, "check_conditions_deroulement")
    assert finding.outcome == "gap"
    assert "horaires" in finding.message and "contacts" in finding.message
    assert "règlement intérieur" in finding.message
    assert "pro/livret.md" in finding.message and finding.evidence == ("pro/livret.md",)
    assert finding.unit == "pro"
    assert result.status == "nc_minor"


def test_9_distance_learning_needs_platform_access_and_assistance(run_ws: RunWs) -> None:
    booklet = LIVRET.replace("Poitiers (accès PMR)", "Poitiers ; modules à distance sur Moodle")
    report = run_ws(CONFIG, {"pro/livret.md": booklet}, audit_date=V9_AUDIT, indicators=(9,))
    [finding] = findings(report.indicator(9), "check_conditions_deroulement")
    assert finding.outcome == "gap"
    assert "plateforme" in finding.message
    fixed = booklet + "Vos identifiants de connexion et la hotline d'assistance : 05 49 00 00 00.\n"
    report = run_ws(CONFIG, {"pro/livret.md": fixed}, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]


def test_9_internal_rules_given_as_their_own_file(run_ws: RunWs) -> None:
    booklet = LIVRET.replace("Le règlement intérieur est remis le premier jour.", "")
    rules = note("9", "reglement-interieur", "Article 1 — Discipline. Article 2 — Hygiène.")
    files = {"pro/livret.md": booklet, "siege/ri.md": rules}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]
    report = run_ws(CONFIG, {"pro/livret.md": booklet}, audit_date=V9_AUDIT, indicators=(9,))
    [finding] = findings(report.indicator(9), "check_conditions_deroulement")
    assert "règlement intérieur" in finding.message


def test_9_unreadable_evidence_makes_a_missing_item_not_verified(run_ws: RunWs) -> None:
    booklet = note("9", "livret-accueil", "# Livret d'accueil\nBienvenue dans notre centre.")
    scan = b"%PDF-1.4\n%%EOF"
    files: dict[str, str | bytes] = {"pro/livret.md": booklet, "pro/I9-scan.pdf": scan}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(9,))
    [finding] = findings(report.indicator(9), "check_conditions_deroulement")
    assert finding.outcome == "not_verified"
    assert finding.evidence == ("pro/I9-scan.pdf",)


def test_9_skill_reviews_need_the_ethical_commitments(run_ws: RunWs) -> None:
    config = CONFIG.replace("categories: [AF]", "categories: [BC]").replace(
        'certification: "RNCP12345"', "category: BC"
    )
    report = run_ws(config, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    [finding] = findings(report.indicator(9), "check_conditions_deroulement")
    assert finding.outcome == "gap" and "confidentialité" in finding.message
    fixed = LIVRET + "Le bilan respecte votre consentement et la confidentialité des échanges.\n"
    report = run_ws(config, {"pro/livret.md": fixed}, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]


# --- 10 --------------------------------------------------------------------------------------

SUIVI = note(
    "10",
    "suivi",
    """# Suivi des apprenants
Chaque apprenant a un référent qui assure l'accompagnement et le suivi mensuel.
Le parcours est individualisé selon le profil : aménagements d'horaires, rythme adapté.""",
)


def test_10_passes_with_follow_up_support_and_adaptation(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/suivi.md": SUIVI}, audit_date=V9_AUDIT, indicators=(10,))
    assert outcomes(report.indicator(10), "check_adaptation_suivi") == ["passed"]
    assert report.indicator(10).status == "conform"


def test_10_gap_without_adaptation_is_major(run_ws: RunWs) -> None:
    text = note("10", "suivi", "# Suivi\nUn référent assure l'accompagnement et le suivi.")
    report = run_ws(CONFIG, {"pro/suivi.md": text}, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [finding] = findings(result, "check_adaptation_suivi")
    assert finding.outcome == "gap" and "adaptation" in finding.message
    assert result.status == "nc_major"  # 10 is « majeure uniquement »


# --- 11 --------------------------------------------------------------------------------------

EVALUATION = note(
    "11",
    "evaluation",
    """# Évaluation des acquis
Quiz en cours de formation après chaque module ; évaluation finale à l'issue de la formation.
Chaque évaluation porte sur les objectifs du programme.""",
)


def test_11_passes_with_assessments_during_and_at_the_end(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/eval.md": EVALUATION}, audit_date=V9_AUDIT, indicators=(11,))
    assert outcomes(report.indicator(11), "check_evaluation_acquis") == ["passed"]


def test_11_gap_without_an_assessment_during_the_training(run_ws: RunWs) -> None:
    text = note("11", "evaluation", "Évaluation finale à l'issue de la formation, par objectif.")
    report = run_ws(CONFIG, {"pro/eval.md": text}, audit_date=V9_AUDIT, indicators=(11,))
    [finding] = findings(report.indicator(11), "check_evaluation_acquis")
    assert finding.outcome == "gap" and "en cours de prestation" in finding.message
    assert report.indicator(11).status == "nc_major"


def test_11_a_satisfaction_survey_is_not_an_assessment(run_ws: RunWs) -> None:
    survey = note(
        "11", "enquete-satisfaction", "Questionnaire à chaud en fin de formation : objectifs ?"
    )
    report = run_ws(CONFIG, {"pro/enquete.md": survey}, audit_date=V9_AUDIT, indicators=(11,))
    [finding] = findings(report.indicator(11), "check_evaluation_acquis")
    assert finding.outcome == "gap" and "satisfaction" in finding.message


# --- 12 --------------------------------------------------------------------------------------

ABANDONS = note(
    "12",
    "suivi",
    """# Prévention des abandons
Classes virtuelles interactives et tutorat pour favoriser l'engagement.
Repérage des absences et de l'inactivité sur la plateforme ; relance par téléphone et entretien.
Journal des relances tenu par le référent.""",
)


def test_12_passes_when_measures_are_described_and_traced(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


def test_12_gap_when_measures_are_not_traced(run_ws: RunWs) -> None:
    text = ABANDONS.replace("Journal des relances tenu par le référent.", "")
    report = run_ws(CONFIG, {"pro/abandons.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    result = report.indicator(12)
    [finding] = findings(result, "check_engagement_abandons")
    assert finding.outcome == "gap" and "tracée" in finding.message
    assert not finding.provisional
    assert result.status == "nc_minor"


def test_12_gap_rests_on_the_provisional_condition_for_short_trainings(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', "duration_days: 2")
    text = note("12", "suivi", "Relance des absents par téléphone.")
    report = run_ws(config, {"pro/abandons.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    [finding] = findings(report.indicator(12), "check_engagement_abandons")
    assert finding.outcome == "gap" and finding.provisional
    assert "engagement" in finding.message and "provisoire" in finding.message


def test_12_moodle_style_export_counts_as_a_trace(run_ws: RunWs) -> None:
    text = ABANDONS.replace("Journal des relances tenu par le référent.", "")
    files: dict[str, str | bytes] = {
        "pro/abandons.md": text,
        "pro/rnq-evidence.yaml": "- {path: achevement.csv, indicators: [12], kind: suivi}\n",
        "pro/achevement.csv": "apprenant;activite;acheve;date\nL-1;Module 1;true;2026-10-01\n",
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


# --- rnq-2026: prevention of violence, harassment and discrimination (12, 14, 15) -------------

CHARTE = note(
    "12",
    "procedure",
    """# Charte de prévention des violences, du harcèlement et des discriminations
Sensibilisation des apprenants et des formateurs dès l'accueil.
Pour signaler une situation : la référente harcèlement, Mme Roy (vss@exemple.fr).
Traitement : recueil du signalement sous 48 h, mesures de protection, enquête interne.""",
)


def test_violence_prevention_only_runs_under_2026(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V9_AUDIT, indicators=(12,))
    assert findings(report.indicator(12), "check_prevention_violences") == []
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V2026_AUDIT, indicators=(12,))
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap" and "aucun document" in finding.message
    assert report.indicator(12).status == "nc_minor"


def test_violence_prevention_passes_with_a_charter(run_ws: RunWs) -> None:
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": CHARTE}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_prevention_violences") == ["passed"]
    assert report.indicator(12).status == "conform"


def test_violence_prevention_gap_when_nobody_to_contact(run_ws: RunWs) -> None:
    charter = note(
        "12",
        "procedure",
        "# Charte contre le harcèlement\nSensibilisation de tous. Enquête interne et sanctions.",
    )
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": charter}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap" and "qui contacter" in finding.message
    assert finding.evidence == ("siege/charte.md",)


def test_violence_prevention_serves_14_and_15_for_a_cfa(run_ws: RunWs) -> None:
    config = CONFIG.replace("categories: [AF]", "categories: [CFA]").replace(
        'certification: "RNCP12345"', 'certification: "RNCP12345", category: CFA'
    )
    charter = CHARTE.replace("indicators: [12]", "indicators: [12, 14, 15]")
    report = run_ws(config, {"siege/charte.md": charter}, audit_date=V2026_AUDIT)
    for number in (12, 14, 15):
        assert outcomes(report.indicator(number), "check_prevention_violences") == ["passed"]
    report = run_ws(config, {"pro/abandons.md": ABANDONS}, audit_date=V2026_AUDIT)
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap"
