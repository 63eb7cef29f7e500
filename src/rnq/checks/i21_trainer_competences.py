"""Indicator 21 — Contributors' competences (« Compétences des intervenants »), criterion 5.

Its built-in checks:

* :func:`check_cv_de_chaque_intervenant` — every trainer in the trainers register (registre des
  intervenants) has an up-to-date CV or a qualification.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rnq.checks.helpers import current, readable, where_kept
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date, match_columns, parse_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, msg, not_verified
from rnq.match.questions import fold
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["TRAINER_COLUMNS", "check_cv_de_chaque_intervenant"]

#: The namespace of this module's check names (``rnq.checks.staff::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.staff"


#: Headers accepted for each column of the trainers register (compared without case or accents).
TRAINER_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "nom": (
        "nom et prénom", "nom prénom", "prénom et nom", "prénom nom", "nom complet",
        "nom de l'intervenant", "nom du formateur", "nom de la formatrice", "nom",
        "intervenant", "intervenante", "formateur", "formatrice", "full name", "name", "trainer",
    ),
    "prenom": ("prénom", "first name"),
    "role": (
        "rôle", "role", "fonction", "statut", "qualité", "poste", "mission", "intervention",
        "type d'intervention",
    ),
    "cv": (
        "fichier cv", "cv fichier", "fichier du cv", "chemin du cv", "lien cv", "lien vers le cv",
        "lien du cv", "cv joint", "cv", "curriculum vitae", "cv file",
    ),
    "cv_date": (
        "date du cv", "date cv", "cv à jour au", "cv mis à jour le", "cv daté du",
        "date de mise à jour du cv", "mise à jour du cv", "mise à jour cv", "cv date",
        "cv updated",
    ),
    "qualification": (
        "qualification", "qualifications", "diplôme ou qualification", "diplôme", "diplômes",
        "titre", "certification", "habilitation",
    ),
}  # fmt: skip


_EXPECTED = msg(
    "nom, rôle, CV (fichier ou date) ou qualification",
    "name (nom), role (rôle), CV (file or date) or qualification",
)


_HEADER_ROWS = 5  # a title line or two may come before the header row


@dataclass(frozen=True)
class _Register:
    """A trainers register: its evidence, the header row's index and the columns found."""

    item: Evidence
    header: int
    columns: dict[str, int]

    def trainers(self) -> Iterable[tuple[int, dict[str, str]]]:
        """``(line, cells)`` of each row naming a trainer (line 1 = the file's first row)."""
        rows = self.item.rows or ()
        for index in range(self.header + 1, len(rows)):
            row = rows[index]
            cells = {
                name: row[i].strip() if i < len(row) else "" for name, i in self.columns.items()
            }
            if cells.get("nom") or cells.get("prenom"):
                yield index + 1, cells


def _register(item: Evidence) -> _Register | None:
    """The register read from ``item``'s rows, if a header row names the trainers and one
    more column (rôle, CV, qualification…)."""
    rows = item.rows or ()
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        columns = match_columns(row, TRAINER_COLUMNS)
        if "nom" in columns and len(columns) >= 2:  # a header, not a trainer's row
            return _Register(item, index, columns)
    return None


def _is_date(text: str) -> dt.date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[^a-z0-9]+", fold(text)) if len(t) >= 2}


def _cv_named(cell: str, cvs: Sequence[Evidence]) -> Evidence | None:
    """The CV evidence the register's CV cell names (a file name or a path)."""
    wanted = fold(cell.replace("\\", "/")).strip().strip("/")
    base = wanted.rsplit("/", 1)[-1]
    for cv in cvs:
        path = fold(cv.path)
        if path.endswith(wanted) or path.rsplit("/", 1)[-1] == base:
            return cv
    return None


def _cv_of(name: str, cvs: Sequence[Evidence]) -> Evidence | None:
    """The CV evidence whose path holds every word of the trainer's name."""
    words = _tokens(name)
    if not words:
        return None
    for cv in cvs:
        if words <= _tokens(cv.path):
            return cv
    return None


