"""Indicator 3 — Certification outcomes (« Taux d'obtention et débouchés des certifications »),
criterion 1.

Its built-in checks:

* :func:`check_resultats_certification` — the certifying offering gives its pass rate, skill
  blocks, equivalences, bridges, further pathways (from rnq-2026, further study in particular)
  and job outcomes.
* :func:`check_taux_publie` — the pass rate computed from the certifier's results
  (``rnq-exam-registrations``) against the one the offering publishes: advice « à confirmer »
  beyond 5 points, never a gap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rnq.checks.exam_registrations import check_published_pass_rate
from rnq.checks.helpers import (
    OfferSections,
    cert_provisional,
    new_entrant_at_initial,
    offering_reading,
    rs_note,
)
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.match.folding import fold
from rnq.match.french import Concept
from rnq.match.questions import document_question, named_question
from rnq.match.tables import find_table
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "BLOCS",
    "CONCEPTS",
    "DEBOUCHES",
    "EQUIVALENCES",
    "PASSERELLES",
    "POURSUITES",
    "SUITES",
    "TAUX_OBTENTION",
    "TAUX_PRESENTATION",
    "check_resultats_certification",
    "check_taux_publie",
]

#: The namespace of this module's check names (``rnq.checks.results::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.results"

#: The indicators whose documents these checks read besides their own (the question plan asks
#: their questions of those documents too, in the extraction workers).
READS = (1, 7, 16)

#: A figure that is not a year, nor part of a date.
_N = r"(?<![\d/.,])(?!(?:19|20)\d\d\b)\d{1,4}(?:[,.]\d+)?"
#: What says a certification was obtained.
_OBTAINED = (
    r"(?:reussite|obtention|obtenu\w*|admis\w*|recu\w*|diplome\w*|certifie\w*|laureat\w*"
    r"|validation\w* (?:totale|complete)\w*|titres? (?:complets?|obtenus?)|valide\w*)"
)

#: What a certification or further study is called (« le BP », « un BTS », « le titre »).
_DIPLOMA = (
    r"(?:bts|but|dut|bp|bm|btm|bac|cap|mc|licence|bachelor|master|titre|tp|diplome|certification"
    r"|certificat|mention|brevet|deaes|deas|deap|de|cqp|ccp|concours|niveau)"
)

#: How a document states the pass rate of the certification prepared.
TAUX_OBTENTION = Concept.of(
    "taux d'obtention",
    "taux de réussite|succès|certification|diplomation|validation|admission",
    r"re:\btaux d'admis\w*",
    rf"re:{_N} ?%[^\n.;]{{0,60}}\b{_OBTAINED}",
    rf"re:\b{_OBTAINED}\b[^\n.;]{{0,60}}?{_N} ?%",
    rf"re:{_N} (?:\w+ ){{0,2}}{_OBTAINED}\b[^\n.;]{{0,30}}\bsur {_N}\b",
    rf"re:\breussite\b[^\n.;]{{0,40}}{_N} (?:\w+ ){{0,2}}sur {_N}\b",
    rf"re:{_N} (?:\w+\W+){{0,3}}(?:ont|a) (?:obtenu|reussi|valide)\b",
    rf"re:{_N} (?:titres?|diplomes?|certifications?|certificats?) (?:complets? )?"
    r"(?:obtenus?|delivres?|valides?)\b",
    rf"re:{_N} (?:\w+ ){{0,2}}sur {_N} (?:\w+ ){{0,2}}(?:ont (?:obtenu|reussi|valide)|admis|recus"
    r"|diplomes|certifies)",
    unless=(
        "formateur|formateurs|formatrice|formatrices|intervenant|intervenants",
        "équipe|équipes",
    ),
)

#: The columns of a table of exam results (« Présentés », « Reçus »).
EXAM_ROLES = {
    "presented": ("présentés", "présents", "candidats", "inscrits à l'examen"),
    "passed": ("reçus", "admis", "diplômés", "lauréats", "certifiés", "titres obtenus", "validés"),
    "rate": ("taux de réussite", "taux d'obtention", "taux de certification", "réussite"),
}
_FIGURE = re.compile(r"\s*\d+(?:[,.]\d+)?\s*%?\s*")

#: The question « does this document hold a table of exam results ».
PASS_TABLE = named_question(__name__, "pass-table")


@document_question(PASS_TABLE)
def _pass_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a table gives exam results: « Présentés » and « Reçus » (or « Admis »)
    columns with figures, or a pass-rate column with figures."""
    for required in (("presented", "passed"), ("rate",)):
        table = find_table(text, rows, EXAM_ROLES, required)
        if table is not None and all(
            any(_FIGURE.fullmatch(fold(v)) for v in table.values(role)) for role in required
        ):
            return True
    return False


