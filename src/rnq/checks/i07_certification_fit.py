"""Indicator 7 — Content matches the targeted certification (« Adéquation des contenus à la
certification visée »), criterion 2.

Its built-in checks:

* :func:`check_adequation_certification` — the contents of the certifying offering match the
  targeted certification: its referential, its competences or blocks, its assessment.
* :func:`check_capacite_certification` — the provider proves it can deliver the targeted
  certification (habilitation, partnership with the certifying body, or being the certifying
  body itself).

Indicator 7 applies to AF and CFA offerings leading to a certification (the engine scopes it:
never a VAE or a bilan); for a Répertoire spécifique certification a gap reads « à confirmer »
(whether 7 covers RS is not confirmed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rnq.checks.helpers import OfferSections, Reading, cert_provisional, offering_reading, rs_note
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.match.folding import fold
from rnq.match.french import Concept
from rnq.match.questions import document_question, named_question
from rnq.match.tables import find_table
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Organization, Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CAPACITE",
    "CONCEPTS",
    "CORRESPONDANCE",
    "EPREUVES",
    "REFERENTIEL",
    "check_adequation_certification",
    "check_capacite_certification",
]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"

#: The indicators whose documents these checks read besides their own (the question plan asks
#: their questions of those documents too, in the extraction workers).
READS = (1, 3, 16)

#: What is not about the certification: a company's own framework, the quality referential.
_NOT_THE_CERTIFICATION = (
    "interne|internes",
    "qualité",
    "Qualiopi",
    "RNQ",
    "maison",
)

#: How a document refers to the certification's referential.
REFERENTIEL = Concept.of(
    "référentiel|référentiels",
    "REAC",
    "fiche RNCP|RS",
    r"re:\bfiche (?:rncp|rs) ?\d+",
    "fiche France compétences",
    "activité|activités type|types",
    r"re:\b(?:align|conform|construit|base|fonde|elabore|concu|reprend|suit|decline)\w*\b[^\n.;]{0,40}"
    r"\b(?:fiche (?:rncp|rs|france competences)|(?:rncp|rs) ?\d{3,}|programme officiel)",
    "règlement d'examen",
    "arrêté de création",
    "arrêté portant création|définition",
    "programmes nationaux",
    "programme officiel",
    unless=_NOT_THE_CERTIFICATION,
)

#: What a certification is made of (« bloc 1 », « CCP2 », « compétence »).
_PART = r"(?:blocs?|ccp|bc|uc|competences?|activites?(?:-types?)?|domaines?|epreuves?|e\d)"
#: What a training is made of (« module 3 », « séquence S5 »).
_UNIT = r"(?:modules?|sequences?|seances?|parties?|chapitres?|enseignements?|s\d+|m\d+|cours)"

#: How a document maps the offering's contents to the certification's competences or blocks.
CORRESPONDANCE = Concept.of(
    "tableau croisé",
    "tableau|tableaux|grille|matrice de correspondance|concordance",
    "correspondance|correspondances",
    "correspond|correspondent|correspondant|correspondants bloc|blocs|compétence|compétences"
    "|activité|activités|activité-type|CCP|domaine|domaines|épreuve|épreuves|référentiel",
    "bloc|blocs|compétence|compétences|domaine|domaines|CCP|activité|activités "
    "correspond|correspondent",
    "compétence|compétences|CCP|bloc|blocs couvert|couverte|couverts|couvertes",
    "couvre|couvrent|couvrir compétences|blocs|CCP|référentiel",
    "mis|mise|mises en correspondance",
    rf"re:\b{_UNIT} ?\d*[^\n]{{0,50}}(?:→|->|=>|⇒)[^\n]{{0,30}}\b{_PART}",
    rf"re:\b{_PART} ?\d*[^\n]{{0,80}}(?:→|->|=>|⇒)[^\n]{{0,60}}\b{_UNIT}\b",
    rf"re:\b(?:blocs?|ccp|bc|uc|domaines?|at) ?\d+\b[^\n]{{0,80}}:[^\n]{{0,60}}\b{_UNIT}\b",
    r"re:\b(?:ccp|blocs?|bc|uc) ?\d+\b[^\n.;]{0,40}\b(?:sequences?|modules?|seances?)\b",
    rf"re:\b{_UNIT} ?\d+\b[^\n]{{0,80}}[(\[]\s?(?:blocs?|ccp|bc|uc|at|competences?) ?\d",
    unless=(*_NOT_THE_CERTIFICATION, r"re:\bpar correspondance\b", "courrier"),
)

#: The columns of a table crossing contents and the certification.
CROSS_ROLES = {
    "content": ("module", "séquence", "séance", "enseignement", "contenu", "formation", "cours"),
    "certification": (
        "bloc",
        "CCP",
        "compétence",
        "compétences",
        "activité",
        "référentiel",
        "UC",
        "domaine",
        "épreuve",
        "REAC",
    ),
}

#: The question « does this document hold a table crossing contents and the certification ».
CROSS_TABLE = named_question(__name__, "cross-table")


@document_question(CROSS_TABLE)
def _cross_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a table has a column of contents (modules, séquences…) and a column of the
    certification (blocs, CCP, compétences…), both filled."""
    table = find_table(text, rows, CROSS_ROLES, ("content", "certification"))
    return table is not None and not any(
        re.search(r"\b(?:a completer|tbd|a definir|xx+)\b", fold(v))
        for v in table.values("certification")
    )


