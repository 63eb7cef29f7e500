"""Indicator 10 (``rnq/checks/i10_adaptation.py``): follow-up and support of each learner are
required (a gap on them is major); adaptation to situations and profiles is required « lorsque
l'analyse du besoin en établit la nécessité » — taken as established where the provider declares
it takes in people with disabilities, else advice « à confirmer »; placeholders and empty
templates prove nothing.
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
WITHOUT_ADAPTATION = note(
    "10", "suivi", "# Suivi\nUn référent assure l'accompagnement et le suivi de chaque stagiaire."
)


def welcoming(value: str) -> str:
    """The usual workspace, the provider declaring whether it takes in disabled people."""
    return CONFIG.replace("audit: {", f"facts: {{welcomes_disabled: {value}}}\naudit: {{")


def test_10_passes_with_follow_up_support_and_adaptation(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/suivi.md": SUIVI}, audit_date=V9_AUDIT, indicators=(10,))
    assert outcomes(report.indicator(10), "check_adaptation_suivi") == ["passed"]
    assert report.indicator(10).status == "conform"


def test_10_adaptation_missing_is_to_confirm_when_no_need_is_declared(run_ws: RunWs) -> None:
    """Review §2.3: adaptation is required « lorsque l'analyse du besoin en établit la
    nécessité » — an unverified condition is advice naming the fact to declare, never an NC."""
    files = {"pro/suivi.md": WITHOUT_ADAPTATION}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    assert outcomes(result, "check_adaptation_suivi") == ["passed", "advice"]
    [advice] = [f for f in findings(result, "check_adaptation_suivi") if f.outcome == "advice"]
    assert advice.confirm and advice.items == ("adaptation",)
    assert "welcomes_disabled" in advice.message
    assert result.status == "conform"


def test_10_adaptation_missing_is_major_when_disabled_people_are_taken_in(run_ws: RunWs) -> None:
    files = {"pro/suivi.md": WITHOUT_ADAPTATION}
    report = run_ws(welcoming("true"), files, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [finding] = findings(result, "check_adaptation_suivi")
    assert finding.outcome == "gap" and "adaptation" in finding.message
    assert finding.items == ("adaptation",)
    assert result.status == "nc_major"  # 10 is « majeure uniquement »


def test_10_adaptation_missing_stays_to_confirm_otherwise(run_ws: RunWs) -> None:
    files = {"pro/suivi.md": WITHOUT_ADAPTATION}
    report = run_ws(welcoming("false"), files, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [advice] = [f for f in findings(result, "check_adaptation_suivi") if f.outcome == "advice"]
    assert advice.confirm and "analyse du besoin" in advice.message
    assert result.status == "conform"


def test_10_gap_without_follow_up_is_major(run_ws: RunWs) -> None:
    text = note("10", "suivi", "# Parcours\nLes contenus sont adaptés au niveau de chacun.")
    report = run_ws(CONFIG, {"pro/suivi.md": text}, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [gap] = [f for f in findings(result, "check_adaptation_suivi") if f.outcome == "gap"]
    assert set(gap.items) == {"suivi", "accompagnement"}
    assert result.status == "nc_major"


def test_10_placeholder_is_a_draft_gap(run_ws: RunWs) -> None:
    """Review §4: « Suivi, accompagnement et adaptation : selon besoin. » proves nothing."""
    text = note("10", "suivi", "Suivi, accompagnement et adaptation : selon besoin.")
    report = run_ws(CONFIG, {"pro/suivi.md": text}, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [gap] = [f for f in findings(result, "check_adaptation_suivi") if f.outcome == "gap"]
    assert "brouillon" in gap.message
    assert result.status == "nc_major"


def test_10_an_empty_follow_up_table_is_a_template(run_ws: RunWs) -> None:
    files: dict[str, str | bytes] = {
        "pro/rnq-evidence.yaml": "- {path: suivi.csv, indicators: [10], kind: suivi}\n",
        "pro/suivi.csv": "Stagiaire;Date entretien;Référent;Observations;Adaptations\n;;;;\n;;;;\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(10,))
    result = report.indicator(10)
    [gap] = [f for f in findings(result, "check_adaptation_suivi") if f.outcome == "gap"]
    assert "modèle vide" in gap.message and gap.evidence == ("pro/suivi.csv",)
    assert result.status == "nc_major"
    files["pro/suivi.md"] = SUIVI
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(10,))
    assert outcomes(report.indicator(10), "check_adaptation_suivi") == ["passed"]
