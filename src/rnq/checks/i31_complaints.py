"""Indicator 31 — Handling difficulties, complaints and incidents (« Traitement des difficultés,
réclamations et aléas »), criterion 7.

Its built-in checks:

* :func:`check_procedure_reclamations` — a procedure handles stakeholders' difficulties,
  complaints and contingencies (aléas).
* :func:`check_reclamations_dans_les_delais` — every complaint in the register was answered
  within the time set by the procedure.

Indicator 31 is « NC majeure uniquement »: only what its wording demands (arrangements for
complaints, difficulties and incidents; each complaint handled within the delay the provider
sets itself) makes a gap. The complaints register is one of the guide's evidence examples and
the 30-day delay rnq applies when no delay is set is a rule of thumb: both are advice.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from rnq.checks.helpers import kept_unit, mentions, readable, remember, where_kept
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date, match_columns, parse_date
from rnq.dates import add_months
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, advise, msg, not_verified
from rnq.match.french import Concept, states
from rnq.match.questions import document_body, document_question, fold, named_question
from rnq.match.tables import tables_in
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "COMPLAINT_COLUMNS",
    "CONCEPTS",
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


Rows = Sequence[Sequence[str]]

#: A clause that denies what it says (« aucun suivi n'est prévu »): the matching layer reads a
#: negation before a term, not inside or after it.
_DENIED = r"re:\b(?:ne|n')\s?[a-z]+(?: [a-z]+)? (?:pas|jamais)\b"

_PROCEDURE = Concept.of(
    "procédure|procédures",
    "processus",
    "process",
    "politique de gestion|traitement",
    "modalités de traitement|gestion|réclamation",
    "traitement des réclamations|insatisfactions|plaintes|difficultés|aléas|imprévus",
    "réclamations|réclamation|insatisfactions sont|est reçues|enregistrées|traitées|analysées|"
    "transmises|étudiées",
    "réponse|réponses est|sont apportée|apportées|adressée|adressées|envoyée|envoyées",
    "formuler|adresser|déposer|faire une réclamation",
    "réclamation|réclamations par écrit",
    "nous répondons|répondrons",
    "circuit de traitement",
    "circuit",
    "mode opératoire",
    "logigramme",
    "marche à suivre",
    "étape|étapes",
    "toute réclamation|insatisfaction|difficulté",
    "en cas de|d' réclamation|difficulté|difficultés|aléa|imprévu|problème|litige|souci|absence",
    "que faire en cas",
    "comment faire une réclamation",
    "accusé|accusons|accuse réception",
    "mesure|mesures prévue|prévues|prises",
    "qui prévient",
    "réponse écrite|motivée",
    "voie|voies de recours",
    "médiateur de la consommation",
    "signale|signaler|signalée|remonte|remontée",
    "chaque aléa|réclamation|difficulté est consigné|enregistrée|notée|tracée",
)
_COMPLAINTS = Concept.of(
    "réclamation|réclamations|réclamer",
    "plainte|plaintes",
    "insatisfaction|insatisfactions",
    "insatisfait|insatisfaite",
    "litige|litiges",
    "mécontentement",
    "contestation|contestations",
    "doléance|doléances",
    "complaint|complaints",
    r"re:\bn'(?:etes|est|etiez|etait|etes-vous) pas satisfaite?s?\b",
)
_DIFFICULTIES = Concept.of(
    "difficulté|difficultés",
    "problème|problèmes rencontré|rencontrés|personnel|personnels|relationnel|signalé",
    "souci|soucis",
    "période|situation difficile|difficiles",
    "décrochage",
    "freins",
    unless=(
        "niveau de difficulté",
        "degré de difficulté",
        "difficulté croissante|progressive",
        "facile|difficile",
    ),
)
_INCIDENTS = Concept.of(
    "aléa|aléas",
    "imprévu|imprévus",
    "incident|incidents",
    "événement|évènement|évènements|événements imprévu|imprévus|marquant|indésirable",
    "dysfonctionnement|dysfonctionnements",
    "panne|pannes",
    "annulation|annulée|annulé|report|reportée|reporté séance|session|formation|journée|cours",
    "absence|absent|absente|maladie|indisponibilité formateur|formatrice|intervenant|consultant",
    "formateur|formatrice|intervenant absent|absente|malade|indisponible",
    "salle|plateforme|visio indisponible",
    "intempéries",
    "grève|grèves",
    "force majeure",
    "coupure",
    "accident",
    "plan de continuité",
    r"re:\bne (?:fonctionne|fonctionnent|marche|marchent) (?:pas|plus)\b",
    "hors service",
    unless=("par le client", "rétractation", "dédit", "facturation|facturé|facturée|facturés"),
)
_NO_COMPLAINT = Concept.of(
    "aucune|zéro|0 réclamation",
    "pas de réclamation",
    "réclamations : néant",
    negative_is_information=True,
)
_REGISTER_WORDS = Concept.of(
    "registre|tableau|cahier|journal|fichier|outil|module réclamations|insatisfactions|plaintes",
    "registre|tableau|cahier|journal de suivi",
    "réclamation|réclamations|insatisfactions enregistrée|enregistrées|saisies|consignées|"
    "inscrites|tracées|répertoriées",
    "CRM",
)

#: A document about the complaints the provider makes to its own suppliers (not stakeholders').
_SUPPLIERS = re.compile(
    r"\breclamations?\W+(?:\w+\W+){0,3}fournisseurs?\b|\bfournisseurs?\W+(?:\w+\W+){0,3}reclamations?\b"
)


def _about_suppliers(body: str) -> bool:
    """Whether a document's title (its first lines) is about complaints to suppliers."""
    head = "\n".join([line[:160] for line in body.split("\n") if line.strip()][:2])
    return bool(_SUPPLIERS.search(head))