#: How a document states the certification's assessment (its tests, how it is passed).
EPREUVES = Concept.of(
    "épreuve|épreuves",
    "examen|examens",
    "évaluation|évaluations certificative|certificatives",
    "modalités évaluation|certification",
    "règlement examen|certification",
    "référentiel évaluation|certification",
    "CCF",
    "contrôle en cours de formation",
    "ECF",
    "jury|jurys",
    "soutenance",
    "mise|mises en situation professionnelle|professionnelles",
    "dossier professionnel",
    "entretien final|technique",
    "passage|passer certification|titre|examen|test",
    "test adaptatif",
    "grille de certification",
    "session|sessions validation|examen|certification",
    unless=(
        "mettre|mettez|mettra épreuve",
        "épreuve du feu",
        "rude épreuve",
        r"re:\ba (?:venir|definir|preciser|completer)\b",
        "ultérieurement",
        "prochainement",
        r"re:\bexamen (?:de votre|du dossier|de (?:la|votre) (?:demande|candidature)|des besoins"
        r"|medical)",
    ),
)

#: How a document proves the provider can deliver the certification (2026).
CAPACITE = Concept.of(
    "habilité|habilitée|habilités|habilitation|habilitations",
    "agréé|agréée|agréés|agrément|agréments",
    "convention|contrat|accord de partenariat|délégation|habilitation",
    "convention|contrat|accord|partenariat|partenaire|partenaires certificateur|certificatrice"
    "|ministère|rectorat|AFPA|CCI|DREETS",
    "convention|contrat|accord|partenariat|partenaire|partenaires France compétences",
    "reconnu|reconnue|autorisé|autorisée|mandaté|mandatée|labellisé|labellisée certificateur"
    "|ministère|rectorat|DREETS",
    "centre examen|examens|passage|test|tests",
    "organisme testeur",
    "organisme préparateur",
    r"re:\b(?:nous sommes|en tant que|en qualite d[e'])\s?(?:l'|le |la |un |une )?(?:organisme )?"
    r"certificat(?:eur|rice)",
    "détenteur|détentrice|propriétaire certification|titre|droits",
    r"re:\bcertificat(?:eur|rice)\s?:\s?(?:nous-memes|nous memes|notre organisme|nous)\b",
    unless=(
        "électrique|électriques",
        "demande|demandes",
        r"re:\ba (?:deposer|etudier|obtenir|solliciter|demander|renouveler)\b",
        r"re:\ben projet\b",
        r"re:\ben attente\b",
        "tant que",
        "pas obtenu|obtenue|accordé|accordée|encore",
        "sollicité|sollicitée|sollicitées",
        "envisagé|envisagée",
        "qualité",
        "Qualiopi",
    ),
)

#: How a document states each item of indicator 7 (``items:`` of ``indicators/07.yaml``); that
#: the organization is itself the certifier is read with its name (:func:`_capacity`).
CONCEPTS: dict[str, Finder] = {
    "referentiel-certification": REFERENTIEL,
    "correspondance-contenus": (CORRESPONDANCE, Reader(CROSS_TABLE)),
    "epreuves-certification": EPREUVES,
    "tableau-croise": (
        Concept.of("tableau croisé", "tableau|tableaux|matrice de correspondance"),
        Reader(CROSS_TABLE),
    ),
    "capacite-certification": CAPACITE,
}


