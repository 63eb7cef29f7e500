"""Indicator 27 (``rnq/checks/i27_subcontracting.py``): the subcontractors' compliance is
checked (both referentials); from rnq-2026, each subcontracting contract traces the obligation
to comply with the referential — portage contracts are outside that requirement; the contract
itself, and the object and control clauses, are examples (advice); not applicable without
subcontracting nor portage.
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

PORTAGE_CONFIG = CONFIG.replace("activity: {subcontracting: true}", "activity: {portage: true}")

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

#: Scenario s_27_portage_2026 of the review: a portage contract without a quality clause.
PORTAGE = """\
---
indicators: [27]
kind: contrat-sous-traitance
date: 2026-11-02
---
# Contrat commercial de prestation — portage salarial

Entre l'organisme de formation, Alpes Portage (entreprise de portage) et Mme Arnaud,
consultante formatrice salariée portée.
Article 1 — Prestation : animation de 6 sessions « Manager à distance ».
Article 2 — Tarif : 1 300 € HT par jour.
"""

PORTAGE_FOLLOW_UP = """\
---
indicators: [27]
date: 2026-11-02
---
# Suivi des consultants portés
Avant la première session, la consultante portée remet son CV et ses attestations de
formation ; la responsable pédagogique observe une séance par an et analyse les évaluations
des stagiaires après chaque session.
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
    found = findings(result, "check_tracabilite_contrats")
    (gap,) = [f for f in found if f.outcome == "gap"]
    assert gap.item == "siege/contrat-formatech.md"
    assert gap.items == ("clause-conformite",)
    assert "référentiel" in gap.message
    # the control clause is an example of the guide: advice, not part of the gap
    (advice,) = [f for f in found if f.outcome == "advice"]
    assert advice.items == ("modalites-controle",) and not advice.confirm
    assert "modalités de contrôle" not in gap.message
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
    assert gap.items == ("verification-conformite",)
    assert "vérifier la conformité des sous-traitants" in gap.message
    assert "Pôle pro" in gap.message
    assert result.status == "nc_major"  # 27 is « majeure uniquement »


def test_compliance_proof_without_contract_is_advice(run_ws: RunWs) -> None:
    """Review §2.5 (27: contract (E)): the contract is an evidence example; without it, the
    verification of the subcontractors' compliance is enough, and the 2026 traceability cannot
    be read: « à confirmer »."""
    report = run_ws(
        CONFIG, {"siege/selection.md": SELECTION}, audit_date=V2026_AUDIT, indicators=(27,)
    )
    result = report.indicator(27)
    assert result.status == "conform", [f.message for f in result.findings]
    found = findings(result, "check_conformite_sous_traitants")
    assert {f.outcome for f in found} == {"passed", "advice"}
    assert next(f for f in found if f.outcome == "advice").items == ("contrat",)
    trace = [f for f in findings(result, "check_tracabilite_contrats") if f.outcome == "advice"]
    assert trace and trace[0].confirm and trace[0].items == ("clause-conformite",)


def test_portage_contract_is_outside_the_2026_traceability(run_ws: RunWs) -> None:
    """Review §2.2.5, scenario s_27_portage_2026 (was nc_major): the 2026 text asks for
    traceability in « contrats de sous-traitance »; a portage contract is not one. The
    verification of the ported worker's compliance is still required."""
    files = {"siege/contrat-portage.md": PORTAGE, "siege/suivi-portes.md": PORTAGE_FOLLOW_UP}
    report = run_ws(PORTAGE_CONFIG, files, audit_date=V2026_AUDIT, indicators=(27,))
    result = report.indicator(27)
    assert result.status == "conform", [f.message for f in result.findings]
    assert [f for f in findings(result, "check_tracabilite_contrats") if f.outcome == "gap"] == []
    # the real gap: without any verification of the ported worker, still an NC majeure
    report = run_ws(
        PORTAGE_CONFIG,
        {"siege/contrat-portage.md": PORTAGE},
        audit_date=V2026_AUDIT,
        indicators=(27,),
    )
    result = report.indicator(27)
    (gap,) = [f for f in findings(result, "check_conformite_sous_traitants") if f.outcome == "gap"]
    assert gap.items == ("verification-conformite",)
    assert result.status == "nc_major"


def test_only_subcontracting_contracts_must_trace_the_referential(run_ws: RunWs) -> None:
    config = CONFIG.replace("{subcontracting: true}", "{subcontracting: true, portage: true}")
    files = {
        "siege/contrat-portage.md": PORTAGE,
        "siege/contrat-formatech.md": LOOSE_CONTRACT,
        "siege/selection.md": SELECTION,
    }
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(27,))
    gaps = [
        f
        for f in findings(report.indicator(27), "check_tracabilite_contrats")
        if f.outcome == "gap"
    ]
    assert [g.item for g in gaps] == ["siege/contrat-formatech.md"]


def test_a_procedure_mentioning_contracts_is_not_a_contract(run_ws: RunWs) -> None:
    procedure = (
        "---\nindicators: [27]\ndate: 2026-02-01\n---\n"
        "# Procédure de référencement des sous-traitants\nUn contrat de sous-traitance est signé "
        "avant toute intervention. Grille de sélection, revue annuelle du panel.\n"
    )
    files = {"siege/procedure.md": procedure, "siege/contrat.md": CONTRACT}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(27,))
    result = report.indicator(27)
    assert outcomes(result, "check_tracabilite_contrats") == ["passed"]
    assert result.status == "conform"


DRAFT_CONTRACT = """\
---
indicators: [27]
kind: contrat-sous-traitance
date: 2026-11-01
---
MODÈLE — CONTRAT DE SOUS-TRAITANCE (à adapter)
Article 1 — Objet : [intitulé]
Article 2 — Missions : à compléter
Article 3 — Qualité : à rédiger
Article 4 — Contrôle : à définir
"""


def test_draft_contract_is_a_gap_saying_so(run_ws: RunWs) -> None:
    files = {"siege/modele.md": DRAFT_CONTRACT, "siege/selection.md": SELECTION}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(27,))
    (gap,) = [
        f
        for f in findings(report.indicator(27), "check_tracabilite_contrats")
        if f.outcome == "gap"
    ]
    assert "brouillon" in gap.message and gap.items == ("clause-conformite",)


def test_a_model_contract_beside_signed_ones_is_advice(run_ws: RunWs) -> None:
    files = {"siege/modele.md": DRAFT_CONTRACT, "siege/contrat.md": CONTRACT}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(27,))
    result = report.indicator(27)
    assert result.status == "conform"
    found = findings(result, "check_tracabilite_contrats")
    assert {f.outcome for f in found} == {"passed", "advice"}
    assert any("siege/modele.md" in f.message for f in found if f.outcome == "advice")


def test_not_applicable_without_subcontracting(run_ws: RunWs) -> None:
    config = CONFIG.replace("activity: {subcontracting: true}\n", "")
    report = run_ws(
        config, {"siege/contrat.md": LOOSE_CONTRACT}, audit_date=V2026_AUDIT, indicators=(27,)
    )
    assert report.indicator(27).status == "not_applicable"
    assert findings(report.indicator(27), "check_conformite_sous_traitants") == []
