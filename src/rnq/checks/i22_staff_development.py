"""Indicator 22 — Developing employees' competences (« Développement des compétences des
salariés »), criterion 5.

Its built-in checks:

* :func:`check_plan_developpement_competences` — the provider maintains and develops its staff's
  competences: training or professional-development actions, and the staff they concern.

Any lever counts (niveau attendu: « la mobilisation des différents leviers de formation et de
professionnalisation pour l'ensemble de son personnel »): a development plan, but also a
training log read by its headers (Salarié / Action / Date / Statut), training certificates,
professional interviews and their follow-up, practice-analysis groups, immersions, webinars; an
independent trainer (``solo_trainer: true``) shows their own continuing training. The plan
itself is an evidence example of the guide, and its date a rule of thumb of rnq: their absence
is a point de vigilance, never a gap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from rnq.checks.helpers import (
    current,
    folded_text,
    new_entrant_at_initial,
    readable,
    remember,
    unless_unreadable,
    where,
)
from rnq.checks.judging import Finder, Reader, judge, sources_of
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg, skip
from rnq.match.french import Concept
from rnq.match.questions import document_question, fold, named_question
from rnq.match.tables import find_table
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "PLAN_ROLES", "check_plan_developpement_competences"]

#: The namespace of this module's check names (``rnq.checks.staff::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.staff"


#: The columns of a training log or plan, named by their headers (an SIRH or spreadsheet export
#: names them in many ways): who is trained, what action, and one more column that makes it a
#: plan or a log (when, status, hours, funding, the provider, the person's job). A header naming
#: a signature, an initial training or a diploma is an attendance sheet or a trainers register
#: (``not-a-plan``, first so that it takes these cells).
PLAN_ROLES: Mapping[str, tuple[str, ...]] = {
    "not-a-plan": ("signature", "émargement", "formation initiale", "diplôme"),
    "who": (
        "salarié", "collaborateur", "nom", "prénom", "agent", "personnel", "employé",
        "formateur", "intervenant", "bénéficiaire", "qui",
    ),
    "what": (
        "action", "formation", "intitulé", "thème", "module", "stage", "objet", "programme",
        "sujet", "parcours", "dispositif",
    ),
    "when": ("date", "période", "session", "échéance", "mois", "année", "trimestre", "quand"),
    "status": ("statut", "état", "réalisé", "réalisation", "suivi", "avancement"),
    "hours": ("durée", "heures", "nb h", "jours", "volume"),
    "funding": ("financement", "coût", "budget", "prise en charge", "opco"),
    "provider": ("organisme", "prestataire", "animé par", "intervenant extérieur"),
    "job": ("poste", "fonction", "service", "emploi", "métier", "rôle"),
}  # fmt: skip

_MORE = ("when", "status", "hours", "funding", "provider", "job")


_PLAN_TABLE = named_question(__name__, "plan-table")


@document_question(_PLAN_TABLE)
def _plan_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether the document holds a table of training actions per person: a header naming who
    and what, and one more column (date, status, hours, funding, provider or job) — not an
    attendance sheet or a table of marks (``not-a-plan``)."""
    table = find_table(text, rows, PLAN_ROLES, ("who", "what"))
    return (
        table is not None
        and any(role in table.columns for role in _MORE)
        and "not-a-plan" not in table.columns
    )


_TABLE = Reader(_PLAN_TABLE)

