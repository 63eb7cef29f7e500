"""rnq collector for the certifier's list of registered candidates: who was registered to which
certification session, when, and with what result (Qualiopi indicators 16 and 3).

Enable it for a unit in ``rnq.yaml``::

    collectors:
      - {use: exam-registrations, path: exports/candidats.csv, deadline_days: 30}

It reads the CSV or XLSX export of the certifier's platform (any delimiter, UTF-8 with or
without BOM, or Windows-1252), recognises the columns whatever their case and accents — the
candidate (« Candidat », or « Prénom » and « Nom »), the certification (« Code RNCP », « Code
RS », « Certification »), the session (« Session », « Date de session », « Date d'examen »), the
registration date (« Date d'inscription »), the result (« Résultat »: Admis, Reçu, Ajourné,
Refusé, Absent…), the offering (« Formation »: its id or its title in ``rnq.yaml``; without it,
the offering whose ``certification`` is the row's code) and, if the platform gives it, a
per-row « Date limite d'inscription » — and returns one evidence record per offering of the unit
that has candidates: kind ``inscriptions-certification``, indicators 16 and 3, the rows
normalised to :data:`COLUMNS` with ISO dates. The registration deadline of a row is its own
« Date limite d'inscription » when given, else the session date less ``deadline_days`` (default
:data:`DEADLINE_DAYS`). Candidates are kept as their first name and the initial of their last
name only (« Camille D. »); the text carries counts only. Rows it cannot read (a bad date, an
unknown offering or result, no candidate) are reported at their line and left out. It never
judges: the built-in checks of indicators 16 and 3 read the rows.
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
    hookimpl,
    match_columns,
    normalize,
    parse_date,
    read_table,
    setting_path,
    settings_problem,
    short_name,
)

__all__ = [
    "COLUMNS",
    "DEADLINE_DAYS",
    "KIND",
    "NAME",
    "RESULTS",
    "SYNONYMS",
    "collect_exam_registrations",
    "rnq_register_collectors",
    "short_name",
]

#: The collector's name, as units write it in ``use:``.
NAME = "exam-registrations"
#: The kind of its evidence records.
KIND = "inscriptions-certification"
#: How many days before the session the certifier closes registrations, by default.
DEADLINE_DAYS = 30
#: The normalised columns, in order: the header row of each record's ``rows``. ``ligne`` is the
#: row's line in the export, ``candidat`` the first name and last initial, ``date_limite`` the
#: registration deadline (the row's own, or the session less ``deadline_days``), ``resultat``
#: one of ``admis``, ``ajourne``, ``absent`` or empty (no result yet).
COLUMNS: tuple[str, ...] = (
    "ligne",
    "candidat",
    "certification",
    "session",
    "date_inscription",
    "date_limite",
    "resultat",
)
#: The results an export writes, folded, and what they count as.
RESULTS: Mapping[str, str] = {
    **dict.fromkeys(
        ("admis", "admise", "recu", "recue", "reussi", "reussite", "valide", "validee",
         "obtenu", "obtenue", "certifie", "certifiee", "diplome", "diplomee", "pass", "passed"),
        "admis",
    ),
    **dict.fromkeys(
        ("ajourne", "ajournee", "refuse", "refusee", "echec", "non admis", "non admise",
         "non recu", "non valide", "non validee", "non obtenu", "fail", "failed"),
        "ajourne",
    ),
    **dict.fromkeys(
        ("absent", "absente", "abs", "excuse", "excusee", "absent excuse", "non presente",
         "non presentee", "absent e"),
        "absent",
    ),
    **dict.fromkeys(("", "en attente", "inscrit", "inscrite", "a venir", "pending"), ""),
}  # fmt: skip
_DATES: Mapping[str, str] = {
    "session": "session",
    "date_inscription": "inscription",
    "date_limite": "date limite d'inscription",
}
_REQUIRED = ("session", "date_inscription")
#: Headers accepted for each column (compared without case, accents or punctuation), most
#: specific first. The candidate is « prenom » with « nom », or « candidat » alone.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "prenom": ("prénom", "prénom du candidat", "prénom candidat", "first name", "firstname"),
    "candidat": (
        "candidat", "nom du candidat", "candidat nom prénom", "nom et prénom", "nom prénom",
        "prénom nom", "nom complet", "stagiaire", "apprenant", "candidate",
    ),
    "nom": ("nom", "nom de famille", "nom de naissance", "nom candidat", "last name", "surname"),
    "certification": (
        "code rncp", "code rs", "code de la certification", "code certification", "n° rncp",
        "numéro rncp", "fiche rncp", "fiche rs", "rncp", "rs", "certification",
        "intitulé de la certification", "titre", "diplôme", "certification code",
    ),
    "session": (
        "date de session", "date de la session", "date d'examen", "date de l'examen",
        "date examen", "date des épreuves", "date épreuve", "date du jury", "session",
        "session d'examen", "exam date", "session date",
    ),
    "date_inscription": (
        "date d'inscription", "date inscription", "inscrit le", "inscription le",
        "date d'inscription à la session", "inscription", "registration date", "registered on",
    ),
    "date_limite": (
        "date limite d'inscription", "date limite inscription", "date limite",
        "clôture des inscriptions", "fin des inscriptions", "registration deadline", "deadline",
    ),
    "resultat": (
        "résultat", "résultats", "résultat final", "décision du jury", "décision", "statut",
        "result",
    ),
    "formation": (
        "formation", "action", "action de formation", "prestation", "intitulé de la formation",
        "code formation", "offering", "course", "training",
    ),
}  # fmt: skip
_SETTINGS = ("path", "deadline_days", "columns")


@hookimpl
def rnq_register_collectors() -> dict[str, Collector]:
    """Register the ``exam-registrations`` collector."""
    return {NAME: collect_exam_registrations}


def collect_exam_registrations(context: CollectContext) -> list[Evidence]:
    """Read the unit's export of candidates into one record per offering."""
    if not check_settings(context, _SETTINGS):
        return []
    synonyms = column_synonyms(context, SYNONYMS, example="session")
    deadline = _deadline_days(context)
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
        found = _row(context, table.relative, line, row, columns, offerings, deadline)
        if found is not None:
            offering, cells = found
            registers.setdefault(offering.id, _Register(offering)).rows.append(cells)
    return [
        _evidence(context, table, registers[o.id])
        for o in context.unit.offerings
        if o.id in registers
    ]


