"""rnq collector for a registration application's export: who applied to which offering, and
when each step before entry took place (Qualiopi indicators 4, 8 and 9).

Enable it for a unit in ``rnq.yaml``::

    collectors:
      - {use: registrations, path: exports/inscriptions.csv}

It reads the CSV or XLSX export (any delimiter, UTF-8 with or without BOM, or Windows-1252),
recognises the columns whatever their case and accents — the learner (« Apprenant »,
« Stagiaire », « Candidat », or « Prénom » and « Nom »), the offering (« Formation »,
« Action », « Prestation »: its id or its title in ``rnq.yaml``), and the dates of application,
needs interview, positioning, information sent and entry — and returns one evidence record per
offering of the unit that has registrations: kind ``inscriptions``, indicators 4, 8 and 9, the
rows normalised to :data:`COLUMNS` with ISO dates. Learners are kept as their first name and the
initial of their last name only (« Camille D. »); the text carries counts only. Rows it cannot
read (a bad date, an unknown offering, no learner) are reported at their line and left out.
It never judges: the built-in checks of indicators 4 and 8 read the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rnq import (
    CollectContext,
    Collector,
    Evidence,
    Offering,
    Table,
    check_settings,
    column_synonyms,
    fr_date,
    hookimpl,
    match_columns,
    normalize,
    parse_date,
    read_table,
    setting_path,
    short_name,
)

__all__ = [
    "COLUMNS",
    "KIND",
    "NAME",
    "SYNONYMS",
    "collect_registrations",
    "rnq_register_collectors",
    "short_name",
]

#: The collector's name, as units write it in ``use:``.
NAME = "registrations"
#: The kind of its evidence records.
KIND = "inscriptions"
#: The normalised columns, in order: the header row of each record's ``rows``. ``ligne`` is the
#: row's line in the export, ``apprenant`` the learner's first name and last initial.
COLUMNS: tuple[str, ...] = (
    "ligne",
    "apprenant",
    "date_candidature",
    "analyse_besoin",
    "positionnement",
    "informations",
    "entree",
)
#: The date columns of the export, with their French label for messages.
DATES: Mapping[str, str] = {
    "date_candidature": "candidature",
    "analyse_besoin": "analyse du besoin",
    "positionnement": "positionnement",
    "informations": "envoi des informations",
    "entree": "entrée",
}
_REQUIRED = ("formation", "analyse_besoin", "positionnement", "entree")
#: Headers accepted for each column (compared without case, accents or punctuation), most
#: specific first. The learner is « prenom » with « nom », or « apprenant » alone.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "prenom": (
        "prénom", "prénom du stagiaire", "prénom de l'apprenant", "prénom du candidat",
        "first name", "firstname",
    ),
    "apprenant": (
        "apprenant", "stagiaire", "candidat", "candidate", "bénéficiaire", "participant",
        "nom du stagiaire", "nom de l'apprenant", "nom du candidat", "nom et prénom",
        "nom prénom", "prénom nom", "nom complet", "identité", "learner", "trainee", "applicant",
    ),
    "nom": ("nom", "nom de famille", "nom de naissance", "last name", "lastname", "surname"),
    "formation": (
        "formation", "action", "action de formation", "prestation", "intitulé de la formation",
        "intitulé formation", "intitulé de l'action", "intitulé", "code formation", "code action",
        "formation visée", "formation demandée", "offering", "course", "training",
    ),
    "date_candidature": (
        "date de candidature", "date candidature", "candidature le", "candidature",
        "date de la demande", "date de demande", "date de pré-inscription", "pré-inscription",
        "date d'inscription", "inscrit le", "inscription", "application date", "applied on",
    ),
    "analyse_besoin": (
        "entretien de besoin", "date entretien de besoin", "entretien besoin",
        "date de l'entretien de besoin", "analyse du besoin", "date analyse du besoin",
        "date de l'analyse du besoin", "analyse des besoins", "analyse besoin",
        "recueil des besoins", "entretien préalable", "entretien d'admission",
        "entretien individuel", "needs interview", "needs analysis",
    ),
    "positionnement": (
        "positionnement", "date de positionnement", "date positionnement", "positionnement le",
        "test de positionnement", "date du test de positionnement", "évaluation initiale",
        "évaluation des acquis", "test d'entrée", "positioning", "placement test",
    ),
    "informations": (
        "informations envoyées", "information envoyée", "infos envoyées",
        "date d'envoi des informations", "envoi des informations", "convocation",
        "convocation envoyée", "date de convocation", "envoi convocation",
        "livret d'accueil envoyé", "information sent", "joining instructions sent",
    ),
    "entree": (
        "date d'entrée en formation", "entrée en formation", "date d'entrée", "entrée",
        "entré le", "entrée le", "date de début", "début de formation", "date de démarrage",
        "entry date", "start date",
    ),
}  # fmt: skip
_SETTINGS = ("path", "columns")


@hookimpl
def rnq_register_collectors() -> dict[str, Collector]:
    """Register the ``registrations`` collector."""
    return {NAME: collect_registrations}


def collect_registrations(context: CollectContext) -> list[Evidence]:
    """Read the unit's registrations export into one ``inscriptions`` record per offering."""
    if not check_settings(context, _SETTINGS):
        return []
    synonyms = column_synonyms(context, SYNONYMS, example="entree")
    path = setting_path(context, "path", required=True)
    if path is None:
        return []
    table = read_table(context, path)
    columns = _columns(context, table, synonyms)
    if columns is None:
        return [_unusable(context, table)]
    assert context.unit is not None
    offerings = _Offerings(context.unit.offerings)
    registers: dict[str, _Register] = {}
    for line, row in table.data():
        found = _row(context, table.relative, line, row, columns, offerings)
        if found is not None:
            offering, cells = found
            registers.setdefault(offering.id, _Register(offering)).rows.append(cells)
    return [
        _evidence(context, table, registers[o.id])
        for o in context.unit.offerings
        if o.id in registers
    ]


