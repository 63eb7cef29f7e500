"""rnq collector for the reporting device's anonymised log: the reports of violence, harassment
and discrimination of indicators 12 and 14 (referential 2026).

Enable it for a unit in ``rnq.yaml``::

    collectors:
      - {use: reports, path: exports/signalements.csv, delay_days: 7}

* ``path``: the log — one row per report: N° (or Référence), Date de réception (or Reçu le),
  Catégorie (or Nature), Accusé de réception (or Date AR), Pris en charge (or Traitement, a
  date), Clôture (or Date de clôture), Statut.
* ``delay_days`` (required): the delay, in days from reception, that the provider's procedure
  sets for handling a report. The procedure document remains the source: this setting only
  copies its delay so that the log can be checked against it.
* ``acknowledge_days`` (optional): the delay the procedure sets for acknowledging a report.
* ``columns`` (optional): the log's header for a column rnq does not recognise, e.g.
  ``{date_prise_en_charge: "Première action"}``.

The log is anonymised and stays so: the record holds the reference, the dates and the category
(one of :data:`CATEGORIES`, whatever the log writes) of each report and nothing else — no
status, no free text. CSV (``;`` or ``,``, UTF-8 with or without BOM, or Windows-1252) or XLSX;
headers compared without case, accents or punctuation; dates French (dd/mm/yyyy) or ISO. A row
it cannot read is reported at its line and left out; the rest is read. It returns one evidence
record of kind ``signalements`` (indicators 12 and 14) with each report's due dates; the checks,
under the 2026 referential only, judge it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from rnq import (
    CollectContext,
    Collector,
    Evidence,
    Table,
    check_settings,
    fr_date,
    hookimpl,
    match_columns,
    normalize,
    parse_date,
    read_table,
    setting_path,
    settings_problem,
)

__all__ = [
    "CATEGORIES",
    "COLUMNS",
    "KIND",
    "NAME",
    "SYNONYMS",
    "collect_reports",
    "rnq_register_collectors",
]

#: The collector's name, as units write it in ``use:``.
NAME = "reports"
#: The kind of the evidence record.
KIND = "signalements"
#: The normalised columns, in order: the header row of the evidence's ``rows``. Dates are ISO;
#: ``echeance_*`` are the due dates the settings' delays give.
COLUMNS: tuple[str, ...] = (
    "reference",
    "ligne",
    "categorie",
    "date_reception",
    "date_accuse",
    "date_prise_en_charge",
    "date_cloture",
    "echeance_accuse",
    "echeance_prise_en_charge",
)
_REQUIRED = ("date_reception", "date_prise_en_charge")
#: Headers accepted for each column (compared without case, accents or punctuation).
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "reference": (
        "n°", "no", "numéro", "numero", "n° de signalement", "numéro de signalement",
        "référence", "réf", "ref", "identifiant", "id", "reference", "number",
    ),
    "date_reception": (
        "date de réception", "date réception", "reçu le", "reçue le", "réception",
        "date du signalement", "date signalement", "signalé le", "date received", "received on",
        "received",
    ),
    "categorie": (
        "catégorie", "nature", "type", "nature des faits", "type de faits", "motif", "category",
    ),
    "date_accuse": (
        "accusé de réception", "date ar", "ar", "date d'accusé de réception",
        "date de l'accusé de réception", "accusé le", "acknowledged", "acknowledged on",
    ),
    "date_prise_en_charge": (
        "pris en charge", "prise en charge", "pris en charge le", "date de prise en charge",
        "traitement", "date de traitement", "traité le", "handled", "handled on",
    ),
    "date_cloture": (
        "clôture", "date de clôture", "clôturé le", "clos le", "closed", "closed on",
    ),
    "statut": ("statut", "état", "status", "state"),
}  # fmt: skip
#: The categories a record may hold: what the log writes is folded to one of them.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("harcèlement sexuel", ("harcelement sexuel",)),
    ("violences sexistes et sexuelles", ("vss", "sexiste", "sexuel")),
    ("harcèlement moral", ("harcelement moral",)),
    ("harcèlement", ("harcelement", "harassment")),
    ("discrimination", ("discrimin", "racis")),
    ("violence", ("violen", "agression", "menace")),
)
_OTHER = "autre"
_SETTINGS = ("path", "delay_days", "acknowledge_days", "columns")


@hookimpl
def rnq_register_collectors() -> dict[str, Collector]:
    """Register the ``reports`` collector."""
    return {NAME: collect_reports}


def collect_reports(context: CollectContext) -> list[Evidence]:
    """Read the unit's anonymised reports log into one ``signalements`` evidence record."""
    if not check_settings(context, _SETTINGS):
        return []
    delay = _days(context, "delay_days", required=True)
    acknowledge = _days(context, "acknowledge_days", required=False)
    path = setting_path(context, "path", required=True)
    if path is None or delay is None:
        return []
    table = read_table(context, path)
    columns = _columns(context, table, _overrides(context))
    if columns is None:
        return [_evidence(context, table)]
    log = _Log(delay, acknowledge)
    for line, row in table.data():
        log.add(context, table.relative, line, row, columns)
    return [_evidence(context, table, log)]


