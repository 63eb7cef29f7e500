"""Indicator 28 (``rnq/checks/i28_partner_network.py``): with work-situation periods, a network of
partners that co-designs the programmes; not applicable without such periods.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

WORK_CONFIG = CONFIG.replace(
    "categories: [AF]\n", "categories: [AF]\nactivity: {work_situation: true}\n"
)

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
