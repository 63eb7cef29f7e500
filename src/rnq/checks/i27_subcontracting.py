"""Indicator 27 — Subcontracting and wage portage (« Sous-traitance et portage salarial »),
criterion 6.

Its built-in checks:

* :func:`check_conformite_sous_traitants` — the subcontractors' (or ported workers')
  compliance with the referential is verified.
* :func:`check_tracabilite_contrats` — each subcontracting contract traces the obligation to
  comply with the referential (rnq-2026).
"""

from __future__ import annotations

import re

from rnq.checks.helpers import readable, remember, where_kept
from rnq.checks.judging import Finder, assess, demanded, judge
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, Subchecks, advise, msg, stand_aside
from rnq.match.french import Concept, states
from rnq.match.questions import document_body
from rnq.referential.loader import DemandedItem, Referential
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "check_conformite_sous_traitants",
    "check_tracabilite_contrats",
    "contract_kind",
]

#: The namespace of this module's check names (``rnq.checks.subcontracting::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.subcontracting"

#: Clause words that make a mention of a verification something else: the provider is itself
#: the subcontractor checked by its client (« c'est le GRETA qui vérifie notre conformité »).
_CHECKED_BY_CLIENT = (
    "notre conformité",
    "nos émargements",
    "vérifie|vérifient|contrôle|contrôlent|audite nos",
    "nous sommes sous-traitant|sous-traitants",
    "en tant que sous-traitant",
    r"re:\bn'(?:est|ont|a|avons|existe|y a) (?:pas|jamais|plus|aucun)\b",
)

#: How a document says the subcontractors' or ported workers' work is checked.
_CONTROL_TERMS = (
    "contrôle|contrôles|contrôler|contrôlons|contrôlé|contrôlée",
    "audit|audits|auditer|audité",
    "vérifie|vérifier|vérifions|vérifié|vérifiée|vérification|vérifications",
    "s'assure|assurons du respect",
    "observation|observations séance|séances|cours|formation|situation",
    "séance|séances observée|observées",
    "grille d'observation",
    "visite|visites pédagogique|pédagogiques|contrôle|inopinée|inopinées|annuelle",
    "revue documentaire|annuelle|panel|dossiers",
    "entretien|entretiens annuel|annuels|bilan|revue|supervision",
    "supervision",
    "examen|analyse des dossiers|documents|questionnaires|avis|évaluations|résultats",
    "suivi qualité|prestations|résultats",
    "évaluation|évaluations prestation|prestations|sous-traitant|sous-traitants|prestataire"
    "|prestataires|intervenant|intervenants|formateurs|externes",
)

#: Proof that the compliance of subcontractors or ported workers with the referential is
#: verified (the guide's examples: selection, quality coordination, charter, documents supplied).
VERIFICATION = Concept.of(
    *_CONTROL_TERMS,
    "certificat|certification Qualiopi",
    "copie du certificat",
    "=NDA",
    "numéro|n° de déclaration d'activité",
    "charte qualité|intervenants|sous-traitants|sous-traitance",
    "engagement|engagements qualité",
    "sélection|référencement des sous-traitants|prestataires|intervenants|formateurs",
    "grille|critères|processus|procédure de sélection|référencement",
    "dossier de référencement|prestataire|intervenant",
    "référencement",
    "questionnaire fournisseur",
    "pièces|documents|justificatifs à fournir|annuels|annuelles|demandés|demandées",
    "satisfaction intervenant|intervenants|prestataire|prestataires|sous-traitant|formateur",
    "formateur|formateurs|intervenant|intervenants|sous-traitant|sous-traitants|prestataire"
    "|prestataires|consultant|consultants évalué|évalués|évaluée|évaluées",
    unless=_CHECKED_BY_CLIENT,
)

#: The title of a subcontracting or portage contract (or an amendment to one).
CONTRACT = Concept.of(
    "contrat|convention|avenant sous-traitance",
    "contrat|convention prestation|intervention|commercial|portage|cadre",
    "contrat|convention portage salarial",
    "accord-cadre",
    "bon|bons de commande",
    "lettre de mission",
    "avenant au contrat",
)

