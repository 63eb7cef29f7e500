"""rnq collector for an HR information system's exports (SIRH): the trainers register of
indicator 21 and the staff development plan of indicator 22.

Enable it for a unit in ``rnq.yaml``::

    collectors:
      - {use: hr, path: exports/sirh-personnel.csv, trainings: exports/sirh-formations.csv}

* ``path``: the staff export — one row per person: Matricule, Nom, Prénom, Emploi (or Poste,
  Fonction), Formateur (oui/non) or Rôle, Diplômes/Qualifications, CV (oui/non or a date),
  Date de mise à jour, Entretien professionnel. Its trainers become one evidence record of kind
  ``registre-intervenants`` (indicator 21) whose headers the built-in check
  ``check_cv_de_chaque_intervenant`` reads as it reads a hand-kept register.
* ``trainings`` (optional): the trainings export — Salarié (or Nom and Prénom, or Matricule),
  Action de formation (or Intitulé), Date, Statut (or Réalisée). With the professional
  interviews of the staff export, it becomes one record of kind ``plan-competences``
  (indicator 22): who, what, when, status.
* ``columns`` (optional): the export's header for a column rnq does not recognise, e.g.
  ``{qualifications: "Habilitations détenues"}``.
* ``offering`` (optional): the unit's offering the records belong to.

CSV (``;`` or ``,``, UTF-8 with or without BOM, or Windows-1252) or XLSX; headers compared
without case, accents or punctuation; dates French (dd/mm/yyyy) or ISO. A row it cannot read is
reported at its line and left out; the rest is read. Collectors return evidence, never verdicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
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
    "NAME",
    "PLAN_COLUMNS",
    "REGISTER_COLUMNS",
    "STAFF_SYNONYMS",
    "TRAINING_SYNONYMS",
    "collect_hr",
    "is_trainer_role",
    "rnq_register_collectors",
]

#: The collector's name, as units write it in ``use:``.
NAME = "hr"

#: The header row of the trainers register's ``rows``: the headers the built-in check of
#: indicator 21 reads (name and first name, role, evidence columns) and the export's line of
#: each trainer, which the check's findings cite.
REGISTER_COLUMNS: tuple[str, ...] = (
    "Nom",
    "Prénom",
    "Fonction",
    "Diplômes et qualifications",
    "CV",
    "Date du CV",
    "Dernière mise à jour",
    "Ligne de l'export",
)
#: The header row of the development plan's ``rows``: who, their job, what, when, status (the
#: headers the built-in check of indicator 22 reads).
PLAN_COLUMNS: tuple[str, ...] = ("Salarié", "Fonction", "Action de formation", "Date", "Statut")

_NAMES: Mapping[str, tuple[str, ...]] = {
    "matricule": (
        "matricule", "n° de matricule", "numéro de matricule", "n° salarié", "numéro salarié",
        "id salarié", "identifiant salarié", "code salarié", "identifiant",
    ),
    "nom_complet": (
        "nom et prénom", "nom prénom", "prénom nom", "nom complet", "identité", "salarié",
        "collaborateur", "collaboratrice", "agent", "employé",
    ),
    "nom": ("nom", "nom de famille", "nom d'usage", "nom usuel", "nom patronymique"),
    "prenom": ("prénom", "prénom usuel"),
}  # fmt: skip
#: Headers accepted for each column of the staff export (compared after :func:`rnq.normalize`).
STAFF_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    **_NAMES,
    "formateur": (
        "formateur", "formateur oui non", "formateur interne", "est formateur", "intervenant",
        "intervenant formation", "activité de formation", "anime des formations",
    ),
    "role": (
        "rôle", "rôle pédagogique", "rôle dans l'organisme", "type d'intervenant",
        "catégorie d'intervenant", "type de personnel",
    ),
    "emploi": (
        "emploi", "poste", "fonction", "intitulé du poste", "intitulé de poste", "libellé emploi",
        "libellé de l'emploi", "emploi occupé", "poste occupé", "métier",
    ),
    "qualifications": (
        "diplômes qualifications", "diplômes et qualifications", "diplômes", "diplôme",
        "qualifications", "qualification", "titres et diplômes", "diplôme le plus élevé",
        "niveau de diplôme", "certifications", "habilitations",
    ),
    "cv": (
        "cv", "cv oui non", "cv au dossier", "cv fourni", "cv reçu", "cv reçu le", "cv à jour",
        "date du cv", "date cv", "curriculum vitae",
    ),
    "mise_a_jour": (
        "date de mise à jour", "dernière mise à jour", "dernière maj", "date maj", "maj",
        "mise à jour", "mis à jour le", "date de modification", "modifié le",
    ),
    "entretien": (
        "entretien professionnel", "date entretien professionnel",
        "date de l'entretien professionnel", "dernier entretien professionnel",
        "date du dernier entretien professionnel", "entretien pro", "date ep",
    ),
}  # fmt: skip
#: Headers accepted for each column of the trainings export.
TRAINING_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    **_NAMES,
    "action": (
        "action de formation", "intitulé de la formation", "intitulé de l'action", "intitulé",
        "libellé de l'action", "libellé formation", "libellé", "formation", "action", "stage",
        "module", "thème",
    ),
    "date": (
        "date", "date de la formation", "date de début", "date début", "début", "date de session",
        "date de réalisation", "réalisée le", "date prévue",
    ),
    "statut": ("statut", "état", "réalisée", "réalisé", "réalisation", "status"),
}  # fmt: skip
_SETTINGS = ("path", "trainings", "columns", "offering")

_YES = frozenset({"oui", "o", "x", "yes", "y", "1", "vrai", "true"})
_NO = frozenset({"non", "n", "no", "0", "faux", "false", ""})
#: Words of a role or job that make a person a trainer.
_TRAINER_WORDS = frozenset(
    {
        "formateur", "formatrice", "formateurs", "intervenant", "intervenante", "animateur",
        "animatrice", "enseignant", "enseignante", "consultant", "consultante", "tuteur",
        "tutrice", "accompagnateur", "accompagnatrice", "coach", "trainer", "professeur",
    }
)  # fmt: skip


@hookimpl
def rnq_register_collectors() -> dict[str, Collector]:
    """Register the ``hr`` collector."""
    return {NAME: collect_hr}


def collect_hr(context: CollectContext) -> list[Evidence]:
    """Read the unit's SIRH staff export (and trainings export) into the trainers register and
    the staff development plan."""
    if not check_settings(context, _SETTINGS):
        return []
    overrides = _overrides(context)
    offering = _offering(context)
    records: list[Evidence] = []
    staff = _Staff()
    path = setting_path(context, "path", required=True)
    if path is not None:
        table = read_table(context, path)
        columns = _columns(context, table, _with(STAFF_SYNONYMS, overrides), _staff_required)
        if columns is None:
            records.append(_unusable(context, table, "registre-intervenants", (21,), offering))
        else:
            staff.source = table.relative
            for line, row in table.data():
                staff.add(context, table.relative, line, row, columns)
            records.append(staff.register(context, table, offering))
    trainings = setting_path(context, "trainings", required=False)
    plan = _Plan(staff)
    source: Table | None = None
    if trainings is not None:
        source = read_table(context, trainings)
        columns = _columns(context, source, _with(TRAINING_SYNONYMS, overrides), _plan_required)
        if columns is None:
            records.append(_unusable(context, source, "plan-competences", (22,), offering))
            return records
        for line, row in source.data():
            plan.add(context, source.relative, line, row, columns)
    if source is not None or staff.interviews:
        records.append(plan.record(context, source, offering))
    return records


#: What the collector feeds: if it ever fails, only these read « non évalué ».
collect_hr.indicators = (21, 22)  # type: ignore[attr-defined]


def is_trainer_role(value: str) -> bool:
    """Whether a role or job names a trainer (« Formatrice », « Consultant formateur »…)."""
    return bool(set(normalize(value).split()) & _TRAINER_WORDS)


# --- Settings --------------------------------------------------------------------------------


def _overrides(context: CollectContext) -> dict[str, str]:
    """The ``columns`` setting: canonical column → the export's header."""
    value = context.settings.get("columns")
    if value is None:
        return {}
    known = sorted({*STAFF_SYNONYMS, *TRAINING_SYNONYMS})
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


