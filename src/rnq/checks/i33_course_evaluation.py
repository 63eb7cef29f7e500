"""Indicator 33 — Learners' evaluation of content and teaching (« Évaluation des contenus et des
enseignements par les apprenants »), criterion 7.

Its built-in checks:

* :func:`check_evaluation_enseignements` — learners evaluate contents and teaching through a
  dedicated scheme (2026, ind. 33).
"""

from __future__ import annotations

from rnq.checks.helpers import (
    Term,
    body_text,
    files_read,
    folded_text,
    mentions,
    readable,
    require,
    where,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.workspace.config import Unit

__all__ = ["check_evaluation_enseignements"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_TEACHING_EVALUATION = Term.of(
    "l'évaluation des contenus et des enseignements par les apprenants",
    "learners evaluating the content and the teaching",
    r"evaluation (des|du) (contenus?|enseignements?|cours|modules?|formateurs?)",
    r"evaluation des (contenus|enseignements)",
    r"(questionnaire|enquete) (d'evaluation )?(des|par|de) "
    r"(enseignements?|modules?|cours|matieres?)",
    r"(evaluent|evaluer) (les|chaque) (enseignements?|contenus?|modules?|cours)",
)


_DISTINCT = Term.of(
    "un dispositif distinct du recueil général de satisfaction",
    "a mechanism separate from the general satisfaction survey",
    r"distinct",
    r"specifique",
    r"par (module|matiere|enseignement|cours|bloc|unite)",
    r"chaque (module|matiere|enseignement|cours|bloc)",
)


_SHARED = Term.of(
    "le partage des résultats avec les équipes pédagogiques",
    "results shared with the teaching teams",
    r"(partag|present|diffus|restitu|communiqu|transmi)\w*\W+(?:\w+\W+){0,10}"
    r"(equipes?|formateurs?|enseignants?)",
    r"(equipes?|formateurs?|enseignants?)\W+(?:\w+\W+){0,10}(partag|restitu|present|analys)",
    r"(conseil|reunion|comite) pedagogique",
)


_IMPROVEMENT = Term.of(
    "une démarche d'amélioration continue formalisée",
    "a formal continuous-improvement process",
    r"amelioration",
    r"plan d'actions?",
    r"actions? correctives?",
)


_EFFECTIVENESS = Term.of(
    "la mesure périodique de son efficacité",
    "its effectiveness measured periodically",
    r"efficacite",
    r"mesur\w* (de |l')?(l')?(impact|effet)",
    r"evaluation des actions",
    r"suivi des actions",
    r"revue (annuelle|periodique|semestrielle|trimestrielle)",
)


@mark.verifies("evaluation-enseignements")
def check_evaluation_enseignements(unit: Unit, evidence: EvidenceSet) -> None:
    """Les apprenants évaluent contenus et enseignements par un dispositif dédié (2026, ind. 33).

    Mettez en place une évaluation des enseignements par module ou par matière, distincte de
    l'enquête de satisfaction ; présentez les résultats aux équipes pédagogiques (compte rendu),
    formalisez les actions d'amélioration qui en découlent et mesurez périodiquement leur
    efficacité. Le niveau attendu n'est pas encore défini (guide V10 non publié).

    EN: Learners evaluate contents and teaching through a dedicated scheme (2026, ind. 33).

    Set up an evaluation of teaching per module or subject, separate from the satisfaction survey;
    present the results to the teaching teams (minutes), formalise the resulting improvement actions
    and measure their effectiveness periodically. The expected level is not yet defined (guide V10
    not published).
    """
    docs = readable(evidence, 33)
    dedicated = docs.filter(
        lambda e: e.kind != "enquete-satisfaction" or _TEACHING_EVALUATION.found_in(body_text([e]))
    )
    place = where(unit)
    if not dedicated:
        raise Gap(
            msg(
                f"Évaluation des enseignements ({place.fr}) : seules des enquêtes de satisfaction "
                f"générales sont fournies ({files_read(docs)}) ; l'indicateur 33 demande un "
                "dispositif distinct (pondération et niveau attendu provisoires).",
                f"Evaluation of teaching ({place.en}): only general satisfaction surveys are "
                f"given ({files_read(docs)}); indicator 33 requires a separate mechanism "
                "(weighting and expected level provisional).",
            ),
            evidence=docs.paths(),
            provisional=True,
        )
    folded = folded_text(dedicated, unit)
    terms = [_TEACHING_EVALUATION, _DISTINCT, _SHARED, _IMPROVEMENT, _EFFECTIVENESS]
    if any(e.kind != "enquete-satisfaction" for e in dedicated) and mentions(
        folded, *_TEACHING_EVALUATION.patterns
    ):
        terms.remove(_DISTINCT)  # a document of its own is the separate mechanism
    require(
        folded,
        terms,
        subject=msg(
            "Évaluation des contenus et des enseignements (indicateur 33, provisoire)",
            "Evaluation of content and teaching (indicator 33, provisional)",
        ),
        target=unit,
        docs=dedicated,
        evidence=evidence,
        numbers=(33,),
        provisional=True,
    )
