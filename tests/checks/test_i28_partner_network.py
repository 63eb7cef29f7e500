"""Indicator 28 (``rnq/checks/i28_partner_network.py``): with work-situation periods, a network of
socio-economic partners that co-designs the training and helps welcome learners in companies;
not applicable without such periods, and never run on a unit of bilans (scope).
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

#: Scenario s_13_on_bc_unit of the review: a unit of bilans beside a unit with work periods.
TWO_UNITS = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, BC]
activity: {work_situation: true}
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: vendeur, title: "TP Vendeur", facts: {work_situation: true}}
  - id: bilans
    name: "Bilans"
    offerings:
      - {id: bilan, title: "Bilan de compétences", category: BC}
"""


def test_28_applies_with_work_situation_periods(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/p.md": PARTENAIRES}, audit_date=V9_AUDIT, indicators=(28,))
    assert report.indicator(28).status == "not_applicable"
    report = run_ws(WORK_CONFIG, {"pro/p.md": PARTENAIRES}, audit_date=V9_AUDIT, indicators=(28,))
    assert outcomes(report.indicator(28), "check_reseau_partenaires") == ["passed"]
    assert report.indicator(28).status == "conform"


def test_28_gap_without_co_design(run_ws: RunWs) -> None:
    text = note(
        "28",
        "partenariat",
        "Liste des entreprises partenaires du pôle. Les offres de stage qu'elles nous envoient "
        "sont relayées aux stagiaires chaque semaine.",
    )
    report = run_ws(WORK_CONFIG, {"pro/p.md": text}, audit_date=V2026_AUDIT, indicators=(28,))
    result = report.indicator(28)
    [finding] = findings(result, "check_reseau_partenaires")
    assert finding.outcome == "gap" and "co-construction" in finding.message
    assert finding.items == ("co-construction",)
    assert result.status == "nc_minor"


def test_28_never_runs_on_a_unit_of_bilans(run_ws: RunWs) -> None:
    """Review §2.2.2, scenario s_13_on_bc_unit (was nc_minor on the bilan unit): the engine's
    scope leaves 28 off a unit whose offerings are all bilans."""
    report = run_ws(TWO_UNITS, {"pro/p.md": PARTENAIRES}, audit_date=V2026_AUDIT, indicators=(28,))
    result = report.indicator(28)
    assert "bilans" not in result.units
    assert [f for f in result.findings if f.unit == "bilans"] == []
    assert result.units["pro"] == "conform"
    assert result.status == "conform"


def test_partners_that_only_sell_software_are_not_a_network(run_ws: RunWs) -> None:
    text = note(
        "28",
        "partenariat",
        "Nos partenaires\n- OVHcloud : hébergement de la plateforme\n- Microsoft : licences\n"
        "- Zoom : classes virtuelles\n- Qonto : banque en ligne\n",
    )
    report = run_ws(WORK_CONFIG, {"pro/p.md": text}, audit_date=V2026_AUDIT, indicators=(28,))
    (gap,) = findings(report.indicator(28), "check_reseau_partenaires")
    assert gap.outcome == "gap"
    assert set(gap.items) == {"reseau-partenaires", "co-construction", "accueil-entreprise"}
