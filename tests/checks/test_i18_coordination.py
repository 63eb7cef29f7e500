"""Indicator 18 (``rnq/checks/i18_coordination.py``): the people involved are identified by
function; their coordination is demanded only where there are several of them (an independent
trainer may hold every function: ``solo_trainer``), and a coordination record older than a year
is advice (rnq's rule of thumb), never a gap.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

COORDINATION = note(
    "18",
    "coordination",
    """# Compte rendu de la réunion pédagogique
Présents : responsable pédagogique, formateurs, référente handicap (voir organigramme).
Coordination des plannings et des interventions des formateurs externes.""",
)

CHART = """# Organigramme
Responsable pédagogique : M. Paul Durand (plannings, choix des formateurs).
Assistante de formation : Mme Léa Petit (inscriptions, conventions, émargements)."""

TEAM = CONFIG + "facts:\n  solo_trainer: false\n"
SOLO = CONFIG + "facts:\n  solo_trainer: true\n"


def test_18_passes_with_roles_and_a_recent_meeting(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/reunion.md": COORDINATION}, audit_date=V9_AUDIT, indicators=(18,))
    assert outcomes(report.indicator(18), "check_coordination_intervenants") == ["passed"]
    report = run_ws(TEAM, {"pro/reunion.md": COORDINATION}, audit_date=V9_AUDIT, indicators=(18,))
    assert outcomes(report.indicator(18), "check_coordination_intervenants") == ["passed"]


def test_18_gap_without_coordination_where_there_is_a_team(run_ws: RunWs) -> None:
    text = note("18", "coordination", CHART)
    report = run_ws(TEAM, {"pro/orga.md": text}, audit_date=V9_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap" and "coordination" in finding.message
    assert "intervenants identifiés" not in finding.message
    assert report.indicator(18).status == "nc_minor"


def test_18_coordination_is_advice_until_the_team_is_declared(run_ws: RunWs) -> None:
    text = note("18", "coordination", CHART)
    report = run_ws(CONFIG, {"pro/orga.md": text}, audit_date=V9_AUDIT, indicators=(18,))
    result = report.indicator(18)
    [passed, advice] = findings(result, "check_coordination_intervenants")
    assert passed.outcome == "passed"
    assert advice.outcome == "advice" and advice.confirm
    assert "solo_trainer: false" in advice.message
    assert result.status == "conform"


SOLO_TRAINER = note(
    "18",
    "coordination",
    """# Organisation de mon activité
Formatrice indépendante, j'exerce seule et j'assure moi-même l'ensemble des fonctions :
commerciale (devis), administrative (conventions, émargements, attestations), pédagogique
(conception, animation, évaluation) et logistique (salles, matériel). Je suis aussi la
référente handicap de mes stagiaires. La comptabilité est confiée à un cabinet.""",
)


def test_18_an_independent_trainer_needs_no_coordination(run_ws: RunWs) -> None:
    """False alarm of scenario ``s_18_solo_trainer``: « an independent trainer may hold every
    function » (guide) — with ``solo_trainer: true`` nothing is demanded beyond the functions."""
    report = run_ws(SOLO, {"pro/orga.md": SOLO_TRAINER}, audit_date=V2026_AUDIT, indicators=(18,))
    result = report.indicator(18)
    assert outcomes(result, "check_coordination_intervenants") == ["passed"]
    assert result.status == "conform"


def test_18_even_alone_the_functions_are_stated(run_ws: RunWs) -> None:
    text = note("18", "coordination", "Je fais tout moi-même, comme depuis quinze ans.")
    report = run_ws(SOLO, {"pro/orga.md": text}, audit_date=V2026_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap" and "intervenants identifiés" in finding.message
    assert "coordination des intervenants" not in finding.message


def test_18_an_old_meeting_is_advice_not_a_gap(run_ws: RunWs) -> None:
    old = COORDINATION.replace("date: 2026-09-01", "date: 2024-06-01")
    report = run_ws(TEAM, {"pro/reunion.md": old}, audit_date=V2026_AUDIT, indicators=(18,))
    result = report.indicator(18)
    [passed, advice] = findings(result, "check_coordination_intervenants")
    assert passed.outcome == "passed"
    assert advice.outcome == "advice" and not advice.confirm
    assert "2024-06-01" in advice.message and "règle indicative" in advice.message
    assert result.status == "conform"
    report = run_ws(SOLO, {"pro/reunion.md": old}, audit_date=V2026_AUDIT, indicators=(18,))
    assert outcomes(report.indicator(18), "check_coordination_intervenants") == ["passed"]


def test_18_placeholder_identifies_and_coordinates_nobody(run_ws: RunWs) -> None:
    """Review §4: « Responsable : la direction. Réunion : si nécessaire. » passed."""
    text = note("18", "coordination", "Responsable : la direction. Réunion : si nécessaire.")
    report = run_ws(TEAM, {"pro/orga.md": text}, audit_date=V9_AUDIT, indicators=(18,))
    [finding] = findings(report.indicator(18), "check_coordination_intervenants")
    assert finding.outcome == "gap"
    assert "intervenants identifiés" in finding.message and "coordination" in finding.message
