"""Indicator 29 — Employment and further-study actions (« Insertion professionnelle et poursuite
d'études »), criterion 6.

Its built-in checks:

* :func:`check_insertion_poursuite` — the CFA carries out actions for employment or further
  studies.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_insertion_poursuite"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_OUTCOME = Term.of(
    "la finalité : insertion professionnelle ou poursuite d'études",
    "the aim: employment or further study",
    r"insertion",
    r"emploi",
    r"poursuite d'etudes?",
    r"orientation",
)


_ACTIONS = Term.of(
    "des actions concrètes (ateliers CV, job dating, salons, visites d'entreprises, concours)",
    "concrete actions (CV workshops, job dating, fairs, company visits, competitions)",
    r"ateliers?",
    r"\bcv\b",
    r"lettres? de motivation",
    r"job ?dating",
    r"forums?",
    r"salons?",
    r"visites? (d'entreprises?|en entreprise)",
    r"portes ouvertes",
    r"simulations? d'entretien",
    r"offres? d'emploi",
    r"(reseau|association) des anciens",
    r"alumni",
    r"concours",
    r"worldskills",
    r"meilleurs? apprentis",
    r"parcoursup",
)


@mark.verifies("insertion-poursuite")
def check_insertion_poursuite(unit: Unit, evidence: EvidenceSet) -> None:
    """Le CFA mène des actions d'insertion professionnelle ou de poursuite d'études.

    Montrez les actions menées pour l'insertion ou la poursuite d'études des apprentis : ateliers
    CV et simulations d'entretien, job dating, salons et forums, visites d'entreprises, diffusion
    d'offres d'emploi, réseau des anciens, information sur les poursuites d'études, concours.

    EN: The CFA carries out actions for employment or further studies.

    Show the actions carried out for apprentices' employment or further studies: CV workshops and
    mock interviews, job dating, fairs and forums, company visits, circulating job offers, alumni
    network, information on further studies, competitions.
    """
    require_terms(
        evidence,
        29,
        [_OUTCOME, _ACTIONS],
        subject=msg(
            "Actions d'insertion et de poursuite d'études", "Employment and further-study actions"
        ),
        target=unit,
    )
