"""Indicator 9 — Informing learners of delivery conditions (« Information sur les conditions de
déroulement »), criterion 3.

Its built-in checks:

* :func:`check_conditions_deroulement` — beneficiaries are informed of how the offering will run
  (conditions de déroulement).
* :func:`check_informations_avant_entree` — in a registrations export (``rnq-registrations``),
  the learners who entered without the information sent recorded on or before entry: a point de
  vigilance, never a gap (the niveau attendu demands the conditions « formalisées et diffusées »,
  not a sending per learner dated before entry).

What is demanded, item by item (``items:`` of ``indicators/09.yaml``): the niveau attendu asks
that « les modalités d'accueil et les conditions de déroulement de la prestation » be formalised
and given out — when (hours, dates or schedule) and where or how learners are received are
requirements; the contacts and the règlement intérieur are evidence examples of the guide
(advice); platform access and assistance are demanded where the offering is declared delivered
at a distance (``facts: {modality: distance | blended}``), never guessed from a word such as
« plateforme »; for a bilan de compétences, its deontological commitments (art. L. 6313-4:
consent, confidentiality).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import partial

from rnq.checks.helpers import files, folded_text, readable, remember, unreadable_paths, where
from rnq.checks.judging import Finder, Judgement, Reader, demanded, judge
from rnq.checks.questions import asks
from rnq.checks.registrations import advise_information_before_entry
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.match.folding import document_body
from rnq.match.french import Concept, states
from rnq.match.questions import document_question, named_question
from rnq.referential.loader import Category, Referential
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "check_conditions_deroulement",
    "check_informations_avant_entree",
    "judge_unit",
    "unit_categories",
]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"


def unit_categories(unit: Unit, config: WorkspaceConfig) -> set[Category]:
    """The categories of actions a unit delivers: those of its offerings, else the provider's."""
    return {o.category for o in unit.offerings} or set(config.categories)


#: The question « is this document a table that holds only its header row ».
EMPTY_TABLE = named_question(__name__, "empty-table")


