"""Indicator 32 — Continuous improvement (« Mesures d'amélioration continue »), criterion 7.

Its built-in checks:

* :func:`check_ameliorations_tracees` — dated improvement measures are drawn from feedback and
  complaints.
* :func:`check_analyse_risques` — a risk analysis on the quality of the training delivered is
  carried out (rnq-2026).
"""

from __future__ import annotations

from rnq.checks.helpers import (
    Term,
    labels,
    mentions,
    missing_terms,
    new_entrant_at_initial,
    readable,
    text_of,
    where_kept,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, skip
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["check_ameliorations_tracees", "check_analyse_risques"]

#: The namespace of this module's check names (``rnq.checks.improvement::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.improvement"


_DATES = (
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"\b20\d\d-\d\d-\d\d\b",
    r"\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
    r" 20\d\d\b",
    r"\bech(eance|eancier)s?\b",
    r"date (de realisation|prevue|cible|de mise en oeuvre|de cloture)",
    r"\b[ts][1-4] 20\d\d\b",
)


_IMPROVEMENT_TERMS = (
    Term.of(
        "analyse des appréciations (enquêtes, avis)",
        "analysis of the feedback (surveys, opinions)",
        r"apprecia",
        r"\benquetes?\b",
        r"satisfaction",
        r"questionnaire",
        r"\bavis\b",
        r"retours? (des |de l')?(stagiaires|apprenants|beneficiaires|financeurs|entreprises|"
        r"formateurs|equipes|clients)",
    ),
    Term.of(
        "analyse des réclamations (et des aléas)",
        "analysis of the complaints (and incidents)",
        r"reclamation",
        r"plainte",
        r"\balea",
        r"\bincident",
    ),
    Term.of(
        "mesures d'amélioration décidées",
        "improvement measures decided",
        r"\bactions?\b",
        r"\bmesures?\b",
        r"\bameliorations?\b",
        r"\bcorrecti(f|ve|ves|fs)\b",
    ),
    Term.of("dates ou échéances des actions", "dates or deadlines of the actions", *_DATES),
)


@mark.verifies("amelioration-continue")
def check_ameliorations_tracees(unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig) -> None:
    """Des mesures d'amélioration datées sont tirées des appréciations et des réclamations.

    Tenez un plan ou un journal d'amélioration (kind: amelioration) qui relie chaque action à
    sa source (enquête de satisfaction, appréciation, réclamation, aléa), avec son responsable,
    son échéance et son état.

    EN: Dated improvement measures are drawn from feedback and complaints.

    Keep an improvement plan or log (kind: amelioration) that links each action to its source
    (satisfaction survey, feedback, complaint, contingency), with its owner, due date and status.
    """
    if new_entrant_at_initial(config):
        skip(
            msg(
                "Nouvel entrant : l'indicateur 32 est audité lors de l'audit de surveillance.",
                "New entrant: indicator 32 is audited at the surveillance audit.",
            )
        )
    docs = readable(evidence, 32)
    plans = [e for e in docs if e.kind not in ("analyse-risques", "attestation")]
    place = where_kept(unit, plans or docs, config)
    if not plans:
        raise Gap(
            msg(
                f"Aucun plan ou journal d'amélioration parmi les preuves de l'indicateur 32 "
                f"({place.fr}).",
                f"No improvement plan or log among the evidence for indicator 32 ({place.en}).",
            ),
            evidence=docs.paths(),
        )
    absent = missing_terms(text_of(plans), _IMPROVEMENT_TERMS)
    if absent:
        raise Gap(
            msg(
                f"Amélioration continue ({place.fr}) : les preuves ne montrent pas "
                f"{labels(absent).fr}.",
                f"Continuous improvement ({place.en}): the evidence does not show "
                f"{labels(absent).en}.",
            ),
            evidence=[e.path for e in plans],
        )


_RISK = (
    r"analyse (des|de) risques?",
    r"(cartographie|matrice|registre|revue|evaluation) des risques",
    r"\bamdec\b",
)


_RISK_TERMS = (
    Term.of("risques identifiés", "risks identified", r"\brisques?\b"),
    Term.of(
        "portant sur la qualité des formations délivrées",
        "bearing on the quality of the training delivered",
        r"\bformations?\b",
        r"\bprestations?\b",
        r"\bpedagog",
        r"\bapprenants?\b|\bstagiaires?\b|\bbeneficiaires?\b",
    ),
    Term.of(
        "mesures de maîtrise (actions, prévention, traitement)",
        "control measures (actions, prevention, treatment)",
        r"\bmesures?\b",
        r"\bactions?\b",
        r"\bmaitris",
        r"\bprevention\b|\bpreventi(f|ve|ves|fs)\b",
        r"(plan de )?traitement (du|des) risques?",
        r"\bparades?\b|\battenuation\b|\bmitigation\b",
    ),
)


@mark.verifies("analyse-risques")
def check_analyse_risques(unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig) -> None:
    """Une analyse des risques sur la qualité des formations délivrées est conduite (rnq-2026).

    Déposez l'analyse des risques (kind: analyse-risques) : les risques identifiés sur la
    qualité des formations (abandon, indisponibilité d'un formateur, panne de la plateforme,
    inadéquation des contenus…), leur évaluation et les mesures de prévention ou de traitement.

    EN: A risk analysis on the quality of the training delivered is carried out (rnq-2026).

    Add the risk analysis (kind: analyse-risques): the risks identified for the quality of training
    (drop-out, a trainer being unavailable, platform outage, unsuitable contents…), how they are
    rated and the prevention or handling measures.
    """
    docs = readable(evidence, 32)
    risks = [e for e in docs if e.kind == "analyse-risques" or mentions(text_of([e]), *_RISK)]
    place = where_kept(unit, risks or docs, config)
    if not risks:
        raise Gap(
            msg(
                f"Aucune analyse des risques sur la qualité des formations parmi les preuves de "
                f"l'indicateur 32 ({place.fr}).",
                f"No quality risk analysis among the evidence for indicator 32 ({place.en}).",
            ),
            evidence=docs.paths(),
        )
    written = [e for e in risks if e.kind != "attestation"]
    absent = missing_terms(text_of(written or risks), _RISK_TERMS)
    if absent:
        raise Gap(
            msg(
                f"Analyse des risques ({place.fr}) : il manque {labels(absent).fr}.",
                f"Risk analysis ({place.en}): missing {labels(absent).en}.",
            ),
            evidence=[e.path for e in risks],
        )
