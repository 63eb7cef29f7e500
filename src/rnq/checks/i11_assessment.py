"""Indicator 11 — Assessing achievement of objectives (« Évaluation de l'atteinte des objectifs »),
criterion 3.

Its built-in checks:

* :func:`check_evaluation_acquis` — whether beneficiaries reach the objectives is assessed,
  during or at the end of the offering.

What is demanded, item by item (``items:`` of ``indicators/11.yaml``): the niveau attendu asks
that « un processus d'évaluation existe, est formalisé et mis en œuvre » and that it « permet
d'apprécier l'atteinte des objectifs » — an assessment of learning (during the offering, at its
end, or continuous: any of them) linked to the objectives, not only a satisfaction survey. The
guide's « évaluations en cours et en fin de prestation » are evidence examples: a missing one is
advice, never a gap.
"""

from __future__ import annotations

from rnq.checks.helpers import files_read, readable, where
from rnq.checks.i09_delivery_conditions import judge_unit
from rnq.checks.judging import Finder
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_evaluation_acquis"]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"

#: What says an « évaluation » is of something else than learning: satisfaction, prices, sales.
_NOT_LEARNING = (
    "satisfaction",
    "satisfait|satisfaits|satisfaite",
    "appréciation|appréciations",
    "avis",
    "tarif|tarifs",
    "prix",
    "chiffre d'affaires",
    "commerciaux|commerciales",
    "budget|budgets",
    "coûts",
    "fournisseur|fournisseurs",
    "recommanderiez",
    r"re:\bcf\b",
)

#: An assessment of learning, whatever its moment: the process the niveau attendu demands.
_ASSESSMENT = Concept.of(
    "évaluation|évaluations acquis|compétences|connaissances|apprentissages",
    "évaluation|évaluations finale|finales|intermédiaire|intermédiaires|formative|formatives|"
    "sommative|sommatives|continue|certificative|certificatives|diagnostique|pratique|écrite|"
    "orale|critériée|terminale",
    "évaluer|évalué|évaluée|évalués|évaluées|évalue|évaluent|évaluons|évaluera acquis|"
    "compétences|progression|niveau|candidat|candidats|stagiaire|stagiaires|apprenti|apprentis",
    "évalue|évaluent|évalué|évaluée|évalués|évaluées|évaluons",
    "auto-évaluation|auto-évaluations|autoévaluation|autoévaluations",
    "QCM",
    "quiz|quizz",
    "vérifie|vérifient|vérifier|vérifié|vérifiés|vérifiées|vérification acquis|connaissances|"
    "compétences|apprentissages|atteinte",
    "acquis|connaissances|compétences vérifiés|vérifiées|contrôlés|contrôlées|mesurés|mesurées|"
    "validés|validées|évalués|évaluées",
    "passage certification|examen|titre|diplôme|épreuves",
    "test|tests final|finaux|fin|sortie|validation|connaissances|pratique|pratiques|blanc",
    "TOEIC|TOEFL|Bright|Linguaskill|Voltaire|PIX|TOSA|ICDL|DCL",
    "examen|examens",
    "épreuve|épreuves",
    "contrôle|contrôles continu|connaissances|acquis|réguliers|cours",
    "=CCF",
    "cas pratique|pratiques noté|notés|final|corrigé|corrigés|synthèse",
    "étude|études cas finale|notée|évaluée",
    "mise|mises situation finale|évaluée|évaluées|notée|professionnelle",
    "exercice|exercices corrigé|corrigés|noté|notés|évalué|évalués",
    "exercice|exercices pratique|pratiques corrigé|corrigés|noté|notés",
    r"re:\bobjectifs? ?(?:n ?o ?)?\d+\b[^\n]{0,150}: ?(?:atteinte?s?|non atteinte?s?|"
    r"partiellement atteinte?s?|validee?s?|non validee?s?|acquise?s?|non acquise?s?)\b",
    "résultat|résultats objectif|objectifs",
    "grille|grilles évaluation|critériée|observation",
    "jury|jurys",
    "certificat délivré|obtenu",
    r"re:\bnon acquis\b|\bacquis ?/ ?(?:non|en cours)\b|\bnon maitrise",
    "en cours d'acquisition",
    "résultat|résultats par objectif|compétence|évaluation|test|quiz",
    "note|notes sur 20",
    r"re:\b\d{1,2}(?:[,.]\d+)? ?/ ?20\b",
    r"re:\bscore\b",
    "bulletin|bulletins",
    "livret de compétences",
    "validation acquis|compétences",
    "attestation acquis|compétences",
    "badge|badges",
    "jury blanc",
    unless=_NOT_LEARNING,
)

