"""CSV exports and registers: any delimiter among ``;`` ``,`` tab ``|``, UTF-8 or Windows-1252.

The delimiter comes from :class:`csv.Sniffer` on the first 16 KiB, checked against the header
line: when the header holds exactly one candidate delimiter and the sniffer picked another (a
French ``;`` file with decimal commas can fool it), the header wins. Quoting is standard
(``"``, doubled to escape). Cells are stripped; fully empty rows are dropped.
"""

from __future__ import annotations

import csv
from pathlib import Path

from rnq.extract.limits import ExtractLimits
from rnq.extract.model import Extraction
from rnq.extract.plain import read_text_file
from rnq.match.written import DELIMITERS, csv_rows

__all__ = ["guess_delimiter", "read_csv"]

_SAMPLE_CHARS = 16 * 1024


def _header_candidates(line: str) -> list[str]:
    in_quotes = False
    seen: list[str] = []
    for char in line:
        if char == '"':
            in_quotes = not in_quotes
        elif not in_quotes and char in DELIMITERS and char not in seen:
            seen.append(char)
    return seen


def guess_delimiter(text: str) -> str:
    """The delimiter of CSV ``text`` (``,`` when nothing fits: a one-column file)."""
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    first_line = next((line for line in sample.split("\n") if line.strip()), "")
    in_header = _header_candidates(first_line)
    if len(in_header) == 1:  # the header wins over the sniffer anyway: no need to ask it
        return in_header[0]
    try:
        sniffed: str | None = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed is not None:
        return sniffed
    if in_header:
        return max(in_header, key=first_line.count)
    return ","


def read_csv(path: Path, limits: ExtractLimits) -> Extraction:
    """Rows (header first) and text of a CSV file.

    Rows stop, like the text, once their cells hold ``max_text_chars`` characters
    (``truncated`` is then true).
    """
    text, encoding = read_text_file(path)
    delimiter = guess_delimiter(text)
    rows: list[tuple[str, ...]] = []
    budget = limits.max_text_chars
    truncated = False
    for row in csv_rows(text, delimiter):
        budget -= sum(map(len, row))
        if budget < 0:
            truncated = True
            break
        rows.append(row)
    truncated = truncated or len(text) > limits.max_text_chars
    return Extraction(
        status="ok",
        text=text[: limits.max_text_chars],
        truncated=truncated,
        rows=tuple(rows),
        encoding=encoding,
        file_type="csv",
    )
