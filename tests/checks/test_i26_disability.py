"""Indicator 26 (``rnq/checks/i26_disability.py``): a network of disability partners staff can
call on and the expertise or tools mobilised are required; how the network is called on and the
adaptations made are required only where people with disabilities are welcomed (fact
``welcomes_disabled``), advice « à confirmer » when the fact is not declared; a placeholder or a
draft is not evidence.
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

# The network and the expertise, no word on how adaptations are decided.
NETWORK_AND_REFERENT = """\
---
indicators: [26]
kind: handicap
date: 2026-04-01
---
# Handicap
Référent·e handicap : Dominique Lefort, formé·e par l'Agefiph en 2025.
Nos partenaires : Cap emploi 86, MDPH de la Vienne, APF France handicap.
"""

NETWORK_ONLY = """\
---
indicators: [26]
kind: handicap
date: 2026-04-01
---
# Partenaires
L'équipe peut joindre l'Agefiph Nouvelle-Aquitaine, Cap emploi 86 et la MDPH de la Vienne,
dont les coordonnées sont tenues à jour par l'accueil.
"""

PLACEHOLDER = """\
---
indicators: [26]
date: 2026-09-01
---
Handicap : Agefiph. Outils : à définir. Procédure : à venir.
"""


def _of(result, outcome: str):  # type: ignore[no-untyped-def]
    return [f for f in findings(result, "check_reseau_handicap") if f.outcome == outcome]


def _with_facts(welcomes: bool) -> str:
    return CONFIG + f"facts: {{welcomes_disabled: {'true' if welcomes else 'false'}}}\n"


def test_network_expertise_and_adaptation_pass(run_ws: RunWs) -> None:
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, {"siege/handicap.md": FULL}, audit_date=audit, indicators=(26,))
        result = report.indicator(26)
        assert outcomes(result, "check_reseau_handicap") == ["passed"]
        assert result.status == "conform"


def test_adaptation_modalities_follow_the_declared_fact(run_ws: RunWs) -> None:
    """Review §2.3: « Dans le cas d'accueil de personnes en situation de handicap » — a
    conditional requirement, never a gap unless the provider declares it welcomes them."""
    files = {"siege/handicap.md": NETWORK_AND_REFERENT}
    # not declared: advice to confirm, naming the fact to declare
    result = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(26,)).indicator(26)
    (advice,) = _of(result, "advice")
    assert advice.confirm and list(advice.items) == ["modalites-recours"]
    assert not _of(result, "gap")
    assert "welcomes_disabled" in advice.message
    assert result.status == "conform"
    # declared false: not demanded at all
    result = run_ws(_with_facts(False), files, audit_date=V2026_AUDIT, indicators=(26,))
    assert outcomes(result.indicator(26), "check_reseau_handicap") == ["passed"]
    # declared true: a gap, major (26 is « majeure uniquement »)
    result = run_ws(_with_facts(True), files, audit_date=V2026_AUDIT, indicators=(26,))
    (gap,) = findings(result.indicator(26), "check_reseau_handicap")
    assert gap.outcome == "gap"
    assert "modalités de recours" in gap.message
    assert "réseau de partenaires" not in gap.message
    assert list(gap.items) == ["modalites-recours"]
    assert result.indicator(26).status == "nc_major"


def test_network_alone_is_a_major_gap_naming_what_is_missing(run_ws: RunWs) -> None:
    report = run_ws(
        _with_facts(True),
        {"siege/handicap.md": NETWORK_ONLY},
        audit_date=V2026_AUDIT,
        indicators=(26,),
    )
    result = report.indicator(26)
    (gap,) = findings(result, "check_reseau_handicap")
    assert gap.outcome == "gap"
    assert "expertises ou outils" in gap.message
    assert "modalités de recours" in gap.message
    assert "réseau de partenaires" not in gap.message
    assert set(gap.items) == {"expertise-outils", "modalites-recours"}
    assert list(gap.evidence) == ["siege/handicap.md"]
    assert result.status == "nc_major"  # 26 is « majeure uniquement »


def test_no_partner_network_is_a_gap(run_ws: RunWs) -> None:
    text = FULL.replace(
        "Réseau mobilisable : Agefiph Nouvelle-Aquitaine, Cap emploi 86, MDPH de la Vienne,\n"
        "Ressource Handicap Formation (RHF).\n",
        "",
    )
    report = run_ws(CONFIG, {"pro/handicap.md": text}, audit_date=V9_AUDIT, indicators=(26,))
    (gap,) = _of(report.indicator(26), "gap")
    assert "réseau de partenaires" in gap.message and "Pôle pro" in gap.message
    assert list(gap.items) == ["reseau-partenaires"]


def test_a_network_declined_by_negation_is_not_a_network(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [26]\n---\n# Accueil des personnes handicapées\n"
        "Nous n'avons à ce jour identifié aucun partenaire spécialisé dans le handicap et nous "
        "n'avons pas de référent désigné : nous aviserons au cas par cas.\n"
    )
    report = run_ws(CONFIG, {"pro/I26-handicap.md": text}, audit_date=V2026_AUDIT, indicators=(26,))
    (gap,) = _of(report.indicator(26), "gap")
    assert {"reseau-partenaires", "expertise-outils"} <= set(gap.items)


def test_placeholder_is_a_draft_not_a_network(run_ws: RunWs) -> None:
    """Review §4 n° 3: « Handicap : Agefiph. Outils : à définir. Procédure : à venir. » was
    conform; it is a draft, and the gap says so."""
    report = run_ws(
        CONFIG, {"pro/I26-handicap.md": PLACEHOLDER}, audit_date=V9_AUDIT, indicators=(26,)
    )
    result = report.indicator(26)
    (gap,) = _of(result, "gap")
    assert "brouillon" in gap.message
    assert result.status == "nc_major"
