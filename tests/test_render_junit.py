"""The JUnit XML view, read back by a JUnit parser as CI servers read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from junitparser import Error, Failure, JUnitXml, Skipped, TestCase, TestSuite

from rnq.render.junit import render_junit
from rnq.verdict.report import Report

from .test_render_markdown import EVIL_MESSAGE, EVIL_NAME, rich_report


def _parse(text: str) -> JUnitXml:
    xml = JUnitXml.fromstring(text)
    assert isinstance(xml, JUnitXml)
    return xml


def _cases(xml: JUnitXml) -> dict[str, tuple[TestSuite, TestCase]]:
    return {case.name: (suite, case) for suite in xml for case in suite}


def _kind(case: TestCase) -> str:
    kinds = {type(result) for result in case.result}
    assert len(kinds) <= 1
    if not kinds:
        return "passed"
    return {Failure: "failure", Error: "error", Skipped: "skipped"}[kinds.pop()]


def _by_number(xml: JUnitXml, number: int) -> TestCase:
    prefixes = (f"Indicateur {number:02d} ", f"Indicator {number:02d} ")
    return next(case for suite in xml for case in suite if case.name.startswith(prefixes))


def test_counts_match_the_report() -> None:
    report = rich_report()
    xml = _parse(render_junit(report))
    statuses = Counter(r.status for r in report.indicators)
    statuses.update(o.status for o in report.obligations)
    kinds = Counter(_kind(case) for suite in xml for case in suite)
    assert kinds["failure"] == statuses["nc_major"] + statuses["nc_minor"] == 3
    assert kinds["error"] == statuses["not_assessed"] == 1
    assert kinds["skipped"] == statuses["not_applicable"] + statuses["waived"]
    assert kinds["passed"] == statuses["conform"]
    total = len(report.indicators) + len(report.obligations)
    assert sum(kinds.values()) == total
    # the declared counts are the real ones, at every level
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (
        total,
        kinds["failure"],
        kinds["error"],
        kinds["skipped"],
    )
    for suite in xml:
        counted = Counter(_kind(case) for case in suite)
        assert suite.tests == sum(counted.values())
        assert (suite.failures, suite.errors, suite.skipped) == (
            counted["failure"],
            counted["error"],
            counted["skipped"],
        )


def test_one_suite_per_criterion_and_the_obligations() -> None:
    report = rich_report()
    xml = _parse(render_junit(report))
    names = [suite.name for suite in xml]
    assert names[:7] == [n for n in names if n.startswith("Critère ")]
    assert names[0] == "Critère 1 — Information du public"
    assert names[-1] == "Obligations"
    by_suite = {suite.name: [case.name for case in suite] for suite in xml}
    criterion_6 = next(name for name in names if name.startswith("Critère 6 "))
    assert [name[:13] for name in by_suite[criterion_6]] == [
        f"Indicateur {r.number:02d}" for r in report.indicators if r.criterion == 6
    ]


def test_statuses_map_to_failure_error_skipped() -> None:
    report = rich_report()
    xml = _parse(render_junit(report))
    major = _by_number(xml, 26).result[0]
    assert isinstance(major, Failure) and major.type == "nc_major"
    assert major.message.startswith("NC majeure : ")
    minor = _by_number(xml, 24).result[0]
    assert isinstance(minor, Failure) and minor.type == "nc_minor"
    assert EVIL_MESSAGE in (minor.text or "")  # the finding's message, as text
    assert EVIL_NAME in (minor.text or "")
    assert "\ufffd" in (minor.text or "")  # the control character, replaced
    error = _by_number(xml, 30).result[0]
    assert isinstance(error, Error) and error.type == "not_assessed"
    waived = _by_number(xml, 25).result[0]
    assert isinstance(waived, Skipped) and "Dérogation accordée par DG" in (waived.message or "")
    na = _by_number(xml, 27).result[0]
    reason = report.indicator(27).reason
    assert isinstance(na, Skipped) and reason and reason in (na.message or "")
    assert _by_number(xml, 1).result == []  # conform: a pass


def test_hostile_text_is_escaped_and_the_document_is_well_formed() -> None:
    text = render_junit(rich_report())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "\x01" not in text


def test_english_and_deterministic() -> None:
    report: Report = rich_report("en")
    text = render_junit(report)
    assert text == render_junit(rich_report("en"))
    xml = _parse(text)
    assert next(iter(xml)).name == "Criterion 1 — Public information"
    assert _by_number(xml, 26).result[0].message.startswith("major NC: ")
