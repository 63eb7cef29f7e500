"""Indicator 28 — Socio-economic partner network (« Réseau de partenaires socio-économiques »),
criterion 6.

Its built-in checks:

* :func:`check_reseau_partenaires` — socio-economic partners help build the training and the
  company placements.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_reseau_partenaires"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_NETWORK = Term.of(
    "le réseau de partenaires socio-économiques identifié (entreprises, branches, SPE)",
    "the socio-economic partner network (companies, sectors, employment service)",
    r"partenaires?",
    r"partenariats?",
    r"reseau",
    r"branches? professionnelles?",
    r"\bopco\b",
    r"chambres? (de commerce|des metiers|d'agriculture)",
    r"\bcci\b",
    r"\bcma\b",
    r"france travail",
    r"missions? locales?",
)


_CO_DESIGN = Term.of(
    "la co-construction de l'ingénierie de formation avec les partenaires",
    "co-designing the training with the partners",
    r"co-? ?constru",
    r"ingenierie",
    r"comite de pilotage",
    r"\bcopil\b",
    r"conseil de perfectionnement",
    r"groupes? de travail",
    r"(elaboration|conception|construction) (du|des) (programme|referentiel|contenu|parcours)",
)


_PLACEMENT = Term.of(
    "l'accueil en entreprise favorisé (stages, alternance, mises en relation)",
    "company placements fostered (internships, work-study, introductions)",
    r"accueil en entreprise",
    r"stages?",
    r"alternan",
    r"apprenti",
    r"\bpfmp\b",
    r"periodes? en entreprise",
    r"\bafest\b",
    r"mises? en relation",
    r"offres? (de stage|d'emploi|de contrat|d'alternance)",
    r"placement",
)


@mark.verifies("reseau-partenaires")
def check_reseau_partenaires(unit: Unit, evidence: EvidenceSet) -> None:
    """Les partenaires socio-économiques co-construisent la formation et l'accueil en entreprise.

    Tenez la liste des partenaires (entreprises, branches, OPCO, chambres consulaires, service
    public de l'emploi) avec les conventions, et gardez la trace de leur mobilisation : comités de
    pilotage ou groupes de travail sur les programmes, offres de stage ou d'alternance relayées,
    mises en relation.

    EN: Socio-economic partners help build the training and the company placements.

    Keep the list of partners (companies, branches, OPCO, chambres consulaires, public employment
    service) with the agreements, and keep records of their involvement: steering committees or
    working groups on programmes, internship or work-study offers passed on, introductions.
    """
    require_terms(
        evidence,
        28,
        [_NETWORK, _CO_DESIGN, _PLACEMENT],
        subject=msg("Réseau de partenaires socio-économiques", "Socio-economic partner network"),
        target=unit,
    )
