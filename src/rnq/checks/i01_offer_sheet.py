"""Indicator 1 — Public information on offerings (« Information du public sur les prestations »),
criterion 1.

Its built-in checks:

* :func:`check_fiche_offre_complete` — the offering's public information sheet gives every item
  required by indicator 1.
* :func:`check_fiche_offre_a_jour` — the offering's public information sheet is up to date on
  the audit date.
* :func:`check_communication_non_trompeuse` — the communication about the offering contains no
  obviously misleading statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from rnq.checks.helpers import (
    MONTHS,
    OfferSections,
    Term,
    all_matches,
    code_pattern,
    date_of,
    files,
    is_current,
    labels,
    mentions,
    missing_terms,
    newest,
    offering_reading,
    readable_not_stale,
    where,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.match.questions import fold
from rnq.referential.loader import Referential
from rnq.referential.verifications import indicators_for
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit

__all__ = [
    "ACCESSIBILITE",
    "CERTIFICATEUR",
    "CONTACTS",
    "DATE_ENREGISTREMENT",
    "DELAIS_ACCES",
    "DUREE",
    "EVALUATION",
    "FINANCEMENTS",
    "METHODES",
    "MODALITES_ACCES",
    "MODALITES_PEDAGOGIQUES",
    "OBJECTIFS",
    "PRE_REQUIS",
    "PROGRAMME_MONTHS",
    "RECONNAISSANCE",
    "TARIFS",
    "check_communication_non_trompeuse",
    "check_fiche_offre_a_jour",
    "check_fiche_offre_complete",
    "sheet_terms",
]

#: The namespace of this module's check names (``rnq.checks.offer_sheet::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.offer_sheet"


#: Months after which an offer sheet is taken as out of date when ``freshness`` sets no rule
#: for ``programme`` (a heuristic: catalogues are usually revised every year or two).
PROGRAMME_MONTHS = 24


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
    rf"|(\d{{1,2}}(er)? )?({'|'.join(MONTHS)}) \d{{4}})",
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
        code = code_pattern(offering.certification) or _CODE_GENERIC
        label = (
            fold(offering.certification or "").upper()
            if code_pattern(offering.certification)
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
    readable_not_stale(evidence, 1, freshness, audit_date)
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    months = freshness.get("programme", PROGRAMME_MONTHS)
    current = [
        e
        for e in reading.docs
        if (e.valid_until is not None and e.valid_until >= audit_date)
        or (
            (day := date_of(e)) is not None
            and is_current(e.model_copy(update={"date": day, "kind": None}), {}, audit_date, months)
        )
    ]
    if current:
        return
    latest = newest(reading.docs)
    if latest is None:
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
            f"La fiche de la {where(offering).fr} date du {latest.isoformat()}, plus de {months} "
            f"mois avant l'audit ({audit_date.isoformat()}) — règle de fraîcheur indicative "
            f"({files(reading.paths)}).",
            f"The sheet of {where(offering).en} is dated {latest.isoformat()}, over {months} "
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
        own = code_pattern(offering.certification)
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
