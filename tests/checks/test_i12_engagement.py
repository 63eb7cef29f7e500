"""Indicator 12 (``rnq/checks/i12_engagement.py``): measures for engagement and against drop-outs
are described and traced (provisional for short trainings; an LMS completion export is a
trace), and from rnq-2026 the prevention of violence, harassment and discrimination — the
check that also serves indicators 14 and 15 for a CFA.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

ABANDONS = note(
    "12",
    "suivi",
    """# Prévention des abandons
Classes virtuelles interactives et tutorat pour favoriser l'engagement.
Repérage des absences et de l'inactivité sur la plateforme ; relance par téléphone et entretien.
Journal des relances tenu par le référent.""",
)


def test_12_passes_when_measures_are_described_and_traced(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


def test_12_gap_when_measures_are_not_traced(run_ws: RunWs) -> None:
    text = ABANDONS.replace("Journal des relances tenu par le référent.", "")
    report = run_ws(CONFIG, {"pro/abandons.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    result = report.indicator(12)
    [finding] = findings(result, "check_engagement_abandons")
    assert finding.outcome == "gap" and "tracée" in finding.message
    assert not finding.provisional
    assert result.status == "nc_minor"


def test_12_gap_rests_on_the_provisional_condition_for_short_trainings(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', "duration_days: 2")
    text = note("12", "suivi", "Relance des absents par téléphone.")
    report = run_ws(config, {"pro/abandons.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    [finding] = findings(report.indicator(12), "check_engagement_abandons")
    # the « over two days » condition is provisional: the gap reads « à confirmer », uncounted
    assert finding.outcome == "advice" and finding.confirm
    assert "engagement" in finding.message and "provisoire" in finding.message
    assert report.indicator(12).status == "conform"


def test_12_moodle_style_export_counts_as_a_trace(run_ws: RunWs) -> None:
    text = ABANDONS.replace("Journal des relances tenu par le référent.", "")
    files: dict[str, str | bytes] = {
        "pro/abandons.md": text,
        "pro/rnq-evidence.yaml": "- {path: achevement.csv, indicators: [12], kind: suivi}\n",
        "pro/achevement.csv": "apprenant;activite;acheve;date\nL-1;Module 1;true;2026-10-01\n",
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


CHARTE = note(
    "12",
    "procedure",
    """# Charte de prévention des violences, du harcèlement et des discriminations
Sensibilisation des apprenants et des formateurs dès l'accueil.
Pour signaler une situation : la référente harcèlement, Mme Roy (vss@exemple.fr).
Traitement : recueil du signalement sous 48 h, mesures de protection, enquête interne.""",
)


def test_violence_prevention_only_runs_under_2026(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V9_AUDIT, indicators=(12,))
    assert findings(report.indicator(12), "check_prevention_violences") == []
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V2026_AUDIT, indicators=(12,))
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap" and "aucun document" in finding.message
    assert report.indicator(12).status == "nc_minor"


def test_violence_prevention_passes_with_a_charter(run_ws: RunWs) -> None:
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": CHARTE}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_prevention_violences") == ["passed"]
    assert report.indicator(12).status == "conform"


def test_violence_prevention_gap_when_nobody_to_contact(run_ws: RunWs) -> None:
    charter = note(
        "12",
        "procedure",
        "# Charte contre le harcèlement\nSensibilisation de tous. Enquête interne et sanctions.",
    )
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": charter}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap" and "qui contacter" in finding.message
    assert finding.evidence == ("siege/charte.md",)


def test_violence_prevention_serves_14_and_15_for_a_cfa(run_ws: RunWs) -> None:
    config = CONFIG.replace("categories: [AF]", "categories: [CFA]").replace(
        'certification: "RNCP12345"', 'certification: "RNCP12345", category: CFA'
    )
    charter = CHARTE.replace("indicators: [12]", "indicators: [12, 14, 15]")
    report = run_ws(config, {"siege/charte.md": charter}, audit_date=V2026_AUDIT)
    for number in (12, 14, 15):
        assert outcomes(report.indicator(number), "check_prevention_violences") == ["passed"]
    report = run_ws(config, {"pro/abandons.md": ABANDONS}, audit_date=V2026_AUDIT)
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap"
