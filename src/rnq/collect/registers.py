"""Reading a register or tabular export (CSV or XLSX) for a collector: settings, headers,
dates, lines (SPEC §3 "Registers"); shared by the example plugins and the built-in checks.

Everything here reports what goes wrong through ``context.problem`` and never raises for bad
input: a collector must not stop the run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rnq.collect.collectors import CollectContext
from rnq.extract import Extraction, extract_file
from rnq.extract.csvfile import guess_delimiter

__all__ = [
    "Table",
    "check_settings",
    "column_synonyms",
    "fr_date",
    "match_columns",
    "normalize",
    "parse_date",
    "read_table",
    "setting_path",
    "settings_problem",
    "short_name",
]

CONFIG = "rnq.yaml"

_MONTHS = {
    "janvier": 1, "janv": 1, "january": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "september": 9, "sep": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}  # fmt: skip
_TAIL = r"(?:[ T,].*)?$"
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TAIL)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TAIL)
_WORDS = re.compile(r"(?:^|\s)(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})(?:\s|$)")


def normalize(text: str) -> str:
    """``text`` lowercased, without accents, parentheses or punctuation, spaces collapsed.

    >>> normalize(" Date de Réception (jj/mm/aaaa) ")
    'date de reception'
    """
    text = re.sub(r"\([^)]*\)", " ", text.replace("\ufeff", ""))
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


def _date(year: int, month: int, day: int) -> dt.date:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31/02, month 13
        raise ValueError(f"not a date: {day:02}/{month:02}/{year}") from None


def parse_date(text: str) -> dt.date | None:
    """A date written the French way (day first) or ISO; ``None`` when ``text`` is empty.

    Accepts ``15/03/2026``, ``15-03-2026``, ``15.03.2026``, ``15/03/26``, ``2026-03-15``,
    a time after the date (``2026-03-15 14:32:00``, ``15/03/26, 14:32``) and month names
    (``dimanche 15 mars 2026, 14:32``, ``1er avril 2026``, ``15 March 2026``).

    :raises ValueError: ``text`` is not empty and holds no valid date.
    """
    text = text.strip()
    if not text:
        return None
    if match := _YMD.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _date(year, month, day)
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        return _date(year, month, day)
    if match := _WORDS.search(normalize(text)):
        day_text, name, year_text = match.groups()
        if name in _MONTHS:
            return _date(int(year_text), _MONTHS[name], int(day_text))
    raise ValueError(f"not a date: {text!r}")


def fr_date(day: dt.date) -> str:
    """``day`` as French readers write it: ``15/03/2026``."""
    return day.strftime("%d/%m/%Y")


def match_columns(header: Sequence[str], synonyms: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """The index of each canonical column in ``header``.

    ``synonyms`` maps a canonical name to accepted headers, most specific first, compared after
    :func:`normalize`; a header column is used for one canonical name at most.
    """
    normalized = [_normalized(cell) for cell in header]
    found: dict[str, int] = {}
    for name, accepted in synonyms.items():
        for candidate in accepted:
            wanted = _normalized(candidate)
            index = next(
                (
                    i
                    for i, cell in enumerate(normalized)
                    if cell == wanted and i not in found.values()
                ),
                None,
            )
            if index is not None:
                found[name] = index
                break
    return found


#: :func:`normalize` remembered for headers and their synonyms, which come back register after
#: register (a run at 50 000 files normalized the same few hundred strings 38 000 times).
_normalized = lru_cache(maxsize=4096)(normalize)


def _settings_line(context: CollectContext, key: str | None) -> int | None:
    """The line of this collector's entry (or of one of its settings) in ``rnq.yaml``."""
    unit, workspace = context.unit, context.workspace
    if unit is None:
        return None
    index = next((i for i, u in enumerate(workspace.config.units) if u.id == unit.id), None)
    if index is None:  # a unit a plugin declared: not written in rnq.yaml
        return None
    for j, use in enumerate(unit.collectors):
        if use.use == context.name and use.settings == dict(context.settings):
            return workspace.line("units", index, "collectors", j, *([key] if key else []))
    return workspace.line("units", index)


def settings_problem(context: CollectContext, key: str | None, fr: str, en: str) -> None:
    """Record a problem with this collector's settings, at their line of ``rnq.yaml``."""
    where = context.unit.id if context.unit is not None else "-"
    context.problem(
        CONFIG,
        f"unité « {where} », collecteur « {context.name} » : {fr}",
        f"unit '{where}', collector '{context.name}': {en}",
        _settings_line(context, key),
    )


def check_settings(context: CollectContext, known: Iterable[str]) -> bool:
    """Report unknown settings (a typo); ``False`` when the collector has no unit to serve."""
    unknown = sorted(set(context.settings) - set(known))
    if unknown:
        settings_problem(
            context,
            unknown[0],
            f"réglage(s) inconnu(s) {unknown} (connus : {sorted(known)})",
            f"unknown setting(s) {unknown} (known: {sorted(known)})",
        )
    if context.unit is None:
        settings_problem(
            context,
            None,
            "ce collecteur s'active par unité (units[].collectors)",
            "this collector is enabled per unit (units[].collectors)",
        )
        return False
    return True