#: What the collector feeds: if it ever fails, only indicators 12 and 14 read « non évalué ».
collect_reports.indicators = (12, 14)  # type: ignore[attr-defined]


def category(text: str) -> str:
    """The category of :data:`CATEGORIES` ``text`` says, or « autre »: never the log's words.

    >>> category("Harcèlement sexuel (stage)"), category("VSS"), category("Propos racistes")
    ('harcèlement sexuel', 'violences sexistes et sexuelles', 'discrimination')
    """
    folded = normalize(text)
    for name, cues in CATEGORIES:
        if any(cue in folded for cue in cues):
            return name
    return _OTHER


# --- Settings --------------------------------------------------------------------------------


def _days(context: CollectContext, key: str, *, required: bool) -> int | None:
    """A number of days from the settings; ``None`` (reported when required or wrong)."""
    value = context.settings.get(key)
    if value is None:
        if required:
            settings_problem(
                context,
                key,
                f"« {key} » manque : le délai de traitement que fixe votre procédure de "
                "signalement, en jours (la procédure reste la source)",
                f"'{key}' is missing: the handling delay your reporting procedure sets, in days "
                "(the procedure remains the source)",
            )
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        settings_problem(
            context,
            key,
            f"« {key} » doit être un nombre de jours, pas {value!r}",
            f"'{key}' must be a number of days, not {value!r}",
        )
        return None
    return value


def _overrides(context: CollectContext) -> dict[str, str]:
    """The ``columns`` setting: canonical column → the log's header."""
    value = context.settings.get("columns")
    if value is None:
        return {}
    known = sorted(SYNONYMS)
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        settings_problem(
            context,
            "columns",
            f"« columns » doit associer une colonne à un en-tête (colonnes : {known})",
            f"'columns' must map a column to a header (columns: {known})",
        )
        return {}
    unknown = sorted(set(value) - set(known))
    if unknown:
        settings_problem(
            context,
            "columns",
            f"colonne(s) inconnue(s) dans « columns » : {unknown} (connues : {known})",
            f"unknown column(s) in 'columns': {unknown} (known: {known})",
        )
    return {k: v for k, v in value.items() if k in known}


def _columns(
    context: CollectContext, table: Table, overrides: Mapping[str, str]
) -> dict[str, int] | None:
    """Where each column is in the log; ``None`` (reported) without the required ones."""
    if not table.readable:
        return None
    synonyms = {
        name: ((overrides[name], *accepted) if name in overrides else accepted)
        for name, accepted in SYNONYMS.items()
    }
    columns = match_columns(table.header, synonyms)
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        context.problem(
            table.relative,
            f"colonne(s) obligatoire(s) absente(s) : {', '.join(missing)} "
            f"(en-têtes lus : {', '.join(table.header) or 'aucun'})",
            f"required column(s) missing: {', '.join(missing)} "
            f"(headers read: {', '.join(table.header) or 'none'})",
            table.lines[0] if table.lines else 1,
        )
        return None
    return columns


