"""Indicator 5 — Operational, assessable objectives (« Objectifs opérationnels et évaluables »),
criterion 2.

Its built-in checks:

* :func:`check_objectifs_evaluables` — the offering's objectives are operational and assessable.
"""

from __future__ import annotations

from rnq.checks.helpers import OfferSections, Term, incomplete, missing_terms, offering_reading
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Offering, Unit

__all__ = ["EVALUABLES", "OBJECTIFS", "OPERATIONNELS", "check_objectifs_evaluables"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"


_ACTION_VERBS = (
    "identifier|realiser|rediger|appliquer|utiliser|mettre en (oeuvre|œuvre|place)|analyser"
    "|concevoir|organiser|elaborer|construire|conduire|animer|preparer|calculer|diagnostiquer"
    "|produire|accueillir|conseiller|vendre|gerer|communiquer|presenter|expliquer|decrire"
    "|distinguer|planifier|controler|installer|entretenir|composer|creer|adapter|selectionner"
    "|etablir|definir|reperer|traiter|negocier|argumenter|enoncer|justifier|evaluer|encadrer"
    "|manager|piloter|saisir|parametrer|configurer|developper|programmer|diriger|interpreter"
    "|comparer|classer|formuler|resoudre|appliquer|respecter|assurer|realiser|maitriser|tenir"
    "|exprimer|comprendre et|converser|echanger|lire|ecrire|parler|reformuler|accompagner"
)


OBJECTIFS = Term.of(
    "objectifs de la prestation",
    "objectives of the offering",
    r"\bobjectifs?\b",
    r"competences (visees|cibles|developpees|a acquerir|attendues)",
    r"a l'issue de (la|cette) (formation|prestation|action)",
)


OPERATIONNELS = Term.of(
    "objectifs opérationnels (verbes d'action, « être capable de »)",
    "operational objectives (action verbs, 'be able to')",
    r"(capables?|en mesure|aptes?) (de |d')",
    r"\bsavoir(-faire)?\s*:?\s*(" + _ACTION_VERBS + r")\b",
    r"(^|\n)\s*([-*•]|\d+[.)])?\s*(" + _ACTION_VERBS + r")\b",
    r"objectifs?[^\n]{0,40}:\s*(" + _ACTION_VERBS + r")\b",
)


EVALUABLES = Term.of(
    "objectifs évaluables (critères ou modalités d'évaluation)",
    "assessable objectives (criteria or assessment)",
    r"\bevalu\w*",
    r"\bcriteres?\b",
    r"indicateurs? de (reussite|resultat|progression|performance)",
    r"\bmesur(e|er|able|ables|es)\b",
    r"\b(examens?|epreuves?|qcm|quiz|tests?)\b",
    r"\bgrilles?\b",
)


@mark.verifies("objectifs-evaluables")
def check_objectifs_evaluables(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """Les objectifs de la prestation sont opérationnels et évaluables.

    Formulez les objectifs avec des verbes d'action (« à l'issue de la formation, le stagiaire
    sera capable de réaliser… ») plutôt que « connaître » ou « sensibiliser », et indiquez
    comment leur atteinte est évaluée (critères, épreuves, grille d'évaluation).

    EN: The offering's objectives are operational and assessable.

    Word the objectives with action verbs ("by the end of the training, the trainee will be able to
    carry out…") rather than "know" or "be made aware of", and state how their achievement is
    assessed (criteria, tests, assessment grid).
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 5, kinds=("programme",))
    missing = missing_terms(reading.text, [OBJECTIFS, OPERATIONNELS, EVALUABLES])
    incomplete(msg("Objectifs", "Objectives"), offering, reading, missing)
