"""The result of reading one document, and the small helpers every reader shares."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rnq.text import Localized

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractFailure",
    "Extraction",
    "Status",
    "TextSink",
    "content_weight",
    "parse_iso_date",
    "parse_pdf_date",
]

#: Bump when any reader changes what it returns: cached extractions of older versions are ignored.
EXTRACTOR_VERSION = "1"

Status = Literal["ok", "no_text", "error"]


class Extraction(BaseModel):
    """What rnq read from one evidence file.

    ``status`` is ``"ok"`` when text (or rows) came out, ``"no_text"`` when the file is readable
    but holds no extractable text (a scanned PDF, an unknown format), ``"error"`` when it could not
    be read (corrupted, encrypted, too big, a zip bomb…); ``problem`` then says why, in French and
    English. Checks must never count an error or a ``no_text`` as conform.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: Status
    #: The text, capped at ``ExtractLimits.max_text_chars`` (``truncated`` is then true).
    text: str = ""
    truncated: bool = False
    #: CSV/XLSX/ODS: every row of the first non-empty sheet, header first, cells stripped.
    rows: tuple[tuple[str, ...], ...] | None = None
    #: The document's own metadata date (modified, else created); never the file's mtime.
    doc_date: dt.date | None = None
    pages: int | None = None
    #: CSV/TXT/MD: the encoding the bytes were decoded with.
    encoding: str | None = None
    #: The detected format: ``pdf``, ``docx``, ``xlsx``, ``odt``, ``ods``, ``xls``, ``csv``,
    #: ``text``, ``eml`` or ``unknown``.
    file_type: str | None = None
    problem: Localized | None = None

    @classmethod
    def error(cls, fr: str, en: str, *, file_type: str | None = None) -> Extraction:
        """An extraction that failed, with its message."""
        return cls(status="error", file_type=file_type, problem=Localized(fr=fr, en=en))


#: Bytes a ``str`` object and its pointer take besides its characters, and a tuple's header.
_CELL_COST = 57
_ROW_COST = 56


def content_weight(text: str | None, rows: Iterable[Sequence[str]] | None) -> int:
    """Roughly the bytes a document's text and rows hold in memory: a spreadsheet's rows of
    short cells take about eight times their characters, so counting characters alone let
    memory caches grow to hundreds of MiB of rows (measured with ``tracemalloc``)."""
    weight = len(text or "")
    if rows:
        table = rows if isinstance(rows, (tuple, list)) else tuple(rows)
        cells = sum(map(len, table))  # two passes in C rather than one in Python per row
        chars = sum(map(len, chain.from_iterable(table)))
        weight += _ROW_COST * len(table) + _CELL_COST * cells + chars
    return weight


class ExtractFailure(Exception):
    """Raised by a reader for a document it cannot read; becomes an :class:`Extraction`."""

    def __init__(self, fr: str, en: str, status: Status = "error") -> None:
        super().__init__(en)
        self.status: Status = status
        self.message = Localized(fr=fr, en=en)


class TextSink:
    """Collects text up to a character cap; readers stop early once :attr:`full` is true."""

    def __init__(self, max_chars: int) -> None:
        self._parts: list[str] = []
        self._left = max_chars
        self.full = False

    def add(self, text: str) -> None:
        """Append ``text``, cutting it at the cap."""
        if self.full or not text:
            return
        if len(text) >= self._left:
            text = text[: self._left]
            self.full = True
        self._left -= len(text)
        self._parts.append(text)

    def line(self, text: str) -> None:
        """Append ``text`` followed by a newline."""
        self.add(text)
        self.add("\n")

    def value(self) -> str:
        """The text collected so far."""
        return "".join(self._parts)


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_PDF_DATE = re.compile(r"\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date part of a W3CDTF / ISO 8601 timestamp (OOXML, ODF), or None."""
    match = _ISO_DATE.match(value or "")
    if match is None:
        return None
    return _make_date(*(int(g) for g in match.groups()))


def parse_pdf_date(value: str | None) -> dt.date | None:
    """The date part of a PDF date string (``D:20240612093000+02'00'``), or None."""
    match = _PDF_DATE.match(value or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return _make_date(int(year), int(month or 1), int(day or 1))
