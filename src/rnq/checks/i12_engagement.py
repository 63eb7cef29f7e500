"""Indicator 12 — Engagement and drop-out prevention (« Engagement des bénéficiaires et prévention
des ruptures »), criterion 3.

Its built-in checks:

* :func:`check_engagement_abandons` — measures to keep beneficiaries engaged and to prevent
  drop-outs are described and applied.
* :func:`check_prevention_violences` — violence, harassment and discrimination: prevention and
  handling are organised (2026).
* :func:`check_signalements_dans_les_delais` — every report in the reporting device's log was
  handled within the delay the procedure sets (2026; indicators 12 and 14, read in a log such as
  ``rnq-reports`` gives: :mod:`rnq.checks.reports`).

What is demanded, item by item (``items:`` of ``indicators/12.yaml``): measures that favour the
beneficiaries' engagement and measures that prevent drop-outs (the wording), and traces that they
are applied (niveau attendu: « des mesures formalisées existent et sont mises en œuvre »); the
guide's « relances, entretiens, médiation » are evidence examples (advice). From 1 November
2026, the prevention and the handling of violence, harassment and discrimination; whom to
contact to report is an example. The guide applies the indicator to trainings of more than two
days, a condition the data marks provisional: on a unit whose offerings all last two days or
less, what is missing reads « à confirmer » and never counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from rnq.checks.helpers import readable, unreadable_paths, where
from rnq.checks.i09_delivery_conditions import judge_unit
from rnq.checks.judging import Finder, Reader, stated
from rnq.checks.reports import check_reports
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.match.folding import fold
from rnq.match.french import Concept
from rnq.match.questions import document_question, named_question
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "check_engagement_abandons",
    "check_prevention_violences",
    "check_signalements_dans_les_delais",
]

#: The namespace of this module's check names (``rnq.checks.delivery::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.delivery"

#: What says a word is about something else: a contract's end, stock, a reference elsewhere.
_ELSEWHERE = (
    "stock|stocks",
    "lettre engagement",
    "engagements réciproques",
    "préavis",
    "mission de conseil",
    "contrat|contrats prestation|prestations|sous-traitance|vente|fourniture|location",
    "paiement|paiements|facture|factures|livraison|livraisons",
    r"re:\bcf\b",
)

#: An action taken on a date, a count of actions, a record of them.
_DATED_ACTION = (
    r"re:\b(?:appels?|relances?|sms|mails?|e-mails?|courriels?|entretiens?|rdv|rendez-vous|"
    r"messages?|visites?|points?|rappels?)\b[^\n;]{0,30}?\b\d{1,2}/\d{1,2}\b"
)

#: How a document says each item of the engagement check (``items:`` of ``indicators/12.yaml``);
#: the traces that the measures are applied are also read from dated tables
#: (:func:`_dated_records`).
_ENGAGEMENT: dict[str, Concept] = {
    "mesures-engagement": Concept.of(
        "engagement|implication|motivation|participation bénéficiaires|stagiaires|apprenants|"
        "apprentis|participants|stagiaire|apprenant",
        "favoriser|maintenir|soutenir|susciter|entretenir engagement|motivation|implication|"
        "participation",
        "motivé|motivée|motivés|mobilisé|mobilisés|mobiliser",
        "pédagogie|pédagogies|méthode|méthodes active|actives|participative|participatives|"
        "interactive|interactives|inductive|variées",
        "travaux|travail sous-groupes|groupe|groupes|binôme|binômes|équipe",
        "sous-groupes",
        "projet|projets concret|concrets|groupe|collectif|collectifs|école|tutoré|tutorés",
        "fil rouge",
        "ludique|ludiques|gamification|gamifié|gamifiés|jeu|jeux",
        "serious|escape game|games",
        "défi|défis|badge|badges|challenge|challenges",
        "classe|classes virtuelle|virtuelles",
        "forum|forums",
        "espace|espaces collaboratif|collaboratifs|partagé|partagés|échange|échanges",
        "tutorat|pairs|pair-à-pair",
        "tuteur|tutrice|tuteurs|tutrices",
        "interactif|interactifs|interactive|interactives|interactivité",
        "échanges groupe|entre pairs|entre participants",
        "ateliers|atelier de pairs",
        "carnet de bord",
        "co-construit|coconstruit|co-construits|coconstruits|co-construction|coconstruction",
        "témoignage|témoignages",
        "valorisation réussites|progrès",
        "acteur|actrice|acteurs parcours|formation",
        "envie venir|apprendre",
        "choisies|choisis par vous",
        "planning personnel",
        "mises en situation",
        "études de cas",
        "visites entreprises",
        unless=_ELSEWHERE,
    ),
    "prevention-ruptures": Concept.of(
        "abandon|abandons",
        "décrochage|décroche|décrochez|décrocher|décrocheur|décrocheurs",
        "rupture|ruptures parcours|contrat|formation",
        "interruption|interruptions",
        "absence|absences",
        "absent|absente|absents",
        "assiduité",
        "retard|retards",
        "inactivité|inactif|inactive|inactifs",
        "sans connexion",
        "pas connecté|connectée|connecté·e",
        r"re:\ben difficultes?\b",
        "signal|signaux d'alerte|faibles",
        "alerte|alertes",
        "démotivation|démotivé|démotivée",
        "risque|risques d'abandon|décrochage|rupture",
        "n'y arrive plus",
        "sans nouvelles",
        "pas de nouvelles",
        "annulés|annulé de suite",
        "prévenir ruptures|abandons|décrochage",
        "persévérance",
        unless=_ELSEWHERE,
    ),
    "mise-en-oeuvre": Concept.of(
        _DATED_ACTION,
        r"re:\b\d+ (?:appels?|relances?|entretiens?|sms|mails?|visites?|rendez-vous|reports?)\b",
        "appels|relances|entretiens|sms|mails passés|envoyés|envoyée|effectués|réalisés|menés",
        "relance|relances envoyée|envoyées|effectuée|effectuées|faite|faites",
        "suivi relances|appels|absences",
        "tableau|journal|registre|historique|fichier suivi|relances|appels|assiduité|absences",
        "journal|registre|historique",
        "compte rendu|comptes rendus",
        "présents",
        "situations suivies|clôturées",
        "taux abandon|assiduité|présence|achèvement|rupture|absentéisme",
        r"re:\babandons ?: ?\d",
        r"re:\bavons constate (?:votre|ton|l')absence",
        r"re:\bn'avons pas (?:reussi|pu) a vous joindre",
        "action|actions menée|menées|réalisée|réalisées",
        "bilan abandons|interruptions|ruptures",
        unless=(
            r"re:\b(?:est|sont|sera|seront) (?:saisie?s?|consignee?s?|enregistree?s?|notee?s?|"
            r"tracee?s?|reportee?s?) dans\b",
            r"re:\bcf\b",
            r"re:\b(?:sera|seront|va etre|vont etre) (?:mise?s? en place|creee?s?|tenue?s?|"
            r"utilisee?s?)\b|\bprevue?s?\b|\ba venir\b",
        ),
    ),
    "actions-relance": Concept.of(
        "relance|relances|relancé|relancée|relancer|relançons",
        "rappel|rappels|rappelle|rappelons|rappeler",
        "recontacte|recontactons|recontacter",
        "appel|appels|appelle|appelons|appeler",
        "contacte|contactons|contacter",
        "contact téléphonique",
        "joindre",
        "entretien|entretiens",
        "médiation|médiateur|médiatrice",
        "=SMS",
        "sms",
        "e-mail|mail|courriel",
        "point|points suivi|étape",
        "faire|fait|faites|faisons le point",
        "remobiliser|remobilisation",
        "rendez-vous",
        "visite|visites",
        "plan d'action",
        unless=_ELSEWHERE,
    ),
}

#: What says a violence item is a mere reference elsewhere (« cf. code du travail »).
_REFERENCE = (r"re:\bcf\b", r"re:\bvoir (?:le )?code\b")

#: How a document on violence says each item of the 2026 check (read in documents that deal with
#: violence, harassment or discrimination: :data:`THEME`).
_VIOLENCE: dict[str, Concept] = {
    "prevention-violences": Concept.of(
        "prévention|prévenir|préviennent",
        "sensibilisation|sensibiliser|sensibilisés|sensibilisées",
        "charte",
        "affiche|affiches|affichage|affiché|affichée|affichées",
        "information|informé|informée|informés|informées",
        "rappel|rappelé|rappelons|rappelées règles",
        "interdit|interdits|interdite|interdites|strictement",
        "tolérons|tolérance",
        "formation|formons formateurs|personnel|équipes|encadrants",
        "formons",
        "intervention|intervenante|intervenant association|spécialisée|partenaire",
        "association spécialisée|partenaire",
        "module|séance|séances|temps|atelier|ateliers sensibilisation|échange|respect|prévention",
        "jamais normal",
        "parlez-en",
        "victime ou témoin",
        "stop",
        "plan d'actions",
        unless=_REFERENCE,
    ),
    "traitement-violences": Concept.of(
        "traitement|traité|traitée|traités|traitées|traiter|traitons",
        "enquête|enquêtes",
        "mesure|mesures protection|conservatoire|conservatoires|disciplinaire|disciplinaires|"
        "prises|nécessaires",
        "sanction|sanctions|sanctionnons|sanctionné|sanctionnée",
        "procédure disciplinaire",
        "conseil de discipline",
        "avertissement|avertissements|exclusion|exclusions",
        "mise à pied",
        "reçu|reçue|reçoit|recevoir|reçus victime|personne|heures|jours",
        "entretien victime",
        "entendons|audition|auditionnées",
        "éloignement",
        "changement groupe|chambre|sous-groupe",
        "sous-groupe différent",
        "accusé de réception",
        "suites données",
        "suite signalement",
        "suites",
        "procureur",
        "plainte",
        "instruire|instruction faits",
        "protocole",
        "protéger",
        "accompagnement victime",
        "mesures prises",
        "point de suivi",
        unless=_REFERENCE,
    ),
    "contacts-signalement": Concept.of(
        "référent|référente|référents",
        "qui contacter",
        "signaler|signalement|signalements|signale",
        "contacter|contactez",
        "s'adresser|adressez-vous",
        "cellule|cellules écoute",
        "écoute",
        "défenseur des droits",
        r"re:\b(?:3919|3018|119|39 ?28)\b",
        r"re:[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}",
        r"re:\b0\d(?:[ .-]?\d\d){4}\b",
        "parlez-en",
        unless=_REFERENCE,
    ),
}

#: What a document on violence, harassment or discrimination says (the 2026 check reads these).
THEME = Concept.of(
    "violence|violences",
    "harcèlement|harceler|cyberharcèlement",
    "discrimination|discriminations|discriminatoire|discriminatoires|discriminer",
    "sexiste|sexistes|sexisme",
    "=VSS",
    "agissement|agissements sexistes",
    "raciste|racistes|racisme|homophobe|homophobes|homophobie",
    negative_is_information=True,
)

#: The question « is this document a table of dated records » (a log of calls, an attendance
#: sheet, an LMS completion export).
DATED_RECORDS = named_question(__name__, "dated-records")

_CELL_DATE = re.compile(r"\b(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})\b")


#: Header words of a table that records what was done for learners (not a session planning).
_RECORD_HEADERS = re.compile(
    r"absen|presen|assidu|relanc|appel|action|suivi|connexion|progress|achev|complet|emarg|"
    r"signature|entretien|alerte|motif|resultat|statut|interaction|observation|\bnotes?\b"
)


@document_question(DATED_RECORDS)
def _dated_records(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a document is a table that records what was done for learners (its header names
    absences, reminders, actions, connections, completion…) with at least one dated record."""
    del text
    if not rows or not _RECORD_HEADERS.search(fold(" ".join(map(str, rows[0])))):
        return False
    return any(
        any(_CELL_DATE.search(str(cell)) for cell in row)
        and sum(bool(str(cell).strip()) for cell in row) > 1
        for row in rows[1:]
    )


