"""Indicator 21 — Contributors' competences (« Compétences des intervenants »), criterion 5.

Its built-in checks:

* :func:`check_competences_intervenants` — the competences required to deliver the services are
  defined upstream, and the provider verifies that its contributors master them (niveau
  attendu of the guide).
* :func:`check_cv_de_chaque_intervenant` — where the provider keeps a trainers register
  (registre des intervenants), every trainer it names shows a CV, a diploma or qualification,
  an experience or a verification.

The niveau attendu asks for two things, whatever the documents: « les compétences requises …
ont été définies en amont » (a job profile, a competence grid, recruitment criteria, a
subcontracting specification…) and « la maîtrise de ces compétences par les intervenants est
vérifiée » (CVs and diplomas collected, a register or competence matrix filled in, interviews,
observation, supervision…). CVs and a register are evidence examples, not requirements: without
a register, the check says so as a point de vigilance.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rnq.checks.helpers import (
    body,
    current,
    files,
    folded_text,
    readable,
    unreadable_paths,
    where,
    where_kept,
)
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date, parse_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, advise, msg, not_verified
from rnq.match.french import Concept
from rnq.match.questions import document_question, fold, named_question
from rnq.match.tables import columns, tables_in
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "EVIDENCE_ROLES",
    "TRAINER_ROLES",
    "check_competences_intervenants",
    "check_cv_de_chaque_intervenant",
]

#: The namespace of this module's check names (``rnq.checks.staff::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.staff"


# --- trainer tables, read by their headers ---------------------------------------------------

#: The columns that name a trainer (``who``, ``prenom``) and their role, by their headers (an HR
#: export names them in many ways; compared without case or accents); ``line``: the line of the
#: trainer in the export a collector read the register from (rnq-hr), cited by the findings.
TRAINER_ROLES: Mapping[str, tuple[str, ...]] = {
    "who": (
        "nom et prénom", "nom", "intervenant", "formateur", "consultant", "vacataire",
        "accompagnateur", "animateur", "identité", "full name", "name", "trainer", "qui",
    ),
    "prenom": ("prénom", "first name"),
    "line": ("ligne de l'export",),
}  # fmt: skip

#: The columns whose cells show a trainer's competence is verified: CV, diploma or
#: qualification, experience, verification.
EVIDENCE_ROLES: Mapping[str, tuple[str, ...]] = {
    "cv_date": (
        "date du cv", "cv reçu le", "cv à jour au", "cv mis à jour le", "cv daté du",
        "mise à jour du cv", "mise à jour cv", "date cv", "cv date", "cv updated",
    ),
    "cv": ("cv", "curriculum vitae", "curriculum", "cv file"),
    "diploma": (
        "diplôme", "titres", "titre obtenu", "titre professionnel", "qualification",
        "certification", "certif", "habilitation",
        "formation initiale", "niveau de formation", "agrément", "carte professionnelle",
    ),
    "experience": ("expérience", "ancienneté", "années de pratique", "parcours professionnel"),
    "verified": (
        "vérifié", "vérification", "vérif", "justificatif", "justifié", "pièces", "contrôlé",
        "contrôle", "validé", "validation", "preuve", "attestation", "conformité", "évaluation",
        "observation", "entretien",
    ),
}  # fmt: skip

#: The role of a trainer (a register of who does what, without evidence columns).
ROLE_ROLES: Mapping[str, tuple[str, ...]] = {
    "role": (
        "rôle", "fonction", "statut", "poste", "mission", "intervention", "module", "domaine",
        "spécialité", "matière",
    ),
}  # fmt: skip

_HEADER_ROWS = 6  # a title line or two may come before the header row

#: A cell that says nothing is there: empty, a dash, « non reçu », « en attente », « à faire »…
_NOTHING = re.compile(r"[\s\-–—?./*]*|xx+")
_NEGATIVE = re.compile(
    r"(?:non|pas|aucun|aucune|neant|manquant|manquante|absent|absente|nc|n/a|na|nr|tbd|todo|"
    r"en attente|en cours|a faire|a demander|a fournir|a recevoir|a venir|a completer|"
    r"a verifier|a relancer|a obtenir|a trouver|a definir|a voir|a jour\?)"
    r"(?![\w/])(?! de validite)[^\n]{0,40}"
)
#: A trainer's row that is a placeholder, not a trainer (« Nouveau vacataire (à trouver) »).
_NOT_A_TRAINER = re.compile(
    r"\b(?:a trouver|a recruter|a definir|a nommer|a pourvoir|vacant|xx+|total)\b"
)
#: A CV cell that names a file (the CV must then be among the CVs filed).
_FILE = re.compile(r"(?:[/\\]|\.[a-z0-9]{2,4}$)")


def _says_something(cell: str) -> bool:
    """Whether a cell holds something rather than nothing or « non reçu »."""
    folded = fold(cell).strip()
    return not (_NOTHING.fullmatch(folded) or _NEGATIVE.fullmatch(folded))


@dataclass(frozen=True)
class _Trainer:
    """One trainer of a register: name, line in the sheet (None in a text table), cells."""

    name: str
    line: int | None
    cv: str
    cv_date: str
    #: the cells of the other evidence columns (diploma, experience, verification)
    others: tuple[str, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        """Every evidence cell of the trainer's row."""
        return (self.cv, self.cv_date, *self.others)


