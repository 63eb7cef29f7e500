"""Indicator 9 (``rnq/checks/i09_delivery_conditions.py``): the welcome booklet says when and where
(or how) learners are received — requirements; contacts and the internal rules are examples of
the guide (advice, possibly given in their own file); platform access and assistance are demanded
where the offering is declared at a distance (``facts: {modality: …}``), never guessed from the
word « plateforme »; a bilan's deontological commitments (art. L. 6313-4); drafts and placeholders
prove nothing; unreadable evidence makes a missing item not verified.
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

#: The usual workspace, its offering declared face to face.
PRESENTIAL = CONFIG.replace(
    'certification: "RNCP12345"}', 'certification: "RNCP12345", facts: {modality: presential}}'
)
#: The usual workspace, its offering declared at a distance.
DISTANCE = PRESENTIAL.replace("modality: presential", "modality: distance")
#: A bilan de compétences unit (its offering declared face to face).
BILAN = PRESENTIAL.replace("categories: [AF]", "categories: [BC]").replace(
    'certification: "RNCP12345"', "category: BC"
)


def advice_items(result, check: str = "check_conditions_deroulement") -> list[str]:  # type: ignore[no-untyped-def]
    return [i for f in findings(result, check) if f.outcome == "advice" for i in f.items]


def test_9_passes_when_the_welcome_booklet_gives_every_condition(run_ws: RunWs) -> None:
    report = run_ws(PRESENTIAL, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    result = report.indicator(9)
    assert outcomes(result, "check_conditions_deroulement") == ["passed"]
    assert result.status == "conform"


def test_9_undeclared_modality_is_advice_naming_the_fact(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    result = report.indicator(9)
    assert result.status == "conform"
    [advice] = [
        f for f in findings(result, "check_conditions_deroulement") if f.outcome == "advice"
    ]
    assert advice.items == ("acces-distance",) and advice.confirm
    assert "modality" in advice.message


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_9_gap_names_the_missing_items_and_the_file(run_ws: RunWs, audit_date: object) -> None:
    booklet = note(
        "9", "livret-accueil", "# Livret d'accueil\nBienvenue dans notre centre de Niort."
    )
    report = run_ws(PRESENTIAL, {"pro/livret.md": booklet}, audit_date=audit_date, indicators=(9,))
    result = report.indicator(9)
    [gap] = [f for f in findings(result, "check_conditions_deroulement") if f.outcome == "gap"]
    assert "horaires" in gap.message and "lieu" in gap.message
    assert set(gap.items) == {"horaires-planning", "lieu-accueil"}
    # contacts and internal rules: examples of the guide, never in the gap
    assert "contacts" not in gap.message and "règlement" not in gap.message
    assert {"contacts", "reglement-interieur"} <= set(advice_items(result))
    assert "pro/livret.md" in gap.message and gap.evidence == ("pro/livret.md",)
    assert gap.unit == "pro"
    assert result.status == "nc_minor"


def test_9_contacts_and_internal_rules_are_examples(run_ws: RunWs) -> None:
    """Review §1 #13: contacts and the règlement intérieur are evidence examples — a convocation
    with the dates, hours and address is conform, with points de vigilance."""
    convocation = note(
        "9",
        "livret-accueil",
        "Convocation : formation les 14 et 15 avril 2026, de 8h30 à 16h30, au centre de "
        "formation, 12 rue Gay-Lussac, 25000 Besançon.",
    )
    report = run_ws(
        PRESENTIAL, {"pro/convoc.md": convocation}, audit_date=V9_AUDIT, indicators=(9,)
    )
    result = report.indicator(9)
    assert result.status == "conform"
    assert outcomes(result, "check_conditions_deroulement") == ["passed", "advice", "advice"]
    assert set(advice_items(result)) == {"contacts", "reglement-interieur"}
    for advice in findings(result, "check_conditions_deroulement")[1:]:
        assert "Point de vigilance" in advice.message and not advice.confirm


def test_9_plateforme_word_does_not_make_a_face_to_face_offering_distance(run_ws: RunWs) -> None:
    """Review §2.2 #6 (scenario s_19_plateforme): « plateforme Mon Compte Formation » in a face to
    face offering's documents demands no platform access nor assistance."""
    booklet = LIVRET.replace(
        "Le règlement", "Inscription via la plateforme Mon Compte Formation.\nLe règlement"
    )
    report = run_ws(PRESENTIAL, {"pro/livret.md": booklet}, audit_date=V2026_AUDIT, indicators=(9,))
    result = report.indicator(9)
    assert outcomes(result, "check_conditions_deroulement") == ["passed"]
    assert result.status == "conform"


