"""Indicator 7 — Content matches the targeted certification (« Adéquation des contenus à la
certification visée »), criterion 2.

Its built-in checks:

* :func:`check_adequation_certification` — the contents of the certifying offering match the
  targeted certification.
* :func:`check_capacite_certification` — the provider proves it can deliver the targeted
  certification (habilitation, partnership with the certifying body, or being the certifying
  body itself).
"""

from __future__ import annotations

import re

from rnq.checks.helpers import (
    OfferSections,
    Term,
    Text,
    cert_provisional,
    incomplete,
    mentions,
    missing_terms,
    not_for_category,
    offering_reading,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg, skip
from rnq.match.questions import fold
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Organization, Unit

__all__ = [
    "CORRESPONDANCE",
    "EPREUVES",
    "REFERENTIEL",
    "check_adequation_certification",
    "check_capacite_certification",
]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"


_CODE = r"\b(rncp|rs)\s*[-:#.]?\s*(n\s*[o°]\s*)?\d{3,}\b"


REFERENTIEL = Term.of(
    "référence au référentiel de la certification",
    "reference to the certification's referential",
    r"referentiels? (de certification|de competences|d'activites|d'evaluation|du (diplome|titre"
    r"|cap|bts|bac|bp|cqp)|professionnel|rncp|rs)",
    r"fiche (rncp|rs|france competences)",
    _CODE,
)


CORRESPONDANCE = Term.of(
    "correspondance des contenus avec les blocs ou compétences de la certification",
    "content mapped to the certification's blocks or competences",
    r"blocs? de competences?",
    r"\bblocs?\s*(n\s*[o°]\s*)?\d",
    r"\bbc\s*0?\d\b",
    r"tableau (croise|de correspondance)",
    r"\bcorrespondance\b",
    r"\bmatrice\b",
    r"\bcompetences?\b[^.\n]{0,60}\b(modules?|sequences?|contenus?)\b",
    r"\b(modules?|sequences?|contenus?)\b[^.\n]{0,60}\bcompetences?\b",
)


EPREUVES = Term.of(
    "épreuves ou modalités d'évaluation de la certification",
    "the certification's examinations or assessment",
    r"\bepreuves?\b",
    r"modalites d'evaluation",
    r"\bexamens?\b",
    r"\bccf\b|controle en cours de formation",
    r"\bjury\b|soutenance|mise en situation professionnelle",
)


def _certifying(offering: Offering, referential: Referential, number: int) -> None:
    if not offering.certifying:
        skip(msg("Prestation non certifiante.", "Not a certifying offering."))
    not_for_category(offering, referential, number)


@mark.verifies("adequation-certification")
def check_adequation_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
) -> None:
    """Les contenus de la prestation certifiante sont en adéquation avec la certification
    visée.

    Montrez la correspondance entre les contenus de la prestation et le référentiel de la
    certification (tableau croisé modules / blocs de compétences), et la préparation à ses
    épreuves d'évaluation.

    EN: The contents of the certifying offering match the targeted certification.

    Show how the offering's contents map to the certification's standard (cross-reference table of
    modules / skill blocks, blocs de compétences), and how learners are prepared for its assessment
    tests.
    """
    _certifying(offering, referential, 7)
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 7, kinds=("programme", "certification")
    )
    missing = missing_terms(reading.text, [REFERENTIEL, CORRESPONDANCE, EPREUVES])
    incomplete(
        msg("Adéquation à la certification", "Match with the certification"),
        offering,
        reading,
        missing,
        provisional=cert_provisional(offering),
    )


_CAPACITY = (
    r"habilit\w*",
    r"\bagre(e|es|ment)\b",
    r"convention[^.\n]{0,40}(certificateur|ministere|rectorat|france competences)",
    r"(partenaire|partenariat|accord)[^.\n]{0,30}(du|avec le|avec l'|de l') ?(certificateur"
    r"|organisme certificateur)",
    r"(nous sommes|en (tant que|qualite d[e']))[^.\n]{0,10}(certificateur|organisme habilite)",
    r"centre (d'examens?|agree|habilite|de passage)",
    r"autorisation (d'organiser|de preparer|de dispenser|de former)",
    r"\brectorat\b|inscription aux examens",
)


def _is_certifier(text: Text, organization: Organization) -> bool:
    """Whether the text names the organization itself as the certifier."""
    name = re.escape(fold(organization.name))
    return mentions(text, rf"certificat(eur|rice)s?\W{{0,5}}(\w+\W+){{0,4}}{name}")


@mark.verifies("capacite-certification")
def check_capacite_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    organization: Organization,
) -> None:
    """Le prestataire prouve sa capacité à assurer la certification visée (habilitation,
    partenariat avec le certificateur, ou qualité de certificateur).

    Joignez pour la prestation l'habilitation ou la convention de partenariat avec le
    certificateur (ou la preuve que l'organisme est lui-même certificateur, ou centre d'examen
    agréé) ; une attestation (kind: attestation) peut la décrire si le document n'est pas
    diffusable.

    EN: The provider proves it can deliver the targeted certification (habilitation, partnership
    with the certifying body, or being the certifying body itself).

    Attach for the offering the habilitation or the partnership agreement with the certifying body
    (or proof that the organisation is itself the certifying body, or an approved exam centre); an
    attestation (kind: attestation) may describe it if the document cannot be shared.
    """
    _certifying(offering, referential, 7)
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 7, kinds=("certification",)
    )
    found = mentions(reading.text, *_CAPACITY) or _is_certifier(reading.text, organization)
    if not found:
        incomplete(
            msg("Capacité à assurer la certification", "Capacity to deliver the certification"),
            offering,
            reading,
            [
                Term.of(
                    "habilitation, convention avec le certificateur ou qualité de certificateur",
                    "habilitation, agreement with the certifier or being the certifier",
                )
            ],
            provisional=cert_provisional(offering),
        )
