"""Indicator 13 (``rnq/checks/i13_alternance.py``): with alternance, the missions in the company
are planned with the learner and the company, and learning is coordinated between centre and
company (requirements); the liaison booklet and the tutor visits are the guide's examples
(advice); not applicable without alternance, nor on a bilan-only unit.
"""

from __future__ import annotations

import pytest

from rnq.verdict.report import IndicatorResult

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

ALTERNANCE_CONFIG = CONFIG.replace(
    "categories: [AF]\n", "categories: [AF]\nactivity: {alternance: true}\n"
)

CHECK = "check_alternance_coordination"

LIVRET_ALTERNANCE = note(
    "13",
    "suivi",
    """# Livret d'apprentissage
Les missions confiées en entreprise sont planifiées à court, moyen et long terme avec l'apprenant
et son tuteur. Visite en entreprise chaque semestre ; progression articulée entre le centre et
l'entreprise.""",
)

#: No « livret »: a passport, three-party meetings, company visits (review §2.1 #5, §2.7).
PASSEPORT = note(
    "13",
    "suivi",
    """# Passeport de l'apprenti – BP Boucher
Au début de chaque semestre, le maître d'apprentissage et l'apprenti fixent les tâches à réaliser en
entreprise, en regard des séquences prévues au CFA sur la période.
Rythme : 2 jours au CFA / 3 jours en entreprise.
Une rencontre tripartite a lieu chaque semestre ; visites en entreprise par le référent.""",
)

#: The requirements only: no liaison tool, no trace of exchanges with the tutor.
REQUIREMENTS_ONLY = note(
    "13",
    "procedure",
    """# Processus d'articulation CFA / entreprise
Les missions confiées à l'apprenti sont définies avec l'employeur avant chaque période en
entreprise ; le formateur s'en sert en cours et adapte la progression pédagogique du groupe aux
situations vécues par les apprentis.""",
)


def advice_items(result: IndicatorResult) -> set[str]:
    return {item for f in findings(result, CHECK) if f.outcome == "advice" for item in f.items}


