"""Indicator 2 (``rnq/checks/i02_results.py``): quantified result indicators are published (a
central gap reported once, a new entrant only identifying its indicators, a CFA pointing to
InserJeunes) and, from rnq-2026, their calculation method or source is given; their freshness is
rnq's rule of thumb, a point de vigilance and never a gap.
"""

from __future__ import annotations

import pytest

from .conftest import CRITERION_1_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from .conftest import flexible_note as note

TWO_UNITS = (
    CONFIG
    + """\
  - id: langues
    name: "Pôle langues"
"""
)

#: A CFA whose offering leads to a diploma (review scenario ``s_2_cfa_inserjeunes``).
CFA = """\
version: 1
organization: {name: "CFA test"}
categories: [CFA]
audit: {type: surveillance, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: cfa
    name: "CFA"
    offerings:
      - {id: cap, title: "CAP Boulanger", category: CFA, certification: "RNCP12345"}
"""

RESULTS = """\
Résultats 2025-2026
Taux de satisfaction : 92 %. Stagiaires formés : 160.
Taux de réussite au CAP : 85 %.
"""

METHOD = "Modalités de calcul : taux de réussite = admis / présentés à l'examen, session 2026.\n"

INSERJEUNES = """\
# Nos résultats

Conformément à l'article L. 6111-8 du code du travail, les taux d'obtention des diplômes,
d'insertion professionnelle et de poursuite d'études de nos formations sont calculés par les
ministères et publiés sur InserJeunes : https://www.inserjeunes.education.gouv.fr (rubrique
« CFA du Pays d'Angers »).
"""


def advice(report, item: str):  # type: ignore[no-untyped-def]
    return [
        f
        for f in findings(report.indicator(2), "check_resultats_publies")
        if f.outcome == "advice" and item in f.items
    ]


def test_current_figures_pass_under_v9(run_ws: RunWs) -> None:
    report = run_ws(
        CONFIG,
        {"pro/resultats.md": note("2", "resultats", RESULTS, date="2026-07-01")},
        audit_date=V9_AUDIT,
        indicators=(2,),
    )
    two = report.indicator(2)
    assert two.status == "conform", [f.message for f in two.findings]
    assert outcomes(two, "check_resultats_publies") == ["passed"]
    assert findings(two, "check_methode_calcul_resultats") == []


def test_results_without_figures_are_a_gap(run_ws: RunWs) -> None:
    text = "Nos stagiaires sont très satisfaits de nos formations et nous recommandent.\n"
    report = run_ws(
        CONFIG,
        {"pro/resultats.md": note("2", "resultats", text)},
        audit_date=V9_AUDIT,
        indicators=(2,),
    )
    (gap,) = findings(report.indicator(2), "check_resultats_publies")
    assert gap.outcome == "gap" and "résultats chiffrés" in gap.message
    assert gap.items == ("resultats-chiffres",)
    assert "pro/resultats.md" in gap.message and report.indicator(2).status == "nc_minor"


