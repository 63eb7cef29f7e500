"""rnq collector for a CRM's complaints export: the complaints register of indicator 31.

Enable it for a unit in ``rnq.yaml``::

    collectors:
      - {use: crm-complaints, path: exports/reclamations.csv, delay_days: 30}

It reads the CSV or XLSX export (any delimiter, UTF-8 or Windows-1252), recognises the CRM's
column names whatever their case and accents, and returns one evidence record for the whole
export: kind ``reclamations``, indicator 31, the rows normalised to the columns of
:data:`COLUMNS` with ISO dates, and a short summary made of counts only. It never judges the
register: the checks do. Rows it cannot read are reported with their line and left out.
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
    parse_date,
    read_table,
    setting_path,
    settings_problem,
)

__all__ = [
    "COLUMNS",
    "NAME",
    "SYNONYMS",
    "collect_complaints",
    "rnq_register_collectors",
]

#: The collector's name, as units write it in ``use:``.
NAME = "crm-complaints"
#: The normalised columns, in order: the header row of the evidence's ``rows``.
COLUMNS: tuple[str, ...] = ("date_reception", "objet", "date_reponse", "canal", "statut", "action")
_REQUIRED = ("date_reception", "objet", "date_reponse")
#: Headers accepted for each column (compared without case, accents or punctuation).
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "date_reception": (
        "date de réception", "date réception", "reçue le", "reçu le", "réception",
        "date de la réclamation", "date réclamation", "date d'ouverture", "ouverte le",
        "ouvert le", "date de création", "créée le", "créé le", "date received", "received on",
        "received", "created on", "created",
    ),
    "objet": (
        "objet", "objet de la réclamation", "sujet", "motif", "titre", "résumé", "subject",
        "description",
    ),
    "date_reponse": (
        "date de réponse", "date réponse", "date de la réponse", "répondu le", "répondue le",
        "réponse le", "réponse envoyée le", "date de clôture", "clôturée le", "clôturé le",
        "clos le", "close le", "response date", "answered on", "answered", "closed on", "closed",
    ),
    "canal": ("canal", "canal de réception", "origine", "source", "média", "channel"),
    "statut": ("statut", "état", "status", "state"),
    "action": (
        "action corrective", "actions correctives", "action", "actions",
        "action d'amélioration", "actions d'amélioration", "mesure corrective",
        "mesures correctives", "suite donnée", "suites données", "corrective action",
        "corrective actions",
    ),
}  # fmt: skip
DEFAULT_DELAY_DAYS = 30
_SETTINGS = ("path", "delay_days")


@hookimpl
def rnq_register_collectors() -> dict[str, Collector]:
    """Register the ``crm-complaints`` collector."""
    return {NAME: collect_complaints}


def collect_complaints(context: CollectContext) -> list[Evidence]:
    """Read the unit's CRM complaints export into one ``reclamations`` evidence record."""
    if not check_settings(context, _SETTINGS):
        return []
    delay = _delay_days(context)
    path = setting_path(context, "path", required=True)
    if path is None:
        return []
    table = read_table(context, path)
    columns = _columns(context, table)
    if columns is None:
        return [_evidence(context, table)]
    register = _Register()
    for line, row in table.data():
        register.add(context, table.relative, line, row, columns)
    return [_evidence(context, table, register=register, delay=delay)]


#: What the collector feeds: if it ever fails, only indicator 31 reads « non évalué ».
collect_complaints.indicators = (31,)  # type: ignore[attr-defined]


