"""Indicator 20 — Dedicated staff and governance (« Personnel dédié et conseil de
perfectionnement »), criterion 4.

Its built-in checks:

* :func:`check_personnel_dedie_cfa` — the CFA has mobility staff, a disability referent and a
  conseil de perfectionnement (advisory board).
* :func:`check_gouvernance_cfa` — the CFA is steered with apprentices, trainers and companies in
  its governance (2026).
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

__all__ = ["check_gouvernance_cfa", "check_personnel_dedie_cfa"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"


_COUNCIL = Term.of(
    "le conseil de perfectionnement (membres, dernier compte rendu)",
    "the improvement council (members, latest minutes)",
    r"conseil de perfectionnement",
)


_COUNCIL_MINUTES = Term.of(
    "le dernier compte rendu ou procès-verbal du conseil de perfectionnement",
    "the latest minutes of the improvement council",
    r"compte[- ]rendu",
    r"proces[- ]verbal",
    r"\bpv\b",
    r"releve de decisions",
)


_MOBILITY = Term.of(
    "le personnel dédié à la mobilité nationale et internationale",
    "the staff dedicated to national and international mobility",
    r"(referent|referente|charge|chargee|responsable|dedie|dediee|personnel|equipe|coordinat\w*)"
    r"\W+(?:\w+\W+){0,4}mobilite",
    r"mobilite\W+(?:\w+\W+){0,6}(referent|referente|charge|chargee|responsable|dedie|dediee)",
    r"erasmus",
)


_DISABILITY_REFERENT = Term.of(
    "le référent handicap",
    "the disability referent",
    r"referent(e)? (handicap|h\+|psh)",
    r"referent(e)? (de |pour )?l'accueil des personnes (en situation de )?handicap",
)


_CONTACT = Term.of(
    "les coordonnées du référent handicap",
    "the disability referent's contact details",
    r"@[a-z0-9-]+\.[a-z]",
    r"\b0[1-9](?:[ .-]?\d{2}){4}\b",
    r"telephone",
)


@mark.verifies("personnel-dedie-cfa")
def check_personnel_dedie_cfa(unit: Unit, evidence: EvidenceSet, audit_date: dt.date) -> None:
    """Le CFA a un personnel mobilité, un référent handicap et un conseil de perfectionnement.

    Présentez la liste des membres du conseil de perfectionnement et son dernier compte rendu
    (de moins d'un an), les personnes dédiées à la mobilité nationale et internationale avec les
    actions menées, et le nom et les coordonnées du référent handicap avec ses actions.

    EN: The CFA has mobility staff, a disability referent and a conseil de perfectionnement
    (advisory board).

    Present the list of members of the conseil de perfectionnement and its latest minutes (less than
    a year old), the people dedicated to national and international mobility with the actions
    carried out, and the name and contact details of the disability referent (référent handicap)
    with their actions.
    """
    docs = readable(evidence, 20)
    require(
        folded_text(docs, unit),
        [_COUNCIL, _COUNCIL_MINUTES, _MOBILITY, _DISABILITY_REFERENT, _CONTACT],
        subject=msg("Personnel dédié du CFA", "CFA dedicated staff"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(20,),
    )
    council = [e for e in docs if _COUNCIL.found_in(body_text([e]))]
    require_recent(
        council,
        audit_date,
        subject=("Conseil de perfectionnement", "Improvement council"),
        target=unit,
    )


_STEERING = Term.of(
    "le pilotage de la qualité de la formation (indicateurs, revue, tableau de bord)",
    "the steering of training quality (indicators, review, dashboard)",
    r"pilotage",
    r"tableau de bord",
    r"indicateurs?",
    r"revue (de direction|annuelle|qualite)",
)


_APPRENTICES = Term.of(
    "la participation des apprentis à la gouvernance",
    "apprentices taking part in governance",
    r"apprentis?\b",
    r"delegues?",
    r"representants? des (apprentis|alternants)",
)


_TRAINERS = Term.of(
    "la participation des formateurs à la gouvernance",
    "trainers taking part in governance",
    r"formateurs?",
    r"formatrices?",
    r"enseignants?",
)


_COMPANIES = Term.of(
    "la participation des entreprises à la gouvernance",
    "companies taking part in governance",
    r"entreprises?",
    r"employeurs?",
    r"maitres? d'apprentissage",
    r"branches? professionnelles?",
)


_GOVERNANCE = (
    r"conseil de perfectionnement",
    r"gouvernance",
    r"conseil d'administration",
    r"comite de pilotage",
    r"pilotage",
)


@mark.verifies("gouvernance-cfa")
def check_gouvernance_cfa(unit: Unit, evidence: EvidenceSet) -> None:
    """Pilotage du CFA avec apprentis, formateurs et entreprises dans sa gouvernance (2026).

    Montrez comment la formation est pilotée (indicateurs, revues) et que les apprentis, les
    formateurs et les entreprises siègent dans ses instances (composition et comptes rendus du
    conseil de perfectionnement ou du comité de pilotage).

    EN: The CFA is steered with apprentices, trainers and companies in its governance (2026).

    Show how training is steered (indicators, reviews) and that apprentices, trainers and companies
    sit on its bodies (membership and minutes of the conseil de perfectionnement or of the steering
    committee).
    """
    docs = readable(evidence, 20)
    governance = docs.filter(lambda e: mentions(body_text([e]), *_GOVERNANCE))
    target_docs = governance or docs
    require(
        folded_text(target_docs, unit),
        [_STEERING, _APPRENTICES, _TRAINERS, _COMPANIES],
        subject=msg(
            "Pilotage et gouvernance du CFA (texte 2026 provisoire)",
            "CFA steering and governance (provisional 2026 text)",
        ),
        target=unit,
        docs=target_docs,
        evidence=evidence,
        numbers=(20,),
        provisional=True,
    )
