"""Indicator 3 (``rnq/checks/i03_certification_results.py``): a certifying offering publishes
its pass rate, blocks, equivalences, bridges, follow-ups and outcomes (from rnq-2026 further
study too); a results table (« Présentés / Reçus ») states the pass rate; the presentation rate
is an example (advice); a missing pass rate is said as the guide weighs it, in words that agree
with the verdict; a gap on an RS certification reads « à confirmer ».
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

PASS_RATE = "Taux d'obtention du CAP : 87 % (taux de présentation : 95 %).\n"
FURTHER = "Poursuites d'études : BP Fleuriste, BTM.\n"


def checked(report, outcome: str):  # type: ignore[no-untyped-def]
    return [
        f
        for f in findings(report.indicator(3), "check_resultats_certification")
        if f.outcome == outcome
    ]


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
    (gap,) = checked(report, "gap")
    assert "poursuites d'études" in gap.message and gap.items == ("poursuites-etudes",)
    assert not gap.provisional
    files = {"pro/cap/I03-certification.md": note("3", "certification", CERT_V9 + FURTHER)}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(3,))
    assert outcomes(report.indicator(3), "check_resultats_certification") == ["passed"]


def test_missing_pass_rate_is_said_as_the_verdict_counts_it(run_ws: RunWs) -> None:
    """Review §2.4 #4: the message said « ne peut pas être une NC mineure » beside an nc_minor
    verdict. It now says what the guide rules and that rnq counts the indicator at its general
    level, which is what the status shows."""
    text = CERT_V9.replace(PASS_RATE, "")
    files = {"pro/cap/I03-certification.md": note("3", "certification", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(3,))
    (gap,) = checked(report, "gap")
    assert "taux d'obtention" in gap.message and gap.items == ("taux-obtention",)
    assert "interdit de classer l'absence en NC mineure" in gap.message
    assert "rnq compte l'indicateur au niveau de sa règle générale" in gap.message
    assert "ne peut pas être une NC mineure" not in gap.message
    assert "passerelles" not in gap.message
    assert report.indicator(3).status == "nc_minor"


def test_a_results_table_states_the_pass_rate(run_ws: RunWs) -> None:
    """Review §3.2: « Session ; Présentés ; Reçus ; Taux » was not read as a pass rate."""
    table = "Session;Présentés;Reçus;Taux\n2025;20;17;85 %\n2026;18;16;89 %\n"
    files: dict[str, str | bytes] = {
        "pro/cap/I03-certification.md": note("3", "certification", CERT_V9.replace(PASS_RATE, "")),
        "pro/cap/I03-resultats-examen.csv": table,
        "pro/cap/rnq-evidence.yaml": '- path: "*.csv"\n  indicators: [3]\n  date: 2026-07-01\n',
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(3,))
    three = report.indicator(3)
    assert checked(report, "gap") == [], [f.message for f in three.findings]
    assert three.status == "conform"


def test_presentation_rate_is_an_example(run_ws: RunWs) -> None:
    """The presentation rate beside the pass rate is an evidence example of the guide."""
    text = CERT_V9.replace(PASS_RATE, "Taux de réussite 2025 : 87 %.\n")
    files = {"pro/cap/I03-certification.md": note("3", "certification", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(3,))
    assert report.indicator(3).status == "conform"
    (vigilance,) = checked(report, "advice")
    assert vigilance.items == ("taux-presentation",) and not vigilance.confirm


def test_new_entrant_at_initial_audit_needs_no_pass_rate_yet(run_ws: RunWs) -> None:
    config = CONFIG.replace("type: renewal", "type: initial") + "activity: {new_entrant: true}\n"
    text = CERT_V9.replace(PASS_RATE, "")
    files = {"pro/cap/I03-certification.md": note("3", "certification", text)}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(3,))
    assert outcomes(report.indicator(3), "check_resultats_certification") == ["passed"]


def test_placeholders_state_nothing(run_ws: RunWs) -> None:
    text = CERT_V9.replace(
        "Blocs de compétences : le CAP se compose de 3 blocs validables séparément.\n",
        "Blocs de compétences : voir ci-dessous.\n",
    )
    files = {"pro/cap/I03-certification.md": note("3", "certification", text)}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(3,))
    (gap,) = checked(report, "gap")
    assert gap.items == ("blocs-competences",)


def test_rs_certification_gap_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace('certification: "RNCP12345"', 'certification: "RS5678"')
    text = "Débouchés : fleuriste en boutique, en jardinerie ou en grande surface.\n"
    files = {"pro/cap/I03-certification.md": note("3", "certification", text)}
    report = run_ws(config, files, audit_date=V9_AUDIT, indicators=(3,))
    assert checked(report, "gap") == []
    (rs,) = [f for f in checked(report, "advice") if "Répertoire spécifique" in f.message]
    assert rs.confirm and "taux-obtention" in rs.items
    assert report.indicator(3).status == "conform"
