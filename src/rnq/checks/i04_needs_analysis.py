"""Indicator 4 — Needs analysis (« Analyse du besoin »), criterion 2.

Its built-in checks:

* :func:`check_analyse_besoin` — the beneficiary's needs are analysed, together with the company
  and/or the funder.
"""

from __future__ import annotations

from rnq.checks.helpers import OfferSections, Term, incomplete, missing_terms, offering_reading
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Offering, Unit

__all__ = ["BESOIN", "MISSIONS", "PARTIES", "check_analyse_besoin"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"


BESOIN = Term.of(
    "analyse du besoin du bénéficiaire",
    "analysis of the beneficiary's need",
    r"(analyse|recueil|identification|expression|diagnostic|evaluation) (du|des|de ses|de son"
    r"|de leurs) besoins?",
    r"besoins? (du|de la|des|de l'|de chaque) ?(beneficiaire|stagiaire|apprenant|candidat"
    r"|salarie|participant|personne|client|apprenti|eleve)",
    r"entretien (prealable|individuel|d'admission|de recrutement|d'accueil|de diagnostic)",
    r"questionnaire (prealable|de recueil|d'analyse|des besoins)",
    r"\battentes\b",
    r"projet professionnel",
    r"diagnostic (prealable|initial)",
)


PARTIES = Term.of(
    "lien avec l'entreprise et/ou le financeur",
    "link with the company and/or the funder",
    r"\bentreprises?\b",
    r"\bemployeurs?\b",
    r"\bfinanceurs?\b",
    r"\bopco\b",
    r"france travail|pole emploi",
    r"\bprescripteurs?\b",
    r"\bcommanditaires?\b",
    r"\btuteurs?\b",
    r"\bmanagers?\b|responsable hierarchique",
    r"\bcpf\b|mon ?compte ?formation",
    r"autofinanc|financement personnel|a titre (individuel|personnel)",
)


MISSIONS = Term.of(
    "adéquation des missions de l'entreprise au diplôme visé (alternance)",
    "company's tasks matched with the targeted diploma (work-study)",
    r"missions?[^.\n]{0,80}(diplome|referentiel|titre|certification|qualification)",
    r"(adequation|coherence|compatibilite)[^.\n]{0,60}(missions?|postes?|activites?)",
)


@mark.verifies("analyse-besoin")
def check_analyse_besoin(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """Le besoin du bénéficiaire est analysé, en lien avec l'entreprise et/ou le financeur.

    Conservez pour la prestation la grille ou le compte rendu d'analyse du besoin (entretien
    préalable, questionnaire, dossier d'admission) montrant le besoin du bénéficiaire et la
    prise en compte de l'entreprise ou du financeur concerné ; en apprentissage, la vérification
    que les missions confiées correspondent au diplôme visé. Une attestation (kind: attestation)
    peut décrire l'analyse faite par un tiers et sa prise en compte.

    EN: The beneficiary's needs are analysed, together with the company and/or the funder.

    Keep for the offering the needs-analysis grid or report (preliminary interview, questionnaire,
    admission file) showing the beneficiary's needs and how the company or funder concerned was
    taken into account; for apprenticeships, the check that the tasks entrusted match the targeted
    diploma. An attestation (kind: attestation) may describe an analysis made by a third party and
    how it was taken into account.
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 4, kinds=("analyse-besoin",)
    )
    terms = [BESOIN, PARTIES] + ([MISSIONS] if offering.category == "CFA" else [])
    missing = missing_terms(reading.text, terms)
    incomplete(msg("Analyse du besoin", "Needs analysis"), offering, reading, missing)
