"""Indicator 16 — Presentation to the certification (« Présentation à la certification »),
criterion 3.

Its built-in checks:

* :func:`check_presentation_certification` — candidates are presented to the certification in
  line with the certifying body's formal requirements; a provider that does not run the
  assessment shows that it directs the candidates to the assessor.
* :func:`check_inscription_dans_les_delais` — in the certifier's list of registered candidates
  (``rnq-exam-registrations``), no candidate was registered after the certifier's deadline.

Only the certifier's formal requirements are required (the wording and the niveau attendu); the
information given on how the assessment runs is an evidence example of the guide (advice), and
the registration to the session is demanded only where the provider presents the candidates
itself (``presents_candidates``). For a Répertoire spécifique certification a gap reads « à
confirmer » (whether 16 covers RS is not confirmed).
"""

from __future__ import annotations

from rnq.checks.exam_registrations import check_registered_in_time
from rnq.checks.helpers import (
    cert_provisional,
    files,
    readable,
    rs_note,
    unreadable_paths,
    where,
)
from rnq.checks.judging import Finder, Judgement, Reader, judge, stated
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg, not_verified
from rnq.match.french import Concept, term
from rnq.match.questions import document_question, named_question
from rnq.match.tables import find_table
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "EXIGENCES",
    "INSCRIPTION",
    "MODALITES",
    "NOT_ASSESSING",
    "ORIENTATION",
    "check_inscription_dans_les_delais",
    "check_presentation_certification",
]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

#: A statement that only sends the reader to the certifier's website states nothing itself
#: (« les épreuves se déroulent selon le règlement du certificateur (cf. site du certificateur) »).
_NOT_POINTING = r"(?![^\n]{0,80}\b(?:cf|voir)\b\.? (?:le |la |sur le )?site\b)"


def _here(text: str) -> str:
    """A term that does not count when its line only points to the certifier's website."""
    return "re:" + term(text) + _NOT_POINTING


#: Who the certifying authority is, in a provider's words.
_CERTIFIER = "certificateur|certificatrice|ministère|DREETS|rectorat|CPNE|CPNEFP|branche|jury"

#: How a document shows the certifier's formal requirements are known and applied (rules,
#: authorisation, assessment referential, minutes; for a VAE, the certifier asked for the
#: presentation conditions and the jury calendars).
EXIGENCES = Concept.of(
    _here(
        "règlement|règlements|règles|règle examen|examens|certification|épreuves|passage|"
        "session|sessions|validation|certificateur|certificatrice|jury"
    ),
    _here(
        "exigences|conditions|modalités|règles fixées|définies|imposées|prévues|établies "
        "certificateur|certificatrice|ministère|DREETS|rectorat|autorité|CPNE|branche"
    ),
    _here("guide|cahier|charte|procédure|procédures|instructions|consignes " + _CERTIFIER),
    _here(
        "conformément|conforme|conformes|respect|respectant|selon règles|règlement|règlements"
        "|référentiel|exigences|cahier|recommandation|recommandations"
    ),
    "référentiel évaluation|certification",
    "procès-verbal|procès-verbaux",
    "=PV",
    "habilité|habilitée|habilités|habilitation|agréé|agréée|agréés|agrément",
    "convention habilitation|partenariat",
    "organisme testeur",
    "testeur certifié|certifiés",
    "surveillant|surveillants agréé|agréés|formé|formés",
    "calendrier|calendriers jury|jurys",
    "conditions de présentation",
    "recevabilité",
    r"re:\blivret (?:1|2|i|ii)\b",
    "le certificateur autorise|exige|impose|prévoit|demande|valide|désigne",
    unless=("électrique|électriques", "demande d'habilitation", r"re:\ba (?:definir|venir)\b"),
)

#: How a provider that does not run the assessment shows it directs the candidates to the
#: assessor (guide V9: « il oriente l'apprenant vers l'évaluateur »).
ORIENTATION = Concept.of(
    "oriente|orientons|orientés|orientées|orientation|orientent|dirige|dirigeons|adressons "
    "centre|évaluateur|évaluatrice|certificateur|certificatrice|jury|DAVA|DREETS|rectorat"
    "|organisme",
    r"re:\b(?:pass|present|inscri|convoqu)\w*\b[^\n.;]{0,80}\bcentre (?:d'examens?|de passage"
    r"|agree|habilite|de test|evaluateur|partenaire)",
    r"re:\bcentre (?:d'examens?|de passage|agree|habilite)[^\n.;]{0,60}\b(?:coordonnees|contact"
    r"|adresse|inscri|convoc)",
    r"re:\b(?:inscri|depos|present)\w*[^\n.;]{0,40}\b(?:lui-meme|elle-meme|eux-memes|elles-memes"
    r"|individuellement|directement aupres)",
    "candidat|candidats libre|libres",
)

