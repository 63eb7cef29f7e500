"""Indicator 17 — Human and technical resources, premises (« Moyens humains et techniques,
environnement »), criterion 4.

Its built-in checks:

* :func:`check_moyens_locaux` — suitable human and technical resources and premises are
  provided.

What it demands (``items:`` of ``indicators/17.yaml``): the three things the wording names — the
people (« moyens humains »), the equipment (« moyens techniques ») and a suitable environment
(« conditions, locaux, équipements, plateaux techniques… »), which for distance learning is the
platform and the virtual classroom. All three are requirements. The guide's evidence examples
(lease, accessibility register, DUERP, CVs, contracts) are not demanded: any document that
describes the means will do. A draft or an empty template proves nothing.
"""

from __future__ import annotations

from rnq.checks.judging import Finder, judge_readable
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept, terms
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_moyens_locaux"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"

#: A clause that says the means are missing or still to be found is not a description of them
#: (« il manque 4 PC », « à revoir »), nor are liability clauses and house rules that name the
#: premises and equipment without describing them.
_NOT_THERE = (
    r"re:\b(?:manque|manquent|manquait|manquera)\b",
    r"re:\ba (?:revoir|definir|preciser|determiner|trouver|prevoir|acheter|remplacer)\b",
    "décline toute responsabilité",
    r"re:\b(?:perte|vol|deterioration|degradation|casse)\b",
    "respecter le règlement intérieur",
)

#: What may follow a piece of equipment or a room in its sentence — beyond the clause that an
#: ``unless`` term sees, and across a line break — to say it is out of use (« le
#: vidéoprojecteur de la salle Rhône est en panne », « la salle n'est toujours pas réservée »).
_OUT_OF_USE = (
    r"(?![^.;!?]{0,80}?\b(?:en\spanne|hors\sservice|hors\sd'usage|toujours\spas|pas\sencore"
    r"|ne\srepond(?:ent)?\s(?:pas|plus)"
    r"|(?:n'a|n'ont|n'est|ne sont)\spas\s(?:ete\s)?(?:reserve|remplace|repare|disponible|trouve)))"
)


def _in_use(*written: str) -> tuple[str, ...]:
    """The terms ``written`` (as for :meth:`Concept.of`), each as regular expressions that count
    only where the sentence does not go on to say it is out of use (:data:`_OUT_OF_USE`)."""
    found: list[str] = []
    for written_term in written:
        if written_term.startswith("="):
            found.append(written_term)
        elif written_term.startswith("re:"):
            found.append(written_term + _OUT_OF_USE)
        else:
            found += [f"re:{pattern}{_OUT_OF_USE}" for pattern in terms(written_term)]
    return tuple(found)


#: The people who deliver and support the training: trainers under any name, the team.
_PEOPLE = Concept.of(
    "moyens humains",
    "moyens d'encadrement",
    "formateur|formateurs|formatrice|formatrices",
    "intervenant|intervenants|intervenante|intervenantes",
    "enseignant|enseignants|professeur|professeurs",
    "consultant|consultante|consultants|consultantes",
    "coach|coachs|coaches",
    "animateur|animatrice|animateurs|animatrices",
    "tuteur|tutrice|tuteurs|tutrices",
    "accompagnateur|accompagnatrice|accompagnateurs|accompagnatrices",
    "psychologue|psychologues",
    "conseiller|conseillère évolution|bilan|insertion|formation",
    "équipe|équipes pédagogique|pédagogiques|enseignante|formateurs|encadrement",
    r"re:\b(?:l'|notre |votre |une |son |leur )equipes?\b|\bequipes? ?:",
    "encadrement",
    "responsable|responsables pédagogique|pédagogiques|formation|filière",
    "coordinateur|coordinatrice|coordinateurs pédagogique|filière|formations",
    "référent|référente pédagogique|handicap|technique",
    "personnel|personnels pédagogique|pédagogiques|administratif|encadrement|dédié|permanent|"
    "permanents|formateur|enseignant",
    "le|du personnel",
    "salariés|vacataires",
    "expert|experte|experts métier|domaine",
    r"re:\b(?:anime|conduit|assure|dispense)e?s? par\b",
    "j'anime",
    "je suis formatrice|formateur|consultante|consultant",
    "technicien|technicienne de maintenance",
    "documentaliste",
    unless=_NOT_THERE,
)

