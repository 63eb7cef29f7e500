"""Indicator 7 (``rnq/checks/i07_certification_fit.py``), per certifying offering: the content
maps onto the certification's reference framework (provisional for an RS certification)
and, from rnq-2026, the organisation shows its capacity to deliver the certification.
"""

from __future__ import annotations

from .conftest import CRITERION_2_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, only
from .conftest import flexible_note as note

MAPPING = """\
Tableau croisé : module 1 → bloc de compétences 1 du référentiel de certification RNCP12345.
Préparation aux épreuves du CAP (CCF).
"""

CAPACITY = "Établissement habilité par le rectorat à organiser le CCF.\n"


def test_certification_mapping_passes_under_v9(run_ws: RunWs) -> None:
    files = {"pro/cap/I07-tableau-croise.md": note("7", None, MAPPING)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    seven = report.indicator(7)
    assert only(report, 7, "check_adequation_certification", "cap").outcome == "passed"
    assert findings(seven, "check_capacite_certification") == []  # rnq-2026 only
    assert seven.offerings == {"cap": "conform"}


def test_certification_without_mapping_is_a_gap(run_ws: RunWs) -> None:
    files = {"pro/cap/I07.md": note("7", None, "Programme conforme.\n")}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_adequation_certification", "cap")
    assert gap.outcome == "gap" and "correspondance des contenus" in gap.message
    assert "référentiel de la certification" in gap.message and not gap.provisional
    assert report.indicator(7).status == "nc_major"


def test_rnq_2026_requires_capacity_to_deliver_the_certification(run_ws: RunWs) -> None:
    files = {"pro/cap/I07-tableau-croise.md": note("7", None, MAPPING)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_capacite_certification", "cap")
    assert gap.outcome == "gap" and "habilitation" in gap.message
    assert report.indicator(7).status == "nc_major"
    files["pro/cap/I07-habilitation.md"] = note("7", "attestation", CAPACITY)
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "passed"
    assert report.indicator(7).status == "conform"


def test_being_the_certifier_proves_capacity(run_ws: RunWs) -> None:
    text = MAPPING + "Certificateur : Organisme test (titre enregistré au RNCP).\n"
    files = {"pro/cap/I07.md": note("7", None, text)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(7,))
    assert only(report, 7, "check_capacite_certification", "cap").outcome == "passed"


def test_rs_certification_gap_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', 'certification: "RS5678"')
    files = {"pro/cap/I07.md": note("7", None, "Programme.\n")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(7,))
    gap = only(report, 7, "check_adequation_certification", "cap")
    assert gap.outcome == "advice" and gap.confirm and "Répertoire spécifique" in gap.message