#: What the collector feeds: if it ever fails, only these read « non évalué ».
collect_exam_registrations.indicators = (16, 3)  # type: ignore[attr-defined]


# --- Settings and columns -------------------------------------------------------------------


def _deadline_days(context: CollectContext) -> int:
    """The ``deadline_days`` setting: a whole number of days, 0 or more."""
    value = context.settings.get("deadline_days", DEADLINE_DAYS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        settings_problem(
            context,
            "deadline_days",
            f"« deadline_days » doit être un nombre de jours (0 ou plus), pas {value!r} : "
            f"{DEADLINE_DAYS} jours retenus",
            f"'deadline_days' must be a number of days (0 or more), not {value!r}: "
            f"{DEADLINE_DAYS} days used",
        )
        return DEADLINE_DAYS
    return value


def _columns(
    context: CollectContext, table: Table, synonyms: Mapping[str, Sequence[str]]
) -> dict[str, int] | None:
    """Where each column is in the export; ``None`` (reported) without the required ones."""
    if not table.readable:
        return None
    columns = match_columns(table.header, synonyms)
    missing = [name for name in _REQUIRED if name not in columns]
    if not {"formation", "certification"} & set(columns):
        missing.insert(0, "formation ou certification")
    if not {"candidat", "nom", "prenom"} & set(columns):
        missing.insert(0, "candidat")
    if missing:
        context.problem(
            table.relative,
            f"colonne(s) obligatoire(s) absente(s) : {', '.join(missing)} "
            f"(en-têtes lus : {', '.join(table.header) or 'aucun'}) ; "
            "réglage « columns » pour des en-têtes propres à la plateforme du certificateur",
            f"required column(s) missing: {', '.join(missing).replace(' ou ', ' or ')} "
            f"(headers read: {', '.join(table.header) or 'none'}); "
            "set 'columns' for headers of the certifier's platform",
            table.lines[0] if table.lines else 1,
        )
        return None
    return columns


# --- Rows -----------------------------------------------------------------------------------


def _code(cell: str) -> str:
    """A certification code compared without case, spaces or punctuation (« RNCP 38362 »)."""
    return normalize(cell).replace(" ", "")


class _Offerings:
    """The unit's offerings, found by id or title, or by their certification code."""

    def __init__(self, offerings: Sequence[Offering]) -> None:
        self.ids = [o.id for o in offerings]
        self.by_key: dict[str, Offering] = {}
        self.by_code: dict[str, Offering] = {}
        for offering in offerings:
            self.by_key.setdefault(normalize(offering.id), offering)
            if offering.certification:
                self.by_code.setdefault(_code(offering.certification), offering)
        for offering in offerings:
            self.by_key.setdefault(normalize(offering.title), offering)

    def find(self, cell: str, code: str) -> Offering | None:
        if cell:
            return self.by_key.get(normalize(cell))
        return self.by_code.get(_code(code)) if code else None


def _row(
    context: CollectContext,
    where: str,
    line: int,
    row: tuple[str, ...],
    columns: Mapping[str, int],
    offerings: _Offerings,
    deadline_days: int,
) -> tuple[Offering, tuple[str, ...]] | None:
    """One data row, normalised with its offering; ``None`` (reported) when it cannot be read."""
    cells = {name: row[index].strip() for name, index in columns.items()}
    if not any(cells.values()):
        return None
    candidate = short_name(cells.get("prenom", ""), cells.get("nom") or cells.get("candidat", ""))
    if not candidate:
        context.problem(
            where, "candidat sans nom : ligne ignorée", "candidate with no name: row left out", line
        )
        return None
    wanted, code = cells.get("formation", ""), cells.get("certification", "")
    offering = offerings.find(wanted, code)
    if offering is None:
        known = ", ".join(offerings.ids) or "aucune"
        shown = wanted or code
        context.problem(
            where,
            f"formation « {shown} » inconnue de l'unité (prestations : {known}) : ligne ignorée "
            "— nommez-la par l'id ou l'intitulé de rnq.yaml, ou déclarez sa certification",
            f"unknown offering '{shown}' for this unit (offerings: {known}): row left out — "
            "name it by its id or title in rnq.yaml, or declare its certification",
            line,
        )
        return None
    dates: dict[str, dt.date | None] = {}
    for name, label in _DATES.items():
        try:
            dates[name] = parse_date(cells.get(name, ""))
        except ValueError:
            context.problem(
                where,
                f"date de {label} illisible « {cells[name]} » : ligne ignorée",
                f"unreadable {name.replace('_', ' ')} date '{cells[name]}': row left out",
                line,
            )
            return None
    result = RESULTS.get(normalize(cells.get("resultat", "")))
    if result is None:
        context.problem(
            where,
            f"résultat « {cells['resultat']} » non reconnu (Admis, Ajourné, Absent…) : "
            "ligne ignorée",
            f"unrecognised result '{cells['resultat']}' (Admis, Ajourné, Absent…): row left out",
            line,
        )
        return None
    session = dates["session"]
    limit = dates["date_limite"]
    if limit is None and session is not None:
        limit = session - dt.timedelta(days=deadline_days)
    iso = [d.isoformat() if d else "" for d in (session, dates["date_inscription"], limit)]
    return offering, (str(line), candidate, code or offering.certification or "", *iso, result)


@dataclass
class _Register:
    """The rows of one offering."""

    offering: Offering
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def column(self, name: str) -> list[str]:
        index = COLUMNS.index(name)
        return [row[index] for row in self.rows]

    def summary(self, source: str) -> str:
        """Counts only: the rows name candidates, the summary none (nor a pass rate)."""
        results = self.column("resultat")
        passed, failed, absent = (results.count(r) for r in ("admis", "ajourne", "absent"))
        sessions = sorted({s for s in self.column("session") if s})
        parts = [f"{len(self.rows)} candidat(s) inscrit(s)", f"{len(sessions)} session(s)"]
        # no rate here: the built-in check of indicator 3 must not read it as a published one
        parts.append(f"admis : {passed}, ajournés : {failed}, absents : {absent}")
        late = sum(
            bool(row[4] and row[5]) and row[4] > row[5] for row in self.rows
        )  # inscription after the deadline
        parts.append(f"inscrits après la date limite : {late}")
        return (
            f"Candidats inscrits à la certification ({source}), prestation "
            f"« {self.offering.title} » : " + " ; ".join(parts) + "."
        )


# --- Evidence -------------------------------------------------------------------------------


def _note(table: Table) -> str:
    return f"export des candidats du certificateur {table.relative}" + (
        f" (encodage {table.encoding})" if table.encoding else ""
    )


def _evidence(context: CollectContext, table: Table, register: _Register) -> Evidence:
    """The record of one offering's candidates."""
    assert context.unit is not None
    days = [
        dt.date.fromisoformat(day)
        for name in ("session", "date_inscription")
        for day in register.column(name)
        if day
    ]
    return Evidence(
        path=f"{NAME}:{table.relative}#{register.offering.id}",
        unit=context.unit.id,
        offering=register.offering.id,
        indicators=(16, 3),
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
        indicators=(16, 3),
        kind=KIND,
        mapped_by="plugin",
        collector=context.name,
        read="error",
        note=_note(table),
    )
