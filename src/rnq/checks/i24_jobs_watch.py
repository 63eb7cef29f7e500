"""Indicator 24 — Watch on competences, jobs and employment (« Veille sur les compétences, les
métiers et les emplois »), criterion 6.

Its built-in checks:

* :func:`check_veille_metiers` — the watch (veille) on skills, trades and jobs is up to date and
  used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.checks.helpers import USE, new_entrant_at_initial, watch
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["check_veille_metiers"]

#: The namespace of this module's check names (``rnq.checks.watch::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.watch"


@mark.verifies("veille-metiers")
def check_veille_metiers(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille sur les compétences, les métiers et les emplois est à jour et exploitée.

    Tenez la veille à jour (moins de 12 mois à l'audit, kind: veille-metiers) et notez ce qui
    en découle pour les prestations : programmes adaptés, nouvelle offre, décision motivée.

    EN: The watch (veille) on skills, trades and jobs is up to date and used.

    Keep the watch up to date (less than 12 months old at the audit, kind: veille-metiers) and
    record what follows for the offerings: adapted programmes, new offering, reasoned decision.
    """
    watch(
        24,
        "veille-metiers",
        ("la veille sur les compétences, les métiers et les emplois", "the jobs and skills watch"),
        () if new_entrant_at_initial(config) else (USE,),
        unit,
        evidence,
        config,
        freshness,
        audit_date,
    )
