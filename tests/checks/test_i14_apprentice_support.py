"""Indicator 14 (``rnq/checks/i14_apprentice_support.py``), for a CFA: social and professional
support of apprentices (financial and social help, sports and culture, citizenship) and, from
rnq-2026, a procedure handling breakdown situations without delay.
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
