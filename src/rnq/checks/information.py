"""Criterion 1 — public information: the offer sheet (1), the results (2), the certification
outcomes (3).

What an offering's content checks read (:func:`offering_reading`, shared with
:mod:`rnq.checks.design`): the offering's own evidence for the indicator (its folder, or files a
manifest or front matter maps to it), plus, from its unit and the central function, the
*section* of any document mapped to the indicator but to no offering that names the offering (a
catalogue listing several offerings): from each mention of the offering's title or certification
code up to the next offering's title. A central catalogue alone does not make an offering's
evidence (the presence check asks for the offering's own); a short note in the offering's folder
(e.g. ``kind: attestation`` pointing to the catalogue) is enough for the catalogue to be read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rnq.checks._common import (
    Folded,
    Passage,
    Term,
    Text,
    all_matches,
    ask,
    body,
    fold,
    is_current,
    labels,
    matches,
    mentions,
    missing_terms,
    readable,
    where,
)
from rnq.fixtures import fixture
from rnq.mark import mark
from rnq.model import Evidence, EvidenceSet
from rnq.outcomes import Gap, msg, not_verified, skip
from rnq.referential import Referential
from rnq.text import Localized
from rnq.verifications import indicators_for
from rnq.workspace import Offering, Unit, WorkspaceConfig

__all__ = [
    "PROGRAMME_MONTHS",
    "OfferSections",
    "Reading",
    "body",
    "cert_provisional",
    "check_communication_non_trompeuse",
    "check_fiche_offre_a_jour",
    "check_fiche_offre_complete",
    "check_methode_calcul_resultats",
    "check_resultats_certification",
    "check_resultats_publies",
    "date_in_text",
    "files",
    "not_for_category",
    "offer_sections",
    "offering_reading",
]

#: Months after which an offer sheet is taken as out of date when ``freshness`` sets no rule
#: for ``programme`` (a heuristic: catalogues are usually revised every year or two).
PROGRAMME_MONTHS = 24
#: Months after which published results are out of date when ``freshness`` sets none.
RESULTS_MONTHS = 12

_F = TypeVar("_F", bound=Callable[..., Any])


# --- What a content check reads -----------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What a content check reads for one target: the documents and their folded text."""

    docs: tuple[Evidence, ...]
    text: Text

    @property
    def paths(self) -> list[str]:
        """The paths of the documents read, in order."""
        return [d.path for d in self.docs]


def files(paths: Sequence[str], limit: int = 4) -> str:
    """``a.pdf, b.md`` — the first ``limit`` paths, then « … »."""
    shown = ", ".join(paths[:limit])
    return shown + (", …" if len(paths) > limit else "")


def _words(text: str) -> str:
    """A regex matching ``text`` folded, with flexible separators between its words."""
    return r"[\s_\-/'’]+".join(re.escape(w) for w in re.split(r"[\s_\-/']+", fold(text)) if w)


def _code_pattern(certification: str | None) -> str | None:
    """A regex for the certification code (« RNCP 12345 », « RS5678 »), or None without digits."""
    found = re.match(r"\s*(rncp|rs)\D*(\d+)", fold(certification or ""))
    if found is None:
        return None
    return rf"\b{found.group(1)}\s*[-:#.]?\s*(?:n\s*[o°]\s*)?{found.group(2)}\b"


_SEPARATORS = re.compile(r"[\s_\-/'’]+")
#: The indicators assessed per offering that these checks read catalogues for.
_OFFERING_INDICATORS = frozenset({1, 3, 4, 5, 6, 7, 8})

OfferingKey = tuple[str, str]  # (unit id, offering id)


def _code_key(text: str) -> str | None:
    found = re.match(r"\s*(rncp|rs)\W*(?:n\s*[o°]\s*)?(\d+)\s*$", fold(text))
    return f"{found.group(1)}{found.group(2)}" if found else None


def _title_key(text: str) -> str:
    return _SEPARATORS.sub(" ", fold(text)).strip()


@dataclass(frozen=True)
class OfferSections:
    """The sections of unit and central documents that belong to no offering but name
    offerings (a catalogue): for each offering, the documents and the text about it."""

    central: frozenset[str]
    found: Mapping[OfferingKey, tuple[tuple[Evidence, Passage], ...]]

    def about(self, offering: Offering, unit: Unit, number: int) -> list[tuple[Evidence, Passage]]:
        """The (document, section) pairs for ``offering`` among the documents of its unit and
        of the central function mapped to indicator ``number``."""
        units = {unit.id} | self.central
        return [
            (item, section)
            for item, section in self.found.get((unit.id, offering.id), ())
            if number in item.indicators and item.unit in units
        ]


