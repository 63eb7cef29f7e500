"""``rnq.render.diff``: findings fixed, new and unchanged between two reports, by finding id."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from rnq.errors import UsageError
from rnq.render.diff import ReportDiff, diff_reports, diff_text, load_report
from rnq.verdict.report import Report
from rnq.verdict.waivers import Waiver

from .conftest import REPO
from .test_verdict import AUDIT, finding, report, with_gaps

SCHEMA = json.loads((REPO / "docs/schemas/rnq.diff-1.schema.json").read_text(encoding="utf-8"))

GAP_26 = finding(26, "gap", unit="pro", missing=True)
GAP_23 = finding(23, "gap", unit="pro")
UNREADABLE_30 = finding(30, "not_verified", unit="pro")
GAP_31 = finding(31, "gap", unit="pro", offering=None, item="r1")


def _old() -> Report:
    return report(with_gaps(GAP_26, GAP_23, UNREADABLE_30, GAP_31))


def _new() -> Report:
    # 26 fixed (passes now), 23 and 30 still open, 31 waived, a new gap on 24.
    return report(
        with_gaps(
            GAP_23,
            UNREADABLE_30,
            GAP_31,
            finding(24, "gap", unit="pro"),
        ),
        waivers=[Waiver(indicator=31, justification="j", approver="DG", expires=AUDIT)],
    )


def test_fixed_new_unchanged_by_finding_id() -> None:
    diff = diff_reports(_old(), _new())
    assert [f.id for f in diff.fixed] == [GAP_26.id, GAP_31.id]
    assert {f.id: f.outcome_after for f in diff.fixed} == {GAP_26.id: None, GAP_31.id: "waived"}
    assert [(f.indicator, f.outcome_before, f.outcome_after) for f in diff.new] == [
        (24, None, "gap")
    ]
    assert [f.id for f in diff.unchanged] == [GAP_23.id, UNREADABLE_30.id]
    assert diff.unchanged[1].outcome_before == diff.unchanged[1].outcome_after == "not_verified"


def test_a_passed_finding_that_turns_into_a_gap_is_new() -> None:
    before = report(with_gaps(GAP_23))  # 24 passed (all_passed gives it a passing finding)
    passing_24 = next(f for i in before.indicators if i.number == 24 for f in i.findings)
    regressed = finding(24, "gap", unit="siege")
    assert regressed.id == passing_24.id
    diff = diff_reports(before, report(with_gaps(GAP_23, regressed)))
    assert [(f.id, f.outcome_before, f.outcome_after) for f in diff.new] == [
        (regressed.id, "passed", "gap")
    ]
    assert diff.fixed == () and [f.id for f in diff.unchanged] == [GAP_23.id]


def test_status_changes_and_certifiable() -> None:
    diff = diff_reports(_old(), _new())
    changes = {c.indicator: (c.before, c.after) for c in diff.status_changes}
    assert changes == {
        24: ("conform", "nc_minor"),
        26: ("nc_major", "conform"),
        31: ("nc_major", "waived"),
    }
    assert diff.before.certifiable is False
    assert diff.after.certifiable is None  # 30 still not assessed


def test_same_report_has_only_unchanged() -> None:
    diff = diff_reports(_old(), _old())
    assert diff.fixed == () and diff.new == () and diff.status_changes == ()
    assert len(diff.unchanged) == 4


def test_json_validates_against_the_published_schema() -> None:
    diff = diff_reports(_old(), _new())
    data = json.loads(diff.to_json())
    assert data["schema"] == "rnq.diff/1"
    jsonschema.validate(data, SCHEMA)
    assert ReportDiff.model_validate_json(diff.to_json()) == diff
    assert diff.to_json() == diff_reports(_old(), _new()).to_json()


def test_text_view() -> None:
    text = diff_text(diff_reports(_old(), _new()), "fr")
    assert "Corrigés (2)" in text and "Nouveaux (1)" in text and "Inchangés (2)" in text
    assert "(écart → dérogation)" in text and "(écart → —)" in text
    assert "Certificat délivré ? Non → Impossible à dire" in text
    assert text.splitlines()[-1].strip("= ") == "2 corrigés, 1 nouveau, 2 inchangés"
    english = diff_text(diff_reports(_old(), _new()), "en")
    assert "Fixed (2)" in english and "Status changes (3)" in english


def test_load_report_round_trip_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "old.json"
    good.write_text(_old().to_json(), encoding="utf-8")
    assert load_report(good) == _old()
    cases = {
        "missing.json": None,
        "broken.json": '{"schema": "rnq.report/1",',
        "evidence.json": '{"schema": "rnq.evidence/1", "evidence": []}',
        "list.json": "[1, 2]",
        "invalid.json": '{"schema": "rnq.report/1", "referential": 3}',
    }
    messages = {}
    for name, text in cases.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
        with pytest.raises(UsageError) as caught:
            load_report(path)
        assert caught.value.exit_code == 2
        messages[name] = caught.value.message("en")
        assert str(path) in messages[name]
    assert "cannot be read" in messages["missing.json"]
    assert "invalid JSON, line 1" in messages["broken.json"]
    assert "found 'rnq.evidence/1'" in messages["evidence.json"]
    assert "found none" in messages["list.json"]
    assert "invalid rnq.report/1 report" in messages["invalid.json"]


def test_a_report_of_the_first_schema_still_loads(tmp_path: Path) -> None:
    """rnq.report/2 only added fields (advice): a report an earlier rnq wrote (rnq.report/1,
    without them) is read for `rnq diff`."""
    data = json.loads(_old().to_json())
    data["schema"] = "rnq.report/1"
    data["summary"].pop("advice")
    for item in data["action_plan"]:
        item.pop("optional", None)
    for result in data["indicators"]:
        for found in result["findings"]:
            found.pop("items", None)
            found.pop("confirm", None)
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    assert load_report(old) == _old()
