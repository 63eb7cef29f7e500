"""Indicator 10 — Delivering and adapting the service (« Mise en œuvre et adaptation de la
prestation »), criterion 3.

Its built-in checks:

* :func:`check_adaptation_suivi` — the offering, support and follow-up are delivered and adapted
  to the beneficiaries.

What is demanded, item by item (``items:`` of ``indicators/10.yaml``): the follow-up and the
support of beneficiaries (the wording) are requirements; the adaptation to their situations and
profiles is demanded « lorsque l'analyse du besoin en établit la nécessité » (niveau attendu) — a
condition rnq cannot read in a text: it is taken as established where the provider declares it
takes in people with disabilities (``facts: {welcomes_disabled: true}``, whose needs analysis
calls for compensation), and otherwise a missing adaptation is advice « à confirmer ».
"""

from __future__ import annotations

from rnq.checks.helpers import readable, where
from rnq.checks.i09_delivery_conditions import judge_unit
from rnq.checks.judging import Finder, stated
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import advise, msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_adaptation_suivi"]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"

#: What says « suivi » or « accompagnement » is about invoices, files or costs, not learners.
_ADMINISTRATIVE = (
    "facture|factures|facturation",
    "impayés|impayé",
    "comptable|comptabilité",
    "dossiers administratifs",
    "suivi des dossiers",
    "prise en charge OPCO",
    "frais|repas",
    "accompagnant|accompagnants",
    r"re:\b(?:a|ont|avez|avoir|ai|as|aura|auront|ayant) suivi\b",
    r"re:\b(?:est|sont|sera|seront) suivie?s? (?:d'|de |du |des )"
    r"|^\W*suivies? (?:d'|de |du |des )",
    r"re:\bcf\b",
    # « aucun suivi ni accompagnement n'est assuré » written over two lines: the negation is
    # on the line before
    r"re:\bn'(?:est|sont) (?:assuree?s?|prevue?s?|proposee?s?|realisee?s?)\b(?! que)",
)

#: How a document says each item of indicator 10 (``items:`` of ``indicators/10.yaml``).
CONCEPTS: dict[str, Finder] = {
    "suivi": Concept.of(
        "suivi|suivis|suivie",
        "fiche|livret|tableau|carnet|dossier|outil suivi",
        "point|points étape",
        "point|points réguliers|mensuel|mensuels|hebdomadaire|trimestriel",
        "faire|fait|faisons|refais|refait le point",
        r"re:\bpoints? avec\b",
        "entretien|entretiens suivi|individuel|individuels|mi-parcours|intermédiaire|bilan",
        "mi-parcours",
        "bilan|bilans intermédiaire|intermédiaires|final|individuel|mensuel",
        "tableau de bord",
        "progression|progrès",
        "compte rendu entretien",
        "retour écrit|individualisé|personnalisé",
        "relit|relecture",
        "recontacte|rappelle|relance",
        "prochaine rencontre|étape",
        unless=_ADMINISTRATIVE,
    ),
    "accompagnement": Concept.of(
        "accompagnement|accompagnements",
        "accompagne|accompagnent|accompagnons|accompagner|accompagné|accompagnée",
        "accompagnateur|accompagnatrice",
        "référent|référente|référents",
        "tuteur|tutrice|tutorat|tuteurs",
        "coach|coaching",
        "mentor|mentorat|parrain|marraine|parrainage",
        "formateur|formatrice dédié|dédiée|référent|référente|attitré|attitrée",
        "consultant|consultante",
        "interlocuteur|interlocutrice unique|dédié|dédiée|privilégié",
        "permanence|permanences",
        "soutien",
        "aide personnalisée|individuelle",
        "répond|répondre|réponse questions",
        "joindre|joignable|joignables",
        "point|points individuel|individuels",
        r"re:\bdisponibles? pour\b",
        "séances individuelles",
        "entretien|entretiens individuel|individuels",
        "conseiller|conseillère",
        unless=_ADMINISTRATIVE,
    ),
    "adaptation": Concept.of(
        "adapter|adapté|adaptée|adaptés|adaptées|adaptation|adaptations|adaptons|adapte",
        "aménagement|aménagements|aménagé|aménagée|aménager",
        "individualisé|individualisée|individualisation|individualiser",
        "personnalisé|personnalisée|personnalisation|personnaliser",
        r"re:\bsur[ -]mesure\b",
        r"re:\ba la carte\b",
        "modulable|modulables|modulaire",
        "ajusté|ajustés|ajustée|ajustées|ajuster|ajustement|ajustements",
        "rythme|rythmes",
        "groupe|groupes niveau|niveaux",
        "selon|en fonction profil|niveau|besoins|besoin|métier|projet|situation|avancement",
        "dispense|dispenser|dispensé",
        "parcours réduit|allégé|allégée|aménagé",
        "tiers-temps|tiers temps",
        "temps majoré",
        "remise à niveau",
        "soutien",
        "changement groupe",
        "compensation",
        "prolongé|prolongée|prolongation|étalement|étalé",
        "ordre libre",
        r"re:\bordre des modules [^.;\n]{0,12}\blibre\b",
        "choisis|choisies selon|par vous",
        "besoin|besoins particulier|particuliers|spécifique|spécifiques",
        "temps supplémentaire",
        "horaires décalés|aménagés|allégés",
        "modules retirés|ajoutés|supplémentaires|optionnels",
        "revoit|revoir|revu|reprend|repris parcours|programme",
        "gros caractères",
        "différencié|différenciée|différenciation",
        unless=(r"re:\bcf\b",),
    ),
}


