"""End to end: a workspace whose unit reads its registrations export; the built-in checks of
indicators 4, 8 and 9 find the learners who entered without a needs analysis, a positioning or
the information sent."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rnq_registrations

import rnq

EXPORT = "pro/exports/inscriptions.csv"
TODAY = dt.date(2026, 3, 20)
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-06-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    collectors:
      - {use: registrations, path: exports/inscriptions.csv}
    offerings:
      - {id: cariste, title: "CACES R489 cariste"}
      - {id: excel-perf, title: "Excel perfectionnement"}
"""
HEADER = (
    "Stagiaire;Formation;Date de candidature;Entretien de besoin;Positionnement;Convocation;"
    "Date d'entrée en formation\n"
)
COMPLETE = (
    "Camille Dubois;CACES R489 cariste;02/02/2026;05/02/2026;09/02/2026;12/02/2026;02/03/2026\n"
    "Théo Martin;Excel perfectionnement;10/02/2026;11/02/2026;11/02/2026;12/02/2026;02/03/2026\n"
    # entry ahead of the run's date: nothing is due yet
    "Nina Perrin;cariste;01/03/2026;;;;06/04/2026\n"
)
# Élodie entered with no positioning; Hugo was positioned after his entry.
PLANTED = (
    "LEROY Élodie;cariste;03/02/2026;06/02/2026;;12/02/2026;02/03/2026\n"
    "Hugo Blanc;cariste;03/02/2026;06/02/2026;04/03/2026;12/02/2026;02/03/2026\n"
)


def _run(root: Path) -> dict[str, Any]:
    options = rnq.RunOptions(
        today=TODAY, use_cache=False, load_entrypoints=False, extra_plugins=(rnq_registrations,)
    )
    return json.loads(rnq.run(root, options).to_json())  # type: ignore[no-any-return]


def _findings(report: dict[str, Any], number: int, check: str) -> list[dict[str, Any]]:
    indicator = next(i for i in report["indicators"] if i["number"] == number)
    return [f for f in indicator["findings"] if f["check"].endswith(f"::{check}")]


def test_entrant_without_positioning_is_named_as_advice(
    registrations_workspace: Callable[..., Path],
) -> None:
    # Indicator 8 demands positioning procedures, and the guide lets positioning take place at
    # the start of training: a learner not positioned by entry is a point de vigilance, no gap.
    root = registrations_workspace({EXPORT: HEADER + COMPLETE + PLANTED}, CONFIG, "cp1252")
    report = _run(root)
    findings = _findings(report, 8, "check_positionnement_avant_entree")
    assert not [f for f in findings if f["outcome"] == "gap"], findings
    advice = [f for f in findings if f["outcome"] == "advice"]
    assert len(advice) == 1, advice
    [said] = advice
    assert (said["unit"], said["offering"]) == ("pro", "cariste")
    assert said["evidence"] == [f"registrations:{EXPORT}#cariste"]
    message = said["message"]
    assert "2 apprenant(s) entré(s) sans positionnement daté au plus tard" in message
    assert "Élodie L. (ligne 5, entrée le 02/03/2026)" in message
    assert "Hugo B. (ligne 6, entrée le 02/03/2026, positionnement le 04/03/2026)" in message
    assert "Point de vigilance" in message
    assert "Camille" not in message and "Nina" not in message and "Leroy" not in message.title()
    needs = _findings(report, 4, "check_analyse_besoin_avant_entree")
    assert needs and all(f["outcome"] == "passed" for f in needs), needs


def test_entrant_without_needs_analysis_is_a_gap_one_analysed_late_advice(
    registrations_workspace: Callable[..., Path],
) -> None:
    # « Le prestataire analyse le besoin du bénéficiaire » (4): no needs analysis at all is a
    # gap; one dated after entry is a point de vigilance (the text does not date it).
    planted = (
        "Lina Roux;cariste;03/02/2026;;09/02/2026;12/02/2026;02/03/2026\n"
        "Paul Petit;cariste;03/02/2026;05/03/2026;09/02/2026;12/02/2026;02/03/2026\n"
    )
    report = _run(registrations_workspace({EXPORT: HEADER + COMPLETE + planted}, CONFIG))
    findings = _findings(report, 4, "check_analyse_besoin_avant_entree")
    gaps = [f for f in findings if f["outcome"] == "gap"]
    assert len(gaps) == 1, findings
    assert "1 apprenant(s) entré(s) sans analyse du besoin datée" in gaps[0]["message"]
    assert "Lina R. (ligne 5, entrée le 02/03/2026)" in gaps[0]["message"]
    assert "Paul" not in gaps[0]["message"]
    advice = [f for f in findings if f["outcome"] == "advice"]
    assert len(advice) == 1, findings
    assert (
        "Paul P. (ligne 6, entrée le 02/03/2026, analyse du besoin le 05/03/2026)"
        in (advice[0]["message"])
    )
    assert "Lina" not in advice[0]["message"]