def _stakeholders_said(concept: Concept, text: str | None, rows: Rows | None) -> bool:
    body = document_body(text, rows)
    return not _about_suppliers(body) and states(concept, body, text)


_COMPLAINTS_ASKED = named_question(__name__, "complaints")
_REGISTER_ASKED = named_question(__name__, "register")
_DELAY_ASKED = named_question(__name__, "delay")


@document_question(_COMPLAINTS_ASKED)
def _complaints_said(text: str | None, rows: Rows | None) -> bool:
    """The document speaks of stakeholders' complaints (not of complaints to suppliers), or is a
    complaints register (reception and answer dates, subject)."""
    for table in tables_in(text, rows):
        found = _header(table)
        if found is not None and "objet" in found[1]:
            return True
    return _stakeholders_said(_COMPLAINTS, text, rows)


@document_question(_REGISTER_ASKED)
def _register_said(text: str | None, rows: Rows | None) -> bool:
    """A complaints register: a table whose headers name the reception and the answer, a text
    that says the complaints are logged, or a statement that none was received."""
    if any(_header(table) is not None for table in tables_in(text, rows)):
        return True
    body = document_body(text, rows)
    if _about_suppliers(body):
        return False
    return states(_REGISTER_WORDS, body, text) or states(_NO_COMPLAINT, body, text)


_DELAY_HEADER = re.compile(r"\bdelai|\bdans les? delais?\b|\becheance\b")


@document_question(_DELAY_ASKED)
def _delay_said(text: str | None, rows: Rows | None) -> bool:
    """A delay to answer complaints: set in words (« réponse sous 15 jours ouvrés »), or a
    register column tracking it (« Délai cible », « Dans le délai ? »)."""
    for table in tables_in(text, rows):
        for header in table[:5]:
            if match_columns(header, COMPLAINT_COLUMNS).keys() >= {"date_reception"} and any(
                _DELAY_HEADER.search(fold(str(cell))) for cell in header
            ):
                return True
    return response_delay(document_body(text, rows)) is not None


#: How a document says each item of indicator 31 (``items:`` of ``indicators/31.yaml``).
CONCEPTS: dict[str, Finder] = {
    "procedure": _PROCEDURE,
    "reclamations": Reader(_COMPLAINTS_ASKED),
    "difficultes": _DIFFICULTIES,
    "aleas": _INCIDENTS,
    "reponse-dans-delai": Reader(_DELAY_ASKED),
    "registre": Reader(_REGISTER_ASKED),
}

#: The items the procedure check judges from the text (the delay and the register are read by
#: :func:`check_reclamations_dans_les_delais`).
_PROCEDURE_ITEMS = ("procedure", "reclamations", "difficultes", "aleas")


