"""The JSON document ``rnq.report/2``: the SPEC §5 contract, the published schema, determinism."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.collect.evidence import Evidence
from rnq.collect.evidence_map import EvidenceItem, evidence_item, report_rows
from rnq.engine.findings import Finding
from rnq.errors import Problem
from rnq.render.schemas import output_schemas
from rnq.text import Localized
from rnq.verdict.build import report_finding
from rnq.verdict.report import Report, ReportFinding
from rnq.verdict.rules import finding_unit
from rnq.verdict.waivers import Waiver

from .conftest import REPO
from .test_verdict import all_passed, config, finding, report, with_gaps

SCHEMA_FILE = REPO / "docs" / "schemas" / "rnq.report-2.schema.json"

CONTRACT_TOP = {
    "schema",
    "referential",
    "audit",
    "today",
    "summary",
    "indicators",
    "action_plan",
    "errors",
}
CONTRACT_SUMMARY = {
    "applicable",
    "conform",
    "nc_minor",
    "nc_major",
    "not_assessed",
    "waived",
    "certifiable",
    "blocking",
}
CONTRACT_INDICATOR = {
    "number",
    "criterion",
    "status",
    "reason",
    "provisional",
    "units",
    "findings",
}
CONTRACT_FINDING = {"id", "check", "outcome", "unit", "offering", "message", "evidence"}
CONTRACT_ACTION = {"indicator", "unit", "owner", "due", "deadline_if_raised"}
CONTRACT_ERROR = {"path", "line", "message"}


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


VALIDATOR = _validator()


def valid(result: Report) -> dict[str, Any]:
    """The parsed JSON of ``result``, after checking it against the published schema."""
    text = result.to_json()
    data: dict[str, Any] = json.loads(text)
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    assert Report.model_validate_json(text) == result
    return data


def _problems() -> list[Problem]:
    return [
        Problem.make("pro/z.pdf", "PDF chiffré", "encrypted PDF"),
        Problem.make("siege/registre.csv", "date illisible", "unreadable date", line=4),
        Problem.make("pro/a.docx", "document vide", "empty document"),
    ]


def _busy_findings() -> list[Finding]:
    return with_gaps(
        finding(26, "gap", unit="pro", missing=True),
        finding(2, "gap", unit="siege", item="taux"),
        finding(2, "not_verified", unit="pro"),
        finding(1, unit=None, offering="cap"),
        finding(1, "gap", unit=None, offering="paie"),
        finding(3, "not_applicable", unit=None, offering="paie"),
        finding(3, unit=None, offering="cap"),
        finding(30, "gap", unit="langues"),
        finding(31, "gap", unit="siege"),
    )


CASES: dict[str, dict[str, Any]] = {
    "all passed": {"findings": all_passed()},
    "blocking, errors, waiver": {
        "findings": _busy_findings(),
        "problems": _problems(),
        "waivers": [
            Waiver(
                indicator=31,
                justification="Nouveau CRM en service le 5 janvier",
                approver="Direction qualité",
                expires=dt.date(2027, 2, 1),
            )
        ],
    },
    "english, no audit date": {"findings": _busy_findings(), "lang": "en", "audit_date": None},
    "not assessed": {"findings": all_passed(skip={2, 26})},
    "initial audit": {
        "findings": all_passed(),
        "cfg": config(audit={"type": "initial"}),
    },
    "requalified": {
        "findings": with_gaps(finding(30, "gap")),
        "cfg": config(
            audit={"previous_nc": [{"indicator": 30, "level": "minor", "notified": "2025-06-20"}]}
        ),
    },
    "five minors": {"findings": with_gaps(*(finding(n, "gap") for n in (2, 18, 23, 24, 25)))},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_report_matches_the_published_schema(case: str) -> None:
    valid(report(**CASES[case]))


def test_published_schema_is_the_model_schema() -> None:
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == output_schemas()["rnq.report/2"]
    assert published["title"] == "rnq.report/2"


def test_the_spec_contract_keys_are_all_there() -> None:
    data = valid(report(**CASES["blocking, errors, waiver"]))
    assert data["schema"] == "rnq.report/2"
    assert next(iter(data)) == "schema"
    assert set(data) >= CONTRACT_TOP
    assert data["referential"] == "rnq-2026"
    assert data["audit"] == {"type": "renewal", "date": "2026-12-15", "certified_on": "2024-01-20"}
    assert data["today"] == "2026-11-02"
    assert set(data["summary"]) >= CONTRACT_SUMMARY
    assert data["summary"]["certifiable"] is False
    assert data["summary"]["blocking"][0].startswith("26: ")
    for indicator in data["indicators"]:
        assert set(indicator) >= CONTRACT_INDICATOR
        for found in indicator["findings"]:
            assert set(found) >= CONTRACT_FINDING
            assert isinstance(found["evidence"], list)
    twenty_six = next(i for i in data["indicators"] if i["number"] == 26)
    assert twenty_six["status"] == "nc_major" and twenty_six["criterion"] == 6
    assert twenty_six["units"] == {"pro": "nc_major"}
    assert data["action_plan"]
    for item in data["action_plan"]:
        assert set(item) >= CONTRACT_ACTION
    assert data["action_plan"][0]["indicator"] == 26
    assert data["action_plan"][0]["due"] == "2026-11-24"
    assert data["action_plan"][0]["deadline_if_raised"] == "2027-03-15"
    assert all(set(e) >= CONTRACT_ERROR for e in data["errors"])  # fields may be added
    assert data["errors"][0] == {
        "path": "pro/a.docx",
        "line": None,
        "message": "document vide",
        "kind": "file",
    }
    thirty_one = next(i for i in data["indicators"] if i["number"] == 31)
    assert thirty_one["status"] == "waived"


def test_null_certifiable_and_no_audit_date_are_json_null() -> None:
    data = valid(report(**CASES["not assessed"]))
    assert data["summary"]["certifiable"] is None
    data = valid(report(**CASES["english, no audit date"]))
    assert data["audit"]["date"] is None
    assert all(item["deadline_if_raised"] is None for item in data["action_plan"])


def test_json_text_is_utf8_indented_and_newline_terminated() -> None:
    text = report(**CASES["blocking, errors, waiver"]).to_json()
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Référente handicap" in text and "\\u00e9" not in text
    assert text.startswith('{\n  "schema": "rnq.report/2",\n')


def test_same_inputs_give_byte_identical_json() -> None:
    case = CASES["blocking, errors, waiver"]
    first = report(**case).to_json()
    assert report(**case).to_json() == first
    shuffler = random.Random(7)
    for _ in range(5):
        findings = list(case["findings"])
        problems = list(case["problems"])
        shuffler.shuffle(findings)
        shuffler.shuffle(problems)
        shuffled = report(findings=findings, problems=problems, waivers=case["waivers"])
        assert shuffled.to_json() == first


def test_unit_and_offering_maps_are_sorted() -> None:
    data = valid(report(**CASES["blocking, errors, waiver"]))
    for indicator in data["indicators"]:
        assert list(indicator["units"]) == sorted(indicator["units"])
        assert list(indicator["offerings"]) == sorted(indicator["offerings"])


def test_schema_rejects_a_renamed_contract_key() -> None:
    data = valid(report(**CASES["all passed"]))
    data["summary"]["certifiable_answer"] = data["summary"].pop("certifiable")
    assert list(VALIDATOR.iter_errors(data))
    data = valid(report(**CASES["all passed"]))
    data["indicators"][0]["status"] = "ok"
    assert list(VALIDATOR.iter_errors(data))


_NAMES = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_DATES = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))


@settings(max_examples=200, deadline=None)
@given(
    path=_NAMES,
    unit=_NAMES,
    indicators=st.lists(st.integers(1, 33), max_size=4).map(tuple),
    offering=st.none() | _NAMES,
    kind=st.none() | _NAMES,
    date=_DATES,
    valid_until=_DATES,
    by=st.none() | _NAMES,
    mapped_by=st.sampled_from(["manifest", "front_matter", "path", "plugin", "attestation"]),
    read=st.sampled_from(["ok", "no_text", "error", "not_read"]),
    with_read=st.booleans(),
)
def test_evidence_rows_are_what_the_validating_constructor_builds(
    path: str,
    unit: str,
    indicators: tuple[int, ...],
    offering: str | None,
    kind: str | None,
    date: dt.date | None,
    valid_until: dt.date | None,
    by: str | None,
    mapped_by: Any,
    read: Any,
    with_read: bool,
) -> None:
    """``evidence_item`` builds a row without validation: it is equal, field for field and
    in its JSON, to the row the constructor validates, and says every field was given."""
    evidence = Evidence(
        path=path,
        unit=unit,
        indicators=indicators,
        offering=offering,
        kind=kind,
        date=date,
        valid_until=valid_until,
        by=by,
        note=by,
        mapped_by=mapped_by,
        read=read,
    )
    fast = evidence_item(evidence, with_read=with_read)
    slow = EvidenceItem(
        path=path,
        unit=unit,
        indicators=list(indicators),
        offering=offering,
        kind=kind,
        stakeholder=None,
        date=date,
        valid_until=valid_until,
        mapped_by=mapped_by,
        collector="filesystem",
        by=by,
        note=by,
        read=read if with_read else None,
    )
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    if with_read:  # a check report's rows, built in one loop
        [row] = report_rows([evidence, evidence.model_copy(update={"unit": unit + "z"})])[:1]
        assert row == slow
        assert row.model_dump_json() == slow.model_dump_json()
        assert row.model_fields_set == slow.model_fields_set


@settings(max_examples=200, deadline=None)
@given(
    unit=st.none() | _NAMES,
    offering=st.none() | st.sampled_from(["off1", "off2", "autre"]),
    item=st.none() | _NAMES,
    outcome=st.sampled_from(["passed", "gap", "advice", "not_verified", "not_applicable"]),
    message=_NAMES,
    fix=st.none() | _NAMES,
    evidence=st.lists(_NAMES, max_size=4).map(tuple),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    items=st.lists(_NAMES, max_size=3).map(tuple),
    lang=st.sampled_from(["fr", "en"]),
)
def test_report_findings_are_what_the_validating_constructor_builds(
    unit: str | None,
    offering: str | None,
    item: str | None,
    outcome: Any,
    message: str,
    fix: str | None,
    evidence: tuple[str, ...],
    flags: tuple[bool, bool, bool],
    items: tuple[str, ...],
    lang: Any,
) -> None:
    """``report_finding`` builds a report's finding without validation: it is equal, field
    for field and in its JSON, to the one the constructor validates."""
    missing, provisional, confirm = flags
    found = Finding(
        id="abc",
        check="rnq.checks.x::check_x",
        indicator=1,
        outcome=outcome,
        unit=unit,
        offering=offering,
        item=item,
        message=Localized(fr=message, en=message + " (en)"),
        fix=None if fix is None else Localized(fr=fix, en=fix + " (en)"),
        evidence=evidence,
        missing=missing,
        provisional=provisional,
        items=items,
        confirm=confirm,
    )
    unit_of = {"off1": "uo1", "off2": "uo2"}
    fast = report_finding(found, unit_of, lang)
    slow = ReportFinding(
        id=found.id,
        check=found.check,
        outcome=found.outcome,
        unit=finding_unit(found, unit_of),
        offering=found.offering,
        message=found.message.get(lang),
        evidence=tuple(sorted(set(evidence))),
        item=found.item,
        fix=None if found.fix is None else found.fix.get(lang),
        missing=missing,
        provisional=provisional,
        items=items,
        confirm=confirm,
    )
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(
        st.tuples(st.sampled_from(["", "a", "b", "é"]), st.sampled_from(["", "x", "y/z", "Y"])),
        max_size=8,
    )
)
def test_report_rows_are_sorted_by_unit_and_path_in_any_order(keys: list[tuple[str, str]]) -> None:
    """``report_rows`` sorts only evidence it is not handed in order: its rows are those of the
    pieces sorted (stably) by unit and path, whatever their order, equal keys included."""
    pieces = [
        Evidence(path=path, unit=unit, indicators=(1,), note=str(index))
        for index, (unit, path) in enumerate(keys)
    ]
    expected = tuple(
        evidence_item(piece, with_read=True)
        for piece in sorted(pieces, key=lambda piece: (piece.unit, piece.path))
    )
    rows = report_rows(pieces)
    assert rows == expected
    assert [row.note for row in rows] == [row.note for row in expected]  # stable, as sorted()
