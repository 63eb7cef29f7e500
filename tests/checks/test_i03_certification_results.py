"""Indicator 3 (``rnq/checks/i03_certification_results.py``): a certifying offering publishes
its pass rate, blocks, equivalences, bridges, follow-ups and outcomes (from rnq-2026 further
study too); a gap on an RS certification rests on a provisional reading.
"""

from __future__ import annotations

from .conftest import CRITERION_1_CONFIG as CONFIG
from .conftest import V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes
from .conftest import flexible_note as note

CERT_V9 = """\
Taux d'obtention du CAP : 87 % (taux de présentation : 95 %).
Blocs de compétences : le CAP se compose de 3 blocs validables séparément.
Équivalences : aucune. Passerelles : vers le BP Fleuriste.
Suites de parcours : BP ou brevet de maîtrise.
Débouchés : fleuriste en boutique, en jardinerie ; taux d'insertion 78 %.
"""

FURTHER = "Poursuites d'études : BP Fleuriste, BTM.\n"


def test_certification_information_under_v9(run_ws: RunWs) -> None:
    files = {"pro/cap/I03-certification.md": note("3", "certification", CERT_V9)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(3,))
    three = report.indicator(3)
    assert outcomes(three, "check_resultats_certification") == ["passed"]
    assert three.status == "conform"
    assert set(three.offerings) == {"cap"}  # non-certifying offerings are not concerned


def test_rnq_2026_requires_further_study(run_ws: RunWs) -> None:
    files = {"pro/cap/I03-certification.md": note("3", "certification", CERT_V9)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(3,))
    (gap,) = findings(report.indicator(3), "check_resultats_certification")
    assert gap.outcome == "gap" and "poursuites d'études" in gap.message
    assert not gap.provisional
    files = {"pro/cap/I03-certification.md": note("3", "certification", CERT_V9 + FURTHER)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(3,))
    assert outcomes(report.indicator(3), "check_resultats_certification") == ["passed"]


def test_missing_pass_rate_is_named(run_ws: RunWs) -> None:
    text = CERT_V9.replace("Taux d'obtention du CAP : 87 % (taux de présentation : 95 %).\n", "")
    files = {"pro/cap/I03-certification.md": note("3", "certification", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(3,))
    (gap,) = findings(report.indicator(3), "check_resultats_certification")
    assert gap.outcome == "gap" and "taux d'obtention" in gap.message
    assert "ne peut pas être une NC mineure" in gap.message
    assert "passerelles" not in gap.message


def test_rs_certification_gap_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', 'certification: "RS5678"')
    files = {"pro/cap/I03-certification.md": note("3", "certification", "Débouchés : fleuriste.\n")}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(3,))
    (gap,) = findings(report.indicator(3), "check_resultats_certification")
    assert gap.outcome == "advice" and gap.confirm and "Répertoire spécifique" in gap.message
