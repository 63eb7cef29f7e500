"""Indicator 30 (``rnq/checks/i30_feedback.py``): feedback is collected from every stakeholder
the wording names — learners and teaching teams always, funders (« le cas échéant » from
rnq-2026: only when a funder is declared), the companies concerned when the facts say so, two
for a bilan — read from the documents' words, a survey export's respondent column, a declared
``stakeholder`` or a file name; feedback over 12 months old is a point of vigilance.
"""

from __future__ import annotations

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

CHECK = "check_appreciations_parties_prenantes"

LEARNERS = note(
    "30",
    "enquete-satisfaction",
    """# Enquête de satisfaction des stagiaires — 2026
À la fin de chaque formation, les stagiaires remplissent un questionnaire de satisfaction
anonyme (10 questions, champ libre) ; relance par mail à J+5.
Taux de réponse : 86 %.""",
    date="2026-06-30",
)
TEAMS = note(
    "30",
    "enquete-satisfaction",
    """# Réunion bilan de session — formateurs
Tour de table des formateurs à la fin de chaque session : organisation, groupe, supports,
locaux. Leurs remarques sont notées dans le tableau de suivi.""",
    date="2026-06-30",
)
FUNDERS = note(
    "30",
    "enquete-satisfaction",
    """# Sollicitation annuelle des financeurs
En novembre, un questionnaire est envoyé aux conseillers de l'OPCO Atlas qui ont financé nos
actions ; leurs retours sont consignés. Participation au webinaire annuel des prestataires.""",
    date="2026-06-30",
)
EVERYONE = {
    "siege/enquete-1.md": LEARNERS,
    "siege/enquete-2.md": TEAMS,
    "siege/enquete-3.md": FUNDERS,
}

#: One survey export whose « Profil » column covers learners, trainers and the OPCO (scenario
#: s_30_combined_survey of the December 2026 review).
COMBINED = """\
Horodateur;Profil du répondant;Formation;Note globale (/10);Qu'est-ce qui pourrait être amélioré ?
2026-05-16 17:42;Stagiaire;Paie;8;Plus de cas pratiques
2026-05-17 09:05;Stagiaire;Paie;9;
2026-05-19 11:20;Formateur;Paie;7;Salle trop petite
2026-05-30 10:02;OPCO;Paie;8;Transmettre les attestations plus tôt
"""

WITH_FUNDERS = CONFIG.replace(
    "audit: {type: renewal", "facts: {funded_by: [opco]}\naudit: {type: renewal"
)
SELF_FUNDED = CONFIG.replace(
    "audit: {type: renewal", "facts: {funded_by: [individual]}\naudit: {type: renewal"
)


def _gaps(report):  # type: ignore[no-untyped-def]
    return [f for f in findings(report.indicator(30), CHECK) if f.outcome == "gap"]


def _advice(report):  # type: ignore[no-untyped-def]
    return [f for f in findings(report.indicator(30), CHECK) if f.outcome == "advice"]


def test_feedback_from_every_stakeholder_passes(run_ws: RunWs) -> None:
    for config, audit in ((CONFIG, V9_AUDIT), (WITH_FUNDERS, V2026_AUDIT)):
        report = run_ws(config, EVERYONE, audit_date=audit, indicators=(30,))
        result = report.indicator(30)
        assert "passed" in outcomes(result, CHECK)
        assert not _gaps(report), [f.message for f in result.findings]
        assert result.status == "conform"


def test_missing_stakeholders_are_named(run_ws: RunWs) -> None:
    files = {"siege/enquete.md": LEARNERS}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(30,))
    (gap,) = _gaps(report)
    assert "appréciations des équipes pédagogiques" in gap.message
    assert "appréciations des financeurs" in gap.message  # 2019: no « le cas échéant »
    assert "bénéficiaires" not in gap.message
    assert set(gap.items) == {"equipes-pedagogiques", "financeurs"}
    assert report.indicator(30).status == "nc_minor"
    report = run_ws(WITH_FUNDERS, files, audit_date=V2026_AUDIT, indicators=(30,))
    (gap,) = _gaps(report)
    assert "financeurs (le cas échéant)" in gap.message


