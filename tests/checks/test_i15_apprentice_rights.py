"""Indicator 15 (``rnq/checks/i15_apprentice_rights.py``), for a CFA: apprentices are told their
rights and duties, their status and health and safety rules and, from rnq-2026, the
apprenticeship mediator, the information for minors and the labour inspectorate.
"""

from __future__ import annotations

from .conftest import CFA_CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

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