#: The 2026 traceability: the contract binds the subcontractor to the quality referential.
CLAUSE = Concept.of(
    "référentiel national|qualité",
    "=RNQ",
    "Qualiopi",
    "certification qualité",
    "exigences|obligations|critères|engagement|engagements|exigence qualité",
    "charte qualité",
    "indicateurs du référentiel|qualité",
    "respecter|respect indicateurs",
    r"re:\bl\.? ?6316-",
    r"re:\b2026-728\b",
    unless=(r"re:\breferentiels? (?:de |d')(?:competences|activites|certification (?!qualite))",),
)

#: What the contract entrusts (an example of a traceable contract).
MISSIONS = Concept.of(
    "objet",
    "mission|missions",
    "confie|confié|confiée|confiées|confier",
    "prestation|prestations sous-traitée|sous-traitées|confiée|confiées",
    "intitulé",
    "animation session|sessions|formation|formations|modules",
)

#: How the contract says compliance is checked (an example of a traceable contract).
CONTROL = Concept.of(*_CONTROL_TERMS, unless=_CHECKED_BY_CLIENT)

#: How a document states each item of indicator 27 (``items:`` of ``indicators/27.yaml``).
CONCEPTS: dict[str, Finder] = {
    "verification-conformite": VERIFICATION,
    "contrat": CONTRACT,
    "clause-conformite": CLAUSE,
    "objet-missions": MISSIONS,
    "modalites-controle": CONTROL,
}

_PORTAGE = Concept.of("portage salarial", "salarié|salariée porté|portée", "entreprise de portage")
_SUBCONTRACTING = Concept.of(
    "sous-traitance|sous-traitant|sous-traitante",
    "contrat|convention d'intervention",
)
_TITLE_LINES = 3
_TITLE_WORDS = 16
#: A verb that makes a first line a sentence rather than a title.
_SENTENCE_VERB = re.compile(r"\b(?:est|sont|sera|seront|ont|doit|doivent)\b")


def contract_kind(item: Evidence) -> str | None:
    """What ``item`` is, by its title: « subcontracting » (a subcontracting contract or
    amendment), « portage » (a wage portage contract, outside the 2026 traceability), or None
    (another document: a procedure that mentions contracts is not one). A document declared
    ``kind: contrat-sous-traitance`` is a contract, of portage when its title says so."""
    if not item.usable:
        return None
    contract, portage = remember(item, "\x00i27:title", lambda: _title_says(item))
    if not contract and item.kind != "contrat-sous-traitance":
        return None
    return "portage" if portage else "subcontracting"


def _title(body: str) -> str:
    """The title lines of a folded document: among its first lines, those short enough to be a
    title (a procedure saying « un contrat de sous-traitance est signé… » is not a contract)."""
    lines = [line for line in body.split("\n")[:_TITLE_LINES] if line.strip()]
    return "\n".join(
        line
        for line in lines
        if len(line.split()) <= _TITLE_WORDS and not _SENTENCE_VERB.search(line)
    )


def _title_says(item: Evidence) -> list[bool]:
    """[the title names a contract, the title names wage portage and not subcontracting]."""
    head = _title(document_body(item.text, item.rows))
    portage = states(_PORTAGE, head) and not states(_SUBCONTRACTING, head)
    return [states(CONTRACT, head), portage]


def _subject(place: Localized) -> Localized:
    return msg(f"Sous-traitance ({place.fr})", f"Subcontracting ({place.en})")


