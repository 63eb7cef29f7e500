"""Indicator 13 (``rnq/checks/i13_alternance.py``): with alternance, the tasks in the company are
planned with the learner and the tutor and learning is coordinated between centre and
company; not applicable without alternance.
"""

from __future__ import annotations

import pytest

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

ALTERNANCE_CONFIG = CONFIG.replace(
    "categories: [AF]\n", "categories: [AF]\nactivity: {alternance: true}\n"
)

LIVRET_ALTERNANCE = note(
    "13",
    "suivi",
    """# Livret d'apprentissage
Les missions confiées en entreprise sont planifiées à court, moyen et long terme avec l'apprenant
et son tuteur. Visite en entreprise chaque semestre ; progression articulée entre le centre et
l'entreprise.""",
)


def test_13_does_not_apply_without_alternance(run_ws: RunWs) -> None:
    files = {"pro/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(13,))
    assert report.indicator(13).status == "not_applicable"
    assert findings(report.indicator(13), "check_alternance_coordination") == []


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_13_passes_with_a_liaison_booklet(run_ws: RunWs, audit_date: object) -> None:
    files = {"pro/livret.md": LIVRET_ALTERNANCE}
    report = run_ws(ALTERNANCE_CONFIG, files, audit_date=audit_date, indicators=(13,))
    assert outcomes(report.indicator(13), "check_alternance_coordination") == ["passed"]
    assert report.indicator(13).status == "conform"


def test_13_gap_without_the_tutor(run_ws: RunWs) -> None:
    text = note("13", "suivi", "# Livret d'apprentissage\nMissions confiées ; progression.")
    report = run_ws(ALTERNANCE_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(13,))
    result = report.indicator(13)
    [finding] = findings(result, "check_alternance_coordination")
    assert finding.outcome == "gap" and "tuteur" in finding.message
    assert result.status == "nc_minor"
