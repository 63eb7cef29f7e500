"""Indicator 30 (``rnq/checks/i30_feedback.py``): feedback is collected from every stakeholder
(inferred from the file name if need be, companies with work periods, two for a bilan) and is
current.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes


def survey(who: str, date: str = "2026-06-30") -> str:
    return (
        f"---\nindicators: [30]\nkind: enquete-satisfaction\nstakeholder: {who}\ndate: {date}\n"
        f"---\nRésultats de l'enquête ({who}).\n"
    )


def test_feedback_from_every_stakeholder_passes(run_ws: RunWs) -> None:
    files = {f"siege/enquetes/{w}.md": survey(w) for w in ("apprenants", "financeurs", "equipes")}
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(30,))
        result = report.indicator(30)
        assert outcomes(result, "check_appreciations_parties_prenantes") == ["passed"]
        assert result.status == "conform"


def test_missing_stakeholders_are_named(run_ws: RunWs) -> None:
    files = {"siege/enquetes/apprenants.md": survey("apprenants")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(30,))
    result = report.indicator(30)
    (gap,) = findings(result, "check_appreciations_parties_prenantes")
    assert gap.outcome == "gap"
    assert "financeurs, équipes pédagogiques" in gap.message
    assert "bénéficiaires" not in gap.message
    assert "le cas échéant" not in gap.message
    assert result.status == "nc_minor"
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(30,))
    (gap,) = findings(report.indicator(30), "check_appreciations_parties_prenantes")
    assert "financeurs (le cas échéant)" in gap.message


def test_stakeholder_inferred_from_file_name_and_stale_survey(run_ws: RunWs) -> None:
    files = {
        "siege/I30-enquete-stagiaires.md": "---\ndate: 2026-06-01\n---\nEnquête à chaud.\n",
        "siege/I30-enquete-formateurs.md": "---\ndate: 2026-06-01\n---\nEnquête équipe.\n",
        "siege/I30-enquete-opco.md": "---\ndate: 2025-03-01\n---\nRetour des OPCO.\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(30,))
    (gap,) = [
        f
        for f in findings(report.indicator(30), "check_appreciations_parties_prenantes")
        if f.outcome == "gap"
    ]
    assert "plus de 12 mois" in gap.message and "01/03/2025" in gap.message
    assert "aucune appréciation" not in gap.message
    assert "fraîcheur indicative" in gap.message


def test_companies_required_with_work_periods_and_bc_needs_two(run_ws: RunWs) -> None:
    files = {f"siege/enquetes/{w}.md": survey(w) for w in ("apprenants", "financeurs", "equipes")}
    with_work = CONFIG.replace(
        "categories: [AF]\n", "categories: [AF]\nactivity: {work_situation: true}\n"
    )
    report = run_ws(with_work, files, audit_date=V9_AUDIT, indicators=(30,))
    (gap,) = findings(report.indicator(30), "check_appreciations_parties_prenantes")
    assert "entreprises concernées" in gap.message
    bc = CONFIG.replace("categories: [AF]", "categories: [BC]").replace(
        ', certification: "RNCP12345"', ", category: BC"
    )
    two = {f"siege/enquetes/{w}.md": survey(w) for w in ("apprenants", "equipes")}
    report = run_ws(bc, two, audit_date=V9_AUDIT, indicators=(30,))
    assert outcomes(report.indicator(30), "check_appreciations_parties_prenantes") == ["passed"]
