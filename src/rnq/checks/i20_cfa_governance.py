"""Indicator 20 — Dedicated staff and governance (« Personnel dédié et conseil de
perfectionnement »), criterion 4.

Its built-in checks:

* :func:`check_personnel_dedie_cfa` — the CFA has mobility staff, a disability referent and a
  conseil de perfectionnement (advisory board).
* :func:`check_gouvernance_cfa` — the CFA is steered with apprentices, trainers and companies in
  its governance (2026).

What it demands (``items:`` of ``indicators/20.yaml``): the conseil de perfectionnement and its
latest minutes, the staff dedicated to national and international mobility, and the disability
referent named or reachable (the niveau attendu asks for « le nom et le contact ») are
requirements — the indicator is « majeure uniquement ». Minutes within the last 12 months are
rnq's rule of thumb (the guide asks for « le dernier » compte rendu, not for a date): advice. The
2026 additions — quality of the steering, apprentices, trainers and companies taking part in the
governance — come from a text read through transcriptions whose threshold arrêté was not found:
provisional, their absence reads « à confirmer ».
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from rnq.checks.helpers import (
    advise_if_stale,
)
from rnq.checks.judging import Finder, Judgement, Reader, judge_readable, sources_of
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.match.questions import document_question, fold, named_question
from rnq.match.tables import Table, find_table
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_gouvernance_cfa", "check_personnel_dedie_cfa"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"

#: A role still to fill, or left vacant, is no staff (« à nommer », « poste vacant »).
_NOT_FILLED = (
    r"re:\ba (?:nommer|recruter|designer|definir|pourvoir|trouver)\b",
    r"re:\b(?:vacante?s?|non pourvue?s?|en cours de recrutement)\b",
)

#: The conseil de perfectionnement, under its usual names and abbreviations.
_COUNCIL = Concept.of(
    "conseil|conseils de perfectionnement",
    r"re:\bconseils? de perf\b",
    r"re:\bcp (?:du|de la seance|de la reunion) \d",
    unless=(r"re:\ba (?:constituer|creer|mettre en place|venir)\b",),
)

#: The columns of a council's member list or attendance sheet (header words, as data): its
#: colleges (« Collège », the council's way of seating each party) and who sits in them.
_COLLEGE_ROLES = {
    "college": ("collège|collèges",),
    "who": ("nom", "noms", "membre|membres", "représentant|représentants", "prénom"),
}


def _colleges(text: str | None, rows: Sequence[Sequence[str]] | None) -> Table | None:
    """The first table of the document listing members by college, if any."""
    return find_table(text, rows, _COLLEGE_ROLES, ("college", "who"))


#: The question « does this document hold a council's member list (members by college) ».
COUNCIL_TABLE = named_question(__name__, "council-table")


@document_question(COUNCIL_TABLE)
def _council_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    return _colleges(text, rows) is not None


def _seated(name: str, stem: str) -> str:
    """The question « does a member list of this document seat ``stem`` in some college »,
    registered under ``name``."""
    question = named_question(__name__, f"seated-{name}")
    pattern = re.compile(rf"\b(?:{stem})")

    @document_question(question)
    def seated(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
        table = _colleges(text, rows)
        return table is not None and any(pattern.search(fold(v)) for v in table.values("college"))

    del seated
    return question


#: The council: named, or its member list by college.
_COUNCIL_OR_MEMBERS: Finder = (_COUNCIL, Reader(COUNCIL_TABLE))


#: Minutes of a meeting (those of another body — the board of the association, the CSE — are
#: not the council's).
_MINUTES = Concept.of(
    "compte|comptes rendu|rendus",
    "procès-verbal|procès-verbaux",
    r"re:\bcr (?:du|de la|de|n|conseil|reunion|seance|comite|cp)\b|\bcr\b ?[:\-–—]",
    r"re:\bpv (?:du|de la|de|n)\b|\bpv\b ?[:\-–—]",
    "relevé|relevés de décisions",
    "synthèse réunion|séance|échanges|débats",
    "décisions prises",
    "étaient présents",
    unless=(
        r"re:\b(?:n'a|n'ont|n'est|ne sont) pas (?:encore )?(?:ete )?(?:redige|etabli|fait|diffuse"
        r"|ecrit|formalise|valide|approuve)",
        "conseil d'administration",
        "assemblée générale",
        "comité social et économique",
        "CSE",
    ),
)

#: Staff dedicated to mobility: a named role (référent, chargé·e, responsable…), a mobility
#: mission or contact.
_MOBILITY = Concept.of(
    "référent|référente|référents|chargé|chargée|chargés|responsable|responsables|"
    "coordinateur|coordinatrice|conseiller|conseillère|animateur|animatrice|correspondant|"
    "correspondante|personnel|personne|personnes|équipe|cellule|pôle|service|mission|poste|"
    "interlocuteur|interlocutrice|dédié|dédiée mobilité|mobilités",
    r"re:\bmobilites?\b[^\n.;]{0,40}(?:@|\b(?:mme|mlle|m|mr|monsieur|madame)\b\.? ?[a-z])",
    unless=_NOT_FILLED,
)

#: The disability referent, named or reachable: a label with a name (« Référente handicap :
#: Camille Ortiz »), a person said to be the referent, or the referent with a contact. « Un
#: référent handicap est désigné » names nobody.
_REFERENT = (
    r"(?:referent|correspondant)(?:e|es|s)?(?:[(·.\-/](?:e|es|s)\)?){0,2}s?"
    r"(?: (?:de|pour|d'|a|au|a la) (?:l')?)? ?"
    r"(?:handicap|h\+|psh|accessibilite|inclusion|accueil des personnes (?:en situation de )?"
    r"handicap\w*)"
)
_DISABILITY_REFERENT = Concept.of(
    # a heading or label: the line is the role, or the role followed by its holder
    rf"re:(?m)^[ \t#*\-•–]*(?:(?:votre|notre|vos|nos|le|la|les) )?{_REFERENT}(?![a-z0-9])"
    r"(?:[^\n.;:]{0,25}:|[^\n.;:]{0,12}[,;(—–-]|[ \t]*$)",
    # a named person who is (or was appointed) the referent
    rf"re:\b(?:mme|mlle|m|mr|monsieur|madame)\b\.? [a-z][^\n.;]{{0,60}}\b{_REFERENT}(?![a-z0-9])",
    # the referent and a contact in the same sentence
    rf"re:\b{_REFERENT}(?![a-z0-9])(?:(?<![a-z])(?:mme|mlle|dr|m)\.|[^.;!?]){{0,120}}"
    r"(?:@|\b0\d(?:[ .-]?\d\d){4}\b|\+33)",
    rf"re:\b{_REFERENT}(?![a-z0-9])[^.;!?]{{0,40}}\b(?:mme|mlle|m|mr|monsieur|madame)\b\.? [a-z]",
    "mission|cellule handicap",
    unless=_NOT_FILLED,
)

#: The mobility actions carried out (niveau attendu): departures, stays abroad, projects and
#: grants, information and preparation of the apprentices. Unproven: « actions » are open-ended
#: and the cases that show them were written with this finder — their absence reads « à
#: confirmer », never a gap, until natural phrasings measure its recall.
_MOBILITY_ACTIONS = Concept.of(
    "apprenti|apprentis|apprenties|jeunes|alternants|formateurs|stagiaires partis|parties",
    "départ|départs mobilité|Erasmus|étranger|stage|Europe",
    r"re:\b(?:stages?|sejours?|periodes?|mobilites?|semaines?)\b[^\n.;]{0,60}"
    r"(?:\ba l'etranger|\ben europe|\ben (?:allemagne|espagne|italie|irlande|autriche|belgique"
    r"|suisse|pologne|portugal|finlande|suede|grece|malte|roumanie)\b)",
    "mobilité|mobilités réalisée|réalisées|effectuée|effectuées|organisée|organisées|longue|"
    "longues|courte|courtes",
    "projet|projets Erasmus|mobilité|européen|européens",
    "accréditation Erasmus",
    "bourse|bourses mobilité|Erasmus",
    "préparation linguistique|interculturelle|départ",
    "Europass",
    "convention|conventions de mobilité",
    "bilan|bilans mobilité|mobilités|séjour|retour",
    "réunion|réunions|séance|séances information mobilité|Erasmus",
    "informer|informe|informé|informés apprentis|entreprises mobilité",
    "salon|salons mobilité|Erasmus",
    unproven=True,
    unless=(r"re:\ba (?:deposer|venir|definir|prevoir)\b|\ba partir de 20\d\d\b|\bpas encore\b",),
)

#: The question « does this document hold a table of mobility departures (who, where) ».
DEPARTURES_TABLE = named_question(__name__, "departures-table")

_DEPARTURE_ROLES = {
    "who": ("apprenti", "apprentis", "apprenti·e", "nom", "stagiaire", "participant", "alternant"),
    "where": ("destination", "destinations", "pays", "ville d'accueil", "lieu de mobilité"),
}


@document_question(DEPARTURES_TABLE)
def _departures_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    return find_table(text, rows, _DEPARTURE_ROLES, ("who", "where")) is not None


#: What the disability referent does (niveau attendu): adjustments of the course and the exams,
#: support of the apprentices, links with the disability network, awareness of the teams.
#: Unproven, for the same reason as :data:`_MOBILITY_ACTIONS`.
_REFERENT_ACTIONS = Concept.of(
    "aménagement|aménagements parcours|formation|examen|examens|épreuves|poste|postes|"
    "emploi|horaires|rythme|évaluations",
    "aménage|aménager|aménagé|aménagés",
    "tiers temps|tiers-temps",
    "matériel|matériels|poste|supports adapté|adaptés|adaptée|adaptées",
    "adaptation|adaptations parcours|formation|supports|poste|examens",
    "accompagne|accompagnent|accompagner|accompagné|accompagnés|accompagnement apprentis|"
    "apprenti|personnes|publics|candidats|jeunes|situation|handicap",
    "reçoit|recevoir|reçu|reçus|entretien|entretiens confidentialité|apprentis|apprenti|"
    "individuel|individuels|candidats",
    "RQTH",
    "dossier|dossiers|demande|demandes MDPH|RQTH|PCH|Agefiph",
    "relation|relations|lien|liens|partenariat Agefiph|MDPH|FIPHFP|emploi",
    "sensibilisation|sensibilise|sensibiliser|sensibilisé|formation équipes|équipe|formateurs|"
    "maîtres|handicap",
    "organise|organiser|coordonne|coordonner aménagements|adaptations",
    "met|mettre|mis en place aménagements|adaptations",
    "plan|plans d'accompagnement|compensation",
    "PAP|PAI|PPS",
    unproven=True,
    unless=_NOT_FILLED,
)


#: The steering of the training's quality (2026): indicators reviewed, a dashboard, a review.
_STEERING = Concept.of(
    "pilotage|pilotons|pilote la formation|formations|qualité|CFA",
    "comité|comités de pilotage",
    "tableau|tableaux de bord",
    "revue|revues indicateurs|trimestrielle|annuelle|direction|qualité|processus",
    "indicateur|indicateurs suivis|qualité|suivi|trimestre|revus",
    "suivi|suivis|analyse indicateurs",
    "plan|plans action|actions|amélioration",
    "audit interne",
    "action|actions correctives|décidée|décidées",
)

_MEMBER = (
    "siège|siègent|siéger|représentant|représentante|représentants|représentantes|élu|élue|élus|"
    "élues|délégué|déléguée|délégués|déléguées|membre|membres|collège|participent|participe|"
    "participation|associé|associés|présent|présents|présente|présentes|présentent|invités|"
    "avis|proposé|proposent|demandent"
)


#: :data:`_MEMBER` as a regular expression over folded text.
_MEMBER_STEM = (
    r"siege|represent|elue?s?\b|delegue|membre|college|particip|associe|present|invite|avis\b"
    r"|propos|demand"
)


def _taking_part(*who: str, stem: str, name: str) -> Finder:
    """``who`` taking part in the governance: members, elected, sitting, giving their views;
    ``stem``: a regular expression of the same words, for a label (« Apprentis : 2 délégués »)."""
    group = "|".join(who)
    said = Concept.of(
        f"{group} {_MEMBER}",
        f"{_MEMBER} {group}",
        rf"re:\b(?:{stem})\s*:[^\n]{{0,60}}\b(?:{_MEMBER_STEM})",
        rf"re:\b(?:participants?|presents?|membres?|composition)\s*:[^\n]{{0,80}}\b(?:{stem})",
        unless=(
            r"re:\b(?:ne|n') ?(?:siege|participe|sont|est|font|fait)\w* (?:pas|plus|dans aucun)",
            "simplement informés",
        ),
    )
    return (said, Reader(_seated(name, stem)))


#: How a document says each item of indicator 20 (``items:`` of ``indicators/20.yaml``).
CONCEPTS: dict[str, Finder] = {
    "conseil-perfectionnement": _COUNCIL_OR_MEMBERS,
    "dernier-compte-rendu": _MINUTES,
    "personnel-mobilite": _MOBILITY,
    "referent-handicap": _DISABILITY_REFERENT,
    "actions-mobilite": (_MOBILITY_ACTIONS, Reader(DEPARTURES_TABLE, unproven=True)),
    "actions-referent-handicap": _REFERENT_ACTIONS,
    "pilotage-qualite": _STEERING,
    "participation-apprentis": _taking_part(
        "apprenti",
        "apprentis",
        "apprentie",
        "apprenties",
        "alternants",
        stem=r"apprenti\w*|alternant\w*",
        name="apprentis",
    ),
    "participation-formateurs": _taking_part(
        "formateur",
        "formateurs",
        "formatrice",
        "formatrices",
        "enseignants",
        stem=r"formateur\w*|formatrice\w*|enseignant\w*",
        name="formateurs",
    ),
    "participation-entreprises": _taking_part(
        "entreprise",
        "entreprises",
        "employeur",
        "employeurs",
        "maître",
        "maîtres",
        "tuteurs",
        "branche",
        "branches",
        "managers",
        "exploitants",
        stem=r"entreprises?|employeurs?|maitres? d'apprentissage|tuteurs|branches?",
        name="entreprises",
    ),
}

#: The items :func:`check_personnel_dedie_cfa` judges (the 2026 ones are the other check's).
_STAFF_ITEMS = (
    "conseil-perfectionnement",
    "dernier-compte-rendu",
    "personnel-mobilite",
    "referent-handicap",
    "actions-mobilite",
    "actions-referent-handicap",
)
_GOVERNANCE_ITEMS = (
    "pilotage-qualite",
    "participation-apprentis",
    "participation-formateurs",
    "participation-entreprises",
)


@mark.verifies("personnel-dedie-cfa")
def check_personnel_dedie_cfa(
    unit: Unit,
    evidence: EvidenceSet,
    audit_date: dt.date,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Le CFA a un personnel mobilité, un référent handicap et un conseil de perfectionnement.

    Présentez la liste des membres du conseil de perfectionnement et son dernier compte rendu
    ou procès-verbal, les personnes dédiées à la mobilité nationale et internationale avec les
    actions menées, et le nom et le contact du référent handicap avec ses actions. Un compte
    rendu de moins d'un an est une règle indicative de rnq (point de vigilance). Un brouillon ou
    un modèle vide (« à nommer », « compte rendu à venir ») ne prouve rien.

    EN: The CFA has mobility staff, a disability referent and a conseil de perfectionnement
    (advisory board).

    Present the list of members of the conseil de perfectionnement and its latest minutes, the
    people dedicated to national and international mobility with the actions carried out, and the
    name and contact of the disability referent (référent handicap) with their actions. Minutes
    less than a year old are a rule of thumb of rnq (a point of vigilance). A draft or an empty
    template ("à nommer", "compte rendu à venir") proves nothing.
    """
    docs, judgement = judge_readable(
        evidence,
        CONCEPTS,
        indicator=20,
        referential=referential,
        facts=facts,
        target=unit,
        only=_STAFF_ITEMS,
        subject=msg("Personnel dédié du CFA", "CFA dedicated staff"),
    )
    _recent_minutes(docs, judgement, referential, unit, audit_date)