def _offering(context: CollectContext) -> str | None:
    """The ``offering`` setting, when it names one of the unit's offerings."""
    value = context.settings.get("offering")
    if value is None or context.unit is None:
        return None
    ids = [o.id for o in context.unit.offerings]
    if not isinstance(value, str) or value not in ids:
        settings_problem(
            context,
            "offering",
            f"« offering » doit être une prestation de l'unité ({ids}), pas {value!r}",
            f"'offering' must be one of the unit's offerings ({ids}), not {value!r}",
        )
        return None
    return value


def _with(
    synonyms: Mapping[str, tuple[str, ...]], overrides: Mapping[str, str]
) -> dict[str, tuple[str, ...]]:
    """``synonyms`` with each overridden column's header tried first."""
    return {
        name: ((overrides[name], *accepted) if name in overrides else accepted)
        for name, accepted in synonyms.items()
    }


# --- Columns ---------------------------------------------------------------------------------


def _staff_required(found: Mapping[str, int]) -> list[str]:
    missing = []
    if "nom" not in found and "nom_complet" not in found:
        missing.append("nom")
    if not {"formateur", "role", "emploi"} & set(found):
        missing.append("formateur / rôle / emploi")
    return missing


def _plan_required(found: Mapping[str, int]) -> list[str]:
    missing = []
    if not {"nom", "nom_complet", "matricule"} & set(found):
        missing.append("salarié")
    if "action" not in found:
        missing.append("action de formation")
    return missing