#: How a provider says it does not run the assessment itself (« nous n'organisons pas les
#: examens »): a negative statement that is the information.
NOT_ASSESSING = Concept.of(
    r"re:\bn'(?:organis|assur|realis|present|inscri)\w*\s+pas\b[^\n.;]{0,40}\b(?:evaluation"
    r"|examens?|epreuves|certification|sessions?|jurys?|candidats)",
    negative_is_information=True,
)

#: How a document shows the candidates are registered to the session (proof of registration,
#: notice to attend).
INSCRIPTION = Concept.of(
    "inscription|inscriptions|inscrit|inscrits|inscrite|inscrites|inscrire|inscrivons|inscrivent "
    "session|sessions|examen|examens|épreuve|épreuves|jury|test|certification|passage",
    "inscription|inscriptions|inscrit|inscrits plateforme|extranet|logiciel|application "
    "certificateur|certificatrice|ministérielle|Cyclades",
    "candidats|candidates inscrits|inscrites",
    "liste des candidats",
    "convocation|convocations",
    "convoqué|convoquée|convoqués|convoquées",
    "confirmation d'inscription",
    unless=(
        r"re:\binscriptions? (?:a|en) (?:la |une )?formation\b",
        "bulletin d'inscription",
        r"re:\ba (?:definir|venir|completer)\b",
    ),
)

#: The columns of a register of candidates registered to a session.
REGISTRATION_ROLES = {
    "candidate": ("candidat", "nom", "stagiaire", "apprenant"),
    "registered": ("inscription", "inscrit", "date d'inscription", "statut", "convocation"),
    "session": ("session", "examen", "épreuve", "certification"),
}

#: The question « does this document hold a register of candidates registered to a session ».
REGISTRATION_TABLE = named_question(__name__, "registration-table")


@document_question(REGISTRATION_TABLE)
def _registration_table(text: str | None, rows: list[list[str]] | None) -> bool:
    """Whether a table lists candidates with their session and their registration."""
    return (
        find_table(text, rows, REGISTRATION_ROLES, ("candidate", "registered", "session"))
        is not None
    )


#: How a document tells candidates how the certifying assessment runs (an evidence example).
MODALITES = Concept.of(
    _here("épreuve|épreuves"),
    _here("examen|examens"),
    "jury|jurys",
    "déroulement|déroulé|déroulera|déroulent examen|épreuve|épreuves|session|certification|jury",
    "comment se passe|passera|déroule",
    "nature et durée",
    "évaluation|évaluations certificative|certificatives",
    "CCF",
    "contrôle en cours de formation",
    "entretien final",
    "test de certification",
    "passage certification|titre|épreuve|examen",
    unless=(r"re:\ba (?:definir|venir|preciser)\b",),
)

#: How a document states each item of indicator 16 (``items:`` of ``indicators/16.yaml``). The
#: certifier's requirements are also met, for a provider that does not present the candidates
#: itself, by showing it directs them to the assessor.
CONCEPTS: dict[str, Finder] = {
    "exigences-certificateur": (EXIGENCES, ORIENTATION, NOT_ASSESSING),
    "modalites-evaluation-certificative": MODALITES,
    "inscription-session": (INSCRIPTION, Reader(REGISTRATION_TABLE)),
}


def _advise_orientation(
    docs: EvidenceSet, offering: Offering, facts: TargetFacts, judgement: Judgement
) -> None:
    """Where the candidates are directed to the assessor and nobody declared whether the
    provider presents them itself, say what to declare."""
    if facts.value("presents_candidates") is not None or not stated(
        docs, (ORIENTATION, NOT_ASSESSING)
    ):
        return
    place = where(offering)
    read = files(judgement.read)
    advise(
        msg(
            f"Pour la {place.fr}, les candidats sont orientés vers l'évaluateur (lu dans : "
            f"{read}) : si vous ne les présentez pas vous-même, déclarez-le (facts: "
            "{presents_candidates: false} dans rnq.yaml) et gardez la trace de cette orientation "
            "(coordonnées du centre d'examen, calendrier des sessions transmis).",
            f"For {place.en}, the candidates are directed to the assessor (read in: {read}): if "
            "you do not present them yourself, declare it (facts: {presents_candidates: false} in "
            "rnq.yaml) and keep a record of this (exam centre's details, session calendar sent).",
        ),
        confirm=True,
        items=["exigences-certificateur"],
        evidence=judgement.read,
        key="orientation-evaluateur",
    )


def _unless_unreadable(gap: Gap, evidence: EvidenceSet, offering: Offering) -> None:
    """Not verified rather than ``gap`` when some of the offering's evidence for 16 could not be
    read; nothing otherwise (the caller raises the gap)."""
    unread = unreadable_paths(evidence, 16)
    if unread:
        place = where(offering)
        not_verified(
            msg(
                f"{gap.message.fr} — {len(unread)} document(s) illisible(s) ({place.fr}) "
                "peuvent le contenir.",
                f"{gap.message.en} — {len(unread)} unreadable document(s) ({place.en}) may "
                "hold it.",
            ),
            evidence=unread,
        )


