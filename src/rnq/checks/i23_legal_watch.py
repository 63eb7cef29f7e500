"""Indicator 23 — Legal and regulatory watch (« Veille légale et réglementaire »), criterion 6.

Its built-in checks:

* :func:`check_veille_legale` — the legal and regulatory watch (veille légale) is up to date,
  used and shared internally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rnq.checks.helpers import USE, Term, watch
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["SHARED", "check_veille_legale"]

#: The namespace of this module's check names (``rnq.checks.watch::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.watch"


#: The legal watch is circulated internally (expected level of indicator 23).
SHARED = Term.of(
    "communication en interne",
    "internal circulation",
    r"\bdiffus",
    r"\bcommuniqu",
    r"\btransmi(s|se)\b",
    r"\bpartag",
    r"\binform(e|ee|es|ees|ation) (des|les|aux|a l'|de l') ?(equipes?|formateurs|salaries|"
    r"personnels?|collaborateurs|intervenants|services)",
    r"newsletter|lettre (interne|d'information)|note (interne|de service)|intranet",
    r"reunion (d'equipe|pedagogique|de service|qualite)|comite",
)


@mark.verifies("veille-legale")
def check_veille_legale(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille légale et réglementaire est à jour, exploitée et communiquée en interne.

    Tenez la veille à jour (moins de 12 mois à l'audit, kind: veille-legale) et notez pour
    chaque évolution retenue ce qui en découle : décision, document ou offre mis à jour,
    diffusion aux équipes (réunion, note interne, lettre d'information).

    EN: The legal and regulatory watch (veille légale) is up to date, used and shared internally.

    Keep the watch up to date (less than 12 months old at the audit, kind: veille-legale) and record
    for each change retained what follows from it: decision, document or offering updated,
    circulation to staff (meeting, internal memo, newsletter).
    """
    watch(
        23,
        "veille-legale",
        ("la veille légale et réglementaire", "the legal and regulatory watch"),
        (USE, SHARED),
        unit,
        evidence,
        config,
        freshness,
        audit_date,
    )