@dataclass(frozen=True)
class _Register:
    """A table of trainers: its trainers, and whether it has evidence columns."""

    trainers: tuple[_Trainer, ...]
    with_evidence: bool


def _header(cells: Sequence[str]) -> tuple[dict[str, int], dict[int, str]] | None:
    """The columns of a trainers table's header row: who (and first name) and the evidence
    columns (index → role); None for a row that names no trainer, or neither evidence nor a
    role."""
    who = columns(cells, TRAINER_ROLES)
    if "who" not in who:
        return None
    taken = set(who.values())
    evidence: dict[int, str] = {}
    has_role = False
    for index, cell in enumerate(cells):
        if index in taken:
            continue
        found = columns([cell], EVIDENCE_ROLES)
        if found:
            evidence[index] = next(iter(found))
        elif columns([cell], ROLE_ROLES):
            has_role = True
    if not evidence and not has_role:
        return None
    return who, evidence


def _cell(row: Sequence[str], index: int | None) -> str:
    return str(row[index]).strip() if index is not None and index < len(row) else ""


def _registers(text: str | None, rows: Sequence[Sequence[str]] | None) -> list[_Register]:
    """The trainers tables of a document: a header naming the trainers and their evidence or
    role, then one row per trainer (line numbers for a sheet's own rows)."""
    found: list[_Register] = []
    sheet = bool(rows)  # a sheet's rows, else the tables written in the text
    for table in tables_in(None, rows) if rows else tables_in(text, None):
        for start, cells in enumerate(table[:_HEADER_ROWS]):
            head = _header(cells)
            if head is None:
                continue
            who, evidence = head
            trainers = tuple(_trainers(table, start, who, evidence, sheet))
            found.append(_Register(trainers, bool(evidence)))
            break
    return found


def _trainers(
    table: Sequence[Sequence[str]],
    start: int,
    who: Mapping[str, int],
    evidence: Mapping[int, str],
    sheet: bool,
) -> Iterable[_Trainer]:
    for index in range(start + 1, len(table)):
        row = table[index]
        name = " ".join(x for x in (_cell(row, who.get("prenom")), _cell(row, who["who"])) if x)
        if not name or _NOT_A_TRAINER.search(fold(name)):
            continue
        cv = [i for i, role in evidence.items() if role == "cv"]
        dated = [i for i, role in evidence.items() if role == "cv_date"]
        line = _cell(row, who.get("line"))
        yield _Trainer(
            name,
            int(line) if line.isdigit() else index + 1 if sheet else None,
            _cell(row, cv[0]) if cv else "",
            _cell(row, dated[0]) if dated else "",
            tuple(_cell(row, i) for i in evidence if i not in cv[:1] + dated[:1]),
        )


_REGISTER = named_question(__name__, "register")


