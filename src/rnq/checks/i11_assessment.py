"""Indicator 11 — Assessing achievement of objectives (« Évaluation de l'atteinte des objectifs »),
criterion 3.

Its built-in checks:

* :func:`check_evaluation_acquis` — whether beneficiaries reach the objectives is assessed,
  during and at the end of the offering.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, files_read, folded_text, readable, require, where
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.workspace.config import Unit

__all__ = ["check_evaluation_acquis"]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"


_DURING = Term.of(
    "une évaluation en cours de prestation",
    "an assessment during the service",
    r"en cours de (formation|parcours|prestation|bilan|accompagnement|session|module)",
    r"intermediaire",
    r"formative?",
    r"controle continu",
    r"points? d'etape",
    r"progression",
    r"quiz",
    r"auto-? ?evaluation",
)


_END = Term.of(
    "une évaluation en fin de prestation",
    "an assessment at the end of the service",
    r"fin de (formation|parcours|prestation|bilan|accompagnement|session|module)",
    r"evaluation (finale|sommative|terminale)",
    r"a l'issue",
    r"\bexamens?\b",
    r"epreuves? (finale|de certification)",
    r"bilan final",
    r"document de synthese",
    r"attestation (de fin de formation|d'acquis|de competences)",
)


_OBJECTIVES = Term.of(
    "le lien avec les objectifs (acquis, compétences visées)",
    "the link with the objectives (learning outcomes, target skills)",
    r"objectif",
    r"\bacquis",
    r"competences? (visees|attendues|acquises|evaluees)",
)


@mark.verifies("evaluation-acquis")
def check_evaluation_acquis(unit: Unit, evidence: EvidenceSet) -> None:
    """L'atteinte des objectifs par les bénéficiaires est évaluée, en cours et en fin de prestation.

    Formalisez un processus d'évaluation des acquis au regard des objectifs : évaluations en
    cours de prestation (formatives, quiz, points d'étape) et en fin de prestation (évaluation
    finale, examen, document de synthèse), avec leurs résultats. Une enquête de satisfaction
    n'évalue pas l'atteinte des objectifs.

    EN: Whether beneficiaries reach the objectives is assessed, during and at the end of the
    offering.

    Formalise a process for assessing learning against the objectives: assessments during the
    offering (formative assessments, quizzes, progress reviews) and at its end (final assessment,
    exam, summary document), with their results. A satisfaction survey does not assess whether the
    objectives are reached.
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
        )
    folded = folded_text(assessments, unit)
    require(
        folded,
        [_DURING, _END, _OBJECTIVES],
        subject=msg("Évaluation de l'atteinte des objectifs", "Assessment of achievement"),
        target=unit,
        docs=assessments,
        evidence=evidence,
        numbers=(11,),
    )