def _sections(
    text: str, pattern: re.Pattern[str], owners: Mapping[str, list[OfferingKey]]
) -> dict[OfferingKey, list[tuple[int, int]]]:
    """``{offering: section}`` for one folded text: from each mention of an offering's title or
    code to the next mention of another offering (a longer title that contains a shorter one,
    such as « CAP Fleuriste en alternance », is matched first and is another offering)."""
    hits: list[tuple[int, set[OfferingKey]]] = []
    for match in pattern.finditer(text):
        keys = set(owners.get(_code_key(match.group(0)) or "", ()))
        keys |= set(owners.get(_title_key(match.group(0)), ()))
        if keys:
            hits.append((match.start(), keys))
    parts: dict[OfferingKey, list[tuple[int, int]]] = {}
    for index, (start, keys) in enumerate(hits):
        end = next((s for s, other in hits[index + 1 :] if not other & keys), len(text))
        for key in keys:
            parts.setdefault(key, []).append((start, end))
    return parts


@fixture
def offer_sections(all_evidence: EvidenceSet, config: WorkspaceConfig) -> OfferSections:
    """The sections of unit and central documents (catalogues) that name each offering."""
    owners: dict[str, list[OfferingKey]] = {}
    patterns: set[str] = set()
    for unit in config.units:
        for offering in unit.offerings:
            key = (unit.id, offering.id)
            owners.setdefault(_title_key(offering.title), []).append(key)
            patterns.add(_words(offering.title))
            code = _code_pattern(offering.certification)
            if code is not None:
                owners.setdefault(_code_key(offering.certification or "") or "", []).append(key)
                patterns.add(code)
    central = frozenset(u.id for u in config.units if u.central)
    if not patterns:
        return OfferSections(central=central, found={})
    pattern = re.compile("|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)))
    found: dict[OfferingKey, list[tuple[Evidence, Passage]]] = {}
    question = "\x00sections\x1f" + hashlib.sha256(pattern.pattern.encode()).hexdigest()[:16]

    def sections(text: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
        return [(u, o, spans) for (u, o), spans in _sections(text, pattern, owners).items()]

    for item in all_evidence:
        if item.offering is None and item.usable and _OFFERING_INDICATORS & set(item.indicators):
            for unit_id, offering_id, spans in ask(item, question, sections):
                label = f"{question}\x1f{unit_id}\x1f{offering_id}"
                passage = Passage(item, label, tuple((s, e) for s, e in spans))
                found.setdefault((unit_id, offering_id), []).append((item, passage))
    return OfferSections(central=central, found={k: tuple(v) for k, v in found.items()})


def offering_reading(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    sections: OfferSections,
    number: int,
    *,
    kinds: Iterable[str] = (),
) -> Reading:
    """What a content check reads for ``offering`` and indicator ``number``: the offering's own
    evidence for it (skips the check when there is none: the presence check reports that), its
    own documents of ``kinds`` (e.g. the programme sheet for objectives), and the sections of its
    unit's and the central function's documents for the indicator that name it."""
    own = readable(evidence, number)
    seen = set(own.paths())
    extra = [e for e in evidence.of_kind(*kinds).usable() if e.path not in seen] if kinds else []
    docs: list[Evidence] = [*own, *extra]
    read = list(docs)
    passages = []
    for item, section in sections.about(offering, unit, number):
        docs.append(item)
        passages.append(section)
    return Reading(docs=tuple(docs), text=Folded(read, passages))


def not_for_category(offering: Offering, referential: Referential, number: int) -> None:
    """Skip the check when the indicator does not apply to the offering's category
    (e.g. 8 for a bilan de compétences)."""
    categories = referential.indicator(number).categories
    if offering.category not in categories:
        skip(
            msg(
                f"Indicateur {number} non applicable à la catégorie {offering.category} "
                f"({where(offering).fr}).",
                f"Indicator {number} does not apply to category {offering.category} "
                f"({where(offering).en}).",
            )
        )


def cert_provisional(offering: Offering) -> bool:
    """True for a Répertoire spécifique certification: whether indicators 3, 7 and 16 cover RS
    as well as RNCP is not confirmed (reference §8), so a gap on it is provisional."""
    return bool(re.match(r"\s*rs(\b|\d)", fold(offering.certification or "")))


def _rs_note(offering: Offering) -> Localized:
    if not cert_provisional(offering):
        return msg("", "")
    return msg(
        " (Certification du Répertoire spécifique : l'application de cet indicateur au RS n'est "
        "pas confirmée — écart provisoire.)",
        " (Répertoire spécifique certification: whether this indicator covers RS is not "
        "confirmed — provisional gap.)",
    )


_MONTHS = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)
_DATE_WORDS = (
    r"(?:mise? a jour|mis a jour|maj|actualise\w*|version|edition|publie\w*|mise en ligne"
    r"|donnees (?:arretees )?au|arretes? au|a jour au)"
)
_DATE = (
    r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    rf"|(?:(?P<wd>\d{{1,2}})(?:er)? )?(?P<wm>{'|'.join(_MONTHS)}) (?P<wy>\d{{4}})"
)
_DATED = re.compile(rf"{_DATE_WORDS}\W{{0,12}}(?:(?:le|du|en|de|:)\s*)?(?:{_DATE})")


def date_in_text(folded: str) -> dt.date | None:
    """The latest date a document gives itself in its text (« mise à jour le 03/09/2026 »,
    « version de septembre 2026 », « données au 2026-06-30 »), or None."""
    found: list[dt.date] = []
    for m in _DATED.finditer(folded):
        try:
            if m.group("y"):
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            elif m.group("iy"):
                day = dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            else:
                month = _MONTHS.index(m.group("wm")) + 1
                day = dt.date(int(m.group("wy")), month, int(m.group("wd") or 1))
        except ValueError:
            continue
        found.append(day)
    return max(found) if found else None


def _date_of(item: Evidence) -> dt.date | None:
    if item.date:
        return item.date
    found = ask(item, "\x00date_in_text", lambda text: _iso(date_in_text(text)))
    return dt.date.fromisoformat(found) if found else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _newest(docs: Iterable[Evidence]) -> dt.date | None:
    dates = [d for d in (_date_of(e) for e in docs) if d is not None]
    return max(dates) if dates else None


def _new_entrant_initial(config: WorkspaceConfig, category: str | None) -> bool:
    """A new entrant at its initial audit (some items are only audited at surveillance)."""
    flag = config.activity.new_entrant
    concerned = flag if isinstance(flag, bool) else (category is None or category in flag)
    return bool(concerned) and config.audit.type == "initial"


# --- Indicator 1: the offer sheet ---------------------------------------------------------

PRE_REQUIS = Term.of(
    "prérequis",
    "prerequisites",
    r"pre-?\s?requis",
    r"niveau (d'entree )?requis",
    r"conditions? d'admission",
)
OBJECTIFS = Term.of(
    "objectifs",
    "objectives",
    r"\bobjectifs?\b",
    r"competences (visees|developpees|acquises)",
    r"(capables?|en mesure) de\b",
)
DUREE = Term.of(
    "durée",
    "duration",
    r"\bduree\b",
    r"volume horaire",
    r"\b\d+([,.]\d+)?\s*(h|heures?)\b",
    r"\b\d+([,.]\d+)?\s*(jours?|semaines|mois) de formation",
)
MODALITES_ACCES = Term.of(
    "modalités d'accès",
    "access terms",
    r"modalites (et delais )?d'(acces|admission|inscription|entree)",
    r"conditions (et delais )?d'(acces|admission|inscription)",
    r"\binscriptions?\s*:",
    r"comment (s'inscrire|vous inscrire)",
    r"(procedure|dossier) d'(inscription|admission|candidature)",
    r"inscriptions? (en ligne|sur (dossier|entretien)|aupres)",
    r"admission (sur|apres)",
)
DELAIS_ACCES = Term.of(
    "délais d'accès",
    "access lead time",
    r"delais? d'(acces|inscription|entree)",
    r"delais? (de|avant) (mise en place|demarrage|entree)",
    r"entrees? (permanentes?|tout au long de l'annee|toute l'annee)",
    r"(acces|demarrage|entree) (possible )?(sous|dans un delai de) \d+",
    r"inscriptions? (jusqu'au|jusqu'a|ouvertes|avant le)",
    r"(rentree|sessions?|prochaine session|date de debut)\s*:?\s*(le |en )?\d",
)
TARIFS = Term.of(
    "tarifs",
    "prices",
    r"\btarifs?\b",
    r"\bprix\b",
    r"\bcouts?\b",
    r"\d[\d \u202f.,]*\s?(€|euros?\b|eur\b)",
    r"\bgratuite?s?\b",
    r"\bsur devis\b",
    r"frais (de formation|pedagogiques|d'inscription|de scolarite)",
)
CONTACTS = Term.of(
    "contacts",
    "contacts",
    r"\bcontacts?\b",
    r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,}",
    r"\b0\d([ .-]?\d\d){4}\b",
    r"\+33\s?\d",
    r"\btelephone\b",
    r"\b(courriel|e-?mail)\b",
)
METHODES = Term.of(
    "méthodes mobilisées",
    "teaching methods",
    r"\bmethodes?\b",
    r"\bmethodologie",
    r"moyens pedagogiques",
    r"approche pedagogique",
    r"(etudes? de cas|mises? en situation|travaux pratiques|jeux de roles?|exercices pratiques)",
)
EVALUATION = Term.of(
    "modalités d'évaluation",
    "assessment",
    r"modalites d'evaluation",
    r"\bevaluations? (des acquis|finale|sommative|formative|en (fin|cours)|continue|:)",
    r"\bevaluee?s? (par|au moyen|sur|en fin|tout au long)",
    r"\b(examens?|epreuves?|qcm)\b",
    r"controle (continu|des connaissances|en cours de formation)",
)
ACCESSIBILITE = Term.of(
    "accessibilité aux personnes handicapées",
    "accessibility for disabled people",
    r"handicap",
    r"\bpsh\b",
    r"\brqth\b",
    r"\baccessib",
)
# rnq-2026 (slug fiche-offre-2026)
RECONNAISSANCE = Term.of(
    "type de reconnaissance (certification, diplôme, attestation…)",
    "type of recognition (certification, diploma, attestation…)",
    r"type de reconnaissance",
    r"sanctionnee?s? par",
    r"(formation|prestation|parcours) (certifiante|diplomante|qualifiante|non certifiante)",
    r"(reconnaissance|validation) (obtenue|delivree|visee)",
    r"delivr\w* (d'une?|de la|du|un|une|le|la|l')\s?(diplome|titre|certificat|certification"
    r"|attestation)",
    r"\b(diplome|titre professionnel|certification|certificat|attestation de (fin de )?formation"
    r"|attestation de competences|cqp)\b[^.\n]{0,40}\b(obtenu|delivre|prepare|vise)",
    r"\brncp\s*[-:]?\s*\d{3,}",
    r"\brs\s*[-:]?\s*\d{3,}",
)
MODALITES_PEDAGOGIQUES = Term.of(
    "modalités pédagogiques",
    "teaching arrangements",
    r"modalites pedagogiques",
    r"presentiel",
    r"distanciel",
    r"(a|en) distance",
    r"\bfoad\b",
    r"e-?learning",
    r"\bhybride\b",
    r"\bblended\b",
    r"(cours|formation) en ligne",
    r"\ba?synchrone",
    r"en alternance",
)
FINANCEMENTS = Term.of(
    "modalités de financement",
    "funding",
    r"\bfinancements?\b",
    r"\bfinanc(e|able|ee)s?\b",
    r"\bcpf\b",
    r"mon ?compte ?formation",
    r"\bopco\b",
    r"france travail|pole emploi",
    r"prise en charge",
    r"autofinancement|financement personnel",
)
CERTIFICATEUR = Term.of(
    "certificateur",
    "certifier",
    r"certificat(eur|rice)s?\b",
    r"(autorite|organisme) (responsable de la certification|certificat)",
    r"\bdelivre par\b",
)
DATE_ENREGISTREMENT = Term.of(
    "date d'enregistrement de la certification",
    "registration date of the certification",
    r"date d'enregistrement",
    r"enregistr\w*[^\n]{0,80}?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}"
    rf"|(\d{{1,2}}(er)? )?({'|'.join(_MONTHS)}) \d{{4}})",
    r"date de (decision|publication) (de l'enregistrement|au (rncp|repertoire))",
)
_CODE_GENERIC = r"\b(rncp|rs)\s*[-:#.]?\s*(n\s*[o°]\s*)?\d{3,}\b"


