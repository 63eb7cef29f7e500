"""Indicator 29 — Employment and further-study actions (« Insertion professionnelle et poursuite
d'études »), criterion 6.

Its built-in checks:

* :func:`check_insertion_poursuite` — the CFA carries out actions for employment or further
  studies.

The indicator concerns CFAs only: the engine's scope leaves it off units without an
apprenticeship offering.
"""

from __future__ import annotations

from rnq.checks.helpers import readable, where_kept
from rnq.checks.judging import Finder, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_insertion_poursuite"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

_NEGATED = r"re:\bn'(?:est|ont|a|avons|existe|y a) (?:pas|jamais|plus|aucun)\b"
#: Clause words that make a mention something else: a result figure (« taux d'emploi à 6 mois
#: 68 % »), an action called off.
_NOT_AN_ACTION = (
    _NEGATED,
    "taux",
    "annulé|annulée|annulés|reporté|reportée|supprimé|supprimée",
    "ne sera pas reconduit|reconduite",
)

#: How a document says what its actions aim at: employment (insertion professionnelle) or
#: further study, by apprenticeship or another way. « emploi du temps » is a timetable.
AIM = Concept.of(
    "insertion professionnelle|pro|durable|apprentis|jeunes|sortants",
    "s'insérer",
    r"re:\bemplois?\b(?! du temps)",
    "embauche|embauché|embauchés|embaucher",
    "recrutement|recrutent|recruteurs",
    "recherche emploi|contrat|employeur|entreprise|stage",
    "accès à l'emploi",
    "premier emploi",
    "CDI",
    "poursuite|poursuites études|étude|formation|parcours",
    "poursuivre|continuer|continuent|poursuivent études|formation|BTS|BP|licence|bachelor|BTM"
    "|apprentissage|alternance",
    "après diplôme|apprentissage|CFA|CAP|formation|BTS|bac",
    "après-CFA|après-diplôme",
    "sortants|sortie|sorties de formation",
    "fin parcours|contrat",
    "orientation",
    "projet professionnel",
    "installation",
    unless=(*_NOT_AN_ACTION, "insertion image|tableau|graphique|champs"),
)

#: How a document names concrete actions for employment or further study (the guide's
#: examples: fairs, company visits, CV workshops, job-search help, alumni, job offers,
#: competitions).
ACTIONS = Concept.of(
    "atelier|ateliers CV|recherche|emploi|entretien",
    "CV et lettre",
    "lettre|lettres de motivation",
    "rédaction|relecture CV",
    "CVthèque",
    "profil LinkedIn",
    "job dating|job-dating|jobdating",
    "forum|forums",
    "salon|salons",
    "visite|visites entreprise|entreprises|usine|site|sites|chantier",
    "simulation|simulations d'entretien|entretiens",
    "entretien|entretiens d'embauche",
    "offre|offres emploi|emplois|alternance|contrat|contrats|apprentissage|stage|stages",
    "diffusion offres",
    "offre|offres diffusée|diffusées|relayée|relayées|transmise|transmises|affichée|affichées"
    "|publiées|envoyées",
    "aide|aidons|aider|accompagnons préparer|préparation candidature|candidatures|CV",
    "rencontre|rencontres recruteurs|employeurs|entreprises|professionnels",
    "rencontrer des employeurs|recruteurs|entreprises",
    "mise|mises en relation",
    "réseau des anciens",
    "anciens apprentis|élèves",
    "alumni",
    "concours",
    "=MAF",
    "meilleurs|meilleur apprentis|apprenti",
    "WorldSkills",
    "=MOF",
    "information|informations collective|collectives",
    "Parcoursup",
    "entretien|entretiens individuel|individuels d'orientation",
    "rendez-vous orientation|insertion|conseillère|conseiller|Point",
    "=RDV",
    "aide à la recherche",
    "coaching emploi",
    "fiche de liaison",
    unless=(*_NOT_AN_ACTION, "exercice", "traitement de texte"),
)

#: How a document states each item of indicator 29 (``items:`` of ``indicators/29.yaml``).
CONCEPTS: dict[str, Finder] = {
    "finalite": AIM,
    "actions-concretes": ACTIONS,
}


@mark.verifies("insertion-poursuite")
def check_insertion_poursuite(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Le CFA mène des actions d'insertion professionnelle ou de poursuite d'études.

    Montrez les actions menées pour l'insertion ou la poursuite d'études des apprentis, et ce
    qu'elles visent : ateliers CV et simulations d'entretien, job dating, salons et forums,
    visites d'entreprises, diffusion d'offres d'emploi ou d'alternance, mises en relation,
    réseau des anciens, information sur les poursuites d'études, concours (MAF, WorldSkills).
    Des taux d'insertion seuls ne sont pas des actions. Indicateur propre aux CFA.

    EN: The CFA carries out actions for employment or further studies.

    Show the actions carried out for apprentices' employment or further studies, and what they
    aim at: CV workshops and mock interviews, job dating, fairs and forums, company visits,
    circulating job or work-study offers, introductions, alumni network, information on further
    studies, competitions (MAF, WorldSkills). Employment rates alone are not actions. An
    indicator for CFAs only.
    """
    docs = list(readable(evidence, 29))
    place = where_kept(unit, docs, config)
    judge(
        docs,
        CONCEPTS,
        indicator=29,
        referential=referential,
        facts=facts,
        subject=msg(
            f"Actions d'insertion et de poursuite d'études ({place.fr})",
            f"Employment and further-study actions ({place.en})",
        ),
    )