#: What the collector feeds: if it ever fails, only these read « non évalué ».
collect_registrations.indicators = (4, 8, 9)  # type: ignore[attr-defined]


# --- Settings and columns -------------------------------------------------------------------


def _columns(
    context: CollectContext, table: Table, synonyms: Mapping[str, Sequence[str]]
) -> dict[str, int] | None:
    """Where each column is in the export; ``None`` (reported) without the required ones."""
    if not table.readable:
        return None
    columns = match_columns(table.header, synonyms)
    missing = [name for name in _REQUIRED if name not in columns]
    if not {"apprenant", "nom", "prenom"} & set(columns):
        missing.insert(0, "apprenant")
    if missing:
        context.problem(
            table.relative,
            f"colonne(s) obligatoire(s) absente(s) : {', '.join(missing)} "
            f"(en-têtes lus : {', '.join(table.header) or 'aucun'}) ; "
            "réglage « columns » pour des en-têtes propres à votre logiciel",
            f"required column(s) missing: {', '.join(missing)} "
            f"(headers read: {', '.join(table.header) or 'none'}); "
            "set 'columns' for headers of your own software",
            table.lines[0] if table.lines else 1,
        )
        return None
    return columns


# --- Rows -----------------------------------------------------------------------------------


class _Offerings:
    """The unit's offerings, found by id or by title (case, accents and punctuation aside)."""

    def __init__(self, offerings: Sequence[Offering]) -> None:
        self.ids = [o.id for o in offerings]
        self.by_key: dict[str, Offering] = {}
        for offering in offerings:
            self.by_key.setdefault(normalize(offering.id), offering)
        for offering in offerings:
            self.by_key.setdefault(normalize(offering.title), offering)

    def find(self, cell: str) -> Offering | None:
        return self.by_key.get(normalize(cell))