def test_a_year_is_not_a_figure(run_ws: RunWs) -> None:
    """« Note : données 2025 à publier prochainement » names a year, not a result (review §4)."""
    text = "Résultats — Note : données 2025 à publier prochainement sur cette page.\n"
    files = {"pro/resultats.md": note("2", "resultats", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(2,))
    assert outcomes(report.indicator(2), "check_resultats_publies") == ["gap"]


def test_stale_figures_are_a_point_of_vigilance_not_a_gap(run_ws: RunWs) -> None:
    """The 12-month freshness is rnq's rule of thumb (review §1 row 4: E)."""
    files = {
        "pro/I02-resultats-2024.md": note("2", "resultats", RESULTS, date="2024-12-31"),
        "pro/I02-page-web.md": note("2", None, "Nos résultats sont publiés sur cette page.\n"),
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(2,))
    two = report.indicator(2)
    assert two.status == "conform"
    assert outcomes(two, "check_resultats_publies") == ["passed", "advice"]
    (stale,) = advice(report, "resultats-a-jour")
    assert "2024-12-31" in stale.message and "Règle de fraîcheur indicative" in stale.message
    assert stale.evidence == ("pro/I02-resultats-2024.md",)


def test_results_register_counts_as_figures(run_ws: RunWs) -> None:
    csv = "Session;Inscrits;Admis;Réussite\n2026-06;20;17;85\n"
    files: dict[str, str | bytes] = {
        "pro/I02-resultats.csv": csv,
        "pro/rnq-evidence.yaml": '- path: "*.csv"\n  indicators: [2]\n  date: 2026-07-01\n',
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(2,))
    assert outcomes(report.indicator(2), "check_resultats_publies") == ["passed"]


def test_central_results_gap_is_reported_once(run_ws: RunWs) -> None:
    files = {"siege/resultats.md": note("2", "resultats", "Résultats : à venir.\n")}
    report = run_ws(TWO_UNITS, files, audit_date=V9_AUDIT, indicators=(2,))
    gaps = findings(report.indicator(2), "check_resultats_publies")
    assert [(f.outcome, f.unit) for f in gaps] == [("gap", "siege")]
    assert "« Siège »" in gaps[0].message and "brouillon" in gaps[0].message


def test_new_entrant_at_initial_audit_only_identifies_indicators(run_ws: RunWs) -> None:
    config = CONFIG.replace("type: renewal", "type: initial") + "activity: {new_entrant: true}\n"
    text = "Indicateurs suivis dès la première session : taux de satisfaction, taux d'abandon.\n"
    files = {"pro/resultats.md": note("2", "resultats", text)}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(2,))
    assert outcomes(report.indicator(2), "check_resultats_publies") == ["passed"]
    files = {"pro/resultats.md": note("2", "resultats", "Bientôt publiés.\n")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(2,))
    assert outcomes(report.indicator(2), "check_resultats_publies") == ["gap"]


def test_rnq_2026_requires_the_calculation_method(run_ws: RunWs) -> None:
    files = {"pro/resultats.md": note("2", "resultats", RESULTS, date="2026-07-01")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(2,))
    (gap,) = findings(report.indicator(2), "check_methode_calcul_resultats")
    assert gap.outcome == "gap" and "modalités de calcul" in gap.message
    assert gap.items == ("methode-calcul",)
    assert report.indicator(2).status == "nc_minor"
    files = {"pro/resultats.md": note("2", "resultats", RESULTS + METHOD, date="2026-07-01")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(2,))
    assert report.indicator(2).status == "conform"
    assert outcomes(report.indicator(2), "check_methode_calcul_resultats") == ["passed"]


def test_a_method_announced_but_not_given_is_a_gap(run_ws: RunWs) -> None:
    text = RESULTS + "Les modalités de calcul de ces indicateurs sont détaillées ci-dessous.\n"
    files = {"pro/resultats.md": note("2", "resultats", text, date="2026-07-01")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(2,))
    assert outcomes(report.indicator(2), "check_methode_calcul_resultats") == ["gap"]


def test_undated_figures_are_a_point_of_vigilance(run_ws: RunWs) -> None:
    files = {"pro/I02-resultats.md": note("2", None, RESULTS, date=None)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(2,))
    assert report.indicator(2).status == "conform"
    (undated,) = advice(report, "resultats-a-jour")
    assert "pas datés" in undated.message and not undated.confirm


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_a_cfa_pointing_to_inserjeunes_is_conform(run_ws: RunWs, audit_date: object) -> None:
    """The guide: the CFA's indicators are computed by the ministries and published on
    InserJeunes, the CFA points to them (review §2.2 #8, scenario ``s_2_cfa_inserjeunes``);
    under rnq-2026 InserJeunes is also the existing scheme the figures rest on."""
    files = {"cfa/I02-resultats.md": note("2", None, INSERJEUNES)}
    report = run_ws(CFA, files, audit_date=audit_date, indicators=(2,))
    two = report.indicator(2)
    assert two.status == "conform", [f.message for f in two.findings]
    assert set(outcomes(two, "check_resultats_publies")) == {"passed"}


def test_a_cfa_with_neither_figures_nor_pointer_has_a_gap(run_ws: RunWs) -> None:
    text = "# Nos résultats\n\nNos apprentis réussissent très bien et trouvent vite un emploi.\n"
    report = run_ws(
        CFA, {"cfa/I02-resultats.md": note("2", None, text)}, audit_date=V9_AUDIT, indicators=(2,)
    )
    assert outcomes(report.indicator(2), "check_resultats_publies") == ["gap"]
    assert report.indicator(2).status == "nc_minor"