@document_question(EMPTY_TABLE)
def _empty_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a document is a table with a header row and nothing in the rows below it (its
    text, when it has one, being the table itself: nothing but separators below the header)."""
    if not rows or any(str(cell).strip() for row in rows[1:] for cell in row):
        return False
    lines = [line for line in (text or "").splitlines() if line.strip()]
    return not any(re.search(r"\w", line) for line in lines[1:])


def _template(item: Evidence) -> bool:
    return _empty_table(item.text, item.rows)


@asks(EMPTY_TABLE)
def judge_unit(
    docs: EvidenceSet,
    concepts: Mapping[str, Finder],
    *,
    indicator: int,
    unit: Unit,
    evidence: EvidenceSet,
    referential: Referential,
    facts: TargetFacts | None,
    subject: Localized,
    only: Iterable[str] | None = None,
    labels: Mapping[str, Localized] | None = None,
) -> Judgement:
    """:func:`~rnq.checks.judging.judge` the documents read for a unit; not verified when none
    holds text, or when an item is missing and some evidence for ``indicator`` could not be read
    (the item may be in it). A table that holds only its header row is an empty template: it
    states nothing, and where it is all there is, the gap says so."""
    folded_text(docs, unit)  # not verified when no document holds any text
    only = list(only) if only is not None else None
    templates = [e for e in docs if e.usable and remember(e, EMPTY_TABLE, partial(_template, e))]
    if templates:
        empty = {e.path for e in templates}
        docs = docs.filter(lambda e: e.path not in empty)
        if not docs:
            _only_templates(templates, concepts, indicator, unit, referential, subject, only)
    try:
        return judge(
            docs,
            concepts,
            indicator=indicator,
            referential=referential,
            facts=facts,
            target=unit,
            only=only,
            subject=subject,
            labels=labels,
        )
    except Gap as gap:
        unread = unreadable_paths(evidence, indicator)
        if unread:
            place = where(unit)
            not_verified(
                msg(
                    f"{subject.fr} ({place.fr}) : éléments introuvables dans les documents "
                    f"lisibles ; {len(unread)} document(s) illisible(s) peuvent les contenir.",
                    f"{subject.en} ({place.en}): items not found in the readable documents; "
                    f"{len(unread)} unreadable document(s) may hold them.",
                ),
                evidence=unread,
            )
        raise gap


def _only_templates(
    templates: list[Evidence],
    concepts: Mapping[str, Finder],
    indicator: int,
    unit: Unit,
    referential: Referential,
    subject: Localized,
    only: Iterable[str] | None,
) -> None:
    """Raise a gap saying the only documents read are empty templates (when some item counts)."""
    counted = [
        i.id for i in demanded(referential, indicator, unit, only) if i.id in concepts and i.counts
    ]
    if not counted:
        return
    shown = files([e.path for e in templates])
    place = where(unit)
    raise Gap(
        msg(
            f"{subject.fr} pour la {place.fr} : le document lu est un modèle vide (un tableau "
            f"sans autre ligne que ses en-têtes : {shown}) — il ne prouve aucune exigence ; "
            "complétez-le ou remplacez-le par le suivi réel.",
            f"{subject.en} for {place.en}: the document read is an empty template (a table with "
            f"nothing but its header row: {shown}) — it proves no requirement; fill it in or "
            "replace it with the actual records.",
        ),
        evidence=[e.path for e in templates],
        items=counted,
    )


#: A time of day or a range of hours: « 9h00 – 12h30 », « de 9 h à 17 h », « 8:30 », « à 7h45 ».
_TIME = (
    r"re:\b\d{1,2} ?(?:h|heures?) ?(?:\d\d)? ?(?:-|–|—|/|a|et) ?\d{1,2} ?(?:h|heures?)\b"
    r"|\b\d{1,2} ?h ?\d\d\b|\b\d{1,2}:\d\d\b"
    r"|\b(?:a|des|vers|jusqu'a|avant) \d{1,2} ?h\b"
)
_MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
#: A date given as when something takes place: « le 14 avril », « du 2 mars au 31 mai »,
#: « lundi 9/03 », « 27 janvier, 10 février ».
_DATE = (
    rf"re:\b(?:le|du|au|les|et|{_DAYS}) \d{{1,2}}(?:er)?(?: ?/ ?\d{{1,2}}\b| (?:{_MONTHS})\b)"
    rf"|\b\d{{1,2}}(?:er)? (?:{_MONTHS})(?: \d{{4}})?(?: ?[,;]| et| au| de \d| a \d)"
    rf"|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}} ?(?:;|au|-|–)"
)
#: A street address: « 12 rue des Lilas », « 5 quai de la Fosse », « Zone Actiparc ».
_ADDRESS = (
    r"re:\b\d{1,4}(?: ?bis| ?ter)?,? (?:rue|avenue|av|boulevard|bd|place|quai|allee|chemin|route"
    r"|impasse|cours|square|zone|za|zi|parc|espace|esplanade|rond-point)\b"
    r"|\b(?:zone|za|zi|zac|parc) (?:d'activites?|industrielle|artisanale|actiparc|[a-z]+parc)\b"
)
#: What says a date or a time is not given yet, or no longer holds.
_NOT_YET = (
    "à définir",
    "à confirmer",
    "à fixer",
    "à préciser",
    "ultérieurement",
    "reportée|reporté|annulée|annulé",
    "re:\\bmis(?:e)? a jour\\b",
    "édition|version",
    "fait à",
    "créé|créée|créé en",
    r"re:\[[a-z' ]{2,30}\]",
    r"re:\brespect\w* (?:les|des|vos|ses|leurs) horaires\b",
)

#: How a document says each item of indicator 9 (``items:`` of ``indicators/09.yaml``); the
#: platform access of distance learning is read by :func:`_distance_access`.
CONCEPTS: dict[str, Finder] = {
    "horaires-planning": Concept.of(
        "horaire|horaires",
        "planning|plannings",
        "calendrier|calendriers",
        "emploi|emplois du temps",
        "=EDT",
        "dates",
        "date session|formation|début|fin|démarrage|rentrée|présence|jury",
        "dates présence|session|sessions|formation|regroupement|regroupements",
        "rentrée",
        r"re:\bsessions? ?: ?\w",
        "du lundi au vendredi",
        "jours heures",
        "créneau|créneaux",
        "rendez-vous fixés|planifiés|programmés|suivants",
        "premier rendez-vous|entretien|jour",
        "séances|sessions|classes|journées programmées|prévues",
        "rythme",
        "durée accès",
        r"re:\bquand \?",
        r"re:\b(?:debut|debute|commence|demarre|ouvert|ouverte|ouverture)\w*"
        rf" (?:(?:du parcours |de la formation )?(?:le |du |des |a |au )?)(?:{_DAYS}|\d)",
        _TIME,
        _DATE,
        unless=_NOT_YET,
    ),
    "lieu-accueil": Concept.of(
        r"re:(?<!\ba )(?<!\bont )(?<!aura )(?<!auront )(?<!avoir )(?<!ayant )\blieux?\b",
        r"re:\bchez (?:le client|vous|votre employeur|l'employeur)\b",
        r"re:\bintra\b|\bdans (?:votre|l') entreprise\b|\ben entreprise\b",
        r"re:(?<!sera )(?<!seront )(?<!est )(?<!sont )\badresses?\b(?! (?:a|au|aux|par)\b)",
        "locaux",
        "salle|salles",
        r"re:\bsur (?:le )?site\b",
        "site client|formation",
        "bâtiment",
        "bureau",
        "cabinet",
        "campus",
        "centre formation",
        r"re:\bau centre\b",
        "étage",
        r"re:\bou (?:\?|nous trouver|se (?:deroule|passe|tient))",
        "se déroule|déroulera|déroulent|tiendra|tient",
        r"re:(?<!delais d')(?<!delai d')\bacces\b",
        "bus|tram|tramway|métro|RER|gare|parking|arrêt",
        "transports|transport",
        r"re:\ben voiture\b",
        _ADDRESS,
        r"re:\b\d{5} [a-z]",
        r"re:\baccueil (?:a l'|au |devant|des \d|a partir de \d|a \d)",
        "accueillis|accueillies|accueilli|accueillie par|devant",
        "présentez-vous",
        "vous présenter",
        "vos locaux",
        "visio",
        "visioconférence",
        "distance",
        r"re:\ben ligne\b",
        "distanciel",
        "plateforme",
        "classe|classes virtuelle|virtuelles",
        "Zoom|Teams",
        unless=_NOT_YET,
    ),
    "contacts": Concept.of(
        "contact|contacts",
        "contacter|contactez",
        "interlocuteur|interlocutrice|interlocuteurs|interlocutrices",
        "qui contacter",
        "référent|référente|référents",
        "responsable pédagogique|administratif|administrative|formation|formations|session",
        "formateur|formatrice|formateurs",
        "consultant|consultante",
        "accompagnateur|accompagnatrice",
        "tuteur|tutrice",
        "secrétariat",
        "assistant|assistante formation|administratif|administrative|pédagogique",
        "service formation|administratif|pédagogique",
        "vie scolaire",
        "équipe pédagogique|administrative",
        "coordonnées",
        "joignable|joindre",
        "téléphone|tél",
        "mail|e-mail|courriel",
        r"re:[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}",
        r"re:\b0\d(?:[ .-]?\d\d){4}\b",
    ),
    "reglement-interieur": Concept.of(
        "règlement intérieur",
        "règlement formation|stagiaires|CFA|organisme|centre",
        "règles vie",
        "charte stagiaire|stagiaires|apprenant|apprenants|apprenti|apprentis|vie",
        "=RI",
        unless=("re:\\bcf\\b",),
    ),
    "engagements-deontologiques": Concept.of(
        "consentement",
        "consentir",
        "confidentiel|confidentielle|confidentiels|confidentielles|confidentialité",
        "secret professionnel",
        "déontologie|déontologique|déontologiques",
        "accord écrit|exprès|préalable",
        "votre|son|leur accord",
        r"re:\b(?:sans|qu'avec|avec|apres) (?:votre|son|leur|l') ?(?:accord|autorisation)\b",
        "accord bénéficiaire|intéressé|intéressée|personne|salarié|salariée",
        "seul|seule|unique destinataire|destinataires",
        "remis|remise vous seul|seule",
        "remis|remise seul|seule bénéficiaire",
        r"re:\bremise?s? (?:au|a la|a l'|a vous)\b[^.;\n]{0,30}"
        r"\b(?:seule?|uniquement|exclusivement)\b",
        "vie privée",
        "destruction documents|notes|tests|résultats",
        "détruits|détruit|détruis|détruisons",
        "démarche volontaire",
        "volontariat",
        "reste|restera entre nous",
        "rends|rendons compte personne",
        "propriété exclusive",
        "libre refuser",
        "refus constituer",
        r"re:\bl\.? ?6313-4\b",
    ),
}


#: How a document says how to reach the distance platform (for :func:`_distance_access`).
_ACCESS = Concept.of(
    "plateforme",
    "LMS",
    "Moodle",
    "ENT",
    "espace apprenant|stagiaire|formation|élève",
    "identifiant|identifiants",
    "mot de passe",
    "accès|accès personnel",
    "accéder",
    "connexion",
    "connecter",
    "lien de connexion|Zoom|Teams|visio",
    "Zoom|Teams",
    r"re:https?://|\bwww\.|\.fr\b|\.com\b",
    "navigateur",
)
#: How a document says where to get technical and pedagogical help at a distance.
_ASSISTANCE = Concept.of(
    "assistance",
    "support technique|informatique",
    "support",
    "hotline",
    "aide",
    "besoin d'aide",
    "problème|souci|difficulté connexion|technique|affichage|son|micro|caméra",
    "cas problème|problèmes|souci|soucis|difficulté|difficultés|panne",
    "appelez|appeler|écrivez|écrire|contactez|contacter",
    "si le lien ne fonctionne pas",
    "ne fonctionne pas",
    "tuteur|tutrice|tutorat",
    "formateur|formatrice référent|référente",
    "question au formateur|à la formatrice",
    "poser une question",
    "répond|répondra|répondent",
    "messagerie",
    "forum",
    "contacter ma|mon|votre tuteur|tutrice|formateur|formatrice",
)

#: The question « does this document say how to reach the platform and where to get help ».
DISTANCE_ACCESS = named_question(__name__, "distance-access")


@document_question(DISTANCE_ACCESS)
def _distance_access(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a document says both how to reach the distance platform (access, identifiers,
    link) and where to get help (technical or pedagogical assistance)."""
    body = document_body(text, rows)
    return states(_ACCESS, body) and states(_ASSISTANCE, body)


