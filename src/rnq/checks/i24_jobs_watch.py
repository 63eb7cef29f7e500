"""Indicator 24 — Watch on competences, jobs and employment (« Veille sur les compétences, les
métiers et les emplois »), criterion 6.

Its built-in checks:

* :func:`check_veille_metiers` — the watch (veille) on skills, trades and jobs is in place and
  used.
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

__all__ = ["CONCEPTS", "JOBS_WATCH", "check_veille_metiers"]

#: The namespace of this module's check names (``rnq.checks.watch::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.watch"


#: How a document says what a watch on skills, trades and jobs is: its name, its sources (the
#: observatories, surveys, branches and networks of the provider's sectors).
JOBS_WATCH = Concept.of(
    "veille métier|métiers|emploi|emplois|compétences|sectorielle|économique|marché",
    "veille évolution|évolutions",
    "veille emploi-formation",
    "évolution|évolutions métier|métiers|emplois|compétences|qualifications",
    "évolution du marché du travail",
    "marché du travail",
    "métiers en tension",
    "besoins compétences|recrutement|recrutements|emploi",
    "main-d'œuvre",
    "tendances emploi|métiers|recrutement",
    "statistiques emploi|marché",
    "étude|études prospective|prospectives",
    "prospective métiers|emploi",
    "difficultés de recrutement",
    "enquête BMO",
    "=BMO",
    "observatoire|observatoires",
    "OPMQ",
    "Carif-Oref",
    "fiches ROME",
    "=ROME",
    "=APEC",
    "=DARES",
    "France Stratégie",
    "commission|commissions emploi-formation|paritaire",
    "=CPNE",
    "=CPNEF",
    "branche|branches",
    "=FFB",
    "=CAPEB",
    "=UIMM",
    "=UMIH",
    "fédération|fédérations professionnelle|professionnelles",
    "syndicat|syndicats professionnel|professionnels",
    "revue|revues|presse spécialisée|spécialisées|professionnelle|professionnelles",
    "salon|salons professionnel|professionnels|emploi|métiers|métier",
    "tiens|tenir à jour sur mon|notre métier",
    "remontées des entreprises|employeurs",
    "retours entreprises|employeurs|structures",
    "échanges avec les entreprises|employeurs|cabinets",
    unless=("débouchés", *NOT_THE_WATCH),
)

#: How a document states each item of indicator 24 (``items:`` of ``indicators/24.yaml``);
#: the watch's date (``veille-a-jour``) is read from the evidence's date.
CONCEPTS: dict[str, Finder] = {
    "veille-en-place": JOBS_WATCH,
    "exploitation": table_aware(__name__, "exploitation", USE, USE_ROLES),
}


@mark.verifies("veille-metiers")
def check_veille_metiers(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille sur les compétences, les métiers et les emplois est en place et exploitée.

    Montrez la veille sur les secteurs de vos prestations (observatoires, enquêtes, branches,
    réseaux professionnels, remontées des entreprises) et ce qui en découle pour les
    prestations : programme adapté, module ajouté, nouvelle offre, décision motivée. Pour un
    nouvel entrant à l'audit initial, seule la veille en place est demandée (son impact est
    audité à la surveillance). Une veille dont la preuve la plus récente a plus de 12 mois
    (réglable par « freshness: {veille-metiers: N} ») est un point de vigilance, pas un écart.

    EN: The watch (veille) on skills, trades and jobs is in place and used.

    Show the watch on the sectors of your offerings (observatories, surveys, branches,
    professional networks, feedback from companies) and what follows for the offerings: programme
    adapted, module added, new offering, reasoned decision. For a new entrant at its initial
    audit, only the watch in place is required (its impact is audited at surveillance). A watch
    whose latest evidence is over 12 months old (set with "freshness: {veille-metiers: N}") is a
    point of vigilance, not a gap.
    """
    judge_watch(
        24,
        "veille-metiers",
        msg(
            "Veille sur les compétences, les métiers et les emplois",
            "Watch on competences, jobs and employment",
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