#: How a document states the rate of presentation to the exam (an evidence example of the guide).
TAUX_PRESENTATION = Concept.of(
    "taux de présentation",
    rf"re:{_N} (?:\w+\W+){{0,2}}present\w*",
    "présentés|présentées examen|épreuves|titre|session|jury",
)

#: How a document states that blocks of competences can be validated.
BLOCS = Concept.of(
    "bloc|blocs de compétences",
    r"re:\bblocs?\b(?! de competences?\b)(?!-notes)",
    "CCP",
    "certificat|certificats de compétences professionnelles",
    "unités capitalisables",
    r"re:\buc ?\d\b",
    r"re:\bbc ?0?\d\b",
    "capitalisable|capitalisables",
    "validation|valider partielle|partiellement",
    r"re:\bpar (?:blocs?|ccp|unites?|modules?)\b",
    negative_is_information=True,
    unless=("opératoire", "sanitaire", "bâtiment", "étage"),
)

#: How a document states the equivalences of the certification.
EQUIVALENCES = Concept.of(
    "équivalence|équivalences",
    r"re:\bequivalente?s? (?:aux?|a|avec|de)\b",
    "dispense|dispenses|dispensé épreuve|épreuves|formation|enseignement|enseignements",
    "correspondance|correspondances certification|certifications|titre|titres|diplôme|diplômes",
    "correspondance|correspondances version|versions|ancien|ancienne",
    "tableau de correspondance",
    "crédits ECTS",
    "ECTS",
    negative_is_information=True,
    unless=("temps plein", "ETP"),
)

#: How a document states the bridges to other certifications.
PASSERELLES = Concept.of(
    "passerelle|passerelles",
    r"re:\b(?:integr|entr|acced|admis|admission)\w*[^\n.;]{0,30}\b(?:2e|2eme|deuxieme|seconde|3e"
    r"|3eme|troisieme) annee",
    "allègement|allègements",
    "allégé|allégée|allégés|allégées",
    "lien|liens autres certifications|titres|diplômes",
    "bloc|blocs|CCP|épreuve|épreuves commun|communs|communes",
    r"re:\bcommun(?:e|s|es)? (?:avec|a|aux)\b",
    "réorientation",
    "réorienter",
    "obtenir l'autre",
    negative_is_information=True,
    unless=("piétonne", "piéton", "traversez", "traverser", "métallique"),
)

#: How a document states further study (« poursuites d'études »).
POURSUITES = Concept.of(
    "poursuite|poursuites études",
    "poursuivre|poursuivez|poursuivent|poursuis|continuer|continuez|reprendre études",
    "études supérieures",
    "niveau supérieur",
    r"re:\b(?:poursuiv\w*|continu\w*|acceder|acces|integrer|entrer)\b[^\n.;]{0,40}\b(?:bts|but"
    r"|dut|licence|bachelor|master|bp|bm|btm|bac|bac pro|cap|mention complementaire|mc|titre"
    r"|diplome|niveau (?:superieur|[3-8]))\b",
    "poursuite|poursuites possible|possibles",
    negative_is_information=True,
    unless=("judiciaire", "judiciaires", "pénale", "pénales", "disciplinaire"),
)

