"""Indicator 19 — Learning resources and their appropriation (« Ressources pédagogiques et
appropriation »), criterion 4.

Its built-in checks:

* :func:`check_ressources_pedagogiques` — teaching resources are provided and beneficiaries are
  helped to make them their own.
* :func:`check_suivi_distance_effectif` — learners' actual completion of the distance-learning
  modules is monitored (2026).

What it demands (``items:`` of ``indicators/19.yaml``): the resources made available and the
arrangements for learners to make them their own are requirements of the wording. Technical and
pedagogical assistance at a distance (art. D. 6313-3-1) are demanded only where modules are
delivered at a distance — the declared fact ``modality`` (distance or blended), never a word
such as « plateforme » (a face-to-face provider registers learners on the CPF platform too).
From 1 November 2026, checking that distance modules are actually followed is demanded under the
same condition; the 2026 text is provisional (read through transcriptions, its threshold
arrêté not found), so its absence reads « à confirmer », and a follow-up record older than 12
months is rnq's own rule of thumb (advice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rnq.checks.helpers import (
    advise_if_stale,
    files,
    readable,
    where,
)
from rnq.checks.judging import (
    FACT_TEXT,
    Finder,
    Reader,
    assess,
    demanded,
    judge_readable,
    sources_of,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg, skip
from rnq.match.french import Concept
from rnq.match.questions import document_question, named_question
from rnq.match.tables import find_table
from rnq.referential.loader import DemandedItem, Referential
from rnq.text import Localized
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "TRACKING_TABLE",
    "check_ressources_pedagogiques",
    "check_suivi_distance_effectif",
]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"

#: The indicators whose documents these checks read besides their own (the question plan asks
#: their questions of those documents too, in the extraction workers).
READS = (12,)

#: The resources themselves: materials, documents, videos, a documentation centre. Not « les
#: ressources humaines », nor a bare « ressources ».
_RESOURCES = Concept.of(
    "ressource|ressources pédagogiques|documentaires|numériques|métiers|utiles",
    "ressources en ligne",
    "centre|centres de ressources|documentation",
    "support|supports cours|pédagogique|pédagogiques|formation|remis|remise|imprimés|adaptés|"
    "numériques|accessibles|stagiaire|participant|papier|écrits|vidéo|projetés",
    "tous les supports",
    "livret|livrets stagiaire|pédagogique|apprenant|participant|formation|exercices",
    "polycopié|polycopiés|poly|polys",
    "diaporama|diaporamas|slides",
    "présentation|présentations powerpoint",
    "vidéo|vidéos|capsule|capsules|podcast|podcasts|replay|replays",
    "fiche|fiches pratiques|réflexes|synthèse|outils|produits|techniques|mémo|ONISEP|ROME|métiers",
    "documentation|documentations",
    "bibliothèque|médiathèque|bibliographie|ouvrages|revues",
    "manuel|manuels",
    "kit|kits pédagogique|pédagogiques|stagiaire|formation|participant",
    "mémo|mémos",
    "fiche|fiches méthode|méthodes|mémo|récapitulatives",
    r"re:\bcours (?:et exercices |sont )?(?:deposes|en ligne|disponibles|accessibles"
    r"|telechargeables|imprimes)\b",
    "cours et exercices",
    "exercice|exercices corrigés|téléchargeables",
    "étude|études de cas",
    "modèle|modèles modifiables|téléchargeables",
    "guide pas-à-pas",
    "classeur|classeurs personnel",
    "textes réglementaires",
    "mémento|mémentos",
    "bases|base métiers|documentaires",
    "quiz|quizz d'auto-évaluation",
)

#: What lets learners make the resources their own: access, onboarding, tutorials, a trainer
#: who shows or comments them, versions adapted to their needs.
_APPROPRIATION = Concept.of(
    "prise en main",
    "prendre en main",
    "tutoriel|tutoriels",
    "guide|guides démarrage|utilisation|apprenant|stagiaire",
    "premiers pas",
    "mode d'emploi",
    "identifiant|identifiants",
    "vos accès",
    "accès plateforme|espace|supports|ressources|vidéos|cours|documentation|ENT|centre|"
    "contenus|modules",
    "libre accès",
    "accès libre|illimité|permanent",
    r"re:\baccessibles? (?:24 ?h|en ligne|depuis|apres|jusqu|pendant|a tout moment)",
    r"re:\breste(?:nt)? (?:accessibles?|disponibles?)\b",
    r"re:\bdisponibles? (?:en|sur|dans|depuis|au|a l'|pendant|jusqu)\b",
    "téléchargeable|téléchargeables|télécharger",
    "montre|montrer|montrons|explique|expliquer|présente|présenter comment",
    r"re:\b(?:montre|montrer|explique|expliquer|presente|presenter)\w* (?:l'|a |aux )?"
    r"(?:utilisation|espace|plateforme|supports?|outils?|ressources)\b",
    "explique|explication l'utilisation",
    "comment utiliser|ouvrir",
    "sait|savent|sachent utiliser",
    r"re:\bs'assure\w* que (?:chacun|chaque|tous|les)\b",
    r"re:\b(?:vos|leurs|ses|les) acces\b",
    "séance|séances découverte|présentation|prise",
    "présentation plateforme|espace|supports|outils|ressources",
    "commenté|commentés|commentées|commentée",
    "classe virtuelle de lancement",
    "atelier|ateliers connexion|découverte|numérique",
    "test|tests connexion|configuration",
    r"re:\bverifie\w* que (?:chacun|chaque|tous)\b",
    "version|versions accessible|accessibles|adaptée|adaptées|audio",
    "gros caractères",
    "supports adaptés",
    "consulter",
    "fait|faire le point",
    "accompagnement utilisation|numérique",
    "aide accès|connexion|utilisation",
    "remis|remise|remises|remet|envoyé|envoyés|envoyées début formation|session",
    "remis|remise|remises|remet|envoyé|envoyés|envoyées premier jour",
    "remis|remise|remises|remet|envoyé|envoyés|envoyées veille",
    "envoyé|envoyés|envoyée|envoyées mail|courriel|après",
    "dès le premier jour",
    "lecteur d'écran",
    "synthèse vocale",
)

#: Technical assistance for learners at a distance: a support service, a hotline, what to do
#: when the connection or the platform fails.
_TECH_HELP = Concept.of(
    "assistance|support|aide technique|informatique|numérique|numériques|connexion",
    "service|équipe support|informatique|technique",
    "hotline|hot-line",
    "helpdesk|help desk",
    "re:\\b(?:support|assistance|helpdesk|hotline|aide)[\\w.-]*@",
    "problème|problèmes|souci|soucis|difficulté|difficultés technique|techniques|connexion|"
    "accès|affichage|informatique",
    "en cas de panne|bug|problème|souci",
    "dépannage",
    "technicien|technicienne|techniciens|informaticien|informaticienne",
    "ticket|tickets",
    "chat support",
    "support niveau",
    "mot de passe oublié|perdu|refusé",
    "re:\\bbouton « ?aide\\b",
)

#: Pedagogical assistance at a distance: a tutor, a forum, a messaging service, a trainer who
#: answers questions within a stated delay.
_TEACHING_HELP = Concept.of(
    "assistance|accompagnement|suivi|soutien pédagogique|pédagogiques|individualisé|personnalisé",
    "tuteur|tutrice|tuteurs|tutrices|tuteur·rice|tutorat",
    "forum|forums",
    "messagerie|messageries",
    "formateur|formatrice référent|référente",
    "questions-réponses|questions réponses",
    "vos questions",
    "question|questions cours|contenu|exercice|exercices",
    r"re:\b(?:formateur|formatrice|tuteur|tutrice|consultante?|coach|expert)\w* "
    r"(?:vous )?repond",
    r"re:\brepond\w* (?:sous|par|dans|en moins|a vos)\b",
    r"re:\breponses? par\b",
    "rendez-vous téléphonique|individuel|visio",
    "classe|classes virtuelle|virtuelles questions|hebdomadaire|suivi",
    "corrections personnalisées|commentées",
    "coaching",
    r"re:\b(?:formateur|formatrice|tuteur|tutrice|consultante?)\w* (?:est |reste |sont )?"
    r"(?:joignables?|disponibles?)\b",
    "visio hebdomadaire",
    "temps d'échange",
)

#: The question « does this document hold a table of the learners' follow-up of distance
#: modules » (an LMS export: completion, progress, last connection, time spent).
TRACKING_TABLE = named_question(__name__, "tracking-table")

#: The columns of an LMS export that tell who followed what (header words, as data).
_TRACKING_ROLES = {
    "who": (
        "apprenant|apprenants|apprenante",
        "apprenti|apprentis",
        "stagiaire|stagiaires",
        "utilisateur|utilisateurs",
        "participant|participants",
        "nom",
        "learner",
        "user",
    ),
    "done": (
        "achèvement|achevé|achevée|achevées|achevés",
        "complétion|completion",
        "progression|avancement",
        "dernière connexion",
        "dernier accès",
        "last access",
        "temps passé|total|connexion",
        "activités terminées|achevées",
        "terminé|terminée",
        "score|scores",
        "connexion|connexions",
    ),
}


@document_question(TRACKING_TABLE)
def _tracking_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a table of the document names learners and what they followed (completion,
    progress, connections, time spent) and holds data rows."""
    return find_table(text, rows, _TRACKING_ROLES, ("who", "done")) is not None


