"""Indicator 22 (``rnq/checks/i22_staff_development.py``): training or professional-development
actions and the staff they concern are required, from any lever — a plan, a training log read
by its headers, training certificates, professional interviews, an independent trainer's own
training; the plan itself (an evidence example) and its date (a rule of thumb) are points de
vigilance; a new entrant's staff development is audited at surveillance; a placeholder is a
draft.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

PLAN = """\
---
indicators: [22]
kind: plan-competences
date: {date}
---
# Plan de développement des compétences {title}
Formation des formateurs à la classe virtuelle ; analyse des pratiques ; entretiens
professionnels des salariés.
"""

CHECK = "check_plan_developpement_competences"


def _of(result, outcome: str):  # type: ignore[no-untyped-def]
    return [f for f in findings(result, CHECK) if f.outcome == outcome]


def test_current_development_plan_passes(run_ws: RunWs) -> None:
    for audit in (V9_AUDIT, V2026_AUDIT):
        files = {"siege/pdc.md": PLAN.format(date="2026-02-01", title="")}
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(22,))
        assert outcomes(report.indicator(22), CHECK) == ["passed"]
        assert report.indicator(22).status == "conform"


def test_old_plan_covering_the_audit_year_passes(run_ws: RunWs) -> None:
    files = {"siege/pdc.md": PLAN.format(date="2025-01-10", title="2025-2027")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    assert outcomes(report.indicator(22), CHECK) == ["passed"]


def test_stale_plan_is_a_point_of_vigilance(run_ws: RunWs) -> None:
    """The plan's date is rnq's rule of thumb (review §1 row 34: E): advice, not an NC."""
    files = {"siege/pdc.md": PLAN.format(date="2024-09-01", title="2024-2025")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    result = report.indicator(22)
    assert not _of(result, "gap")
    (advice,) = _of(result, "advice")
    assert "pas à jour" in advice.message and "01/09/2024" in advice.message
    assert list(advice.items) == ["plan-a-jour"]
    assert advice.unit == "siege"
    assert result.status == "conform"


def test_plan_without_training_actions_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/pdc.md": "---\nindicators: [22]\nkind: plan-competences\ndate: 2026-06-01\n---\n"
        "# Plan 2026\nBudget prévu : 12 000 euros, arrêté le 3 mai 2026 et réparti par trimestre.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(22,))
    (gap,) = _of(report.indicator(22), "gap")
    assert "actions de formation" in gap.message and "personnels concernés" in gap.message
    assert set(gap.items) == {"actions-developpement", "personnel-concerne"}
    assert report.indicator(22).status == "nc_major"  # 22 is « majeure uniquement »


def test_evidence_for_22_without_any_action_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/I22-note.md": "---\nindicators: [22]\ndate: 2026-06-01\n---\nNote RH sur les "
        "recrutements de l'année et les départs en retraite prévus.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(22,))
    result = report.indicator(22)
    (gap,) = _of(result, "gap")
    assert "actions de formation" in gap.message
    # the plan itself is an example of the guide: advice beside the gap, never the gap
    assert [a.items for a in _of(result, "advice")] == [("plan-document",)]


def test_a_plan_as_a_spreadsheet_is_read_by_its_headers(run_ws: RunWs) -> None:
    """Review false alarm (c), scenario s_c_plan_spreadsheet: « Salarié;Action;Date;Statut »
    never says « formation » and was an NC majeure; it is a plan of actions per person."""
    files = {
        "siege/I22-suivi.csv": (
            "Salarié;Action;Date;Statut\n"
            "Formateur A;Pédagogie inversée;2026-03-12;réalisée\n"
            "Assistante B;Excel avancé;2026-05-20;réalisée\n"
        )
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    result = report.indicator(22)
    assert not _of(result, "gap")
    assert result.status == "conform"


def test_certificates_and_interviews_without_a_plan_are_conform(run_ws: RunWs) -> None:
    """Review scenario s_c3_certificates_only: training certificates (inferred kind
    « evaluation ») and no document of kind plan-competences gave « Aucun plan » — NC majeure.
    The actions are shown; the missing plan is a point de vigilance."""
    certificate = (
        "---\nindicators: [22]\ndate: 2026-03-14\n---\nCERTIFICAT DE RÉALISATION\n"
        "Digiform atteste que Mme Léa Dupont, salariée de Forma'Sud, a suivi l'action "
        "« Concevoir et animer des classes virtuelles », action de formation du 12/03/2026 au "
        "13/03/2026, durée 14 heures.\n"
    )
    interview = (
        "---\nindicators: [22]\ndate: 2025-11-18\n---\nCompte rendu d'entretien professionnel\n"
        "Salariée : Nora Belkacem — Poste : formatrice en comptabilité.\n"
        "Décision : inscription au module « Paie et DSN » (3 jours, avril 2026).\n"
    )
    files = {
        "siege/I22/attestation-de-formation-dupont.md": certificate,
        "siege/I22/entretien-belkacem.md": interview,
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    result = report.indicator(22)
    assert not _of(result, "gap")
    (advice,) = _of(result, "advice")
    assert list(advice.items) == ["plan-document"] and "exemple" in advice.message
    assert result.status == "conform"


def test_an_independent_trainer_shows_their_own_training(run_ws: RunWs) -> None:
    """rnq.md 22: « independent trainers show their own continuing training » — no staff, no
    plan demanded."""
    config = CONFIG + "facts: {solo_trainer: true}\n"
    files = {
        "siege/I22-ma-formation-continue.md": (
            "---\nindicators: [22]\ndate: 2026-10-02\n---\nJe n'emploie aucun salarié. En 2026 "
            "j'ai suivi le stage « Teaching Business English online » (20 heures, mai) et je "
            "participe chaque mois à un groupe d'échanges de pratiques.\n"
        )
    }
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(22,))
    result = report.indicator(22)
    assert outcomes(result, CHECK) == ["passed"]
    assert result.status == "conform"


def test_information_is_not_formation(run_ws: RunWs) -> None:
    """Review §4 n° 6: « Plan 2026 : information du personnel. » was conform (« information »
    holds « formation »); it is a label with nothing behind it, and a mutual-insurance note is
    no training."""
    files = {
        "siege/I22-plan.md": "---\nindicators: [22]\n---\nPlan 2026 : information du personnel.\n"
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    (gap,) = _of(report.indicator(22), "gap")
    assert "brouillon" in gap.message
    files = {
        "siege/I22-note.md": (
            "---\nindicators: [22]\n---\nInformation du personnel — 4 décembre 2026\n"
            "La complémentaire santé change d'assureur au 1er janvier ; une réunion "
            "d'information sur les garanties aura lieu le 15 décembre.\n"
        )
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    (gap,) = _of(report.indicator(22), "gap")
    assert "actions-developpement" in gap.items


def test_no_training_at_all_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "siege/I22-bilan-rh.md": (
            "---\nindicators: [22]\ndate: 2026-11-01\n---\nBilan annuel 2026 — effectif : 9 "
            "salariés (6 formateurs).\nFormation des salariés : aucune formation n'a été suivie "
            "en 2026, le budget ayant été gelé. Les entretiens professionnels sont reportés à "
            "2027.\n"
        )
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(22,))
    (gap,) = _of(report.indicator(22), "gap")
    assert list(gap.items) == ["actions-developpement"]


def test_new_entrant_plan_is_audited_at_surveillance(run_ws: RunWs) -> None:
    config = CONFIG.replace("type: renewal", "type: initial").replace(
        "categories: [AF]\n", "categories: [AF]\nactivity: {new_entrant: true}\n"
    )
    files = {"siege/pdc.md": PLAN.format(date="2023-01-01", title="2023")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(22,))
    assert outcomes(report.indicator(22), CHECK) == ["not_applicable"]
