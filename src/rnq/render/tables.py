"""The report as tables: the action plan, the evidence map, the indicators and the unmapped
files, written as CSV (``rnq check --csv DIR``) or as one XLSX workbook (``--xlsx FILE``).

* Each ``*_rows`` function returns the header row (in the report's language) followed by the
  data rows; a cell is a string, an integer, a date or None (empty).
* The evidence map has one row per indicator × piece of evidence (indicator → proofs, as the
  auditor reads it; a filter on the indicator column gives its proofs).
* CSV: UTF-8 with a byte-order mark and ``;`` as delimiter, so that Excel in French opens it as
  columns. XLSX: one sheet per table, bold frozen header, autofilter, column widths; the
  workbook's creation date is the report's ``today``, so the same report gives byte-identical
  files.
* **No formula from evidence.** In the XLSX every text is written with ``write_string``, never
  as a formula. In the CSV, a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is prefixed with an apostrophe (OWASP's advice against CSV injection), since a
  spreadsheet would otherwise evaluate it.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from rnq.render.files import atomic_path, cannot_write
from rnq.render.labels import label
from rnq.text import Lang
from rnq.verdict.report import Report

__all__ = [
    "Cell",
    "action_plan_rows",
    "evidence_map_rows",
    "indicator_rows",
    "unmapped_rows",
    "write_csv",
    "write_csvs",
    "write_xlsx",
]

#: Majors first, then minors, then the optional advice.
_LEVEL_ORDER = {"nc_major": 0, "nc_minor": 1}

Cell = str | int | dt.date | None
Rows = list[list[Cell]]

#: File names ``--csv DIR`` writes (stable, whatever the language, for scripts).
CSV_FILES = {
    "action_plan": "action-plan.csv",
    "evidence_map": "evidence-map.csv",
    "indicators": "indicators.csv",
    "unmapped": "unmapped.csv",
}
#: The workbook's author: how rnq knows its own workbooks (never read as evidence).
GENERATOR = "rnq"
#: The columns of each table, in order (their labels: :func:`rnq.render.labels.label`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "action_plan": (
        "level",
        "indicator",
        "title",
        "unit",
        "offering",
        "what",
        "fix",
        "owner",
        "due",
        "deadline_if_raised",
        "verification_by",
        "check",
        "finding",
    ),
    "evidence_map": (
        "indicator",
        "unit",
        "offering",
        "path",
        "kind",
        "stakeholder",
        "date",
        "valid_until",
        "mapped_by",
        "collector",
        "by",
        "note",
        "read",
    ),
    "indicators": (
        "indicator",
        "criterion",
        "title",
        "status",
        "reason",
        "weighting",
        "assessed_at",
        "provisional",
        "units",
        "offerings",
        "open_findings",
    ),
    "unmapped": ("path", "unit", "kind", "reason"),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_MAX = 32767  # characters in one cell
_WIDTH_MIN, _WIDTH_MAX = 8, 60


def _headers(keys: Sequence[str], lang: Lang) -> list[Cell]:
    return [label("column", key, lang) for key in keys]


def _join(values: Sequence[str]) -> str:
    return ", ".join(values)


def action_plan_rows(report: Report) -> Rows:
    """The action plan, majors first: level, indicator, its title, unit, offering, what to fix,
    suggested fix, owner, due, deadline if raised, certifier's verification, check, finding."""
    lang = report.lang
    titles = {r.number: r.title for r in report.indicators}
    for obligation in report.obligations:
        titles[0] = obligation.title
    rows: Rows = [_headers(COLUMNS["action_plan"], lang)]
    plan = sorted(report.action_plan, key=lambda item: _LEVEL_ORDER.get(item.level, 2))
    for item in plan:
        rows.append(
            [
                label("level", item.level, lang),
                item.indicator,
                titles.get(item.indicator, ""),
                item.unit,
                item.offering,
                item.what,
                item.fix,
                item.owner,
                item.due,
                item.deadline_if_raised,
                item.verification_by,
                item.check,
                item.finding,
            ]
        )
    return rows


def evidence_map_rows(report: Report) -> Rows:
    """The evidence map: one row per indicator × piece of evidence, by indicator, unit, path."""
    lang = report.lang
    rows: Rows = [_headers(COLUMNS["evidence_map"], lang)]
    pairs = sorted(
        ((number, item) for item in report.evidence for number in sorted(set(item.indicators))),
        key=lambda pair: (pair[0], pair[1].unit, pair[1].path),
    )
    for number, item in pairs:
        rows.append(
            [
                number,
                item.unit,
                item.offering,
                item.path,
                item.kind,
                item.stakeholder,
                item.date,
                item.valid_until,
                label("mapped_by", item.mapped_by, lang),
                item.collector,
                item.by,
                item.note,
                label("read", item.read, lang) if item.read else None,
            ]
        )
    return rows