@mark.verifies("adaptation-suivi")
def check_adaptation_suivi(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """La prestation, l'accompagnement et le suivi sont mis en œuvre et adaptés aux bénéficiaires.

    Montrez comment le suivi est assuré (livret ou tableau de suivi, entretiens, points d'étape)
    et comment les bénéficiaires sont accompagnés (référent, tuteur, formateur dédié). Montrez
    comment la prestation est adaptée aux situations et profils de chacun (aménagements, parcours
    individualisé, rythme, groupes de niveau, plan de compensation) : exigé lorsque l'analyse du
    besoin en établit la nécessité — notamment pour les personnes en situation de handicap
    (facts: {welcomes_disabled: true}) ; sinon, son absence est à confirmer.

    EN: The offering, support and follow-up are delivered and adapted to the beneficiaries.

    Show how follow-up is ensured (follow-up booklet or table, interviews, progress reviews) and
    how beneficiaries are supported (referent, tutor, dedicated trainer). Show how the offering is
    adapted to each person's situation and profile (adjustments, individualised pathway, pace,
    level groups, compensation plan): required where the needs analysis shows it is necessary —
    in particular for people with disabilities (facts: {welcomes_disabled: true}); otherwise its
    absence is to be confirmed.
    """
    docs = readable(evidence, 10)
    subject = msg("Accompagnement et suivi adaptés", "Adapted support and follow-up")
    judgement = judge_unit(
        docs,
        CONCEPTS,
        indicator=10,
        unit=unit,
        evidence=evidence,
        referential=referential,
        facts=facts,
        subject=subject,
    )
    judged = {i.id for i in judgement.found + judgement.undeclared + judgement.to_confirm}
    if "adaptation" not in judged and not stated(docs, CONCEPTS["adaptation"]):
        # declared not to take in people with disabilities: adaptation may still be necessary
        place = where(unit)
        advise(
            msg(
                f"Adaptation aux profils pour la {place.fr} : non trouvée — exigée lorsque "
                "l'analyse du besoin en établit la nécessité (niveau attendu) : à confirmer au "
                "regard de vos analyses du besoin et positionnements.",
                f"Adaptation to profiles for {place.en}: not found — required where the needs "
                "analysis shows it is necessary (niveau attendu): to confirm against your needs "
                "analyses and positionings.",
            ),
            confirm=True,
            items=["adaptation"],
            evidence=judgement.read,
            key="adaptation",
        )