@mark.verifies("traitement-reclamations")
def check_procedure_reclamations(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Une procédure traite les difficultés des parties prenantes, les réclamations et les aléas.

    Décrivez par écrit comment vous traitez les réclamations (réception, accusé de réception,
    réponse), les difficultés rencontrées par les stagiaires, les entreprises ou les formateurs,
    et les aléas en cours de prestation (absence d'un formateur, panne, annulation) : une
    procédure, un article des CGV, une page du livret d'accueil, un tableau des imprévus. Un
    brouillon (« à rédiger ») ne prouve rien.

    EN: A procedure handles stakeholders' difficulties, complaints and contingencies (aléas).

    Describe in writing how you handle complaints (reception, acknowledgement, answer), the
    difficulties met by learners, companies or trainers, and the contingencies during the
    service (a trainer's absence, an outage, a cancellation): a procedure, an article of the
    terms of sale, a page of the welcome booklet, a table of contingencies. A draft (« à
    rédiger ») proves nothing.
    """
    docs = list(readable(evidence, 31))
    kept = kept_unit(unit, docs, config)
    judge(
        docs,
        CONCEPTS,
        indicator=31,
        referential=referential,
        facts=facts,
        target=kept,
        only=_PROCEDURE_ITEMS,
        subject=msg(
            "Traitement des difficultés, réclamations et aléas",
            "Handling of difficulties, complaints and incidents",
        ),
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


def _header(rows: Rows) -> tuple[int, dict[str, int]] | None:
    """The header row of a complaints register (it names the reception and the answer dates)
    among the first rows, with its columns."""
    for index, row in enumerate(rows[:5]):
        columns = match_columns(row, COMPLAINT_COLUMNS)
        if "date_reception" in columns and "date_reponse" in columns:
            return index, columns
    return None


def _register(item: Evidence) -> _Register | None:
    found = _header(item.rows or ())
    return _Register(item, *found) if found is not None else None


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


_DATE_WRITTEN = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre"
    r"|novembre|decembre) \d{4}\b"
)
_SIGNED = re.compile(r"\bsoussigne|\bsigne(?:e|s)? (?:par|le)\b|\bsignature\b|\bfait a \w+")


def _statement(item: Evidence) -> tuple[bool, bool] | None:
    """For a statement that no complaint was received (an attestation, or a text saying so):
    whether it is (dated, signed); None for another document."""
    folded = fold(" ".join(t for t in (item.text, item.note) if t))
    if not states(_NO_COMPLAINT, folded, item.text):
        return None
    dated = item.date is not None or bool(_DATE_WRITTEN.search(folded))
    signed = bool(item.by) or bool(_SIGNED.search(folded))
    return dated, signed


def _no_register(unit: Unit, docs: Sequence[Evidence], config: WorkspaceConfig) -> None:
    """Without a complaints register: a dated, signed statement that none was received stands
    for it; otherwise a point de vigilance (the register is an evidence example of the guide)."""
    statements = [(e, found) for e in docs if (found := _statement(e)) is not None]
    if any(dated and signed for _, (dated, signed) in statements):
        return
    place = where_kept(unit, docs, config)
    weak = [e.path for e, _ in statements]
    note_fr = (
        f" L'attestation « aucune réclamation » lue ({', '.join(weak)}) n'est pas datée ou pas "
        "signée : datez-la et signez-la (by:, date: dans le manifeste)."
        if weak
        else ""
    )
    note_en = (
        f" The 'no complaint' statement read ({', '.join(weak)}) is not dated or not signed: date "
        "and sign it (by:, date: in the manifest)."
        if weak
        else ""
    )
    advise(
        msg(
            f"Point de vigilance ({place.fr}) — aucun registre des réclamations (tableau de "
            "suivi : date de réception, objet, date de réponse) ni attestation datée et signée "
            "« aucune réclamation reçue » : rnq ne peut pas vérifier que chaque réclamation a "
            "reçu une réponse dans le délai. C'est un exemple de preuve du guide, pas une "
            f"exigence.{note_fr}",
            f"Point of vigilance ({place.en}) — no complaints register (tracking table: reception "
            "date, subject, response date) nor a dated, signed 'no complaint received' "
            "statement: rnq cannot check that each complaint was answered in time. This is an "
            f"evidence example of the guide, not a requirement.{note_en}",
        ),
        items=["registre"],
        evidence=[e.path for e in docs],
        key="registre",
    )


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
    objet, date de réponse) — ou, si vous n'en avez reçu aucune, une attestation datée et signée
    « aucune réclamation reçue » ; répondez à chaque réclamation dans le délai que fixe votre
    procédure et notez la date de la réponse. Une réclamation plus récente que ce délai, sans
    réponse, est en cours et n'est pas un écart. Quand la procédure ne fixe aucun délai, rnq
    signale les réponses au-delà de 30 jours comme un point de vigilance (règle indicative).

    EN: Every complaint in the register was answered within the time set by the procedure.

    Keep a complaints register (CSV or XLSX, or a CRM export: reception date, subject, response
    date) — or, if you received none, a dated, signed "no complaint received" statement; answer
    each complaint within the time your procedure sets and record the date of the answer. An
    unanswered complaint more recent than that limit is in progress, not a gap. When the
    procedure sets no time limit, rnq reports answers after 30 days as a point of vigilance (a
    heuristic).
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
        _no_register(unit, list(docs), config)
        return
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
            if delay.source is None:
                _advise_default(received, answered, delay, today, register, index)
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


def _advise_default(
    received: dt.date,
    answered: dt.date | None,
    delay: Delay,
    today: dt.date,
    register: _Register,
    index: int,
) -> None:
    """A complaint judged against rnq's default delay (no delay set by the provider): a late or
    missing answer is a point de vigilance, never a gap."""
    try:
        _judge_complaint(
            received, answered, delay, today, register.where(index), register.item.path
        )
    except Gap as late:
        advise(
            msg(
                f"Point de vigilance — {late.message.fr} Aucun délai de réponse n'est fixé par "
                "votre procédure : le délai de 30 jours est une règle indicative de rnq ; "
                "fixez votre propre délai dans la procédure.",
                f"Point of vigilance — {late.message.en} Your procedure sets no answer delay: "
                "the 30-day delay is a rule of thumb of rnq; set your own delay in the "
                "procedure.",
            ),
            items=["delai-30-jours"],
            evidence=[register.item.path],
            key=register.key(index),
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