#: The equipment: materials, devices, software, the platform for distance learning.
_EQUIPMENT = Concept.of(
    *_in_use(
        "moyens techniques|matériels",
        "matériel|matériels",
        "équipement|équipements",
        "équipé|équipée|équipés|équipées",
        "outillage",
        "outil|outils informatiques|numériques|pédagogiques|formation|collaboratifs",
        "ordinateur|ordinateurs",
        r"re:\bpc (?:portables?|windows|fixes?)\b|\b\d+ pc\b",
        "poste|postes informatiques|informatique|travail|soudure",
        "vidéoprojecteur|vidéoprojecteurs|vidéo-projecteur|projecteur",
        "écran|écrans interactif|interactifs|tactile|tactiles",
        "paperboard|paperboards",
        "tableau|tableaux blanc|blancs|interactif|interactifs",
        "TBI",
        "VPI",
        "wifi|wi-fi",
        "connexion internet",
        "logiciel|logiciels",
        "licence|licences",
        "plateforme|plateformes",
        "LMS",
        "Moodle",
        "environnement de démonstration",
        "classe|classes virtuelle|virtuelles",
        "visioconférence",
        "tablette|tablettes",
        "caméra|caméras",
        "casque|casques",
        "machine|machines",
        "plateau|plateaux technique|techniques",
        "mannequin|mannequins",
        "simulateur|simulateurs",
        "banc|bancs mesure|essai|test",
        "supports imprimés",
        "test|tests psychométriques|intérêts",
        "questionnaire|questionnaires d'intérêts",
        "inventaire|inventaires de personnalité",
    ),
    unless=_NOT_THERE,
)

#: The environment: premises, rooms, workshops and technical facilities, the place of training;
#: for distance learning, the platform and the virtual classroom.
_PREMISES = Concept.of(
    *_in_use(
        "locaux",
        "local de formation",
        "salle|salles",
        "atelier|ateliers",
        "plateau|plateaux technique|techniques|logistique",
        "lieu|lieux formation|formations|intervention|accueil",
        r"re:\blieu ?(?:/ ?salle)? ?:",
        "centre formation|affaires|ressources",
        "espace|espaces formation|accueil|travail|détente|multimédia",
        "bâtiment|bâtiments",
        "bureau|bureaux individuel|fermé|fermés|dédié|dédiés",
        "site de formation",
        r"re:\bsur un site de\b",
        r"re:\b\d[\d .,]* ?m2\b",
        "accès PMR",
        "accessible|accessibles aux personnes à mobilité réduite",
        "PMR",
        "ERP",
        "registre public d'accessibilité",
        "registre d'accessibilité",
        "internat",
        "plateforme|plateformes",
        "LMS",
        "Moodle",
        "classe|classes virtuelle|virtuelles",
        "visio",
        "visioconférence",
        "distanciel",
        "100 % à distance",
        "intra-entreprise",
        "zone de quai",
    ),
    unless=_NOT_THERE,
)

#: How a document says each item of indicator 17 (``items:`` of ``indicators/17.yaml``).
CONCEPTS: dict[str, Finder] = {
    "moyens-humains": _PEOPLE,
    "moyens-techniques": _EQUIPMENT,
    "locaux-environnement": _PREMISES,
}


@mark.verifies("moyens-locaux")
def check_moyens_locaux(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Des moyens humains, techniques et des locaux adaptés sont mis à disposition.

    Décrivez les moyens mobilisés pour les prestations de l'unité : les intervenants et
    l'encadrement (moyens humains), les équipements (matériel, logiciels, plateforme de
    formation) et l'environnement (locaux, salles, ateliers, plateaux techniques, lieu chez le
    client, ou l'environnement à distance). Bail, registre d'accessibilité, DUERP, CV ou
    contrats sont des exemples de preuves, pas des exigences. Un brouillon ou un modèle vide ne
    prouve rien.

    EN: Suitable human and technical resources and premises are provided.

    Describe the resources used for the unit's offerings: trainers and supervision (people), the
    equipment (hardware, software, training platform) and the environment (premises, rooms,
    workshops, technical facilities, the client's site, or the distance-learning environment).
    Lease, accessibility register, risk assessment, CVs or contracts are evidence examples, not
    requirements. A draft or an empty template proves nothing.
    """
    judge_readable(
        evidence,
        CONCEPTS,
        indicator=17,
        referential=referential,
        facts=facts,
        target=unit,
        subject=msg("Moyens humains, techniques et locaux", "People, equipment and premises"),
    )