def _row(
    context: CollectContext,
    where: str,
    line: int,
    row: tuple[str, ...],
    columns: Mapping[str, int],
    offerings: _Offerings,
) -> tuple[Offering, tuple[str, ...]] | None:
    """One data row, normalised with its offering; ``None`` (reported) when it cannot be read."""
    cells = {name: row[index].strip() for name, index in columns.items()}
    if not any(cells.values()):
        return None
    learner = short_name(cells.get("prenom", ""), cells.get("nom") or cells.get("apprenant", ""))
    if not learner:
        context.problem(
            where,
            "apprenant sans nom : ligne ignorée",
            "learner with no name: row left out",
            line,
        )
        return None
    offering = offerings.find(cells["formation"])
    if offering is None:
        known = ", ".join(offerings.ids) or "aucune"
        context.problem(
            where,
            f"formation « {cells['formation']} » inconnue de l'unité (prestations : {known}) : "
            "ligne ignorée — nommez-la par l'id ou l'intitulé de rnq.yaml",
            f"unknown offering '{cells['formation']}' for this unit (offerings: {known}): "
            "row left out — name it by its id or title in rnq.yaml",
            line,
        )
        return None
    dates: dict[str, str] = {}
    for name, label in DATES.items():
        try:
            day = parse_date(cells.get(name, ""))
        except ValueError:
            context.problem(
                where,
                f"date de {label} illisible « {cells[name]} » : ligne ignorée",
                f"unreadable {name.replace('_', ' ')} date '{cells[name]}': row left out",
                line,
            )
            return None
        dates[name] = day.isoformat() if day is not None else ""
    return offering, (str(line), learner, *(dates[name] for name in DATES))


@dataclass
class _Register:
    """The rows of one offering."""

    offering: Offering
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def column(self, name: str) -> list[dt.date]:
        index = COLUMNS.index(name)
        return [dt.date.fromisoformat(row[index]) for row in self.rows if row[index]]

    def summary(self, source: str) -> str:
        """Counts only: the rows name learners, the summary none."""
        entered = [row for row in self.rows if row[COLUMNS.index("entree")]]
        entries = self.column("entree")
        parts = [f"{len(self.rows)} candidature(s)", f"{len(entered)} avec date d'entrée"]
        if entries:
            parts[-1] += f" (du {fr_date(min(entries))} au {fr_date(max(entries))})"
        for name, label in (
            ("analyse_besoin", "analyse du besoin datée"),
            ("positionnement", "positionnement daté"),
            ("informations", "informations envoyées"),
        ):
            index = COLUMNS.index(name)
            before = sum(bool(row[index]) and row[index] <= row[-1] for row in entered)
            parts.append(f"{label} au plus tard à l'entrée : {before}/{len(entered)}")
        return (
            f"Inscriptions ({source}), prestation « {self.offering.title} » : "
            + " ; ".join(parts)
            + "."
        )


# --- Evidence -------------------------------------------------------------------------------


def _note(table: Table) -> str:
    return f"export des inscriptions {table.relative}" + (
        f" (encodage {table.encoding})" if table.encoding else ""
    )


def _evidence(context: CollectContext, table: Table, register: _Register) -> Evidence:
    """The record of one offering's registrations."""
    assert context.unit is not None
    days = [day for name in DATES for day in register.column(name)]
    return Evidence(
        path=f"{NAME}:{table.relative}#{register.offering.id}",
        unit=context.unit.id,
        offering=register.offering.id,
        indicators=(4, 8, 9),
        kind=KIND,
        date=max(days, default=None),
        mapped_by="plugin",
        collector=context.name,
        read="ok",
        text=register.summary(table.relative),
        rows=(COLUMNS, *register.rows),
        note=_note(table),
    )


def _unusable(context: CollectContext, table: Table) -> Evidence:
    """The export could not be used (reported): present but unusable, for the whole unit."""
    assert context.unit is not None
    return Evidence(
        path=f"{NAME}:{table.relative}",
        unit=context.unit.id,
        indicators=(4, 8, 9),
        kind=KIND,
        mapped_by="plugin",
        collector=context.name,
        read="error",
        note=_note(table),
    )
