"""Indicator 25 (``rnq/checks/i25_pedagogical_watch.py``): a pedagogical watch older than its
freshness is a point de vigilance (the rule is rnq's), a watch whose evidence is all stale is
left to the presence check (the example workspace plants that NC), and a draft proves nothing.
"""

from __future__ import annotations

from .conftest import V2026_AUDIT, RunWs, findings, outcomes
from .conftest import WATCH_CONFIG as CONFIG
from .conftest import WATCH_USED as USED


def test_watch_older_than_its_freshness_is_advice(run_ws: RunWs) -> None:
    # an undated note keeps the presence check happy; the dated watch itself is old
    files = {
        "siege/veille.md": USED.format(n=25, kind="veille-pedagogique", date="2025-05-01"),
        "siege/I25-abonnements.md": "---\nindicators: [25]\n---\nAbonnements : Thot Cursus.\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(25,))
    result = report.indicator(25)
    assert result.status == "conform"
    found = findings(result, "check_veille_pedagogique")
    assert {f.outcome for f in found} == {"passed", "advice"}
    advice = next(f for f in found if f.outcome == "advice")
    assert advice.items == ("veille-a-jour",) and "siege/veille.md" in advice.evidence


def test_all_stale_evidence_under_a_declared_rule_is_the_presence_checks_gap(
    run_ws: RunWs,
) -> None:
    files = {"siege/veille.md": USED.format(n=25, kind="veille-pedagogique", date="2025-05-01")}
    config = CONFIG + "freshness: {veille-pedagogique: 12}\n"
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(25,))
    result = report.indicator(25)
    assert outcomes(result, "check_veille_pedagogique") == []
    stale = [f for f in findings(result, "check_evidence_present") if f.outcome == "gap"]
    assert stale and "périmé" in stale[0].message
    # under rnq's own rule of thumb only, the same watch is read and its age is advice
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(25,))
    assert report.indicator(25).status == "conform"
    assert "advice" in outcomes(report.indicator(25), "check_veille_pedagogique")


def test_template_is_a_draft(run_ws: RunWs) -> None:
    template = (
        "---\nindicators: [25]\nkind: veille-pedagogique\ndate: 2026-09-01\n---\n"
        "VEILLE PÉDAGOGIQUE ET TECHNOLOGIQUE — Modèle\nResponsable de la veille : à définir\n"
        "Sources suivies :\nExploitation / évolutions de nos formations : à venir\n"
    )
    report = run_ws(CONFIG, {"siege/veille.md": template}, audit_date=V2026_AUDIT, indicators=(25,))
    (gap,) = [
        f for f in findings(report.indicator(25), "check_veille_pedagogique") if f.outcome == "gap"
    ]
    assert "brouillon" in gap.message
    assert set(gap.items) == {"veille-en-place", "exploitation"}