#: How a document says each item of indicator 12 (``items:`` of ``indicators/12.yaml``).
CONCEPTS: dict[str, Finder] = {
    **_ENGAGEMENT,
    "mise-en-oeuvre": (_ENGAGEMENT["mise-en-oeuvre"], Reader(DATED_RECORDS)),
    **_VIOLENCE,
}


def _short_trainings_only(unit: Unit) -> bool:
    """Every offering of the unit is declared to last two days or less."""
    durations = [o.duration_days for o in unit.offerings]
    return bool(durations) and all(d is not None and d <= 2 for d in durations)


def _short_note(unit: Unit) -> Localized:
    if not _short_trainings_only(unit):
        return msg("", "")
    return msg(
        " (prestations de 2 jours ou moins : l'indicateur s'applique aux formations de plus de "
        "2 jours selon le guide — condition provisoire, à confirmer)",
        " (offerings of 2 days or less: the guide applies the indicator to trainings over 2 "
        "days — a provisional condition, to confirm)",
    )


def _applied_by_kind(docs: EvidenceSet) -> bool:
    """An attendance sheet, or a dated and signed attestation, shows the measures are applied."""
    return any(
        e.kind == "emargement" or (e.kind == "attestation" and e.by and e.date) for e in docs
    )


def _provisional(gap: Gap, unit: Unit) -> Gap:
    """The same gap, resting on the provisional « over two days » condition where the unit's
    offerings all last two days or less (it then reads « à confirmer »)."""
    if not _short_trainings_only(unit):
        return gap
    note = _short_note(unit)
    return Gap(
        msg(gap.message.fr + note.fr, gap.message.en + note.en),
        evidence=gap.evidence,
        items=gap.items,
        provisional=True,
    )


