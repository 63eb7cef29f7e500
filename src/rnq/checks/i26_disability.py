"""Indicator 26 — Disability expertise and network (« Expertises, outils et réseaux handicap »),
criterion 6.

Its built-in checks:

* :func:`check_reseau_handicap` — the disability network, tools and expertise that can be called
  on, and how adaptations are decided, are described.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, labels, missing_terms, readable, text_of, where_kept
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["DISABILITY_TERMS", "check_reseau_handicap"]

#: The namespace of this module's check names (``rnq.checks.disability::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.disability"


#: What the wording and the expected level of indicator 26 ask to see.
DISABILITY_TERMS = (
    Term.of(
        "réseau de partenaires du handicap (Agefiph, Fiphfp, Cap emploi, MDPH, Ressource "
        "handicap formation…)",
        "disability partner network (Agefiph, Fiphfp, Cap emploi, MDPH, Ressource handicap "
        "formation…)",
        r"\bagefiph\b",
        r"\bfiphfp\b",
        r"\bcap emploi\b",
        r"\bmdph\b",
        r"maison departementale des personnes handicapees",
        r"ressource(s)? handicap formation|\brhf\b",
        r"\bcomete france\b|\bsameth\b|\bpcpe\b|\besat\b|\bcrp\b",
        r"(reseau|partenaires?|acteurs?|experts?) (du |de l')?(handicap|champ du handicap)",
        r"(reseau|partenaires?) (specialise|externe)s? .{0,40}handicap",
    ),
    Term.of(
        "expertise ou outils mobilisés (référent handicap, expert, outils, sensibilisation)",
        "expertise or tools mobilised (disability referent, expert, tools, awareness)",
        r"\breferent(e)?s? (handicap|accessibilite|psh)",
        r"\bexpert(e|s|ise)?\b",
        r"\boutils?\b",
        r"\bsensibilis",
        r"\bformation (au|sur le|a l'accueil)",
        r"\bguide\b|\bcharte\b|\bregistre (public )?d'accessibilite",
        r"\bcompensation\b|\bergonom|\blogiciel|\bmateriel adapte",
    ),
    Term.of(
        "modalités d'adaptation (procédure, entretien, aménagements)",
        "how adaptation is decided (procedure, interview, adjustments)",
        r"\bamenagement",
        r"\badaptation",
        r"\bprocedure\b|\bprocessus\b|\bmodalites (d'accueil|de recours|d'orientation)",
        r"\bentretien",
        r"besoins? (specifiques?|particuliers?|de compensation)",
        r"\borient(ation|er)\b",
        r"\bplan d'accompagnement\b|\bpap\b|\btiers[- ]temps",
    ),
)


@mark.verifies("handicap-reseau")
def check_reseau_handicap(unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig) -> None:
    """Réseau, outils et expertise handicap mobilisables et modalités d'adaptation sont décrits.

    Décrivez (kind: handicap) le réseau de partenaires mobilisable (Agefiph, Cap emploi, MDPH,
    Ressource handicap formation…, avec les contacts), le référent handicap ou l'expertise et
    les outils disponibles, et la façon dont les adaptations sont décidées : entretien,
    procédure, aménagements, orientation.

    EN: The disability network, tools and expertise that can be called on, and how adaptations are
    decided, are described.

    Describe (kind: handicap) the partner network that can be called on (Agefiph, Cap emploi, MDPH,
    Ressource handicap formation…, with contacts), the disability referent (référent handicap) or
    the expertise and tools available, and how adaptations are decided: interview, procedure,
    adjustments, referral.
    """
    docs = readable(evidence, 26)
    absent = missing_terms(text_of(docs), DISABILITY_TERMS)
    place = where_kept(unit, docs, config)
    if absent:
        raise Gap(
            msg(
                f"Indicateur 26 ({place.fr}) : les preuves ne montrent pas {labels(absent).fr}.",
                f"Indicator 26 ({place.en}): the evidence does not show {labels(absent).en}.",
            ),
            evidence=docs.paths(),
        )
