"""Indicator 15 — Apprentices' rights, duties, health and safety (« Droits et devoirs des
apprentis, santé et sécurité »), criterion 3.

Its built-in checks:

* :func:`check_droits_devoirs_apprentis` — apprentices are informed of their rights and duties,
  as apprentices and as employees, and of the health and safety rules.
* :func:`check_mediateur_apprentissage` — apprenticeship mediator, minors and labour
  inspectorate: apprentices are informed (2026).
* :func:`check_signalement_violences_apprentis` — apprentices are informed of the support,
  prevention and reporting schemes for violence, harassment, sexism and discrimination, and of
  whom to turn to (2026).

What they demand (``items:`` of ``indicators/15.yaml``): the wording's rights and duties (a
document that tells both, together or apart), employee status and health and safety rules; from
rnq-2026, information reinforced for minors — only where the unit declares minors (``facts:
{minors: true}``; undeclared, it is advice naming the fact) —, the schemes against violence and
who can help, the apprenticeship mediator's contact details and the reporting of failings to the
labour inspectorate. A label that only refers elsewhere (« … : cf. code du travail ») informs no
one. The 2026 violence prevention check of indicator 12 is not bound to 15.
"""

from __future__ import annotations

from collections.abc import Sequence

from rnq.checks.judging import Finder, Reader, judge_readable
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept, concept_found
from rnq.match.questions import document_body, document_question, named_question
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "check_droits_devoirs_apprentis",
    "check_mediateur_apprentissage",
    "check_signalement_violences_apprentis",
]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

#: A label whose only content is a reference elsewhere (« Droits et devoirs : cf. code du
#: travail »): the clause of a match ends on « cf. ».
_POINTER = "re::\\s*(?:cf|voir)\\s*$"

#: Rights and duties named together (« Vos droits et vos devoirs », « Droits, devoirs et
#: obligations »).
_RIGHTS_AND_DUTIES = Concept.of(
    "droits devoirs|obligations",
    "devoirs|obligations droits",
    unless=(_POINTER,),
)

#: The apprentice's rights, told apart from the duties.
_RIGHTS = Concept.of(
    "re:\\b(?:tes|vos|leurs|ses|mes|nos|les|des) droits\\b",
    "re:\\b(?:as|avez|ont|a|aura|auras|aurez) (?:aussi |egalement |le )?droits?\\b",
    "droits|droit apprenti|apprentis|apprentie|apprenties|salarié|salariés|jeune|jeunes",
    "droit|droits expression|retrait|respect",
    unless=(_POINTER,),
)

#: The apprentice's duties, told apart from the rights.
_DUTIES = Concept.of(
    "devoirs",
    "obligation|obligations",
    "re:\\b(?:tu dois|vous devez|il doit|elle doit|ils doivent|elles doivent|l'apprenti doit)\\b",
    r"re:\btenue?s? d[e']",
    "re:\\bce qu'on attend de (?:toi|vous)\\b",
    "re:\\bce que (?:l'on|le cfa|l'entreprise) attend de (?:toi|vous)\\b",
    "assiduité|ponctualité",
    "respecter|respect règlement|horaires|consignes",
    unless=(_POINTER,),
)

_BOTH = named_question(__name__, "droits-et-devoirs")


