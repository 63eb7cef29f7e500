"""XLSX, ODS and legacy XLS workbooks through python-calamine.

``rows`` are those of the first sheet holding a non-empty cell (header first, fully empty rows
dropped, cells as stripped strings: dates as ISO ``YYYY-MM-DD``, whole numbers without ``.0``);
``text`` covers every sheet, one line per row, cells separated by tabs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import python_calamine

from rnq.extract.archive import SafeZip
from rnq.extract.limits import ExtractLimits
from rnq.extract.model import Extraction, TextSink
from rnq.extract.office import odf_meta, ooxml_meta
from rnq.match.written import workbook_line

__all__ = ["cell_text", "read_workbook"]


def cell_text(value: object) -> str:
    """A calamine cell value as a stripped string."""
    if type(value) is str:  # most cells: the first test
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def read_workbook(path: Path, limits: ExtractLimits, kind: str) -> Extraction:
    """Rows and text of a workbook of ``kind`` ``xlsx``, ``ods`` or ``xls``."""
    date: dt.date | None = None
    if kind in ("xlsx", "ods"):
        # The declared-size guard runs before calamine inflates anything; calamine itself
        # refuses a member larger than its declared size.
        with SafeZip(path, limits) as zf:
            date, _ = ooxml_meta(zf) if kind == "xlsx" else odf_meta(zf)
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    sink = TextSink(limits.max_text_chars)
    first: tuple[tuple[str, ...], ...] | None = None
    budget = limits.max_text_chars
    truncated = False
    try:
        for name in workbook.sheet_names:
            if sink.full and first is not None:
                break
            rows: list[tuple[str, ...]] = []
            for raw in workbook.get_sheet_by_name(name).to_python():
                row = tuple(map(cell_text, raw))
                if not any(row):
                    continue
                sink.line(workbook_line(row))
                if first is None:
                    budget -= sum(map(len, row))
                    if budget < 0:
                        truncated = True
                    else:
                        rows.append(row)
            if first is None and rows:
                first = tuple(rows)
    finally:
        workbook.close()
    return Extraction(
        status="ok",
        text=sink.value(),
        truncated=sink.full or truncated,
        rows=first if first is not None else (),
        doc_date=date,
        file_type=kind,
    )
