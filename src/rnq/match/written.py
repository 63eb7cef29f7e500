"""How readers write a table's rows into a document's text, and how to tell that a text is
its rows again: one place for both, so that what :func:`rows_end` recognises is what the
readers write (rnq.extract.csvfile reads a CSV file's rows with :func:`csv_rows`,
rnq.extract.sheets writes each row of a workbook as :func:`workbook_line`).

This module imports nothing from rnq: extraction workers and the matching layer load it
cheaply.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any, cast

__all__ = ["DELIMITERS", "csv_rows", "rows_end", "workbook_line"]

#: The delimiters a CSV file's rows are read with.
DELIMITERS = ";,\t|"


def csv_rows(text: str, delimiter: str) -> Iterator[tuple[str, ...]]:
    """The rows of CSV ``text`` read with ``delimiter``: standard quoting, cells stripped, fully
    empty rows left out."""
    for record in csv.reader(io.StringIO(text), delimiter=delimiter, strict=False):
        row = tuple(map(str.strip, record))
        if any(row):
            yield row


def workbook_line(row: Sequence[str]) -> str:
    """One row of a workbook as its text writes it: its non-empty cells joined by tabs."""
    return "\t".join(filter(None, row))


def rows_end(text: str, rows: Sequence[Sequence[object]]) -> int:
    """How much of ``text``, from its start, is ``rows`` written out again (0: none of it):

    * a workbook's text, whose lines start with the first sheet's rows (:func:`workbook_line`),
      other sheets after them;
    * the CSV file the rows were read from: the whole text, when reading it again with one of
      the delimiters of its first line gives exactly the rows (:func:`csv_rows`).

    Exact, never a guess: a text that only resembles its rows (a collector's summary above its
    table, a truncated export) is read whole, beside its rows. The body and the tables of one
    document both ask: the last answer is kept."""
    last = _LAST_END
    if last and last[0] is text and last[1] is rows:
        end: int = last[2]
        return end
    try:
        end = _rows_end(text, cast("Sequence[Sequence[str]]", rows)) if rows else 0
    except TypeError:  # a collector's cells that are not text (numbers): as the tables read them
        end = _rows_end(text, [[str(cell) for cell in row] for row in rows])
    _LAST_END[:] = [text, rows, end]
    return end


#: The last text and rows :func:`rows_end` was asked about, and its answer.
_LAST_END: list[Any] = []


def _rows_end(text: str, rows: Sequence[Sequence[str]]) -> int:
    first = workbook_line(rows[0]) + "\n"
    if text.startswith(first) or text == first[:-1]:
        written = "".join(workbook_line(row) + "\n" for row in rows)
        if text.startswith(written):
            return len(written)
        if text == written[:-1]:
            return len(text)
    newline = text.find("\n")
    line = text if newline < 0 else text[:newline]
    table: tuple[tuple[str, ...], ...] | None = None
    for delimiter in dict.fromkeys(c for c in line if c in DELIMITERS):
        if text.rstrip("\n") == "\n".join(map(delimiter.join, rows)):
            return len(text)  # every cell as it is in the text, nothing else but delimiters
        table = tuple(map(tuple, rows)) if table is None else table
        if (
            tuple(csv_rows(line, delimiter))[:1] == table[:1]
            and tuple(csv_rows(text, delimiter)) == table
        ):
            return len(text)
    return 0