@document_question(_BOTH)
def rights_and_duties(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a document tells the apprentice's rights and their duties, apart (« Article 3 –
    Obligations des apprentis … Article 4 – Droits des apprentis »)."""
    body = document_body(text, rows)
    return concept_found(_RIGHTS.question, body, text) and concept_found(
        _DUTIES.question, body, text
    )


#: Employee status: contract, working time, leave, pay (wording: « en tant que … salariés »).
_EMPLOYEE = Concept.of(
    "statut salarié|salariée|salarié·e|salariés|salarial",
    "salarié|salariée|salariés|salariées",
    "contrat de travail",
    "rémunération|rémunérations",
    "salaire|salaires",
    "SMIC",
    "congés payés",
    "congé|congés annuels|supplémentaires|examen|maladie",
    "temps|durée travail",
    "bulletin|bulletins|fiche|fiches paie",
    "période d'essai",
    "heures supplémentaires",
    "re:\\b35 ?(?:h|heures)\\b",
    "arrêt|arrêts maladie|travail",
    unless=(_POINTER,),
)

#: Occupational health and safety rules (wording).
_SAFETY = Concept.of(
    "santé sécurité",
    "hygiène sécurité",
    "sécurité|sûreté travail|poste|chantier|chantiers|atelier|ateliers|entreprise",
    "consignes|règles|règle|formation|formations|fiche|fiches sécurité",
    "SST",
    "sauveteur secouriste",
    "prévention risques",
    "risques professionnels",
    "EPI",
    "équipement|équipements protection",
    "chaussures sécurité",
    "accident|accidents travail",
    "travaux réglementés|interdits|dangereux",
    "machines dangereuses",
    "médecine|médecin|service|services santé travail",
    "médecin du travail",
    "visite d'information et de prévention",
    "droit de retrait",
    "port de charges",
    "gestes et postures",
    "document unique",
    "DUERP",
    "travail en hauteur",
    unless=(
        _POINTER,
        "sous-commission",
        "établissement recevant du public",
        "informatique",
        "mot de passe",
        "données",
    ),
)

#: Information reinforced for minor apprentices (2026, conditional on ``minors``).
_MINORS = Concept.of(
    "apprenti|apprentis|apprentie|apprenties|jeune|jeunes|salarié|salariés|travailleur|"
    "travailleurs|enfant mineur|mineurs|mineure|mineures",
    "spécial|spéciale|règles|information|réunion|fiche|rappel|protection mineurs",
    "re:\\bmoins de 1[68] ans\\b",
    "re:\\b(?:si tu es|si vous etes|lorsqu'ils sont|lorsqu'elles sont|quand on est) mineur",
    "re:\\b(?:pour|les|des|aux) (?:apprenti\\S* |jeunes )?mineur",
    "représentant|représentants légaux",
)

#: The support, prevention and reporting schemes for violence, harassment, sexism and
#: discrimination (2026).
_SCHEMES = Concept.of(
    "dispositif|dispositifs|procédure|protocole|cellule prévention|signalement|écoute|"
    "accompagnement",
    "signaler|signalement|signale|signalez|alerter violence|violences|harcèlement|discrimination|"
    "discriminations|agissements|sexisme|VSS",
    "violence|violences|harcèlement|discrimination|discriminations|sexistes signaler|"
    "signalement|signale|signalez",
    "référent|référente|référents|référentes harcèlement|VSS|violences|discriminations|égalité",
    "formulaire|plateforme|boîte anonyme|signalement|alerte",
    "signaler|signalement|signalez|signale référent|référente|CPE|direction|formulaire|plateforme",
    "prévention|charte violences|violence|harcèlement|discriminations|discrimination|sexisme|VSS",
    "lutte contre violences|violence|harcèlement|discriminations|discrimination|sexisme",
    "charte contre harcèlement|violences|discriminations",
    "sensibilisation violences|harcèlement|discriminations|sexisme|VSS",
    "3919",
    "3018",
    "Défenseur des droits",
    "numéro vert",
    "France Victimes",
)

#: Whom the apprentice can turn to (2026).
_PEOPLE = Concept.of(
    "interlocuteur|interlocuteurs|interlocutrice|interlocutrices",
    "re:\\bqui (?:contacter|prevenir|alerter)\\b",
    "re:\\b(?:a qui|vers qui) (?:parler|s'adresser|t'adresser|vous adresser|se tourner)\\b",
    "re:\\ben parler a\\b",
    "re:\\bparler a\\b",
    "référent|référente|référents|référentes parcours|harcèlement|VSS|violences|pédagogique|"
    "formation|handicap|apprentis",
    "référent|référente|référents|référentes|service|responsable vie apprentie",
    "CPE",
    "conseiller|conseillère principale d'éducation",
    "infirmier|infirmière|infirmerie",
    "assistant|assistante social|sociale",
    "psychologue",
    "personne|personnes ressource|ressources",
    "contacts|numéros utiles",
    "annuaire",
)

#: The apprenticeship mediator (2026).
_MEDIATOR = Concept.of(
    "médiateur|médiatrice|médiation apprentissage|alternance",
    "médiateur|médiatrice|médiation consulaire",
    "médiateur|médiatrice|médiation CCI|CMA|chambre|chambres|consulaire",
    unless=("consommation",),
)

#: Reporting failings to the labour inspectorate (2026).
_INSPECTORATE = Concept.of(
    "inspection travail",
    "inspecteur|inspectrice|inspecteurs travail",
    "DDETS",
    "DREETS",
    "DIRECCTE",
    "agent|agents|unité contrôle",
    unless=("dérogation", "déclaration de dérogation"),
)

#: How a document says each item of indicator 15 (``items:`` of ``indicators/15.yaml``).
CONCEPTS: dict[str, Finder] = {
    "droits-devoirs": (_RIGHTS_AND_DUTIES, Reader(_BOTH)),
    "statut-salarie": _EMPLOYEE,
    "sante-securite": _SAFETY,
    "information-mineurs": _MINORS,
    "dispositifs-violences": _SCHEMES,
    "interlocuteurs": _PEOPLE,
    "mediateur-apprentissage": _MEDIATOR,
    "inspection-travail": _INSPECTORATE,
}

#: The items of each check (sets: the question plan would read tuples of strings as patterns).
_RIGHTS_ITEMS = frozenset(("droits-devoirs", "statut-salarie", "sante-securite"))
_MEDIATOR_ITEMS = frozenset(
    ("mediateur-apprentissage", "information-mineurs", "inspection-travail")
)
_VIOLENCE_ITEMS = frozenset(("dispositifs-violences", "interlocuteurs"))


@mark.verifies("droits-devoirs-apprentis")
def check_droits_devoirs_apprentis(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Les apprentis sont informés de leurs droits et devoirs et des règles de santé et sécurité.

    Informez les apprentis (règlement intérieur du CFA, livret d'accueil, réunion d'information
    avec compte rendu) de leurs droits et devoirs d'apprentis, de leurs droits et devoirs de
    salariés (contrat, temps de travail, congés, rémunération) et des règles de santé et de
    sécurité en milieu professionnel. Un renvoi (« cf. code du travail »), un brouillon ou un
    modèle vide n'informent personne.

    EN: Apprentices are informed of their rights and duties and of the health and safety rules.

    Inform apprentices (the CFA's internal rules or règlement intérieur, welcome booklet,
    information meeting with minutes) of their rights and duties as apprentices, of their rights
    and duties as employees (contract, working time, leave, pay) and of the occupational health and
    safety rules. A reference elsewhere ("cf. code du travail"), a draft or an empty template
    informs no one.
    """
    _judge(
        unit,
        evidence,
        referential,
        facts,
        _RIGHTS_ITEMS,
        msg(
            "Information des apprentis sur leurs droits, devoirs, santé et sécurité",
            "Apprentices informed of rights, duties, health and safety",
        ),
    )