def _columns(
    context: CollectContext,
    table: Table,
    synonyms: Mapping[str, Sequence[str]],
    required: Callable[[Mapping[str, int]], list[str]],
) -> dict[str, int] | None:
    """Where each column is in the export; ``None`` (reported) without the required ones."""
    if not table.readable:
        return None
    found = match_columns(table.header, synonyms)
    missing = required(found)
    if missing:
        headers = ", ".join(table.header)
        context.problem(
            table.relative,
            f"colonne(s) obligatoire(s) absente(s) : {', '.join(missing)} "
            f"(en-têtes lus : {headers or 'aucun'} ; réglage « columns » pour un autre nom)",
            f"required column(s) missing: {', '.join(missing)} "
            f"(headers read: {headers or 'none'}; set 'columns' for another name)",
            table.lines[0] if table.lines else 1,
        )
        return None
    return found


def _date(
    context: CollectContext, where: str, line: int, value: str, fr: str, en: str
) -> tuple[bool, dt.date | None]:
    """``(ok, date)``: a bad date is reported at its line and gives ``ok`` false."""
    try:
        return True, parse_date(value)
    except ValueError:
        context.problem(
            where,
            f"{fr} illisible « {value} » : ligne ignorée",
            f"unreadable {en} '{value}': row left out",
            line,
        )
        return False, None


def _name(cells: Mapping[str, str]) -> tuple[str, str]:
    """``(last name, first name)``; a single name column gives it whole as the last name."""
    if cells.get("nom"):
        return cells["nom"], cells.get("prenom", "")
    return cells.get("nom_complet", ""), ""


def _full(last: str, first: str) -> str:
    return " ".join(x for x in (first, last) if x)


# --- Staff and trainers register ------------------------------------------------------------


