"""Indicator 29 (``rnq/checks/i29_employment_actions.py``), for a CFA: concrete actions for
employment and further study; an intention alone is a major gap.
"""

from __future__ import annotations

import pytest

from .conftest import CFA_CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

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