def test_9_distance_learning_needs_platform_access_and_assistance(run_ws: RunWs) -> None:
    report = run_ws(DISTANCE, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    [gap] = findings(report.indicator(9), "check_conditions_deroulement")
    assert gap.outcome == "gap" and "plateforme" in gap.message
    assert gap.items == ("acces-distance",)
    fixed = LIVRET + (
        "Vos identifiants de connexion à la plateforme arrivent par mail ; "
        "hotline d'assistance technique : 05 49 00 00 00.\n"
    )
    report = run_ws(DISTANCE, {"pro/livret.md": fixed}, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]


def test_9_internal_rules_given_as_their_own_file(run_ws: RunWs) -> None:
    booklet = LIVRET.replace("Le règlement intérieur est remis le premier jour.", "")
    rules = note("9", "reglement-interieur", "Article 1 — Discipline. Article 2 — Hygiène.")
    files = {"pro/livret.md": booklet, "siege/ri.md": rules}
    report = run_ws(PRESENTIAL, files, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]
    report = run_ws(PRESENTIAL, {"pro/livret.md": booklet}, audit_date=V9_AUDIT, indicators=(9,))
    result = report.indicator(9)
    assert advice_items(result) == ["reglement-interieur"]
    assert result.status == "conform"


def test_9_unreadable_evidence_makes_a_missing_item_not_verified(run_ws: RunWs) -> None:
    booklet = note("9", "livret-accueil", "# Livret d'accueil\nBienvenue dans notre centre.")
    scan = b"%PDF-1.4\n%%EOF"
    files: dict[str, str | bytes] = {"pro/livret.md": booklet, "pro/I9-scan.pdf": scan}
    report = run_ws(PRESENTIAL, files, audit_date=V9_AUDIT, indicators=(9,))
    [finding] = findings(report.indicator(9), "check_conditions_deroulement")
    assert finding.outcome == "not_verified"
    assert finding.evidence == ("pro/I9-scan.pdf",)


def test_9_skill_reviews_need_the_ethical_commitments(run_ws: RunWs) -> None:
    report = run_ws(BILAN, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    [gap] = [
        f
        for f in findings(report.indicator(9), "check_conditions_deroulement")
        if f.outcome == "gap"
    ]
    assert "confidentialité" in gap.message and gap.items == ("engagements-deontologiques",)
    fixed = LIVRET + "Le bilan respecte votre consentement et la confidentialité des échanges.\n"
    report = run_ws(BILAN, {"pro/livret.md": fixed}, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]


def test_9_the_l_6313_4_wording_states_the_commitments(run_ws: RunWs) -> None:
    """Review Appendix A « ind. 9 BC: art. L. 6313-4 wording »: the law's own words are the
    commitments."""
    convention = LIVRET + (
        "Le bilan ne peut être réalisé qu'avec le consentement du bénéficiaire. Les résultats ne "
        "sont communiqués à un tiers qu'avec l'accord du bénéficiaire, seul destinataire du "
        "document de synthèse.\n"
    )
    report = run_ws(BILAN, {"pro/conv.md": convention}, audit_date=V2026_AUDIT, indicators=(9,))
    result = report.indicator(9)
    assert outcomes(result, "check_conditions_deroulement") == ["passed"]
    assert result.status == "conform"


def test_9_the_bilan_commitments_are_not_asked_of_a_training_unit(run_ws: RunWs) -> None:
    """A unit without offerings in a provider of training only: the bilan's item is not
    demanded."""
    config = PRESENTIAL.replace(
        '    offerings:\n      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345", '
        "facts: {modality: presential}}\n",
        "",
    ).replace("audit: {", "facts: {modality: presential}\naudit: {")
    report = run_ws(config, {"pro/livret.md": LIVRET}, audit_date=V9_AUDIT, indicators=(9,))
    assert outcomes(report.indicator(9), "check_conditions_deroulement") == ["passed"]


def test_9_placeholder_is_a_draft_gap(run_ws: RunWs) -> None:
    """Review §4: « Horaires, lieu, contacts et règlement intérieur : communiqués
    ultérieurement. » proves nothing."""
    text = note(
        "9",
        "livret-accueil",
        "Horaires, lieu, contacts et règlement intérieur : communiqués ultérieurement.",
    )
    report = run_ws(PRESENTIAL, {"pro/livret.md": text}, audit_date=V2026_AUDIT, indicators=(9,))
    result = report.indicator(9)
    [gap] = [f for f in findings(result, "check_conditions_deroulement") if f.outcome == "gap"]
    assert "brouillon" in gap.message
    assert result.status != "conform"
