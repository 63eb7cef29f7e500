"""Indicator 10 (``rnq/checks/i10_adaptation.py``): follow-up, support and adaptation of the
training to each learner; adaptation missing is a major gap.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

SUIVI = note(
    "10",
    "suivi",
    """# Suivi des apprenants
Chaque apprenant a un référent qui assure l'accompagnement et le suivi mensuel.
Le parcours est individualisé selon le profil : aménagements d'horaires, rythme adapté.""",
)


def test_10_passes_with_follow_up_support_and_adaptation(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/suivi.md": SUIVI}, audit_date=V9_AUDIT, indicators=(10,))
    assert outcomes(report.indicator(10), "check_adaptation_suivi") == ["passed"]
    assert report.indicator(10).status == "conform"


def test_10_gap_without_adaptation_is_major(run_ws: RunWs) -> None:
    text = note("10", "suivi", "# Suivi\nUn référent assure l'accompagnement et le suivi.")
    report = run_ws(CONFIG, {"pro/suivi.md": text}, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [finding] = findings(result, "check_adaptation_suivi")
    assert finding.outcome == "gap" and "adaptation" in finding.message
    assert result.status == "nc_major"  # 10 is « majeure uniquement »
