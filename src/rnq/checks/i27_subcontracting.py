"""Indicator 27 — Subcontracting and wage portage (« Sous-traitance et portage salarial »),
criterion 6.

Its built-in checks:

* :func:`check_conformite_sous_traitants` — subcontracting contracts exist and the
  subcontractors' compliance is verified.
* :func:`check_tracabilite_contrats` — each subcontracting contract records compliance with the
  referential (rnq-2026).
"""

from __future__ import annotations

from rnq.checks.helpers import (
    Term,
    labels,
    mentions,
    missing_terms,
    readable,
    remember,
    text_of,
    where_kept,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, msg, skip
from rnq.match.questions import fold
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = [
    "COMPLIANCE",
    "TRACEABILITY",
    "check_conformite_sous_traitants",
    "check_tracabilite_contrats",
]

#: The namespace of this module's check names (``rnq.checks.subcontracting::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.subcontracting"


_CONTRACT = (
    r"contrat|convention|accord[- ]cadre|bon de commande|lettre de mission",
    r"sous[- ]?trait|portage|salarie porte|prestataire externe|co-traitan",
)


#: Proof that the subcontractors' compliance with the referential is checked.
COMPLIANCE = Term.of(
    "vérification de la conformité des sous-traitants (certificat Qualiopi, NDA, charte ou "
    "engagement qualité, sélection, audit, évaluation)",
    "check of the subcontractors' compliance (Qualiopi certificate, NDA, quality charter or "
    "commitment, selection, audit, evaluation)",
    r"\bqualiopi\b",
    r"referentiel national (de )?qualite|\brnq\b",
    r"certificat (qualite|de certification)",
    r"\bnda\b|numero de declaration d'activite|declaration d'activite",
    r"charte (qualite|des sous-traitants|de sous-traitance)|engagement(s)? qualite",
    r"(grille|criteres?|processus|procedure) de (selection|referencement)",
    r"\baudit\b|\bcontrole (qualite|des sous-traitants|de conformite)",
    r"evaluation (annuelle )?(du|des) (sous-traitants?|prestataires?|salaries? portes?)",
    r"(verification|suivi) (de la )?(conformite|qualite)",
)


#: What each contract must trace from 1 November 2026.
TRACEABILITY = (
    Term.of(
        "ce qui est sous-traité (objet, missions)",
        "what is subcontracted (purpose, missions)",
        r"\bobjet\b",
        r"\bmissions?\b",
        r"prestations? (confiee|sous-traitee|realisee)s?",
        r"actions? de formation (confiee|sous-traitee)s?",
        r"\bintitule\b|\bprogramme\b",
    ),
    Term.of(
        "obligations de conformité au référentiel qualité",
        "obligations to comply with the quality referential",
        r"referentiel national (de )?qualite|\brnq\b|\bqualiopi\b|l\.? ?6316",
        r"exigences? (de )?qualite|obligations? (de )?qualite|criteres? (de )?qualite",
        r"charte qualite|indicateurs? (du referentiel|qualite)|engagements? qualite",
    ),
    Term.of(
        "modalités de contrôle (contrôle, audit, évaluation, suivi)",
        "how compliance is controlled (control, audit, evaluation, follow-up)",
        r"\bcontrol(e|es|er)\b",
        r"\baudits?\b",
        r"\bverifi(e|er|cation)",
        r"evaluation (de la|des) (prestation|qualite|sous-trait)",
        r"suivi (qualite|de la qualite|des prestations)|bilans? (qualite|annuel)",
        r"(justificatifs?|preuves?) (a fournir|fournis|transmis)",
    ),
)


def _is_contract(item: Evidence) -> bool:
    """A subcontracting or portage contract: by its kind, or by what its text says."""
    if item.kind == "contrat-sous-traitance":
        return True
    return remember(item, "\x00contract", lambda: _contract_head(item))


def _contract_head(item: Evidence) -> bool:
    head = fold((item.text or "")[:2000])  # the title and first clauses
    return all(mentions(head, pattern) for pattern in _CONTRACT)


@mark.verifies("sous-traitance-conformite")
def check_conformite_sous_traitants(
    unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig
) -> None:
    """Les contrats de sous-traitance existent et la conformité des sous-traitants est vérifiée.

    Déposez les contrats de sous-traitance ou de portage salarial (kind:
    contrat-sous-traitance) et les preuves de la vérification : certificat Qualiopi ou NDA du
    sous-traitant, charte ou engagement qualité signé, grille de sélection, audits ou
    évaluations des sous-traitants.

    EN: Subcontracting contracts exist and the subcontractors' compliance is verified.

    Add the subcontracting or portage salarial contracts (kind: contrat-sous-traitance) and the
    evidence of the verification: the subcontractor's Qualiopi certificate or NDA (numéro de
    déclaration d'activité), signed quality charter or commitment, selection grid, audits or
    evaluations of subcontractors.
    """
    docs = readable(evidence, 27)
    place = where_kept(unit, docs, config)
    contracts = [e for e in docs if _is_contract(e)]
    missing = (
        []
        if contracts
        else [msg("contrat de sous-traitance ou de portage", "subcontracting or portage contract")]
    )
    if not COMPLIANCE.found_in(text_of(docs)):
        missing.append(COMPLIANCE.label)
    if missing:
        raise Gap(
            msg(
                f"Sous-traitance ({place.fr}) : il manque "
                + " ; ".join(m.fr for m in missing)
                + ".",
                f"Subcontracting ({place.en}): missing " + "; ".join(m.en for m in missing) + ".",
            ),
            evidence=docs.paths(),
        )


@mark.verifies("tracabilite-sous-traitance")
def check_tracabilite_contrats(evidence: EvidenceSet, subchecks: Subchecks) -> None:
    """Chaque contrat de sous-traitance trace le respect du référentiel (rnq-2026).

    Complétez chaque contrat (ou un avenant) : objet et missions confiées, engagement du
    sous-traitant à respecter le référentiel national qualité (indicateurs concernés,
    justificatifs à fournir) et modalités de contrôle par le donneur d'ordre (audit,
    évaluation, suivi).

    EN: Each subcontracting contract records compliance with the referential (rnq-2026).

    Complete each contract (or an amendment): purpose and tasks entrusted, the subcontractor's
    commitment to comply with the national quality referential (indicators concerned, supporting
    documents to provide) and how the contracting provider monitors it (audit, evaluation,
    follow-up).
    """
    docs = readable(evidence, 27)
    contracts = [e for e in docs if _is_contract(e) and e.kind != "attestation"]
    if not contracts:
        skip(
            msg(
                "Aucun contrat lisible : voir la vérification de la conformité des sous-traitants.",
                "No readable contract: see the subcontractors' compliance check.",
            )
        )
    for contract in contracts:
        absent = missing_terms(text_of([contract]), TRACEABILITY)
        with subchecks.item(contract.path):
            if absent:
                raise Gap(
                    msg(
                        f"Le contrat {contract.path} ne trace pas : {labels(absent).fr}.",
                        f"The contract {contract.path} does not record: {labels(absent).en}.",
                    ),
                    evidence=[contract.path],
                )
