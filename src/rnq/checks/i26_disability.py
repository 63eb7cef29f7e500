"""Indicator 26 — Disability expertise and network (« Expertises, outils et réseaux handicap »),
criterion 6.

Its built-in checks:

* :func:`check_reseau_handicap` — the disability network that staff can call on and the expertise
  or tools mobilised are identified; where people with disabilities are welcomed, how the network
  is called on and which adaptations are made.
"""

from __future__ import annotations

from rnq.checks.judging import Finder, judge_readable
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_reseau_handicap"]

#: The namespace of this module's check names (``rnq.checks.disability::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.disability"


#: The partners of the disability field a provider names (national bodies, local services,
#: specialised associations) and the ways it says it has a network.
_NETWORK = Concept.of(
    "Agefiph",
    "FIPHFP",
    "Cap emploi",
    "MDPH",
    "maison départementale personnes handicapées",
    "maison départementale autonomie",
    "Ressource handicap formation",
    "RHF",
    "prestation|prestations appui spécifique|spécifiques",
    "CRP",
    "centre rééducation professionnelle",
    "ESAT",
    "entreprise|entreprises adaptée",
    "SAMETH",
    "Comète France",
    "PCPE",
    "APF",
    "APF France handicap",
    "UNAFAM",
    "UNAPEI",
    "Valentin Haüy",
    "URAPEDA",
    "FNATH",
    "LADAPT",
    "Handipacte",
    "Handi-Pacte",
    "Handisup",
    "mission|missions handicap",
    "réseau|réseaux handicap",
    "réseau|réseaux référents",
    "partenaire|partenaires handicap|PSH",
    "partenaire|partenaires spécialisé",
    "acteur|acteurs handicap",
    "expert|experts handicap",
    "structure|structures|association|associations spécialisé",
    "association|associations handicap|handicapés|DYS|autisme|TSA|sourds|malentendants",
    "association|associations aveugles|malvoyants|paralysés|psychique|polyhandicap",
    "MDA",
    "médecine|médecin travail",
    "ergothérapeute",
    "interprète|interprètes LSF",
)

#: The expertise a provider mobilises (a disability referent, in every inclusive form, trained
#: staff, an expert) and its tools.
_EXPERTISE = Concept.of(
    "référent|référente handicap|handicaps|accessibilité|PSH|inclusion|TSA|DYS",
    "réseau référents",
    "consultante|consultant référente|référent",
    "connaissances|compétences référent|référente",
    "interlocuteur|interlocutrice handicap|PSH",
    "interlocuteur|interlocutrice question|questions handicap",
    "chargé|chargée mission handicap|accessibilité",
    "chargé|chargée accessibilité|handicap",
    "correspondant handicap",
    "mission handicap",
    "expert|expertise|expertises",
    "sensibilisation",
    "sensibiliser|sensibilisé|sensibilisés",
    "formé|formés|formée|formées handicap|accessibilité|PSH|inaptitude",
    "formation référent|référente",
    "formation accueil|accompagnement handicap|PSH|handicapées|handicapée",
    "outil|outils adapté|adaptés|numériques|accessibilité|compensation|handicap",
    "outils disposition",
    "boîte outils",
    "guide accueil|entretien|handicap|accessibilité|FALC",
    "charte accessibilité|handicap",
    "registre accessibilité",
    "questionnaire|grille recueil|besoins",
    "aide|aides technique|techniques|humaine|humaines",
    "compensation",
    "matériel|matériels|logiciel|logiciels adapté|spécifique",
    "logiciel|logiciels synthèse|lecture|dictée",
    "synthèse vocale",
    "lecteur|lecteurs écran",
    "plage braille",
    "boucle|boucles magnétique",
    "FALC",
    "police adaptée|Luciole|OpenDyslexic",
    "sous-titrage",
    "aménagements types",
    "annuaire partenaires|handicap",
)

#: How the network is called on and the specific measures taken for a person (adaptation,
#: support, referral): steps, interviews, adjustments, referral.
_RECOURSE = Concept.of(
    "aménagement|aménagements",
    "aménager|aménagé",
    "adaptation|adaptations",
    "adapter formation|parcours|supports|évaluations|rythme",
    "compensation",
    "besoin|besoins spécifiques|particuliers|compensation",
    "entretien|entretiens besoins",
    "entretien|entretiens individuel|préalable|téléphonique|accueil|confidentiel",
    "entretien|entretiens avec personne|référent|référente|stagiaire|candidat|apprenti",
    "procédure accueil",
    "comment ça se passe",
    "comment nous procédons|faisons",
    "étape|étapes",
    "solliciter",
    "sollicitons",
    "faire|faisons|fait appel",
    "contacter|contactons partenaire|partenaires|référent|référente|expert|Agefiph|RHF|MDPH",
    "contacter|contactons Cap emploi|Ressource handicap",
    "mise en relation",
    "orienter",
    "orientons",
    "orientation|orientations vers",
    "réorientation",
    "réorienter",
    "tiers-temps",
    "tiers temps",
    "temps majoré|supplémentaire",
    "horaires aménagés|allégés|adaptés",
    "mesures spécifiques",
    "mesures accompagnement|adaptation|compensation",
    "plan accompagnement|adaptation",
    "partenaire|partenaires sollicité|mobilisé",
    "recours réseau|partenaires",
    "modalités recours",
)


#: How a document says each item of indicator 26 (``items:`` of ``indicators/26.yaml``).
CONCEPTS: dict[str, Finder] = {
    "reseau-partenaires": _NETWORK,
    "expertise-outils": _EXPERTISE,
    "modalites-recours": _RECOURSE,
}


@mark.verifies("handicap-reseau")
def check_reseau_handicap(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Réseau handicap identifié, expertises et outils mobilisés, modalités d'accueil des PSH.

    Identifiez (kind: handicap) le réseau de partenaires du champ du handicap que l'équipe peut
    solliciter (Agefiph, Fiphfp, Cap emploi, MDPH, Ressource handicap formation, associations
    spécialisées…) et les expertises ou outils mobilisés (référent·e handicap, sensibilisation
    de l'équipe, outils de compensation). Si vous accueillez des personnes en situation de
    handicap (facts: {welcomes_disabled: true}), décrivez aussi comment vous recourez à ce
    réseau et les mesures d'accompagnement, d'adaptation ou d'orientation mises en œuvre. Un
    brouillon ou un modèle vide ne prouve rien.

    EN: The disability network staff can call on is identified, expertise and tools are
    mobilised, and how people with disabilities are welcomed is described.

    Identify (kind: handicap) the partner network of the disability field the staff can call on
    (Agefiph, Fiphfp, Cap emploi, MDPH, Ressource handicap formation, specialised associations…)
    and the expertise or tools mobilised (disability referent, staff awareness, compensation
    tools). If you welcome people with disabilities (facts: {welcomes_disabled: true}), also
    describe how you call on that network and the support, adaptation or referral measures taken.
    A draft or an empty template proves nothing.
    """
    judge_readable(
        evidence,
        CONCEPTS,
        indicator=26,
        referential=referential,
        facts=facts,
        target=unit,
        subject=msg("Expertises, outils et réseau handicap", "Disability expertise and network"),
    )
