"""Indicator 8 (``rnq/checks/i08_positioning.py``), per offering: an entry procedure that
positions the learner and assesses prior learning — one instrument may do both, and « no
prerequisites » only has to be stated (but describes no procedure by itself); a bilan or a VAE
offering is not concerned.
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, only
from .conftest import flexible_note as note

CHECK = "check_positionnement"

POSITIONING = """\
Procédure de positionnement : entretien individuel puis test de niveau d'entrée (QCM).
Les résultats permettent d'individualiser le parcours.
"""


def test_positioning_passes(run_ws: RunWs) -> None:
    files = {"pro/excel/I08-positionnement.md": note("8", "positionnement", POSITIONING)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, CHECK, "excel").outcome == "passed"
    assert report.indicator(8).offerings["excel"] == "conform"


def test_one_interview_positions_and_assesses_at_once(run_ws: RunWs) -> None:
    """check-review §2.1 #2: positioning and prior-learning assessment were separate
    vocabularies; an entry interview, a quiz or self-positioning does both."""
    for text in (
        "Chaque stagiaire est reçu en entretien d'admission avec la coordinatrice.\n",
        "Entretien de positionnement avec le formateur, une semaine avant la session.\n",
        "Auto-positionnement en ligne à l'inscription (10 questions sur les outils du stage).\n",
        "Étude du CV et des diplômes du candidat, puis entretien de motivation.\n",
    ):
        files = {"pro/excel/I08-positionnement.md": note("8", "positionnement", text)}
        report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(8,))
        assert only(report, 8, CHECK, "excel").outcome == "passed", text


def test_no_prerequisite_heading_counts_as_entry_assessment(run_ws: RunWs) -> None:
    """« Prérequis : aucun » (the usual heading form) states the assessment of prior learning."""
    text = "Prérequis : aucun.\nEntretien de positionnement avec le formateur avant l'entrée.\n"
    files = {"pro/excel/I08.md": note("8", "positionnement", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, CHECK, "excel").outcome == "passed"


def test_no_prerequisite_statement_counts_as_entry_assessment(run_ws: RunWs) -> None:
    text = "Positionnement : auto-positionnement en ligne. Aucun prérequis n'est exigé.\n"
    files = {"pro/excel/I08.md": note("8", "positionnement", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(8,))
    assert only(report, 8, CHECK, "excel").outcome == "passed"


def test_no_prerequisites_alone_is_no_positioning_procedure(run_ws: RunWs) -> None:
    """check-review §4 #9: « Positionnement : aucun prérequis. » describes no procedure — a
    minor gap naming the procedure only."""
    text = """\
    Excel — les bases (1 jour, 7 h). Public : toute personne amenée à utiliser un tableur.
    Positionnement : aucun prérequis.
    Tarif : 350 € HT. Contact : inscriptions@forma-loire.fr
    """
    files = {"pro/excel/I08-fiche.md": note("8", "programme", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(8,))
    gap = only(report, 8, CHECK, "excel")
    assert gap.outcome == "gap" and gap.items == ("procedure-positionnement",)
    assert "procédure de positionnement" in gap.message
    assert report.indicator(8).offerings["excel"] == "nc_minor"  # minor or major


def test_nothing_at_entry_is_a_gap_on_both_items(run_ws: RunWs) -> None:
    text = """\
    Évaluation de la formation « Gestion du temps » : QCM de 15 questions en fin de journée,
    puis questionnaire de satisfaction à chaud et à froid.
    """
    files = {"pro/excel/I08.md": note("8", "positionnement", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(8,))
    gap = only(report, 8, CHECK, "excel")
    assert gap.outcome == "gap"
    assert set(gap.items) == {"procedure-positionnement", "evaluation-acquis-entree"}


VAE_CONFIG = CONFIG.replace("categories: [AF, BC, CFA]", "categories: [AF, BC, VAE, CFA]").replace(
    '      - {id: bilan, title: "Bilan de compétences", category: BC}\n',
    '      - {id: bilan, title: "Bilan de compétences", category: BC}\n'
    '      - {id: vae, title: "Accompagnement VAE", category: VAE}\n',
)


def test_positioning_does_not_apply_to_a_bilan_or_a_vae(run_ws: RunWs) -> None:
    """Scope before content (check-review §2.2 #1, §2.4 #1, false alarm (f)): indicator 8 (AF,
    CFA) never runs on a bilan or a VAE offering — no content check, no presence gap, so never
    both « not applicable » and a gap on the same target, even with evidence mapped to 8."""
    files = {
        "pro/bilan/I08.md": note("8", "positionnement", "Rien de prévu pour le moment ici.\n"),
        "pro/vae/I08.md": note("8", "positionnement", "Rien de prévu pour le moment ici.\n"),
        "pro/excel/I08.md": note("8", "positionnement", POSITIONING),
        "pro/cap/I08.md": note("8", "positionnement", POSITIONING),
        "pro/apprenti/I08.md": note("8", "positionnement", POSITIONING),
    }
    report = run_ws(VAE_CONFIG, files, audit_date=V2026_AUDIT, indicators=(8,))
    eight = report.indicator(8)
    assert [f for f in eight.findings if f.offering in ("bilan", "vae")] == []
    assert "bilan" not in eight.offerings and "vae" not in eight.offerings
    assert eight.status == "conform"
    # without evidence either: no presence gap on them
    report = run_ws(VAE_CONFIG, {}, audit_date=V2026_AUDIT, indicators=(8,))
    assert [f for f in report.indicator(8).findings if f.offering in ("bilan", "vae")] == []