def _recent_minutes(
    docs: EvidenceSet,
    judgement: Judgement,
    referential: Referential,
    unit: Unit,
    audit_date: dt.date,
) -> None:
    """Advice (rnq's rule of thumb ``compte-rendu-recent``) when every dated record of the
    council is older than :data:`RECENT_MONTHS` at the audit date."""
    indicator = referential.indicator(20)
    if "compte-rendu-recent" not in {i.id for i in indicator.items}:
        return
    council: list[Evidence] = [
        s.item for s in sources_of(docs) if s.path in judgement.read and s.states(_COUNCIL)
    ]
    advise_if_stale(
        council,
        indicator.item("compte-rendu-recent"),
        audit_date,
        target=unit,
        latest_what=msg(
            "le dernier document daté du conseil de perfectionnement",
            "the latest dated record of the improvement council",
        ),
        tail=msg(
            " : le guide demande le dernier compte rendu, sans date",
            ": the guide asks for the latest minutes, not a date",
        ),
    )


@mark.verifies("gouvernance-cfa")
def check_gouvernance_cfa(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Pilotage du CFA avec apprentis, formateurs et entreprises dans sa gouvernance (2026).

    Montrez comment la qualité de la formation est pilotée (indicateurs, tableau de bord,
    revues) et que les apprentis, les formateurs et les entreprises participent à sa gouvernance
    (composition et comptes rendus du conseil de perfectionnement ou du comité de pilotage).
    Texte 2026 provisoire : une absence est « à confirmer », jamais un écart.

    EN: The CFA is steered with apprentices, trainers and companies in its governance (2026).

    Show how the quality of training is steered (indicators, dashboard, reviews) and that
    apprentices, trainers and companies take part in its governance (membership and minutes of the
    conseil de perfectionnement or of the steering committee). Provisional 2026 text: an absence
    reads "to confirm", never a gap.
    """
    judge_readable(
        evidence,
        CONCEPTS,
        indicator=20,
        referential=referential,
        facts=facts,
        target=unit,
        only=_GOVERNANCE_ITEMS,
        subject=msg(
            "Pilotage et gouvernance du CFA (texte 2026 provisoire)",
            "CFA steering and governance (provisional 2026 text)",
        ),
    )