@mark.verifies("presentation-certification")
def check_presentation_certification(
    offering: Offering,
    evidence: EvidenceSet,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """La présentation à la certification respecte les exigences formelles du certificateur.

    Dans le dossier de la prestation certifiante, montrez que vous connaissez et appliquez les
    exigences formelles du certificateur (règlement d'examen ou de certification, habilitation
    ou convention, référentiel d'évaluation, procès-verbaux ; en VAE, les conditions de
    présentation et calendriers des jurys demandés au certificateur). Si vous n'organisez pas
    l'évaluation, montrez que vous orientez le candidat vers l'évaluateur (et déclarez
    « presents_candidates: false »). Si vous présentez vous-même les candidats
    (« presents_candidates: true »), joignez la preuve de leur inscription à la session
    (convocation, liste des inscrits). Conseil : l'information remise aux candidats sur le
    déroulement des épreuves.

    EN: Candidates are presented for certification in line with the certifying body's formal
    requirements.

    In the certifying offering's folder, show that you know and apply the certifying body's formal
    requirements (exam or certification rules, habilitation or agreement, assessment standard,
    procès-verbaux; for a VAE, the presentation conditions and jury calendars asked of the
    certifying body). If you do not organise the assessment, show that you direct the candidate to
    the assessor (and declare "presents_candidates: false"). If you present the candidates yourself
    ("presents_candidates: true"), attach proof of their registration for the session (notice,
    list of registered candidates). Advice: the information given to candidates on how the tests
    run.
    """
    docs = readable(evidence, 16)
    code = (offering.certification or "").strip()
    concepts = dict(CONCEPTS)
    if facts.value("presents_candidates") is True:
        concepts["exigences-certificateur"] = EXIGENCES  # it presents them: no orientation
    try:
        judgement = judge(
            docs,
            concepts,
            indicator=16,
            referential=referential,
            facts=facts,
            target=offering,
            subject=msg(
                f"Présentation à la certification {code}",
                f"Presentation to the certification {code}",
            ),
        )
    except Gap as gap:
        # A scan for 16 may hold what the readable evidence (the certifier's list of candidates,
        # say) lacks: not verified rather than a gap (SPEC §4: an NC needs a verified absence).
        _unless_unreadable(gap, evidence, offering)
        rs = rs_note(offering)
        raise Gap(
            msg(f"{gap.message.fr}{rs.fr}", f"{gap.message.en}{rs.en}"),
            evidence=gap.evidence,
            items=gap.items,
            provisional=cert_provisional(offering),
        ) from None
    _advise_orientation(docs, offering, facts, judgement)


@mark.verifies("presentation-certification")
def check_inscription_dans_les_delais(
    offering: Offering, evidence: EvidenceSet, facts: TargetFacts, config: WorkspaceConfig
) -> None:
    """Chaque candidat est inscrit à la session de certification avant la date limite du
    certificateur (liste des candidats inscrits).

    Quand la liste des candidats exportée de la plateforme du certificateur est lue (collecteur
    « exam-registrations »), rnq compare, prestation par prestation, la date d'inscription de
    chaque candidat à la date limite : celle de la ligne (« Date limite d'inscription ») ou, à
    défaut, la date de session moins le délai du certificateur (réglage « deadline_days »,
    30 jours par défaut — ce défaut, propre à rnq, ne donne qu'un point « à confirmer »). Un
    candidat inscrit après la date limite est un écart qui le nomme si
    vous déclarez présenter vous-même les candidats (fait « presents_candidates: true »), un
    point « à confirmer » sinon. Sans export, rien n'est vérifié ici.

    EN: Every candidate is registered to the certification session before the certifier's
    deadline (list of registered candidates).

    When the list of candidates exported from the certifier's platform is read (collector
    "exam-registrations"), rnq compares, offering by offering, each candidate's registration date
    with the deadline: the row's own ("Date limite d'inscription") or else the session date less
    the certifier's notice (setting "deadline_days", 30 days by default). A candidate registered
    after the deadline is a gap naming them where you declare that you present the candidates
    (fact « presents_candidates: true »), a point « to confirm » otherwise. Without an export,
    nothing is checked here.
    """
    unit = next((u for u in config.units if offering in u.offerings), None)
    declared = unit is not None and any(
        "deadline_days" in c.settings for c in unit.collectors if c.use == "exam-registrations"
    )
    try:
        check_registered_in_time(offering, evidence, days_declared=declared)
    except Gap as gap:
        if facts.value("presents_candidates") is True:
            raise
        # The registration is the provider's to make only where it presents the candidates
        # itself (item inscription-session, conditional on presents_candidates): undeclared or
        # false, the late registration is « à confirmer », never a gap (SPEC §4).
        raise Gap(
            msg(
                f"{gap.message.fr} À confirmer : déclarez « presents_candidates: true » si vous "
                "présentez vous-même les candidats à la certification.",
                f"{gap.message.en} To confirm: declare 'presents_candidates: true' if you "
                "present the candidates to the certification yourself.",
            ),
            evidence=gap.evidence,
            items=gap.items,
            provisional=True,
        ) from None
