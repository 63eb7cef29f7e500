"""Indicator 23 (``rnq/checks/i23_legal_watch.py``): the legal watch is in place, used and
circulated internally; its freshness is a rule of thumb (advice, never an NC); a placeholder
or a register whose « Impact » and « Action » columns are empty or « à analyser » proves
nothing. The tests parametrized over the three watch indicators (23, 24 and 25: a watch with
its use passes, a bare list of sources is one minor gap, an old watch is advice) live here,
with the first of them.
"""

from __future__ import annotations

import pytest

from rnq.checks.i23_legal_watch import said

from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from .conftest import WATCH_CONFIG as CONFIG
from .conftest import WATCH_SOURCES_ONLY as SOURCES_ONLY
from .conftest import WATCH_USED as USED

WATCH = {
    23: ("veille-legale", "check_veille_legale"),
    24: ("veille-metiers", "check_veille_metiers"),
    25: ("veille-pedagogique", "check_veille_pedagogique"),
}

#: The shared fixtures name legal and pedagogical sources; the jobs watch (24) has its own.
_JOBS_SOURCE = "Café pédagogique, observatoire des métiers de la branche."


def used(number: int, date: str) -> str:
    """A watch of ``number`` with a log of its use."""
    kind = WATCH[number][0]
    return USED.format(n=number, kind=kind, date=date).replace("Café pédagogique.", _JOBS_SOURCE)


def sources_only(number: int, date: str) -> str:
    """A watch of ``number`` that only lists its sources."""
    kind = WATCH[number][0]
    text = SOURCES_ONLY.format(n=number, kind=kind, date=date)
    return text.replace("Onisep.", "Onisep, observatoire des métiers de la branche.")


def note23(body: str, date: str | None = "2026-06-01") -> str:
    head = "---\nindicators: [23]\nkind: veille-legale\n" + (f"date: {date}\n" if date else "")
    return head + "---\n" + body


@pytest.mark.parametrize("number", [23, 24, 25])
def test_watch_with_its_use_passes(run_ws: RunWs, number: int) -> None:
    check = WATCH[number][1]
    files = {f"siege/veille-{number}.md": used(number, "2026-06-01")}
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(number,))
        result = report.indicator(number)
        assert set(outcomes(result, check)) == {"passed"}
        assert result.status == "conform"


@pytest.mark.parametrize("number", [23, 24, 25])
def test_watch_listing_sources_only_is_a_minor_gap_reported_once(
    run_ws: RunWs, number: int
) -> None:
    check = WATCH[number][1]
    files = {f"siege/veille-{number}.md": sources_only(number, "2026-06-01")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(number,))
    result = report.indicator(number)
    gaps = [f for f in findings(result, check) if f.outcome == "gap"]
    assert len(gaps) == 1  # central evidence: one finding, not one per unit
    assert gaps[0].unit == "siege"
    assert "exploitation de la veille" in gaps[0].message
    assert "lister des sources" in gaps[0].message
    assert "exploitation" in gaps[0].items and "veille-en-place" not in gaps[0].items
    assert result.status == "nc_minor"  # 23-25: minor or major; here partial