@mark.verifies("mediateur-apprentissage")
def check_mediateur_apprentissage(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Médiateur de l'apprentissage, mineurs et inspection du travail : apprentis informés (2026).

    Complétez l'information des apprentis : coordonnées du médiateur de l'apprentissage (chambre
    consulaire) et règle de signalement des dysfonctionnements à l'inspection du travail ; si vous
    accueillez des apprentis mineurs (déclarez « facts: {minors: true} » dans rnq.yaml), une
    information renforcée pour eux (durée du travail, travail de nuit, travaux réglementés…).

    EN: Apprenticeship mediator, minors and labour inspectorate: apprentices are informed (2026).

    Complete the information given to apprentices: contact details of the apprenticeship mediator
    (médiateur de l'apprentissage, at the chambre consulaire) and the rule for reporting failings
    to the labour inspectorate (inspection du travail); if you take in apprentices under 18
    (declare "facts: {minors: true}" in rnq.yaml), reinforced information for them (working time,
    night work, regulated tasks…).
    """
    _judge(
        unit,
        evidence,
        referential,
        facts,
        _MEDIATOR_ITEMS,
        msg(
            "Médiateur de l'apprentissage, mineurs et inspection du travail",
            "Apprenticeship mediator, minors and labour inspectorate",
        ),
    )


@mark.verifies("signalement-violences-apprentis")
def check_signalement_violences_apprentis(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Apprentis informés des dispositifs contre les violences et de leurs interlocuteurs (2026).

    Informez les apprentis (livret, affiche, réunion avec compte rendu) des dispositifs
    d'accompagnement, de prévention et de signalement des violences, du harcèlement moral ou
    sexuel, des agissements sexistes et des discriminations (référent, formulaire de signalement,
    numéros d'écoute…), et des interlocuteurs qui peuvent les accompagner (référent de parcours,
    CPE, infirmière, assistante sociale…).

    EN: Apprentices informed of the schemes against violence and of whom to turn to (2026).

    Inform apprentices (booklet, poster, meeting with minutes) of the support, prevention and
    reporting schemes for violence, moral or sexual harassment, sexist acts and discrimination
    (referent, reporting form, helplines…), and of the people who can support them (course
    referent, CPE, school nurse, social worker…).
    """
    _judge(
        unit,
        evidence,
        referential,
        facts,
        _VIOLENCE_ITEMS,
        msg(
            "Information sur les dispositifs contre les violences et les interlocuteurs",
            "Information on the schemes against violence and whom to turn to",
        ),
    )


def _judge(
    unit: Unit,
    evidence: EvidenceSet,
    referential: Referential,
    facts: TargetFacts,
    only: frozenset[str],
    subject: Localized,
) -> None:
    """Judge ``only`` on the unit's readable evidence for 15; not verified rather than a gap
    when some evidence could not be read (a scan may hold what is missing)."""
    judge_readable(
        evidence,
        CONCEPTS,
        indicator=15,
        referential=referential,
        facts=facts,
        target=unit,
        only=only,
        subject=subject,
    )