#: How a document says each item of indicator 11 (``items:`` of ``indicators/11.yaml``).
CONCEPTS: dict[str, Finder] = {
    "processus-evaluation": _ASSESSMENT,
    # the same reading: a document that assesses learning is not only a satisfaction survey
    "pas-seulement-satisfaction": _ASSESSMENT,
    "lien-objectifs": Concept.of(
        "objectif|objectifs",
        "acquis",
        "compétence|compétences visée|visées|attendue|attendues|évaluée|évaluées|travaillée|"
        "travaillées|acquise|acquises",
        "compétence|compétences",
        "capable|capables",
        "niveau|niveaux atteint|visé|attendu|requis",
        "résultats attendus",
        "atteint|atteinte|atteints|atteintes|atteignent",
        "maîtrisée|maîtrisé|maîtrisées|maîtrise",
        "critère|critères",
        "référentiel",
        "attendus",
        "bloc|blocs",
        "savoir-faire",
        "capacités",
        unless=_NOT_LEARNING,
    ),
    "evaluation-en-cours": Concept.of(
        "en cours formation|parcours|prestation|bilan|accompagnement|session|module|année|stage",
        r"re:\ben cours (?:et|ou|et/ou|et / ou) (?:en )?fin\b",
        "évaluation|évaluations intermédiaire|intermédiaires|formative|formatives|continue|"
        "continues",
        "bilan|bilans intermédiaire|intermédiaires",
        "contrôle|contrôles continu|réguliers",
        "=CCF",
        "tout au long",
        "pendant formation|parcours|stage|session",
        "fin chaque module|séquence|séance|chapitre|partie|journée|période|étape",
        "à l'issue de chaque",
        "chaque séance|séquence|chapitre|module se termine",
        "quiz|quizz",
        "auto-évaluation|autoévaluation",
        "point|points étape",
        "relecture",
        "étape",
        "exercices corrigés",
        unless=_NOT_LEARNING,
    ),
    "evaluation-fin": Concept.of(
        "fin formation|parcours|prestation|bilan|accompagnement|session|stage|cursus|module",
        "évaluation|évaluations finale|finales|sommative|sommatives|terminale|certificative",
        "final|finale|finaux|finales",
        "dernier|dernière jour|séance|entretien|journée",
        "à l'issue formation|parcours|session|stage|bilan",
        "examen|examens",
        "épreuve|épreuves",
        "certificat|certification délivré|délivrée|obtenu|obtenue",
        "conclusion",
        "synthèse",
        "jury",
        unless=_NOT_LEARNING,
    ),
}


@mark.verifies("evaluation-acquis")
def check_evaluation_acquis(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """L'atteinte des objectifs par les bénéficiaires est évaluée, en cours ou en fin de
    prestation.

    Formalisez et appliquez un processus d'évaluation des acquis au regard des objectifs :
    évaluations en cours de prestation (quiz, exercices corrigés, points d'étape), en fin de
    prestation (évaluation finale, examen, mise en situation, document de synthèse) ou tout au
    long de celle-ci, avec leurs résultats par objectif. L'un ou l'autre suffit : « en cours et en
    fin » est un exemple du guide. Une enquête de satisfaction n'évalue pas l'atteinte des
    objectifs.

    EN: Whether beneficiaries reach the objectives is assessed, during or at the end of the
    offering.

    Formalise and apply a process for assessing learning against the objectives: assessments
    during the offering (quizzes, corrected exercises, progress reviews), at its end (final
    assessment, exam, practical case, summary document) or throughout, with their results per
    objective. Either is enough: "during and at the end" is an example of the guide. A
    satisfaction survey does not assess whether the objectives are reached.
    """
    docs = readable(evidence, 11)
    assessments = docs.filter(lambda e: e.kind != "enquete-satisfaction")
    if not assessments:
        place = where(unit)
        raise Gap(
            msg(
                f"Évaluation des acquis ({place.fr}) : seules des enquêtes de satisfaction sont "
                f"fournies ({files_read(docs)}) ; elles n'évaluent pas l'atteinte des objectifs.",
                f"Assessment of achievement ({place.en}): only satisfaction surveys are given "
                f"({files_read(docs)}); they do not assess whether objectives were reached.",
            ),
            evidence=docs.paths(),
            items=["processus-evaluation", "pas-seulement-satisfaction"],
        )
    judge_unit(
        assessments,
        CONCEPTS,
        indicator=11,
        unit=unit,
        evidence=evidence,
        referential=referential,
        facts=facts,
        # the same finder as the process: named once, as the process
        only=[i for i in CONCEPTS if i != "pas-seulement-satisfaction"],
        subject=msg("Évaluation de l'atteinte des objectifs", "Assessment of achievement"),
    )