def _delay_days(context: CollectContext) -> int:
    """The ``delay_days`` setting (the response time the summary counts against)."""
    value = context.settings.get("delay_days", DEFAULT_DELAY_DAYS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        settings_problem(
            context,
            "delay_days",
            f"« delay_days » doit être un nombre de jours, pas {value!r} ; "
            f"{DEFAULT_DELAY_DAYS} retenu",
            f"'delay_days' must be a number of days, not {value!r}; using {DEFAULT_DELAY_DAYS}",
        )
        return DEFAULT_DELAY_DAYS
    return value


def _columns(context: CollectContext, table: Table) -> dict[str, int] | None:
    """Where each column is in the export; ``None`` (reported) without the required ones."""
    if not table.readable:
        return None
    columns = match_columns(table.header, SYNONYMS)
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


@dataclass
class _Register:
    """The rows kept so far, normalised, and the dates the summary needs."""

    rows: list[tuple[str, ...]] = field(default_factory=list)
    received: list[dt.date] = field(default_factory=list)
    delays: list[int] = field(default_factory=list)
    with_action: int = 0

    def add(
        self,
        context: CollectContext,
        where: str,
        line: int,
        row: tuple[str, ...],
        columns: Mapping[str, int],
    ) -> None:
        """Normalise one data row, or report why it is left out."""
        cells = {name: row[index] for name, index in columns.items()}
        dates: dict[str, dt.date | None] = {}
        for name, label in (("date_reception", "réception"), ("date_reponse", "réponse")):
            try:
                dates[name] = parse_date(cells[name])
            except ValueError:
                context.problem(
                    where,
                    f"date de {label} illisible « {cells[name]} » : ligne ignorée",
                    f"unreadable {name.replace('_', ' ')} '{cells[name]}': row left out",
                    line,
                )
                return
        received, answered = dates["date_reception"], dates["date_reponse"]
        if received is None:
            context.problem(
                where,
                "date de réception manquante : ligne ignorée",
                "missing reception date: row left out",
                line,
            )
            return
        if not cells["objet"]:
            context.problem(where, "objet de la réclamation vide", "empty complaint subject", line)
        if answered is not None and answered < received:
            context.problem(
                where,
                "date de réponse antérieure à la date de réception",
                "response date before the reception date",
                line,
            )
        if answered is not None:
            self.delays.append((answered - received).days)
        self.received.append(received)
        self.with_action += bool(cells.get("action"))
        cells.update(date_reception=received.isoformat(), date_reponse=_iso(answered))
        self.rows.append(tuple(cells.get(name, "") for name in COLUMNS))

    def latest(self) -> dt.date | None:
        """The last date the register speaks of (reception or response)."""
        answered = [dt.date.fromisoformat(row[2]) for row in self.rows if row[2]]
        return max([*self.received, *answered], default=None)

    def summary(self, source: str, delay: int) -> str:
        """Counts only: a register holds personal data, the summary none."""
        count = len(self.rows)
        if not count:
            return f"Registre des réclamations (export CRM {source}) : aucune réclamation."
        late = sum(days > delay for days in self.delays)
        average = round(sum(self.delays) / len(self.delays)) if self.delays else None
        parts = [
            f"{count} réclamation(s) reçue(s) du {fr_date(min(self.received))} "
            f"au {fr_date(max(self.received))}",
            f"{len(self.delays)} répondue(s), {count - len(self.delays)} sans réponse",
            f"délai de réponse moyen {average} jour(s)" if average is not None else "",
            f"{late} réponse(s) au-delà de {delay} jours",
            f"{self.with_action} avec action corrective",
        ]
        return (
            f"Registre des réclamations (export CRM {source}) : "
            + " ; ".join(part for part in parts if part)
            + "."
        )


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _evidence(
    context: CollectContext,
    table: Table,
    *,
    register: _Register | None = None,
    delay: int = DEFAULT_DELAY_DAYS,
) -> Evidence:
    """The evidence record for the whole export; without a register (the export could not be
    used, which is reported), it is ``read="error"``: present but unusable."""
    assert context.unit is not None
    return Evidence(
        path=f"{NAME}:{table.relative}",
        unit=context.unit.id,
        indicators=(31,),
        kind="reclamations",
        date=register.latest() if register is not None else None,
        mapped_by="plugin",
        collector=context.name,
        read="ok" if register is not None else "error",
        text=register.summary(table.relative, delay) if register is not None else None,
        rows=(COLUMNS, *register.rows) if register is not None else None,
        note=f"export CRM {table.relative}"
        + (f" (encodage {table.encoding})" if table.encoding else ""),
    )
