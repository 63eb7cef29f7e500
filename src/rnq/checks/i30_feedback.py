"""Indicator 30 — Collecting stakeholder feedback (« Recueil des appréciations des parties
prenantes »), criterion 7.

Its built-in checks:

* :func:`check_appreciations_parties_prenantes` — feedback (appréciations) from the stakeholders
  concerned is collected and up to date.

Who gave the feedback is read from the documents: their words (« questionnaire à chaud des
stagiaires », « Formateurs : fiche bilan de session », « Retours de la Région »), the respondent
column of a survey export read by its header (« Profil du répondant » : Stagiaire, Formateur,
OPCO…), the respondents a satisfaction table names by its headers (« Maître d'apprentissage »),
and what the workspace declares (``stakeholder:``) or a file name says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from functools import cache

from rnq.checks.helpers import is_current, kept_unit, readable
from rnq.checks.judging import Finder, Reader, Source, demanded, judge, sources_of
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import advise, msg
from rnq.match.folding import fold
from rnq.match.french import Concept, term
from rnq.match.questions import document_question, named_question
from rnq.match.tables import find_table, tables_in
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts
from rnq.workspace.kinds import infer_stakeholder

__all__ = ["CONCEPTS", "PROFILE_HEADERS", "check_appreciations_parties_prenantes", "respondents"]

#: The namespace of this module's check names (``rnq.checks.feedback::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.feedback"

#: The stakeholder of the kinds vocabulary (``stakeholder:``) → the item of indicator 30.
_ITEM_OF = {
    "apprenants": "beneficiaires",
    "equipes": "equipes-pedagogiques",
    "entreprises": "entreprises",
    "financeurs": "financeurs",
}
_STAKEHOLDER_ITEMS = tuple(_ITEM_OF.values())

# --- the words of each stakeholder, as providers write them -----------------------------------

_LEARNERS = (
    "stagiaire", "apprenant", "apprenti", "bénéficiaire", "participant", "candidat", "alternant",
    "élève", "étudiant", "learner", "salarié formé", "personne formée",
    "personne accompagnée",
)  # fmt: skip
_TEAMS = (
    "formateur", "formatrice", "co-formateur", "intervenant", "enseignant", "professeur", "prof",
    "consultant", "accompagnateur", "accompagnatrice", "coordinateur", "coordinatrice",
    "vacataire", "animateur", "animatrice", "équipe pédagogique", "équipe enseignante",
    "équipe de formation",
)  # fmt: skip
_COMPANIES = (
    "entreprise", "employeur", "tuteur", "tutrice", "maître d'apprentissage",
    "maîtresse d'apprentissage", "client", "commanditaire", "donneur d'ordre", "responsable RH",
    "DRH", "manager", "structure d'accueil",
)  # fmt: skip
_FUNDERS = (
    "financeur", "OPCO", "opérateur de compétences", "Caisse des Dépôts", "CDC", "France Travail",
    "Pôle emploi", "Région", "Conseil régional", "Agefiph", "Transitions Pro", "FAF", "FIFPL",
    "AGEFICE", "Akto", "Atlas", "Afdas", "Uniformation", "Constructys", "Ocapiat", "Opcommerce",
    "prescripteur", "Mon Compte Formation", "conseiller formation", "chargé de mission",
)  # fmt: skip

#: How feedback is asked or given (nouns and verbs), for any stakeholder.
_FEEDBACK = (
    "avis", "retour", "feedback", "commentaire", "remarque", "questionnaire", "enquête",
    "sondage", "satisfaction", "ressenti", "verbatim", "suggestion", "impression", "réponse",
    "répondant", "interrogé", "sollicité", "sollicitation", "consulté", "questionné",
    "remplissent", "remplit", "complètent", "répondent", "notent", "observation",
)  # fmt: skip
#: Feedback forms of the teaching teams (meetings, session reviews).
_TEAM_FEEDBACK = (
    "fiche bilan", "bilan de session", "bilan d'animation", "fiche d'appréciation",
    "tour de table", "réunion bilan", "échange de pratiques", "débriefing", "débrief",
    "point collectif", "séminaire pédagogique", "réunion pédagogique", "réunion d'équipe",
    "conseil pédagogique",
)  # fmt: skip
#: Feedback forms of the funders (committees, webinars, controls).
_FUNDER_FEEDBACK = (
    "comité de suivi", "comité de pilotage", "webinaire", "réunion d'information",
    "bilan trimestriel", "entretien annuel", "échange annuel", "recommandation", "contrôle",
    "appréciation", "entretien", "réunion",
)  # fmt: skip
#: Feedback forms of the companies (calls, visits, interviews).
_COMPANY_FEEDBACK = ("entretien", "appel", "visite", "appréciation")

#: A clause that denies what it says (« nous n'avons pas sollicité », « ne sont pas
#: interrogés »): the matching layer reads a negation before a term, not inside or after it.
_DENIED = r"re:\b(?:ne|n')\s?[a-z]+(?: [a-z]+)? (?:pas|jamais|plus)\b|\bfaute de\b"

#: What an assessment of learning says (« Les stagiaires répondent au QCM », « réponses
#: corrigées par le formateur »): not feedback (guide V9: not valid evidence for 30).
_ASSESSMENT = (
    "QCM",
    "quiz",
    "examen|examens",
    "épreuve|épreuves",
    "corrigé|corrigée|corrigés|corrigées|correction",
    "évaluation|évaluations des acquis",
)

#: Up to four words between two parts of a phrase, within one clause.
_BETWEEN = r"(?:[^\w.;!?\n:]+[a-z0-9]+){0,4}[^\w.;!?\n:]+"


def _any(phrases: Sequence[str]) -> str:
    """A regular expression for any of ``phrases`` (each with its forms, see
    :func:`~rnq.match.french.term`)."""
    return "(?:" + "|".join(term(p, gap=1) for p in phrases) + ")"


def _heard(
    who: Sequence[str], said: Sequence[str], *extra: str, unless: Sequence[str] = ()
) -> Concept:
    """The terms that say a stakeholder ``who`` was heard in one of the ways ``said``: both
    orders within a clause (« avis des stagiaires », « les stagiaires remplissent un
    questionnaire »), and a line opened by the stakeholder's label saying later how they were
    heard (« Formateurs (salariés et vacataires) : fin de session — fiche bilan »)."""
    people, ways = _any(who), _any(said)
    return Concept.of(
        f"re:{ways}{_BETWEEN}{people}",
        f"re:{people}{_BETWEEN}{ways}",
        rf"re:(?m)^[^\w\n]*{people}[^:\n]{{0,60}}:[^\n]{{0,160}}?{ways}",
        *extra,
        unless=(_DENIED, *_ASSESSMENT, *unless),
    )


_LEARNERS_HEARD = _heard(
    _LEARNERS,
    _FEEDBACK,
    "questionnaire|questionnaires|enquête|enquêtes|évaluation|évaluations|avis à chaud|froid",
    "questionnaire|questionnaires|enquête|enquêtes de fin de formation|stage|bilan",
    "questionnaire|questionnaires|enquête d'évaluation du bilan",
    "Anotéa",
    "satisfaction globale|générale",
    "votre|vos avis|opinion|ressenti|impressions",
    "questionnaire|questionnaires|enquête évaluation|satisfaction formation|session|stage|bilan",
)
_TEAMS_HEARD = _heard(
    _TEAMS,
    (*_FEEDBACK, *_TEAM_FEEDBACK),
    "re:\\brecueil (?:des |de l')?appreciations? (?:des |de l'|de la )?"
    "(?:formateur|formatrice|intervenant|equipe|enseignant)",
    "fiche|fiches bilan de session",
    "réunion|réunions bilan de session",
    "bilan d'animation",
    "réunion|réunions d'équipe|pédagogique|pédagogiques",
    "conseil|séminaire|comité pédagogique",
)
_COMPANIES_HEARD = _heard(
    _COMPANIES,
    (*_FEEDBACK, *_COMPANY_FEEDBACK),
    "questionnaire à l'attention du tuteur|tutrice|maître|employeur|entreprise",
)
_FUNDERS_HEARD = _heard(
    _FUNDERS,
    (*_FEEDBACK, *_FUNDER_FEEDBACK),
    # a funder's answer about money is not its appreciation of the service
    unless=("prise en charge", "facture|factures|facturation", "paiement|règlement", "devis"),
)

# --- tables: the respondent column, the respondents a survey's headers name ------------------

#: Headers of the column that says who answered a survey export.
PROFILE_HEADERS: Mapping[str, Sequence[str]] = {
    "who": (
        "profil",
        "profil du répondant",
        "type de répondant",
        "catégorie de répondant",
        "qualité du répondant",
        "statut du répondant",
        "répondant",
        "répondante",
        "vous êtes",
        "type de public",
        "public interrogé",
        "partie prenante",
        "population",
        "cible",
    ),
}


@cache
def _value_patterns() -> Mapping[str, re.Pattern[str]]:
    """The respondent column's values that name each stakeholder: compiled when a survey table
    is first read (18 ms, a tenth of what importing every check costs a run that needs none)."""
    return {
        "beneficiaires": re.compile(_any(_LEARNERS)),
        "equipes-pedagogiques": re.compile(_any((*_TEAMS, "équipe"))),
        "entreprises": re.compile(_any((*_COMPANIES, "ma"))),
        "financeurs": re.compile(_any((*_FUNDERS, "état"))),
    }


#: Headers that make a table a satisfaction survey (not an assessment of learning).
_FEEDBACK_HEADER = re.compile(
    r"satisf|\bavis\b|commentaire|remarque|recommand|verbatim|suggestion|amelior|"
    r"\betes-vous\b|\bnote (?:globale|accueil|contenu|moyens|equipe|accompagnement)"
)
#: Headers of a survey answered by the company side (the learner is who it is about).
_COMPANY_HEADER = re.compile(
    r"maitres?(?:se)? d'apprentissage|\btut(?:eur|rice)s?\b|\bemployeurs?\b|\bcommanditaire"
    r"|\bresponsables? rh\b|\bmanagers?\b"
)


def respondents(text: str | None, rows: Sequence[Sequence[str]] | None) -> frozenset[str]:
    """The stakeholders (item ids) who answered a survey table of the document: the values of
    its respondent column (« Profil du répondant »), else, for a satisfaction table without one,
    the company side when its headers name the tutor or the employer, the learners otherwise."""
    table = find_table(text, rows, PROFILE_HEADERS, ("who",))
    if table is not None:
        values = [fold(v) for v in table.values("who")]
        named = frozenset(
            item
            for item, pattern in _value_patterns().items()
            if any(pattern.search(v) for v in values)
        )
        if named:
            return named
    for found in tables_in(text, rows):
        for header in found[:6]:
            cells = [fold(str(c)) for c in header]
            if not any(_FEEDBACK_HEADER.search(c) for c in cells) or len(found) < 2:
                continue
            if any(_COMPANY_HEADER.search(c) for c in cells):
                return frozenset({"entreprises"})
            return frozenset({"beneficiaires"})
    return frozenset()


def _reader(item: str) -> Reader:
    question = named_question(__name__, f"respondents-{item}")

    @document_question(question)
    def answered(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
        return item in respondents(text, rows)

    del answered
    return Reader(question)


#: How a document says each stakeholder's feedback was collected (``items:`` of
#: ``indicators/30.yaml``): its words, or a survey table's respondents.
CONCEPTS: dict[str, Finder] = {
    "beneficiaires": (_LEARNERS_HEARD, _reader("beneficiaires")),
    "equipes-pedagogiques": (_TEAMS_HEARD, _reader("equipes-pedagogiques")),
    "entreprises": (_COMPANIES_HEARD, _reader("entreprises")),
    "financeurs": (_FUNDERS_HEARD, _reader("financeurs")),
}


def _declared(item: Evidence) -> str | None:
    """The item a document's declared stakeholder, or its file name, names."""
    who = item.stakeholder or infer_stakeholder(item.path.rsplit("/", 1)[-1])
    return _ITEM_OF.get(who) if who else None