#: Actual follow-up of distance modules, in a text: completion rates or reports, connection
#: logs, time connected, learners without connection and what was done about them.
_TRACKING_TEXT = Concept.of(
    "taux|taux achèvement|complétion|connexion|progression|réalisation",
    "rapport|rapports|relevé|relevés|export|exports|extrait achèvement|progression|"
    "connexions|individuel",
    "rapport|rapports|relevé|relevés activité apprenant|apprenants|stagiaire|stagiaires|"
    "apprenti|apprentis|individuel|individuels",
    "achèvement|achèvements activités|modules",
    "journal|journaux|historique|historiques|statistiques|traces|trace connexions|connexion",
    "temps de connexion",
    "temps passé",
    "dernière connexion",
    "sans connexion",
    r"re:\bn'a pas (?:ouvert|ete connecte)\w* (?:la plateforme|le module|l'ent)",
    "activités|modules terminées|terminés|achevées|achevés",
    "suivi|suivis avancement|progression|connexions|achèvement",
    "présence vérifiée",
    "relevé d'assiduité",
)

#: How a document says each item of indicator 19 (``items:`` of ``indicators/19.yaml``).
CONCEPTS: dict[str, Finder] = {
    "ressources": _RESOURCES,
    "appropriation": _APPROPRIATION,
    "assistance-technique": _TECH_HELP,
    "assistance-pedagogique": _TEACHING_HELP,
    "suivi-distance-effectif": (Reader(TRACKING_TABLE), _TRACKING_TEXT),
}