@mark.verifies("sous-traitance-conformite")
def check_conformite_sous_traitants(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """La conformité des sous-traitants ou des salariés portés au référentiel est vérifiée.

    Montrez les dispositions qui vérifient que le sous-traitant ou le salarié porté respecte le
    référentiel : sélection ou référencement (grille, critères), pièces demandées (NDA,
    certificat Qualiopi s'il en a un, CV), charte ou engagement qualité signé, contrôles
    (observation de séance, revue des dossiers de session, audit, évaluation). Le contrat de
    sous-traitance ou de portage est un exemple de preuve : son absence est un point de
    vigilance, pas un écart.

    EN: The subcontractors' or ported workers' compliance with the referential is verified.

    Show the arrangements that check that the subcontractor or ported worker complies with the
    referential: selection or listing (grid, criteria), documents required (NDA, Qualiopi
    certificate if any, CV), signed quality charter or commitment, controls (session observed,
    review of session files, audit, evaluation). The subcontracting or portage contract is an
    example of evidence: its absence is a point of vigilance, not a gap.
    """
    docs = list(readable(evidence, 27))
    place = where_kept(unit, docs, config)
    declared = any(e.kind == "contrat-sous-traitance" for e in docs)
    judge(
        docs,
        CONCEPTS,
        indicator=27,
        referential=referential,
        facts=facts,
        only=("verification-conformite",) if declared else ("verification-conformite", "contrat"),
        subject=_subject(place),
    )


_TRACED = ("clause-conformite", "objet-missions", "modalites-controle")


@mark.verifies("tracabilite-sous-traitance")
def check_tracabilite_contrats(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    subchecks: Subchecks,
) -> None:
    """Chaque contrat de sous-traitance trace le respect du référentiel (rnq-2026).

    Complétez chaque contrat de sous-traitance (ou un avenant) d'une clause par laquelle le
    sous-traitant s'engage à respecter le référentiel national qualité pour les missions
    confiées ; l'objet et les missions confiées et les modalités de contrôle par le donneur
    d'ordre (audit, observation, revue des dossiers) sont des exemples de ce qui rend la clause
    traçable. Les contrats de portage salarial ne sont pas visés par cette exigence, qui porte
    sur les « contrats de sous-traitance ».

    EN: Each subcontracting contract traces compliance with the referential (rnq-2026).

    Complete each subcontracting contract (or an amendment) with a clause by which the
    subcontractor undertakes to comply with the national quality referential for the missions
    entrusted; the purpose and missions entrusted and how the contracting provider checks
    compliance (audit, observation, review of files) are examples of what makes the clause
    traceable. Wage portage contracts are not covered by this requirement, which concerns
    "subcontracting contracts".
    """
    docs = list(readable(evidence, 27))
    place = where_kept(unit, docs, config)
    kinds = {e.path: contract_kind(e) for e in docs if e.kind != "attestation"}
    contracts = [e for e in docs if kinds.get(e.path) == "subcontracting"]
    items = demanded(referential, 27, None, _TRACED)
    if not contracts:
        _no_subcontracting_contract(config, docs, kinds, place)
        return
    judged = {c.path: assess([c], CONCEPTS, items, facts) for c in contracts}
    signed = [c for c in contracts if not judged[c.path].drafts]
    missing: dict[str, list[str]] = {}
    for contract in signed or contracts:  # a draft beside signed contracts proves nothing
        judgement = judged[contract.path]
        if not judgement.drafts:
            for item in judgement.vigilance + judgement.to_confirm:
                missing.setdefault(item.id, []).append(contract.path)
        with subchecks.item(contract.path):
            _contract_gap(contract, judgement.gaps, bool(judgement.drafts), items)
    _advise_missing(items, missing, place)
    _advise_drafts([c.path for c in contracts if judged[c.path].drafts] if signed else [], place)


def _advise_drafts(paths: list[str], place: Localized) -> None:
    if not paths:
        return
    shown = ", ".join(paths[:4]) + (", …" if len(paths) > 4 else "")
    advise(
        msg(
            f"Point de vigilance ({place.fr}) — contrat(s) brouillon ou modèle non pris en "
            f"compte : {shown}.",
            f"Point of vigilance ({place.en}) — draft or template contract(s) not counted: "
            f"{shown}.",
        ),
        evidence=paths,
        key="brouillons",
    )


def _contract_gap(
    contract: Evidence,
    gaps: list[DemandedItem],
    draft: bool,
    items: list[DemandedItem],
) -> None:
    if draft:
        counted = [i.id for i in items if i.counts]
        raise Gap(
            msg(
                f"Le contrat {contract.path} est un brouillon ou un modèle à compléter : il ne "
                "trace pas l'engagement du sous-traitant à respecter le référentiel national "
                "qualité ; déposez le contrat signé.",
                f"The contract {contract.path} is a draft or a template to complete: it does "
                "not trace the subcontractor's commitment to comply with the national quality "
                "referential; add the signed contract.",
            ),
            evidence=[contract.path],
            items=counted,
        )
    if gaps:
        names = msg(", ".join(i.label.fr for i in gaps), ", ".join(i.label.en for i in gaps))
        raise Gap(
            msg(
                f"Le contrat de sous-traitance {contract.path} ne trace pas : {names.fr} — "
                "ajoutez une clause (ou un avenant) par laquelle le sous-traitant s'engage à "
                "respecter le référentiel national qualité pour les missions confiées.",
                f"The subcontracting contract {contract.path} does not trace: {names.en} — add "
                "a clause (or an amendment) by which the subcontractor undertakes to comply with "
                "the national quality referential for the missions entrusted.",
            ),
            evidence=[contract.path],
            items=[i.id for i in gaps],
        )


def _advise_missing(
    items: list[DemandedItem], missing: dict[str, list[str]], place: Localized
) -> None:
    """One point de vigilance per example item missing from some contracts (« à confirmer »
    for a counted item whose finder is unproven or whose text is provisional)."""
    for item in items:
        paths = missing.get(item.id)
        if not paths:
            continue
        shown = ", ".join(paths[:4]) + (", …" if len(paths) > 4 else "")
        why = (
            msg(
                "à confirmer : rnq ne reconnaît pas encore toutes les façons de l'écrire",
                "to confirm: rnq does not yet recognise every way of writing it",
            )
            if item.counts
            else msg(
                "c'est un exemple de ce qui rend la clause qualité traçable, pas une exigence",
                "this is an example of what makes the quality clause traceable, not a requirement",
            )
        )
        advise(
            msg(
                f"Point de vigilance ({place.fr}) — {item.label.fr} : non trouvé dans {shown} ; "
                f"{why.fr}.",
                f"Point of vigilance ({place.en}) — {item.label.en}: not found in {shown}; "
                f"{why.en}.",
            ),
            confirm=item.counts,
            items=[item.id],
            evidence=paths,
            key=item.id,
        )


def _no_subcontracting_contract(
    config: WorkspaceConfig,
    docs: list[Evidence],
    kinds: dict[str, str | None],
    place: Localized,
) -> None:
    """No subcontracting contract to read: the traceability cannot be verified when the
    provider subcontracts (« à confirmer »); nothing to say about portage contracts alone."""
    portage = [e.path for e in docs if kinds.get(e.path) == "portage"]
    if not config.activity.subcontracting:
        stand_aside(
            msg(
                "Portage salarial seul : la traçabilité 2026 porte sur les contrats de "
                "sous-traitance.",
                "Wage portage only: the 2026 traceability concerns subcontracting contracts.",
            )
        )
    advise(
        msg(
            f"Traçabilité dans les contrats de sous-traitance ({place.fr}) : aucun contrat de "
            "sous-traitance parmi les preuves de l'indicateur 27"
            + (f" (contrats de portage, non visés : {', '.join(portage[:4])})" if portage else "")
            + " — à confirmer : déposez les contrats de sous-traitance (kind: "
            "contrat-sous-traitance) pour que leur clause qualité soit vérifiée.",
            f"Traceability in subcontracting contracts ({place.en}): no subcontracting contract "
            "among the evidence for indicator 27"
            + (f" (portage contracts, not covered: {', '.join(portage[:4])})" if portage else "")
            + " — to confirm: add the subcontracting contracts (kind: contrat-sous-traitance) "
            "so that their quality clause is checked.",
        ),
        confirm=True,
        items=["clause-conformite"],
        evidence=portage,
        key="clause-conformite",
    )
