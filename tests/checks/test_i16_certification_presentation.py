"""Indicator 16 (``rnq/checks/i16_certification_presentation.py``), per certifying offering:
candidates are presented to the certification under the certifier's formal requirements; a
gap names the offering and is major (provisional on an RS certification).
"""

from __future__ import annotations

import pytest

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note

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
    assert finding.outcome == "advice" and finding.confirm