@dataclass
class _Staff:
    """The staff read so far: the trainers' rows, the professional interviews, the jobs."""

    source: str = ""
    people: int = 0
    trainers: list[tuple[str, ...]] = field(default_factory=list)
    interviews: list[tuple[str, ...]] = field(default_factory=list)
    jobs: dict[str, str] = field(default_factory=dict)
    dates: list[dt.date] = field(default_factory=list)

    def add(
        self,
        context: CollectContext,
        where: str,
        line: int,
        row: tuple[str, ...],
        columns: Mapping[str, int],
    ) -> None:
        """Read one person's row, or report why it is left out."""
        cells = {name: row[index].strip() for name, index in columns.items()}
        last, first = _name(cells)
        if not last:
            context.problem(
                where,
                "salarié sans nom : ligne ignorée",
                "person without a name: row left out",
                line,
            )
            return
        trainer = self._trainer(context, where, line, cells)
        if trainer is None:
            return
        cv, cv_date = cells.get("cv", ""), ""
        ok, cv_day = True, None
        if _datelike(cv):
            ok, cv_day = _date(context, where, line, cv, "date du CV", "CV date")
        ok_update, updated = _date(
            context, where, line, cells.get("mise_a_jour", ""), "date de mise à jour", "update date"
        )
        ok_interview, interview = _date(
            context,
            where,
            line,
            cells.get("entretien", ""),
            "date d'entretien professionnel",
            "professional interview date",
        )
        if not (ok and ok_update and ok_interview):
            return
        if cv_day is not None:
            cv, cv_date = "oui", cv_day.isoformat()
        elif normalize(cv) in _NO:
            cv = ""
        elif normalize(cv) in _YES:
            cv = "oui"
        self.people += 1
        job = cells.get("emploi") or cells.get("role", "")
        full = _full(last, first)
        for key in (full, cells.get("matricule", "")):
            if key:
                self.jobs[normalize(key)] = job
        self.dates += [d for d in (cv_day, updated) if d is not None]
        if interview is not None:
            self.interviews.append(
                (full, job, "Entretien professionnel", interview.isoformat(), "réalisé")
            )
        if trainer:
            self.trainers.append(
                (
                    last,
                    first,
                    job,
                    cells.get("qualifications", ""),
                    cv,
                    cv_date,
                    updated.isoformat() if updated else "",
                    str(line),
                )
            )

    @staticmethod
    def _trainer(
        context: CollectContext, where: str, line: int, cells: Mapping[str, str]
    ) -> bool | None:
        """Whether the person trains: the Formateur column, else the role, else the job;
        ``None`` (reported) for a Formateur cell that is neither yes nor no."""
        if "formateur" in cells:
            value = normalize(cells["formateur"])
            if value in _YES or value in _NO:
                return value in _YES
            if not is_trainer_role(cells["formateur"]):
                context.problem(
                    where,
                    f"colonne Formateur : « {cells['formateur']} » n'est ni oui ni non : "
                    "ligne ignorée",
                    f"Trainer column: '{cells['formateur']}' is neither yes nor no: row left out",
                    line,
                )
                return None
            return True
        return is_trainer_role(cells.get("role", "")) or is_trainer_role(cells.get("emploi", ""))

    def register(self, context: CollectContext, table: Table, offering: str | None) -> Evidence:
        """The trainers register: one row per trainer, counts only in the text."""
        assert context.unit is not None
        with_cv = sum(bool(row[4]) for row in self.trainers)
        with_diploma = sum(bool(row[3]) for row in self.trainers)
        text = (
            f"Registre des intervenants (export SIRH {table.relative}) : "
            f"{self.people} salarié(s) dont {len(self.trainers)} intervenant(s) ; "
            f"{with_cv} avec CV au dossier, {with_diploma} avec diplôme ou qualification "
            "renseigné."
        )
        return Evidence(
            path=f"{NAME}:{table.relative}",
            unit=context.unit.id,
            offering=offering,
            indicators=(21,),
            kind="registre-intervenants",
            date=max(self.dates, default=None),
            mapped_by="plugin",
            collector=context.name,
            read="ok",
            text=text,
            rows=(REGISTER_COLUMNS, *self.trainers),
            note=_note(table),
        )