#: Training or professional-development actions: the levers the guide names (training,
#: professional interviews, practice analysis, peer communities, immersions, CPF/VAE), as staff
#: plans, logs and certificates write them.
_ACTIONS = Concept.of(
    "formation continue",
    "formation|formations suivi|réalisé|prévu|planifié|programmé|financé|interne|externe",
    "formation|formations certifiant|qualifiant|diplômant|approfondi|obligatoire|complémentaire",
    "formation|formations formateur|formateurs|salarié|équipe|personnel|collaborateur",
    "formation|formations assistant|référent|référente|tuteur|nouveaux|arrivants",
    "formation|formations jours|jour|heures|journée|journées|demi-journée",
    "jours|heures|journée|journées formation|professionnalisation",
    "suivi|suivre|suivra|suivront|suit formation|formations|stage|module|parcours|session|cursus",
    "départ|départs en formation",
    "inscrit|inscrite|inscription formation|stage|session|parcours",
    "action|actions formation|professionnalisation|développement",
    "professionnalisation",
    "montée|montées en compétences",
    "développer|développement compétences",
    "maintien|actualisation compétences",
    "=MAC",
    "recyclage",
    "sensibilisation",
    "atelier|ateliers",
    "webinaire",
    "webinar",
    "MOOC",
    "e-learning",
    "colloque",
    "séminaire",
    "conférence",
    "congrès",
    "rencontres professionnelles",
    "participation|participé|participer salon|forum|rencontres|université|assises",
    "journée|journées pédagogique|étude|technique|thématique|professionnelle",
    "analyse pratiques|pratique",
    "groupe|groupes analyse",
    "=GAP",
    "échange|échanges pratiques|pratique",
    "communauté|communautés pratique|pairs",
    "supervision",
    "intervision",
    "codéveloppement",
    "co-développement",
    "tutorat",
    "mentorat",
    "binôme|binômes observation",
    "observation|observations croisée",
    "co-animation",
    "immersion|immersions",
    "stage|stages entreprise",
    "parcours intégration|professionnalisation|formation|certifiant|qualifiant",
    "VAE",
    "validation acquis expérience",
    "bilan|bilans compétences",
    "information|informé|informés|note CPF|VAE|CEP",
    "abondement",
    "projet transition professionnelle",
    "former formateur|formateurs|équipe|équipes|salarié|personnel|collaborateur|assistant",
    "salarié|salariés|formateur|formateurs|équipe|personnel|collaborateur formé",
    "se former",
    "certification formateur|formatrice",
    "autoformation",
    unless=("vos",),
)

#: Professional interviews (an evidence example of the guide): not when they are put off.
_INTERVIEWS = Concept.of(
    "entretien|entretiens professionnel|professionnels",
    "entretien|entretiens annuel|annuels",
    unless=("reporter", "annuler", "suspendre", "geler"),
)

#: The staff concerned: people named by their job, groups of staff, an independent trainer
#: about themself — not a client's employees.
_STAFF = Concept.of(
    "salarié|salariés",
    "collaborateur|collaborateurs",
    "employé|employés",
    "consultant|consultants",
    "formateur|formateurs",
    "intervenant|intervenants",
    "vacataire|vacataires",
    "assistant|assistants",
    "enseignant|enseignants",
    "professeur",
    "accompagnateur",
    "conseiller|conseillère",
    "coordinateur",
    "psychologue",
    "agent|agents",
    "toute|ensemble|membre équipe",
    "équipe|équipes pédagogique|administrative|permanente|enseignante|interne|qualité",
    "personnel administratif|pédagogique|enseignant|accueil|permanent|concerné|formé",
    "ensemble|tout|membre personnel",
    "chargé mission|accueil|relations|clientèle|projet|développement|communication|insertion",
    "responsable pédagogique|site|qualité|formation|administratif|agence|service|handicap",
    "référent|référente handicap|qualité|pédagogique|mobilité|numérique",
    "direction",
    "directeur",
    "gérant",
    "dirigeant",
    "nouvel|nouveaux arrivant|arrivants",
    "ma formation continue",
    "mon|ma propre",
    "moi-même",
    "employeur",
    r"re:\b(?:atteste|attestons|certifie|certifions)\b[^.;\n]{0,80}"
    r"\ba (?:suivi|participe|assiste)\b",
    unless=("vos", "votre", "client", "clients"),
)

#: The plan itself (an evidence example of the guide).
_PLAN = Concept.of(
    "plan développement compétences",
    "plan|plans formation",
    "PDC",
    "plan professionnalisation",
    "plan annuel formation",
    "plan montée compétences",
    "programme annuel formation",
)


#: How a document says each item of indicator 22 (``items:`` of ``indicators/22.yaml``); the
#: plan's date (``plan-a-jour``) is read by the check itself.
CONCEPTS: dict[str, Finder] = {
    "actions-developpement": (_ACTIONS, _INTERVIEWS, _TABLE),
    "personnel-concerne": (_STAFF, _TABLE),
    "plan-document": _PLAN,
}

_REQUIRED = ("actions-developpement", "personnel-concerne")

#: Months after which a plan is taken as out of date when ``freshness`` sets no rule for
#: ``plan-competences`` (a rule of thumb of rnq).
PLAN_MONTHS = 12

_YEARS = re.compile(r"\b(20\d\d)\s*(?:-|/|a|au|–)\s*(20\d\d)\b")


