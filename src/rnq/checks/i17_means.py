"""Indicator 17 — Human and technical resources, premises (« Moyens humains et techniques,
environnement »), criterion 4.

Its built-in checks:

* :func:`check_moyens_locaux` — suitable human and technical resources and premises are
  provided.
"""

from __future__ import annotations

from rnq.checks.helpers import DISTANCE, Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_moyens_locaux"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"


_PEOPLE = Term.of(
    "les moyens humains (formateurs, encadrement)",
    "the people (trainers, supervision)",
    r"formateur",
    r"formatrice",
    r"intervenant",
    r"enseignant",
    r"equipe (pedagogique|administrative)",
    r"encadrement",
    r"tuteur",
    r"personnel",
)


_EQUIPMENT = Term.of(
    "les moyens techniques (équipements, matériel, plateforme)",
    "the equipment (devices, materials, platform)",
    r"equipement",
    r"materiel",
    r"ordinateur",
    r"poste informatique",
    r"videoprojecteur",
    r"logiciel",
    r"plateau technique",
    r"atelier",
    r"outils?\b",
    *DISTANCE,
)


_PREMISES = Term.of(
    "les locaux ou l'environnement de formation à distance",
    "the premises or the distance-learning environment",
    r"locaux",
    r"\bsalles?\b",
    r"\bsites?\b",
    r"batiment",
    r"accessibilite",
    r"\berp\b",
    *DISTANCE,
)


@mark.verifies("moyens-locaux")
def check_moyens_locaux(unit: Unit, evidence: EvidenceSet) -> None:
    """Des moyens humains, techniques et des locaux adaptés sont mis à disposition.

    Décrivez les moyens mobilisés pour les prestations de l'unité : les intervenants et
    l'encadrement, les équipements (matériel, logiciels, plateaux techniques, plateforme de
    formation) et les locaux (salles, accessibilité) ou l'environnement à distance.

    EN: Suitable human and technical resources and premises are provided.

    Describe the resources used for the unit's offerings: trainers and supervision, equipment
    (hardware, software, technical facilities, training platform) and premises (rooms,
    accessibility) or the distance-learning environment.
    """
    require_terms(
        evidence,
        17,
        [_PEOPLE, _EQUIPMENT, _PREMISES],
        subject=msg("Moyens humains, techniques et locaux", "People, equipment and premises"),
        target=unit,
    )
