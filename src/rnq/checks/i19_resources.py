"""Indicator 19 — Learning resources and their appropriation (« Ressources pédagogiques et
appropriation »), criterion 4.

Its built-in checks:

* :func:`check_ressources_pedagogiques` — teaching resources are provided and beneficiaries are
  helped to make them their own.
* :func:`check_suivi_distance_effectif` — learners' actual completion of the distance-learning
  modules is monitored (2026).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rnq.checks.helpers import (
    DISTANCE,
    Term,
    body_text,
    files_read,
    folded_text,
    mentions,
    readable,
    remember,
    require,
    require_recent,
    where,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, skip
from rnq.match.questions import document_question, fold, named_question
from rnq.workspace.config import Unit

__all__ = ["check_ressources_pedagogiques", "check_suivi_distance_effectif"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"


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
    require_recent(
        records,
        audit_date,
        subject=("Suivi effectif des modules à distance", "Distance modules actually followed"),
        target=unit,
        provisional=True,
    )