#: The items :func:`check_ressources_pedagogiques` judges (the others are the 2026 check's).
_RESOURCE_ITEMS = ("ressources", "appropriation", "assistance-technique", "assistance-pedagogique")


@mark.verifies("ressources-pedagogiques")
def check_ressources_pedagogiques(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Des ressources pédagogiques sont fournies et les bénéficiaires aidés à se les approprier.

    Décrivez les ressources (supports, documentation, vidéos) et comment les bénéficiaires y
    accèdent et sont aidés à les utiliser (tutoriels, prise en main, accompagnement). Pour des
    modules à distance (déclarez « modality: distance » ou « blended » dans les facts de
    rnq.yaml), l'assistance technique et pédagogique prévue par l'article D. 6313-3-1 du code du
    travail est exigée. Un brouillon ou un modèle vide ne prouve rien.

    EN: Teaching resources are provided and beneficiaries are helped to make them their own.

    Describe the resources (course materials, documentation, videos), how beneficiaries access them
    and how they are helped to use them (tutorials, onboarding, support). For distance modules
    (declare "modality: distance" or "blended" in the facts of rnq.yaml), the technical and
    teaching assistance required by article D. 6313-3-1 of the Code du travail is demanded. A
    draft or an empty template proves nothing.
    """
    judge_readable(
        evidence,
        CONCEPTS,
        indicator=19,
        referential=referential,
        facts=facts,
        target=unit,
        only=_RESOURCE_ITEMS,
        subject=msg("Ressources pédagogiques et appropriation", "Learning resources and their use"),
    )


@mark.verifies("suivi-distance-effectif")
def check_suivi_distance_effectif(
    unit: Unit,
    evidence: EvidenceSet,
    audit_date: dt.date,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Le suivi effectif des modules à distance par les apprenants est vérifié (2026).

    Exigé lorsque des modules sont réalisés à distance (« modality: distance » ou « blended »
    dans les facts de rnq.yaml) ; texte 2026 provisoire : son absence est « à confirmer ».
    Joignez des traces du suivi réel des modules à distance : export d'achèvement des activités
    ou des connexions de la plateforme (par exemple avec le collecteur rnq-moodle), rapport
    d'activité par apprenant, relevé des connexions. Une trace de moins d'un an est une règle
    indicative de rnq (point de vigilance).

    EN: Learners' actual completion of the distance-learning modules is monitored (2026).

    Demanded where modules are delivered at a distance ("modality: distance" or "blended" in the
    facts of rnq.yaml); the 2026 text is provisional: its absence reads "to confirm". Attach
    records of the actual follow-up of distance modules: an export of activity completion or of
    the platform's logins (for example with the rnq-moodle collector), an activity report per
    learner, a log of connections. A record less than a year old is a rule of thumb of rnq (a
    point of vigilance).
    """
    readable(evidence, 19)
    items = demanded(referential, 19, unit, only=("suivi-distance-effectif",))
    condition = items[0].condition if items else None
    if condition is None:
        return  # a version of the referential without the 2026 addition
    item = items[0]
    distance = facts.holds(condition)
    place = where(unit)
    if distance is False:
        skip(
            msg(
                f"Aucun module à distance déclaré ({place.fr}).",
                f"No distance module declared ({place.en}).",
            )
        )
    # follow-up records may be filed with indicator 12 (attendance) as well as 19
    records = evidence.filter(lambda e: (19 in e.indicators or 12 in e.indicators) and e.usable)
    judgement = assess(records, CONCEPTS, [item], facts)
    if judgement.found:
        _recent_tracking(records, judgement.read, referential, unit, audit_date)
        return
    if distance and not item.provisional:  # once the 2026 text is confirmed (data)
        raise Gap(
            msg(
                f"Suivi effectif des modules à distance ({place.fr}) : aucune trace de suivi "
                "(export d'achèvement ou de connexions, rapport d'activité) parmi les documents "
                f"lus ({files(judgement.read)}).",
                f"Distance modules actually followed ({place.en}): no tracking record "
                "(completion or connection export, activity report) among the documents read "
                f"({files(judgement.read)}).",
            ),
            evidence=judgement.read,
            items=[item.id],
        )
    _tracking_to_confirm(item, distance, judgement.read, place)


def _tracking_to_confirm(
    item: DemandedItem, distance: bool | None, read: list[str], place: Localized
) -> None:
    """Advice « à confirmer »: no follow-up record was found, under a provisional text (and,
    where the modality is not declared, naming the fact to declare)."""
    assert item.condition is not None
    shown = files(read) if read else "—"
    fact = FACT_TEXT[item.condition.fact]
    undeclared = (
        msg(
            f" Exigé seulement pour des modules à distance : déclarez {fact.fr} (facts: "
            f"{{modality: distance}} ou blended dans rnq.yaml).",
            f" Required only for distance modules: declare {fact.en} (facts: "
            "{modality: distance} or blended in rnq.yaml).",
        )
        if distance is None
        else msg("", "")
    )
    advise(
        msg(
            f"Suivi effectif des modules à distance ({place.fr}) : aucune trace de suivi "
            f"(export d'achèvement ou de connexions, rapport d'activité) parmi les documents lus "
            f"({shown}) — à confirmer : le texte 2026 qui l'exige est provisoire.{undeclared.fr}",
            f"Distance modules actually followed ({place.en}): no tracking record (completion "
            f"or connection export, activity report) among the documents read ({shown}) — to "
            f"confirm: the 2026 text requiring it is provisional.{undeclared.en}",
        ),
        confirm=True,
        items=[item.id],
        evidence=read,
        key=item.id,
    )


def _recent_tracking(
    records: EvidenceSet,
    read: list[str],
    referential: Referential,
    unit: Unit,
    audit_date: dt.date,
) -> None:
    """Advice (rnq's rule of thumb ``suivi-recent``) when every dated follow-up record is older
    than :data:`RECENT_MONTHS` at the audit date."""
    indicator = referential.indicator(19)
    if "suivi-recent" not in {i.id for i in indicator.items}:
        return
    finder = CONCEPTS["suivi-distance-effectif"]
    tracking: list[Evidence] = [
        s.item
        for s in sources_of(records)
        if s.path in read and s.draft() is None and s.states(finder)
    ]
    advise_if_stale(
        tracking,
        indicator.item("suivi-recent"),
        audit_date,
        target=unit,
        latest_what=msg("la dernière trace de suivi datée", "the latest dated follow-up record"),
        tail=msg("", ""),
    )
