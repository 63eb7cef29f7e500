"""Indicator 8 — Entry positioning and assessment (« Positionnement et évaluation des acquis à
l'entrée »), criterion 2.

Its built-in checks:

* :func:`check_positionnement` — the procedures for placing entrants (positionnement) and
  assessing their prior learning on entry are defined.
"""

from __future__ import annotations

from rnq.checks.helpers import (
    OfferSections,
    Term,
    incomplete,
    missing_terms,
    not_for_category,
    offering_reading,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Unit

__all__ = ["ACQUIS", "POSITIONNEMENT", "check_positionnement"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"


POSITIONNEMENT = Term.of(
    "procédure de positionnement",
    "positioning procedure",
    r"positionnement",
    r"test (de niveau|d'entree|initial|de positionnement)",
    r"entretien (d'admission|prealable|de positionnement|individuel|d'entree)",
    r"auto-?positionnement",
    r"diagnostic (initial|d'entree|prealable)",
)


ACQUIS = Term.of(
    "évaluation des acquis à l'entrée (test, QCM, prérequis vérifiés)",
    "assessment of prior learning at entry (test, quiz, prerequisites checked)",
    r"evaluations? (diagnostiques?|initiales?|d'entree|des acquis|des pre-?requis|des"
    r" connaissances|prealables?)",
    r"(tests?|qcm|quiz|questionnaires?|exercices?|mises? en situation)\s(de niveau|d'entree"
    r"|initia\w*|de positionnement|de connaissances|prealables?|d'evaluation)",
    r"(verification|controle|validation) des (pre-?requis|acquis|connaissances)",
    r"(aucun|sans|pas de) pre-?\s?requis",
    r"(diplomes?|experiences?)[^.\n]{0,40}(requis|exiges?|valides?)",
)


@mark.verifies("positionnement")
def check_positionnement(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
) -> None:
    """Les procédures de positionnement et d'évaluation des acquis à l'entrée sont définies.

    Décrivez pour la prestation comment chaque entrant est positionné (entretien, test de
    niveau, auto-positionnement) et comment ses acquis sont évalués à l'entrée (QCM, exercices,
    vérification des prérequis ; s'il n'y a pas de prérequis, dites-le).

    EN: The procedures for placing entrants (positionnement) and assessing their prior learning on
    entry are defined.

    Describe for the offering how each entrant is placed (interview, level test, self-assessment)
    and how their prior learning is assessed on entry (multiple-choice test, exercises, checking
    prerequisites; if there are no prerequisites, say so).
    """
    not_for_category(offering, referential, 8)
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 8, kinds=("positionnement",)
    )
    missing = missing_terms(reading.text, [POSITIONNEMENT, ACQUIS])
    incomplete(msg("Positionnement à l'entrée", "Entry positioning"), offering, reading, missing)
