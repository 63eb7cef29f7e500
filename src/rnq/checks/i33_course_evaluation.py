"""Indicator 33 — Learners' evaluation of content and teaching (« Évaluation des contenus et des
enseignements par les apprenants »), criterion 7.

Its built-in checks:

* :func:`check_evaluation_enseignements` — learners evaluate contents and teaching through a
  dedicated scheme (2026, ind. 33).

Indicator 33 was created by décret n° 2026-728 and its reading is provisional: no niveau
attendu, no evidence examples (guide V10 unpublished), its weighting unconfirmed. Every item is
therefore read and reported, but what is missing is « à confirmer », never counted as a
non-conformity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rnq.checks.helpers import files, kept_unit, readable, where
from rnq.checks.judging import Finder, Reader, demanded, judge, sources_of
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import advise, msg
from rnq.match.french import Concept, states
from rnq.match.questions import document_body, document_question, named_question
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_evaluation_enseignements"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

#: A clause that denies what it says (« n'a pas été mesurée »): the matching layer reads a
#: negation before a term, not inside or after it.
_DENIED = r"re:\b(?:ne|n')\s?[a-z]+(?: [a-z]+)? (?:pas|jamais)\b|\baucun suivi\b"

_LEARNERS = "apprentis|apprenti|apprenants|apprenant|stagiaires|élèves|alternants"
_TEACHING = (
    "enseignements|enseignement|contenus|contenu|cours|modules|module|matières|matière|séquence|"
    "séquences"
)

_EVALUATION = Concept.of(
    f"évaluation|évaluations {_TEACHING}|UE|blocs",
    f"évaluation|évaluations formateurs|intervenants {_LEARNERS}",
    f"{_LEARNERS} évaluent|notent|apprécient|jugent {_TEACHING}|UE|bloc|formateurs",
    f"{_LEARNERS} évaluent|notent|apprécient",
    f"avis|appréciation|appréciations|retours {_LEARNERS} {_TEACHING}",
    "questionnaire|questionnaires|enquête fin de module|matière|bloc|UE|unité|cours",
    f"questionnaire|questionnaires|enquête {_TEACHING}",
    "évaluation des cours|enseignements par les apprentis",
    r"re:(?m)^[^\n]*\bmodules?\b[^\n]*\b(?:repondants|verbatims?)\b",
    unless=(
        "contrôle en cours de formation",
        "CCF",
        "épreuve|épreuves",
        "examen|examens",
        "livret scolaire",
        "bulletin",
    ),
)
_DISTINCT = Concept.of(
    "distinct|distincte|distincts|distinctes|séparé|séparée|séparés",
    "indépendant|indépendante|différent|différente|distinct|distincte de l'enquête|"
    "questionnaire|recueil",
    "questionnaire|dispositif|outil|évaluation|évaluations spécifique|spécifiques",
    "questionnaire|outil|dispositif à part",
    "ce n'est pas l'enquête de satisfaction",
    "deux outils|questionnaires|dispositifs",
    negative_is_information=True,
    unless=("seul", "seule", "unique"),
)
_TEAM = "formateurs|formateur|équipe|équipes|profs|prof|enseignants|enseignant|intervenants"
_SHARED = Concept.of(
    "résultats|résultat|synthèse|scores partagés|présentés|diffusés|transmis|communiqués|"
    f"envoyés|restitués|remis|discutés|lus {_TEAM}|conseil|réunion|réunions",
    f"envoi|diffusion|restitution|présentation|partage|lecture résultats|synthèse {_TEAM}|"
    "conseil|réunion|réunions",
    f"{_TEAM} reçoit|reçoivent résultats",
    f"{_TEAM} ont reçu résultats",
    "résultats conseil|réunion|comité pédagogique",
    "résultats réunion|réunions d'équipe",
    "diffusés|partagés|présentés|communiqués|transmis équipe|équipes enseignante|pédagogique",
    "résultats vos modules|cours|enseignements|séances",
    r"re:(?m)^[^\n]{0,60}\bresultats?\b[^\n:]{0,40}:[^\n]{0,80}?\b(?:format(?:eur|rice)s?|equipes?"
    r"|enseignants?|profs?|conseil pedagogique|reunions? pedagogiques?)\b",
    unless=(_DENIED, "uniquement"),
)
_IMPROVEMENT = Concept.of(
    "action|actions|plan|registre|fiche|démarche d'amélioration",
    "amélioration continue",
    "action|actions décidée|décidées|formalisée|formalisées|retenue|retenues|enseignement",
    "formalise|formalisé|formalisent une action|actions",
    "fiche action",
    "PAE",
    r"re:(?m)(?:^| ; )actions?(?: d'amelioration)?(?= ;|$)",
    unless=(_DENIED,),
)
_EFFECTIVENESS = Concept.of(
    "efficacité|efficace|efficaces",
    "mesure|mesurer de l'effet|impact",
    "compare|comparé|comparés|comparaison résultats|score|scores|notes",
    "score|note avant|après",
    "progressé|progresse|progression|hausse|évolution note|notes|score|scores|moyenne",
    "note|notes|score moyen|moyenne a progressé",
    "bilan des actions",
    "bilan du dispositif",
    "effet|effets|impact des actions",
    r"re:\b(?:note|notes|score|scores|moyenne|taux)\b[^.;\n]{0,60}\bpasse(?:e|s|es)? de\b",
    "on vérifie",
    "indicateur|indicateurs de suivi",
    unless=(_DENIED,),
)

_DISTINCT_ASKED = named_question(__name__, "distinct")
_MEETING_ASKED = named_question(__name__, "team-meeting")
_MEETING = re.compile(
    r"\b(?:reunion|conseil|comite|seminaire)s? (?:d'equipe|de l'equipe|pedagogique|de filiere)"
)


@document_question(_MEETING_ASKED)
def _team_meeting(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """The minutes of a teaching-team meeting (its title says so) where the results of the
    learners' evaluation are read."""
    body = document_body(text, rows)
    head = "\n".join([line[:160] for line in body.split("\n") if line.strip()][:2])
    return bool(_MEETING.search(head)) and "resultats" in body and states(_EVALUATION, body, text)


