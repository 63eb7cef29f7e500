"""Indicator 32 — Continuous improvement (« Mesures d'amélioration continue »), criterion 7.

Its built-in checks:

* :func:`check_ameliorations_tracees` — improvement measures are drawn from the analysis of
  feedback and complaints.
* :func:`check_analyse_risques` — a risk analysis on the quality of the training delivered is
  carried out (rnq-2026).

Indicator 32 is « NC majeure uniquement »: only the wording's items make a gap — the analysis
of the feedback, the analysis of the complaints (« aucune réclamation reçue » says it too), the
improvement measures, and from rnq-2026 the risk analysis. Any record shows them (a plan, a
management-review report, a corrective-action form, a note « ce que nous avons changé »); the
guide's action plan is an example, and dated deadlines or risk-control measures are rnq's rules
of thumb: points de vigilance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rnq.checks.helpers import kept_unit, new_entrant_at_initial, readable
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg, skip
from rnq.match.french import Concept, states
from rnq.match.questions import document_body, document_question, named_question
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_ameliorations_tracees", "check_analyse_risques"]

#: The namespace of this module's check names (``rnq.checks.improvement::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.improvement"

#: A clause that denies what it says (« aucune mesure n'est envisagée »): the matching layer
#: reads a negation before a term, not inside or after it.
_DENIED = r"re:\b(?:ne|n')\s?[a-z]+(?: [a-z]+)? (?:pas|jamais)\b"

_MONTH = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

_RISK_ANALYSIS = Concept.of(
    "risque|risques identifié|identifiés|recensé|recensés|prioritaire|prioritaires|coté|cotés",
    "criticité",
    "probabilité gravité",
    "cotation des risques",
    "cartographie|matrice|registre|grille des risques",
    "quels risques",
    "AMDEC",
    r"re:(?m)(?:^|; )risques?(?: identifies?)?(?= ;|$)",
    r"re:(?m)^[^\w\n]*(?:[-•*]|\d+[.)])?\s*risques?\b[^:\n]{0,50}:\s*\w",
    unless=(_DENIED,),
)
_CONTROLS = Concept.of(
    "mesure|mesures",
    "mesure|mesures de maîtrise|prévention|traitement",
    "maîtrise",
    "parade|parades",
    "plan de traitement",
    "atténuation",
    "action|actions préventive|préventives|corrective|correctives|prévention|maîtrise",
    r"re:\bpour (?:limiter|reduire|eviter|prevenir|maitriser|attenuer)\b",
    "je fais|je prévois|je relis|je demande|nous prévoyons",
    "accord de remplacement",
    unless=(_DENIED,),
)
#: The occupational-risk assessment (DUERP): the employer's duty for its staff's health and
#: safety, not an analysis of the risks to the quality of the training delivered.
_OCCUPATIONAL = re.compile(
    r"\brisques professionnels\b|\bdocument unique\b|\bduerp\b"
    r"|\bsante et (?:la )?securite au travail"
)


def _quality_risks(concept: Concept, text: str | None, rows: Rows | None) -> bool:
    body = document_body(text, rows)
    head = "\n".join([line[:160] for line in body.split("\n") if line.strip()][:2])
    return not _OCCUPATIONAL.search(head) and states(concept, body, text)


Rows = Sequence[Sequence[str]]
_RISKS_ASKED = named_question(__name__, "quality-risks")
_CONTROLS_ASKED = named_question(__name__, "risk-controls")


@document_question(_RISKS_ASKED)
def _risks_said(text: str | None, rows: Rows | None) -> bool:
    """The document identifies risks to the quality of the training (not occupational risks)."""
    return _quality_risks(_RISK_ANALYSIS, text, rows)


@document_question(_CONTROLS_ASKED)
def _controls_said(text: str | None, rows: Rows | None) -> bool:
    """The document says how risks to the quality of the training are controlled."""
    return _quality_risks(_CONTROLS, text, rows)


#: How a document says each item of indicator 32 (``items:`` of ``indicators/32.yaml``).
CONCEPTS: dict[str, Finder] = {
    "analyse-appreciations": Concept.of(
        "appréciation|appréciations",
        "avis",
        "retour|retours des|de stagiaires|apprenants|apprentis|participants|formateurs|"
        "entreprises|tuteurs|financeurs|clients|OPCO|bénéficiaires",
        "retours",
        "feedback|feedbacks",
        "commentaire|commentaires",
        "remarque|remarques",
        "verbatim|verbatims",
        "Anotéa",
        "enquête|enquêtes|questionnaire|questionnaires|évaluation|évaluations à chaud|froid",
        "enquête|enquêtes de satisfaction",
        "enquête|enquêtes|questionnaire|questionnaires stagiaires|apprentis|apprenants|tuteurs|"
        "entreprises|formateurs|employeurs|participants|fin de formation",
        "relu|analysé|analyse|dépouillé|exploité|synthèse questionnaires|enquêtes|réponses",
        "satisfaction des|globale stagiaires|apprenants|apprentis|participants|entreprises|clients",
        "note|notes satisfaction|rythme|moyenne",
        "insatisfaction|insatisfactions",
        "fiche|fiches bilan",
        "ce que disent|nous apprennent|on en retient",
        "les stagiaires|apprentis|participants|entreprises|formateurs disent|signalent|"
        "demandent|regrettent|jugent|trouvent",
        unless=(_DENIED,),
    ),
    "analyse-reclamations": Concept.of(
        "réclamation|réclamations",
        "plainte|plaintes",
        "insatisfaction|insatisfactions",
        "litige|litiges",
        "dysfonctionnement|dysfonctionnements",
        "aléa|aléas",
        "incident|incidents",
        "mécontentement",
        negative_is_information=True,
    ),
    "mesures-amelioration": Concept.of(
        "action|actions|mesure|mesures|plan|pistes|fiche|projet|démarche d'amélioration",
        "action|actions|mesure|mesures corrective|correctives|préventive|préventives|décidée|"
        "décidées|engagée|engagées|prévue|prévues|menée|menées|retenue|retenues",
        "plan d'action|d'actions",
        "amélioration continue",
        "amélioration|améliorations apportée|apportées|réalisée|réalisées|mise|mises",
        "décision|décisions",
        "avons décidé|décidons",
        "ce que nous changeons",
        "nous avons changé|modifié|remplacé|ajouté|supprimé|revu|décidé",
        "nous allons changer|modifier|remplacer|ajouter|revoir",
        "ce qu'on va faire",
        "ce que j'ai changé",
        "j'ai changé|modifié|remplacé|ajouté|supprimé|revu",
        "désormais|dorénavant",
        "suites données|suite donnée",
        "nous remplaçons|ajoutons|supprimons|créons|modifions|revoyons",
        "nous mettons en place",
        "mise|mis en place",
        r"re:(?m)(?:^| ; )actions?(?: (?:d'amelioration|corrective|decidee)s?)?(?= ;|$)",
        unless=(_DENIED,),
    ),
    "dates-echeances": Concept.of(
        r"re:\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"re:\b20\d\d-\d\d(?:-\d\d)?\b",
        r"re:\b20\d\d-[ts][1-4]\b",
        r"re:\b[qts][1-4] 20\d\d\b",
        f"re:\\b(?:{_MONTH.replace('é', 'e').replace('û', 'u')}) 20\\d\\d\\b",
        "échéance|échéances|échéancier",
        "délai|délais de réalisation|mise en œuvre",
        "date|dates prévue|prévues|cible|cibles",
        "date|dates de réalisation|clôture",
        f"fin|début|mi|avant|dès {_MONTH}",
        f"d'ici {_MONTH}",
        "trimestre|semestre",
        "immédiat",
        "rentrée",
    ),
    "analyse-risques": Reader(_RISKS_ASKED),
    "mesures-maitrise": Reader(_CONTROLS_ASKED),
}

_IMPROVEMENT = (
    "analyse-appreciations",
    "analyse-reclamations",
    "mesures-amelioration",
    "dates-echeances",
)
_RISKS = ("analyse-risques", "mesures-maitrise")


@mark.verifies("amelioration-continue")
def check_ameliorations_tracees(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Des mesures d'amélioration sont tirées de l'analyse des appréciations et des réclamations.

    Montrez ce que vous tirez des appréciations (enquêtes, avis, retours des formateurs et des
    entreprises) et des réclamations (ou dites qu'aucune n'a été reçue), et les mesures
    d'amélioration décidées : un plan d'amélioration, un compte rendu de revue de direction, une
    fiche d'action corrective, une note « ce que nous avons changé ». Dater les actions (échéance,
    réalisation) est recommandé, pas exigé. Un modèle vide ne prouve rien.

    EN: Improvement measures are drawn from the analysis of feedback and complaints.

    Show what you draw from the feedback (surveys, opinions, trainers' and companies' remarks)
    and from the complaints (or say none was received), and the improvement measures decided: an
    improvement plan, management-review minutes, a corrective-action form, a note "what we
    changed". Dating the actions (deadline, completion) is recommended, not required. An empty
    template proves nothing.
    """
    if new_entrant_at_initial(config):
        skip(
            msg(
                "Nouvel entrant : l'indicateur 32 est audité lors de l'audit de surveillance.",
                "New entrant: indicator 32 is audited at the surveillance audit.",
            )
        )
    docs = [e for e in readable(evidence, 32) if e.kind != "analyse-risques"] or list(
        readable(evidence, 32)
    )
    judge(
        docs,
        CONCEPTS,
        indicator=32,
        referential=referential,
        facts=facts,
        target=kept_unit(unit, docs, config),
        only=_IMPROVEMENT,
        subject=msg("Amélioration continue", "Continuous improvement"),
    )


