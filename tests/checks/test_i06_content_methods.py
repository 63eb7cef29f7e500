"""Indicator 6 (``rnq/checks/i06_content_methods.py``), per offering: content, methods of
delivery, their link with the objectives and their adaptation to the public are described, in
the words providers use (« Pour qui ? », « Au programme », « Jour 1 », « en visio »).
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
    text = (
        "Excel pour tous — session de mars 2026.\n"
        "Module 1 : tableaux et formules simples ; module 2 : graphiques et impression.\n"
    )
    files = {"pro/excel/I06-deroule.md": note("6", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(6,))
    gap = only(report, 6, "check_contenus_modalites", "excel")
    assert gap.outcome == "gap" and "modalités de mise en œuvre" in gap.message
    assert "adaptation aux publics bénéficiaires" in gap.message
    assert "contenus (programme" not in gap.message
    assert report.indicator(6).offerings["excel"] == "nc_major"


def test_natural_phrasing_passes(run_ws: RunWs) -> None:
    """check-review §3.2 (check_contenus_modalites): « Pour qui ? », « Jour 1 … / Jour 2 … »,
    « Sessions en visioconférence » state the public, the content and the modalities."""
    text = """\
    Pour qui ? Assistant(e)s de direction qui préparent des comités.
    Jour 1 : les fondamentaux (objectif 1) / Jour 2 : mise en pratique (objectif 2).
    Sessions en visioconférence, 2 × 3 h 30, groupe de 6.
    """
    files = {"pro/excel/I06-page.md": note("6", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(6,))
    assert only(report, 6, "check_contenus_modalites", "excel").outcome == "passed"


def test_an_empty_template_is_said_to_be_a_draft(run_ws: RunWs) -> None:
    text = """\
    Formation « Logiciel de paie » — PROGRAMME
    Public visé :
    Programme : à venir
    Modalités de mise en œuvre : TBD
    """
    files = {"pro/excel/I06.md": note("6", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(6,))
    gap = only(report, 6, "check_contenus_modalites", "excel")
    assert gap.outcome == "gap" and "brouillon" in gap.message
    assert report.indicator(6).offerings["excel"] == "nc_major"
