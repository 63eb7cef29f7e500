"""Indicator 2 (``rnq/checks/i02_results.py``): quantified, current result indicators are
published (a central gap reported once, a new entrant only identifying its indicators, undated
figures not verified) and, from rnq-2026, their calculation method is given.
"""

from __future__ import annotations

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

RESULTS = """\
Résultats 2025-2026
Taux de satisfaction : 92 %. Stagiaires formés : 160.
Taux de réussite au CAP : 85 %.
"""

METHOD = "Modalités de calcul : taux de réussite = admis / présentés à l'examen, session 2026.\n"


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
    report = run_ws(
        CONFIG,
        {"pro/resultats.md": note("2", "resultats", "Nos stagiaires sont très satisfaits.\n")},
        audit_date=V9_AUDIT,
        indicators=(2,),
    )
    (gap,) = findings(report.indicator(2), "check_resultats_publies")
    assert gap.outcome == "gap" and "Aucun résultat chiffré" in gap.message
    assert "pro/resultats.md" in gap.message and report.indicator(2).status == "nc_minor"


def test_stale_figures_are_a_gap(run_ws: RunWs) -> None:
    files = {
        "pro/I02-resultats-2024.md": note("2", "resultats", RESULTS, date="2024-12-31"),
        "pro/I02-page-web.md": note("2", None, "Nos résultats sont publiés ici.\n"),
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(2,))
    (gap,) = findings(report.indicator(2), "check_resultats_publies")
    assert gap.outcome == "gap" and "2024-12-31" in gap.message
    assert "règle de fraîcheur indicative" in gap.message
    assert gap.evidence == ("pro/I02-resultats-2024.md",)


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
    assert "« Siège »" in gaps[0].message


def test_new_entrant_at_initial_audit_only_identifies_indicators(run_ws: RunWs) -> None:
    config = CONFIG.replace("type: renewal", "type: initial") + "activity: {new_entrant: true}\n"
    files = {
        "pro/resultats.md": note("2", "resultats", "Indicateurs suivis : taux de satisfaction.\n")
    }
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
    assert report.indicator(2).status == "nc_minor"
    files = {"pro/resultats.md": note("2", "resultats", RESULTS + METHOD, date="2026-07-01")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(2,))
    assert report.indicator(2).status == "conform"
    assert outcomes(report.indicator(2), "check_methode_calcul_resultats") == ["passed"]


def test_undated_figures_are_not_verified(run_ws: RunWs) -> None:
    files = {"pro/I02-resultats.md": note("2", None, RESULTS, date=None)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(2,))
    (finding,) = findings(report.indicator(2), "check_resultats_publies")
    assert finding.outcome == "not_verified" and "pas datés" in finding.message
    assert report.indicator(2).status == "not_assessed"