@mark.verifies("analyse-risques")
def check_analyse_risques(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Une analyse des risques sur la qualité des formations délivrées est conduite (rnq-2026).

    Déposez l'analyse des risques (kind: analyse-risques) : les risques identifiés sur la
    qualité des formations (abandon, indisponibilité d'un formateur, panne de la plateforme,
    inadéquation des contenus…), et de préférence leur cotation et les mesures de prévention ou
    de traitement (recommandées, pas exigées par le texte). Un titre sans contenu, ou « aucun
    risque identifié », ne suffit pas.

    EN: A risk analysis on the quality of the training delivered is carried out (rnq-2026).

    Add the risk analysis (kind: analyse-risques): the risks identified for the quality of training
    (drop-out, a trainer being unavailable, platform outage, unsuitable contents…), and preferably
    how they are rated and the prevention or handling measures (recommended, not required by the
    text). A title without content, or "no risk identified", is not enough.
    """
    docs = list(readable(evidence, 32))
    judge(
        docs,
        CONCEPTS,
        indicator=32,
        referential=referential,
        facts=facts,
        target=kept_unit(unit, docs, config),
        only=_RISKS,
        subject=msg(
            "Analyse des risques sur la qualité des formations",
            "Risk analysis on the quality of training",
        ),
    )
