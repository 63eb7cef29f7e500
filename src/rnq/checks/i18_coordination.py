"""Indicator 18 — Mobilising and coordinating contributors (« Mobilisation et coordination des
intervenants »), criterion 4.

Its built-in checks:

* :func:`check_coordination_intervenants` — internal and external staff (intervenants) are
  identified by role and coordinated.
"""

from __future__ import annotations

import datetime as dt

from rnq.checks.helpers import (
    Term,
    body_text,
    folded_text,
    mentions,
    readable,
    require,
    require_recent,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_coordination_intervenants"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"


_IDENTIFIED = Term.of(
    "les intervenants identifiés avec leur fonction (organigramme, fiches de poste, liste)",
    "the contributors and their functions (organisation chart, job descriptions, list)",
    r"organigramme",
    r"fiches? de poste",
    r"liste des (intervenants|formateurs)",
    r"\broles?\b",
    r"fonctions?\b",
    r"responsable",
    r"referent",
    r"coordinat(eur|rice)",
)


_COORDINATED = Term.of(
    "la coordination (réunions, comités, échanges tracés)",
    "the coordination (meetings, committees, recorded exchanges)",
    r"reunion",
    r"comite",
    r"compte[- ]rendu",
    r"coordination",
    r"seminaire",
    r"point (hebdomadaire|mensuel|d'equipe)",
)


_MEETING = (r"reunion", r"compte[- ]rendu", r"comite", r"ordre du jour", r"releve de decisions")


@mark.verifies("coordination-intervenants")
def check_coordination_intervenants(unit: Unit, evidence: EvidenceSet, audit_date: dt.date) -> None:
    """Les intervenants internes et externes sont identifiés par fonction et coordonnés.

    Tenez un organigramme fonctionnel ou une liste des intervenants (pédagogiques, administratifs,
    référents) et gardez la trace de leur coordination : comptes rendus de réunions pédagogiques,
    comités, échanges avec les intervenants externes, datés de moins d'un an.

    EN: Internal and external staff (intervenants) are identified by role and coordinated.

    Keep a functional organisation chart or a list of staff (teaching, administrative, referents)
    and keep records of their coordination: minutes of teaching meetings, committees, exchanges with
    external staff, dated less than a year ago.
    """
    docs = readable(evidence, 18)
    require(
        folded_text(docs, unit),
        [_IDENTIFIED, _COORDINATED],
        subject=msg("Coordination des intervenants", "Coordination of contributors"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(18,),
    )
    meetings = [e for e in docs if mentions(body_text([e]), *_MEETING)]
    require_recent(
        meetings,
        audit_date,
        subject=("Coordination des intervenants", "Coordination of contributors"),
        target=unit,
    )
