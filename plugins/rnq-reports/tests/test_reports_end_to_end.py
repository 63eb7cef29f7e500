"""End to end: a workspace whose unit reads its reporting device's log; under the 2026
referential, the built-in check of indicators 12 and 14 finds the report not handled within the
delay the procedure sets, names it by its reference only, and leaves a pending one alone."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rnq_reports

import rnq

EXPORT = "cfa/exports/signalements.csv"
TODAY = dt.date(2026, 12, 5)
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF, CFA]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: cfa
    name: "CFA"
    collectors:
      - {use: reports, path: exports/signalements.csv, delay_days: 7}
"""
HEADER = "N°;Reçu le;Nature;Date AR;Pris en charge;Clôture;Statut;Observations\n"
HANDLED = (
    "2026-01;03/11/2026;Harcèlement sexuel;03/11/2026;05/11/2026;20/11/2026;Clos;Mme X\n"
    # received three days ago, not handled yet: pending, not a gap
    "2026-03;02/12/2026;Violence;02/12/2026;;;Ouvert;\n"
)
# Received on 10 November, still not handled on 5 December (due on 17 November).
PLANTED = "2026-02;10/11/2026;Propos racistes;11/11/2026;;;Ouvert;M. Y, apprenti\n"
CHECK = "check_signalements_dans_les_delais"


def _run(root: Path) -> dict[str, Any]:
    options = rnq.RunOptions(
        today=TODAY, use_cache=False, load_entrypoints=False, extra_plugins=(rnq_reports,)
    )
    return json.loads(rnq.run(root, options).to_json())  # type: ignore[no-any-return]


def _findings(report: dict[str, Any], number: int) -> list[dict[str, Any]]:
    indicator = next(i for i in report["indicators"] if i["number"] == number)
    return [f for f in indicator["findings"] if f["check"].endswith(f"::{CHECK}")]


def test_report_not_handled_in_time_is_a_gap_naming_its_reference(
    reports_workspace: Callable[..., Path],
) -> None:
    root = reports_workspace({EXPORT: HEADER + HANDLED + PLANTED}, CONFIG, "cp1252")
    report = _run(root)
    for number in (12, 14):
        [gap] = [f for f in _findings(report, number) if f["unit"] == "cfa"]
        assert gap["outcome"] == "gap", gap
        assert gap["evidence"] == [f"reports:{EXPORT}"]
        message = gap["message"]
        assert "1 signalement(s)" in message
        assert (
            "2026-02 (ligne 4, discrimination, reçu le 10/11/2026 : prise en charge toujours "
            "absente au 05/12/2026, échéance le 17/11/2026)"
        ) in message
        assert "2026-01" not in message and "2026-03" not in message
        for private in ("M. Y", "apprenti", "racistes", "Ouvert"):
            assert private not in message


def test_all_handled_in_time_passes(reports_workspace: Callable[..., Path]) -> None:
    report = _run(reports_workspace({EXPORT: HEADER + HANDLED}, CONFIG))
    for number in (12, 14):
        findings = _findings(report, number)
        assert {f["outcome"] for f in findings} == {"passed"}, findings


@pytest.mark.parametrize("audit", ["2026-06-15"])
def test_before_2026_the_check_does_not_run(
    reports_workspace: Callable[..., Path], audit: str
) -> None:
    config = CONFIG.replace("2026-12-15", audit)
    report = _run(reports_workspace({EXPORT: HEADER + HANDLED + PLANTED}, config))
    assert _findings(report, 12) == [] and _findings(report, 14) == []


def test_without_a_log_the_check_stands_aside(reports_workspace: Callable[..., Path]) -> None:
    config = CONFIG.replace(
        "    collectors:\n      - {use: reports, path: exports/signalements.csv, delay_days: 7}\n",
        "",
    )
    report = _run(reports_workspace({}, config))
    assert _findings(report, 12) == [] and _findings(report, 14) == []


def test_late_handling_is_a_gap_late_acknowledgement_advice(
    reports_workspace: Callable[..., Path],
) -> None:
    config = CONFIG.replace("delay_days: 7}", "delay_days: 7, acknowledge_days: 2}")
    # handled on day 9 (due day 7), acknowledged on day 5 (due day 2); no reference: its line
    late = ";16/11/2026;VSS;21/11/2026;25/11/2026;;Clos;\n"
    report = _run(reports_workspace({EXPORT: HEADER + HANDLED + late}, config))
    for number in (12, 14):
        findings = [f for f in _findings(report, number) if f["unit"] == "cfa"]
        [gap] = [f for f in findings if f["outcome"] == "gap"]
        message = gap["message"]
        assert "1 signalement(s)" in message
        assert (
            "ligne 4 (violences sexistes et sexuelles, reçu le 16/11/2026 : prise en charge le "
            "25/11/2026, échéance le 23/11/2026)"
        ) in message
        # An acknowledgement is in neither 12's nor 14's text: a point de vigilance, no gap.
        assert "accusé de réception" not in message
        [advice] = [f for f in findings if f["outcome"] == "advice"]
        assert advice["confirm"] is False
        assert "non accusé(s) de réception" in advice["message"]
        assert "accusé de réception le 21/11/2026, échéance le 18/11/2026" in advice["message"]


def test_late_acknowledgement_alone_is_advice_not_a_gap(
    reports_workspace: Callable[..., Path],
) -> None:
    config = CONFIG.replace("delay_days: 7}", "delay_days: 7, acknowledge_days: 2}")
    # handled on day 4 (due day 7), acknowledged on day 4 (due day 2)
    late = "2026-04;16/11/2026;VSS;20/11/2026;20/11/2026;;Clos;\n"
    report = _run(reports_workspace({EXPORT: HEADER + HANDLED + late}, config))
    for number in (12, 14):
        findings = [f for f in _findings(report, number) if f["unit"] == "cfa"]
        assert not [f for f in findings if f["outcome"] == "gap"], findings
        [advice] = [f for f in findings if f["outcome"] == "advice"]
        assert "2026-04" in advice["message"] and "Point de vigilance" in advice["message"]
