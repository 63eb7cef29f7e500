"""Indicator 27 (``rnq/checks/i27_subcontracting.py``): the subcontractors' compliance is
checked (both referentials) and, from rnq-2026, the subcontracting contracts trace what is
subcontracted, the compliance obligations and the controls; not applicable without
subcontracting.
"""

from __future__ import annotations

from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
activity: {subcontracting: true}
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    offerings:
      - {id: cap, title: "CAP Fleuriste", certification: "RNCP12345"}
"""

CONTRACT = """\
---
indicators: [27]
kind: contrat-sous-traitance
date: 2026-01-15
---
# Contrat de sous-traitance — Formatech SARL

Article 1 — Objet : le sous-traitant assure les modules de bureautique de la formation.
Article 2 — Le sous-traitant s'engage à respecter le référentiel national qualité (Qualiopi)
pour les indicateurs 9 à 12 et fournit son NDA et son certificat.
Article 3 — Le donneur d'ordre effectue un contrôle annuel (audit) des prestations.
"""

LOOSE_CONTRACT = """\
---
indicators: [27]
kind: contrat-sous-traitance
date: 2026-01-15
---
# Contrat de sous-traitance — Formatech SARL

Article 1 — Objet : le sous-traitant assure les modules de bureautique.
Article 2 — Prix : 600 euros par jour.
"""

SELECTION = """\
---
indicators: [27]
date: 2026-01-10
---
# Sélection des sous-traitants
Grille de sélection : certificat Qualiopi, NDA, CV des formateurs.
"""


def test_contract_with_compliance_and_traceability_passes(run_ws: RunWs) -> None:
    files = {"siege/sous-traitance/contrat-formatech.md": CONTRACT}
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(27,))
        result = report.indicator(27)
        assert outcomes(result, "check_conformite_sous_traitants") == ["passed"]
        assert result.status == "conform"
    assert outcomes(result, "check_tracabilite_contrats") == ["passed"]


def test_traceability_is_checked_only_from_2026(run_ws: RunWs) -> None:
    files = {"siege/contrat-formatech.md": LOOSE_CONTRACT, "siege/selection.md": SELECTION}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(27,))
    result = report.indicator(27)
    assert outcomes(result, "check_conformite_sous_traitants") == ["passed"]
    assert outcomes(result, "check_tracabilite_contrats") == []
    assert result.status == "conform"
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(27,))
    result = report.indicator(27)
    (gap,) = findings(result, "check_tracabilite_contrats")
    assert gap.outcome == "gap"
    assert gap.item == "siege/contrat-formatech.md"
    assert "obligations de conformité" in gap.message and "modalités de contrôle" in gap.message
    assert "ce qui est sous-traité" not in gap.message
    assert result.status == "nc_major"


def test_contract_without_compliance_proof_is_a_gap(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG,
        {"pro/contrat-formatech.md": LOOSE_CONTRACT},
        audit_date=V9_AUDIT,
        indicators=(27,),
    )
    result = report.indicator(27)
    (gap,) = findings(result, "check_conformite_sous_traitants")
    assert gap.outcome == "gap"
    assert "vérification de la conformité des sous-traitants" in gap.message
    assert "Pôle pro" in gap.message
    assert result.status == "nc_major"  # 27 is « majeure uniquement »


def test_compliance_proof_without_contract_is_a_gap(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG, {"siege/selection.md": SELECTION}, audit_date=V2026_AUDIT, indicators=(27,)
    )
    result = report.indicator(27)
    (gap,) = findings(result, "check_conformite_sous_traitants")
    assert gap.outcome == "gap" and "contrat de sous-traitance" in gap.message
    # no contract to read: the traceability check leaves it to the compliance check
    assert outcomes(result, "check_tracabilite_contrats") == ["not_applicable"]


def test_not_applicable_without_subcontracting(run_ws: RunWs) -> None:
    config = CONFIG.replace("activity: {subcontracting: true}\n", "")
    report = run_ws(
        config, {"siege/contrat.md": LOOSE_CONTRACT}, audit_date=V2026_AUDIT, indicators=(27,)
    )
    assert report.indicator(27).status == "not_applicable"
    assert findings(report.indicator(27), "check_conformite_sous_traitants") == []