def indicator_rows(report: Report) -> Rows:
    """Every indicator: number, criterion, title, status, reason, NC weighting, where assessed,
    provisional, status per unit and per offering, open findings."""
    lang = report.lang
    rows: Rows = [_headers(COLUMNS["indicators"], lang)]
    yes, no = label("certifiable", "true", lang), label("certifiable", "false", lang)
    for r in report.indicators:
        rows.append(
            [
                r.number,
                r.criterion,
                r.title,
                label("status", r.status, lang),
                r.reason,
                label("weighting", r.nc_weighting, lang) if r.nc_weighting else None,
                label("assessed_at", r.assessed_at, lang) if r.assessed_at else None,
                yes if r.provisional else no,
                _join([f"{k}: {label('status', v, lang)}" for k, v in r.units.items()]),
                _join([f"{k}: {label('status', v, lang)}" for k, v in r.offerings.items()]),
                sum(1 for f in r.findings if f.outcome in ("gap", "not_verified")),
            ]
        )
    return rows


def unmapped_rows(report: Report) -> Rows:
    """The files that map to no indicator, with why."""
    rows: Rows = [_headers(COLUMNS["unmapped"], report.lang)]
    rows += [[u.path, u.unit, u.kind, u.reason] for u in report.unmapped]
    return rows


def _tables(report: Report) -> dict[str, Rows]:
    return {
        "action_plan": action_plan_rows(report),
        "evidence_map": evidence_map_rows(report),
        "indicators": indicator_rows(report),
        "unmapped": unmapped_rows(report),
    }


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, int):
        return str(cell)
    if cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def write_csv(path: Path, rows: Sequence[Sequence[Cell]]) -> None:
    """Write ``rows`` (header first) to ``path`` atomically: UTF-8 with BOM, ``;``-separated,
    CRLF line ends, texts that a spreadsheet would take for a formula neutralised."""
    with atomic_path(Path(path)) as temp, temp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerows([_csv_cell(cell) for cell in row] for row in rows)


def write_csvs(directory: Path, report: Report) -> list[Path]:
    """Write every table of the report as CSV files in ``directory`` (created if needed):
    ``action-plan.csv``, ``evidence-map.csv``, ``indicators.csv``, ``unmapped.csv``."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(directory, exc) from None
    written = []
    for key, rows in _tables(report).items():
        target = directory / CSV_FILES[key]
        write_csv(target, rows)
        written.append(target)
    return written


def _width(cell: Cell) -> int:
    if cell is None:
        return 0
    if isinstance(cell, dt.date):
        return 10
    return max((len(line) for line in str(cell).splitlines()), default=0)


def write_xlsx(path: Path, report: Report) -> None:
    """Write the report's tables as one XLSX workbook at ``path`` (atomically): sheets
    « Plan d'action », « Carte des preuves », « Indicateurs », « Non rattachés » (English names
    for an English report). Byte-identical for the same report."""
    import xlsxwriter

    lang = report.lang
    created = dt.datetime.combine(report.today, dt.time())
    with atomic_path(Path(path)) as temp:
        workbook = xlsxwriter.Workbook(str(temp), {"in_memory": True})
        workbook.set_properties(
            {"created": created, "title": report.referential_title, "author": GENERATOR}
        )
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        day = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        text = workbook.add_format({"valign": "top"})
        for key, rows in _tables(report).items():
            sheet = workbook.add_worksheet(label("sheet", key, lang)[:31])
            widths = [_WIDTH_MIN] * len(rows[0])
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    widths[c] = max(widths[c], min(_WIDTH_MAX, _width(cell) + 2))
                    if r == 0:
                        sheet.write_string(r, c, str(cell), bold)
                    elif cell is None:
                        sheet.write_blank(r, c, None, text)
                    elif isinstance(cell, dt.date):
                        sheet.write_datetime(r, c, dt.datetime.combine(cell, dt.time()), day)
                    elif isinstance(cell, int):
                        sheet.write_number(r, c, cell, text)
                    else:
                        sheet.write_string(r, c, cell[:_XLSX_MAX], text)
            for c, width in enumerate(widths):
                sheet.set_column(c, c, width)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(len(rows) - 1, 0), len(rows[0]) - 1)
        workbook.close()
