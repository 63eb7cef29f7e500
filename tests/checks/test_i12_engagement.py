"""Indicator 12 (``rnq/checks/i12_engagement.py``): measures for engagement and against drop-outs
are described and traced (relances, entretiens, médiation are examples of the guide; an LMS
completion export or an attendance sheet is a trace); from rnq-2026 the prevention and handling
of violence, harassment and discrimination — verified for 12 only (14 and 15 have their own
items). On a unit whose trainings all last two days or less, what is missing rests on the
provisional « over two days » condition: « à confirmer », never counted.
"""

from __future__ import annotations

from .conftest import CFA_CONFIG, CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

ABANDONS = note(
    "12",
    "suivi",
    """# Prévention des abandons
Classes virtuelles interactives et tutorat pour favoriser l'engagement.
Repérage des absences et de l'inactivité sur la plateforme ; relance par téléphone et entretien.
Journal des relances tenu par le référent.""",
)
UNTRACED = ABANDONS.replace("Journal des relances tenu par le référent.", "")


def gaps(result, check: str):  # type: ignore[no-untyped-def]
    return [f for f in findings(result, check) if f.outcome == "gap"]


def test_12_passes_when_measures_are_described_and_traced(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/abandons.md": ABANDONS}, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


def test_12_gap_when_measures_are_not_traced(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/abandons.md": UNTRACED}, audit_date=V9_AUDIT, indicators=(12,))
    result = report.indicator(12)
    [finding] = findings(result, "check_engagement_abandons")
    assert finding.outcome == "gap" and "mise en œuvre" in finding.message
    assert finding.items == ("mise-en-oeuvre",)
    assert not finding.provisional
    assert result.status == "nc_minor"


def test_12_reminders_interviews_mediation_are_examples(run_ws: RunWs) -> None:
    """Review §2.1 #7: relances, entretiens, médiation are evidence examples — measures that
    exist and are traced are conform, with a point de vigilance."""
    text = note(
        "12",
        "suivi",
        "# Engagement\nPédagogie active et projets en sous-groupes pour maintenir la motivation.\n"
        "Repérage des absences par émargement numérique chaque demi-journée.\n"
        "Bilan 2025 : taux d'abandon de 4 %, contre 9 % en 2024.",
    )
    report = run_ws(CONFIG, {"pro/engagement.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    result = report.indicator(12)
    assert outcomes(result, "check_engagement_abandons") == ["passed", "advice"]
    [advice] = findings(result, "check_engagement_abandons")[1:]
    assert advice.items == ("actions-relance",) and not advice.confirm
    assert result.status == "conform"


def test_12_gap_rests_on_the_provisional_condition_for_short_trainings(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', "duration_days: 2")
    text = note("12", "suivi", "Relance des absents par téléphone.")
    report = run_ws(config, {"pro/abandons.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    result = report.indicator(12)
    assert gaps(result, "check_engagement_abandons") == []
    [finding] = [f for f in findings(result, "check_engagement_abandons") if f.confirm]
    # the « over two days » condition is provisional: the gap reads « à confirmer », uncounted
    assert finding.outcome == "advice"
    assert "engagement" in finding.message and "provisoire" in finding.message
    assert result.status == "conform"


SHORT_AND_LONG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: court
    name: "Court"
    offerings:
      - {id: sst, title: "SST", duration_days: 2}
  - id: long
    name: "Long"
    offerings:
      - {id: tp, title: "Titre pro", duration_days: 60}
"""


def test_12_a_unit_of_short_trainings_gets_no_counted_gap(run_ws: RunWs) -> None:
    """Review §2.2 #7 (scenario s_12_short_unit): neither the engagement check nor the 2026
    violence check counts a gap on a unit whose trainings all last two days; the unit of long
    trainings keeps its gaps."""
    files = {"court/I12-procedure.md": UNTRACED, "long/I12-procedure.md": UNTRACED}
    report = run_ws(SHORT_AND_LONG, files, audit_date=V2026_AUDIT, indicators=(12,))
    result = report.indicator(12)
    counted = [f for f in result.findings if f.outcome == "gap"]
    assert {f.unit for f in counted} == {"long"}
    assert {f.check.rpartition("::")[2] for f in counted} == {
        "check_engagement_abandons",
        "check_prevention_violences",
    }
    short = [f for f in result.findings if f.unit == "court" and f.outcome != "passed"]
    assert len(short) == 2
    assert all(f.outcome == "advice" and f.confirm and "provisoire" in f.message for f in short)
    assert result.units["court"] == "conform" and result.units["long"] == "nc_minor"


def test_12_moodle_style_export_counts_as_a_trace(run_ws: RunWs) -> None:
    files: dict[str, str | bytes] = {
        "pro/abandons.md": UNTRACED,
        "pro/rnq-evidence.yaml": "- {path: achevement.csv, indicators: [12], kind: suivi}\n",
        "pro/achevement.csv": "apprenant;activite;acheve;date\nL-1;Module 1;true;2026-10-01\n",
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


def test_12_an_attendance_sheet_counts_as_a_trace(run_ws: RunWs) -> None:
    sheet = note("12", "emargement", "Feuille d'émargement — session de mars, matin et après-midi.")
    files = {"pro/abandons.md": UNTRACED, "pro/emargement.md": sheet}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_engagement_abandons") == ["passed"]


def test_12_placeholder_is_a_draft_gap(run_ws: RunWs) -> None:
    """Review §4: « Engagement, absences, relances : voir tableau de suivi (à créer). »."""
    text = note("12", "suivi", "Engagement, absences, relances : voir tableau de suivi (à créer).")
    report = run_ws(CONFIG, {"pro/suivi.md": text}, audit_date=V9_AUDIT, indicators=(12,))
    result = report.indicator(12)
    [gap] = gaps(result, "check_engagement_abandons")
    assert "brouillon" in gap.message
    assert result.status != "conform"


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
    assert set(finding.items) == {"prevention-violences", "traitement-violences"}
    assert report.indicator(12).status == "nc_minor"


def test_violence_prevention_passes_with_a_charter(run_ws: RunWs) -> None:
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": CHARTE}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    assert outcomes(report.indicator(12), "check_prevention_violences") == ["passed"]
    assert report.indicator(12).status == "conform"


def test_violence_prevention_whom_to_contact_is_an_example(run_ws: RunWs) -> None:
    charter = note(
        "12",
        "procedure",
        "# Charte contre le harcèlement\nSensibilisation de tous. Enquête interne et sanctions.",
    )
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": charter}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    result = report.indicator(12)
    assert outcomes(result, "check_prevention_violences") == ["passed", "advice"]
    [advice] = findings(result, "check_prevention_violences")[1:]
    assert advice.items == ("contacts-signalement",)
    assert result.status == "conform"


def test_violence_prevention_gap_when_situations_are_not_handled(run_ws: RunWs) -> None:
    charter = CHARTE.replace(
        "Traitement : recueil du signalement sous 48 h, mesures de protection, enquête interne.",
        "",
    )
    files = {"pro/abandons.md": ABANDONS, "siege/charte.md": charter}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(12,))
    result = report.indicator(12)
    [finding] = findings(result, "check_prevention_violences")
    assert finding.outcome == "gap" and finding.items == ("traitement-violences",)
    assert finding.evidence == ("siege/charte.md",)
    assert result.status == "nc_minor"


def test_violence_prevention_is_verified_for_12_only(run_ws: RunWs) -> None:
    """Review §2.2 #4 (scenario s_violence_fanout): one missing item gives one finding, on 12 —
    not three NCs on 12, 14 and 15 (14 and 15 have their own 2026 items)."""
    charter = CHARTE.replace(
        "Traitement : recueil du signalement sous 48 h, mesures de protection, enquête interne.",
        "",
    ).replace("indicators: [12]", "indicators: [12, 14, 15]")
    report = run_ws(CFA_CONFIG, {"siege/charte.md": charter}, audit_date=V2026_AUDIT)
    [finding] = findings(report.indicator(12), "check_prevention_violences")
    assert finding.outcome == "gap"
    for number in (14, 15):
        assert findings(report.indicator(number), "check_prevention_violences") == []
    complete = CHARTE.replace("indicators: [12]", "indicators: [14]")
    report = run_ws(
        CFA_CONFIG,
        {"pro/abandons.md": ABANDONS, "siege/charte.md": complete},
        audit_date=V2026_AUDIT,
        indicators=(12,),
    )
    # a charter mapped to 14 is read for 12 too
    assert outcomes(report.indicator(12), "check_prevention_violences") == ["passed"]
