"""Indicator 25 — Watch on pedagogical and technological innovation (« Veille sur les innovations
pédagogiques et technologiques »), criterion 6.

Its built-in checks:

* :func:`check_veille_pedagogique` — the watch (veille) on teaching and technological
  innovations is in place and used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.checks.i23_legal_watch import (
    NOT_THE_WATCH,
    USE,
    USE_ROLES,
    judge_watch,
    new_entrant_watch,
    table_aware,
)
from rnq.checks.judging import Finder
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "PEDAGOGICAL_WATCH", "check_veille_pedagogique"]

#: The namespace of this module's check names (``rnq.checks.watch::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.watch"


#: How a document says what a watch on teaching and technological innovation is: its name, its
#: sources (networks, events, practice-analysis groups, journals of the trade).
PEDAGOGICAL_WATCH = Concept.of(
    "veille pédagogique|technologique|techno|numérique|innovation|innovations|outils|méthodes"
    "|documentaire",
    "veille sur les innovations|outils|méthodes|pratiques|évolutions|nouvelles|nouveaux",
    "innovation|innovations pédagogique|pédagogiques|technologique|technologiques",
    "évolutions pédagogiques|technologiques",
    "nouveautés pédagogiques|technologiques|numériques",
    "nouvelles pratiques|méthodes",
    "nouveaux outils",
    "analyse|analyses de pratiques|pratique",
    "échange|échanges de pratiques|pratique",
    "retour|retours d'expérience",
    "Thot Cursus",
    "=Fffod",
    "=FFFOD",
    "Learning Technologies",
    "Educatech",
    "Expolangues",
    "Café pédagogique",
    "Université d'hiver de la formation",
    "Lab RH",
    "Ressource|Ressources handicap formation",
    "club des utilisateurs",
    "je teste|testé|testons",
    "test|tests plateformes|outils|applications|logiciels",
    "salon|salons Learning|Educatech|Batimat|professionnel",
    "journée|journées étude|études|échanges|technique|techniques",
    "webinaire|webinaires",
    "colloque|colloques|conférence|conférences|congrès",
    "=MOOC",
    "communauté|communautés de pratique|pratiques",
    "réseau|réseaux formateurs|OF|organismes",
    "abonnement|abonnements|abonné|abonnée newsletter|newsletters|lettre|lettres|revue|revues",
    "revue|revues pédagogique|pédagogiques|spécialisée|spécialisées",
    unless=("veille légale", "veille réglementaire", *NOT_THE_WATCH),
)

#: How a document states each item of indicator 25 (``items:`` of ``indicators/25.yaml``);
#: the watch's date (``veille-a-jour``) is read from the evidence's date.
CONCEPTS: dict[str, Finder] = {
    "veille-en-place": PEDAGOGICAL_WATCH,
    "exploitation": table_aware(__name__, "exploitation", USE, USE_ROLES),
}


@mark.verifies("veille-pedagogique")
def check_veille_pedagogique(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille sur les innovations pédagogiques et technologiques est en place et exploitée.

    Montrez la veille (réseaux, salons, groupes d'analyse de pratiques, revues, outils testés)
    et ce qui en découle : outils ou méthodes adoptés, contenus modifiés, analyse d'opportunité
    et décision. Pour un nouvel entrant à l'audit initial, seule la veille en place est demandée
    (son impact est audité à la surveillance). Une veille dont la preuve la plus récente a plus
    de 12 mois (réglable par « freshness: {veille-pedagogique: N} ») est un point de vigilance,
    pas un écart.

    EN: The watch (veille) on teaching and technological innovations is in place and used.

    Show the watch (networks, fairs, practice-analysis groups, journals, tools tested) and what
    follows from it: tools or methods adopted, contents changed, opportunity analysis and
    decision. For a new entrant at its initial audit, only the watch in place is required (its
    impact is audited at surveillance). A watch whose latest evidence is over 12 months old (set
    with "freshness: {veille-pedagogique: N}") is a point of vigilance, not a gap.
    """
    judge_watch(
        25,
        "veille-pedagogique",
        msg(
            "Veille sur les innovations pédagogiques et technologiques",
            "Watch on pedagogical and technological innovation",
        ),
        CONCEPTS,
        unit=unit,
        evidence=evidence,
        config=config,
        referential=referential,
        facts=facts,
        freshness=freshness,
        audit_date=audit_date,
        only=("veille-en-place",) if new_entrant_watch(config, unit) else None,
    )
