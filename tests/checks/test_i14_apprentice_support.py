"""Indicator 14 (``rnq/checks/i14_apprentice_support.py``), for a CFA: social and professional,
educational and citizenship support of apprentices and, from rnq-2026, a procedure handling
without delay the breakdown situations due to difficulties, violence **or** discrimination, in
training or in the host company. Indicator 12's violence check is not bound to 14.
"""

from __future__ import annotations

from .conftest import CFA_CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

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

#: A procedure about difficulties alone (review §2.1 #9: « difficultés, violences OU
#: discriminations »).
RUPTURES_DIFFICULTES = note(
    "14",
    "procedure",
    """# Apprenti en difficulté : prévenir la rupture
Dès qu'un apprenti rencontre des difficultés personnelles ou familiales qui menacent son parcours,
au CFA ou chez son employeur, la référente de parcours le reçoit dans la journée et construit
avec lui un plan d'action (aides, médiation, changement d'entreprise).""",
)


def test_14_passes_with_the_three_kinds_of_support(run_ws: RunWs) -> None:
    files = {"pro/acc.md": ACCOMPAGNEMENT}
    report = run_ws(CFA_CONFIG, files, audit_date=V9_AUDIT, indicators=(14,))
    assert outcomes(report.indicator(14), "check_accompagnement_socio_pro") == ["passed"]
    assert report.indicator(14).status == "conform"


def test_14_the_words_of_the_wording_are_recognised(run_ws: RunWs) -> None:
    """Review §1 row 19: « accompagnement socio-professionnel » itself was not recognised."""
    text = note(
        "14",
        "suivi",
        """# Projet d'accompagnement
Accompagnement socio-professionnel : un conseiller dédié par section.
Accompagnement éducatif : atelier théâtre hebdomadaire.
Citoyenneté : éducation civique et élection des délégués.""",
    )
    report = run_ws(CFA_CONFIG, {"pro/acc.md": text}, audit_date=V9_AUDIT, indicators=(14,))
    assert outcomes(report.indicator(14), "check_accompagnement_socio_pro") == ["passed"]


def test_14_gap_without_citizenship_is_major(run_ws: RunWs) -> None:
    text = ACCOMPAGNEMENT.replace("Journée citoyenne sur la laïcité et la\nmixité.", "")
    report = run_ws(CFA_CONFIG, {"pro/acc.md": text}, audit_date=V9_AUDIT, indicators=(14,))
    result = report.indicator(14)
    [finding] = findings(result, "check_accompagnement_socio_pro")
    assert finding.outcome == "gap" and "citoyenneté" in finding.message
    assert finding.items == ("citoyennete",)
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
    assert finding.items == ("sans-delai",)
    assert report.indicator(14).status == "nc_major"


def test_14_2026_difficulties_alone_are_a_cause(run_ws: RunWs) -> None:
    """Review §2.1 #9: the causes are « difficultés, violences ou discriminations » — a procedure
    about difficulties alone is conform."""
    files = {"pro/acc.md": ACCOMPAGNEMENT, "pro/ruptures.md": RUPTURES_DIFFICULTES}
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(14,))
    assert outcomes(report.indicator(14), "check_rupture_sans_delai") == ["passed"]
    assert report.indicator(14).status == "conform"


def test_14_2026_the_violence_check_of_12_is_not_bound_to_14(run_ws: RunWs) -> None:
    """Review §2.2 #4 (scenario s_violence_fanout): a violence document missing its handling
    part gives no finding on 14, whose 2026 addition is the breakdown procedure."""
    violence = note(
        "12",
        "procedure",
        "# Prévention des violences\nActions de sensibilisation au harcèlement et aux "
        "discriminations chaque année ; référente désignée.",
    )
    files = {
        "pro/acc.md": ACCOMPAGNEMENT,
        "pro/ruptures.md": RUPTURES,
        "pro/violences.md": violence.replace("indicators: [12]", "indicators: [12, 14]"),
    }
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(14,))
    result = report.indicator(14)
    assert findings(result, "check_prevention_violences") == []
    assert result.status == "conform", [f.message for f in result.findings]


def test_14_2026_a_contract_termination_note_is_no_procedure(run_ws: RunWs) -> None:
    """A pointer to the labour code about the contract's termination is not a procedure for
    breakdown situations."""
    text = note(
        "14",
        "procedure",
        "Rupture du contrat d'apprentissage : cf. code du travail, art. L. 6222-18.\n"
        "Le formulaire de rupture est à transmettre à l'OPCO par l'employeur.",
    )
    files = {"pro/acc.md": ACCOMPAGNEMENT, "pro/ruptures.md": text}
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(14,))
    [finding] = findings(report.indicator(14), "check_rupture_sans_delai")
    assert finding.outcome == "gap"
    assert set(finding.items) == {
        "procedure-rupture",
        "causes-rupture",
        "lieux-rupture",
        "sans-delai",
    }
