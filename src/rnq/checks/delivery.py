"""Criterion 3, delivery: the conditions of delivery communicated (9), adapted delivery and
follow-up (10), assessment of achievement (11), engagement and drop-out prevention (12) and, from
rnq-2026, the prevention and handling of violence, harassment and discrimination (12, 14, 15).

The helpers at the top (:func:`require`, :func:`unit_categories`…) are shared with the other
content-check modules of this group (``means``, ``specific``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from rnq.checks._common import (
    Folded,
    Term,
    Text,
    labels,
    mentions,
    missing_terms,
    readable,
    text_of,
    where,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.referential.loader import Category
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit, WorkspaceConfig

__all__ = [
    "DISTANCE",
    "body_text",
    "check_adaptation_suivi",
    "check_conditions_deroulement",
    "check_engagement_abandons",
    "check_evaluation_acquis",
    "check_prevention_violences",
    "files_read",
    "folded_text",
    "require",
    "require_terms",
    "unit_categories",
    "unreadable_paths",
]

F = TypeVar("F", bound=Callable[..., Any])

# --- Shared helpers ---------------------------------------------------------------------------

#: How a document says the offering is (partly) delivered at a distance.
DISTANCE = (
    r"a distance",
    r"distanciel",
    r"\bfoad\b",
    r"e-? ?learning",
    r"\blms\b",
    r"moodle",
    r"plateforme",
    r"classe virtuelle",
)


def body_text(items: Iterable[Evidence]) -> Folded:
    """The folded text of ``items`` without the notes' front matter (``_common.text_of``)."""
    return text_of(items)


def unit_categories(unit: Unit, config: WorkspaceConfig) -> set[Category]:
    """The categories of actions a unit delivers: those of its offerings, else the provider's."""
    return {o.category for o in unit.offerings} or set(config.categories)


def unreadable_paths(evidence: EvidenceSet, *numbers: int) -> list[str]:
    """The evidence for ``numbers`` that exists but could not be read (scanned, damaged…)."""
    return [
        e.path
        for e in evidence
        if any(n in e.indicators for n in numbers) and not e.usable and e.kind != "attestation"
    ]


def files_read(docs: EvidenceSet | Sequence[Evidence], limit: int = 3) -> str:
    """« a.pdf, b.docx (+2) »: the files a finding rests on, for its message."""
    paths = [e.path for e in docs]
    shown = ", ".join(paths[:limit])
    return f"{shown} (+{len(paths) - limit})" if len(paths) > limit else shown


def folded_text(docs: EvidenceSet, target: Unit | Offering) -> Folded:
    """The folded text of ``docs``; not verified when none of them carries any text."""
    folded = body_text(docs)
    if folded.blank():
        place = where(target)
        not_verified(
            msg(
                f"Les preuves ({place.fr}) ne contiennent aucun texte lisible : "
                "le contenu ne peut pas être vérifié.",
                f"The evidence ({place.en}) holds no readable text: its content cannot be "
                "verified.",
            ),
            evidence=docs.paths(),
        )
    return folded


def require(
    folded: Text,
    terms: Sequence[Term],
    *,
    subject: Localized,
    target: Unit | Offering,
    docs: EvidenceSet,
    evidence: EvidenceSet,
    numbers: Sequence[int],
    provisional: bool = False,
) -> None:
    """Pass when ``folded`` mentions every term. Otherwise: not verified when some evidence for
    ``numbers`` could not be read (the missing item may be in it), else a gap naming the missing
    items and the files read."""
    missing = missing_terms(folded, terms)
    if not missing:
        return
    place, absent = where(target), labels(missing)
    unread = unreadable_paths(evidence, *numbers)
    if unread:
        not_verified(
            msg(
                f"{subject.fr} ({place.fr}) : introuvable dans les documents lisibles — "
                f"{absent.fr} ; {len(unread)} document(s) illisible(s) peuvent le contenir.",
                f"{subject.en} ({place.en}): not found in the readable documents — "
                f"{absent.en}; {len(unread)} unreadable document(s) may hold it.",
            ),
            evidence=unread,
        )
    raise Gap(
        msg(
            f"{subject.fr} ({place.fr}) : il manque {absent.fr} (documents lus : "
            f"{files_read(docs)}).",
            f"{subject.en} ({place.en}): missing {absent.en} (documents read: {files_read(docs)}).",
        ),
        evidence=docs.paths(),
        provisional=provisional,
    )


