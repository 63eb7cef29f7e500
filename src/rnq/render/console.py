"""The terminal view of a report: one or two calendar lines (days left, overdue NCs of the
previous audit), gaps grouped by indicator, errors, the plain answer, and one summary line, in
the spirit of pytest's output."""

from __future__ import annotations

import textwrap

from rnq.rehearsal.calendar import AuditCalendar
from rnq.render.labels import LABELS, label
from rnq.text import Lang, pick
from rnq.verdict.report import IndicatorResult, Report

__all__ = ["advice_label", "calendar_lines", "console_text", "summary_line"]

_STATUS = LABELS["status"]
_AUDIT = LABELS["audit"]


def _t(pair: tuple[str, str], lang: Lang) -> str:
    return pick(lang, *pair)


def _rule(title: str) -> str:
    return f" {title} ".center(96, "=")


def _indent(text: str, prefix: str = "    ") -> str:
    return textwrap.fill(
        " ".join(text.split()), 96, initial_indent=prefix, subsequent_indent=prefix + "  "
    )


def summary_line(report: Report, lang: Lang = "fr") -> str:
    """One line: the counts of each status over the applicable indicators."""
    s = report.summary
    if lang == "en":
        parts = [
            f"{s.conform} conform",
            f"{s.nc_minor} minor NC",
            f"{s.nc_major} major NC",
            f"{s.not_assessed} not assessed",
            f"{s.waived} waived",
        ]
        if s.advice:
            parts.append(f"{s.advice} point{'s' if s.advice > 1 else ''} to watch")
        return f"{', '.join(parts)} — {s.applicable} applicable indicators"
    parts = [
        f"{s.conform} conformes",
        f"{s.nc_minor} NC mineures",
        f"{s.nc_major} NC majeures",
        f"{s.not_assessed} non évalués",
        f"{s.waived} dérogations",
    ]
    if s.advice:
        parts.append(f"{s.advice} point{'s' if s.advice > 1 else ''} de vigilance")
    return f"{', '.join(parts)} — {s.applicable} indicateurs applicables"


def calendar_lines(calendar: AuditCalendar | None, lang: Lang = "fr") -> list[str]:
    """At most two lines: the days left before the audit (and where the provider stands in its
    cycle), then the previous audit's NCs whose deadline passed unlifted (``rnq calendar`` has
    the whole calendar)."""
    if calendar is None:
        return []
    c = calendar
    audit = _t(_AUDIT[c.audit_type], lang)
    when = c.audit_date.isoformat() if c.audit_date else ""
    if c.days_left is None:
        head = _t(("aucune date d'audit", "no audit date"), lang)
    elif c.days_left > 0:
        head = _t(
            (
                f"J-{c.days_left} avant l'{audit} ({when})",
                f"{c.days_left} days before the {audit} ({when})",
            ),
            lang,
        )
    elif c.days_left == 0:
        head = _t((f"{audit} aujourd'hui ({when})", f"{audit} today ({when})"), lang)
    else:
        head = _t(
            (
                f"date d'audit ({when}) passée depuis {-c.days_left} jours",
                f"audit date ({when}) passed {-c.days_left} days ago",
            ),
            lang,
        )
    if c.phase is not None:
        head += f" — {label('phase', c.phase, lang)}"
    sep = " : " if lang == "fr" else ": "
    lines = [_indent(f"{_t(('Calendrier', 'Calendar'), lang)}{sep}{head}", "")]
    overdue = [nc for nc in c.previous_nc if nc.state == "overdue"]
    if overdue:
        parts = ", ".join(
            f"{nc.indicator} ({label('nc_level', nc.level, lang)}, "
            f"{_t(('échéance', 'deadline'), lang)} {nc.deadline.isoformat()})"
            for nc in overdue
        )
        title = _t(
            ("NC de l'audit précédent non levées, échéance dépassée", "Previous-audit NCs overdue"),
            lang,
        )
        word = _t(("indicateur", "indicator"), lang) + ("s" if len(overdue) > 1 else "")
        lines.append(_indent(f"! {title}{sep}{word} {parts}", ""))
    return lines


