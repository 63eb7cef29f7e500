"""Indicator 29 (``rnq/checks/i29_employment_actions.py``), for a CFA: concrete actions for
employment and further study; an intention alone is a major gap, a timetable is not about
employment, result rates are not actions, and the indicator never runs on an AF unit (scope).
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

#: Scenario s_cfa_on_af_unit of the review: an AF unit beside a CFA unit.
TWO_UNITS = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, CFA]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: af
    name: "Pôle formation continue"
    offerings:
      - {id: excel, title: "Excel"}
  - id: cfa
    name: "CFA"
    offerings:
      - {id: bp, title: "BP Fleuriste", category: CFA, certification: "RNCP54321"}
"""


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
    assert finding.items == ("actions-concretes",)
    assert result.status == "nc_major"


def test_a_timetable_is_not_about_employment(run_ws: RunWs) -> None:
    """Review §4: « Emploi du temps : ateliers le mardi. » was conform (« emploi »)."""
    text = note("29", "suivi", "Emploi du temps : ateliers le mardi.")
    report = run_ws(CFA_CONFIG, {"pro/i.md": text}, audit_date=V2026_AUDIT, indicators=(29,))
    result = report.indicator(29)
    [finding] = findings(result, "check_insertion_poursuite")
    assert finding.outcome == "gap"
    assert result.status == "nc_major"
    timetable = note(
        "29",
        "suivi",
        "Emploi du temps de la semaine 12 : cours le lundi et le mardi, atelier pratique le "
        "mercredi, entreprise du jeudi au samedi.",
    )
    report = run_ws(CFA_CONFIG, {"pro/i.md": timetable}, audit_date=V2026_AUDIT, indicators=(29,))
    [finding] = findings(report.indicator(29), "check_insertion_poursuite")
    assert finding.outcome == "gap" and "finalite" in finding.items


def test_result_rates_are_not_actions(run_ws: RunWs) -> None:
    text = note(
        "29",
        "suivi",
        "Nos résultats (InserJeunes 2025)\nCAP Cuisine : taux d'emploi à 6 mois 68 % — taux de "
        "poursuite d'études 21 %",
    )
    report = run_ws(CFA_CONFIG, {"pro/i.md": text}, audit_date=V2026_AUDIT, indicators=(29,))
    [finding] = findings(report.indicator(29), "check_insertion_poursuite")
    assert finding.outcome == "gap"
    assert set(finding.items) == {"finalite", "actions-concretes"}


def test_29_never_runs_on_an_af_unit(run_ws: RunWs) -> None:
    """Review §2.2.2, scenario s_cfa_on_af_unit (was nc_major on the AF unit): the engine's
    scope leaves the CFA-only 29 off a unit without an apprenticeship."""
    report = run_ws(TWO_UNITS, {"cfa/i.md": INSERTION}, audit_date=V2026_AUDIT, indicators=(29,))
    result = report.indicator(29)
    assert "af" not in result.units
    assert [f for f in result.findings if f.unit == "af"] == []
    assert result.units["cfa"] == "conform"
    assert result.status == "conform"
