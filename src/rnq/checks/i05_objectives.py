"""Indicator 5 — Operational, assessable objectives (« Objectifs opérationnels et évaluables »),
criterion 2.

Its built-in checks:

* :func:`check_objectifs_evaluables` — the offering's objectives are operational and assessable.

The three items are the wording's (reference §2, indicator 5): objectives are stated, they say
what the beneficiary will be able to do (« à l'issue de la formation, vous saurez… », « être
capable de… », a list of action verbs), and they can be assessed (criteria, a test, an exam, a
grid, a validation). A list of vague intentions (« sensibiliser », « découvrir », « prendre
conscience ») states no operational objective.
"""

from __future__ import annotations

from rnq.checks.helpers import OfferSections, offering_reading
from rnq.checks.judging import Finder, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["ACTION_VERBS", "CONCEPTS", "check_objectifs_evaluables"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"

#: The indicators whose documents these checks read besides their own (the question plan asks
#: their questions of those documents too, in the extraction workers).
READS = (1,)

#: Verbs that say something observable the learner will do (folded infinitives and their
#: common conjugated forms are read by the patterns below); vague verbs (connaître, comprendre,
#: découvrir, sensibiliser, appréhender, s'initier) are left out on purpose.
ACTION_VERBS = (
    "identifier|realiser|rediger|appliquer|utiliser|mettre en (?:oeuvre|place)|analyser"
    "|concevoir|organiser|elaborer|construire|conduire|animer|preparer|calculer|diagnostiquer"
    "|produire|accueillir|conseiller|vendre|gerer|communiquer|presenter|expliquer|decrire"
    "|distinguer|planifier|controler|installer|entretenir|composer|creer|adapter|selectionner"
    "|etablir|definir|reperer|traiter|negocier|argumenter|enoncer|justifier|evaluer|encadrer"
    "|manager|piloter|saisir|parametrer|configurer|developper|programmer|diriger|interpreter"
    "|comparer|classer|formuler|resoudre|respecter|assurer|maitriser|tenir|exprimer|converser"
    "|echanger|lire|ecrire|parler|reformuler|accompagner|mobiliser|optimiser|structurer"
    "|reconnaitre|proteger|examiner|secourir|alerter|intervenir|trier|repondre|prendre en charge"
    "|construire|chiffrer|mesurer|verifier|tester|corriger|depanner|reparer|monter|cuisiner"
    "|dresser|nettoyer|desinfecter|conduire|manoeuvrer|charger|deplacer|souder|tailler|fabriquer"
    "|poser|diagnostiquer|rediger|formaliser|prioriser|deleguer|motiver|recadrer|negocier"
    "|prospecter|fideliser|accompagner|former|transmettre|coordonner|superviser|auditer"
    "|modeliser|coder|deployer|administrer|securiser|sauvegarder|migrer|integrer|exploiter"
    "|creer|mettre a jour|actualiser|archiver|classer|facturer|comptabiliser|declarer|etablir"
    "|calculer|gerer|suivre|inventorier|stocker|receptionner|emballer|expedier|livrer|accueillir"
    "|orienter|informer|renseigner|ecouter|desamorcer|apaiser|prevenir|signaler|evacuer"
    "|eteindre|utiliser|choisir|decider|resoudre|proposer|defendre|soutenir|prendre la parole"
    "|animer|faciliter|conclure|relancer|traduire|rediger|synthetiser|illustrer|dessiner"
    "|photographier|filmer|monter|publier|referencer|promouvoir|vendre"
)

#: « vous saurez », « le stagiaire saura », « ils sauront »: what the learner will know how to do.
_WILL_KNOW = r"re:\b(?:saura|saurez|sauront|saurons|saurai)\b(?!\s+(?:pas|tout|plus|si)\b)"

#: A line of a list, or a cell of a table, that starts with an action verb (« - Rédiger un
#: compte rendu », « a) de rédiger… », « O1 Écrire des formules fiables », « 1 ; rédiger… »).
_VERB_LINE = (
    r"re:(?m)(?:^|;)[ \t]*(?:[-*•–·>✔✓]+|\d+[.)°]|[a-z][.)]|o\d+|\(?\d\)|etape \d+)?[ \t]*"
    r"(?:(?:de|d')\s?)?(?:" + ACTION_VERBS + r")\b"
)

#: « Objectifs : mobiliser les outils du tableur », « Objectif opérationnel 1 — rédiger… »,
#: « Compétences visées : gérer un conflit ».
_OBJECTIVE_VERB = (
    r"re:\b(?:objectifs?|competences?|capacites?|savoir-faire)\b[^\n:]{0,40}(?::|-|–|—)\s*"
    r"(?:[a-z]{0,3}\d+[.)]?\s*)?(?:(?:de|d'|savoir)\s?)?(?:" + ACTION_VERBS + r")\b"
)

#: « vous apprendrez à créer un tableau », « apprendre à gérer son temps ».
_LEARN_TO = r"re:\bapprend\w*\s+(?:a|a\s+bien)\s+(?:" + ACTION_VERBS + r")\b"

#: « les participants pourront animer une réunion », « vous pourrez rédiger… ».
_WILL_BE_ABLE = r"re:\b(?:pourra|pourrez|pourront|pourrons)\s+(?:" + ACTION_VERBS + r")\b"

#: What is not the objective of a training: the provider's own strategy, a pointer elsewhere.
_NOT_TRAINING = (
    r"re:\bnos objectifs\b(?!\s+(?:pedagogiques|de formation|operationnels))",
    r"re:\bobjectifs? (?:strategiques?|commerciaux|commerciales?|annuels?|qualite|de vente"
    r"|de chiffre|financiers?|\d{4})\b",
    r"re:(?::|-|–)\s*(?:cf|voir)\b",
)

#: How a document says each item of indicator 5 (``items:`` of ``indicators/05.yaml``).
CONCEPTS: dict[str, Finder] = {
    "objectifs": Concept.of(
        "objectif|objectifs",
        "compétence visée|ciblée|développée|attendue|travaillée|acquise",
        "compétences à acquérir",
        "capacité visée|attendue",
        r"re:\bce que vous (?:saurez|allez apprendre|apprendrez|allez savoir)\b",
        r"re:\bvous (?:apprendrez|allez apprendre)\b",
        "finalité|finalités formation|prestation|bilan|accompagnement|parcours|module",
        r"re:\b(?:a l'issue|a la fin|au terme) (?:de |d')(?:la |cette |ce |l'|votre |du |des )?"
        r"(?:formation|bilan|accompagnement|module|parcours|stage|session|journee|prestation"
        r"|action|seance|cursus)",
        "après module|formation|stage|session",
        _WILL_KNOW,
        r"re:\b(?:vous serez|sera|seront|serez|devra etre|devront etre|doit etre|doivent etre)"
        r"\s+(?:capables?|en mesure|aptes?)\b",
        "résultat attendu",
        r"re:(?:^|\n)[#*\- \t]*competences\b[^\n:]{0,30}:",
        unless=_NOT_TRAINING,
    ),
    "objectifs-operationnels": Concept.of(
        r"re:\bcapables? d[e']",
        r"re:\ben (?:capacite|mesure) (?:de |d')",
        r"re:\baptes? (?:a|au|aux) ",
        _WILL_KNOW,
        _WILL_BE_ABLE,
        _LEARN_TO,
        _VERB_LINE,
        _OBJECTIVE_VERB,
        r"re:\bsavoir(?:-faire)?\s*:?\s*(?:" + ACTION_VERBS + r")\b",
        "objectif|objectifs opérationnel|opérationnels",
        unless=_NOT_TRAINING,
    ),
    "objectifs-evaluables": Concept.of(
        "évaluation|évaluations",
        "évaluer|évaluons|évalue|évaluent acquis|objectifs|atteinte|compétences|connaissances"
        "|progression|stagiaires|participants|apprenants|apprentis|candidats|niveau",
        r"re:\bevaluee?s?\b",
        "critère|critères réussite|évaluation|validation|performance|atteinte",
        "indicateur|indicateurs réussite|résultat|atteinte|progression",
        "seuil de réussite|validation",
        "QCM",
        "quiz",
        "test|tests final|finaux|pratique|pratiques|théorique|fin|écrit|oral|noté|notés|validation",
        "examen|examens",
        "épreuve|épreuves",
        "CCF",
        "contrôle continu",
        "cas pratique final|noté|synthèse|évaluation",
        "mise|mises en situation notée|évaluée|filmée|finale|certificative|professionnelle",
        "jeux|jeu de rôle noté|notés|évalué|évalués|enregistré|enregistrés|filmé",
        "grille|grilles évaluation|observation|certification|fin|compétences",
        "évaluées|évalués|notées|notés|évaluée|évalué|notée|noté sur une grille",
        "exercice corrigé",
        r"re:\b(?:livrables?|travail|travaux|dossiers?|productions?|livrets?|exercices?|parties"
        r"|bulletins?|acquis|competences?)\b[^.\n]{0,30}\bvalidee?s? par\b",
        r"re:\bs'assur\w*[^.\n]{0,30}\b(?:acquis|atteint|maitris|reussi|compris)",
        "valident|valide|validera|validé formation|module|stage|parcours|bloc|session",
        r"re:\bverifiee?s?\b",
        r"re:\b(?:on|nous) verifi\w*",
        "vérification|vérifier|vérifions|vérifiez|vérifie acquis|objectifs|atteinte|compétences"
        "|connaissances|résultats|progression|apprentissages|résultat",
        "validation des acquis|compétences|objectifs|blocs|modules",
        "validé|validée|validés|validées partir|si|lorsque|quand",
        "acquis|acquise non acquis",
        "atteinte objectif",
        "objectif atteint",
        "mesurer|mesurée|mesuré progression|acquis|atteinte|avancement|résultats",
        r"re:\b\d+\s*(?:/|sur)\s*(?:20|10|100)\b",
        r"re:\b\d+\s*%\s*de bonnes reponses\b",
        r"re:\bbonnes reponses\b",
        "jury",
        "certificat délivré|attribué si",
        "auto-évaluation|autoévaluation",
        unless=(
            *_NOT_TRAINING[:2],
            "évaluation|évaluer risques",
            "satisfaction",
            r"re:\ba (?:chaud|froid)\b",
        ),
    ),
}


@mark.verifies("objectifs-evaluables")
def check_objectifs_evaluables(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les objectifs de la prestation sont opérationnels et évaluables.

    Formulez les objectifs en disant ce que le bénéficiaire saura faire (« à l'issue de la
    formation, vous saurez… », « être capable de… », des verbes d'action) plutôt que
    « connaître » ou « sensibiliser », et indiquez comment leur atteinte est évaluée (critères,
    épreuves, grille, validation). Un brouillon ou un modèle vide ne prouve rien.

    EN: The offering's objectives are operational and assessable.

    Word the objectives as what the beneficiary will be able to do ("by the end of the training,
    you will know how to…", "be able to…", action verbs) rather than "know" or "be made aware
    of", and state how their achievement is assessed (criteria, tests, a grid, a validation). A
    draft or an empty template proves nothing.
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 5, kinds=("programme",))
    judge(
        reading,
        CONCEPTS,
        indicator=5,
        referential=referential,
        facts=facts,
        target=offering,
        subject=msg("Objectifs", "Objectives"),
    )
