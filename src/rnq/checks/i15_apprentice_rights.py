"""Indicator 15 — Apprentices' rights, duties, health and safety (« Droits et devoirs des
apprentis, santé et sécurité »), criterion 3.

Its built-in checks:

* :func:`check_droits_devoirs_apprentis` — apprentices are informed of their rights and duties
  and of the health and safety rules.
* :func:`check_mediateur_apprentissage` — apprenticeship mediator, minors and labour
  inspectorate: apprentices are informed (2026).
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_droits_devoirs_apprentis", "check_mediateur_apprentissage"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_RIGHTS = Term.of(
    "les droits et devoirs des apprentis",
    "the apprentices' rights and duties",
    r"droits? et (devoirs|obligations)",
    r"droits? (&|/) (devoirs|obligations)",
)


_EMPLOYEE = Term.of(
    "le statut de salarié (contrat, temps de travail, congés, rémunération)",
    "their status as employees (contract, working time, leave, pay)",
    r"contrat d'apprentissage",
    r"salarie",
    r"remuneration",
    r"conges",
    r"temps de travail",
    r"duree du travail",
)


_SAFETY = Term.of(
    "les règles de santé et de sécurité en milieu professionnel",
    "occupational health and safety rules",
    r"sante et (de la )?securite",
    r"securite au travail",
    r"prevention des risques",
    r"risques professionnels",
    r"equipements? de protection",
    r"\bepi\b",
    r"accidents? du travail",
    r"travaux (reglementes|dangereux)",
)


@mark.verifies("droits-devoirs-apprentis")
def check_droits_devoirs_apprentis(unit: Unit, evidence: EvidenceSet) -> None:
    """Les apprentis sont informés de leurs droits et devoirs et des règles de santé et sécurité.

    Informez les apprentis (règlement intérieur du CFA, livret d'accueil, réunion d'information
    avec compte rendu) de leurs droits et devoirs, de leur statut de salarié (contrat, temps de
    travail, congés, rémunération) et des règles de santé et de sécurité au travail.

    EN: Apprentices are informed of their rights and duties and of the health and safety rules.

    Inform apprentices (the CFA's internal rules or règlement intérieur, welcome booklet,
    information meeting with minutes) of their rights and duties, of their status as employees
    (contract, working time, leave, pay) and of the occupational health and safety rules.
    """
    require_terms(
        evidence,
        15,
        [_RIGHTS, _EMPLOYEE, _SAFETY],
        subject=msg(
            "Information des apprentis sur leurs droits, devoirs, santé et sécurité",
            "Apprentices informed of rights, duties, health and safety",
        ),
        target=unit,
    )


_MEDIATOR = Term.of(
    "les coordonnées du médiateur de l'apprentissage",
    "the apprenticeship mediator's contact details",
    r"mediat(eur|rice|ion) (de|a) l'apprentissage",
    r"mediateur consulaire",
    r"mediat(eur|rice)\W+(?:\w+\W+){0,6}(cci|cma|chambre)",
)


_MINORS = Term.of(
    "l'information renforcée des apprentis mineurs",
    "stronger information for apprentices under 18",
    r"mineurs?",
    r"moins de 18 ans",
)


_INSPECTORATE = Term.of(
    "le signalement des dysfonctionnements à l'inspection du travail",
    "reporting malfunctions to the labour inspectorate",
    r"inspect(ion|eur|rice) du travail",
    r"\bdreets\b",
)


@mark.verifies("mediateur-apprentissage")
def check_mediateur_apprentissage(unit: Unit, evidence: EvidenceSet) -> None:
    """Médiateur de l'apprentissage, mineurs et inspection du travail : apprentis informés (2026).

    Complétez l'information des apprentis : coordonnées du médiateur de l'apprentissage (chambre
    consulaire), information renforcée des apprentis mineurs sur la santé et la sécurité, et la
    règle de signalement des dysfonctionnements à l'inspection du travail.

    EN: Apprenticeship mediator, minors and labour inspectorate: apprentices are informed (2026).

    Complete the information given to apprentices: contact details of the apprenticeship mediator
    (médiateur de l'apprentissage, at the chambre consulaire), reinforced health and safety
    information for apprentices under 18, and the rule for reporting malfunctions to the labour
    inspectorate (inspection du travail).
    """
    require_terms(
        evidence,
        15,
        [_MEDIATOR, _MINORS, _INSPECTORATE],
        subject=msg(
            "Médiateur de l'apprentissage, mineurs et inspection du travail",
            "Apprenticeship mediator, minors and labour inspectorate",
        ),
        target=unit,
    )