def test_2026_funders_only_where_a_funder_is_declared(run_ws: RunWs) -> None:
    """Scenario s_30_funders_2026: a provider whose learners all pay for themselves is conform
    with the feedback of its learners and its trainers (« financeurs (le cas échéant) »)."""
    files = {"siege/enquete-1.md": LEARNERS, "siege/enquete-2.md": TEAMS}
    report = run_ws(SELF_FUNDED, files, audit_date=V2026_AUDIT, indicators=(30,))
    result = report.indicator(30)
    assert not _gaps(report) and result.status == "conform"
    assert not [f for f in result.findings if "financeurs" in f.message]
    # funders not declared: advice naming the fact to declare, never an NC
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(30,))
    result = report.indicator(30)
    assert result.status == "conform"
    (advice,) = [f for f in _advice(report) if "financeurs" in f.message]
    assert advice.confirm and "funded_by" in advice.message
    # declared: a gap
    report = run_ws(WITH_FUNDERS, files, audit_date=V2026_AUDIT, indicators=(30,))
    (gap,) = _gaps(report)
    assert gap.items == ("financeurs",)
    assert report.indicator(30).status == "nc_minor"


def test_one_export_whose_profile_column_covers_every_stakeholder(run_ws: RunWs) -> None:
    """Scenario s_30_combined_survey: the respondent column is read by its header."""
    files = {"siege/I30-export-enquete.csv": COMBINED}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(30,))
    result = report.indicator(30)
    assert not _gaps(report), [f.message for f in result.findings]
    assert result.status == "conform"
    # without the OPCO's answer, the funders are missing again
    without = "\n".join(line for line in COMBINED.splitlines() if "OPCO" not in line) + "\n"
    report = run_ws(
        CONFIG, {"siege/I30-export.csv": without}, audit_date=V9_AUDIT, indicators=(30,)
    )
    (gap,) = _gaps(report)
    assert gap.items == ("financeurs",)


def test_stakeholder_declared_or_named_by_the_file_and_stale_feedback(run_ws: RunWs) -> None:
    files = {
        "siege/I30-enquete-stagiaires.md": "---\ndate: 2026-06-01\n---\n"
        "Enquête à chaud : 8,4/10 de moyenne sur 212 réponses au questionnaire en ligne.\n",
        "siege/I30-enquete-formateurs.md": "---\ndate: 2026-06-01\n---\n"
        "Synthèse 2026 : 17 réponses sur 19, demande de salles mieux équipées.\n",
        "siege/retours.md": "---\nindicators: [30]\nstakeholder: financeurs\ndate: 2025-03-01\n"
        "---\nSynthèse 2025 : dossiers complets, deux attestations transmises en retard.\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(30,))
    result = report.indicator(30)
    assert not _gaps(report), [f.message for f in result.findings]
    (stale,) = [f for f in _advice(report) if "plus de 12 mois" in f.message]
    assert "01/03/2025" in stale.message and "fraîcheur indicative" in stale.message
    assert "financeurs" in stale.message and "bénéficiaires" not in stale.message
    assert not stale.confirm  # a point de vigilance (rnq's heuristic)
    assert result.status == "conform"


def test_companies_follow_the_facts_and_a_bilan_needs_two(run_ws: RunWs) -> None:
    with_work = CONFIG.replace(
        "audit: {type: renewal", "facts: {work_situation: true}\naudit: {type: renewal"
    )
    report = run_ws(with_work, EVERYONE, audit_date=V9_AUDIT, indicators=(30,))
    (gap,) = _gaps(report)
    assert gap.items == ("entreprises",) and "entreprises concernées" in gap.message
    report = run_ws(CONFIG, EVERYONE, audit_date=V9_AUDIT, indicators=(30,))
    assert not _gaps(report)
    (advice,) = [f for f in _advice(report) if "entreprises" in f.message]
    assert "work_situation" in advice.message or "alternance" in advice.message
    bc = CONFIG.replace("categories: [AF]", "categories: [BC]").replace(
        ', certification: "RNCP12345"', ", category: BC"
    )
    two = {"siege/enquete-1.md": LEARNERS, "siege/enquete-2.md": TEAMS}
    report = run_ws(bc, two, audit_date=V9_AUDIT, indicators=(30,))
    result = report.indicator(30)
    assert outcomes(result, CHECK) == ["passed"]
    assert result.status == "conform"


def test_assessments_of_learning_and_drafts_are_not_feedback(run_ws: RunWs) -> None:
    qcm = note(
        "30",
        "evaluation",
        """# Résultats des QCM de fin de formation
Les stagiaires répondent à un QCM de 20 questions ; réponses corrigées par le formateur.""",
    )
    draft = note("30", "enquete-satisfaction", "Enquête stagiaires : à définir\nRelances :\n")
    report = run_ws(
        CONFIG, {"siege/qcm.md": qcm, "siege/enquete.md": draft}, audit_date=V9_AUDIT,
        indicators=(30,),
    )  # fmt: skip
    (gap,) = _gaps(report)
    assert "brouillon" in gap.message and "siege/enquete.md" in gap.message
    assert "qcm" not in gap.message
