"""Criterion 2 — objectives and adaptation at design time, per offering: needs analysis (4),
operational and assessable objectives (5), content and methods (6), content matching the
certification and, from rnq-2026, the capacity to deliver it (7), entry positioning (8).

Each check reads what :func:`rnq.checks._offering.offering_reading` gives for the offering
(its own evidence for the indicator, plus the sections of its unit's or the central function's
documents that name it, from the ``offer_sections`` fixture defined in that module) and lists,
in one finding, the items of the wording it does not find.
"""

from __future__ import annotations

import re

from rnq.checks._common import Term, Text, fold, labels, mentions, missing_terms, where
from rnq.checks._offering import (
    OfferSections,
    Reading,
    cert_provisional,
    files,
    not_for_category,
    offering_reading,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, skip
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Offering, Organization, Unit

__all__ = [
    "check_adequation_certification",
    "check_analyse_besoin",
    "check_capacite_certification",
    "check_contenus_modalites",
    "check_objectifs_evaluables",
    "check_positionnement",
]


def _incomplete(
    what: Localized,
    offering: Offering,
    reading: Reading,
    missing: list[Term],
    *,
    provisional: bool = False,
) -> None:
    """Raise one gap listing the ``missing`` items of ``what`` for ``offering``."""
    if not missing:
        return
    names = labels(missing)
    note = msg("", "")
    if provisional:
        note = msg(
            " (Certification du Répertoire spécifique : l'application de cet indicateur au RS "
            "n'est pas confirmée — écart provisoire.)",
            " (Répertoire spécifique certification: whether this indicator covers RS is not "
            "confirmed — provisional gap.)",
        )
    raise Gap(
        msg(
            f"{what.fr} — {where(offering).fr} : absent(s) — {names.fr} "
            f"(lu dans : {files(reading.paths)}).{note.fr}",
            f"{what.en} — {where(offering).en}: missing — {names.en} "
            f"(read in: {files(reading.paths)}).{note.en}",
        ),
        evidence=reading.paths,
        provisional=provisional,
    )


# --- Indicator 4: needs analysis ----------------------------------------------------------

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
    _incomplete(msg("Analyse du besoin", "Needs analysis"), offering, reading, missing)


# --- Indicator 5: operational and assessable objectives ------------------------------------

_ACTION_VERBS = (
    "identifier|realiser|rediger|appliquer|utiliser|mettre en (oeuvre|œuvre|place)|analyser"
    "|concevoir|organiser|elaborer|construire|conduire|animer|preparer|calculer|diagnostiquer"
    "|produire|accueillir|conseiller|vendre|gerer|communiquer|presenter|expliquer|decrire"
    "|distinguer|planifier|controler|installer|entretenir|composer|creer|adapter|selectionner"
    "|etablir|definir|reperer|traiter|negocier|argumenter|enoncer|justifier|evaluer|encadrer"
    "|manager|piloter|saisir|parametrer|configurer|developper|programmer|diriger|interpreter"
    "|comparer|classer|formuler|resoudre|appliquer|respecter|assurer|realiser|maitriser|tenir"
    "|exprimer|comprendre et|converser|echanger|lire|ecrire|parler|reformuler|accompagner"
)
OBJECTIFS = Term.of(
    "objectifs de la prestation",
    "objectives of the offering",
    r"\bobjectifs?\b",
    r"competences (visees|cibles|developpees|a acquerir|attendues)",
    r"a l'issue de (la|cette) (formation|prestation|action)",
)
OPERATIONNELS = Term.of(
    "objectifs opérationnels (verbes d'action, « être capable de »)",
    "operational objectives (action verbs, 'be able to')",
    r"(capables?|en mesure|aptes?) (de |d')",
    r"\bsavoir(-faire)?\s*:?\s*(" + _ACTION_VERBS + r")\b",
    r"(^|\n)\s*([-*•]|\d+[.)])?\s*(" + _ACTION_VERBS + r")\b",
    r"objectifs?[^\n]{0,40}:\s*(" + _ACTION_VERBS + r")\b",
)
EVALUABLES = Term.of(
    "objectifs évaluables (critères ou modalités d'évaluation)",
    "assessable objectives (criteria or assessment)",
    r"\bevalu\w*",
    r"\bcriteres?\b",
    r"indicateurs? de (reussite|resultat|progression|performance)",
    r"\bmesur(e|er|able|ables|es)\b",
    r"\b(examens?|epreuves?|qcm|quiz|tests?)\b",
    r"\bgrilles?\b",
)


@mark.verifies("objectifs-evaluables")
def check_objectifs_evaluables(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """Les objectifs de la prestation sont opérationnels et évaluables.

    Formulez les objectifs avec des verbes d'action (« à l'issue de la formation, le stagiaire
    sera capable de réaliser… ») plutôt que « connaître » ou « sensibiliser », et indiquez
    comment leur atteinte est évaluée (critères, épreuves, grille d'évaluation).

    EN: The offering's objectives are operational and assessable.

    Word the objectives with action verbs ("by the end of the training, the trainee will be able to
    carry out…") rather than "know" or "be made aware of", and state how their achievement is
    assessed (criteria, tests, assessment grid).
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 5, kinds=("programme",))
    missing = missing_terms(reading.text, [OBJECTIFS, OPERATIONNELS, EVALUABLES])
    _incomplete(msg("Objectifs", "Objectives"), offering, reading, missing)


# --- Indicator 6: content and methods -------------------------------------------------------

CONTENU = Term.of(
    "contenus (programme, modules, séquences)",
    "content (programme, modules, sequences)",
    r"\bcontenus?\b",
    r"\bprogramme\b",
    r"\bmodules?\b",
    r"\bsequences?\b",
    r"\bderoule\w*",
    r"progression pedagogique",
    r"\bseances?\b",
    r"plan de (cours|formation)",
    r"\bchapitres?\b",
)
MISE_EN_OEUVRE = Term.of(
    "modalités de mise en œuvre (présentiel, distance, méthodes, calendrier)",
    "delivery methods (face-to-face, distance, methods, schedule)",
    r"modalites (de mise en (oe|œ)uvre|pedagogiques|de deroulement|d'organisation)",
    r"presentiel|distanciel|(a|en) distance|en ligne|e-?learning|\bhybride\b|\bblended\b",
    r"\bfoad\b|\ba?synchrone|\balternance\b",
    r"methodes? pedagogiques?",
    r"\bcalendrier\b|\bplanning\b",
)
LIEN_OBJECTIFS = Term.of(
    "lien avec les objectifs définis",
    "link with the defined objectives",
    r"\bobjectifs?\b",
    r"competences (visees|cibles|developpees|a acquerir)",
)
PUBLICS = Term.of(
    "adaptation aux publics bénéficiaires",
    "adaptation to the learners",
    r"\bpublics?\b",
    r"\badapt\w*",
    r"individualis\w*",
    r"personnalis\w*",
    r"\bprofils?\b",
    r"handicap|\bpsh\b",
)


@mark.verifies("contenus-modalites")
def check_contenus_modalites(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """Les contenus et modalités de mise en œuvre sont établis, adaptés aux objectifs et aux
    publics.

    Décrivez pour la prestation ses contenus (programme détaillé, séquences, déroulé), ses
    modalités de mise en œuvre (présentiel, distance, méthodes, calendrier), leur lien avec les
    objectifs et leur adaptation au public visé (profils, individualisation, handicap).

    EN: The contents and delivery methods are defined and suited to the objectives and to the
    audiences.

    Describe for the offering its contents (detailed programme, sequences, running order), its
    delivery methods (on-site, distance, teaching methods, calendar), how they relate to the
    objectives and how they are adapted to the target audience (profiles, individualisation,
    disability).
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 6, kinds=("programme",))
    missing = missing_terms(reading.text, [CONTENU, MISE_EN_OEUVRE, LIEN_OBJECTIFS, PUBLICS])
    _incomplete(msg("Contenus et modalités", "Content and methods"), offering, reading, missing)


# --- Indicator 7: content matches the certification -----------------------------------------

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
    _incomplete(
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
        _incomplete(
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


# --- Indicator 8: entry positioning -----------------------------------------------------------

POSITIONNEMENT = Term.of(
    "procédure de positionnement",
    "positioning procedure",
    r"positionnement",
    r"test (de niveau|d'entree|initial|de positionnement)",
    r"entretien (d'admission|prealable|de positionnement|individuel|d'entree)",
    r"auto-?positionnement",
    r"diagnostic (initial|d'entree|prealable)",
)
ACQUIS = Term.of(
    "évaluation des acquis à l'entrée (test, QCM, prérequis vérifiés)",
    "assessment of prior learning at entry (test, quiz, prerequisites checked)",
    r"evaluations? (diagnostiques?|initiales?|d'entree|des acquis|des pre-?requis|des"
    r" connaissances|prealables?)",
    r"(tests?|qcm|quiz|questionnaires?|exercices?|mises? en situation)\s(de niveau|d'entree"
    r"|initia\w*|de positionnement|de connaissances|prealables?|d'evaluation)",
    r"(verification|controle|validation) des (pre-?requis|acquis|connaissances)",
    r"(aucun|sans|pas de) pre-?\s?requis",
    r"(diplomes?|experiences?)[^.\n]{0,40}(requis|exiges?|valides?)",
)


@mark.verifies("positionnement")
def check_positionnement(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
) -> None:
    """Les procédures de positionnement et d'évaluation des acquis à l'entrée sont définies.

    Décrivez pour la prestation comment chaque entrant est positionné (entretien, test de
    niveau, auto-positionnement) et comment ses acquis sont évalués à l'entrée (QCM, exercices,
    vérification des prérequis ; s'il n'y a pas de prérequis, dites-le).

    EN: The procedures for placing entrants (positionnement) and assessing their prior learning on
    entry are defined.

    Describe for the offering how each entrant is placed (interview, level test, self-assessment)
    and how their prior learning is assessed on entry (multiple-choice test, exercises, checking
    prerequisites; if there are no prerequisites, say so).
    """
    not_for_category(offering, referential, 8)
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 8, kinds=("positionnement",)
    )
    missing = missing_terms(reading.text, [POSITIONNEMENT, ACQUIS])
    _incomplete(msg("Positionnement à l'entrée", "Entry positioning"), offering, reading, missing)