def _datelike(value: str) -> bool:
    """A CV cell that holds a date rather than oui/non or a file name."""
    return bool(value) and value[0].isdigit() and not value.lower().endswith((".pdf", ".docx"))


# --- Development plan -----------------------------------------------------------------------


@dataclass
class _Plan:
    """The training actions read so far, after the professional interviews."""

    staff: _Staff
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def add(
        self,
        context: CollectContext,
        where: str,
        line: int,
        row: tuple[str, ...],
        columns: Mapping[str, int],
    ) -> None:
        """Read one training action, or report why it is left out."""
        cells = {name: row[index].strip() for name, index in columns.items()}
        last, first = _name(cells)
        who = _full(last, first) or cells.get("matricule", "")
        if not who:
            context.problem(
                where,
                "action de formation sans salarié : ligne ignorée",
                "training action without a person: row left out",
                line,
            )
            return
        if not cells.get("action"):
            context.problem(
                where,
                "action de formation sans intitulé : ligne ignorée",
                "training action without a title: row left out",
                line,
            )
            return
        ok, day = _date(context, where, line, cells.get("date", ""), "date", "date")
        if not ok:
            return
        status = cells.get("statut", "")
        if normalize(status) in _YES:
            status = "réalisée"
        elif normalize(status) in _NO and status:
            status = "prévue"
        job = self.staff.jobs.get(normalize(who)) or self.staff.jobs.get(
            normalize(cells.get("matricule", "")), ""
        )
        self.rows.append((who, job, cells["action"], day.isoformat() if day else "", status))

    def record(
        self, context: CollectContext, source: Table | None, offering: str | None
    ) -> Evidence:
        """The staff development plan: the training actions, then the interviews."""
        assert context.unit is not None
        rows = [*self.rows, *self.staff.interviews]
        days = [dt.date.fromisoformat(row[3]) for row in rows if row[3]]
        done = sum(normalize(row[4]).startswith(("realise", "termine", "effectue")) for row in rows)
        people = len({normalize(row[0]) for row in rows})  # « LAMBERT » and « Lambert »: one
        where = source.relative if source is not None else self.staff.source
        text = (
            f"Plan de développement des compétences (export SIRH {where}) : "
            f"{len(self.rows)} action(s) de formation et {len(self.staff.interviews)} entretien(s) "
            f"professionnel(s) pour {people} salarié(s), {done} réalisé(s)"
            + (f", du {fr_date(min(days))} au {fr_date(max(days))}" if days else "")
            + "."
        )
        return Evidence(
            path=f"{NAME}:{where}" if source is not None else f"{NAME}:{self.staff.source}#plan",
            unit=context.unit.id,
            offering=offering,
            indicators=(22,),
            kind="plan-competences",
            date=max(days, default=None),
            mapped_by="plugin",
            collector=context.name,
            read="ok",
            text=text,
            rows=(PLAN_COLUMNS, *rows),
            note=_note(source) if source is not None else "entretiens de l'export du personnel",
        )


def _note(table: Table) -> str:
    return f"export SIRH {table.relative}" + (
        f" (encodage {table.encoding})" if table.encoding else ""
    )


def _unusable(
    context: CollectContext,
    table: Table,
    kind: str,
    indicators: tuple[int, ...],
    offering: str | None,
) -> Evidence:
    """The record of an export that could not be used (reported): present but unusable."""
    assert context.unit is not None
    return Evidence(
        path=f"{NAME}:{table.relative}",
        unit=context.unit.id,
        offering=offering,
        indicators=indicators,
        kind=kind,
        mapped_by="plugin",
        collector=context.name,
        read="error",
        note=_note(table),
    )