@mark.verifies("engagement-abandons")
def check_engagement_abandons(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Les mesures d'engagement et de prévention des ruptures sont décrites et appliquées.

    Décrivez les mesures qui favorisent l'engagement (méthodes actives, projets, tutorat,
    espaces d'échange) et celles qui préviennent les ruptures (repérage des absences, du
    décrochage, des difficultés), et gardez les traces de leur mise en œuvre : journal des
    relances, tableau de suivi de l'assiduité, export des connexions de la plateforme, comptes
    rendus d'entretien. Relances, entretiens et médiation sont des exemples du guide. Selon le
    guide, l'indicateur vise les formations de plus de 2 jours (condition provisoire).

    EN: Measures to keep beneficiaries engaged and to prevent drop-outs are described and applied.

    Describe the measures that foster engagement (active methods, projects, tutoring, spaces to
    exchange) and those that prevent drop-outs (spotting absences, disengagement, difficulties),
    and keep records that they are applied: log of reminders, attendance tracking table, export of
    the platform's logins, interview reports. Reminders, interviews and mediation are examples of
    the guide. The guide aims the indicator at trainings over 2 days (a provisional condition).
    """
    docs = readable(evidence, 12)
    items = [i for i in _ENGAGEMENT if not (i == "mise-en-oeuvre" and _applied_by_kind(docs))]
    try:
        judge_unit(
            docs,
            CONCEPTS,
            indicator=12,
            unit=unit,
            evidence=evidence,
            referential=referential,
            facts=facts,
            only=items,
            subject=msg(
                "Engagement et prévention des ruptures", "Engagement and drop-out prevention"
            ),
        )
    except Gap as gap:
        raise _provisional(gap, unit) from None


def _on_theme(item: Evidence) -> bool:
    return item.kind == "attestation" or stated([item], THEME)


@mark.verifies("prevention-violences")
def check_prevention_violences(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Violences, harcèlement et discriminations : prévention et traitement organisés (2026).

    Rédigez une procédure, une charte ou un article du règlement intérieur sur la prévention des
    violences (dont sexistes et sexuelles), du harcèlement et des discriminations qui dit comment
    elles sont prévenues (sensibilisation, information, affichage) et comment les situations sont
    traitées (recueil, protection, enquête, suites données), avec qui contacter pour signaler, et
    diffusez-la. Les documents lus sont ceux des indicateurs 12, 14 et 15 qui traitent du sujet.

    EN: Violence, harassment and discrimination: prevention and handling are organised (2026).

    Write a procedure, a charter or an article of the internal rules on preventing violence
    (including sexist and sexual violence), harassment and discrimination that says how they are
    prevented (awareness, information, posters) and how situations are handled (reporting,
    protection, inquiry, action taken), with whom to contact to report, and circulate it. The
    documents read are those of indicators 12, 14 and 15 that deal with the subject.
    """
    docs = readable(evidence, 12, 14, 15)
    on_theme = docs.filter(_on_theme)
    subject = msg(
        "Prévention et traitement des violences, du harcèlement et des discriminations",
        "Prevention and handling of violence, harassment and discrimination",
    )
    if not on_theme:
        _nothing_on_violence(unit, docs, evidence)
    try:
        judge_unit(
            on_theme,
            CONCEPTS,
            indicator=12,
            unit=unit,
            evidence=evidence,
            referential=referential,
            facts=facts,
            only=list(_VIOLENCE),
            subject=subject,
        )
    except Gap as gap:
        raise _provisional(gap, unit) from None


