"""Indicator 31 — Handling difficulties, complaints and incidents (« Traitement des difficultés,
réclamations et aléas »), criterion 7.

Its built-in checks:

* :func:`check_procedure_reclamations` — a procedure handles stakeholders' difficulties,
  complaints and contingencies (aléas).
* :func:`check_reclamations_dans_les_delais` — every complaint in the register was answered
  within the time set by the procedure.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from rnq.checks.helpers import (
    Term,
    labels,
    mentions,
    missing_terms,
    readable,
    remember,
    text_of,
    where_kept,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date, match_columns, parse_date
from rnq.dates import add_months
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, msg, not_verified
from rnq.match.questions import fold
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = [
    "COMPLAINT_COLUMNS",
    "DEFAULT_DELAY_DAYS",
    "Delay",
    "check_procedure_reclamations",
    "check_reclamations_dans_les_delais",
    "response_delay",
]

#: The namespace of this module's check names (``rnq.checks.complaints::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.complaints"


DEFAULT_DELAY_DAYS = 30


#: Headers accepted for each column of the complaints register (without case or accents).
COMPLAINT_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "date_reception": (
        "date de réception", "date réception", "date_reception", "reçue le", "reçu le",
        "réception", "date de la réclamation", "date réclamation", "date d'ouverture",
        "ouverte le", "ouvert le", "date de création", "créée le", "créé le", "date",
        "date received", "received on", "received", "created on", "created",
    ),
    "objet": (
        "objet", "objet de la réclamation", "sujet", "motif", "titre", "résumé", "subject",
        "description",
    ),
    "date_reponse": (
        "date de réponse", "date réponse", "date_reponse", "date de la réponse", "répondu le",
        "répondue le", "réponse le", "réponse envoyée le", "date de clôture", "clôturée le",
        "clôturé le", "clos le", "close le", "response date", "answered on", "answered",
        "closed on", "closed",
    ),
    "statut": ("statut", "état", "status", "state"),
}  # fmt: skip


_EXPECTED = msg(
    "date de réception, objet, date de réponse (vide si sans réponse)",
    "reception date (date de réception), subject (objet), response date (date de réponse, "
    "empty when not answered)",
)


_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30, "quarante-huit": 48,
    "quarante huit": 48, "soixante": 60,
}  # fmt: skip


_DELAY = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s*"
    r"(?P<u>jours?|j\b|heures?|h\b|semaines?|mois)"
    r"(?:\s+(?P<q>ouvres|ouvrables|calendaires|francs))?"
)


_ANSWER_CUE = re.compile(r"repon|reponse|repond|traite|traitement|clotur|resol|solution|apporte")


_ACK_CUE = re.compile(r"accus|receptionn|enregistr|prise en compte|acquitt")


@dataclass(frozen=True)
class Delay:
    """The response delay for complaints: an amount, its unit and where it was read."""

    amount: int
    unit: str  # jours, ouvres, ouvrables, heures, semaines, mois
    source: str | None = None

    def deadline(self, received: dt.date) -> dt.date:
        """The last day an answer to a complaint received on ``received`` is in time."""
        if self.unit == "ouvres":
            return _add_business_days(received, self.amount, saturday=False)
        if self.unit == "ouvrables":
            return _add_business_days(received, self.amount, saturday=True)
        if self.unit == "heures":
            return received + dt.timedelta(days=math.ceil(self.amount / 24))
        if self.unit == "semaines":
            return received + dt.timedelta(weeks=self.amount)
        if self.unit == "mois":
            return add_months(received, self.amount)
        return received + dt.timedelta(days=self.amount)

    def label(self) -> Localized:
        """« 15 jours ouvrés » / "15 working days"."""
        fr = {
            "jours": "jours", "ouvres": "jours ouvrés", "ouvrables": "jours ouvrables",
            "heures": "heures", "semaines": "semaines", "mois": "mois",
        }[self.unit]  # fmt: skip
        en = {
            "jours": "days", "ouvres": "working days", "ouvrables": "business days (Mon-Sat)",
            "heures": "hours", "semaines": "weeks", "mois": "months",
        }[self.unit]  # fmt: skip
        return msg(f"{self.amount} {fr}", f"{self.amount} {en}")

    def origin(self) -> Localized:
        """Where the delay comes from, for the finding."""
        if self.source is None:
            return msg(
                "délai par défaut, aucun délai lu dans la procédure",
                "default delay, none read in the procedure",
            )
        return msg(f"délai fixé par {self.source}", f"delay set by {self.source}")


def _easter(year: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    line = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * line) // 451
    month, day = divmod(h + line - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[dt.date]:
    """French public holidays (metropolitan France) of ``year``."""
    easter = _easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    moving = [easter + dt.timedelta(days=n) for n in (1, 39, 50)]
    return frozenset([dt.date(year, m, d) for m, d in fixed] + moving)


def _add_business_days(start: dt.date, count: int, *, saturday: bool) -> dt.date:
    """``count`` working days after ``start`` (Monday-Friday, or -Saturday; holidays off)."""
    day = start
    last = 5 if saturday else 4
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() <= last and day not in _holidays(day.year):
            count -= 1
    return day


def response_delay(text: str, source: str | None = None) -> Delay | None:
    """The answer delay a complaints procedure sets, read from its (folded) text.

    The delay retained is the first one introduced by an answer cue (« réponse sous 15 jours
    ouvrés », « traitement dans un délai de 30 jours »), not an acknowledgement (« accusé de
    réception sous 48 heures »).

    >>> response_delay("accuse de reception sous 48 h ; reponse sous 10 jours ouvres").label().fr
    '10 jours ouvrés'
    """
    for match in _DELAY.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()]
        answer = [m.end() for m in _ANSWER_CUE.finditer(before)]
        ack = [m.end() for m in _ACK_CUE.finditer(before)]
        answers = bool(answer) and (not ack or answer[-1] > ack[-1])
        bare = not ack and "delai" in before[-40:]  # « Délai maximum : 30 jours »
        if not (answers or bare):
            continue
        raw = match["n"]
        amount = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        if amount == 0:
            continue
        unit = match["u"]
        if unit.startswith("h"):
            kind = "heures"
        elif unit.startswith("s"):
            kind = "semaines"
        elif unit == "mois":
            kind = "mois"
        else:
            kind = {"ouvres": "ouvres", "ouvrables": "ouvrables"}.get(match["q"] or "", "jours")
        return Delay(amount, kind, source)
    return None


def _procedures(docs: EvidenceSet) -> list[Evidence]:
    """Written complaints procedures: text documents (not tables, not attestations) of kind
    procedure, or speaking of complaints."""
    return [
        e
        for e in docs
        if e.kind != "attestation"
        and remember(e, "\x00written", partial(_written, e))
        and (e.kind == "procedure" or remember(e, "\x00complaints", partial(_complaints, e)))
    ]


def _written(item: Evidence) -> bool:
    return item.rows is None and bool(item.text)


def _complaints(item: Evidence) -> bool:
    return mentions(fold(item.text or ""), r"reclamation", r"plainte")


_PROCEDURE_TERMS = (
    Term.of("réclamations", "complaints", r"reclamation", r"plainte"),
    Term.of(
        "difficultés rencontrées par les parties prenantes",
        "difficulties met by stakeholders",
        r"difficulte",
    ),
    Term.of(
        "aléas survenus en cours de prestation",
        "incidents during the service",
        r"\balea",
        r"\bincident",
        r"\bimprevu",
        r"dysfonctionnement",
        r"absence (d'un|du|de la) (formateur|formatrice|intervenant)",
    ),
)


@mark.verifies("traitement-reclamations")
def check_procedure_reclamations(
    unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig
) -> None:
    """Une procédure traite les difficultés des parties prenantes, les réclamations et les aléas.

    Déposez la procédure de traitement des réclamations (kind: procedure), qui couvre aussi les
    difficultés des parties prenantes et les aléas (absence d'un formateur, panne de la
    plateforme…) et fixe le délai de réponse (« réponse sous 15 jours ouvrés »).

    EN: A procedure handles stakeholders' difficulties, complaints and contingencies (aléas).

    Add the complaints-handling procedure (kind: procedure), which also covers the stakeholders'
    difficulties and contingencies (a trainer's absence, a platform outage…) and sets the response
    time ("réponse sous 15 jours ouvrés": an answer within 15 working days).
    """
    docs = readable(evidence, 31)
    procedures = _procedures(docs)
    if not procedures:
        place = where_kept(unit, docs, config)
        raise Gap(
            msg(
                f"Aucune procédure de traitement des réclamations, difficultés et aléas parmi "
                f"les preuves de l'indicateur 31 ({place.fr}).",
                f"No procedure for handling complaints, difficulties and incidents among the "
                f"evidence for indicator 31 ({place.en}).",
            ),
            evidence=docs.paths(),
        )
    absent = missing_terms(text_of(procedures), _PROCEDURE_TERMS)
    if absent:
        place = where_kept(unit, procedures, config)
        raise Gap(
            msg(
                f"La procédure ne traite pas : {labels(absent).fr} ({place.fr}).",
                f"The procedure does not cover: {labels(absent).en} ({place.en}).",
            ),
            evidence=[e.path for e in procedures],
        )


@dataclass(frozen=True)
class _Register:
    item: Evidence
    header: int
    columns: dict[str, int]

    @property
    def from_plugin(self) -> bool:
        return self.item.collector != "filesystem"

    def where(self, index: int) -> Localized:
        """Where row ``index`` (of the evidence's rows) is: a file line or an export record."""
        if self.from_plugin:
            number = index - self.header
            return msg(
                f"{self.item.path}, enregistrement n° {number}",
                f"{self.item.path}, record {number}",
            )
        return msg(f"{self.item.path}, ligne {index + 1}", f"{self.item.path}, line {index + 1}")

    def key(self, index: int) -> str:
        """The sub-item name of row ``index``: ``path:line``, or ``id#record`` for a plugin."""
        if self.from_plugin:
            return f"{self.item.path}#{index - self.header}"
        return f"{self.item.path}:{index + 1}"

    def complaints(self) -> Iterator[tuple[int, dict[str, str]]]:
        rows = self.item.rows or ()
        for index in range(self.header + 1, len(rows)):
            row = rows[index]
            cells = {n: row[i].strip() if i < len(row) else "" for n, i in self.columns.items()}
            if any(cells.values()):
                yield index, cells


def _register(item: Evidence) -> _Register | None:
    for index, row in enumerate((item.rows or ())[:5]):
        columns = match_columns(row, COMPLAINT_COLUMNS)
        if "date_reception" in columns and "date_reponse" in columns:
            return _Register(item, index, columns)
    return None


def _delay_for(
    item: Evidence, procedures: Sequence[Evidence], unit: Unit, central: set[str]
) -> Delay:
    """The delay that applies to a register: its own unit's procedure first, then the central
    function's, then the crm-complaints collector's ``delay_days``, then 30 days."""
    ordered = [p for p in procedures if p.unit == item.unit] + [
        p for p in procedures if p.unit != item.unit and p.unit in central
    ]
    for procedure in ordered:
        found = response_delay(fold(procedure.text or ""), procedure.path)
        if found is not None:
            return found
    for use in unit.collectors:
        days = use.settings.get("delay_days")
        if item.unit == unit.id and isinstance(days, int) and not isinstance(days, bool):
            return Delay(days, "jours", f"rnq.yaml (collecteur {use.use}, delay_days)")
    return Delay(DEFAULT_DELAY_DAYS, "jours")


@mark.verifies("traitement-reclamations")
def check_reclamations_dans_les_delais(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    today: dt.date,
    subchecks: Subchecks,
) -> None:
    """Chaque réclamation du registre a reçu une réponse dans le délai fixé par la procédure.

    Tenez un registre des réclamations (CSV ou XLSX, ou export du CRM : date de réception,
    objet, date de réponse) ; répondez à chaque réclamation dans le délai de la procédure et
    notez la date de la réponse. Une réclamation plus récente que ce délai, sans réponse, est en
    cours et n'est pas un écart.

    EN: Every complaint in the register was answered within the time set by the procedure.

    Keep a complaints register (CSV or XLSX, or a CRM export: reception date, subject, response
    date); answer each complaint within the procedure's time limit and record the date of the
    answer. An unanswered complaint more recent than that limit is in progress, not a gap.
    """
    docs = readable(evidence, 31)
    central = {u.id for u in config.units if u.central}
    tables = [e for e in docs if e.rows is not None]
    registers = [r for r in map(_register, tables) if r is not None]
    unmatched = [
        e.path
        for e in [*tables, *evidence.for_indicator(31)]
        if e.kind == "reclamations"
        and (e.rows is not None or (e.read == "error" and _tabular(e)))
        and not any(r.item is e for r in registers)
    ]
    unmatched = list(dict.fromkeys(unmatched))
    if not registers:
        if unmatched:
            not_verified(_unmatched(unmatched), evidence=unmatched)
        attested = [e for e in docs if e.kind == "attestation"]
        assert attested, msg(
            f"Aucun registre des réclamations (tableau de suivi : date de réception, objet, date "
            f"de réponse) ({where_kept(unit, docs, config).fr}).",
            f"No complaints register (tracking table: reception date, subject, response date) "
            f"({where_kept(unit, docs, config).en}).",
        )
        return  # an attestation (e.g. no complaint received) stands for the register
    procedures = _procedures(docs)
    unreadable: list[Localized] = []
    for register in registers:
        delay = _delay_for(register.item, procedures, unit, central)
        for index, cells in register.complaints():
            at = register.where(index)
            try:
                received = parse_date(cells["date_reception"])
                answered = parse_date(cells["date_reponse"])
            except ValueError:
                unreadable.append(at)
                continue
            if received is None:
                unreadable.append(at)
                continue
            with subchecks.item(register.key(index)):
                _judge_complaint(received, answered, delay, today, at, register.item.path)
    if not subchecks.failures and (unmatched or unreadable):
        reasons = [_unmatched(unmatched)] if unmatched else []
        if unreadable:
            reasons.append(
                msg(
                    "date de réception ou de réponse manquante ou illisible : "
                    + ", ".join(u.fr for u in unreadable[:10]),
                    "missing or unreadable reception or response date: "
                    + ", ".join(u.en for u in unreadable[:10]),
                )
            )
        not_verified(
            msg(" ; ".join(r.fr for r in reasons), "; ".join(r.en for r in reasons)),
            evidence=[*unmatched, *(r.item.path for r in registers)],
        )


def _tabular(item: Evidence) -> bool:
    """A plugin's record or a spreadsheet: what a register comes as (not a PDF procedure)."""
    suffix = item.path.rsplit(".", 1)[-1].lower()
    return item.collector != "filesystem" or suffix in ("csv", "tsv", "xlsx", "xls", "ods")


def _unmatched(paths: Sequence[str]) -> Localized:
    return msg(
        f"Registre des réclamations aux en-têtes non reconnus ou illisible : {', '.join(paths)} "
        f"— en-têtes attendus : {_EXPECTED.fr}",
        f"Complaints register with unrecognised headers or unreadable: {', '.join(paths)} — "
        f"expected headers: {_EXPECTED.en}",
    )


def _judge_complaint(
    received: dt.date,
    answered: dt.date | None,
    delay: Delay,
    today: dt.date,
    at: Localized,
    path: str,
) -> None:
    """One complaint: answered in time, or pending (younger than the delay), or a gap."""
    due = delay.deadline(received)
    label, origin = delay.label(), delay.origin()
    if answered is None:
        if today <= due:
            return  # pending: still within the delay
        raise Gap(
            msg(
                f"Réclamation reçue le {fr_date(received)} toujours sans réponse au "
                f"{fr_date(today)} : délai de {label.fr} dépassé depuis le {fr_date(due)} "
                f"({origin.fr}) — {at.fr}.",
                f"Complaint received on {received.isoformat()} still unanswered on "
                f"{today.isoformat()}: the {label.en} delay ran out on {due.isoformat()} "
                f"({origin.en}) — {at.en}.",
            ),
            evidence=[path],
        )
    if answered > due:
        raise Gap(
            msg(
                f"Réclamation reçue le {fr_date(received)}, réponse le {fr_date(answered)} : "
                f"au-delà du délai de {label.fr} (échéance {fr_date(due)}, {origin.fr}) — "
                f"{at.fr}.",
                f"Complaint received on {received.isoformat()}, answered on "
                f"{answered.isoformat()}: beyond the {label.en} delay (due {due.isoformat()}, "
                f"{origin.en}) — {at.en}.",
            ),
            evidence=[path],
        )