@pytest.mark.parametrize("number", [23, 24, 25])
def test_an_old_watch_is_advice_never_a_gap(run_ws: RunWs, number: int) -> None:
    """Review §2.5 (23-25: freshness): the 12-month rule is rnq's heuristic. A watch used but
    last dated 18 months before the audit is conform, with a point de vigilance; an undated
    document keeps the presence check from finding all the evidence stale."""
    kind, check = WATCH[number]
    files = {
        f"siege/veille-{number}.md": used(number, "2025-06-01"),
        f"siege/I{number}-organisation.md": f"---\nindicators: [{number}]\n---\nOrganisation.\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(number,))
    result = report.indicator(number)
    assert result.status == "conform", [f.message for f in result.findings]
    advice = [f for f in findings(result, check) if f.outcome == "advice"]
    assert [a.items for a in advice] == [("veille-a-jour",)]
    assert "01/06/2025" in advice[0].message and "indicative" in advice[0].message
    assert kind in advice[0].message or "12 mois" in advice[0].message


def test_legal_watch_must_be_circulated_internally(run_ws: RunWs) -> None:
    text = note23("Réforme du CPF : conditions générales de vente mises à jour le 12/03/2026.\n")
    report = run_ws(CONFIG, {"siege/veille.md": text}, audit_date=V9_AUDIT, indicators=(23,))
    (gap,) = [
        f for f in findings(report.indicator(23), "check_veille_legale") if f.outcome == "gap"
    ]
    assert "communication de la veille en interne" in gap.message
    assert gap.items == ("communication-interne",)
    # the jobs watch does not ask for it
    text24 = (
        "---\nindicators: [24]\nkind: veille-metiers\ndate: 2026-06-01\n---\n"
        "Observatoire des métiers de la branche : nouveaux besoins en logistique ; programme "
        "CACES mis à jour le 12/03/2026.\n"
    )
    report = run_ws(CONFIG, {"siege/veille.md": text24}, audit_date=V9_AUDIT, indicators=(24,))
    assert set(outcomes(report.indicator(24), "check_veille_metiers")) == {"passed"}


def test_freshness_override_sets_the_advice(run_ws: RunWs) -> None:
    config = CONFIG + "freshness: {veille-legale: 6}\n"
    files = {
        "siege/veille.md": used(23, "2026-03-01"),
        "siege/I23-note.md": "---\nindicators: [23]\n---\nNote sans date.\n",
    }
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(23,))
    result = report.indicator(23)
    assert result.status == "conform"
    (advice,) = [f for f in findings(result, "check_veille_legale") if f.outcome == "advice"]
    assert "6 mois" in advice.message and advice.items == ("veille-a-jour",)


def test_placeholder_of_the_review_is_a_gap_saying_it_is_a_draft(run_ws: RunWs) -> None:
    """Review §4 row 4: « Veille légale : sources à définir. Impact : à analyser. Diffusion : à
    prévoir. » was conform."""
    text = note23(
        "Veille légale : sources à définir. Impact : à analyser. Diffusion : à prévoir.\n"
    )
    report = run_ws(CONFIG, {"siege/veille.md": text}, audit_date=V9_AUDIT, indicators=(23,))
    result = report.indicator(23)
    (gap,) = [f for f in findings(result, "check_veille_legale") if f.outcome == "gap"]
    assert "brouillon" in gap.message
    assert result.status != "conform"


def test_register_with_impacts_to_analyse_is_not_used(run_ws: RunWs) -> None:
    """The columns « Impact » and « Action » are headers: a register whose cells say « à
    analyser » or nothing shows no use, and « Diffusion : non » no circulation."""
    register = note23(
        "# Registre de veille 2026\n\n"
        "| Date | Source | Texte | Impact pour l'OF | Action | Diffusion |\n"
        "|---|---|---|---|---|---|\n"
        "| 12/02/2026 | Centre Inffo | Listes CPF : mise à jour du répertoire | à analyser "
        "| | non |\n"
        "| 06/05/2026 | Légifrance | Arrêté sur le financement de l'apprentissage | à analyser "
        "| — | non |\n"
    )
    report = run_ws(CONFIG, {"siege/registre.md": register}, audit_date=V9_AUDIT, indicators=(23,))
    (gap,) = [
        f for f in findings(report.indicator(23), "check_veille_legale") if f.outcome == "gap"
    ]
    assert set(gap.items) == {"exploitation", "communication-interne"}
    filled = register.replace("| à analyser | | non |", "| fort | CGV mises à jour | équipe |")
    report = run_ws(CONFIG, {"siege/registre.md": filled}, audit_date=V9_AUDIT, indicators=(23,))
    assert set(outcomes(report.indicator(23), "check_veille_legale")) == {"passed"}


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("CGV mises à jour", True),
        ("Fort", True),
        ("à analyser", False),
        ("À voir", False),
        ("non", False),
        ("—", False),
        ("", False),
        ("Aucun impact", False),
        ("à définir", False),
    ],
)
def test_a_register_cell_says_something_or_not(cell: str, says: bool) -> None:
    assert said(cell) is says