# --- The log ---------------------------------------------------------------------------------

_LABELS = {
    "date_reception": ("réception", "reception"),
    "date_accuse": ("accusé de réception", "acknowledgement"),
    "date_prise_en_charge": ("prise en charge", "handling"),
    "date_cloture": ("clôture", "closing"),
}


@dataclass
class _Log:
    """The reports kept so far, normalised, and what the summary counts."""

    delay: int
    acknowledge: int | None
    rows: list[tuple[str, ...]] = field(default_factory=list)
    received: list[dt.date] = field(default_factory=list)
    handled: int = 0
    late: int = 0
    closed: int = 0

    def add(
        self,
        context: CollectContext,
        where: str,
        line: int,
        row: tuple[str, ...],
        columns: Mapping[str, int],
    ) -> None:
        """Normalise one data row, or report (at its line) why it is left out."""
        cells = {name: row[index] if index < len(row) else "" for name, index in columns.items()}
        dates: dict[str, dt.date | None] = {}
        for name, (fr, en) in _LABELS.items():
            try:
                dates[name] = parse_date(cells.get(name, ""))
            except ValueError:
                context.problem(
                    where,
                    f"date de {fr} illisible « {cells[name]} » : ligne ignorée",
                    f"unreadable {en} date '{cells[name]}': row left out",
                    line,
                )
                return
        received = dates["date_reception"]
        if received is None:
            context.problem(
                where,
                "date de réception manquante : ligne ignorée",
                "missing reception date: row left out",
                line,
            )
            return
        for name, (fr, en) in _LABELS.items():
            day = dates[name]
            if day is not None and day < received:
                context.problem(
                    where,
                    f"date de {fr} antérieure à la date de réception",
                    f"{en} date before the reception date",
                    line,
                )
        handled = dates["date_prise_en_charge"]
        due = received + dt.timedelta(days=self.delay)
        acknowledge_due = (
            received + dt.timedelta(days=self.acknowledge) if self.acknowledge is not None else None
        )
        self.received.append(received)
        self.handled += handled is not None
        self.late += handled is not None and handled > due
        self.closed += dates["date_cloture"] is not None
        self.rows.append(
            (
                cells.get("reference", "").strip(),
                str(line),
                category(cells.get("categorie", "")),
                received.isoformat(),
                _iso(dates["date_accuse"]),
                _iso(handled),
                _iso(dates["date_cloture"]),
                _iso(acknowledge_due),
                due.isoformat(),
            )
        )

    def latest(self) -> dt.date | None:
        """The last date the log speaks of."""
        days = [dt.date.fromisoformat(cell) for row in self.rows for cell in row[3:7] if cell]
        return max(days, default=None)

    def summary(self, source: str) -> str:
        """Counts only: the log is anonymised and the summary names nothing."""
        count = len(self.rows)
        head = f"Journal des signalements ({source}, délai de prise en charge {self.delay} jours)"
        if not count:
            return f"{head} : aucun signalement."
        return (
            f"{head} : {count} signalement(s) reçu(s) du {fr_date(min(self.received))} au "
            f"{fr_date(max(self.received))} ; {self.handled} pris en charge, dont {self.late} "
            f"au-delà du délai ; {self.closed} clôturé(s)."
        )


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _evidence(context: CollectContext, table: Table, log: _Log | None = None) -> Evidence:
    """The evidence record for the whole log; without a log (the export could not be used,
    which is reported), it is ``read="error"``: present but unusable."""
    assert context.unit is not None
    return Evidence(
        path=f"{NAME}:{table.relative}",
        unit=context.unit.id,
        indicators=(12, 14),
        kind=KIND,
        date=log.latest() if log is not None else None,
        mapped_by="plugin",
        collector=context.name,
        read="ok" if log is not None else "error",
        text=log.summary(table.relative) if log is not None else None,
        rows=(COLUMNS, *log.rows) if log is not None else None,
        note=f"journal des signalements {table.relative}"
        + (f" (encodage {table.encoding})" if table.encoding else ""),
    )
