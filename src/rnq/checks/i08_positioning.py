"""Indicator 8 — Entry positioning and assessment (« Positionnement et évaluation des acquis à
l'entrée »), criterion 2.

Its built-in checks:

* :func:`check_positionnement` — the procedures for placing entrants (positionnement) and
  assessing their prior learning on entry are defined.
* :func:`check_positionnement_avant_entree` — in a registrations export (``rnq-registrations``),
  every learner who entered had a positioning dated on or before entry.

One procedure may do both: an interview, an entry quiz, a self-positioning questionnaire or the
study of the candidate's diplomas and experience places the learner and assesses what they
already know at once (reference §2, indicator 8). So the assessment of prior learning is stated
by any such entry instrument, or by the statement that the offering has no prerequisites; the
positioning procedure itself is stated only by an instrument — « Positionnement : aucun
prérequis » describes no procedure.

Scope: indicator 8 concerns AF and CFA offerings only; the engine never runs it on a bilan or a
VAE offering (neither this check nor the presence check), so an offering never gets both « not
applicable » and a gap.
"""

from __future__ import annotations

import datetime as dt

from rnq.checks.helpers import OfferSections, offering_reading
from rnq.checks.judging import Finder, judge
from rnq.checks.registrations import check_before_entry
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Unit
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "ENTRY_INSTRUMENT",
    "NO_PREREQUISITES",
    "check_positionnement",
    "check_positionnement_avant_entree",
]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"

#: What an entry instrument is (each word also finds its plural).
_TOOLS = (
    "test|quiz|QCM|questionnaire|exercice|évaluation|épreuve|entretien|diagnostic|bilan|grille"
    "|fiche|outil|séance|étape|appel|rendez-vous|procédure"
)

#: What places an instrument at entry, right after it: « test de positionnement », « tests
#: d'entrée », « test de niveau », « évaluation initiale », « entretien préalable », « quiz
#: avant la formation », « diagnostic au démarrage ».
_ENTRY = (
    "positionnement|entrée|niveau|initial|initiale|préalable|diagnostique|admission|sélection"
    "|recrutement|motivation|prérequis|pré-requis|démarrage|amont|début|commencement"
    "|préalablement|inscription"
)

#: An instrument said to take place at entry: its words place it there, whatever follows.
_AT_ENTRY = Concept.of(
    f"{_TOOLS} {_ENTRY}",
    f"avant formation|démarrage|session|stage|parcours|entrée {_TOOLS}",
    "auto-positionnement",
    "autopositionnement",
    "auto-évaluation initiale|préalable|entrée|départ|niveau",
    r"re:\bpositionnement\s*(?::|-|–)\s*(?:test|quiz|qcm|questionnaire|entretien|auto|evaluation"
    r"|diagnostic|etude|exercice|mise en situation|echange|appel)",
    "positionnement réalisé|effectué|proposé|organisé|systématique|obligatoire|individuel"
    "|individualisé|initial|préalable|pédagogique|amont|ligne|entrée|démarrage|inscription"
    "|admission",
    "positionnement stagiaire|apprenant|candidat|participant|apprenti|bénéficiaire",
    "copie|justificatif|photocopie demandé|exigé|fourni|vérifié|contrôlé|joint",
    r"re:\bsur justificatifs?\b",
    "faire point connaissances|acquis|niveau|compétences|pratiques|expérience",
    "diagnostic initial|préalable|entrée|départ",
    "niveau départ|initial|entrée",
    "groupe de niveau",
    # the study of the file: positioning on diplomas or experience (reference §2, indicator 8)
    "étude|examen|analyse dossier|CV|diplôme|candidature|bulletin",
    "copie de vos diplômes",
    "admission|sélection|recrutement sur dossier|entretien|test|épreuve",
    "dispense test|matière|épreuve|enseignement|module",
    "parcours allégé|réduit",
    # a preliminary call, an interview before the start
    "appel|entretien|échange téléphonique|préalable",
    "tour de table démarrage|début",
    "tour de table premier jour",
    "orienté|réorienté vers niveau|groupe|parcours|module|session",
    "réorientation",
    "évaluer|évaluons|vérifier|vérifions|mesurer|mesurons|situer|connaître niveau avant|amont"
    "|démarrage|entrée|inscription",
)

#: An assessment of what the learner already knows, where the words do not say when: read
#: unless the clause puts it at the end of the training.
_PRIOR_LEARNING = Concept.of(
    "évaluation|vérification|contrôle|mesure|repérage|recueil acquis|prérequis|pré-requis"
    "|connaissances|niveau",
    "évaluer|vérifier|contrôler|mesurer|repérer|identifier acquis|prérequis|pré-requis"
    "|connaissances|niveau",
    "prérequis|pré-requis vérifié|atteint|validé|contrôlé|OK",
    "dispose des prérequis",
    "ce que vous maîtrisez déjà",
    unless=(
        "fin de formation|stage|session|parcours|module|journée",
        "à l'issue",
        "à chaud",
        "à froid",
        "en cours de formation",
    ),
)

