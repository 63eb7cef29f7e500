"""rnq collector for Moodle exports: activity completion (follow-up) and attendance.

Enable it for a unit in ``rnq.yaml``::

    collectors:
      - {use: moodle, completion: exports/achevement.csv, attendance: exports/presences.csv}

* ``completion``: the activity completion report's download (« Achèvement d'activités »,
  ``report/progress``), CSV or XLSX, French or English: learner columns, then per activity a
  state column (« Achevé », « Non achevé », « Completed », « Not completed »…) and its date.
  Becomes evidence of kind ``suivi`` for indicators 12 and 19.
* ``attendance`` (optional): the Attendance activity's export (``mod_attendance``): learner
  columns, one column per session headed by its date, status acronyms (P, R/L, E, A).
  Becomes evidence of kind ``emargement`` for indicator 12.

Learners are pseudonymised: each is an id keyed-hashed from the e-mail address (else the
identification number, user name, then name); names and addresses never leave the collector,
and the evidence text carries counts and rates only. Collectors return evidence, never verdicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

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
    "ATTENDANCE_COLUMNS",
    "COMPLETION_COLUMNS",
    "NAME",
    "collect_moodle",
    "completion_state",
    "rnq_register_collectors",
]

#: The collector's name, as units write it in ``use:``.
NAME = "moodle"
#: Header row of the completion evidence's ``rows``.
COMPLETION_COLUMNS: tuple[str, ...] = ("apprenant", "activite", "acheve", "date")
#: Header row of the attendance evidence's ``rows``.
ATTENDANCE_COLUMNS: tuple[str, ...] = ("apprenant", "seance", "date", "present")
_SETTINGS = ("completion", "attendance", "present", "salt")

#: Learner columns of Moodle exports, French and English (case and accents ignored).
IDENTITY: Mapping[str, tuple[str, ...]] = {
    "email": (
        "adresse de courriel", "adresse courriel", "courriel", "adresse électronique",
        "adresse email", "e-mail", "email", "email address", "mail",
    ),
    "idnumber": (
        "numéro d'identification", "id number", "idnumber", "identifiant", "student id",
        "id étudiant",
    ),
    "username": ("nom d'utilisateur", "username", "user name"),
    "first": ("prénom", "first name", "firstname"),
    "last": ("nom de famille", "nom", "last name", "lastname", "surname"),
    "fullname": ("nom complet", "full name", "utilisateur", "apprenant", "participant"),
}  # fmt: skip
_NOT_COMPLETED = ("non acheve", "not completed", "incomplete", "non termine", "pas acheve")
_COMPLETED = ("acheve", "completed", "complete", "termine")
_PRESENT = frozenset({"p", "present", "l", "late", "r", "retard", "en retard"})
_ABSENT = frozenset({"a", "absent", "e", "excuse", "excused", "absent excuse"})


@hookimpl
def rnq_register_collectors() -> dict[str, Collector]:
    """Register the ``moodle`` collector."""
    return {NAME: collect_moodle}


def collect_moodle(context: CollectContext) -> list[Evidence]:
    """Read the unit's Moodle completion export and, if set, its attendance export."""
    if not check_settings(context, _SETTINGS):
        return []
    pseudonym = _pseudonymiser(context)
    records: list[Evidence] = []
    completion = setting_path(context, "completion", required=True)
    if completion is not None:
        records.append(_completion(context, read_table(context, completion), pseudonym))
    attendance = setting_path(context, "attendance", required=False)
    if attendance is not None:
        present = _present_setting(context)
        records.append(_attendance(context, read_table(context, attendance), pseudonym, present))
    return records


#: What the collector feeds: if it ever fails, only these read « non évalué ».
collect_moodle.indicators = (12, 19)  # type: ignore[attr-defined]


def completion_state(value: str) -> bool | None:
    """``True`` for « Achevé »/« Completed » (with or without a pass grade or an override),
    ``False`` for « Non achevé »/« Not completed », ``None`` for anything else."""
    text = normalize(value)
    if text.startswith(_NOT_COMPLETED):
        return False
    if text.startswith(_COMPLETED):
        return True
    return None


# --- Learners -------------------------------------------------------------------------------

Pseudonymiser = Callable[[Mapping[str, str]], str | None]


