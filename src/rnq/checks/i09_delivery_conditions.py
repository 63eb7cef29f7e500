"""Indicator 9 — Informing learners of delivery conditions (« Information sur les conditions de
déroulement »), criterion 3.

Its built-in checks:

* :func:`check_conditions_deroulement` — beneficiaries are informed of how the offering will run
  (conditions de déroulement).
"""

from __future__ import annotations

from rnq.checks.helpers import DISTANCE, Term, folded_text, mentions, readable, require
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.referential.loader import Category
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["check_conditions_deroulement", "unit_categories"]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"


def unit_categories(unit: Unit, config: WorkspaceConfig) -> set[Category]:
    """The categories of actions a unit delivers: those of its offerings, else the provider's."""
    return {o.category for o in unit.offerings} or set(config.categories)


_SCHEDULE = Term.of(
    "les horaires, dates ou le planning",
    "the timetable, dates or schedule",
    r"horaire",
    r"planning",
    r"calendrier",
    r"emploi du temps",
    r"\b\d{1,2} ?h(?: ?\d{2})?\b",
    r"dates? (de|des|du) (session|formation|cours|stage|regroupement)",
)


_PLACE = Term.of(
    "le lieu ou les modalités d'accès (site, plateforme)",
    "the place or access arrangements (premises, platform)",
    r"\blieux?\b",
    r"adresse",
    r"\bacces\b",
    r"\bsalles?\b",
    r"locaux",
    *DISTANCE,
)


_CONTACTS = Term.of(
    "les contacts (interlocuteurs pédagogiques et administratifs)",
    "the contacts (teaching and administrative)",
    r"contact",
    r"interlocut",
    r"referent",
    r"coordonnees",
    r"@[a-z0-9-]+\.[a-z]",
    r"\b0[1-9](?:[ .-]?\d{2}){4}\b",
    r"telephone",
)


_RULES = Term.of(
    "le règlement intérieur",
    "the internal rules",
    r"reglement interieur",
    r"regles de vie",
    r"charte (du stagiaire|des stagiaires|de l'apprenant|des apprenants)",
)


_PLATFORM = Term.of(
    "l'accès à la plateforme et l'assistance technique et pédagogique",
    "platform access and technical and teaching assistance",
    r"identifiant",
    r"connexion",
    r"assistance",
    r"hotline",
    r"support technique",
    r"tutorat",
)


_BC_ETHICS = Term.of(
    "les engagements déontologiques du bilan (consentement, confidentialité)",
    "the ethical commitments of the skills review (consent, confidentiality)",
    r"confidential",
    r"consentement",
    r"secret professionnel",
    r"deontolog",
)


@mark.verifies("conditions-deroulement")
def check_conditions_deroulement(
    unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig
) -> None:
    """Les bénéficiaires sont informés des conditions de déroulement de la prestation.

    Remettez aux bénéficiaires (livret d'accueil, convocation, règlement intérieur, CGU de la
    plateforme) un document qui donne les horaires ou le planning, le lieu ou l'accès à la
    plateforme, les contacts pédagogiques et administratifs et le règlement intérieur ; à distance,
    les modalités de connexion et l'assistance technique et pédagogique ; pour un bilan de
    compétences, les engagements de confidentialité et de consentement.

    EN: Beneficiaries are informed of how the offering will run (conditions de déroulement).

    Give beneficiaries a document (welcome booklet / livret d'accueil, notice to attend /
    convocation, internal rules / règlement intérieur, the platform's terms of use) that gives the
    timetable or schedule, the place or the access to the platform, the teaching and administrative
    contacts and the internal rules; for distance learning, how to connect and the technical and
    teaching support available; for a skills review (bilan de compétences), the confidentiality and
    consent commitments.
    """
    docs = readable(evidence, 9)
    folded = folded_text(docs, unit)
    categories = unit_categories(unit, config)
    terms = [_SCHEDULE, _PLACE, _CONTACTS]
    has_rules = any(e.kind == "reglement-interieur" for e in docs)
    if categories & {"AF", "CFA"} and not has_rules:
        terms.append(_RULES)
    if mentions(folded, *DISTANCE):
        terms.append(_PLATFORM)
    if "BC" in categories:
        terms.append(_BC_ETHICS)
    require(
        folded,
        terms,
        subject=msg("Conditions de déroulement communiquées", "Delivery conditions communicated"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(9,),
    )
