"""Indicator 10 — Delivering and adapting the service (« Mise en œuvre et adaptation de la
prestation »), criterion 3.

Its built-in checks:

* :func:`check_adaptation_suivi` — the offering, support and follow-up are delivered and adapted
  to the beneficiaries.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_adaptation_suivi"]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"


_FOLLOW_UP = Term.of(
    "le suivi des bénéficiaires",
    "the follow-up of learners",
    r"\bsuivi",
    r"point d'etape",
    r"bilan intermediaire",
    r"entretien (de suivi|individuel|intermediaire)",
)


_SUPPORT = Term.of(
    "l'accompagnement (référent, tutorat, entretiens)",
    "the support (referent, tutoring, interviews)",
    r"accompagn",
    r"tutorat",
    r"tuteur",
    r"referent",
    r"coach",
)


_ADAPTATION = Term.of(
    "l'adaptation aux profils (aménagements, individualisation, rythme)",
    "adaptation to profiles (arrangements, individual paths, pace)",
    r"adapt",
    r"amenagement",
    r"individualis",
    r"personnalis",
    r"rythme",
    r"sur mesure",
    r"groupes? de niveau",
    r"selon (le|son|leur|les) (profil|besoin|niveau)",
)


@mark.verifies("adaptation-suivi")
def check_adaptation_suivi(unit: Unit, evidence: EvidenceSet) -> None:
    """La prestation, l'accompagnement et le suivi sont mis en œuvre et adaptés aux bénéficiaires.

    Montrez comment le suivi est assuré (livret ou tableau de suivi, entretiens, référent) et
    comment la prestation est adaptée au profil de chacun (aménagements, parcours individualisé,
    rythme, groupes de niveau, plan de compensation pour les personnes en situation de handicap).

    EN: The offering, support and follow-up are delivered and adapted to the beneficiaries.

    Show how follow-up is ensured (follow-up booklet or table, interviews, referent) and how the
    offering is adapted to each person's profile (adjustments, individualised pathway, pace, level
    groups, compensation plan for people with disabilities).
    """
    require_terms(
        evidence,
        10,
        [_FOLLOW_UP, _SUPPORT, _ADAPTATION],
        subject=msg("Accompagnement et suivi adaptés", "Adapted support and follow-up"),
        target=unit,
    )
