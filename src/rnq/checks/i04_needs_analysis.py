"""Indicator 4 — Needs analysis (« Analyse du besoin »), criterion 2.

Its built-in checks:

* :func:`check_analyse_besoin` — the beneficiary's needs are analysed, together with the company
  and/or the funder concerned.
* :func:`check_analyse_besoin_avant_entree` — in a registrations export (``rnq-registrations``),
  every learner who entered had a needs analysis dated on or before entry.

What it demands (reference §2, indicator 4):

* the analysis of the beneficiary's need — always (wording, niveau attendu);
* the link with the company and/or the funder — the « et/ou » is between the company and the
  funder, and « concerné(s) » makes it conditional: only where a company or a funder takes part.
  That is declared by the facts: a funder other than the beneficiary (``funded_by``: company,
  opco, region, france_travail, state, agefiph — the item's condition in ``indicators/04.yaml``),
  or a company in the offering (``companies_concerned``: alternance, a work situation, an
  apprenticeship). A self-funded bilan is asked for no link with a company; where nothing is
  declared, the missing link is advice « à confirmer » that names the facts to declare;
* for an apprenticeship, that the missions the company entrusts match the targeted diploma
  (specific obligation of the guide for CFA).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rnq.checks.helpers import OfferSections, offering_reading
from rnq.checks.judging import Finder, judge
from rnq.checks.registrations import check_before_entry
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import ItemCondition, Referential
from rnq.workspace.config import Offering, Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_analyse_besoin", "check_analyse_besoin_avant_entree"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"

#: A label that points elsewhere instead of saying something (« Besoin : voir entreprise »).
_POINTER = r"re:(?::|-|–)\s*(?:voir|cf\b|idem|se reporter)"

#: Who the beneficiary is, in the words of a needs analysis (each word finds its other forms:
#: « stagiaire » finds « stagiaires », « candidat » finds « candidate »).
_BENEFICIARY = (
    "bénéficiaire|stagiaire|apprenant|candidat|salarié|participant|personne|client|apprenti"
    "|demandeur|collaborateur|équipe|agent"
)

#: Who the company is: employer, manager, HR, client, tutor.
_COMPANY = (
    "entreprise|employeur|manager|RH|DRH|direction|client|commanditaire|hiérarchique|hiérarchie"
    "|tuteur|gérant|dirigeant|responsable|service"
)

#: Who the funder is.
_FUNDER = (
    "financeur|OPCO|prescripteur|conseiller|Région|AKTO|Constructys|Transitions|Agefiph|CNFPT"
    "|Uniformation|Atlas|Ocapiat|AFDAS"
)

#: What the company entrusts, how it matches, and what it must match.
_TASKS = "mission|activité|tâche|poste|travaux"
_MATCHES = (
    "correspondent|correspond|correspondance|correspondante|compatible|cohérent|cohérence"
    "|conforme|adéquation|lien|couvrent|permettent|préparer|regard"
)
_DIPLOMA = "référentiel|diplôme|titre|certification|CAP|BTS|BP|bloc|bac|qualification"

#: How a document says each item of indicator 4 (``items:`` of ``indicators/04.yaml``).
CONCEPTS: dict[str, Finder] = {
    "analyse-besoin": Concept.of(
        "analyse|analyser|analysé|recueil|recueillir|identification|identifier|expression"
        "|diagnostic|évaluation|étude|synthèse|grille|fiche|formulaire|questionnaire besoin"
        "|besoins|attentes|demande",
        f"besoin|besoins {_BENEFICIARY}",
        "besoins|besoin exprimés|exprimé|identifiés|identifié|repérés|particuliers|spécifiques"
        "|formation|formations|prioritaires|compétences|compensation",
        "vos besoins",
        "besoin|besoins|attentes défini|analysé|recueilli|identifié|précisé|évalué|étudié|repéré",
        "exprime|exprimé|expriment|exprimée|formule besoin|besoins|attentes|souhait",
        r"re:\battentes\b",
        f"attente {_BENEFICIARY}",
        "ce que vous attendez|attendez-vous",
        "ce que j'attends",
        r"re:\bce qu'(?:il|elle|ils|elles|on) (?:attend|recherche|souhaite)",
        r"re:\bce que (?:le|la|les) (?:\w+ ){0,2}(?:attend|recherche|souhaite)",
        "entretien|entretiens préalable|admission|cadrage|diagnostic|faisabilité"
        "|tripartite|accueil|recrutement|individuel|positionnement|information",
        "phase préliminaire",
        "fiche|note|réunion|rendez-vous|document|compte cadrage",
        r"re:\bpourquoi (?:cette|votre|une|la) (?:demande|formation|bilan|accompagnement|vae)\b",
        r"re:\bpourquoi (?:maintenant|ce bilan|cette formation)\b",
        "projet professionnel",
        r"re:(?:^|\n)[#*\- \t]*(?:votre|vos|son|ses|leur|leurs|mon|mes) (?:projet|situation|besoin"
        r"|demande|attente|contrainte|objectif)s?\b",
        r"re:\bce que (?:vous|tu) (?:voulez|souhaitez|aimeriez|veux|souhaites|attendez)\b",
        "motivation|motivations",
        "demande initiale",
        "contexte|origine de la demande",
        "analyse de la demande",
        "situation actuelle",
        "préconisation|préconisations",
        "programme personnalisé|co-construit|coconstruit",
        unless=(
            _POINTER,
            "satisfaction",
            r"re:\b(?:liste|salle|file|delai|temps|duree)s? d'attente\b",
            r"re:\ben attente\b",
        ),
    ),
    "lien-entreprise-financeur": Concept.of(
        f"attentes|attente|besoins|besoin|demande|demandes|objectifs|priorités|contraintes"
        f"|cahier {_COMPANY}|{_FUNDER}",
        f"compétences|résultats attendues|attendus|souhaitées|demandées {_COMPANY}|{_FUNDER}",
        r"re:\b(?:attendue?s?|souhaitee?s?|demandee?s?|exprimee?s?|validee?s?|validation|valide"
        r"|definie?s?|fixee?s?) par (?:le |la |l'|les |son |sa |leur |votre )?(?:entreprise"
        r"|employeur|manager|rh|drh|direction|client|service|responsable|tuteur|tutrice|gerante?"
        r"|dirigeante?|opco|financeur|conseill\w+|prescript\w+|commanditaire|hierarchi\w+"
        r"|mme|m\.|madame|monsieur)",
        f"entretien|entretiens|échange|échanges|réunion|rendez-vous|appel|rencontre|point|visite"
        f"|contact avec {_COMPANY.replace('|client', '')}|{_FUNDER}|maître",
        "entretien|rencontre|réunion tripartite",
        "entretien|échange téléphonique",
        "visite entreprise",
        "maître d'apprentissage",
        f"avis {_FUNDER}|employeur|entreprise|manager|tuteur",
        "prescription|prescrit|prescrite",
        "fiche prescription",
        "cahier des charges",
        f"critère|préconisation|exigence {_FUNDER}|financeur",
        r"re:\b(?:declaree?s?|remplie?s?|completee?s?|renseignee?s?|retournee?s?"
        r"|proposee?s?|exprimee?s?) par (?:l'entreprise|l'employeur|le tuteur"
        r"|la tutrice|le maitre|la maitre|le manager|le client|la rh|le service|l'opco"
        r"|le financeur|le conseiller|la conseillere|la gerante|le gerant)",
        r"re:\b(?:vous|que vous) (?:confierez|confiez|prevoyez de confier|attendez)\b",
        r"re:\b(?:verifie|convenu|defini|construit|etabli|valide|echange)s? ensemble\b",
        r"re:\bavons convenu\b",
        r"re:\b(?:votre|vos) (?:equipes?|salaries?|collaborat\w+|agents?|asv|apprenti\w*"
        r"|managers?)\b",
        "association entreprise|financeur",
        r"re:\b(?:defini|analyse|recueilli|identifie|precise|construit|elabore|valide|etabli"
        r"|co-?construit)e?s? (?:avec|aupres) (?:de |d')?(?:le |la |l'|les |son |sa |leur |votre )?"
        r"(?:entreprise|employeur|manager|rh|drh|direction|client|service|responsable|tuteur"
        r"|tutrice|gerante?|dirigeante?|opco|financeur|conseill\w+|prescript\w+|commanditaire"
        r"|hierarchi\w+|maitre)",
        "prise en compte demande|attente|besoin employeur|entreprise|client|financeur|OPCO",
        r"re:\bce qu(?:e |')(?:l'|le |la |les |votre |leur )?(?:entreprise|employeur|client"
        r"|manager|direction|service|rh|drh|financeur|opco|responsable|commanditaire)s?"
        r"(?: \w+)? (?:attend|souhaite|demande|veut|attendent|souhaitent|demandent|veulent)\b",
        unless=(_POINTER,),
    ),
    "adequation-missions": Concept.of(
        f"{_TASKS} {_MATCHES} {_DIPLOMA}",
        "fiche de poste référentiel|diplôme|titre|certification",
        "au regard du référentiel",
        "activité|activités du référentiel",
        r"re:\bblocs? (?:du |de la |des )?(?:bts|cap|bp|bac|titre|diplome|certification)\b",
        r"re:\bmissions? (?:prevues|confiees)[^.\n]{0,60}(?:permett\w+|couvr\w+|prepar\w+"
        r"|acquerir|correspond\w*)",
        r"re:\b(?:missions?|activites?|taches?)\b[^.\n]{0,60}\b(?:correspond\w*|compatibles?"
        r"|coheren\w*|conformes?|adequation|en lien)\b[^.\n]{0,40}\b(?:referentiel|diplome"
        r"|titre|certification|cap|bts|bp|blocs?|bac)\b",
        gap=6,
        unless=(_POINTER,),
    ),
}


@dataclass(frozen=True)
class _CompanyOrFunder(TargetFacts):
    """The target's facts, where the link with a company or a funder is concerned when a funder
    other than the beneficiary is declared (the item's condition) or a company takes part in the
    offering (``companies_concerned``); not concerned when the funders are declared without any
    and no company takes part; undeclared otherwise."""

    def holds(self, condition: ItemCondition) -> bool | None:
        funded = super().holds(condition)
        if condition.fact != "funded_by":
            return funded
        company = super().holds(_COMPANY_TAKES_PART)
        if funded or company:
            return True
        if funded is False:
            return False
        return None


_COMPANY_TAKES_PART = ItemCondition(fact="companies_concerned", equals=True)


@mark.verifies("analyse-besoin")
def check_analyse_besoin(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Le besoin du bénéficiaire est analysé, en lien avec l'entreprise et/ou le financeur
    concerné(s).

    Conservez pour la prestation la grille ou le compte rendu d'analyse du besoin (entretien
    préalable, questionnaire, dossier d'admission) montrant le besoin du bénéficiaire. Lorsqu'une
    entreprise ou un financeur est partie prenante (financement employeur, OPCO, Région, France
    Travail ; alternance ou apprentissage), montrez aussi comment leurs attentes ont été prises
    en compte — déclarez les financeurs (facts: funded_by) dans rnq.yaml : un bilan financé par
    le bénéficiaire lui-même ne demande aucun lien avec une entreprise. En apprentissage, montrez
    que les missions confiées correspondent au diplôme visé. Une attestation (kind: attestation)
    peut décrire l'analyse faite par un tiers et sa prise en compte. Un brouillon ou un modèle
    vide ne prouve rien.

    EN: The beneficiary's needs are analysed, together with the company and/or the funder
    concerned.

    Keep for the offering the needs-analysis grid or report (preliminary interview, questionnaire,
    admission file) showing the beneficiary's needs. Where a company or a funder takes part
    (employer funding, OPCO, region, France Travail; work-study or apprenticeship), also show how
    their expectations were taken into account — declare the funders (facts: funded_by) in
    rnq.yaml: a skills review paid by the beneficiary asks for no link with a company. For
    apprenticeships, show that the tasks entrusted match the targeted diploma. An attestation
    (kind: attestation) may describe an analysis made by a third party and how it was taken into
    account. A draft or an empty template proves nothing.
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 4, kinds=("analyse-besoin",)
    )
    judge(
        reading,
        CONCEPTS,
        indicator=4,
        referential=referential,
        facts=_CompanyOrFunder(facts.sources),
        target=offering,
        subject=msg("Analyse du besoin", "Needs analysis"),
    )


@mark.verifies("analyse-besoin")
def check_analyse_besoin_avant_entree(
    offering: Offering, evidence: EvidenceSet, today: dt.date
) -> None:
    """Chaque apprenant entré en formation a eu une analyse du besoin datée au plus tard le jour
    de son entrée (export des inscriptions).

    Quand un export de votre logiciel d'inscription est lu (collecteur « registrations »), rnq
    regarde, prestation par prestation, chaque apprenant dont la date d'entrée est passée : la
    date de l'entretien ou de l'analyse du besoin doit être renseignée (sinon, c'est un écart) et
    ne pas dépasser celle de l'entrée (sinon, un point de vigilance : le texte ne date pas
    l'analyse par rapport à l'entrée). Un apprenant dont l'entrée est à venir n'est pas un
    écart. Sans export, rien n'est vérifié ici.

    EN: Every learner who entered had a needs analysis dated on or before their entry
    (registrations export).

    When an export of your registration software is read (the « registrations » collector), rnq
    looks, offering by offering, at each learner whose entry date has passed: the date of the
    needs interview or analysis must be filled in (else a gap) and not later than entry (else a
    point of vigilance: the text does not date the analysis against entry). A learner whose
    entry is ahead is not a gap. Without an export, nothing is checked here.
    """
    check_before_entry(offering, evidence, today, "analyse_besoin")
