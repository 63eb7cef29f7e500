"""Tables read by their headers: a sheet whose headers name who, what, when and a status is a
plan or a register, whatever words the export uses (issue #18).

A check declares the *roles* of the columns it needs, each with the header words that name it
(header synonyms as data, written like the terms of a :class:`~rnq.match.french.Concept`)::

    ROLES = {
        "who": ("salarié", "collaborateur", "nom", "bénéficiaire", "formateur"),
        "what": ("action", "formation", "intitulé", "thème"),
        "when": ("date", "période", "session", "échéance"),
    }

and asks :func:`find_table` for the first table of a document (a sheet's rows, or a table
written in the text: Markdown pipes, ``;``-separated lines) whose header row names the roles it
requires and that holds data below it. This module imports nothing else from rnq but the
matching layer, so extraction workers use it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rnq.match.folding import fold
from rnq.match.french import terms
from rnq.match.written import rows_end

__all__ = ["Table", "columns", "find_table", "tables_in"]

Rows = Sequence[Sequence[str]]
Roles = Mapping[str, Sequence[str]]

#: Rows looked at for a header, from the top of a table.
HEADER_ROWS = 6


@dataclass(frozen=True)
class Table:
    """A table found by its headers: the column of each role, and the data rows below."""

    columns: Mapping[str, int]
    rows: tuple[tuple[str, ...], ...]

    def values(self, role: str) -> list[str]:
        """The non-empty cells of ``role``'s column."""
        index = self.columns.get(role)
        if index is None:
            return []
        return [row[index].strip() for row in self.rows if index < len(row) and row[index].strip()]


@lru_cache(maxsize=1024)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for w in words for p in terms(w, 1, keep_small=True)))


def columns(header: Sequence[str], roles: Roles) -> dict[str, int]:
    """The column of each role ``header`` names (a cell serves one role: the first it names,
    in the order of ``roles``)."""
    found: dict[str, int] = {}
    used: set[int] = set()
    cells = [fold(str(cell)) for cell in header]
    for role, words in roles.items():
        pattern = _pattern(tuple(words))
        for index, cell in enumerate(cells):
            if index not in used and cell.strip() and pattern.search(cell):
                found[role] = index
                used.add(index)
                break
    return found


_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
#: A line without any of these is neither a Markdown rule nor a row of cells.
_TABLE_CHARS = re.compile(r"[|\t;-]")


def tables_in(text: str | None, rows: Rows | None) -> list[list[list[str]]]:
    """The tables of a document: its rows (a sheet), and the tables written in its text —
    Markdown pipe tables, runs of lines whose cells are separated by `` ; `` or tabs.

    Several questions read the tables of one document in turn (a worker answers them one after
    the other): those of the last document asked are kept, and each caller gets copies."""
    return [[list(row) for row in table] for table in _kept_tables(text, rows)]


def _kept_tables(text: str | None, rows: Rows | None) -> _Tables:
    """The tables of a document as :func:`tables_in` reads them, those of the last document
    kept: shared, never to be changed (:func:`find_table` only reads them, and copies none)."""
    last = _LAST
    if last and last[0] is text and last[1] is rows:
        found: _Tables = last[2]
        return found
    found = _Tables(text, rows)
    _LAST[:] = [text, rows, found]
    return found


#: The last document :func:`tables_in` read: its text and rows, and its tables.
_LAST: list[Any] = []


class _Tables:
    """A document's tables (:func:`tables_in`), cut from its text only as far as they are
    read: :func:`find_table` stops at the first table that fits. Iterating gives the same
    tables, in the same order, as cutting the whole text first. The part of the text that is
    the rows again (a CSV file's text, a workbook's first sheet:
    :func:`~rnq.match.written.rows_end`) is not cut at all: its cells are the rows', read with
    their columns, where the text's lines drop a workbook's empty cells and split a quoted CSV
    cell."""

    __slots__ = ("_current", "_found", "_lines", "_text")

    def __init__(self, text: str | None, rows: Rows | None) -> None:
        self._found: list[list[list[str]]] = []
        if rows:
            table = [[str(cell) for cell in row] for row in rows]
            self._found.append(table)
            if text:  # the rows written out again (a CSV file, a workbook's first sheet): cut once
                given = rows if isinstance(rows, (tuple, list)) else table  # an iterator: read
                text = text[rows_end(text, given) :]
        #: The text, until its lines are first wanted; then its lines not cut yet (None: none
        #: left), and the table they are in.
        self._text = text
        self._lines: Iterator[str] | None = None
        self._current: list[list[str]] = []

    def __iter__(self) -> Iterator[list[list[str]]]:
        found = self._found
        index = 0
        while index < len(found) or self._more():
            yield found[index]
            index += 1

    def _more(self) -> bool:
        """Cut lines until one more table is complete; False when the text has none left."""
        if self._text:
            self._lines, self._text = iter(self._text.splitlines()), None
        lines = self._lines
        if lines is None:
            return False
        current = self._current
        for line in lines:
            cells = _cells(line)
            if cells is None:
                if len(current) >= 2:
                    self._found.append(current)
                    self._current = []
                    return True
                current = self._current = []
            elif cells:
                current.append(cells)
        self._lines = None
        if len(current) >= 2:
            self._found.append(current)
            self._current = []
            return True
        return False


def _cells(line: str) -> list[str] | None:
    """The cells of a table line (an empty list for a Markdown rule), None for another line."""
    if not _TABLE_CHARS.search(line):
        return None  # neither a rule nor cells
    if _PIPE_RULE.match(line) and set(line.strip()) <= set("|:- "):
        return []
    stripped = line.strip()
    if stripped.count("|") >= 2:
        return [c.strip() for c in stripped.strip("|").split("|")]
    for separator in ("\t", ";"):
        if stripped.count(separator) >= 2:
            return [c.strip() for c in stripped.split(separator)]
    return None


def find_table(
    text: str | None,
    rows: Rows | None,
    roles: Roles,
    required: Iterable[str],
    *,
    data_rows: int = 1,
) -> Table | None:
    """The first table of a document whose header row (among its first rows) names every
    ``required`` role and that has at least ``data_rows`` rows below it with a value in each
    required column; None if there is none."""
    needed = tuple(required)
    for table in _kept_tables(text, rows):  # read only: the rows kept are copied as tuples
        for start, header in enumerate(table[:HEADER_ROWS]):
            found = columns(header, roles)
            if not all(role in found for role in needed):
                continue
            body = tuple(
                tuple(row)
                for row in table[start + 1 :]
                if all(found[role] < len(row) and str(row[found[role]]).strip() for role in needed)
            )
            if len(body) >= data_rows:
                return Table(found, body)
    return None