def test_all_complete_gives_no_such_gap(registrations_workspace: Callable[..., Path]) -> None:
    report = _run(registrations_workspace({EXPORT: HEADER + COMPLETE}, CONFIG))
    for number, check in (
        (4, "check_analyse_besoin_avant_entree"),
        (8, "check_positionnement_avant_entree"),
    ):
        findings = _findings(report, number, check)
        assert {f["outcome"] for f in findings} == {"passed"}, findings


def test_without_an_export_the_checks_stand_aside(
    registrations_workspace: Callable[..., Path],
) -> None:
    config = CONFIG.replace("      - {use: registrations, path: exports/inscriptions.csv}\n", "")
    report = _run(registrations_workspace({}, config.replace("    collectors:\n", "")))
    assert _findings(report, 8, "check_positionnement_avant_entree") == []
    assert _findings(report, 4, "check_analyse_besoin_avant_entree") == []


def test_entrant_without_information_sent_is_advice_under_9(
    registrations_workspace: Callable[..., Path],
) -> None:
    # Indicator 9 demands the delivery conditions « formalisées et diffusées », not a sending
    # per learner dated before entry: a sending missing or recorded after entry is a point de
    # vigilance, one per offering, never a gap.
    planted = (
        "Zoé Faure;cariste;03/02/2026;05/02/2026;09/02/2026;;02/03/2026\n"
        "Lucas Roy;Excel perfectionnement;03/02/2026;05/02/2026;09/02/2026;05/03/2026;02/03/2026\n"
    )
    report = _run(registrations_workspace({EXPORT: HEADER + COMPLETE + planted}, CONFIG))
    findings = _findings(report, 9, "check_informations_avant_entree")
    assert not [f for f in findings if f["outcome"] in ("gap", "not_verified")], findings
    advice = [f for f in findings if f["outcome"] == "advice"]
    assert len(advice) == 2, findings
    assert all(f["unit"] == "pro" for f in advice)  # indicator 9 is assessed per unit
    [cariste] = [f["message"] for f in advice if "« CACES R489 cariste »" in f["message"]]
    [excel] = [f["message"] for f in advice if "« Excel perfectionnement »" in f["message"]]
    assert [f"registrations:{EXPORT}#cariste"] in [f["evidence"] for f in advice]
    assert "1 apprenant(s) entré(s) sans envoi des informations daté au plus tard" in cariste
    assert "Zoé F. (ligne 5, entrée le 02/03/2026)" in cariste
    assert "Nina" not in cariste  # her entry is ahead
    assert "Lucas R. (ligne 6, entrée le 02/03/2026, envoi des informations le 05/03/2026)" in excel
    assert "Point de vigilance : l'indicateur 9 demande" in cariste
    nine = next(i for i in report["indicators"] if i["number"] == 9)
    gaps = [f for f in nine["findings"] if f["outcome"] == "gap"]  # no document of 9 here
    assert all(f["check"].endswith("::check_conditions_deroulement") for f in gaps), gaps
    # the other checks of the export are unchanged by the missing sending
    assert {f["outcome"] for f in _findings(report, 8, "check_positionnement_avant_entree")} == {
        "passed"
    }


def test_information_sent_all_before_entry_passes(
    registrations_workspace: Callable[..., Path],
) -> None:
    report = _run(registrations_workspace({EXPORT: HEADER + COMPLETE}, CONFIG))
    findings = _findings(report, 9, "check_informations_avant_entree")
    assert [(f["outcome"], f["unit"]) for f in findings] == [("passed", "pro")], findings


def test_an_export_that_records_no_sending_says_nothing_under_9(
    registrations_workspace: Callable[..., Path],
) -> None:
    # No « Convocation » column: the export does not record the sending, nothing to judge.
    header = "Stagiaire;Formation;Entretien de besoin;Positionnement;Date d'entrée en formation\n"
    rows = "Camille Dubois;cariste;05/02/2026;09/02/2026;02/03/2026\n"
    report = _run(registrations_workspace({EXPORT: header + rows}, CONFIG))
    findings = _findings(report, 9, "check_informations_avant_entree")
    assert not [f for f in findings if f["outcome"] in ("advice", "gap", "passed")], findings