def _judge(
    reading: Reading,
    offering: Offering,
    referential: Referential,
    facts: TargetFacts,
    concepts: dict[str, Finder],
    only: list[str],
    subject: tuple[str, str],
) -> None:
    """Judge the items ``only``; a gap on a Répertoire spécifique certification reads « à
    confirmer » (whether 7 covers RS is not confirmed, reference §8)."""
    try:
        judge(
            reading,
            concepts,
            indicator=7,
            referential=referential,
            facts=facts,
            target=offering,
            only=only,
            subject=msg(*subject),
        )
    except Gap as gap:
        rs = rs_note(offering)
        raise Gap(
            msg(f"{gap.message.fr}{rs.fr}", f"{gap.message.en}{rs.en}"),
            evidence=gap.evidence,
            items=gap.items,
            provisional=cert_provisional(offering),
        ) from None


@mark.verifies("adequation-certification")
def check_adequation_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les contenus de la prestation certifiante sont en adéquation avec la certification
    visée.

    Montrez la référence au référentiel de la certification (REAC, référentiel de compétences,
    fiche RNCP/RS), la correspondance entre les contenus de la prestation et ses compétences ou
    blocs (un tableau croisé modules / blocs est la preuve la plus courante, pas la seule) et la
    préparation à ses épreuves d'évaluation.

    EN: The contents of the certifying offering match the targeted certification.

    Show the reference to the certification's standard (REAC, competence framework, RNCP/RS sheet),
    how the offering's contents map to its competences or blocks (a cross-reference table of modules
    / skill blocks is the usual evidence, not the only one) and how learners are prepared for its
    assessment tests.
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 7, kinds=("programme", "certification")
    )
    _judge(
        reading,
        offering,
        referential,
        facts,
        CONCEPTS,
        [
            "referentiel-certification",
            "correspondance-contenus",
            "epreuves-certification",
            "tableau-croise",
        ],
        ("Adéquation à la certification", "Match with the certification"),
    )


def _capacity(organization: Organization) -> dict[str, Finder]:
    """The concepts with the organization's own name as the certifier (« Certificateur :
    Organisme test »)."""
    name = re.escape(fold(organization.name))
    itself = Concept.of(
        rf"re:certificat(?:eur|rice)s?\W{{0,5}}(?:\w+\W+){{0,4}}{name}",
        rf"re:{name}\W{{0,5}}(?:\w+\W+){{0,4}}certificat(?:eur|rice)\b",
    )
    return {**CONCEPTS, "capacite-certification": (CAPACITE, itself)}


def offering_finders(config: WorkspaceConfig, unit: Unit, offering: Offering) -> tuple[object, ...]:
    """What :func:`check_capacite_certification` asks a certifying offering's documents besides
    the module's finders (planned for them, :data:`rnq.checks.questions.OFFERING_FINDERS`): that
    the organization, by its name, is the certifier."""
    if not offering.certifying:
        return ()
    return (_capacity(config.organization)["capacite-certification"],)


@mark.verifies("capacite-certification")
def check_capacite_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    organization: Organization,
    facts: TargetFacts,
) -> None:
    """Le prestataire prouve sa capacité à assurer la certification visée (habilitation,
    partenariat avec le certificateur, ou qualité de certificateur).

    Joignez pour la prestation l'habilitation ou la convention de partenariat avec le
    certificateur (ou la preuve que l'organisme est lui-même certificateur, ou centre d'examen
    agréé) ; une attestation (kind: attestation) peut la décrire si le document n'est pas
    diffusable. Une demande en cours ne suffit pas.

    EN: The provider proves it can deliver the targeted certification (habilitation, partnership
    with the certifying body, or being the certifying body itself).

    Attach for the offering the habilitation or the partnership agreement with the certifying body
    (or proof that the organisation is itself the certifying body, or an approved exam centre); an
    attestation (kind: attestation) may describe it if the document cannot be shared. A pending
    application is not enough.
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 7, kinds=("certification",)
    )
    _judge(
        reading,
        offering,
        referential,
        facts,
        _capacity(organization),
        ["capacite-certification"],
        ("Capacité à assurer la certification", "Capacity to deliver the certification"),
    )
