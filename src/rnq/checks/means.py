"""Criterion 4, means: people, equipment and premises (17), coordination of contributors (18),
learning resources and their use (19; from rnq-2026, distance modules actually followed) and the
CFA's dedicated staff and improvement council (20; from rnq-2026, its steering and governance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rnq.checks._common import (
    Term,
    current,
    fold,
    mentions,
    readable,
    remember,
    stale_note,
    where,
)
from rnq.checks.delivery import DISTANCE, body_text, files_read, folded_text, require, require_terms
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, skip
from rnq.match.questions import document_question, named_question
from rnq.workspace.config import Unit

__all__ = [
    "check_coordination_intervenants",
    "check_gouvernance_cfa",
    "check_moyens_locaux",
    "check_personnel_dedie_cfa",
    "check_ressources_pedagogiques",
    "check_suivi_distance_effectif",
]

#: Months after which a meeting record, a council's minutes or a follow-up export no longer shows
#: current practice (a heuristic, said as such).
RECENT_MONTHS = 12


def _latest(items: list[Evidence]) -> dt.date | None:
    dates = [e.date for e in items if e.date is not None]
    return max(dates) if dates else None


def _require_recent(
    items: list[Evidence],
    audit_date: dt.date,
    *,
    subject: tuple[str, str],
    target: Unit,
    provisional: bool = False,
) -> None:
    """A gap when every dated record of ``items`` is older than :data:`RECENT_MONTHS` at the
    audit date (undated records are not judged)."""
    dated = [e for e in items if e.date is not None]
    if not dated or any(
        current(e.kind, e.date, e.valid_until, {}, audit_date, RECENT_MONTHS) for e in dated
    ):
        return
    latest = _latest(dated)
    assert latest is not None
    place, note = where(target), stale_note()
    raise Gap(
        msg(
            f"{subject[0]} ({place.fr}) : le dernier document daté remonte au "
            f"{latest.isoformat()}, plus de {RECENT_MONTHS} mois avant l'audit "
            f"({audit_date.isoformat()}) — {note.fr}.",
            f"{subject[1]} ({place.en}): the latest dated record is from {latest.isoformat()}, "
            f"more than {RECENT_MONTHS} months before the audit ({audit_date.isoformat()}) — "
            f"{note.en}.",
        ),
        evidence=[e.path for e in dated],
        provisional=provisional,
    )


# --- 17: people, equipment and premises -------------------------------------------------------

_PEOPLE = Term.of(
    "les moyens humains (formateurs, encadrement)",
    "the people (trainers, supervision)",
    r"formateur",
    r"formatrice",
    r"intervenant",
    r"enseignant",
    r"equipe (pedagogique|administrative)",
    r"encadrement",
    r"tuteur",
    r"personnel",
)
_EQUIPMENT = Term.of(
    "les moyens techniques (équipements, matériel, plateforme)",
    "the equipment (devices, materials, platform)",
    r"equipement",
    r"materiel",
    r"ordinateur",
    r"poste informatique",
    r"videoprojecteur",
    r"logiciel",
    r"plateau technique",
    r"atelier",
    r"outils?\b",
    *DISTANCE,
)
_PREMISES = Term.of(
    "les locaux ou l'environnement de formation à distance",
    "the premises or the distance-learning environment",
    r"locaux",
    r"\bsalles?\b",
    r"\bsites?\b",
    r"batiment",
    r"accessibilite",
    r"\berp\b",
    *DISTANCE,
)


@mark.verifies("moyens-locaux")
def check_moyens_locaux(unit: Unit, evidence: EvidenceSet) -> None:
    """Des moyens humains, techniques et des locaux adaptés sont mis à disposition.

    Décrivez les moyens mobilisés pour les prestations de l'unité : les intervenants et
    l'encadrement, les équipements (matériel, logiciels, plateaux techniques, plateforme de
    formation) et les locaux (salles, accessibilité) ou l'environnement à distance.

    EN: Suitable human and technical resources and premises are provided.

    Describe the resources used for the unit's offerings: trainers and supervision, equipment
    (hardware, software, technical facilities, training platform) and premises (rooms,
    accessibility) or the distance-learning environment.
    """
    require_terms(
        evidence,
        17,
        [_PEOPLE, _EQUIPMENT, _PREMISES],
        subject=msg("Moyens humains, techniques et locaux", "People, equipment and premises"),
        target=unit,
    )


# --- 18: mobilising and coordinating contributors ---------------------------------------------

_IDENTIFIED = Term.of(
    "les intervenants identifiés avec leur fonction (organigramme, fiches de poste, liste)",
    "the contributors and their functions (organisation chart, job descriptions, list)",
    r"organigramme",
    r"fiches? de poste",
    r"liste des (intervenants|formateurs)",
    r"\broles?\b",
    r"fonctions?\b",
    r"responsable",
    r"referent",
    r"coordinat(eur|rice)",
)
_COORDINATED = Term.of(
    "la coordination (réunions, comités, échanges tracés)",
    "the coordination (meetings, committees, recorded exchanges)",
    r"reunion",
    r"comite",
    r"compte[- ]rendu",
    r"coordination",
    r"seminaire",
    r"point (hebdomadaire|mensuel|d'equipe)",
)
_MEETING = (r"reunion", r"compte[- ]rendu", r"comite", r"ordre du jour", r"releve de decisions")


@mark.verifies("coordination-intervenants")
def check_coordination_intervenants(unit: Unit, evidence: EvidenceSet, audit_date: dt.date) -> None:
    """Les intervenants internes et externes sont identifiés par fonction et coordonnés.

    Tenez un organigramme fonctionnel ou une liste des intervenants (pédagogiques, administratifs,
    référents) et gardez la trace de leur coordination : comptes rendus de réunions pédagogiques,
    comités, échanges avec les intervenants externes, datés de moins d'un an.

    EN: Internal and external staff (intervenants) are identified by role and coordinated.

    Keep a functional organisation chart or a list of staff (teaching, administrative, referents)
    and keep records of their coordination: minutes of teaching meetings, committees, exchanges with
    external staff, dated less than a year ago.
    """
    docs = readable(evidence, 18)
    require(
        folded_text(docs, unit),
        [_IDENTIFIED, _COORDINATED],
        subject=msg("Coordination des intervenants", "Coordination of contributors"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(18,),
    )
    meetings = [e for e in docs if mentions(body_text([e]), *_MEETING)]
    _require_recent(
        meetings,
        audit_date,
        subject=("Coordination des intervenants", "Coordination of contributors"),
        target=unit,
    )


# --- 19: learning resources and their use -----------------------------------------------------

_RESOURCES = Term.of(
    "les ressources mises à disposition (supports, documentation, vidéos)",
    "the resources provided (materials, documentation, videos)",
    r"supports?\b",
    r"ressources?",
    r"documentation",
    r"videos?",
    r"fiches? (pratiques?|techniques?)",
    r"cours\b",
    r"bibliotheque",
    r"mediatheque",
    r"manuels?",
)
_APPROPRIATION = Term.of(
    "les modalités d'appropriation (accès, prise en main, aide)",
    "how learners are helped to use them (access, onboarding, help)",
    r"\bacces",
    r"prise en main",
    r"tutoriel",
    r"guide (d'utilisation|de l'apprenant|du stagiaire)",
    r"mode d'emploi",
    r"assistance",
    r"accompagn",
    r"\baide\b",
    r"forum",
)
_TECH_HELP = Term.of(
    "l'assistance technique à distance (hotline, support)",
    "technical assistance at a distance (hotline, support)",
    r"assistance technique",
    r"support technique",
    r"hotline",
    r"helpdesk",
    r"aide (technique|a la connexion)",
    r"service informatique",
    r"assistance (par|au) (telephone|mail|courriel)",
)
_TEACHING_HELP = Term.of(
    "l'assistance pédagogique à distance (tuteur, forum, formateur référent)",
    "teaching assistance at a distance (tutor, forum, referent trainer)",
    r"assistance pedagogique",
    r"tuteur",
    r"tutrice",
    r"tutorat",
    r"accompagnement pedagogique",
    r"formateur referent",
    r"forum",
    r"questions? (au|aux) formateurs?",
)


@mark.verifies("ressources-pedagogiques")
def check_ressources_pedagogiques(unit: Unit, evidence: EvidenceSet) -> None:
    """Des ressources pédagogiques sont fournies et les bénéficiaires aidés à se les approprier.

    Décrivez les ressources (supports, documentation, vidéos) et comment les bénéficiaires y
    accèdent et sont aidés à les utiliser (tutoriels, prise en main, accompagnement) ; à distance,
    l'assistance technique et pédagogique prévue par l'article D. 6313-3-1 du code du travail.

    EN: Teaching resources are provided and beneficiaries are helped to make them their own.

    Describe the resources (course materials, documentation, videos), how beneficiaries access them
    and how they are helped to use them (tutorials, onboarding, support); for distance learning, the
    technical and teaching support required by article D. 6313-3-1 of the Code du travail.
    """
    docs = readable(evidence, 19)
    folded = folded_text(docs, unit)
    terms = [_RESOURCES, _APPROPRIATION]
    if mentions(folded, *DISTANCE):
        terms += [_TECH_HELP, _TEACHING_HELP]
    require(
        folded,
        terms,
        subject=msg("Ressources pédagogiques et appropriation", "Learning resources and their use"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(19,),
    )


# --- rnq-2026, 19: distance modules actually followed -----------------------------------------

#: Column headers of an LMS export that tell who followed what.
_TRACKING_HEADERS = (
    r"achev",
    r"completion",
    r"connexion",
    r"connection",
    r"last access",
    r"dernier acces",
    r"progression",
    r"temps (passe|de connexion)",
    r"\bpresent",
)
_TRACKING_TEXT = (
    r"taux d'achevement",
    r"taux de completion",
    r"(releve|journal|traces?|historique|statistiques?|suivi) (des |de )?connexions?",
    r"temps de connexion",
    r"derniere connexion",
    r"rapport d'activite",
    r"activites? (suivies|achevees)",
    r"modules? acheves?",
)


def _tracking(item: Evidence) -> bool:
    """Whether ``item`` records who actually followed the distance modules: an LMS export whose
    columns say completion or connections, or a text that reports them."""
    if not item.usable:
        return False
    return remember(item, _TRACKED, lambda: _tracked(item.text, item.rows))


_TRACKED = named_question(__name__, "tracking")


@document_question(_TRACKED)
def _tracked(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    if rows and mentions(fold(" ; ".join(rows[0])), *_TRACKING_HEADERS):
        return True
    return mentions(fold(text or ""), *_TRACKING_TEXT)


@mark.verifies("suivi-distance-effectif")
def check_suivi_distance_effectif(unit: Unit, evidence: EvidenceSet, audit_date: dt.date) -> None:
    """Le suivi effectif des modules à distance par les apprenants est vérifié (2026).

    Joignez des traces récentes du suivi réel des modules à distance : export d'achèvement des
    activités ou des connexions de la plateforme (par exemple avec le collecteur rnq-moodle),
    rapport d'activité par apprenant, relevé des connexions, datés de moins d'un an.

    EN: Learners' actual completion of the distance-learning modules is monitored (2026).

    Attach recent records of the actual follow-up of distance modules: an export of activity
    completion or of the platform's logins (for example with the rnq-moodle collector), an activity
    report per learner, a log of connections, dated less than a year ago.
    """
    docs = readable(evidence, 19)
    context = evidence.filter(lambda e: any(n in e.indicators for n in (9, 12, 17, 19)))
    records = [e for e in context if _tracking(e)]
    if not records and not mentions(body_text(context), *DISTANCE):
        skip(
            msg(
                f"Aucun module à distance mentionné ({where(unit).fr}).",
                f"No distance module mentioned ({where(unit).en}).",
            )
        )
    place = where(unit)
    if not records:
        raise Gap(
            msg(
                f"Suivi effectif des modules à distance ({place.fr}) : aucune trace de suivi "
                "(export d'achèvement ou de connexions, rapport d'activité) parmi les documents "
                f"lus ({files_read(docs)}).",
                f"Distance modules actually followed ({place.en}): no tracking record "
                "(completion or connection export, activity report) among the documents read "
                f"({files_read(docs)}).",
            ),
            evidence=docs.paths(),
            provisional=True,
        )
    _require_recent(
        records,
        audit_date,
        subject=("Suivi effectif des modules à distance", "Distance modules actually followed"),
        target=unit,
        provisional=True,
    )


# --- 20: CFA dedicated staff and improvement council ------------------------------------------

_COUNCIL = Term.of(
    "le conseil de perfectionnement (membres, dernier compte rendu)",
    "the improvement council (members, latest minutes)",
    r"conseil de perfectionnement",
)
_COUNCIL_MINUTES = Term.of(
    "le dernier compte rendu ou procès-verbal du conseil de perfectionnement",
    "the latest minutes of the improvement council",
    r"compte[- ]rendu",
    r"proces[- ]verbal",
    r"\bpv\b",
    r"releve de decisions",
)
_MOBILITY = Term.of(
    "le personnel dédié à la mobilité nationale et internationale",
    "the staff dedicated to national and international mobility",
    r"(referent|referente|charge|chargee|responsable|dedie|dediee|personnel|equipe|coordinat\w*)"
    r"\W+(?:\w+\W+){0,4}mobilite",
    r"mobilite\W+(?:\w+\W+){0,6}(referent|referente|charge|chargee|responsable|dedie|dediee)",
    r"erasmus",
)
_DISABILITY_REFERENT = Term.of(
    "le référent handicap",
    "the disability referent",
    r"referent(e)? (handicap|h\+|psh)",
    r"referent(e)? (de |pour )?l'accueil des personnes (en situation de )?handicap",
)
_CONTACT = Term.of(
    "les coordonnées du référent handicap",
    "the disability referent's contact details",
    r"@[a-z0-9-]+\.[a-z]",
    r"\b0[1-9](?:[ .-]?\d{2}){4}\b",
    r"telephone",
)


@mark.verifies("personnel-dedie-cfa")
def check_personnel_dedie_cfa(unit: Unit, evidence: EvidenceSet, audit_date: dt.date) -> None:
    """Le CFA a un personnel mobilité, un référent handicap et un conseil de perfectionnement.

    Présentez la liste des membres du conseil de perfectionnement et son dernier compte rendu
    (de moins d'un an), les personnes dédiées à la mobilité nationale et internationale avec les
    actions menées, et le nom et les coordonnées du référent handicap avec ses actions.

    EN: The CFA has mobility staff, a disability referent and a conseil de perfectionnement
    (advisory board).

    Present the list of members of the conseil de perfectionnement and its latest minutes (less than
    a year old), the people dedicated to national and international mobility with the actions
    carried out, and the name and contact details of the disability referent (référent handicap)
    with their actions.
    """
    docs = readable(evidence, 20)
    require(
        folded_text(docs, unit),
        [_COUNCIL, _COUNCIL_MINUTES, _MOBILITY, _DISABILITY_REFERENT, _CONTACT],
        subject=msg("Personnel dédié du CFA", "CFA dedicated staff"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(20,),
    )
    council = [e for e in docs if _COUNCIL.found_in(body_text([e]))]
    _require_recent(
        council,
        audit_date,
        subject=("Conseil de perfectionnement", "Improvement council"),
        target=unit,
    )


# --- rnq-2026, 20: steering and governance ------------------------------------------------------

_STEERING = Term.of(
    "le pilotage de la qualité de la formation (indicateurs, revue, tableau de bord)",
    "the steering of training quality (indicators, review, dashboard)",
    r"pilotage",
    r"tableau de bord",
    r"indicateurs?",
    r"revue (de direction|annuelle|qualite)",
)
_APPRENTICES = Term.of(
    "la participation des apprentis à la gouvernance",
    "apprentices taking part in governance",
    r"apprentis?\b",
    r"delegues?",
    r"representants? des (apprentis|alternants)",
)
_TRAINERS = Term.of(
    "la participation des formateurs à la gouvernance",
    "trainers taking part in governance",
    r"formateurs?",
    r"formatrices?",
    r"enseignants?",
)
_COMPANIES = Term.of(
    "la participation des entreprises à la gouvernance",
    "companies taking part in governance",
    r"entreprises?",
    r"employeurs?",
    r"maitres? d'apprentissage",
    r"branches? professionnelles?",
)
_GOVERNANCE = (
    r"conseil de perfectionnement",
    r"gouvernance",
    r"conseil d'administration",
    r"comite de pilotage",
    r"pilotage",
)


@mark.verifies("gouvernance-cfa")
def check_gouvernance_cfa(unit: Unit, evidence: EvidenceSet) -> None:
    """Pilotage du CFA avec apprentis, formateurs et entreprises dans sa gouvernance (2026).

    Montrez comment la formation est pilotée (indicateurs, revues) et que les apprentis, les
    formateurs et les entreprises siègent dans ses instances (composition et comptes rendus du
    conseil de perfectionnement ou du comité de pilotage).

    EN: The CFA is steered with apprentices, trainers and companies in its governance (2026).

    Show how training is steered (indicators, reviews) and that apprentices, trainers and companies
    sit on its bodies (membership and minutes of the conseil de perfectionnement or of the steering
    committee).
    """
    docs = readable(evidence, 20)
    governance = docs.filter(lambda e: mentions(body_text([e]), *_GOVERNANCE))
    target_docs = governance or docs
    require(
        folded_text(target_docs, unit),
        [_STEERING, _APPRENTICES, _TRAINERS, _COMPANIES],
        subject=msg(
            "Pilotage et gouvernance du CFA (texte 2026 provisoire)",
            "CFA steering and governance (provisional 2026 text)",
        ),
        target=unit,
        docs=target_docs,
        evidence=evidence,
        numbers=(20,),
        provisional=True,
    )