@document_question(_REGISTER)
def _filled_register(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether the document holds a trainers table in which some trainer has a CV, a diploma,
    an experience or a verification written in."""
    return any(
        any(_says_something(cell) for trainer in register.trainers for cell in trainer.cells)
        for register in _registers(text, rows)
    )


_FILLED_REGISTER = Reader(_REGISTER)


# --- what the niveau attendu asks, as providers write it --------------------------------------

#: Words that say the text is about learners, not contributors.
_LEARNERS = (
    "stagiaire", "stagiaires", "apprenant", "apprenants", "apprenti", "apprentis", "élève",
    "élèves", "participant", "participants", "bénéficiaire", "bénéficiaires", "fin formation",
    "issue formation",
)  # fmt: skip

#: The competences required, defined upstream: job profiles, requirements, competence grids,
#: recruitment criteria, a subcontractor's specification.
_DEFINED = Concept.of(
    "compétence|compétences requis|requise|attendu|exigé|nécessaire|indispensable",
    "compétence|compétences clés|minimales|obligatoires",
    "profil requis|requise|recherché|attendu|exigé|souhaité|type",
    "profil intervenant|formateur|consultant|accompagnateur|vacataire|animateur|enseignant",
    "profil|profils poste|postes",
    "fiche|fiches poste|fonction|profil|métier",
    "description|descriptions poste|fonction",
    "référentiel compétences|métier",
    "matrice|matrices|cartographie compétences",
    "grille|grilles compétences formateur|intervenant|consultant|équipe|requises|poste",
    "critère|critères recrutement|sélection|choix",
    "exigence|exigences formateur|intervenant|consultant|accompagnateur|profil|recrutement",
    "exigence|exigences définies|fixées",
    "qui peut accompagner|animer|intervenir|former|enseigner",
    "faut maîtriser|connaître",
    "doit|doivent justifier|maîtriser|connaître|titulaire",
    "diplôme|titre|qualification|habilitation|niveau exigé|requis|requise|minimum",
    "prérequis formateur|intervenant|consultant|animer|intervenir",
    "besoin|besoins compétences|recrutement",
    "définir|définition besoin|profil|compétences",
    "cahier des charges",
    r"re:\b(?:au moins|minimum|min\.?) (?:de )?\d+ ?(?:ans?|annees?|heures)\b",
    r"re:\b\d+ ?(?:ans?|annees?) (?:minimum|au moins)\b",
    r"re:\b\d+ ?(?:ans?|annees?) d'experience (?:minimum|exigee?s?|requise?s?)\b",
    unless=_LEARNERS,
)

#: Contributors, in a regular expression over folded text (their forms and inclusive writing).
_STAFF = (
    r"(?:format(?:eur|rice)|intervenant|consultant|vacataire|sous-traitant|accompagnat(?:eur|rice)"
    r"|prestataire|animat(?:eur|rice)|enseignant|tut(?:eur|rice))(?:[(·.\-/]?(?:e|rice|trice)\)?)?"
)

#: The mastery verified: CVs and diplomas collected and checked, interviews, observation,
#: supervision, certifications held.
_VERIFIED = Concept.of(
    "vérifier",
    "vérifions",
    "vérification|vérifications diplôme|diplômes|pièces|compétences|CV|habilitations",
    "vérification|vérifications justificatifs|références|qualifications|certificats|titres",
    "contrôle|contrôler diplôme|CV|pièces|compétences|habilitations|justificatifs",
    "copie|copies diplôme|habilitation|certificat|titre|carte",
    "justificatif|justificatifs",
    "pièces justificatives",
    "CV reçu|jour|daté|fourni|collecté|transmis|joint|actualisé|demandé|vérifié",
    "CV formateur|intervenant|consultant|vacataire|chaque|intervenants|formateurs",
    "CV mis jour",
    "entretien|entretiens annuel|professionnel|recrutement|embauche|technique|évaluation",
    "visite|visites classe|salle|séance",
    "entretien|entretiens responsable pédagogique",
    "bilan annuel collaboration|intervention|intervenant",
    "observation|observations salle|séance|session|formation|pratique",
    r"re:\b(?:evaluations?|evaluer|evaluons|evaluee?s?) (?:annuelles? )?(?:des |du |de la |de l'"
    r"|les |le |la |l'|chaque |nos |ses )?" + _STAFF,
    r"re:\b" + _STAFF + r"s? (?:sont|est|seront|sera|ont ete|a ete)(?: \w+)? "
    r"(?:evalue|observe|supervise|verifie|controle)e?s?\b",
    "suivi habilitations|recyclages|certifications|validité",
    "supervision",
    "superviser",
    "habilité",
    "en cours de validité",
    "quiz validation|réussi",
    "avis favorable",
    "dossier intervenant|formateur|consultant|vacataire|accompagnateur",
    "recyclage|recyclages",
    "mes justificatifs",
    "co-animation",
)

#: The same, in words that are also said of learners' assessment (not when learners are named).
_VERIFIED_STAFF = Concept.of(
    "mise|mises en situation animation|pédagogique|professionnelle|recrutement",
    "compétences confirmé|validé|vérifié|évalué|contrôlé",
    "attestation|attestations formation|employeur|employeurs|expérience",
    "certificat|certificats formateur|valide|validité",
    unless=_LEARNERS,
)


#: How a document says each item of indicator 21 (``items:`` of ``indicators/21.yaml``); the
#: CVs' dates (``cv-a-jour``) are read by :func:`check_cv_de_chaque_intervenant`.
CONCEPTS: dict[str, Finder] = {
    "competences-definies": _DEFINED,
    "maitrise-verifiee": (_VERIFIED, _VERIFIED_STAFF, _FILLED_REGISTER),
    "registre-intervenants": _FILLED_REGISTER,
}


# --- the checks --------------------------------------------------------------------------------


def _cvs(evidence: Iterable[Evidence]) -> list[Evidence]:
    """The CVs filed (kind cv), readable or not: a scanned CV is still a CV."""
    return [e for e in evidence if e.kind == "cv" and e.read != "error"]


@mark.verifies("competences-intervenants")
def check_competences_intervenants(
    unit: Unit,
    evidence: EvidenceSet,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les compétences requises sont définies en amont et leur maîtrise par les intervenants est
    vérifiée.

    Montrez comment vous définissez les compétences attendues pour chaque prestation (fiches de
    poste, profils requis, grille ou matrice de compétences, critères de recrutement, cahier des
    charges d'un sous-traitant) et comment vous vérifiez que chaque intervenant, salarié ou
    externe, les maîtrise (CV et diplômes recueillis et contrôlés, registre ou matrice des
    intervenants, entretien, mise en situation, observation, supervision). Les CV déposés
    (kind: cv) montrent la vérification. Un brouillon ou un modèle vide ne prouve rien.

    EN: The competences required are defined upstream and the provider verifies that its
    contributors master them.

    Show how you define the competences expected for each service (job descriptions, required
    profiles, a competence grid or matrix, recruitment criteria, a subcontractor's specification)
    and how you verify that each contributor, employee or external, masters them (CVs and diplomas
    collected and checked, trainers register or matrix, interview, trial session, observation,
    supervision). The CVs filed (kind: cv) show the verification. A draft or an empty template
    proves nothing.
    """
    docs = readable(evidence, 21)
    cvs = _cvs(evidence)
    only = ["competences-definies"]
    if not cvs:
        only.append("maitrise-verifiee")
    read = docs.filter(lambda e: e.kind != "cv")  # a CV says what its author did, not the rule
    if not read:
        raise Gap(
            msg(
                f"Compétences des intervenants pour la {where(unit).fr} : seuls des CV sont "
                f"déposés ({files([e.path for e in cvs])}) — rien ne montre les compétences "
                "requises définies en amont (profil de poste, grille de compétences, critères de "
                "recrutement).",
                f"Contributors' competences for {where(unit).en}: only CVs are filed "
                f"({files([e.path for e in cvs])}) — nothing shows the required competences "
                "defined upstream (job profile, competence grid, recruitment criteria).",
            ),
            evidence=docs.paths(),
            items=["competences-definies"],
        )
    folded_text(read, unit)
    try:
        judge(
            read,
            CONCEPTS,
            indicator=21,
            referential=referential,
            facts=facts,
            target=unit,
            only=only,
            subject=msg("Compétences des intervenants", "Contributors' competences"),
        )
    except Gap as gap:
        _unless_unreadable(gap, evidence, unit)
        raise


def _unless_unreadable(gap: Gap, evidence: EvidenceSet, unit: Unit) -> None:
    """Not verified rather than a gap when some evidence for 21 other than a CV could not be
    read (a scan may hold what is missing)."""
    unread = [
        p for p in unreadable_paths(evidence, 21) if p not in {e.path for e in _cvs(evidence)}
    ]
    if unread:
        place = where(unit)
        not_verified(
            msg(
                f"{gap.message.fr} — {len(unread)} document(s) illisible(s) ({place.fr}) "
                "peuvent le contenir.",
                f"{gap.message.en} — {len(unread)} unreadable document(s) ({place.en}) may "
                "hold it.",
            ),
            evidence=unread,
        )


_EXPECTED = msg(
    "nom de l'intervenant, et CV, diplôme ou qualification, expérience ou vérification",
    "the trainer's name, and CV, diploma or qualification, experience or verification",
)


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
    """Chaque intervenant du registre des intervenants a un CV, une qualification ou une
    vérification.

    Où vous tenez un registre des intervenants (CSV, XLSX ou tableau : nom, et CV, diplôme ou
    qualification, expérience, vérification), chaque intervenant qu'il nomme doit montrer de
    quoi vérifier sa maîtrise : une colonne renseignée, ou son CV déposé (nommé avec son nom,
    cité dans le registre, ou qui le nomme). Le registre lui-même et la date des CV
    (« freshness: {cv: N} ») sont des points de vigilance. Un registre lu dans l'export d'un
    SIRH (extension rnq-hr) remplace, pour les intervenants qu'il nomme, leurs lignes d'un
    registre tenu à la main ; les autres lignes de celui-ci restent lues. Les constats ne citent
    que les noms et les chemins, jamais le contenu d'un CV.

    EN: Every trainer of the trainers register has a CV, a qualification or a verification.

    Where you keep a trainers register (CSV, XLSX or table: name, and CV, diploma or
    qualification, experience, verification), every trainer it names must show what verifies
    their mastery: a column filled in, or their CV filed (named after them, cited in the register,
    or naming them). The register itself and the CVs' dates ("freshness: {cv: N}") are points of
    vigilance. A register read from an HR system's export (the rnq-hr plugin) replaces, for the
    trainers it names, their rows of a hand-kept register; its other rows are still read.
    Findings only cite names and paths, never the content of a CV.
    """
    docs = readable(evidence, 21)
    central = {u.id for u in config.units if u.central}
    registers: list[tuple[Evidence, _Register]] = []
    unread: list[Evidence] = []
    for item in docs:
        if not item.usable:
            continue
        found = [
            r
            for r in _registers(item.text, item.rows)
            if r.with_evidence or item.kind == "registre-intervenants"
        ]
        registers += [(item, r) for r in found]
        if not found and item.kind == "registre-intervenants":
            unread.append(item)
    if unread:
        _unread_registers(unit, unread, config)
    if not registers:
        _no_register(unit, docs, config)
        return
    months = freshness.get("cv")
    exported = _exported(registers)
    for item, register in registers:
        pool = all_evidence if item.unit in central else evidence
        cvs = _cvs(pool)
        for trainer in register.trainers:
            if not _from_export(item) and _person(trainer.name) in exported:
                continue  # the HR export's row replaces the hand-kept one
            with subchecks.item(f"{trainer.name} — {item.path}"):
                _judge_trainer(trainer, item.path, cvs, months, audit_date)


def _from_export(item: Evidence) -> bool:
    """Whether a register comes from a collector's export (an HR system), not a hand-kept file."""
    return item.kind == "registre-intervenants" and item.mapped_by == "plugin"


def _person(name: str) -> frozenset[str]:
    """A trainer's name as a set of words: « Élodie Lambert » is « LAMBERT Elodie »."""
    return frozenset(_tokens(name) - {"mme", "mr", "m", "mlle", "dr"})


def _exported(registers: Sequence[tuple[Evidence, _Register]]) -> set[frozenset[str]]:
    """The trainers named by the registers collected from an export: a hand-kept register's row
    for one of them is not judged again (the export replaces the spreadsheet); the trainers
    only the spreadsheet names (freelancers outside the HR system) are judged from it."""
    return {
        _person(trainer.name)
        for item, register in registers
        if _from_export(item)
        for trainer in register.trainers
    }


def _unread_registers(unit: Unit, items: list[Evidence], config: WorkspaceConfig) -> None:
    place = where_kept(unit, items, config)
    advise(
        msg(
            f"Registre des intervenants non lu comme tableau ({place.fr}) : en-têtes attendus "
            f"{_EXPECTED.fr} (CSV, XLSX ou tableau) — à confirmer à la main.",
            f"Trainers register not read as a table ({place.en}): expected headers "
            f"{_EXPECTED.en} (CSV, XLSX or table) — to confirm by hand.",
        ),
        confirm=True,
        items=["registre-intervenants"],
        evidence=[e.path for e in items],
        key="registre-illisible",
    )


def _no_register(unit: Unit, docs: EvidenceSet, config: WorkspaceConfig) -> None:
    place = where_kept(unit, docs, config)
    advise(
        msg(
            f"Point de vigilance ({place.fr}) — aucun registre des intervenants lu (nom, CV, "
            "diplôme ou qualification, vérification). C'est une règle indicative de rnq, pas une "
            "exigence : l'auditeur échantillonne les intervenants, une liste à jour aide à "
            "montrer la vérification de chacun.",
            f"Point of vigilance ({place.en}) — no trainers register read (name, CV, diploma or "
            "qualification, verification). This is a rule of thumb of rnq, not a requirement: "
            "the auditor samples contributors, a current list helps show each one is verified.",
        ),
        items=["registre-intervenants"],
        evidence=docs.paths(),
        key="registre-intervenants",
    )


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
    """The CV evidence whose path, or else whose text, holds every word of the trainer's name."""
    words = _tokens(name) - {"mme", "mr", "m", "mlle", "dr"}
    if not words:
        return None
    for cv in cvs:
        if words <= _tokens(cv.path):
            return cv
    for cv in cvs:
        if cv.usable and words <= set(re.findall(r"[a-z0-9]+", body(cv)[:3000])):
            return cv
    return None


def _judge_trainer(
    trainer: _Trainer,
    register: str,
    cvs: Sequence[Evidence],
    months: int | None,
    audit_date: dt.date,
) -> None:
    """One trainer of a register: a CV found (file, date, or named), or another column showing
    the verification (diploma, experience, verification)."""
    name = trainer.name
    at = (
        msg(f"{register}, ligne {trainer.line}", f"{register}, line {trainer.line}")
        if trainer.line is not None
        else msg(register, register)
    )
    cell = trainer.cv
    declared = _is_date(trainer.cv_date) or _is_date(cell)
    shown = any(_says_something(c) for c in trainer.others) or (
        declared is None and _says_something(trainer.cv_date)
    )
    found = None
    if declared is None and _FILE.search(fold(cell)):
        found = _cv_named(cell, cvs)
        if found is None and not shown:
            raise Gap(
                msg(
                    f"Intervenant « {name} » : le CV « {cell} » cité au registre est introuvable "
                    f"parmi les CV déposés ({at.fr}).",
                    f"Trainer '{name}': the CV '{cell}' named in the register is not among the "
                    f"CVs filed ({at.en}).",
                ),
                evidence=[register],
                items=["maitrise-verifiee"],
            )
    elif _says_something(cell):
        shown = True
    found = found or _cv_of(name, cvs)
    if found is None and declared is None and not shown:
        raise Gap(
            msg(
                f"Intervenant « {name} » : ni CV, ni diplôme ou qualification, ni vérification "
                f"({at.fr}).",
                f"Trainer '{name}': neither a CV, nor a diploma or qualification, nor a "
                f"verification ({at.en}).",
            ),
            evidence=[register],
            items=["maitrise-verifiee"],
        )
    date = declared or (found.date if found else None)
    if (
        months is not None
        and date is not None
        and not current("cv", date, None, {}, audit_date, months)
    ):
        paths = [register, *([found.path] if found else [])]
        advise(
            msg(
                f"Point de vigilance — intervenant « {name} » : CV daté du {fr_date(date)}, plus "
                f"de {months} mois avant l'audit ({at.fr}). C'est une règle indicative de rnq "
                "(fraîcheur), pas une exigence.",
                f"Point of vigilance — trainer '{name}': CV dated {date.isoformat()}, over "
                f"{months} months before the audit ({at.en}). This is a rule of thumb of rnq "
                "(freshness), not a requirement.",
            ),
            items=["cv-a-jour"],
            evidence=paths,
            key=f"cv-a-jour:{name}",
        )
