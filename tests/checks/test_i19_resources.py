"""Indicator 19 (``rnq/checks/i19_resources.py``): teaching resources are made available and
their use supported (technical and teaching assistance at a distance) and, from rnq-2026,
distance learning shows a current follow-up trace such as a completion export.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

RESSOURCES = note(
    "19",
    "ressources",
    """# Ressources pédagogiques
Supports de cours et vidéos remis à chaque stagiaire ; prise en main accompagnée le premier
jour.""",
)


def test_19_passes_with_resources_and_appropriation(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": RESSOURCES}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_ressources_pedagogiques") == ["passed"]
    assert report.indicator(19).status == "conform"


def test_19_distance_resources_need_technical_and_teaching_assistance(run_ws: RunWs) -> None:
    text = RESSOURCES.replace("remis à chaque stagiaire", "en ligne sur la plateforme Moodle")
    report = run_ws(CONFIG, {"pro/ressources.md": text}, audit_date=V9_AUDIT, indicators=(19,))
    [finding] = findings(report.indicator(19), "check_ressources_pedagogiques")
    assert finding.outcome == "gap"
    assert "assistance technique" in finding.message
    assert "assistance pédagogique" in finding.message
    fixed = text + "Hotline d'assistance technique ; un tuteur répond sur le forum.\n"
    report = run_ws(CONFIG, {"pro/ressources.md": fixed}, audit_date=V9_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_ressources_pedagogiques") == ["passed"]


DISTANCE = (
    RESSOURCES.replace("remis à chaque stagiaire", "en ligne sur la plateforme Moodle")
    + "Hotline d'assistance technique ; un tuteur répond sur le forum.\n"
)

COMPLETION = {
    "pro/rnq-evidence.yaml": "- {path: 'achevement*.csv', indicators: [12, 19], kind: suivi, "
    "date: 2026-10-30}\n",
    "pro/achevement.csv": "apprenant;activite;acheve;date\n"
    "L-1a2b;Module 1;true;2026-10-30\nL-3c4d;Module 1;false;\n",
}


def test_19_2026_distance_follow_up_is_only_checked_under_2026(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": DISTANCE}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(19,))
    assert findings(report.indicator(19), "check_suivi_distance_effectif") == []
    assert report.indicator(19).status == "conform"
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    result = report.indicator(19)
    [finding] = findings(result, "check_suivi_distance_effectif")
    assert finding.outcome == "advice" and finding.confirm
    assert "aucune trace de suivi" in finding.message
    assert result.status == "conform"  # provisional (2026): « à confirmer », uncounted


def test_19_2026_passes_with_a_completion_export(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": DISTANCE, **COMPLETION}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_suivi_distance_effectif") == ["passed"]
    assert report.indicator(19).status == "conform"


def test_19_2026_stale_export_is_a_gap(run_ws: RunWs) -> None:
    old = {k: v.replace("2026-10-30", "2025-06-30") for k, v in COMPLETION.items()}
    report = run_ws(
        CONFIG, {"pro/ressources.md": DISTANCE, **old}, audit_date=V2026_AUDIT, indicators=(19,)
    )
    [finding] = findings(report.indicator(19), "check_suivi_distance_effectif")
    assert finding.outcome == "advice" and finding.confirm and "2025-06-30" in finding.message
    assert finding.evidence == ("pro/achevement.csv",)


def test_19_2026_does_not_apply_without_distance_modules(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": RESSOURCES}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_suivi_distance_effectif") == ["not_applicable"]
    assert report.indicator(19).status == "conform"
