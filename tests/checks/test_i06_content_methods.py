"""Indicator 6 (``rnq/checks/i06_content_methods.py``), per offering: content, methods of
delivery and adaptation to the public are described.
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, only
from .conftest import flexible_note as note

CONTENT = """\
Programme détaillé — module 1 : tableaux ; module 2 : graphiques.
Modalités pédagogiques : présentiel, exercices pratiques, calendrier sur 2 jours.
Objectifs visés par chaque séquence. Public visé : salariés ; adaptation au niveau de chacun.
"""


def test_content_and_methods_pass(run_ws: RunWs) -> None:
    files = {"pro/excel/I06-deroule.md": note("6", None, CONTENT)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(6,))
    assert only(report, 6, "check_contenus_modalites", "excel").outcome == "passed"


def test_content_without_methods_or_public_is_a_gap(run_ws: RunWs) -> None:
    files = {"pro/excel/I06-deroule.md": note("6", None, "Module 1 : tableaux.\n")}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(6,))
    gap = only(report, 6, "check_contenus_modalites", "excel")
    assert gap.outcome == "gap" and "modalités de mise en œuvre" in gap.message
    assert "adaptation aux publics bénéficiaires" in gap.message
    assert "contenus (programme" not in gap.message
    assert report.indicator(6).offerings["excel"] == "nc_major"