#: How a document states what learners can do after the certification.
SUITES = Concept.of(
    "suite|suites parcours",
    "suites possibles",
    "autres suites",
    r"re:\bpoursuites? (?:possibles?|vers|d'etudes|de (?:parcours|cursus)|en (?:bts|but|licence"
    r"|bp|bm|bac|master|bachelor|cap|mention|titre|formation superieure))\b",
    "possibilités de poursuite",
    r"re:\bet (?:apres|ensuite|la suite) ?\?",
    r"re:\b(?:apres|a l'issue)\b[^\n.;?]{0,60}\b(?:preparer|poursuiv\w*|continuer|acceder"
    r"|integrer|specialiser|evoluer|enchainer)\b",
    r"re:\b(?:pourrez|pouvez|pourras|peux|pourront|peuvent|permet|permettent|permettant"
    r"|ensuite|possibilite)\b[^\n.;]{0,30}\b(?:preparer (?:(?:le|la|les|un|une|l') ?)?"
    rf"{_DIPLOMA}|se specialiser|evoluer vers)\b",
    "continuer à se former",
    "continuer à vous former",
    "évolution|évolutions possible|possibles|professionnelle|professionnelles vers",
    "évoluer vers",
    "spécialisation",
    "se spécialiser",
    "devenir des stagiaires|bénéficiaires|diplômés|apprenants|candidats",
    "formation complémentaire",
    negative_is_information=True,
    unless=(
        "judiciaire",
        "judiciaires",
        r"re:\bsuite a (?:votre|vos|la|le|l'|ton|ta|tes|des|une|un|notre|nos)\b",
    ),
)

#: How a document states the job outcomes of the certification.
DEBOUCHES = Concept.of(
    "débouché|débouchés",
    "métier|métiers visés|accessibles|possibles|préparés|cibles|ciblés|exercés|concernés",
    "quels métiers|emplois|postes",
    "emploi|emplois|poste|postes visés|accessibles|possibles|occupés|ciblés",
    "types d'emplois",
    "types de postes",
    "taux d'emploi",
    "taux d'insertion",
    "accès à l'emploi",
    "insertion professionnelle",
    "perspectives professionnelles|métiers|emploi|carrière",
    "exercer comme",
    "exercer en tant que",
    "exercer le métier",
    "pourrez exercer|travailler",
    "trouvent|trouver|trouvé un emploi|poste|travail",
    r"re:\ben emploi\b",
    "secteurs d'activité",
    "offres d'emploi",
    r"re:\bou (?:travailler|travaillerai|travaillerez|travaillent|exercer|exercerai|exercerez)\b",
    "mène|mènent|conduit|conduisent|ouvre|ouvrent|prépare|préparent|destine|destinent "
    "métier|métiers|emploi|emplois|poste|postes|fonction|fonctions",
    "fiche métier|ROME",
    unless=("emploi|emplois du temps", "poste|postes de travail"),
)

#: How a document states each item of indicator 3 (``items:`` of ``indicators/03.yaml``).
CONCEPTS: dict[str, Finder] = {
    "taux-obtention": (TAUX_OBTENTION, Reader(PASS_TABLE)),
    "taux-presentation": TAUX_PRESENTATION,
    "blocs-competences": BLOCS,
    "equivalences": EQUIVALENCES,
    "passerelles": PASSERELLES,
    "suites-parcours": (SUITES, POURSUITES),
    "poursuites-etudes": POURSUITES,
    "debouches": DEBOUCHES,
}


