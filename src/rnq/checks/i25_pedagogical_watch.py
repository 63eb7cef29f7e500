"""Indicator 25 — Watch on pedagogical and technological innovation (« Veille sur les innovations
pédagogiques et technologiques »), criterion 6.

Its built-in checks:

* :func:`check_veille_pedagogique` — the watch (veille) on teaching and technological
  innovations is up to date and used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.checks.helpers import USE, new_entrant_at_initial, watch
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["check_veille_pedagogique"]

#: The namespace of this module's check names (``rnq.checks.watch::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.watch"


@mark.verifies("veille-pedagogique")
def check_veille_pedagogique(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille sur les innovations pédagogiques et technologiques est à jour et exploitée.

    Tenez la veille à jour (moins de 12 mois à l'audit, kind: veille-pedagogique) et notez ce
    qui en découle : outils ou méthodes adoptés, contenus modifiés, analyse d'opportunité.

    EN: The watch (veille) on teaching and technological innovations is up to date and used.

    Keep the watch up to date (less than 12 months old at the audit, kind: veille-pedagogique) and
    record what follows from it: tools or methods adopted, contents changed, opportunity analysis.
    """
    watch(
        25,
        "veille-pedagogique",
        ("la veille pédagogique et technologique", "the pedagogical and technological watch"),
        () if new_entrant_at_initial(config) else (USE,),
        unit,
        evidence,
        config,
        freshness,
        audit_date,
    )