@mark.verifies("signalements-traites")
def check_signalements_dans_les_delais(unit: Unit, evidence: EvidenceSet, today: dt.date) -> None:
    """Chaque signalement de violence, harcèlement ou discrimination est pris en charge dans le
    délai fixé par la procédure (2026).

    Tenez le journal anonymisé de votre dispositif de signalement (référence, date de réception,
    catégorie, accusé de réception, prise en charge, clôture — aucun nom) et prenez en charge
    chaque signalement dans le délai que fixe votre procédure (un accusé de réception en retard
    est un point de vigilance, pas un écart). Un signalement plus récent que ce délai, pas
    encore pris en charge, est en cours et n'est pas un écart. Sans journal, rien n'est vérifié
    ici.

    EN: Every report of violence, harassment or discrimination is handled within the delay the
    procedure sets (2026).

    Keep the anonymised log of your reporting device (reference, reception date, category,
    acknowledgement, handling, closing — no names) and handle each report within the delay your
    procedure sets (a late acknowledgement is a point of vigilance, not a gap). A report more
    recent than that delay, not yet handled, is in progress, not a gap. Without a log, nothing is
    checked here.
    """
    check_reports(evidence, today)


def _nothing_on_violence(unit: Unit, docs: EvidenceSet, evidence: EvidenceSet) -> None:
    place = where(unit)
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
    raise _provisional(
        Gap(
            msg(
                f"Prévention des violences ({place.fr}) : aucun document ne traite de la "
                "prévention et du traitement des violences, du harcèlement ou des "
                f"discriminations (documents lus : {', '.join(docs.paths()[:3])}).",
                f"Violence prevention ({place.en}): no document deals with preventing and "
                "handling violence, harassment or discrimination (documents read: "
                f"{', '.join(docs.paths()[:3])}).",
            ),
            evidence=docs.paths(),
            items=["prevention-violences", "traitement-violences"],
        ),
        unit,
    )
