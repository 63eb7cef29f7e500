"""Indicator 22 — Developing employees' competences (« Développement des compétences des
salariés »), criterion 5.

Its built-in checks:

* :func:`check_plan_developpement_competences` — an up-to-date skills development plan for
  employees exists and includes training.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from rnq.checks.helpers import (
    Term,
    current,
    labels,
    missing_terms,
    new_entrant_at_initial,
    readable,
    remember,
    text_of,
    where_kept,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, skip
from rnq.match.questions import fold
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["check_plan_developpement_competences"]

#: The namespace of this module's check names (``rnq.checks.staff::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.staff"


_PLAN_TERMS = (
    Term.of(
        "actions de formation ou de professionnalisation",
        "training or professional-development actions",
        r"formation",
        r"professionnalisation",
        r"montee en competences",
        r"webinaire",
        r"analyse des pratiques",
        r"tutorat",
        r"\bvae\b",
        r"\bcpf\b",
    ),
    Term.of(
        "personnels concernés",
        "staff concerned",
        r"salarie",
        r"personnel",
        r"formateur",
        r"formatrice",
        r"intervenant",
        r"collaborat",
        r"equipe",
        r"agent",
    ),
)


_YEARS = re.compile(r"\b(20\d\d)\s*(?:-|/|a|au|–)\s*(20\d\d)\b")


def _covers(item: Evidence, year: int) -> bool:
    """True when the plan's title (path or first lines) names the audit year or a period
    including it (« Plan 2026 », « PDC 2025-2027 »)."""
    head = remember(item, "\x00head300", lambda: fold(f"{item.path}\n{(item.text or '')[:300]}"))
    for start, end in _YEARS.findall(head):
        if int(start) <= year <= int(end):
            return True
    return str(year) in re.findall(r"\b20\d\d\b", head)


@mark.verifies("developpement-competences")
def check_plan_developpement_competences(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """Un plan de développement des compétences des salariés est à jour et mobilise des formations.

    Déposez le plan de développement des compétences en cours (kind: plan-competences), daté,
    qui liste les actions de formation et de professionnalisation des personnels ; un formateur
    indépendant montre sa propre formation continue.

    EN: An up-to-date skills development plan for employees exists and includes training.

    Add the current skills development plan (plan de développement des compétences, kind:
    plan-competences), dated, listing the training and professional development actions for staff;
    an independent trainer shows their own continuing training.
    """
    if new_entrant_at_initial(config):
        skip(
            msg(
                "Nouvel entrant : l'indicateur 22 est audité lors de l'audit de surveillance.",
                "New entrant: indicator 22 is audited at the surveillance audit.",
            )
        )
    docs = readable(evidence, 22)
    plans = [e for e in docs if e.kind in ("plan-competences", "attestation")]
    place = where_kept(unit, plans or docs, config)
    assert plans, msg(
        f"Aucun plan de développement des compétences parmi les preuves de l'indicateur 22 "
        f"({place.fr}).",
        f"No staff development plan among the evidence for indicator 22 ({place.en}).",
    )
    months = freshness.get("plan-competences", 12)
    fresh = [
        e
        for e in plans
        if e.kind == "attestation"
        or (e.date is not None and current(e.kind, e.date, e.valid_until, {}, audit_date, months))
        or _covers(e, audit_date.year)
    ]
    if not fresh:
        dates = ", ".join(f"{e.path} ({fr_date(e.date) if e.date else 'non daté'})" for e in plans)
        dates_en = ", ".join(f"{e.path} ({e.date or 'undated'})" for e in plans)
        raise Gap(
            msg(
                f"Plan de développement des compétences pas à jour ({place.fr}) : ni daté de "
                f"moins de {months} mois avant l'audit du {fr_date(audit_date)}, ni couvrant "
                f"l'année {audit_date.year} — {dates} — règle de fraîcheur indicative.",
                f"Staff development plan not current ({place.en}): neither dated within "
                f"{months} months of the audit on {audit_date.isoformat()} nor covering "
                f"{audit_date.year} — {dates_en} — freshness is a heuristic.",
            ),
            evidence=[e.path for e in plans],
        )
    written = [e for e in fresh if e.kind != "attestation"]
    if not written:
        return
    absent = missing_terms(text_of(written), _PLAN_TERMS)
    if absent:
        raise Gap(
            msg(
                f"Le plan de développement des compétences ne mentionne pas : {labels(absent).fr} "
                f"({place.fr}).",
                f"The staff development plan does not mention: {labels(absent).en} ({place.en}).",
            ),
            evidence=[e.path for e in written],
        )
