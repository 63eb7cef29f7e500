"""Indicator 20 (``rnq/checks/i20_cfa_governance.py``), for a CFA: the improvement council and
its latest minutes, the mobility staff, a disability referent named or reachable (inclusive and
plural forms read), their actions (« à confirmer » when not found); minutes older than a year
are advice (rnq's rule of thumb); from rnq-2026 the steering and the participation of
apprentices, trainers and companies, a provisional text (« à confirmer »); not applicable
outside a CFA.
"""

from __future__ import annotations

import pytest

from rnq.verdict.report import IndicatorResult, ReportFinding

from .conftest import CFA_CONFIG, CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

PERSONNEL = note(
    "20",
    "procedure",
    """# Personnel dédié du CFA
Conseil de perfectionnement : membres (apprentis élus, formateurs, entreprises partenaires) ;
compte rendu de la séance du 12 juin 2026. Pilotage : tableau de bord d'indicateurs.
Référente mobilité nationale et internationale : Mme Leroy (projets Erasmus+).
Référent handicap : M. Petit, handicap@cfa.fr, 05 49 11 22 33. Il organise les aménagements
d'examens (tiers temps) et reçoit chaque apprenti qui le demande.""",
)


def advice(result: IndicatorResult, check: str) -> list[ReportFinding]:
    """The advice among the findings of ``check``."""
    return [f for f in findings(result, check) if f.outcome == "advice"]


def test_20_does_not_apply_outside_a_cfa(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/p.md": PERSONNEL}, audit_date=V9_AUDIT, indicators=(20,))
    assert report.indicator(20).status == "not_applicable"
    assert findings(report.indicator(20), "check_personnel_dedie_cfa") == []


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_20_passes_with_council_mobility_and_referent(run_ws: RunWs, audit_date: object) -> None:
    report = run_ws(CFA_CONFIG, {"pro/p.md": PERSONNEL}, audit_date=audit_date, indicators=(20,))
    assert outcomes(report.indicator(20), "check_personnel_dedie_cfa") == ["passed"]
    assert report.indicator(20).status == "conform"


def test_20_a_referent_named_by_nobody_is_a_major_gap(run_ws: RunWs) -> None:
    text = PERSONNEL.replace(
        "Référent handicap : M. Petit, handicap@cfa.fr, 05 49 11 22 33.",
        "Un référent handicap est désigné au sein du CFA.",
    )
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    result = report.indicator(20)
    [finding] = [f for f in findings(result, "check_personnel_dedie_cfa") if f.outcome == "gap"]
    assert "référent handicap (nom et contact)" in finding.message
    assert "conseil de perfectionnement" not in finding.message
    assert result.status == "nc_major"


@pytest.mark.parametrize(
    "written",
    [
        "Référent(e) handicap : Mme Petit",
        "Référent·e handicap : 05 49 11 22 33",
        "Référents handicap : M. Petit et Mme Roy",
        "Notre référente handicap, Mme Petit, vous reçoit sur rendez-vous",
    ],
)
def test_20_inclusive_and_plural_forms_of_the_referent(run_ws: RunWs, written: str) -> None:
    """Review §2.7: « Référent(e) », « Référent·e » and the plural were rejected."""
    text = PERSONNEL.replace(
        "Référent handicap : M. Petit, handicap@cfa.fr, 05 49 11 22 33.", written + "."
    ).replace("Conseil de perfectionnement :", "Conseils de perfectionnement :")
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    assert "gap" not in outcomes(report.indicator(20), "check_personnel_dedie_cfa")
    assert report.indicator(20).status == "conform"


def test_20_old_council_minutes_are_advice(run_ws: RunWs) -> None:
    """The guide asks for « le dernier compte rendu »; 12 months is rnq's rule of thumb."""
    text = PERSONNEL.replace("date: 2026-09-01", "date: 2025-01-15")
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    result = report.indicator(20)
    [finding] = advice(result, "check_personnel_dedie_cfa")
    assert not finding.confirm and "2025-01-15" in finding.message
    assert "règle indicative" in finding.message
    assert result.status == "conform"


def test_20_placeholder_is_a_major_gap(run_ws: RunWs) -> None:
    """Review §4: this passed, any phone number standing for the referent's contact."""
    text = note(
        "20",
        "procedure",
        "Conseil de perfectionnement : compte rendu à venir. Référent mobilité et référent "
        "handicap : à nommer. Tél. 01 23 45 67 89.",
    )
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    result = report.indicator(20)
    [finding] = [f for f in findings(result, "check_personnel_dedie_cfa") if f.outcome == "gap"]
    assert "brouillon" in finding.message
    assert result.status == "nc_major"
    longer = note(
        "20",
        "procedure",
        "Le conseil de perfectionnement du CFA s'est réuni en mars ; le compte rendu n'a pas "
        "été rédigé. Le poste de chargé de mobilité est vacant depuis juillet. Un référent "
        "handicap est désigné. Standard du CFA : 01 23 45 67 89.",
    )
    report = run_ws(CFA_CONFIG, {"pro/p.md": longer}, audit_date=V9_AUDIT, indicators=(20,))
    [gap] = [
        f for f in findings(report.indicator(20), "check_personnel_dedie_cfa") if f.outcome == "gap"
    ]
    for item in ("dernier compte rendu", "mobilité nationale", "référent handicap"):
        assert item in gap.message
    assert "conseil de perfectionnement (liste" not in gap.message


def test_20_actions_not_found_are_to_confirm(run_ws: RunWs) -> None:
    text = PERSONNEL.replace(
        " Il organise les aménagements\nd'examens (tiers temps) et reçoit chaque apprenti qui le "
        "demande.",
        "",
    )
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    result = report.indicator(20)
    [finding] = advice(result, "check_personnel_dedie_cfa")
    assert finding.confirm and "actions du référent handicap" in finding.message
    assert result.status == "conform"


def test_20_2026_governance_needs_companies_at_the_table(run_ws: RunWs) -> None:
    text = PERSONNEL.replace(", entreprises partenaires", "")
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V9_AUDIT, indicators=(20,))
    assert findings(report.indicator(20), "check_gouvernance_cfa") == []
    report = run_ws(CFA_CONFIG, {"pro/p.md": text}, audit_date=V2026_AUDIT, indicators=(20,))
    [finding] = advice(report.indicator(20), "check_gouvernance_cfa")
    assert finding.confirm
    assert "entreprises" in finding.message and "provisoire" in finding.message
    assert report.indicator(20).status == "conform"  # provisional (2026): uncounted