def require_terms(
    evidence: EvidenceSet,
    number: int,
    terms: Sequence[Term],
    *,
    subject: Localized,
    target: Unit | Offering,
    provisional: bool = False,
) -> None:
    """:func:`require` on the readable evidence for indicator ``number`` (the check is skipped
    when there is none: the presence check reports it)."""
    docs = readable(evidence, number)
    require(
        folded_text(docs, target),
        terms,
        subject=subject,
        target=target,
        docs=docs,
        evidence=evidence,
        numbers=(number,),
        provisional=provisional,
    )


# --- 9: conditions of delivery communicated -------------------------------------------------

_SCHEDULE = Term.of(
    "les horaires, dates ou le planning",
    "the timetable, dates or schedule",
    r"horaire",
    r"planning",
    r"calendrier",
    r"emploi du temps",
    r"\b\d{1,2} ?h(?: ?\d{2})?\b",
    r"dates? (de|des|du) (session|formation|cours|stage|regroupement)",
)
_PLACE = Term.of(
    "le lieu ou les modalités d'accès (site, plateforme)",
    "the place or access arrangements (premises, platform)",
    r"\blieux?\b",
    r"adresse",
    r"\bacces\b",
    r"\bsalles?\b",
    r"locaux",
    *DISTANCE,
)
_CONTACTS = Term.of(
    "les contacts (interlocuteurs pédagogiques et administratifs)",
    "the contacts (teaching and administrative)",
    r"contact",
    r"interlocut",
    r"referent",
    r"coordonnees",
    r"@[a-z0-9-]+\.[a-z]",
    r"\b0[1-9](?:[ .-]?\d{2}){4}\b",
    r"telephone",
)
_RULES = Term.of(
    "le règlement intérieur",
    "the internal rules",
    r"reglement interieur",
    r"regles de vie",
    r"charte (du stagiaire|des stagiaires|de l'apprenant|des apprenants)",
)
_PLATFORM = Term.of(
    "l'accès à la plateforme et l'assistance technique et pédagogique",
    "platform access and technical and teaching assistance",
    r"identifiant",
    r"connexion",
    r"assistance",
    r"hotline",
    r"support technique",
    r"tutorat",
)
_BC_ETHICS = Term.of(
    "les engagements déontologiques du bilan (consentement, confidentialité)",
    "the ethical commitments of the skills review (consent, confidentiality)",
    r"confidential",
    r"consentement",
    r"secret professionnel",
    r"deontolog",
)


@mark.verifies("conditions-deroulement")
def check_conditions_deroulement(
    unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig
) -> None:
    """Les bénéficiaires sont informés des conditions de déroulement de la prestation.

    Remettez aux bénéficiaires (livret d'accueil, convocation, règlement intérieur, CGU de la
    plateforme) un document qui donne les horaires ou le planning, le lieu ou l'accès à la
    plateforme, les contacts pédagogiques et administratifs et le règlement intérieur ; à distance,
    les modalités de connexion et l'assistance technique et pédagogique ; pour un bilan de
    compétences, les engagements de confidentialité et de consentement.

    EN: Beneficiaries are informed of how the offering will run (conditions de déroulement).

    Give beneficiaries a document (welcome booklet / livret d'accueil, notice to attend /
    convocation, internal rules / règlement intérieur, the platform's terms of use) that gives the
    timetable or schedule, the place or the access to the platform, the teaching and administrative
    contacts and the internal rules; for distance learning, how to connect and the technical and
    teaching support available; for a skills review (bilan de compétences), the confidentiality and
    consent commitments.
    """
    docs = readable(evidence, 9)
    folded = folded_text(docs, unit)
    categories = unit_categories(unit, config)
    terms = [_SCHEDULE, _PLACE, _CONTACTS]
    has_rules = any(e.kind == "reglement-interieur" for e in docs)
    if categories & {"AF", "CFA"} and not has_rules:
        terms.append(_RULES)
    if mentions(folded, *DISTANCE):
        terms.append(_PLATFORM)
    if "BC" in categories:
        terms.append(_BC_ETHICS)
    require(
        folded,
        terms,
        subject=msg("Conditions de déroulement communiquées", "Delivery conditions communicated"),
        target=unit,
        docs=docs,
        evidence=evidence,
        numbers=(9,),
    )


# --- 10: delivery, support and follow-up adapted ------------------------------------------

_FOLLOW_UP = Term.of(
    "le suivi des bénéficiaires",
    "the follow-up of learners",
    r"\bsuivi",
    r"point d'etape",
    r"bilan intermediaire",
    r"entretien (de suivi|individuel|intermediaire)",
)
_SUPPORT = Term.of(
    "l'accompagnement (référent, tutorat, entretiens)",
    "the support (referent, tutoring, interviews)",
    r"accompagn",
    r"tutorat",
    r"tuteur",
    r"referent",
    r"coach",
)
_ADAPTATION = Term.of(
    "l'adaptation aux profils (aménagements, individualisation, rythme)",
    "adaptation to profiles (arrangements, individual paths, pace)",
    r"adapt",
    r"amenagement",
    r"individualis",
    r"personnalis",
    r"rythme",
    r"sur mesure",
    r"groupes? de niveau",
    r"selon (le|son|leur|les) (profil|besoin|niveau)",
)


