"""Indicator 20 (``rnq/checks/i20_cfa_governance.py``), for a CFA: dedicated staff (improvement
council with recent minutes, mobility referent, disability referent and their contact) and,
from rnq-2026, a governance with the companies at the table; not applicable outside a CFA.
"""

from __future__ import annotations

import pytest

from .conftest import CFA_CONFIG, CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

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
    assert finding.outcome == "advice" and finding.confirm
    assert "entreprises" in finding.message
    assert report.indicator(20).status == "conform"  # provisional (2026): uncounted
