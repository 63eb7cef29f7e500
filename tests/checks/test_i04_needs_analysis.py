"""Indicator 4 (``rnq/checks/i04_needs_analysis.py``), per offering: the beneficiary's needs
are analysed; the link with the company and/or the funder is demanded only where one is
concerned (a declared funder other than the beneficiary, or a company in the offering:
alternance, apprenticeship), advice to confirm where nothing is declared; for apprenticeship,
the company's missions match the diploma. Read from the document's text, not its front matter.
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, mine, only
from .conftest import flexible_note as note

CHECK = "check_analyse_besoin"


def gap_of(report, offering: str):  # type: ignore[no-untyped-def]
    """The one gap of the check for ``offering`` (beside any advice)."""
    (gap,) = [f for f in mine(report, 4, CHECK, offering) if f.outcome == "gap"]
    return gap


NEEDS = """\
Grille d'analyse du besoin — entretien préalable avec le stagiaire.
Attentes et projet professionnel du bénéficiaire : devenir autonome sur les tableaux de bord.
Échange avec l'employeur et l'OPCO financeur : objectifs de l'entreprise.
"""

#: The beneficiary's need alone, with no word of a company or a funder.
NEEDS_ONLY = """\
Compte rendu d'entretien préalable du 12/01/2026.
Attentes du stagiaire : gagner en aisance avec les formules ; projet professionnel : devenir
assistante de gestion. Contraintes : disponible le samedi matin seulement.
"""


def with_facts(offering: str, facts: str) -> str:
    """CONFIG with ``facts`` (a YAML flow mapping) declared on one offering."""
    lines = []
    for line in CONFIG.splitlines():
        if f"{{id: {offering}," in line:
            line = line.replace("}", f", facts: {facts}}}")
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_needs_analysis_passes(run_ws: RunWs) -> None:
    files = {"pro/excel/I04-analyse-besoin.md": note("4", "analyse-besoin", NEEDS)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    assert only(report, 4, CHECK, "excel").outcome == "passed"
    assert report.indicator(4).offerings["excel"] == "conform"


def test_company_funded_needs_analysis_without_the_company_is_a_major_gap(run_ws: RunWs) -> None:
    """Funded by the employer (declared): the link with the company is required."""
    config = with_facts("excel", "{funded_by: [company]}")
    files = {"pro/excel/I04-besoin.md": note("4", "analyse-besoin", NEEDS_ONLY)}
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(4,))
    gap = only(report, 4, CHECK, "excel")
    assert gap.outcome == "gap" and "lien avec l'entreprise et/ou le financeur" in gap.message
    assert gap.items == ("lien-entreprise-financeur",)
    assert "analyse du besoin du bénéficiaire" not in gap.message
    assert "« Excel »" in gap.message and "pro/excel/I04-besoin.md" in gap.message
    assert report.indicator(4).offerings["excel"] == "nc_major"  # major-only indicator


def test_self_funded_bilan_is_not_asked_for_a_company(run_ws: RunWs) -> None:
    """check-review §2.1 #3, false alarm (b), scenario s_b: a bilan the beneficiary pays for
    is conform with no link with a company or a funder (« concerné(s) »)."""
    bilan = """\
    Bilan de compétences — synthèse de la phase préliminaire.
    Demande initiale : faire le point après 15 ans comme infirmière ; besoins identifiés :
    clarifier ses motivations et tester deux pistes. Bilan financé par la bénéficiaire
    elle-même ; l'employeur n'est pas informé (confidentialité).
    """
    config = with_facts("bilan", "{funded_by: [individual]}")
    files = {"pro/bilan/I04-analyse-du-besoin.md": note("4", "analyse-besoin", bilan)}
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(4,))
    assert [f.outcome for f in mine(report, 4, CHECK, "bilan")] == ["passed"]
    assert report.indicator(4).offerings["bilan"] == "conform"


def test_undeclared_funding_makes_the_link_advice_to_confirm(run_ws: RunWs) -> None:
    """Nothing declared: the missing link is « à confirmer », naming the fact to declare."""
    files = {"pro/excel/I04-besoin.md": note("4", "analyse-besoin", NEEDS_ONLY)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(4,))
    found = mine(report, 4, CHECK, "excel")
    assert [f.outcome for f in found] == ["passed", "advice"]
    advice = found[1]
    assert advice.confirm and advice.items == ("lien-entreprise-financeur",)
    assert "funded_by" in advice.message
    assert report.indicator(4).offerings["excel"] == "conform"


def test_apprenticeship_needs_analysis_checks_the_company_tasks(run_ws: RunWs) -> None:
    files = {"pro/apprenti/I04-besoin.md": note("4", "analyse-besoin", NEEDS)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    gap = only(report, 4, CHECK, "apprenti")
    assert gap.outcome == "gap" and "missions" in gap.message
    text = NEEDS + "Les missions confiées par l'entreprise correspondent au référentiel du CAP.\n"
    files = {"pro/apprenti/I04-besoin.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    assert only(report, 4, CHECK, "apprenti").outcome == "passed"


def test_apprenticeship_always_concerns_a_company(run_ws: RunWs) -> None:
    """An apprenticeship has a company (companies_concerned, derived): the link is required
    even where no funder is declared."""
    text = NEEDS_ONLY + "Missions prévues : compatibles avec le référentiel du CAP.\n"
    files = {"pro/apprenti/I04-besoin.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(4,))
    gap = only(report, 4, CHECK, "apprenti")
    assert gap.outcome == "gap" and gap.items == ("lien-entreprise-financeur",)


def test_natural_phrasing_passes(run_ws: RunWs) -> None:
    """Providers' words, not the guide's: questions as headings, the DRH, the OPCO."""
    text = """\
    Fiche de cadrage — formation sur mesure
    Pourquoi cette demande ? Passage à la norme ISO ; les techniciens rédigent mal leurs fiches.
    Ce que l'entreprise attend : des fiches complètes du premier coup (Mme Vasseur, DRH).
    Ce que disent les techniciens (sondage) : peur de l'écrit, manque de modèles.
    """
    config = with_facts("excel", "{funded_by: [opco]}")
    files = {"pro/excel/I04-cadrage.md": note("4", "analyse-besoin", text)}
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(4,))
    assert [f.outcome for f in mine(report, 4, CHECK, "excel")] == ["passed"]


def test_a_pointer_is_no_analysis(run_ws: RunWs) -> None:
    """check-review §4 #8: « Besoin du bénéficiaire : voir entreprise. » analyses nothing."""
    text = """\
    Dossier stagiaire — session de mars 2026, formation Excel.
    Besoin du bénéficiaire : voir entreprise.
    Financement : plan de développement des compétences.
    """
    files = {"pro/excel/I04.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(4,))
    gap = gap_of(report, "excel")
    assert gap.outcome == "gap" and "analyse du besoin du bénéficiaire" in gap.message


def test_front_matter_words_do_not_count(run_ws: RunWs) -> None:
    # "kind: analyse-besoin" in the front matter says nothing of the content
    text = "Convention de formation signée le 12/02/2026 pour la session du 10 mars.\n"
    files = {"pro/excel/I04.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(4,))
    gap = gap_of(report, "excel")
    assert gap.outcome == "gap" and "analyse du besoin du bénéficiaire" in gap.message


def test_a_draft_grid_is_said_to_be_a_draft(run_ws: RunWs) -> None:
    text = "Grille d'analyse du besoin\nBesoin du stagiaire : à compléter\nEntreprise :\n"
    files = {"pro/excel/I04.md": note("4", "analyse-besoin", text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(4,))
    gap = gap_of(report, "excel")
    assert gap.outcome == "gap" and "brouillon" in gap.message
