"""Indicator 6 — Content and delivery methods (« Contenus et modalités de mise en œuvre »),
criterion 2.

Its built-in checks:

* :func:`check_contenus_modalites` — the contents and delivery methods are defined and suited to
  the objectives and to the audiences.
"""

from __future__ import annotations

from rnq.checks.helpers import OfferSections, Term, incomplete, missing_terms, offering_reading
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Offering, Unit

__all__ = ["CONTENU", "LIEN_OBJECTIFS", "MISE_EN_OEUVRE", "PUBLICS", "check_contenus_modalites"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"


CONTENU = Term.of(
    "contenus (programme, modules, séquences)",
    "content (programme, modules, sequences)",
    r"\bcontenus?\b",
    r"\bprogramme\b",
    r"\bmodules?\b",
    r"\bsequences?\b",
    r"\bderoule\w*",
    r"progression pedagogique",
    r"\bseances?\b",
    r"plan de (cours|formation)",
    r"\bchapitres?\b",
)


MISE_EN_OEUVRE = Term.of(
    "modalités de mise en œuvre (présentiel, distance, méthodes, calendrier)",
    "delivery methods (face-to-face, distance, methods, schedule)",
    r"modalites (de mise en (oe|œ)uvre|pedagogiques|de deroulement|d'organisation)",
    r"presentiel|distanciel|(a|en) distance|en ligne|e-?learning|\bhybride\b|\bblended\b",
    r"\bfoad\b|\ba?synchrone|\balternance\b",
    r"methodes? pedagogiques?",
    r"\bcalendrier\b|\bplanning\b",
)


LIEN_OBJECTIFS = Term.of(
    "lien avec les objectifs définis",
    "link with the defined objectives",
    r"\bobjectifs?\b",
    r"competences (visees|cibles|developpees|a acquerir)",
)


PUBLICS = Term.of(
    "adaptation aux publics bénéficiaires",
    "adaptation to the learners",
    r"\bpublics?\b",
    r"\badapt\w*",
    r"individualis\w*",
    r"personnalis\w*",
    r"\bprofils?\b",
    r"handicap|\bpsh\b",
)


@mark.verifies("contenus-modalites")
def check_contenus_modalites(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """Les contenus et modalités de mise en œuvre sont établis, adaptés aux objectifs et aux
    publics.

    Décrivez pour la prestation ses contenus (programme détaillé, séquences, déroulé), ses
    modalités de mise en œuvre (présentiel, distance, méthodes, calendrier), leur lien avec les
    objectifs et leur adaptation au public visé (profils, individualisation, handicap).

    EN: The contents and delivery methods are defined and suited to the objectives and to the
    audiences.

    Describe for the offering its contents (detailed programme, sequences, running order), its
    delivery methods (on-site, distance, teaching methods, calendar), how they relate to the
    objectives and how they are adapted to the target audience (profiles, individualisation,
    disability).
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 6, kinds=("programme",))
    missing = missing_terms(reading.text, [CONTENU, MISE_EN_OEUVRE, LIEN_OBJECTIFS, PUBLICS])
    incomplete(msg("Contenus et modalités", "Content and methods"), offering, reading, missing)