def _pseudonymiser(context: CollectContext) -> Pseudonymiser:
    """A function giving a learner's pseudonymous id from their identity cells.

    The id is an HMAC of the e-mail (else id number, user name, or the name's words sorted),
    keyed by the ``salt`` setting or else by the organisation's name: the same learner gets
    the same id in both exports and across runs.
    """
    salt = context.settings.get("salt")
    if not isinstance(salt, str) or not salt:
        salt = f"rnq:{context.workspace.config.organization.name}"
    key = salt.encode("utf-8")

    def pseudonym(cells: Mapping[str, str]) -> str | None:
        name = cells.get("fullname") or f"{cells.get('first', '')} {cells.get('last', '')}"
        candidates = (
            ("email", cells.get("email", "").strip().casefold()),
            ("id", cells.get("idnumber", "").strip()),
            ("user", cells.get("username", "").strip().casefold()),
            ("name", " ".join(sorted(normalize(name).split()))),
        )
        identity = next((f"{kind}:{value}" for kind, value in candidates if value), None)
        if identity is None:
            return None
        digest = hmac.new(key, identity.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"L-{digest[:12]}"

    return pseudonym


def _identity(header: Sequence[str]) -> dict[str, int]:
    """Where the learner columns are; Moodle's progress report leaves the name's header empty."""
    columns = match_columns(header, IDENTITY)
    if header and not header[0].strip() and "fullname" not in columns:
        columns["fullname"] = 0
    return columns


def _learner(
    context: CollectContext,
    table: Table,
    line: int,
    row: Sequence[str],
    identity: Mapping[str, int],
    pseudonym: Pseudonymiser,
) -> str | None:
    """The row's learner id, or ``None`` (reported) when the row names nobody."""
    learner = pseudonym({field: row[index] for field, index in identity.items()})
    if learner is None:
        context.problem(
            table.relative,
            "apprenant sans nom ni adresse : ligne ignorée",
            "learner with neither name nor address: row left out",
            line,
        )
    return learner


# --- Completion -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Activity:
    column: int
    name: str
    date_column: int | None


def _activities(table: Table, identity: Mapping[str, int]) -> list[_Activity]:
    """Activity columns: mostly completion states; the column after one holds its dates."""
    taken = set(identity.values())
    values = [[row[i] for _, row in table.data() if row[i]] for i in range(len(table.header))]
    is_state = [
        bool(cells) and 2 * sum(completion_state(c) is not None for c in cells) > len(cells)
        for cells in values
    ]
    activities = []
    for index, name in enumerate(table.header):
        if index in taken or not is_state[index]:
            continue
        after = index + 1
        dated = after < len(table.header) and after not in taken and not is_state[after]
        activities.append(
            _Activity(index, name or f"activité {index + 1}", after if dated else None)
        )
    return activities


def _completion(context: CollectContext, table: Table, pseudonym: Pseudonymiser) -> Evidence:
    """The ``suivi`` evidence of an activity completion export."""
    identity = _identity(table.header)
    activities = _activities(table, identity) if table.readable else []
    if table.readable and not activities:
        context.problem(
            table.relative,
            "aucune colonne d'activité (« Achevé », « Non achevé »…) : "
            "est-ce bien l'export du rapport d'achèvement d'activités ?",
            "no activity column ('Completed', 'Not completed'…): "
            "is this the activity completion report's download?",
            table.lines[0] if table.lines else 1,
        )
    if not activities:
        return _evidence(context, table, kind="suivi", indicators=(12, 19))
    rows: list[tuple[str, ...]] = []
    for line, row in table.data():
        learner = _learner(context, table, line, row, identity, pseudonym)
        if learner is None:
            continue
        for activity in activities:
            entry = _completion_row(context, table, line, row, learner, activity)
            if entry is not None:
                rows.append(entry)
    return _evidence(
        context,
        table,
        kind="suivi",
        indicators=(12, 19),
        rows=(COMPLETION_COLUMNS, *rows),
        text=_completion_summary(table.relative, rows, len(activities)),
    )


def _completion_row(
    context: CollectContext,
    table: Table,
    line: int,
    row: Sequence[str],
    learner: str,
    activity: _Activity,
) -> tuple[str, ...] | None:
    """One learner's state for one activity, or ``None`` (reported when unreadable)."""
    state = completion_state(row[activity.column])
    if state is None:
        if row[activity.column]:
            context.problem(
                table.relative,
                f"état d'achèvement inconnu « {row[activity.column]} » ({activity.name})",
                f"unknown completion state '{row[activity.column]}' ({activity.name})",
                line,
            )
        return None
    day = ""
    if activity.date_column is not None:
        try:
            parsed = parse_date(row[activity.date_column])
        except ValueError:
            context.problem(
                table.relative,
                f"date d'achèvement illisible « {row[activity.date_column]} » ({activity.name})",
                f"unreadable completion date '{row[activity.date_column]}' ({activity.name})",
                line,
            )
            parsed = None
        day = parsed.isoformat() if parsed is not None else ""
    return (learner, activity.name, "true" if state else "false", day)


def _completion_summary(source: str, rows: Sequence[tuple[str, ...]], activities: int) -> str:
    """Counts and rates only: « 124 apprenants, taux d'achèvement moyen 68 % »."""
    per_learner: dict[str, list[bool]] = {}
    for learner, _, completed, _ in rows:
        per_learner.setdefault(learner, []).append(completed == "true")
    if not per_learner:
        return f"Achèvement des activités Moodle ({source}) : aucun apprenant."
    rates = [sum(states) / len(states) for states in per_learner.values()]
    none = sum(not any(states) for states in per_learner.values())
    return (
        f"Achèvement des activités Moodle ({source}) : {len(per_learner)} apprenants, "
        f"{activities} activités suivies, taux d'achèvement moyen "
        f"{round(100 * sum(rates) / len(rates))} % ; {none} apprenant(s) sans activité achevée."
    )


# --- Attendance -----------------------------------------------------------------------------


def _present_setting(context: CollectContext) -> frozenset[str] | None:
    """The ``present`` setting: statuses counted as present (others: absent)."""
    value = context.settings.get("present")
    if value is None:
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return frozenset(normalize(v) for v in value)
    settings_problem(
        context,
        "present",
        "« present » doit être une liste de statuts (ex. [P, R]) ; statuts par défaut retenus",
        "'present' must be a list of statuses (e.g. [P, L]); using the defaults",
    )
    return None


def _status(value: str, present: frozenset[str] | None) -> bool | None:
    """``True`` present, ``False`` absent, ``None`` not taken; :class:`KeyError` if unknown."""
    text = normalize(value)
    if not text:
        return None
    if present is not None:
        return text in present
    if text in _PRESENT or text in _ABSENT:
        return text in _PRESENT
    raise KeyError(value)


def _sessions(header: Sequence[str], identity: Mapping[str, int]) -> list[tuple[int, dt.date]]:
    """Session columns: those whose header starts with a date."""
    sessions = []
    for index, name in enumerate(header):
        if index in identity.values():
            continue
        try:
            day = parse_date(name)
        except ValueError:
            continue
        if day is not None:
            sessions.append((index, day))
    return sessions


def _attendance(
    context: CollectContext,
    table: Table,
    pseudonym: Pseudonymiser,
    present: frozenset[str] | None,
) -> Evidence:
    """The ``emargement`` evidence of an attendance export."""
    identity = _identity(table.header)
    sessions = _sessions(table.header, identity) if table.readable else []
    if table.readable and not sessions:
        context.problem(
            table.relative,
            "aucune colonne de séance (en-tête commençant par une date) : "
            "est-ce bien l'export du module Présence ?",
            "no session column (a header starting with a date): "
            "is this the Attendance activity's export?",
            table.lines[0] if table.lines else 1,
        )
    if not sessions:
        return _evidence(context, table, kind="emargement", indicators=(12,))
    rows: list[tuple[str, ...]] = []
    for line, row in table.data():
        learner = _learner(context, table, line, row, identity, pseudonym)
        if learner is None:
            continue
        for index, day in sessions:
            try:
                status = _status(row[index], present)
            except KeyError:
                context.problem(
                    table.relative,
                    f"statut de présence inconnu « {row[index]} » ({table.header[index]}) ; "
                    "réglage « present » pour les statuts personnalisés",
                    f"unknown attendance status '{row[index]}' ({table.header[index]}); "
                    "set 'present' for custom statuses",
                    line,
                )
                continue
            if status is not None:
                row_out = (learner, table.header[index], day.isoformat(), str(status).lower())
                rows.append(row_out)
    return _evidence(
        context,
        table,
        kind="emargement",
        indicators=(12,),
        rows=(ATTENDANCE_COLUMNS, *rows),
        text=_attendance_summary(table.relative, rows),
    )


def _attendance_summary(source: str, rows: Sequence[tuple[str, ...]]) -> str:
    """Counts and rates only: « 24 apprenants, 10 séances, taux de présence 92 % »."""
    if not rows:
        return f"Présences Moodle ({source}) : aucune présence relevée."
    learners = {row[0] for row in rows}
    days = sorted({row[2] for row in rows})
    sessions = {row[1] for row in rows}
    rate = round(100 * sum(row[3] == "true" for row in rows) / len(rows))
    first, last = (fr_date(dt.date.fromisoformat(d)) for d in (days[0], days[-1]))
    return (
        f"Présences Moodle ({source}) : {len(learners)} apprenants, {len(sessions)} séances "
        f"relevées du {first} au {last}, taux de présence {rate} %."
    )


# --- Evidence -------------------------------------------------------------------------------


def _evidence(
    context: CollectContext,
    table: Table,
    *,
    kind: str,
    indicators: tuple[int, ...],
    rows: tuple[tuple[str, ...], ...] | None = None,
    text: str | None = None,
) -> Evidence:
    """An evidence record for one export; without rows (reported), present but unusable."""
    assert context.unit is not None
    date_column = rows[0].index("date") if rows else 0
    dates = [row[date_column] for row in (rows or ())[1:] if row[date_column]]
    latest = max(map(dt.date.fromisoformat, dates), default=None)
    return Evidence(
        path=f"{NAME}:{table.relative}",
        unit=context.unit.id,
        indicators=indicators,
        kind=kind,
        date=latest,
        mapped_by="plugin",
        collector=context.name,
        read="ok" if rows is not None else "error",
        text=text,
        rows=rows,
        note=f"export Moodle {table.relative}",
    )