CONCEPTS["acces-distance"] = Reader(DISTANCE_ACCESS)


def _demanded_here(
    referential: Referential, unit: Unit, config: WorkspaceConfig, docs: Iterable[Evidence]
) -> list[str]:
    """The items judged for ``unit``: those of its categories (the bilan's commitments only
    where it delivers bilans); the internal rules are given when a document is one."""
    categories = unit_categories(unit, config)
    has_rules = any(e.kind == "reglement-interieur" for e in docs)
    return [
        item.id
        for item in demanded(referential, 9)
        if (not item.categories or categories & set(item.categories))
        and not (item.id == "reglement-interieur" and has_rules)
    ]


@mark.verifies("conditions-deroulement")
def check_conditions_deroulement(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les bénéficiaires sont informés des conditions de déroulement de la prestation.

    Remettez aux bénéficiaires (livret d'accueil, convocation, règlement intérieur, CGU de la
    plateforme) un document qui dit quand (horaires, dates ou planning) et où ou comment ils sont
    accueillis (lieu, accès, ou classe virtuelle) ; pour une prestation déclarée à distance ou
    mixte (facts: {modality: distance}), l'accès à la plateforme et l'assistance technique et
    pédagogique ; pour un bilan de compétences, les engagements déontologiques (consentement,
    confidentialité). Les contacts et le règlement intérieur sont des exemples du guide :
    leur absence est un point de vigilance. Un brouillon ne prouve rien.

    EN: Beneficiaries are informed of how the offering will run (conditions de déroulement).

    Give beneficiaries a document (welcome booklet / livret d'accueil, notice to attend /
    convocation, internal rules / règlement intérieur, the platform's terms of use) that says when
    (hours, dates or schedule) and where or how they are received (place, access, or virtual
    classroom); for an offering declared delivered at a distance or blended (facts: {modality:
    distance}), the platform access and the technical and teaching assistance; for a skills review
    (bilan de compétences), its ethical commitments (consent, confidentiality). Contacts and the
    internal rules are examples of the guide: their absence is a point of vigilance. A draft
    proves nothing.
    """
    docs = readable(evidence, 9)
    judge_unit(
        docs,
        CONCEPTS,
        indicator=9,
        unit=unit,
        evidence=evidence,
        referential=referential,
        facts=facts,
        only=_demanded_here(referential, unit, config, docs),
        subject=msg("Conditions de déroulement communiquées", "Delivery conditions communicated"),
    )


@mark.verifies("conditions-deroulement")
def check_informations_avant_entree(unit: Unit, evidence: EvidenceSet, today: dt.date) -> None:
    """Chaque apprenant entré en formation a reçu les informations avant son entrée (export des
    inscriptions).

    Quand un export de votre logiciel d'inscription est lu (collecteur « registrations ») et
    qu'il enregistre l'envoi des informations (convocation, livret d'accueil), rnq regarde,
    prestation par prestation, chaque apprenant dont la date d'entrée est passée : un envoi
    absent ou daté après l'entrée est un point de vigilance, jamais un écart — l'indicateur 9
    demande que les conditions de déroulement soient formalisées et diffusées, pas un envoi daté
    par apprenant, et l'information a pu être donnée autrement. Sans export, ou si l'export
    n'enregistre aucun envoi, rien n'est vérifié ici.

    EN: Every learner who entered was sent the information before entry (registrations export).

    When an export of your registration software is read (the « registrations » collector) and
    records the information sent (notice to attend, welcome booklet), rnq looks, offering by
    offering, at each learner whose entry date has passed: a sending missing or dated after entry
    is a point of vigilance, never a gap — indicator 9 demands that the delivery conditions be
    formalised and given out, not a sending dated per learner, and the information may have been
    given otherwise. Without an export, or when it records no sending, nothing is checked here.
    """
    advise_information_before_entry(unit, evidence, today)
