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
from typing import Any

from rnq.errors import UsageError
from rnq.render.files import atomic_path, cannot_write
from rnq.render.labels import label
from rnq.text import Lang, msg
from rnq.verdict.report import Report

__all__ = [
    "Cell",
    "action_plan_rows",
    "evidence_map_rows",
    "indicator_rows",
    "merge_plan",
    "previous_plan",
    "unmapped_rows",
    "write_csv",
    "write_csvs",
    "write_xlsx",
]

#: Majors first, then minors, then the optional advice.
_LEVEL_ORDER = {"nc_major": 0, "nc_minor": 1}

Cell = str | int | float | dt.date | None
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
        "owner",
        "level",
        "indicator",
        "title",
        "unit_name",
        "offering_name",
        "what",
        "fix",
        "due",
        "deadline_if_raised",
        "verification_by",
        "effort",
        "plan_status",
        "progress",
        "comment",
        "unit_id",
        "offering_id",
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


#: The columns of the action plan the team fills in: kept, row by row, when ``--xlsx`` writes
#: over an earlier plan (:func:`write_xlsx`).
TEAM_COLUMNS = ("plan_status", "progress", "comment")


def action_plan_rows(report: Report) -> Rows:
    """The action plan grouped by owner (owners in alphabetical order, majors first in each,
    then the plan's order): owner, level, indicator, its title, unit and offering names, what
    to fix, suggested fix, due, deadline if raised, certifier's verification, effort, status
    (« à faire »), progress and comment (for the team), unit and offering ids, check, finding."""
    lang = report.lang
    titles = {r.number: r.title for r in report.indicators}
    for obligation in report.obligations:
        titles[0] = obligation.title
    units = {u.id: u.name for u in report.units}
    offerings = {(u.id, o.id): o.title for u in report.units for o in u.offerings}
    rows: Rows = [_headers(COLUMNS["action_plan"], lang)]
    plan = sorted(
        report.action_plan,
        key=lambda item: (item.owner.casefold(), item.owner, _LEVEL_ORDER.get(item.level, 2)),
    )
    todo = label("plan_status", "open", lang)
    for item in plan:
        effort = getattr(item, "effort_label", None) or None
        rows.append(
            [
                item.owner,
                label("level", item.level, lang),
                item.indicator,
                titles.get(item.indicator, ""),
                units.get(item.unit, item.unit) if item.unit else None,
                offerings.get((item.unit or "", item.offering), item.offering)
                if item.offering
                else None,
                item.what,
                item.fix,
                item.due,
                item.deadline_if_raised,
                item.verification_by,
                effort,
                todo,
                None,
                None,
                item.unit,
                item.offering,
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
    if isinstance(cell, int | float):
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


# --- The team's columns, kept from one export to the next ---------------------------------------


def _header_keys() -> dict[str, str]:
    """Action-plan header (either language, this version's or the previous one's) → key."""
    keys: dict[str, str] = {}
    langs: tuple[Lang, ...] = ("fr", "en")
    for key in (*COLUMNS["action_plan"], "unit", "offering"):
        for lang in langs:
            keys.setdefault(label("column", key, lang), key)
    # Before the names came, « Unité » and « Prestation » held the ids.
    keys["Unité"] = keys["Unit"] = "unit_name"
    keys["Prestation"] = keys["Offering"] = "offering_name"
    return keys


def _read_cell(value: object) -> Cell:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, int | str):
        return value
    return str(value)


def previous_plan(path: Path) -> list[dict[str, Cell]]:
    """The rows of the action-plan sheet of the workbook at ``path`` (an earlier
    ``rnq check --xlsx``), each as column key → value; ``[]`` when there is no such file or
    sheet. A file that exists but is no readable workbook is an error (the team's columns would
    be lost): :class:`rnq.errors.UsageError` naming it."""
    import python_calamine

    path = Path(path)
    if not path.is_file():
        return []
    names = {label("sheet", "action_plan", "fr"), label("sheet", "action_plan", "en")}
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            sheet = next((n for n in workbook.sheet_names if n in names), None)
            raw = workbook.get_sheet_by_name(sheet).to_python() if sheet is not None else []
        finally:
            workbook.close()
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise UsageError(
            msg(
                f"impossible de relire le plan d'action {path} pour y garder les colonnes de "
                f"l'équipe ({exc}) : fermez-le, réparez-le ou déplacez-le, puis relancez",
                f"cannot read the action plan {path} back to keep the team's columns ({exc}): "
                "close, repair or move it, then run again",
            )
        ) from None
    if not raw:
        return []
    header_keys = _header_keys()
    keys: list[str | None] = []
    for cell in raw[0]:
        name = "" if cell is None else str(cell).strip()
        # A column the team added (« Priorité »…) is kept too, under its own header.
        keys.append(header_keys.get(name, _EXTRA + name) if name else None)
    rows = []
    for values in raw[1:]:
        row = {k: _read_cell(v) for k, v in zip(keys, values, strict=False) if k is not None}
        if any(v is not None for v in row.values()):
            rows.append(row)
    return rows


#: The key of a column the team added to the plan: this prefix and its header.
_EXTRA = "extra:"


def _row_key(row: dict[str, Cell]) -> str:
    """A row's identity: its finding id, else its check, indicator, unit, offering and text."""
    if row.get("finding"):
        return str(row["finding"])
    parts = (row.get(k) for k in ("check", "indicator", "unit_id", "offering_id", "what"))
    return "|".join("" if p is None else str(p) for p in parts)


def _status_words(key: str) -> set[str]:
    return {label("plan_status", key, "fr"), label("plan_status", key, "en")}


def merge_plan(rows: Rows, previous: Sequence[dict[str, Cell]], lang: Lang) -> Rows:
    """The action plan ``rows`` (header first) with what the team typed in the previous plan
    kept row by row (by finding id): status, progress, comment, and any column the team added
    (after rnq's, under its header). A row of the previous plan whose finding is no longer open
    is kept, its status « corrigé »; a row marked « corrigé » that is open again reads
    « rouvert ». Owners stay grouped (fixed rows after the open ones)."""
    if not previous:
        return rows
    extras = list(dict.fromkeys(k for row in previous for k in row if k.startswith(_EXTRA)))
    columns = (*COLUMNS["action_plan"], *extras)
    rows = [[*row, *(None for _ in extras)] for row in rows]
    rows[0][len(COLUMNS["action_plan"]) :] = [k[len(_EXTRA) :] for k in extras]
    at = {key: i for i, key in enumerate(columns)}
    fixed_words, fixed = _status_words("fixed"), label("plan_status", "fixed", lang)
    earlier = {_row_key(row): row for row in previous}
    current: list[tuple[tuple[str, int, int], list[Cell]]] = []
    seen = set()
    for n, row in enumerate(rows[1:]):
        as_dict = dict(zip(columns, row, strict=True))
        key = _row_key(as_dict)
        seen.add(key)
        old = earlier.get(key)
        if old is not None:
            for column in (*TEAM_COLUMNS, *extras):
                if old.get(column) is not None:
                    row[at[column]] = old[column]
            if old.get("plan_status") in fixed_words:
                row[at["plan_status"]] = label("plan_status", "reopened", lang)
        current.append(((str(row[at["owner"]] or "").casefold(), 0, n), row))
    for n, old in enumerate(previous):
        if _row_key(old) in seen:
            continue
        row = [old.get(column) for column in columns]
        row[at["plan_status"]] = fixed
        current.append(((str(old.get("owner") or "").casefold(), 1, n), row))
    current.sort(key=lambda pair: pair[0])
    return [rows[0], *(row for _, row in current)]


def write_xlsx(path: Path, report: Report, *, keep: bool = True) -> None:
    """Write the report's tables as one XLSX workbook at ``path`` (atomically): sheets
    « Plan d'action », « Carte des preuves », « Indicateurs », « Non rattachés » (English names
    for an English report). With ``keep`` (the default), a plan already at ``path`` is read
    first and what the team typed there (« Statut », « Avancement », « Commentaire ») is kept
    row by row; rows of findings now fixed stay, marked « corrigé » (:func:`merge_plan`).
    Byte-identical for the same report and the same earlier plan."""
    import xlsxwriter

    lang = report.lang
    tables = _tables(report)
    if keep:
        tables["action_plan"] = merge_plan(tables["action_plan"], previous_plan(path), lang)
    created = dt.datetime.combine(report.today, dt.time())
    with atomic_path(Path(path)) as temp:
        workbook = xlsxwriter.Workbook(str(temp), {"in_memory": True})
        workbook.set_properties(
            {"created": created, "title": report.referential_title, "author": GENERATOR}
        )
        formats = {
            "bold": workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
            "day": workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
            "text": workbook.add_format({"valign": "top"}),
            "team": workbook.add_format({"valign": "top", "bg_color": "#FFF2CC"}),
            "percent": workbook.add_format(
                {"valign": "top", "bg_color": "#FFF2CC", "num_format": "0%"}
            ),
        }
        for key, rows in tables.items():
            sheet = workbook.add_worksheet(label("sheet", key, lang)[:31])
            team = {COLUMNS[key].index(c) for c in TEAM_COLUMNS if c in COLUMNS[key]}
            team |= set(range(len(COLUMNS[key]), len(rows[0])))  # the columns the team added
            _write_sheet(sheet, rows, formats, team)
            if team:
                statuses = [label("plan_status", s, lang) for s in _PLAN_STATUSES]
                sheet.data_validation(
                    1,
                    COLUMNS[key].index("plan_status"),
                    max(len(rows) - 1, 1),
                    COLUMNS[key].index("plan_status"),
                    {"validate": "list", "source": statuses, "error_type": "information"},
                )
        workbook.close()


#: The statuses offered in the « Statut » column (any other text is accepted too).
_PLAN_STATUSES = ("open", "in_progress", "done", "fixed", "reopened")


def _write_sheet(sheet: Any, rows: Rows, formats: dict[str, Any], team: set[int]) -> None:
    """One sheet: bold frozen header with an autofilter, column widths from the content, dates
    as dates, every text as a string (never a formula), the team's columns shaded."""
    widths = [_WIDTH_MIN] * len(rows[0])
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            widths[c] = max(widths[c], min(_WIDTH_MAX, _width(cell) + 2))
            style = formats["team"] if c in team and r else formats["text"]
            if r == 0:
                sheet.write_string(r, c, str(cell), formats["bold"])
            elif cell is None:
                sheet.write_blank(r, c, None, style)
            elif isinstance(cell, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(cell, dt.time()), formats["day"])
            elif isinstance(cell, float) and c in team and 0 <= cell <= 1:
                sheet.write_number(r, c, cell, formats["percent"])  # Excel's « 50 % »
            elif isinstance(cell, int | float):
                sheet.write_number(r, c, cell, style)
            else:
                sheet.write_string(r, c, cell[:_XLSX_MAX], style)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows) - 1, 0), len(rows[0]) - 1)
