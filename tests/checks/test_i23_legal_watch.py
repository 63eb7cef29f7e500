"""Indicator 23 (``rnq/checks/i23_legal_watch.py``): the legal watch is current, used and
circulated internally. The tests parametrized over the three watch indicators (23, 24 and 25: a
current watch with its use passes, a bare list of sources is one minor gap) live here, with the
first of them.
"""

from __future__ import annotations

import pytest

from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from .conftest import WATCH_CONFIG as CONFIG
from .conftest import WATCH_SOURCES_ONLY as SOURCES_ONLY
from .conftest import WATCH_USED as USED

WATCH = {
    23: ("veille-legale", "check_veille_legale"),
    24: ("veille-metiers", "check_veille_metiers"),
    25: ("veille-pedagogique", "check_veille_pedagogique"),
}


@pytest.mark.parametrize("number", [23, 24, 25])
def test_current_watch_with_its_use_passes(run_ws: RunWs, number: int) -> None:
    kind, check = WATCH[number]
    files = {f"siege/veille-{number}.md": USED.format(n=number, kind=kind, date="2026-06-01")}
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(number,))
        result = report.indicator(number)
        assert set(outcomes(result, check)) == {"passed"}
        assert result.status == "conform"


@pytest.mark.parametrize("number", [23, 24, 25])
def test_watch_listing_sources_only_is_a_minor_gap_reported_once(
    run_ws: RunWs, number: int
) -> None:
    kind, check = WATCH[number]
    files = {
        f"siege/veille-{number}.md": SOURCES_ONLY.format(n=number, kind=kind, date="2026-06-01")
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(number,))
    result = report.indicator(number)
    gaps = [f for f in findings(result, check) if f.outcome == "gap"]
    assert len(gaps) == 1  # central evidence: one finding, not one per unit
    assert gaps[0].unit == "siege"
    assert "exploitation de la veille" in gaps[0].message
    assert "lister des sources" in gaps[0].message
    assert result.status == "nc_minor"  # 23-25: minor or major; here partial


def test_legal_watch_must_be_circulated_internally(run_ws: RunWs) -> None:
    text = (
        "---\nindicators: [23]\nkind: veille-legale\ndate: 2026-06-01\n---\n"
        "Réforme du CPF : conditions générales de vente mises à jour le 12/03/2026.\n"
    )
    report = run_ws(CONFIG, {"siege/veille.md": text}, audit_date=V9_AUDIT, indicators=(23,))
    (gap,) = [
        f for f in findings(report.indicator(23), "check_veille_legale") if f.outcome == "gap"
    ]
    assert "communication en interne" in gap.message
    assert "exploitation" not in gap.message
    # the jobs watch does not ask for it
    text24 = text.replace("[23]", "[24]").replace("veille-legale", "veille-metiers")
    report = run_ws(CONFIG, {"siege/veille.md": text24}, audit_date=V9_AUDIT, indicators=(24,))
    assert set(outcomes(report.indicator(24), "check_veille_metiers")) == {"passed"}


def test_freshness_override_applies(run_ws: RunWs) -> None:
    config = CONFIG + "freshness: {veille-legale: 6}\n"
    files = {
        "siege/veille.md": USED.format(n=23, kind="veille-legale", date="2026-03-01"),
        "siege/I23-note.md": "---\nindicators: [23]\n---\nNote sans date.\n",
    }
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(23,))
    gaps = [f for f in findings(report.indicator(23), "check_veille_legale") if f.outcome == "gap"]
    assert len(gaps) == 1
    # only the undated note is "current" and it shows no use of the watch
    assert "exploitation" in gaps[0].message