@mark.verifies("adaptation-suivi")
def check_adaptation_suivi(unit: Unit, evidence: EvidenceSet) -> None:
    """La prestation, l'accompagnement et le suivi sont mis en œuvre et adaptés aux bénéficiaires.

    Montrez comment le suivi est assuré (livret ou tableau de suivi, entretiens, référent) et
    comment la prestation est adaptée au profil de chacun (aménagements, parcours individualisé,
    rythme, groupes de niveau, plan de compensation pour les personnes en situation de handicap).

    EN: The offering, support and follow-up are delivered and adapted to the beneficiaries.

    Show how follow-up is ensured (follow-up booklet or table, interviews, referent) and how the
    offering is adapted to each person's profile (adjustments, individualised pathway, pace, level
    groups, compensation plan for people with disabilities).
    """
    require_terms(
        evidence,
        10,
        [_FOLLOW_UP, _SUPPORT, _ADAPTATION],
        subject=msg("Accompagnement et suivi adaptés", "Adapted support and follow-up"),
        target=unit,
    )


# --- 11: assessment of achievement ------------------------------------------------------------

_DURING = Term.of(
    "une évaluation en cours de prestation",
    "an assessment during the service",
    r"en cours de (formation|parcours|prestation|bilan|accompagnement|session|module)",
    r"intermediaire",
    r"formative?",
    r"controle continu",
    r"points? d'etape",
    r"progression",
    r"quiz",
    r"auto-? ?evaluation",
)
_END = Term.of(
    "une évaluation en fin de prestation",
    "an assessment at the end of the service",
    r"fin de (formation|parcours|prestation|bilan|accompagnement|session|module)",
    r"evaluation (finale|sommative|terminale)",
    r"a l'issue",
    r"\bexamens?\b",
    r"epreuves? (finale|de certification)",
    r"bilan final",
    r"document de synthese",
    r"attestation (de fin de formation|d'acquis|de competences)",
)
_OBJECTIVES = Term.of(
    "le lien avec les objectifs (acquis, compétences visées)",
    "the link with the objectives (learning outcomes, target skills)",
    r"objectif",
    r"\bacquis",
    r"competences? (visees|attendues|acquises|evaluees)",
)


@mark.verifies("evaluation-acquis")
def check_evaluation_acquis(unit: Unit, evidence: EvidenceSet) -> None:
    """L'atteinte des objectifs par les bénéficiaires est évaluée, en cours et en fin de prestation.

    Formalisez un processus d'évaluation des acquis au regard des objectifs : évaluations en
    cours de prestation (formatives, quiz, points d'étape) et en fin de prestation (évaluation
    finale, examen, document de synthèse), avec leurs résultats. Une enquête de satisfaction
    n'évalue pas l'atteinte des objectifs.

    EN: Whether beneficiaries reach the objectives is assessed, during and at the end of the
    offering.

    Formalise a process for assessing learning against the objectives: assessments during the
    offering (formative assessments, quizzes, progress reviews) and at its end (final assessment,
    exam, summary document), with their results. A satisfaction survey does not assess whether the
    objectives are reached.
    """
    docs = readable(evidence, 11)
    assessments = docs.filter(lambda e: e.kind != "enquete-satisfaction")
    if not assessments:
        place = where(unit)
        raise Gap(
            msg(
                f"Évaluation des acquis ({place.fr}) : seules des enquêtes de satisfaction sont "
                f"fournies ({files_read(docs)}) ; elles n'évaluent pas l'atteinte des objectifs.",
                f"Assessment of achievement ({place.en}): only satisfaction surveys are given "
                f"({files_read(docs)}); they do not assess whether objectives were reached.",
            ),
            evidence=docs.paths(),
        )
    folded = folded_text(assessments, unit)
    require(
        folded,
        [_DURING, _END, _OBJECTIVES],
        subject=msg("Évaluation de l'atteinte des objectifs", "Assessment of achievement"),
        target=unit,
        docs=assessments,
        evidence=evidence,
        numbers=(11,),
    )


# --- 12: engagement and drop-out prevention -------------------------------------------------

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


# --- rnq-2026, 12, 14 and 15: violence, harassment and discrimination -------------------------

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