def test_13_does_not_apply_without_alternance(run_ws: RunWs) -> None:
    files = {"pro/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(13,))
    assert report.indicator(13).status == "not_applicable"
    assert findings(report.indicator(13), CHECK) == []


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_13_passes_with_a_liaison_booklet(run_ws: RunWs, audit_date: object) -> None:
    files = {"pro/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(ALTERNANCE_CONFIG, files, audit_date=audit_date, indicators=(13,))
    assert outcomes(report.indicator(13), CHECK) == ["passed"]
    assert report.indicator(13).status == "conform"


def test_13_a_passport_and_company_visits_are_liaison_and_exchanges(run_ws: RunWs) -> None:
    """Review §2.1 #5 and §2.7: any carnet or passport is a liaison tool, and « visite(s) en
    entreprise » are exchanges with the tutor — no NC, no advice."""
    report = run_ws(
        ALTERNANCE_CONFIG, {"pro/passeport.md": PASSEPORT}, audit_date=V9_AUDIT, indicators=(13,)
    )
    assert outcomes(report.indicator(13), CHECK) == ["passed"]
    assert report.indicator(13).status == "conform"


def test_13_liaison_tool_and_tutor_visits_are_examples(run_ws: RunWs) -> None:
    """Review §2.1 #5: the booklet and the tutor visits are evidence examples — missing, they
    are points de vigilance, never an NC."""
    files = {"pro/processus.md": REQUIREMENTS_ONLY}
    report = run_ws(ALTERNANCE_CONFIG, files, audit_date=V2026_AUDIT, indicators=(13,))
    result = report.indicator(13)
    assert result.status == "conform", [f.message for f in result.findings]
    assert sorted(outcomes(result, CHECK)) == ["advice", "advice", "passed"]
    assert advice_items(result) == {"outil-liaison", "echanges-tuteur"}
    advice = [f for f in findings(result, CHECK) if f.outcome == "advice"]
    assert all("Point de vigilance" in f.message and not f.confirm for f in advice)


def test_13_gap_without_the_company(run_ws: RunWs) -> None:
    """A real gap stays: nothing shows the company takes part in the missions."""
    text = note(
        "13",
        "suivi",
        """# Livret de suivi
Les missions prévues pour chaque période sont notées par l'apprenant dans le livret ; le
formateur adapte la progression pédagogique du groupe.""",
    )
    report = run_ws(ALTERNANCE_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(13,))
    result = report.indicator(13)
    gaps = [f for f in findings(result, CHECK) if f.outcome == "gap"]
    assert len(gaps) == 1
    assert "en lien avec l'entreprise" in gaps[0].message
    assert gaps[0].items == ("lien-entreprise",)
    assert result.status == "nc_minor"


def test_13_placeholder_booklet_is_a_draft(run_ws: RunWs) -> None:
    """Review §4: « Livret d'apprentissage : missions, tuteur, progression — modèle à venir. »
    proves nothing."""
    text = note(
        "13", "suivi", "Livret d'apprentissage : missions, tuteur, progression — modèle à venir."
    )
    report = run_ws(ALTERNANCE_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(13,))
    result = report.indicator(13)
    gaps = [f for f in findings(result, CHECK) if f.outcome == "gap"]
    assert len(gaps) == 1 and "brouillon" in gaps[0].message
    assert result.status != "conform"


BC_UNIT_CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [BC, CFA]
activity: {alternance: true, work_situation: true}
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: bilans
    name: "Bilans"
    offerings:
      - {id: bilan, title: "Bilan de compétences", category: BC}
  - id: cfa
    name: "CFA"
    offerings:
      - {id: bp, title: "BP Fleuriste", category: CFA, certification: "RNCP54321"}
"""


def test_13_does_not_run_on_a_bilan_only_unit(run_ws: RunWs) -> None:
    """Review §2.2 (scenario s_13_on_bc_unit): a bilan-only unit gets neither a gap nor a
    finding on 13; the CFA unit is judged."""
    files = {"cfa/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(BC_UNIT_CONFIG, files, audit_date=V2026_AUDIT, indicators=(13,))
    result = report.indicator(13)
    assert {f.unit for f in result.findings} <= {"cfa", "siege"}
    assert "bilans" not in result.units
    assert result.units.get("cfa") == "conform"
    assert result.status == "conform", [f.message for f in result.findings]


def test_13_an_empty_booklet_sheet_proves_nothing(run_ws: RunWs) -> None:
    """A booklet page exported with its headers and blank rows is an empty template: its
    headers (« Missions prévues en entreprise », « Appréciation MA ») are not content."""
    files = {
        "pro/livret-modele.csv": (
            "Période;Missions prévues en entreprise;Séquences au CFA;Appréciation MA;Visa\n"
            ";;;;\n;;;;\n"
        ),
        "pro/rnq-evidence.yaml": (
            '- path: "*.csv"\n  indicators: [13]\n  kind: suivi\n  date: 2026-09-01\n'
        ),
    }
    report = run_ws(ALTERNANCE_CONFIG, files, audit_date=V9_AUDIT, indicators=(13,))
    result = report.indicator(13)
    gaps = [f for f in findings(result, CHECK) if f.outcome == "gap"]
    assert len(gaps) == 1 and "modèle vide" in gaps[0].message
    assert set(gaps[0].items) == {
        "missions-anticipees",
        "lien-entreprise",
        "coordination-progressivite",
    }
    assert result.status != "conform"
    filled = files["pro/livret-modele.csv"].replace(
        ";;;;\n;;;;\n", "Sept.-déc.;Accueil clients, mise en rayon;Vente, merchandising;Bien;MV\n"
    )
    report = run_ws(
        ALTERNANCE_CONFIG,
        {**files, "pro/livret-modele.csv": filled},
        audit_date=V9_AUDIT,
        indicators=(13,),
    )
    assert all(f.outcome != "gap" for f in findings(report.indicator(13), CHECK))