def _heard_in(sources: Sequence[Source], item: str) -> list[Source]:
    finder = CONCEPTS[item]
    return [s for s in sources if _declared(s.item) == item or s.states(finder)]


def _stale(
    sources: Sequence[Source],
    items: Sequence[str],
    freshness: Mapping[str, int],
    audit_date: dt.date,
    months: int,
) -> list[tuple[str, dt.date | None]]:
    """The stakeholders heard only in documents older than ``months`` (with the last date)."""
    old = []
    for item in items:
        heard = _heard_in(sources, item)
        if heard and not any(
            is_current(s.item, freshness, audit_date, months=months) for s in heard
        ):
            old.append((item, max((s.item.date for s in heard if s.item.date), default=None)))
    return old


@mark.verifies("recueil-appreciations")
def check_appreciations_parties_prenantes(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """Les appréciations des parties prenantes concernées sont recueillies et à jour.

    Montrez comment vous recueillez l'avis de chaque partie prenante : les bénéficiaires et les
    équipes pédagogiques toujours ; les financeurs (sauf pour un bilan de compétences ; à partir
    du 1er novembre 2026, « le cas échéant » : déclarez ``funded_by`` dans rnq.yaml) ; les
    entreprises concernées (alternance, stages, apprentissage : déclarez ``alternance`` ou
    ``work_situation``). Une enquête, un compte rendu de réunion, un export dont une colonne
    « Profil » dit qui a répondu, ou ``stakeholder:`` dans le manifeste suffisent. Les
    évaluations des acquis ne comptent pas. Des appréciations de plus de 12 mois sont un point de
    vigilance (règle indicative ; le guide demande de solliciter les financeurs au moins une
    fois par an).

    EN: Feedback (appréciations) from the stakeholders concerned is collected and up to date.

    Show how you collect the feedback of each stakeholder: learners and teaching teams always;
    funders (except for a skills assessment; from 1 November 2026, "where applicable": declare
    ``funded_by`` in rnq.yaml); the companies concerned (work-study, internships, apprenticeship:
    declare ``alternance`` or ``work_situation``). A survey, meeting minutes, an export whose
    "Profil" column says who answered, or ``stakeholder:`` in the manifest will do. Assessments
    of learning do not count. Feedback older than 12 months is a point of vigilance (a heuristic;
    the guide asks for funders to be solicited at least once a year).
    """
    docs = [e for e in readable(evidence, 30) if e.kind != "evaluation"]
    wanted = [i.id for i in demanded(referential, 30, unit) if i.id in _STAKEHOLDER_ITEMS]
    usable = [s for s in sources_of(docs) if s.draft() is None]
    declared = {item for s in usable if (item := _declared(s.item)) is not None}
    kept = kept_unit(unit, docs, config)
    judge(
        docs,
        CONCEPTS,
        indicator=30,
        referential=referential,
        facts=facts,
        target=kept,
        only=[i for i in wanted if i not in declared],
        subject=msg("Recueil des appréciations incomplet", "Feedback collection incomplete"),
    )
    months = freshness.get("enquete-satisfaction", 12)
    old = _stale(usable, wanted, freshness, audit_date, months)
    if old:
        labels = {i.id: i.label for i in demanded(referential, 30)}
        said = [
            (labels[item], f" (dernière le {fr_date(day)})" if day else "", day)
            for item, day in old
        ]
        advise(
            msg(
                f"Point de vigilance — appréciations de plus de {months} mois : "
                + ", ".join(f"{label.fr}{last}" for label, last, _ in said)
                + " — règle de fraîcheur indicative (le guide demande de solliciter les "
                "financeurs au moins une fois par an).",
                f"Point of vigilance — feedback older than {months} months: "
                + ", ".join(
                    f"{label.en}" + (f" (last {day.isoformat()})" if day else "")
                    for label, _, day in said
                )
                + " — freshness is a heuristic (the guide asks for funders to be solicited at "
                "least once a year).",
            ),
            items=["appreciations-recentes"],
            evidence=[s.path for s in usable],
            key="appreciations-recentes",
        )