def _gap_block(indicator: IndicatorResult, lang: Lang) -> list[str]:
    label = _t(_STATUS[indicator.status], lang)
    lines = [f"[{label}] {indicator.number:>2} {indicator.title}"]
    for finding in indicator.findings:
        if finding.outcome in ("passed", "not_applicable", "advice"):
            continue
        where = "/".join(x for x in (finding.unit, finding.offering, finding.item) if x) or "—"
        lines.append(
            _indent(
                f"{where} : {finding.message}" if lang == "fr" else f"{where}: {finding.message}"
            )
        )
    if indicator.reason:
        lines.append(_indent(indicator.reason))
    return lines


def advice_label(confirm: bool, lang: Lang) -> str:
    """« à confirmer » for a provisional text or a screening hit, else « point de vigilance »."""
    return label("advice", "confirm" if confirm else "watch", lang)


def _advice_lines(report: Report, lang: Lang) -> list[str]:
    """The points de vigilance, by indicator: shown, never counted."""
    found = [
        (result, finding)
        for result in report.indicators
        for finding in result.findings
        if finding.outcome == "advice"
    ]
    if not found:
        return []
    title = _t(
        (
            f"Points de vigilance ({len(found)}) — ne comptent pas dans le verdict",
            f"Points to watch ({len(found)}) — not counted in the verdict",
        ),
        lang,
    )
    lines = ["", _rule(title)]
    sep = " : " if lang == "fr" else ": "
    for result, finding in found:
        where = "/".join(x for x in (finding.unit, finding.offering) if x) or "—"
        kind = advice_label(finding.confirm, lang)
        lines.append(_indent(f"[{kind}] {result.number:>2} {where}{sep}{finding.message}", ""))
    return lines


def console_text(report: Report, lang: Lang = "fr", *, evidence_count: int | None = None) -> str:
    """The whole terminal report."""
    org = report.organization.name if report.organization else ""
    audit = _t(_AUDIT[report.audit.type], lang)
    when = report.audit.date.isoformat() if report.audit.date else "—"
    head = (
        f"rnq — {org} — {report.referential} — {audit} : {when}"
        if lang == "fr"
        else (f"rnq — {org} — {report.referential} — {audit}: {when}")
    )
    out = [head, *calendar_lines(report.calendar, lang)]
    order = {"nc_major": 0, "nc_minor": 1, "not_assessed": 2, "waived": 3}
    gaps = sorted(
        (i for i in report.indicators if i.status in order),
        key=lambda i: (order[i.status], i.number),
    )
    if gaps:
        out += ["", _rule("Écarts par indicateur" if lang == "fr" else "Gaps by indicator")]
        for indicator in gaps:
            out += _gap_block(indicator, lang)
    out += _advice_lines(report, lang)
    for kind, title in (
        ("code", pick(lang, "Code en erreur", "Code errors")),
        ("file", pick(lang, "Fichiers en erreur", "Files with errors")),
    ):
        errors = [e for e in report.errors if e.kind == kind]
        if errors:
            out += ["", _rule(title)]
        for error in errors:
            where = error.path if error.line is None else f"{error.path}:{error.line}"
            out.append(_indent(f"{where} — {error.message}", ""))
    s = report.summary
    out += ["", _rule(s.certifiable_question or "Certifiable ?")]
    out.append(_indent(s.answer, ""))
    for reason in s.blocking:
        out.append(_indent(f"- {reason}", "  "))
    required = [item for item in report.action_plan if not item.optional]
    if required:
        first = required[0]
        label = "Première action :" if lang == "fr" else "First action:"
        what = "affichage du certificat" if first.indicator == 0 else str(first.indicator)
        if first.indicator == 0 and lang == "en":
            what = "certificate display"
        out.append(_indent(f"{label} {what} — {first.what} ({first.owner}, {first.due})", ""))
    out += ["", _rule(summary_line(report, lang))]
    return "\n".join(out)
