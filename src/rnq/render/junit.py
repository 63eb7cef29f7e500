"""The report as JUnit XML (``rnq check --junit FILE``), for the test views of CI servers
(Jenkins, GitLab, Azure DevOps…).

Mapping (also in ``docs/outputs.md``):

* one ``<testsuite>`` per criterion, plus one named « Obligations » for the certificate display;
* one ``<testcase>`` per indicator of the report — one NC per indicator is the rule (several
  findings make one NC), so the CI counts match the report's summary; the units, offerings and
  every finding are in the text of the failure;
* ``nc_major`` / ``nc_minor`` → ``<failure type="nc_major|nc_minor">``, its message the status
  and reason, its text the open findings;
* ``not_assessed`` → ``<error type="not_assessed">``: the indicator could not be judged
  (unreadable evidence, a check that raised) — a red mark that is never a pass, and that a
  skipped would have hidden;
* ``not_applicable`` and ``waived`` → ``<skipped>`` with the reason;
* ``conform`` → a plain, passing ``<testcase>``.

Built with :mod:`xml.etree.ElementTree`, which escapes text and attributes; characters XML 1.0
cannot carry at all (control characters in a file name) are replaced by U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from rnq.render.labels import criterion_label, label
from rnq.text import Lang
from rnq.verdict.report import Obligation, Report, ReportFinding

__all__ = ["render_junit"]

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_OPEN = ("gap", "not_verified", "waived")
_MESSAGE_MAX = 1000


def _clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _INVALID_XML.sub("\ufffd", text)


def _short(text: str) -> str:
    text = " ".join(_clean(text).split())
    return text if len(text) <= _MESSAGE_MAX else text[: _MESSAGE_MAX - 1] + "…"


def _finding_text(finding: ReportFinding, lang: Lang) -> str:
    where = " / ".join(p for p in (finding.unit, finding.offering, finding.item) if p) or "—"
    outcome = label("outcome", finding.outcome, lang)
    colon = " :" if lang == "fr" else ":"
    lines = [f"[{outcome}] {where}{colon} {finding.message}"]
    if finding.evidence:
        lines.append(
            ("  evidence: " if lang == "en" else "  preuves : ") + ", ".join(finding.evidence)
        )
    if finding.fix:
        lines.append(("  fix: " if lang == "en" else "  correction : ") + finding.fix)
    lines.append(("  finding: " if lang == "en" else "  constat : ") + finding.id)
    return "\n".join(lines)


def _details(findings: Sequence[ReportFinding], parts: Mapping[str, str], lang: Lang) -> str:
    lines = [_finding_text(f, lang) for f in findings if f.outcome in _OPEN]
    if parts:
        head = "Parts: " if lang == "en" else "Parties : "
        lines.insert(
            0, head + ", ".join(f"{k} = {label('status', v, lang)}" for k, v in parts.items())
        )
    return _clean("\n".join(lines))


def _advice_properties(case: ET.Element, findings: Sequence[ReportFinding], lang: Lang) -> None:
    """One ``rnq.advice`` property per point de vigilance (« à confirmer »: ``rnq.to_confirm``)."""
    advice = [f for f in findings if f.outcome == "advice"]
    if not advice:
        return
    properties = ET.SubElement(case, "properties")
    for finding in advice:
        where = " / ".join(p for p in (finding.unit, finding.offering) if p) or "—"
        colon = " :" if lang == "fr" else ":"
        ET.SubElement(
            properties,
            "property",
            name="rnq.to_confirm" if finding.confirm else "rnq.advice",
            value=_short(f"{where}{colon} {finding.message}"),
        )


def _case(
    suite: ET.Element,
    *,
    classname: str,
    name: str,
    status: str,
    reason: str | None,
    findings: Sequence[ReportFinding],
    parts: Mapping[str, str],
    lang: Lang,
) -> str:
    """Add one testcase; return the JUnit kind it counts as. Advice (never counted) rides
    along as properties of the testcase, as pytest's ``record_property`` writes them."""
    case = ET.SubElement(suite, "testcase", classname=classname, name=_clean(name), time="0")
    _advice_properties(case, findings, lang)
    words = label("status", status, lang)
    colon = " :" if lang == "fr" else ":"
    message = _short(f"{words}{colon} {reason}" if reason else words)
    if status in ("nc_major", "nc_minor"):
        node = ET.SubElement(case, "failure", message=message, type=status)
        node.text = _details(findings, parts, lang)
        return "failures"
    if status == "not_assessed":
        node = ET.SubElement(case, "error", message=message, type=status)
        node.text = _details(findings, parts, lang)
        return "errors"
    if status in ("not_applicable", "waived"):
        waived = [f.message for f in findings if f.outcome == "waived"]
        if status == "waived" and waived:  # the justification, approver and expiry
            message = _short(f"{words}{colon} {' ; '.join(waived)}")
        ET.SubElement(case, "skipped", message=message)
        return "skipped"
    return "passed"


