"""Indicator 26 (``rnq/checks/i26_disability.py``): disability expertise, tools and a partner
network, with the way training is adapted; a partial answer is a major gap naming what is
missing.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

FULL = """\
---
indicators: [26]
kind: handicap
date: 2026-04-01
---
# Accueil des personnes en situation de handicap

Référente handicap : Mme Claire Martin (referent.handicap@exemple.fr).

Réseau mobilisable : Agefiph Nouvelle-Aquitaine, Cap emploi 86, MDPH de la Vienne,
Ressource Handicap Formation (RHF).

Lors de l'inscription, un entretien avec la référente identifie les besoins de compensation ;
les aménagements (tiers-temps, supports adaptés) sont décidés avec l'apprenant.
"""

NETWORK_ONLY = """\
---
indicators: [26]
kind: handicap
date: 2026-04-01
---
# Partenaires
Agefiph, Cap emploi, MDPH : coordonnées ci-dessous.
"""


def test_network_expertise_and_adaptation_pass(run_ws: RunWs) -> None:
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, {"siege/handicap.md": FULL}, audit_date=audit, indicators=(26,))
        result = report.indicator(26)
        assert outcomes(result, "check_reseau_handicap") == ["passed"]
        assert result.status == "conform"


def test_network_alone_is_a_major_gap_naming_what_is_missing(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG, {"siege/handicap.md": NETWORK_ONLY}, audit_date=V2026_AUDIT, indicators=(26,)
    )
    result = report.indicator(26)
    (gap,) = findings(result, "check_reseau_handicap")
    assert gap.outcome == "gap"
    assert "modalités d'adaptation" in gap.message
    assert "expertise ou outils" in gap.message
    assert "réseau de partenaires" not in gap.message
    assert list(gap.evidence) == ["siege/handicap.md"]
    assert result.status == "nc_major"  # 26 is « majeure uniquement »


def test_no_partner_network_is_a_gap(run_ws: RunWs) -> None:
    text = FULL.replace(
        "Réseau mobilisable : Agefiph Nouvelle-Aquitaine, Cap emploi 86, MDPH de la Vienne,\n"
        "Ressource Handicap Formation (RHF).\n",
        "",
    )
    report = run_ws(CONFIG, {"pro/handicap.md": text}, audit_date=V9_AUDIT, indicators=(26,))
    (gap,) = findings(report.indicator(26), "check_reseau_handicap")
    assert gap.outcome == "gap"
    assert "réseau de partenaires" in gap.message and "Pôle pro" in gap.message
