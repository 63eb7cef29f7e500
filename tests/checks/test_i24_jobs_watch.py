"""Indicator 24 (``rnq/checks/i24_jobs_watch.py``): the jobs watch of a unit names that unit, a
watch stale under rnq's rule of thumb is read and advised, one stale under the provider's own rule
is the presence check's gap, a new entrant at its initial audit shows only the
watch in place, and a legal watch is not a watch on jobs.
"""

from __future__ import annotations

from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from .conftest import WATCH_CONFIG as CONFIG
from .conftest import WATCH_SOURCES_ONLY as SOURCES_ONLY
from .conftest import WATCH_USED as USED

SOURCES = """\
---
indicators: [24]
kind: veille-metiers
date: 2026-09-01
---
# Veille métiers et compétences
Nous suivons l'enquête BMO de France Travail, les études de l'observatoire de la branche et
la lettre du Carif-Oref.
"""


def test_a_watch_stale_under_rnq_s_rule_of_thumb_is_read_and_advised(run_ws: RunWs) -> None:
    """Twelve months is rnq's rule of thumb for a watch (a heuristic): the old watch is still
    read, and its age is a point de vigilance, never an NC (SPEC §4)."""
    files = {"siege/veille.md": USED.format(n=24, kind="veille-metiers", date="2024-01-10")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(24,))
    result = report.indicator(24)
    assert "gap" not in outcomes(result, "check_evidence_present")
    assert "advice" in outcomes(result, "check_veille_metiers")


def test_a_watch_stale_under_the_provider_s_own_rule_is_the_presence_check_s_gap(
    run_ws: RunWs,
) -> None:
    """A freshness rule rnq.yaml declares is the provider's own: stale under it is a gap, which
    the presence check reports (the content check stands aside: no « not applicable »)."""
    files = {"siege/veille.md": USED.format(n=24, kind="veille-metiers", date="2024-01-10")}
    config = CONFIG + "freshness: {veille-metiers: 12}\n"
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(24,))
    result = report.indicator(24)
    assert outcomes(result, "check_veille_metiers") == []
    assert "gap" in outcomes(result, "check_evidence_present")


def test_unit_watch_names_the_unit(run_ws: RunWs) -> None:
    files = {
        "pro/veille-metiers.md": SOURCES_ONLY.format(n=24, kind="veille-metiers", date="2026-09-01")
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(24,))
    result = report.indicator(24)
    gaps = [f for f in findings(result, "check_veille_metiers") if f.outcome == "gap"]
    assert [g.unit for g in gaps] == ["pro"]
    assert "Pôle pro" in gaps[0].message


def test_sources_without_impact_is_a_gap_on_exploitation(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"siege/veille.md": SOURCES}, audit_date=V2026_AUDIT, indicators=(24,))
    (gap,) = [
        f for f in findings(report.indicator(24), "check_veille_metiers") if f.outcome == "gap"
    ]
    assert gap.items == ("exploitation",)
    with_impact = SOURCES + "Impact : module « WMS » ajouté au titre Agent magasinier.\n"
    report = run_ws(
        CONFIG, {"siege/veille.md": with_impact}, audit_date=V2026_AUDIT, indicators=(24,)
    )
    assert set(outcomes(report.indicator(24), "check_veille_metiers")) == {"passed"}


def test_new_entrant_at_initial_audit_shows_the_watch_only(run_ws: RunWs) -> None:
    """Reference §3.3: for a new entrant, the impact is audited at surveillance."""
    config = CONFIG.replace("type: renewal", "type: initial") + "activity: {new_entrant: true}\n"
    report = run_ws(config, {"siege/veille.md": SOURCES}, audit_date=V2026_AUDIT, indicators=(24,))
    result = report.indicator(24)
    assert set(outcomes(result, "check_veille_metiers")) == {"passed"}
    assert result.status == "conform"


def test_a_legal_watch_is_not_a_watch_on_jobs(run_ws: RunWs) -> None:
    """The finder of the use reads any use (the case file's exception); the watch in place is
    read by its topic, so a legal watch alone is still a gap for 24."""
    legal = (
        "---\nindicators: [24]\ndate: 2026-09-01\n---\n"
        "Veille — septembre 2026\nDécret n° 2026-728 : nouveau référentiel qualité. Nos fiches "
        "programmes ont été mises à jour en octobre.\n"
    )
    report = run_ws(CONFIG, {"siege/veille.md": legal}, audit_date=V2026_AUDIT, indicators=(24,))
    (gap,) = [
        f for f in findings(report.indicator(24), "check_veille_metiers") if f.outcome == "gap"
    ]
    assert gap.items == ("veille-en-place",)


def test_new_entrant_for_another_category_still_shows_the_impact(run_ws: RunWs) -> None:
    """New entrant for the CFA category only: the AF units' watch is audited in full."""
    config = CONFIG.replace("type: renewal", "type: initial") + "activity: {new_entrant: [CFA]}\n"
    report = run_ws(config, {"siege/veille.md": SOURCES}, audit_date=V2026_AUDIT, indicators=(24,))
    (gap,) = [
        f for f in findings(report.indicator(24), "check_veille_metiers") if f.outcome == "gap"
    ]
    assert gap.items == ("exploitation",)