@mark.verifies("resultats-certification", "poursuites-etudes")
def check_resultats_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """La prestation certifiante informe sur le taux d'obtention, les blocs de compétences, les
    équivalences, passerelles, suites de parcours et débouchés.

    Publiez, pour la certification préparée : le taux d'obtention (conseil : avec le taux de
    présentation à l'examen ; un tableau « Présentés / Reçus » le donne), la possibilité de
    valider des blocs de compétences, les équivalences, passerelles, suites de parcours (à
    partir du 1er novembre 2026 : en particulier les poursuites d'études) et les débouchés
    (métiers visés, taux d'insertion). L'absence du taux d'obtention ne peut pas être une NC
    mineure (guide V9). Un nouvel entrant à l'audit initial n'a pas encore de taux
    d'obtention. Pour une certification du Répertoire spécifique, un manque est « à
    confirmer » (périmètre RS non confirmé).

    EN: The certifying offering gives its pass rate, skill blocks, equivalences, bridges, further
    pathways and job outcomes.

    Publish, for the certification prepared: the pass rate (advice: with the rate of candidates
    sitting the exam; a "Présentés / Reçus" table gives it), whether skill blocks (blocs de
    compétences) can be validated, the equivalences, bridges (passerelles), further pathways (from
    1 November 2026: in particular further studies) and job outcomes (target jobs, employment
    rate). A missing pass rate cannot be a minor NC (guide V9). A newcomer at its initial audit has
    no pass rate yet. For a Répertoire spécifique certification, a missing item is "to confirm"
    (RS scope not confirmed).
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 3, kinds=("programme", "certification")
    )
    only = [i for i in CONCEPTS if i not in ("taux-obtention", "taux-presentation")]
    if not new_entrant_at_initial(config, offering.category):
        only[:0] = ["taux-obtention", "taux-presentation"]  # audited at surveillance otherwise
    try:
        judge(
            reading,
            CONCEPTS,
            indicator=3,
            referential=referential,
            facts=facts,
            target=offering,
            only=only,
            subject=msg(
                "Information sur la certification incomplète",
                "Incomplete certification information",
            ),
        )
    except Gap as gap:
        raise _restated(gap, offering) from None


def _restated(gap: Gap, offering: Offering) -> Gap:
    """The gap with what it weighs said: a missing pass rate cannot be a minor NC (guide V9), an
    RS certification rests on a provisional scope (reference §8)."""
    note = msg("", "")
    if "taux-obtention" in gap.items:
        note = msg(
            " Le taux d'obtention est le seul élément dont le guide V9 interdit de classer "
            "l'absence en NC mineure : rnq compte l'indicateur au niveau de sa règle générale "
            "(voir le statut), mais l'auditeur peut relever ce manque en NC majeure — publiez-le "
            "en priorité.",
            " The pass rate is the one item whose absence guide V9 forbids classing as a minor NC: "
            "rnq counts the indicator at its general rule's level (see the status), but the "
            "auditor may raise this gap as a major NC — publish it first.",
        )
    rs = rs_note(offering)
    return Gap(
        msg(f"{gap.message.fr}{note.fr}{rs.fr}", f"{gap.message.en}{note.en}{rs.en}"),
        evidence=gap.evidence,
        items=gap.items,
        provisional=cert_provisional(offering),
    )


@mark.verifies("resultats-certification")
def check_taux_publie(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """Le taux d'obtention publié concorde avec celui que donnent les résultats du certificateur.

    Quand la liste des candidats exportée de la plateforme du certificateur est lue (collecteur
    « exam-registrations »), rnq calcule le taux de réussite par certification et par année de
    session (admis / présentés, les absents n'étant pas présentés) et le compare au taux que
    publie la fiche de la prestation : un écart de plus de 5 points est un point « à
    confirmer », jamais un écart (le taux publié peut porter sur un autre périmètre). Sans
    export, rien n'est vérifié ici.

    EN: The published pass rate agrees with the one the certifier's results give.

    When the list of candidates exported from the certifier's platform is read (collector
    "exam-registrations"), rnq computes the pass rate per certification and session year
    (admitted / presented, the absent not presented) and compares it with the rate the offering's
    sheet publishes: more than 5 points apart is a point "to confirm", never a gap (the published
    rate may cover another scope). Without an export, nothing is checked here.
    """
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 3, kinds=("programme", "certification")
    )
    check_published_pass_rate(offering, evidence, reading)