def _suite(parent: ET.Element, name: str, report: Report) -> ET.Element:
    return ET.SubElement(
        parent,
        "testsuite",
        name=_clean(name),
        timestamp=f"{report.today.isoformat()}T00:00:00",
        hostname="rnq",
    )


def _count(suite: ET.Element, kinds: Sequence[str]) -> dict[str, int]:
    counts = {
        "tests": len(kinds),
        "failures": kinds.count("failures"),
        "errors": kinds.count("errors"),
        "skipped": kinds.count("skipped"),
    }
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    return counts


def _obligation_suite(
    root: ET.Element, obligations: Sequence[Obligation], report: Report
) -> list[str]:
    if not obligations:
        return []
    lang = report.lang
    suite = _suite(root, "Obligations", report)
    kinds = [
        _case(
            suite,
            classname="rnq.obligations",
            name=obligation.title,
            status=obligation.status,
            reason=obligation.reason,
            findings=obligation.findings,
            parts=obligation.units,
            lang=lang,
        )
        for obligation in obligations
    ]
    _count(suite, kinds)
    return kinds


def _code_suite(root: ET.Element, report: Report) -> list[str]:
    """« Code en erreur »: one erroring testcase per plugin, collector or check that failed
    during the run (a CI job shows them as errors, apart from the indicators)."""
    errors = [e for e in report.errors if e.kind == "code"]
    if not errors:
        return []
    suite = _suite(root, "Code en erreur" if report.lang == "fr" else "Code errors", report)
    for error in errors:
        where = error.path if error.line is None else f"{error.path}:{error.line}"
        case = ET.SubElement(suite, "testcase", classname="rnq.code", name=_clean(where), time="0")
        node = ET.SubElement(case, "error", message=_short(error.message), type="code")
        node.text = _clean(error.message)
    kinds = ["errors"] * len(errors)
    _count(suite, kinds)
    return kinds


def render_junit(report: Report) -> str:
    """The report as a JUnit XML document (UTF-8, with its XML declaration, deterministic)."""
    lang = report.lang
    root = ET.Element("testsuites", name=f"rnq {report.referential}")
    every: list[str] = []
    word = "Indicator" if lang == "en" else "Indicateur"
    for criterion in sorted({r.criterion for r in report.indicators}):
        suite = _suite(root, criterion_label(report.referential, criterion, lang), report)
        properties = ET.SubElement(suite, "properties")
        for key, value in (
            ("referential", report.referential),
            ("audit_type", report.audit.type),
            ("audit_date", report.audit.date.isoformat() if report.audit.date else ""),
            ("today", report.today.isoformat()),
        ):
            ET.SubElement(properties, "property", name=key, value=value)
        kinds = []
        for result in report.indicators:
            if result.criterion != criterion:
                continue
            title = f" — {result.title}" if result.title else ""
            kinds.append(
                _case(
                    suite,
                    classname=f"rnq.{report.referential}.criterion{criterion}",
                    name=f"{word} {result.number:02d}{title}",
                    status=result.status,
                    reason=result.reason,
                    findings=result.findings,
                    parts={**result.units, **result.offerings},
                    lang=lang,
                )
            )
        _count(suite, kinds)
        every += kinds
    every += _obligation_suite(root, report.obligations, report)
    every += _code_suite(root, report)
    _count(root, every)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
