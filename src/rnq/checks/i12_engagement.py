"""Indicator 12 — Engagement and drop-out prevention (« Engagement des bénéficiaires et prévention
des ruptures »), criterion 3.

Its built-in checks:

* :func:`check_engagement_abandons` — measures to keep beneficiaries engaged and to prevent
  drop-outs are described and applied.
* :func:`check_prevention_violences` — violence, harassment and discrimination: prevention and
  handling are organised (2026).
"""

from __future__ import annotations

from rnq.checks.helpers import (
    Term,
    Text,
    body_text,
    files_read,
    folded_text,
    mentions,
    readable,
    require,
    unreadable_paths,
    where,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.workspace.config import Unit

__all__ = ["check_engagement_abandons", "check_prevention_violences"]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"


_ENGAGEMENT = Term.of(
    "les mesures favorisant l'engagement",
    "the measures that foster engagement",
    r"engagement",
    r"motivation",
    r"implication",
    r"interacti",
    r"participati",
    r"ludi",
    r"classe virtuelle",
    r"forum",
    r"tutorat",
)


_DETECTION = Term.of(
    "le repérage des absences, du décrochage ou des abandons",
    "how absences, disengagement or drop-outs are detected",
    r"absence",
    r"assiduite",
    r"decroch",
    r"abandon",
    r"rupture",
    r"inactivite",
    r"interruption",
    r"non[- ]connexion",
)


_ACTION = Term.of(
    "les actions menées (relances, entretiens, médiation)",
    "the actions taken (reminders, interviews, mediation)",
    r"relance",
    r"rappel",
    r"entretien",
    r"mediation",
    r"remobilis",
    r"alerte",
    r"contact (telephonique|avec)",
    r"appel",
)


#: Traces that the measures are applied, not only described.
_TRACES = (
    r"journal",
    r"relances? (effectuee|realisee|du|le)",
    r"compte[- ]rendu",
    r"tableau de (suivi|bord)",
    r"historique",
    r"taux d'(achevement|assiduite|abandon|presence)",
)


def _short_trainings_only(unit: Unit) -> bool:
    durations = [o.duration_days for o in unit.offerings]
    return bool(durations) and all(d is not None and d <= 2 for d in durations)


def _applied(docs: EvidenceSet, folded: Text) -> bool:
    return (
        any(e.rows for e in docs)
        or any(e.kind == "emargement" for e in docs)
        or any(e.kind == "attestation" and e.by and e.date for e in docs)
        or mentions(folded, *_TRACES)
    )


@mark.verifies("engagement-abandons")
def check_engagement_abandons(unit: Unit, evidence: EvidenceSet) -> None:
    """Les mesures d'engagement et de prévention des ruptures sont décrites et appliquées.

    Décrivez les mesures (méthodes actives, tutorat, repérage des absences et du décrochage,
    relances, entretiens, médiation) et gardez-en les traces : journal des relances, tableau de
    suivi de l'assiduité, export des connexions de la plateforme, comptes rendus d'entretien.

    EN: Measures to keep beneficiaries engaged and to prevent drop-outs are described and applied.

    Describe the measures (active methods, tutoring, spotting absences and disengagement, reminders,
    interviews, mediation) and keep records of them: log of reminders, attendance tracking table,
    export of the platform's logins, interview reports.
    """
    docs = readable(evidence, 12)
    folded = folded_text(docs, unit)
    # The "over two days" condition is provisional: a gap on a unit whose offerings all last two
    # days or less rests on it.
    provisional = _short_trainings_only(unit)
    require(
        folded,
        [_ENGAGEMENT, _DETECTION, _ACTION],
        subject=msg(
            "Engagement et prévention des ruptures"
            + (" (prestations de 2 jours ou moins : condition provisoire)" if provisional else ""),
            "Engagement and drop-out prevention"
            + (" (offerings of 2 days or less: provisional condition)" if provisional else ""),
        ),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(12,),
        provisional=provisional,
    )
    if not _applied(docs, folded):
        place = where(unit)
        raise Gap(
            msg(
                f"Engagement et prévention des ruptures ({place.fr}) : les mesures sont décrites "
                f"mais leur mise en œuvre n'est pas tracée (documents lus : {files_read(docs)}) ; "
                "joignez un journal des relances, un suivi d'assiduité ou un export de connexions.",
                f"Engagement and drop-out prevention ({place.en}): the measures are described "
                f"but their application is not traced (documents read: {files_read(docs)}); add "
                "a reminder log, an attendance follow-up or a connection export.",
            ),
            evidence=docs.paths(),
            provisional=provisional,
        )


_THEME = (
    r"violence",
    r"harcelement",
    r"discrimination",
    r"sexiste",
    r"\bvss\b",
    r"agissements? sexistes?",
)


_PREVENTION = Term.of(
    "les mesures de prévention (sensibilisation, charte, information)",
    "the prevention measures (awareness, charter, information)",
    r"prevenir",
    r"prevention",
    r"sensibilis",
    r"charte",
    r"information des (apprenants|stagiaires|apprentis|beneficiaires)",
)


_WHO = Term.of(
    "qui contacter pour signaler une situation (référent, cellule d'écoute)",
    "whom to contact to report a situation (referent, listening unit)",
    r"referent",
    r"interlocut",
    r"cellule",
    r"signal",
    r"ecoute",
    r"alerte",
    r"contacter",
    r"defenseur des droits",
    r"\b3919\b",
    r"\b119\b",
)


_HANDLING = Term.of(
    "le traitement des situations (procédure, mesures de protection, suites)",
    "how cases are handled (procedure, protective measures, follow-up)",
    r"traitement",
    r"traite(e|es|s)?\b",
    r"enquete",
    r"mesures? (conservatoires?|de protection|disciplinaires?)",
    r"sanction",
    r"prise en charge",
    r"accompagnement de la victime",
    r"procedure",
)


def _on_theme(item: Evidence) -> bool:
    return item.kind == "attestation" or mentions(body_text([item]), *_THEME)


@mark.verifies("prevention-violences")
def check_prevention_violences(unit: Unit, evidence: EvidenceSet) -> None:
    """Violences, harcèlement et discriminations : prévention et traitement organisés (2026).

    Rédigez une procédure ou une charte de prévention des violences, du harcèlement et des
    discriminations qui dit qui contacter pour signaler une situation (référent, cellule d'écoute,
    coordonnées) et comment les situations sont traitées (recueil, protection, suites données), et
    diffusez-la aux bénéficiaires et aux équipes.

    EN: Violence, harassment and discrimination: prevention and handling are organised (2026).

    Write a procedure or a charter for preventing violence, harassment and discrimination that says
    whom to contact to report a situation (referent, listening service, contact details) and how
    situations are handled (reporting, protection, action taken), and circulate it to beneficiaries
    and staff.
    """
    docs = readable(evidence, 12, 14, 15)
    on_theme = docs.filter(_on_theme)
    place = where(unit)
    if not on_theme:
        unread = unreadable_paths(evidence, 12, 14, 15)
        if unread:
            not_verified(
                msg(
                    f"Prévention des violences ({place.fr}) : aucun document lisible n'en traite ; "
                    f"{len(unread)} document(s) illisible(s) peuvent le faire.",
                    f"Violence prevention ({place.en}): no readable document deals with it; "
                    f"{len(unread)} unreadable document(s) may do so.",
                ),
                evidence=unread,
            )
        raise Gap(
            msg(
                f"Prévention des violences ({place.fr}) : aucun document ne traite de la "
                "prévention et du traitement des violences, du harcèlement ou des "
                f"discriminations (documents lus : {files_read(docs)}).",
                f"Violence prevention ({place.en}): no document deals with preventing and "
                "handling violence, harassment or discrimination (documents read: "
                f"{files_read(docs)}).",
            ),
            evidence=docs.paths(),
        )
    require(
        folded_text(on_theme, unit),
        [_PREVENTION, _WHO, _HANDLING],
        subject=msg(
            "Prévention et traitement des violences, du harcèlement et des discriminations",
            "Prevention and handling of violence, harassment and discrimination",
        ),
        target=unit,
        docs=on_theme,
        evidence=evidence,
        numbers=(12, 14, 15),
    )
