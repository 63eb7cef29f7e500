"""Indicator 13 — Alternance: coordination centre / company (« Alternance : coordination entre
centre et entreprise »), criterion 3.

Its built-in checks:

* :func:`check_alternance_coordination` — work-study (alternance): tasks planned ahead and
  learning coordinated between centre and company.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_alternance_coordination"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_LIAISON = Term.of(
    "l'outil de liaison centre / entreprise (livret d'apprentissage, carnet de liaison)",
    "the centre / company liaison tool (apprenticeship booklet, liaison book)",
    r"livret (d'apprentissage|d'alternance|de liaison|de suivi|de l'alternant|de l'apprenti)",
    r"carnet de liaison",
    r"outil de liaison",
    r"tableau de bord",
    r"plateforme de suivi",
    r"fiche de liaison",
)


_MISSIONS = Term.of(
    "les missions confiées en entreprise, anticipées avec l'apprenant",
    "the company missions, planned with the learner",
    r"missions?",
    r"activites (confiees|en entreprise)",
    r"taches confiees",
)


_TUTOR = Term.of(
    "les échanges avec le tuteur ou le maître d'apprentissage (visites, entretiens)",
    "exchanges with the tutor or maître d'apprentissage (visits, interviews)",
    r"tuteur",
    r"tutrice",
    r"maitres? d'apprentissage",
    r"visites? (en|d')entreprise",
    r"entretien tripartite",
)


_PROGRESSION = Term.of(
    "la progressivité des apprentissages entre centre et entreprise",
    "the progression of learning between centre and company",
    r"progressi",
    r"articulation",
    r"calendrier (d'alternance|de l'alternance)",
    r"rythme (d'alternance|de l'alternance)",
    r"planning (d'alternance|de l'alternance)",
    r"court,? moyen et long terme",
)


@mark.verifies("alternance-coordination")
def check_alternance_coordination(unit: Unit, evidence: EvidenceSet) -> None:
    """Alternance : missions anticipées et apprentissages centre / entreprise coordonnés.

    Utilisez un outil de liaison centre / entreprise / apprenant (livret d'apprentissage, carnet de
    liaison, plateforme de suivi) qui planifie les missions à court, moyen et long terme, et gardez
    la trace des échanges avec les tuteurs ou maîtres d'apprentissage (visites, entretiens) et de
    la progression entre les deux lieux de formation.

    EN: Work-study (alternance): tasks planned ahead and learning coordinated between centre and
    company.

    Use a centre / company / learner liaison tool (apprenticeship booklet or livret d'apprentissage,
    liaison notebook, follow-up platform) that plans the tasks in the short, medium and long term,
    and keep records of the exchanges with tutors or apprenticeship masters (maîtres
    d'apprentissage: visits, interviews) and of progress between the two places of training.
    """
    require_terms(
        evidence,
        13,
        [_LIAISON, _MISSIONS, _TUTOR, _PROGRESSION],
        subject=msg("Coordination centre / entreprise", "Centre / company coordination"),
        target=unit,
    )