def _covers(item: Evidence, year: int) -> bool:
    """True when the plan's title (path or first lines) names the audit year or a period
    including it (« Plan 2026 », « PDC 2025-2027 »)."""
    head = remember(item, "\x00head300", lambda: fold(f"{item.path}\n{(item.text or '')[:300]}"))
    for start, end in _YEARS.findall(head):
        if int(start) <= year <= int(end):
            return True
    return str(year) in re.findall(r"\b20\d\d\b", head)


@mark.verifies("developpement-competences")
def check_plan_developpement_competences(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """Le prestataire entretient et développe les compétences de ses salariés.

    Montrez les actions de formation ou de professionnalisation et les personnels qu'elles
    concernent : plan de développement des compétences, tableau de suivi des formations
    (Salarié / Action / Date / Statut), attestations de formation, entretiens professionnels et
    leurs suites, analyse des pratiques, immersions… Un formateur indépendant (facts:
    {solo_trainer: true}) montre sa propre formation continue. Le plan lui-même et sa date sont
    des points de vigilance, pas des exigences. Un brouillon ou un modèle vide ne prouve rien.

    EN: The provider maintains and develops its employees' competences.

    Show the training or professional-development actions and the staff they concern: a staff
    development plan, a training log (Employee / Action / Date / Status), training certificates,
    professional interviews and what followed, practice analysis, immersions… An independent
    trainer (facts: {solo_trainer: true}) shows their own continuing training. The plan itself and
    its date are points of vigilance, not requirements. A draft or an empty template proves
    nothing.
    """
    if new_entrant_at_initial(config):
        skip(
            msg(
                "Nouvel entrant : l'indicateur 22 est audité lors de l'audit de surveillance.",
                "New entrant: indicator 22 is audited at the surveillance audit.",
            )
        )
    docs = readable(evidence, 22)
    folded_text(docs, unit)
    solo = facts.value("solo_trainer") is True
    plans = _plans(docs)
    only = ["actions-developpement"] if solo else [*_REQUIRED]
    if not solo and not any(e.kind == "plan-competences" for e in plans):
        only.append("plan-document")
    try:
        judge(
            docs,
            CONCEPTS,
            indicator=22,
            referential=referential,
            facts=facts,
            target=unit,
            only=only,
            subject=msg(
                "Développement des compétences des salariés", "Developing employees' competences"
            ),
        )
    except Gap as gap:
        unless_unreadable(gap, evidence, 22, unit)
        raise
    if not solo:
        _plan_dated(plans, unit, freshness, audit_date)


def _plans(docs: EvidenceSet) -> list[Evidence]:
    """The development plans among ``docs`` that are not drafts: declared as such (kind
    plan-competences) or saying so."""
    found: list[Evidence] = []
    for source in sources_of(docs):
        if source.item in found or source.draft() is not None:
            continue
        if source.item.kind == "plan-competences" or source.states(_PLAN):
            found.append(source.item)
    return found


def _plan_dated(
    plans: list[Evidence], unit: Unit, freshness: Mapping[str, int], audit_date: dt.date
) -> None:
    """A point de vigilance when no plan is dated within the freshness of plans nor covers the
    audit year (a rule of thumb: other current evidence may show the actions)."""
    months = freshness.get("plan-competences", PLAN_MONTHS)
    written = [e for e in plans if e.kind != "attestation"]
    if not written or any(
        (e.date is not None and current(e.kind, e.date, e.valid_until, {}, audit_date, months))
        or _covers(e, audit_date.year)
        for e in written
    ):
        return
    dates = ", ".join(f"{e.path} ({fr_date(e.date) if e.date else 'non daté'})" for e in written)
    dates_en = ", ".join(f"{e.path} ({e.date or 'undated'})" for e in written)
    place = where(unit)
    advise(
        msg(
            f"Point de vigilance pour la {place.fr} — plan de développement des compétences pas "
            f"à jour : ni daté de moins de {months} mois avant l'audit du {fr_date(audit_date)}, "
            f"ni couvrant l'année {audit_date.year} — {dates}. C'est une règle indicative de "
            "rnq, pas une exigence : montrez les actions en cours.",
            f"Point of vigilance for {place.en} — staff development plan not current: neither "
            f"dated within {months} months of the audit on {audit_date.isoformat()} nor covering "
            f"{audit_date.year} — {dates_en}. This is a rule of thumb of rnq, not a requirement: "
            "show the current actions.",
        ),
        items=["plan-a-jour"],
        evidence=[e.path for e in written],
        key="plan-a-jour",
    )