@mark.verifies("competences-intervenants")
def check_cv_de_chaque_intervenant(
    unit: Unit,
    evidence: EvidenceSet,
    all_evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
    subchecks: Subchecks,
) -> None:
    """Chaque intervenant du registre des intervenants a un CV à jour ou une qualification.

    Tenez un registre des intervenants (CSV ou XLSX : nom, rôle, fichier ou date du CV) et
    déposez le CV de chacun (nommé avec son nom, ou cité dans le registre) parmi les preuves de
    l'indicateur 21 ; remplacez les CV trop anciens. Les constats ne citent que les noms et les
    chemins, jamais le contenu d'un CV.

    EN: Every trainer in the trainers register (registre des intervenants) has an up-to-date CV or a
    qualification.

    Keep a trainers register (CSV or XLSX: name, role, CV file or date) and add each trainer's CV
    (named after them, or cited in the register) to the evidence for indicator 21; replace CVs that
    are too old. Findings only cite names and paths, never the content of a CV.
    """
    docs = readable(evidence, 21)
    central = {u.id for u in config.units if u.central}
    tables = [e for e in docs if e.rows is not None]
    registers = [r for r in map(_register, tables) if r is not None]
    named = [
        e
        for e in docs
        if e.kind == "registre-intervenants" and not any(r.item is e for r in registers)
    ]
    if named and not registers:
        not_verified(
            msg(
                f"Registre des intervenants illisible comme tableau ou en-têtes non reconnus "
                f"({where_kept(unit, named, config).fr}) : en-têtes attendus {_EXPECTED.fr} "
                "(CSV ou XLSX).",
                f"Trainers register not readable as a table or headers not recognised "
                f"({where_kept(unit, named, config).en}): expected headers {_EXPECTED.en} "
                "(CSV or XLSX).",
            ),
            evidence=[e.path for e in named],
        )
    if not registers:
        attested = [e for e in docs if e.kind == "attestation"]
        assert attested, msg(
            f"Aucun registre des intervenants ({where_kept(unit, docs, config).fr}) : rien ne "
            "montre que chaque intervenant a un CV ou une qualification à jour.",
            f"No trainers register ({where_kept(unit, docs, config).en}): nothing shows that "
            "every trainer has a current CV or qualification.",
        )
        return
    months = freshness.get("cv")
    for register in registers:
        pool = all_evidence if register.item.unit in central else evidence
        cvs = [e for e in pool if e.kind == "cv" and e.read != "error"]
        trainers = list(register.trainers())
        if not trainers:
            with subchecks.item(register.item.path):
                raise Gap(
                    msg(
                        f"Le registre des intervenants {register.item.path} ne nomme aucun "
                        "intervenant.",
                        f"The trainers register {register.item.path} names no trainer.",
                    ),
                    evidence=[register.item.path],
                )
        for line, cells in trainers:
            name = " ".join(x for x in (cells.get("prenom", ""), cells.get("nom", "")) if x)
            with subchecks.item(f"{name} — {register.item.path}"):
                _judge_trainer(name, line, cells, register.item.path, cvs, months, audit_date)


def _judge_trainer(
    name: str,
    line: int,
    cells: Mapping[str, str],
    register: str,
    cvs: Sequence[Evidence],
    months: int | None,
    audit_date: dt.date,
) -> None:
    """One trainer of the register: a CV found (file or date), or a qualification."""
    at = msg(f"{register}, ligne {line}", f"{register}, line {line}")
    cell = cells.get("cv", "")
    declared = _is_date(cells.get("cv_date", "")) or _is_date(cell)
    found = None
    if cell and declared is None and not re.fullmatch(r"(?i)oui|yes|x|ok|fourni|recu|reçu", cell):
        found = _cv_named(cell, cvs)
        if found is None and not cells.get("qualification"):
            raise Gap(
                msg(
                    f"Intervenant « {name} » : le CV « {cell} » cité au registre est introuvable "
                    f"parmi les CV déposés ({at.fr}).",
                    f"Trainer '{name}': the CV '{cell}' named in the register is not among the "
                    f"CVs filed ({at.en}).",
                ),
                evidence=[register],
            )
    found = found or _cv_of(name, cvs)
    date = declared or (found.date if found else None)
    if found is None and declared is None:
        if not cells.get("qualification"):
            raise Gap(
                msg(
                    f"Intervenant « {name} » : ni CV ni qualification ({at.fr}).",
                    f"Trainer '{name}': neither a CV nor a qualification ({at.en}).",
                ),
                evidence=[register],
            )
        return
    if months is not None and date is not None:
        paths = [register, *([found.path] if found else [])]
        if not current("cv", date, None, {"cv": months}, audit_date):
            raise Gap(
                msg(
                    f"Intervenant « {name} » : CV daté du {fr_date(date)}, plus de {months} mois "
                    f"avant l'audit ({at.fr}) — règle de fraîcheur indicative.",
                    f"Trainer '{name}': CV dated {date.isoformat()}, over {months} months before "
                    f"the audit ({at.en}) — freshness is a heuristic.",
                ),
                evidence=paths,
            )