def sheet_terms(offering: Offering, referential: Referential) -> list[Term]:
    """What an offering's public sheet must give under the wording in force."""
    in_2026 = 1 in indicators_for(("fiche-offre-2026",), referential.id)
    terms = [] if offering.category == "BC" else [PRE_REQUIS]
    terms += [OBJECTIFS]
    if in_2026:
        terms += [RECONNAISSANCE]
    terms += [DUREE]
    terms += (
        [MODALITES_PEDAGOGIQUES, FINANCEMENTS, DELAIS_ACCES]
        if in_2026
        else [
            MODALITES_ACCES,
            DELAIS_ACCES,
        ]
    )
    terms += [TARIFS, CONTACTS, METHODES, EVALUATION, ACCESSIBILITE]
    if offering.certifying:
        code = _code_pattern(offering.certification) or _CODE_GENERIC
        label = (
            fold(offering.certification or "").upper()
            if _code_pattern(offering.certification)
            else "RNCP/RS"
        )
        terms += [
            Term.of(f"code {label}", f"{label} code", code),
            CERTIFICATEUR,
            DATE_ENREGISTREMENT,
        ]
    return terms


@mark.verifies("fiche-offre", "fiche-offre-2026")
def check_fiche_offre_complete(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
) -> None:
    """La fiche publique de la prestation donne chaque élément exigé par l'indicateur 1.

    Complétez la fiche (programme, page web, plaquette) avec les éléments signalés : prérequis
    (sauf bilan de compétences), objectifs, durée, modalités et délais d'accès, tarifs, contacts,
    méthodes mobilisées, modalités d'évaluation, accessibilité aux personnes handicapées ; à
    partir du 1er novembre 2026, aussi le type de reconnaissance, les modalités pédagogiques et
    de financement. Pour une prestation certifiante : code RNCP/RS, certificateur et date
    d'enregistrement.

    EN: The offering's public information sheet gives every item required by indicator 1.

    Complete the sheet (programme, web page, brochure) with the items reported: prerequisites
    (except for a skills review), objectives, duration, access arrangements and lead times, prices,
    contacts, methods used, assessment methods, accessibility for people with disabilities; from 1
    November 2026, also the type of recognition and the teaching and funding arrangements. For a
    certifying offering: RNCP/RS code, certifying body and registration date.
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    missing = missing_terms(reading.text, sheet_terms(offering, referential))
    names = labels(missing)
    if missing:
        raise Gap(
            msg(
                f"Information publique incomplète pour la {where(offering).fr} : absent(s) — "
                f"{names.fr} (lu dans : {files(reading.paths)}).",
                f"Incomplete public information for {where(offering).en}: missing — {names.en} "
                f"(read in: {files(reading.paths)}).",
            ),
            evidence=reading.paths,
        )


@mark.verifies("fiche-offre")
def check_fiche_offre_a_jour(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La fiche publique de la prestation est à jour à la date d'audit.

    Datez la fiche (date: ou valid_until: dans l'en-tête ou le manifeste, ou « mise à jour le
    … » dans le document) et révisez-la si elle est ancienne. Règle de fraîcheur indicative :
    24 mois par défaut, réglable par « freshness: {programme: N} » dans rnq.yaml.

    EN: The offering's public information sheet is up to date on the audit date.

    Date the sheet (date: or valid_until: in the front matter or the manifest, or "mise à jour le …"
    in the document) and revise it if it is old. Freshness heuristic: 24 months by default, set with
    "freshness: {programme: N}" in rnq.yaml.
    """
    own = readable(evidence, 1)
    if not any(is_current(e, freshness, audit_date) for e in own):
        skip(
            msg(
                "Preuves périmées : voir la vérification de présence des preuves.",
                "Stale evidence: see the evidence-presence check.",
            )
        )
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    months = freshness.get("programme", PROGRAMME_MONTHS)
    current = [
        e
        for e in reading.docs
        if (e.valid_until is not None and e.valid_until >= audit_date)
        or (
            (day := _date_of(e)) is not None
            and is_current(e.model_copy(update={"date": day, "kind": None}), {}, audit_date, months)
        )
    ]
    if current:
        return
    newest = _newest(reading.docs)
    if newest is None:
        not_verified(
            msg(
                f"La fiche de la {where(offering).fr} n'est pas datée : son actualité ne peut pas "
                f"être vérifiée ({files(reading.paths)}).",
                f"The sheet of {where(offering).en} is undated: whether it is current cannot be "
                f"verified ({files(reading.paths)}).",
            ),
            evidence=reading.paths,
        )
    raise Gap(
        msg(
            f"La fiche de la {where(offering).fr} date du {newest.isoformat()}, plus de {months} "
            f"mois avant l'audit ({audit_date.isoformat()}) — règle de fraîcheur indicative "
            f"({files(reading.paths)}).",
            f"The sheet of {where(offering).en} is dated {newest.isoformat()}, over {months} "
            f"months before the audit ({audit_date.isoformat()}) — freshness is a heuristic "
            f"({files(reading.paths)}).",
        ),
        evidence=reading.paths,
    )