def column_synonyms(
    context: CollectContext, synonyms: Mapping[str, Sequence[str]], *, example: str
) -> dict[str, tuple[str, ...]]:
    """``synonyms`` (column → the headers exports give it), with the headers the ``columns``
    setting names tried first; each mistake in that setting is reported at its line
    (``example``: a column to cite in the message)."""
    merged = {name: tuple(headers) for name, headers in synonyms.items()}
    value = context.settings.get("columns")
    if value is None:
        return merged
    if not isinstance(value, Mapping):
        settings_problem(
            context,
            "columns",
            f"« columns » doit associer une colonne (ex. {example}) à son en-tête dans l'export",
            f"'columns' must map a column (e.g. {example}) to its header in the export",
        )
        return merged
    for name, header in value.items():
        if name not in synonyms:
            settings_problem(
                context,
                "columns",
                f"colonne inconnue « {name} » dans « columns » (connues : {sorted(synonyms)})",
                f"unknown column '{name}' in 'columns' (known: {sorted(synonyms)})",
            )
        elif not isinstance(header, str) or not header.strip():
            settings_problem(
                context,
                "columns",
                f"l'en-tête de « {name} » doit être un texte, pas {header!r}",
                f"the header of '{name}' must be a text, not {header!r}",
            )
        else:
            merged[name] = (header, *synonyms[name])
    return merged


def short_name(first: str, last: str) -> str:
    """A person as reports name them: first name and initial of the last name (learners,
    candidates — never a full name in a report).

    >>> short_name("Camille", "Dubois"), short_name("", "Camille Dubois")
    ('Camille D.', 'Camille D.')
    >>> short_name("", "DUBOIS Camille"), short_name("", "Dubois, Camille")
    ('Camille D.', 'Camille D.')
    """
    first, last = " ".join(first.split()), " ".join(last.split())
    if not first:
        if "," in last:
            last, first = (part.strip() for part in last.split(",", 1))
        else:
            words = last.split()
            upper = [w for w in words if w.isupper() and len(w) > 1]
            if 0 < len(upper) < len(words) and words[0] in upper:  # « DUBOIS Camille »
                last = " ".join(upper)
                first = " ".join(w for w in words if w not in upper)
            else:
                first, last = (words[0], " ".join(words[1:])) if words else ("", "")
    initial = next((c.upper() for c in last if c.isalpha()), "")
    if first and initial:
        return f"{first} {initial}."
    return first or (f"{initial}." if initial else "")


def setting_path(context: CollectContext, key: str, *, required: bool) -> Path | None:
    """The file named by setting ``key`` (relative to the unit's folder), if it exists.

    A missing or malformed setting, a path leaving the workspace or a missing file is
    reported and gives ``None``.
    """
    value = context.settings.get(key)
    if value is None:
        if required:
            settings_problem(
                context, None, f"réglage « {key} » manquant", f"setting '{key}' is missing"
            )
        return None
    if not isinstance(value, str) or not value.strip():
        settings_problem(
            context,
            key,
            f"« {key} » doit être un chemin de fichier",
            f"'{key}' must be a file path",
        )
        return None
    try:
        path = context.path(value)
    except ValueError:
        settings_problem(
            context,
            key,
            f"« {value} » sort de l'espace de preuves",
            f"'{value}' leaves the workspace",
        )
        return None
    if not path.is_file():
        context.problem(
            context.relative(path) if path.is_relative_to(context.workspace.root) else value,
            f"export introuvable (réglage « {key} » du collecteur « {context.name} »)",
            f"export not found (setting '{key}' of collector '{context.name}')",
        )
        return None
    return path


@dataclass(frozen=True)
class Table:
    """A tabular export as read: ``rows`` (header first) and the file line of each row.

    ``readable`` is false when the file could not be read as a table (the problem is
    already reported).
    """

    relative: str
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    encoding: str | None
    readable: bool

    @property
    def header(self) -> tuple[str, ...]:
        """The first row (empty when there is none)."""
        return self.rows[0] if self.rows else ()

    def data(self) -> Iterable[tuple[int, tuple[str, ...]]]:
        """``(line, row)`` for each row after the header, padded to the header's width."""
        width = len(self.header)
        for line, row in zip(self.lines[1:], self.rows[1:], strict=True):
            yield line, row + ("",) * (width - len(row))


def _csv_lines(extraction: Extraction) -> tuple[int, ...] | None:
    """The first file line of each non-empty CSV record, as the reader kept them."""
    if extraction.file_type != "csv" or extraction.truncated or extraction.rows is None:
        return None
    reader = csv.reader(
        io.StringIO(extraction.text), delimiter=guess_delimiter(extraction.text), strict=False
    )
    lines, previous = [], 0
    for record in reader:
        if any(cell.strip() for cell in record):
            lines.append(previous + 1)
        previous = reader.line_num
    return tuple(lines) if len(lines) == len(extraction.rows) else None


def read_table(context: CollectContext, path: Path) -> Table:
    """Read the CSV/XLSX export at ``path`` with :func:`rnq.extract.extract_file`."""
    relative = context.relative(path)
    extraction = extract_file(path)
    if extraction.status != "ok" or extraction.rows is None:
        problem = extraction.problem
        context.problem(
            relative,
            "export illisible comme tableau (CSV ou XLSX attendu)"
            + (f" : {problem.fr}" if problem else ""),
            "export cannot be read as a table (CSV or XLSX expected)"
            + (f": {problem.en}" if problem else ""),
        )
        return Table(relative, (), (), extraction.encoding, readable=False)
    rows = extraction.rows
    lines = _csv_lines(extraction) or tuple(range(1, len(rows) + 1))
    return Table(relative, rows, lines, extraction.encoding, readable=True)
