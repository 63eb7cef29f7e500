"""Indicator 9 (``rnq/checks/i09_delivery_conditions.py``): the welcome booklet gives the
delivery conditions (times, place, contacts, internal rules — possibly in their own file;
platform access and assistance for distance learning; the ethical commitments of a skills
review); unreadable evidence makes a missing item not verified.
"""

from __future__ import annotations

import pytest

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

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