_CPF_CLAIM = (
    r"(eligible|finan\w*|pris en charge|mobilis\w*)[^.\n]{0,30}\b(cpf|mon ?compte ?formation)"
)
_CPF_DENIED = (
    r"\b(non|pas|n'est pas|ni)\b[^.\n]{0,12}(eligible|finan\w*|pris en charge)[^.\n]{0,30}cpf"
)
_CPF_EXEMPT = r"permis (b|de conduire)|creation (ou reprise )?d'entreprise|benevol|bilan de comp"
_CERTIFYING_CLAIM = (
    r"\b(formation|prestation|parcours) (certifiante|diplomante)\b|\bdiplome d'etat\b"
    r"|\btitre professionnel\b|" + _CODE_GENERIC
)
_GUARANTEE = (
    r"(reussite|diplome|certification|emploi|embauche|financement|prise en charge|examen)"
    r"[^.\n]{0,20}\bgaranti(e|s)?\b|\bgaranti(e|s)? [^.\n]{0,20}(reussite|emploi|embauche|diplome)"
    r"|100\s?% (de )?(reussite|finance|pris en charge|garanti)"
)


@mark.verifies("communication-non-trompeuse")
def check_communication_non_trompeuse(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """La communication sur la prestation ne contient aucune mention manifestement trompeuse.

    Repérage indicatif (rnq ne peut pas prouver l'absence de toute mention trompeuse) : une
    prestation sans certification présentée comme certifiante, diplômante ou éligible au CPF, un
    code RNCP/RS différent de celui de la prestation, une réussite, un emploi ou un financement
    « garantis ». Corrigez la mention, ou déclarez la certification de la prestation dans
    rnq.yaml si elle existe.

    EN: The communication about the offering contains no obviously misleading statement.

    Indicative screening (rnq cannot prove that no statement is misleading): an offering without a
    certification presented as certifying, leading to a diploma or eligible for the CPF, an RNCP/RS
    code other than the offering's, a "guaranteed" success, job or funding. Correct the statement,
    or declare the offering's certification in rnq.yaml if it has one.
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    text = reading.text
    found: list[Localized] = []
    if not offering.certifying:
        if (
            offering.category not in ("BC", "VAE")
            and mentions(text, _CPF_CLAIM)
            and not mentions(text, _CPF_DENIED)
            and not mentions(text, _CPF_EXEMPT)
        ):
            found.append(
                msg(
                    "éligibilité au CPF annoncée pour une prestation sans certification RNCP/RS",
                    "CPF eligibility claimed for an offering with no RNCP/RS certification",
                )
            )
        if mentions(text, _CERTIFYING_CLAIM):
            found.append(
                msg(
                    "prestation présentée comme certifiante ou diplômante alors qu'aucune "
                    "certification n'est déclarée pour elle",
                    "offering presented as certifying although no certification is declared for it",
                )
            )
    else:
        own = _code_pattern(offering.certification)
        codes = all_matches(text, _CODE_GENERIC)
        if own is not None and codes and not any(re.fullmatch(own, c) for c in codes):
            found.append(
                msg(
                    f"code de certification différent de {offering.certification} "
                    f"({', '.join(sorted(codes)).upper()})",
                    f"certification code other than {offering.certification} "
                    f"({', '.join(sorted(codes)).upper()})",
                )
            )
    if mentions(text, _GUARANTEE):
        found.append(
            msg(
                "réussite, emploi ou financement présenté comme garanti",
                "success, job or funding presented as guaranteed",
            )
        )
    joined = msg("; ".join(f.fr for f in found), "; ".join(f.en for f in found))
    if found:
        raise Gap(
            msg(
                f"Mention(s) possiblement trompeuse(s) pour la {where(offering).fr}, à vérifier : "
                f"{joined.fr} ({files(reading.paths)}).",
                f"Possibly misleading statement(s) for {where(offering).en}, to check: {joined.en} "
                f"({files(reading.paths)}).",
            ),
            evidence=reading.paths,
        )


# --- Indicator 2: published results --------------------------------------------------------

_COUNTED = (
    r"stagiaires|apprenants|beneficiaires|inscrits|candidats|participants|diplomes|admis"
    r"|repondants|sessions|entrees|sorties|alternants|apprentis|personnes|eleves|etudiants"
    r"|certifies|abandons|presents|formes|laureats"
)
_FIGURES = (
    r"\d+([,.]\d+)?\s?%",
    r"\b\d+([,.]\d+)?\s?/\s?(5|10|20|100)\b",
    rf"\b\d[\d \u202f]*\s({_COUNTED})\b",
    r"\b(taux|nombre|effectifs?|moyenne|note)\b[^\n]{0,40}?\d",
)
_RESULT_HEADER = r"\b(taux|nombre|effectifs?|inscrits|admis|reussite|satisfaction|abandons?|%)"


def _has_figures(item: Evidence) -> bool:
    """Whether a document gives figures: a rate, a score, counts, or a register whose header
    names a result and whose rows hold numbers."""
    return ask(item, "\x00has_figures", lambda _: _figures(item))


def _figures(item: Evidence) -> bool:
    if any(matches(item, p) for p in _FIGURES):
        return True
    rows = item.rows or ()
    if item.usable and len(rows) > 1 and re.search(_RESULT_HEADER, fold(" ".join(rows[0]))):
        return any(re.fullmatch(r"\s*\d+([,.]\d+)?\s*%?\s*", cell) for r in rows[1:] for cell in r)
    return False


def _unit_where(unit: Unit, docs: Iterable[Evidence], config: WorkspaceConfig) -> Localized:
    """The unit a finding is about: the central function when only its documents are concerned
    (the finding is then reported once, not once per unit)."""
    central = [u for u in config.units if u.central]
    units = {d.unit for d in docs}
    if central and units and units <= {u.id for u in central}:
        return where(next(u for u in central if u.id in units))
    return where(unit)


@mark.verifies("resultats-publies")
def check_resultats_publies(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """Des indicateurs de résultats chiffrés et à jour sont publiés.

    Publiez des résultats chiffrés adaptés aux prestations et aux publics (taux de
    satisfaction, de réussite, d'abandon, d'insertion, effectifs…), datés de moins de 12 mois à
    la date d'audit (règle de fraîcheur indicative, réglable par « freshness: {resultats: N} »).
    Un nouvel entrant à l'audit initial identifie ses indicateurs ; les chiffres sont audités en
    surveillance.

    EN: Quantified, up-to-date performance indicators are published.

    Publish quantified results suited to the offerings and to the audiences (satisfaction, success,
    drop-out and employment rates, numbers of learners…), dated less than 12 months before the audit
    date (freshness heuristic, set with "freshness: {resultats: N}"). A newcomer identifies its
    indicators at the initial audit; the figures are audited at surveillance.
    """
    docs = readable(evidence, 2)
    if not any(is_current(e, freshness, audit_date) for e in docs):
        skip(
            msg(
                "Preuves périmées : voir la vérification de présence des preuves.",
                "Stale evidence: see the evidence-presence check.",
            )
        )
    place = _unit_where(unit, docs, config)
    paths = docs.paths()
    if _new_entrant_initial(config, None):
        identified = mentions(Folded(docs), r"\b(taux|indicateurs?|resultats?)\b")
        if not identified:
            raise Gap(
                msg(
                    f"Nouvel entrant : aucun indicateur de résultat identifié ({place.fr} ; "
                    f"{files(paths)}).",
                    f"New entrant: no result indicator identified ({place.en}; {files(paths)}).",
                ),
                evidence=paths,
            )
        return
    figured = [e for e in docs if _has_figures(e)]
    if not figured:
        raise Gap(
            msg(
                f"Aucun résultat chiffré (taux, effectifs, note) dans les preuves publiées "
                f"({place.fr} ; {files(paths)}).",
                f"No figures (rates, counts, scores) in the published results ({place.en}; "
                f"{files(paths)}).",
            ),
            evidence=paths,
        )
    months = freshness.get("resultats", RESULTS_MONTHS)
    dated = [(e, _date_of(e)) for e in figured]
    if any(
        (e.valid_until is not None and e.valid_until >= audit_date)
        or (
            day is not None
            and is_current(e.model_copy(update={"date": day}), {}, audit_date, months)
        )
        for e, day in dated
    ):
        return
    figured_paths = [e.path for e in figured]
    newest = max((d for _, d in dated if d is not None), default=None)
    if newest is None:
        not_verified(
            msg(
                f"Les résultats chiffrés ne sont pas datés : leur actualité ne peut pas être "
                f"vérifiée ({place.fr} ; {files(figured_paths)}).",
                f"The published figures are undated: whether they are current cannot be "
                f"verified ({place.en}; {files(figured_paths)}).",
            ),
            evidence=figured_paths,
        )
    raise Gap(
        msg(
            f"Les résultats chiffrés les plus récents datent du {newest.isoformat()}, plus de "
            f"{months} mois avant l'audit ({audit_date.isoformat()}) — règle de fraîcheur "
            f"indicative ({place.fr} ; {files(figured_paths)}).",
            f"The latest figures are dated {newest.isoformat()}, over {months} months before "
            f"the audit ({audit_date.isoformat()}) — freshness is a heuristic ({place.en}; "
            f"{files(figured_paths)}).",
        ),
        evidence=figured_paths,
    )


CALCUL = Term.of(
    "modalités de calcul ou source des indicateurs",
    "calculation method or source of the figures",
    r"(modalites?|methodes?|mode|formule|regles?) de calcul",
    r"\bcalcule\w* (sur|a partir|en divisant|par rapport|comme|selon)",
    r"\b(rapport|ratio) entre\b",
    r"\bnombre d[e'][^\n]{1,60}(divise|rapporte|sur le nombre)",
    r"\btaux\s*=",
    r"\b(sur|parmi) (un total de )?\d+ (repondants|reponses|stagiaires|apprenants|inscrits"
    r"|candidats|presents|beneficiaires|sortants|personnes)",
    r"(perimetre|periode) (de reference|couvert\w*|d'observation|de l'enquete)",
    r"inserjeunes",
    r"dispositifs? existants?",
    r"\bsource\s*:\s*(france competences|dares|ministere|education nationale|certif ?info)",
)


@mark.verifies("methode-calcul-resultats")
def check_methode_calcul_resultats(
    unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig
) -> None:
    """Les résultats publiés précisent leurs modalités de calcul ou le dispositif dont ils sont
    issus.

    Indiquez à côté de chaque indicateur comment il est calculé (« taux de réussite = admis /
    présentés, session 2025, 48 candidats ») ou le dispositif existant sur lequel il s'appuie
    (InserJeunes, France compétences…).

    EN: The published results state how they are calculated or the scheme they come from.

    State next to each indicator how it is calculated ("taux de réussite = admis / présentés,
    session 2025, 48 candidats": success rate = passed / sat, 2025 session, 48 candidates) or the
    existing scheme it relies on (InserJeunes, France compétences…).
    """
    docs = readable(evidence, 2)
    text = Folded(docs)
    place = _unit_where(unit, docs, config)
    if not CALCUL.found_in(text):
        raise Gap(
            msg(
                f"Les résultats publiés ne précisent ni leurs modalités de calcul ni leur source "
                f"({place.fr} ; {files(docs.paths())}).",
                f"The published results state neither their calculation method nor their source "
                f"({place.en}; {files(docs.paths())}).",
            ),
            evidence=docs.paths(),
        )


# --- Indicator 3: certification outcomes ----------------------------------------------------

TAUX_OBTENTION = Term.of(
    "taux d'obtention de la certification",
    "certification pass rate",
    r"taux (d'obtention|de reussite|de certification|d'admission|de validation|de diplomes?)",
    r"\d+([,.]\d+)?\s?%[^.\n]{0,40}(reussite|obtention|admis|diplomes|certifies|valid)",
    r"(reussite|obtention|admis|diplomes|certifies)[^.\n]{0,40}\d+([,.]\d+)?\s?%",
)
BLOCS = Term.of(
    "possibilité de valider des blocs de compétences",
    "blocks of competences",
    r"blocs? de competences?",
    r"\bblocs?\s*(n\s*[o°]\s*)?\d",
)
EQUIVALENCES = Term.of("équivalences", "equivalences", r"equivalences?")
PASSERELLES = Term.of("passerelles", "bridges", r"passerelles?")
SUITES = Term.of(
    "suites de parcours",
    "follow-on paths",
    r"suites? de parcours",
    r"poursuites? d'etudes",
    r"poursuite de (formation|parcours)",
    r"(apres|a l'issue de) (la|cette) (formation|certification)[^.\n]{0,40}(poursuivre|acceder)",
)
POURSUITES = Term.of(
    "poursuites d'études",
    "further study",
    r"poursuites? d'etudes",
    r"poursuivre (ses|des|vos|leurs|les) etudes",
)
DEBOUCHES = Term.of(
    "débouchés",
    "job outcomes",
    r"debouches?",
    r"(metiers?|emplois?|postes?) (vises|accessibles|cibles|possibles)",
    r"taux d'insertion",
    r"insertion professionnelle",
)


@mark.verifies("resultats-certification", "poursuites-etudes")
def check_resultats_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    config: WorkspaceConfig,
    referential: Referential,
) -> None:
    """La prestation certifiante informe sur le taux d'obtention, les blocs de compétences, les
    équivalences, passerelles, suites de parcours et débouchés.

    Publiez, pour la certification préparée : le taux d'obtention (avec le taux de présentation
    à l'examen), la possibilité de valider des blocs de compétences, les équivalences,
    passerelles, suites de parcours (à partir du 1er novembre 2026 : en particulier les
    poursuites d'études) et les débouchés (taux d'insertion, métiers visés).

    EN: The certifying offering gives its pass rate, skill blocks, equivalences, bridges, further
    pathways and job outcomes.

    Publish, for the certification prepared: the pass rate (with the rate of candidates sitting the
    exam), whether skill blocks (blocs de compétences) can be validated, the equivalences, bridges
    (passerelles), further pathways (from 1 November 2026: in particular further studies) and job
    outcomes (employment rate, target jobs).
    """
    if not offering.certifying:
        skip(msg("Prestation non certifiante.", "Not a certifying offering."))
    not_for_category(offering, referential, 3)
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 3, kinds=("programme", "certification")
    )
    terms = [TAUX_OBTENTION, BLOCS, EQUIVALENCES, PASSERELLES, SUITES]
    if 3 in indicators_for(("poursuites-etudes",), referential.id):
        terms.append(POURSUITES)
    terms.append(DEBOUCHES)
    if _new_entrant_initial(config, offering.category):
        terms.remove(TAUX_OBTENTION)  # audited at surveillance for a new entrant
    missing = missing_terms(reading.text, terms)
    names = labels(missing)
    rate = msg("", "")
    if TAUX_OBTENTION in missing:
        rate = msg(
            " L'absence du taux d'obtention ne peut pas être une NC mineure (guide V9).",
            " A missing pass rate cannot be a minor NC (guide V9).",
        )
    rs = _rs_note(offering)
    if missing:
        raise Gap(
            msg(
                f"Information sur la certification incomplète pour la {where(offering).fr} : "
                f"absent(s) — {names.fr} (lu dans : {files(reading.paths)}).{rate.fr}{rs.fr}",
                f"Incomplete certification information for {where(offering).en}: missing — "
                f"{names.en} (read in: {files(reading.paths)}).{rate.en}{rs.en}",
            ),
            evidence=reading.paths,
            provisional=cert_provisional(offering),
        )