#: A procedure of positioning at entry, by any instrument.
ENTRY_INSTRUMENT: tuple[Concept, ...] = (_AT_ENTRY, _PRIOR_LEARNING)

#: « Prérequis : aucun », « Aucun prérequis n'est exigé », « sans condition de diplôme ».
NO_PREREQUISITES = Concept.of(
    r"re:\b(?:aucun|sans|pas de|ni)\s+(?:pre-?\s?requis|prerequis)",
    r"re:\bpre-?\s?requis\s*(?::|-|–)?\s*(?:aucun|neant|non|sans|pas de)\b",
    r"re:\b(?:aucune?|sans|pas de)\s+(?:connaissances?|niveau|experiences?|diplomes?)"
    r"(?:\s+\w+){0,2}\s+(?:prealables?|requise?s?|exigee?s?|necessaires?|particulieres?|minimum)",
    r"re:\bsans condition (?:de|d')\s*(?:diplome|niveau|experience)",
    r"re:\b(?:niveau|connaissances?|diplomes?|experiences?) (?:requise?s?|exigee?s?|minimum|"
    r"prealables?)\s*(?::|-|–)\s*(?:aucune?|neant|non|sans|pas de)\b",
    r"re:\b(?:n'exige|ne necessite|ne requiert)\s+(?:aucun|pas de)\b",
    negative_is_information=True,
)

#: How a document says each item of indicator 8 (``items:`` of ``indicators/08.yaml``).
CONCEPTS: dict[str, Finder] = {
    "procedure-positionnement": ENTRY_INSTRUMENT,
    "evaluation-acquis-entree": (*ENTRY_INSTRUMENT, NO_PREREQUISITES),
}


@mark.verifies("positionnement")
def check_positionnement(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les procédures de positionnement et d'évaluation des acquis à l'entrée sont définies.

    Décrivez pour la prestation comment chaque entrant est positionné et ses acquis évalués à
    l'entrée : un même outil suffit (entretien, test ou quiz d'entrée, autopositionnement,
    étude des diplômes ou de l'expérience), lors de l'admission ou au démarrage. S'il n'y a pas
    de prérequis, dites-le — mais « aucun prérequis » ne décrit pas à lui seul une procédure de
    positionnement. Un brouillon ou un modèle vide ne prouve rien.

    EN: The procedures for placing entrants (positionnement) and assessing their prior learning on
    entry are defined.

    Describe for the offering how each entrant is placed and their prior learning assessed on
    entry: one instrument is enough (interview, entry test or quiz, self-positioning, study of
    diplomas or experience), at admission or at the start. If there are no prerequisites, say so —
    but "no prerequisites" alone describes no positioning procedure. A draft or an empty template
    proves nothing.
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 8, kinds=("positionnement",)
    )
    judge(
        reading,
        CONCEPTS,
        indicator=8,
        referential=referential,
        facts=facts,
        target=offering,
        subject=msg("Positionnement à l'entrée", "Entry positioning"),
    )


@mark.verifies("positionnement")
def check_positionnement_avant_entree(
    offering: Offering, evidence: EvidenceSet, today: dt.date
) -> None:
    """Chaque apprenant entré en formation a été positionné au plus tard le jour de son entrée
    (export des inscriptions).

    Quand un export de votre logiciel d'inscription est lu (collecteur « registrations »), rnq
    regarde, prestation par prestation, chaque apprenant dont la date d'entrée est passée : la
    date du positionnement (test, entretien, autopositionnement) doit être renseignée et ne pas
    dépasser celle de l'entrée. Un apprenant qui ne l'est pas est un point de vigilance, jamais
    un écart : l'indicateur demande des procédures de positionnement, et le guide admet un
    positionnement en début de formation. Sans export, rien n'est vérifié ici.

    EN: Every learner who entered was positioned on or before their entry (registrations
    export).

    When an export of your registration software is read (the « registrations » collector), rnq
    looks, offering by offering, at each learner whose entry date has passed: the date of the
    positioning (test, interview, self-positioning) must be filled in and not later than entry.
    One who is not is a point of vigilance, never a gap: the indicator demands positioning
    procedures, and the guide allows positioning at the start of training. Without an export,
    nothing is checked here.
    """
    check_before_entry(offering, evidence, today, "positionnement")
