"""Indicator 19 (``rnq/checks/i19_resources.py``): teaching resources are made available and
their use supported; technical and teaching assistance are demanded where modules are delivered
at a distance — the declared ``modality``, never a word such as « plateforme » — and, from
rnq-2026, distance modules show a follow-up trace such as a completion export (a provisional
text: « à confirmer »; a trace older than a year is advice).
"""

from __future__ import annotations

from rnq.verdict.report import IndicatorResult, ReportFinding

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

RESSOURCES = note(
    "19",
    "ressources",
    """# Ressources pédagogiques
Supports de cours et vidéos remis à chaque stagiaire ; prise en main accompagnée le premier
jour.""",
)


def advice(result: IndicatorResult, check: str) -> list[ReportFinding]:
    """The advice among the findings of ``check``."""
    return [f for f in findings(result, check) if f.outcome == "advice"]


PRESENTIAL = CONFIG + "facts:\n  modality: presential\n"
DISTANCE_CONFIG = CONFIG + "facts:\n  modality: distance\n"
BLENDED = CONFIG + "facts:\n  modality: blended\n"


def test_19_passes_with_resources_and_appropriation(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": RESSOURCES}
    report = run_ws(PRESENTIAL, files, audit_date=V9_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_ressources_pedagogiques") == ["passed"]
    assert report.indicator(19).status == "conform"


def test_19_distance_assistance_is_advice_until_the_modality_is_declared(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/r.md": RESSOURCES}, audit_date=V9_AUDIT, indicators=(19,))
    result = report.indicator(19)
    [passed, *advice] = findings(result, "check_ressources_pedagogiques")
    assert passed.outcome == "passed"
    assert [a.outcome for a in advice] == ["advice", "advice"]
    assert all(a.confirm and "modality" in a.message for a in advice)
    assert result.status == "conform"


def test_19_distance_resources_need_technical_and_teaching_assistance(run_ws: RunWs) -> None:
    text = RESSOURCES.replace("remis à chaque stagiaire", "en ligne sur la plateforme Moodle")
    report = run_ws(DISTANCE_CONFIG, {"pro/r.md": text}, audit_date=V9_AUDIT, indicators=(19,))
    [finding] = findings(report.indicator(19), "check_ressources_pedagogiques")
    assert finding.outcome == "gap"
    assert "assistance technique" in finding.message
    assert "assistance pédagogique" in finding.message
    assert report.indicator(19).status == "nc_minor"
    fixed = text + "Hotline d'assistance technique ; un tuteur répond sur le forum.\n"
    report = run_ws(DISTANCE_CONFIG, {"pro/r.md": fixed}, audit_date=V9_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_ressources_pedagogiques") == ["passed"]


PLATEFORME = note(
    "19",
    "ressources",
    """# Ressources pédagogiques — formations en salle
Inscription via la plateforme Mon Compte Formation.
Chaque stagiaire reçoit le livret pédagogique et les fiches pratiques le premier jour ; le
formateur les présente et les commente en séance. Les supports restent disponibles sur
demande après la formation.""",
)


def test_19_a_face_to_face_provider_mentioning_the_cpf_platform(run_ws: RunWs) -> None:
    """False alarm of scenario ``s_19_plateforme``: « plateforme » (Mon Compte Formation) made
    a face-to-face provider owe distance assistance and a distance follow-up (two gaps). The
    condition is modules « réalisés à distance »: the declared modality."""
    files = {"pro/I19-ressources.md": PLATEFORME}
    report = run_ws(PRESENTIAL, files, audit_date=V2026_AUDIT, indicators=(19,))
    result = report.indicator(19)
    assert outcomes(result, "check_ressources_pedagogiques") == ["passed"]
    assert outcomes(result, "check_suivi_distance_effectif") == ["not_applicable"]
    assert result.status == "conform"


def test_19_placeholder_gives_no_resources(run_ws: RunWs) -> None:
    """Review §4: « Ressources : accès sur demande. » passed."""
    text = note("19", "ressources", "Ressources : accès sur demande.")
    report = run_ws(PRESENTIAL, {"pro/r.md": text}, audit_date=V9_AUDIT, indicators=(19,))
    [finding] = findings(report.indicator(19), "check_ressources_pedagogiques")
    assert finding.outcome == "gap"
    longer = note("19", "ressources", "Ressources : l'accès aux documents se fait sur demande.")
    report = run_ws(PRESENTIAL, {"pro/r.md": longer}, audit_date=V9_AUDIT, indicators=(19,))
    [finding] = findings(report.indicator(19), "check_ressources_pedagogiques")
    assert finding.outcome == "gap" and "ressources pédagogiques" in finding.message


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
    report = run_ws(DISTANCE_CONFIG, files, audit_date=V9_AUDIT, indicators=(19,))
    assert findings(report.indicator(19), "check_suivi_distance_effectif") == []
    assert report.indicator(19).status == "conform"
    report = run_ws(DISTANCE_CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    result = report.indicator(19)
    [finding] = advice(result, "check_suivi_distance_effectif")
    assert finding.confirm
    assert "aucune trace de suivi" in finding.message and "provisoire" in finding.message
    assert result.status == "conform"  # provisional (2026): « à confirmer », uncounted


def test_19_2026_passes_with_a_completion_export(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": DISTANCE, **COMPLETION}
    report = run_ws(BLENDED, files, audit_date=V2026_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_suivi_distance_effectif") == ["passed"]
    assert report.indicator(19).status == "conform"


def test_19_2026_stale_export_is_advice(run_ws: RunWs) -> None:
    old = {k: v.replace("2026-10-30", "2025-06-30") for k, v in COMPLETION.items()}
    report = run_ws(
        DISTANCE_CONFIG,
        {"pro/ressources.md": DISTANCE, **old},
        audit_date=V2026_AUDIT,
        indicators=(19,),
    )
    [passed, finding] = findings(report.indicator(19), "check_suivi_distance_effectif")
    assert passed.outcome == "passed"
    assert finding.outcome == "advice" and "2025-06-30" in finding.message
    assert "règle indicative" in finding.message
    assert finding.evidence == ("pro/achevement.csv",)
    assert report.indicator(19).status == "conform"


def test_19_2026_follow_up_follows_the_declared_modality(run_ws: RunWs) -> None:
    files = {"pro/ressources.md": RESSOURCES}
    report = run_ws(PRESENTIAL, files, audit_date=V2026_AUDIT, indicators=(19,))
    assert outcomes(report.indicator(19), "check_suivi_distance_effectif") == ["not_applicable"]
    assert report.indicator(19).status == "conform"
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(19,))
    [finding] = advice(report.indicator(19), "check_suivi_distance_effectif")
    assert finding.confirm and "modality" in finding.message
    assert report.indicator(19).status == "conform"