@document_question(_DISTINCT_ASKED)
def _beside_satisfaction(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """A document that sets the teaching evaluation beside the general satisfaction survey (a
    calendar of the surveys, a note on the two tools)."""
    body = document_body(text, rows)
    if not states(_EVALUATION, body, text):
        return False
    return (
        any(
            "satisfaction" in line and not states(_EVALUATION, line, None)
            for line in body.split("\n")
        )
        and "seul questionnaire" not in body
    )


#: How a document says each item of indicator 33 (``items:`` of ``indicators/33.yaml``).
CONCEPTS: dict[str, Finder] = {
    "evaluation-contenus": _EVALUATION,
    "dispositif-distinct": (_DISTINCT, Reader(_DISTINCT_ASKED)),
    "partage-equipes": (_SHARED, Reader(_MEETING_ASKED)),
    "demarche-amelioration": _IMPROVEMENT,
    "mesure-efficacite": _EFFECTIVENESS,
}


def _own_document(docs: Sequence[Evidence]) -> bool:
    """A teaching evaluation in a document of its own (not a satisfaction survey) is itself the
    separate mechanism."""
    return any(
        s.item.kind != "enquete-satisfaction" and s.states(_EVALUATION)
        for s in sources_of(docs)
        if s.draft() is None
    )


@mark.verifies("evaluation-enseignements")
def check_evaluation_enseignements(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les apprenants évaluent contenus et enseignements par un dispositif dédié (2026, ind. 33).

    Mettez en place une évaluation des enseignements par module ou par matière, distincte de
    l'enquête de satisfaction ; présentez les résultats aux équipes pédagogiques (compte rendu),
    formalisez les actions d'amélioration qui en découlent et mesurez périodiquement leur
    efficacité. Le niveau attendu n'est pas encore défini (guide V10 non publié) : ce qui manque
    est signalé « à confirmer », jamais compté comme une non-conformité.

    EN: Learners evaluate contents and teaching through a dedicated scheme (2026, ind. 33).

    Set up an evaluation of teaching per module or subject, separate from the satisfaction survey;
    present the results to the teaching teams (minutes), formalise the resulting improvement actions
    and measure their effectiveness periodically. The expected level is not yet defined (guide V10
    not published): what is missing is reported "to confirm", never counted as a non-conformity.
    """
    docs = list(readable(evidence, 33))
    items = [i.id for i in demanded(referential, 33, unit)]
    if _own_document(docs):
        items = [i for i in items if i != "dispositif-distinct"]
    sources = sources_of(docs)
    drafts = [s.path for s in sources if s.draft() is not None]
    if drafts and len(drafts) == len(sources):
        shown = files(list(dict.fromkeys(drafts)))
        advise(
            msg(
                f"Évaluation des contenus et des enseignements ({where(unit).fr}) : le document "
                f"lu est un brouillon ou un modèle vide ({shown}) — il ne prouve rien ; à "
                "confirmer : le texte de l'indicateur 33 est provisoire.",
                f"Evaluation of content and teaching ({where(unit).en}): the document read is a "
                f"draft or an empty template ({shown}) — it proves nothing; to confirm: the text "
                "of indicator 33 is provisional.",
            ),
            confirm=True,
            items=items,
            evidence=drafts,
            key="brouillon",
        )
    judge(
        docs,
        CONCEPTS,
        indicator=33,
        referential=referential,
        facts=facts,
        target=kept_unit(unit, docs, config),
        only=items,
        subject=msg(
            "Évaluation des contenus et des enseignements (indicateur 33, provisoire)",
            "Evaluation of content and teaching (indicator 33, provisional)",
        ),
    )
