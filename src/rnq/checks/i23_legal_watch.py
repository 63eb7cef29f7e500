"""Indicator 23 — Legal and regulatory watch (« Veille légale et réglementaire »), criterion 6.

Its built-in checks:

* :func:`check_veille_legale` — the legal and regulatory watch (veille légale) is in place, used
  and shared internally.

The three watch indicators (23, 24 and 25) are judged alike: this module also holds what they
share — :func:`judge_watch` (the judgement, with the freshness rule of thumb as advice) and
:func:`table_aware` (an item read in a document's prose and in the columns of its tables, never
in a table's header row alone).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from rnq.checks.helpers import new_entrant_at_initial, readable_not_stale, where_kept
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.dates import add_months
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg
from rnq.match.french import PLACEHOLDER, Concept
from rnq.match.questions import (
    answer,
    document_body,
    document_question,
    fold,
    named_question,
)
from rnq.match.tables import columns
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "NEGATED",
    "NOT_THE_WATCH",
    "USE",
    "USE_ROLES",
    "check_veille_legale",
    "judge_watch",
    "new_entrant_watch",
    "said",
    "table_aware",
]

#: The namespace of this module's check names (``rnq.checks.watch::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.watch"


# --- shared by the three watch indicators (23, 24, 25) --------------------------------------

Rows = Sequence[Sequence[str]]
Roles = Mapping[str, Sequence[str]]

#: Rows looked at for a table's header row, from its top.
_HEADER_ROWS = 6
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
#: A cell that says nothing: empty, a dash, « non », « aucun », « néant », « ? »…
_EMPTY_CELL = re.compile(
    r"^(?:|[-–—?x/.]+|non|no|aucune?s?|neant|rien|n/?a|nc|sans objet|sans|pas|0|nul|nulle)$"
)
_NEGATIVE_CELL = re.compile(r"^(?:aucune?s?|pas|non|sans|neant|rien|nul|nulle)\b")
#: A cell that puts the question off: « à voir », « à étudier », « en attente »…
_PENDING_CELL = re.compile(
    r"^(?:a (?:voir|etudier|traiter|analyser|definir|suivre|revoir)|en attente|en cours d'analyse"
    r"|pour info\w*|sans suite)\b"
)

#: A clause that says the item is not done, the verb negated after it (« La veille n'est pas
#: diffusée », « nous n'avons pas modifié »): a clause word of every concept's ``unless``.
NEGATED = r"re:\bn'(?:est|ont|a|avons|avez|existe|y a) (?:pas|jamais|plus|aucun)\b"


def _cells(line: str) -> list[str] | None:
    """The cells of a table line (an empty list for a Markdown rule), None for another line —
    as :func:`rnq.match.tables.tables_in` reads them."""
    stripped = line.strip()
    if _PIPE_RULE.match(line) and set(stripped) <= set("|:- "):
        return []
    if stripped.count("|") >= 2:
        return [c.strip() for c in stripped.strip("|").split("|")]
    for separator in ("\t", ";"):
        if stripped.count(separator) >= 2:
            return [c.strip() for c in stripped.split(separator)]
    return None


def _header(table: Sequence[Sequence[str]], roles: Roles) -> tuple[int, dict[str, int]] | None:
    """The header row of ``table`` when it names one of ``roles`` (its index and the role
    columns): the first row of two cells or more, below the title rows."""
    for index, row in enumerate(table[:_HEADER_ROWS]):
        if sum(1 for cell in row if str(cell).strip()) < 2:
            continue
        found = columns([str(cell) for cell in row], roles)
        return (index, found) if found else None
    return None


def _values(rows: Iterable[Sequence[str]], found: Mapping[str, int]) -> list[str]:
    return [str(row[index]) for row in rows for index in found.values() if index < len(row)]


def said(cell: str) -> bool:
    """Whether a table cell says something: not empty, not a placeholder (« à analyser »,
    « à définir »), not a negative (« non », « aucun », « pas d'impact »)."""
    value = fold(cell).strip(" .;:,*")
    if _EMPTY_CELL.match(value) or _NEGATIVE_CELL.match(value) or _PENDING_CELL.match(value):
        return False
    return not PLACEHOLDER.match(value)


def _split(
    text: str | None, rows: Rows | None, roles: Roles
) -> tuple[str | None, list[Sequence[str]] | None, list[str]]:
    """The document without its tables whose header names one of ``roles`` (its prose, the
    other tables), and the cells of those tables' role columns."""
    values: list[str] = []
    kept_rows: list[Sequence[str]] | None = list(rows) if rows else None
    if kept_rows:
        header = _header(kept_rows, roles)
        if header is not None:
            start, found = header
            values += _values(kept_rows[start + 1 :], found)
            kept_rows = kept_rows[:start]  # the title rows above the header stay prose
    if not text:
        return text, kept_rows, values
    lines = text.splitlines()
    drop: set[int] = set()
    block: list[tuple[int, list[str]]] = []
    for number, line in enumerate([*lines, ""]):
        cells = _cells(line) if number < len(lines) else None
        if cells is not None:
            if cells:
                block.append((number, cells))
            continue
        if len(block) >= 2:
            header = _header([c for _, c in block], roles)
            if header is not None:
                start, found = header
                values += _values([c for _, c in block[start + 1 :]], found)
                first, last = block[0][0], block[-1][0]
                drop.update(range(first, last + 1))
        block = []
    kept = "\n".join(line for number, line in enumerate(lines) if number not in drop)
    return kept, kept_rows, values


def table_aware(module: str, name: str, concept: Concept, roles: Roles) -> Reader:
    """A finder reading ``concept`` in a document's prose and in its tables without a header
    naming ``roles``, and, in a table whose header names one of ``roles`` (« Impact », « Action
    décidée », « Diffusé à »), the cells of those columns: one that says something states the
    item — a header row alone, or cells « à analyser », « non », states nothing."""
    question = named_question(module, name)
    asked = concept.question

    @document_question(question)
    def read(text: str | None, rows: Rows | None) -> bool:
        prose, other_rows, values = _split(text, rows, roles)
        if answer(asked, document_body(prose, other_rows), None, (prose, None)):
            return True
        return any(said(value) for value in values)

    del read
    return Reader(question)


#: Header words of the columns of a watch register that record what was done with it.
USE_ROLES: Roles = {
    "impact": ("impact", "impacts", "effet", "effets", "conséquence", "conséquences"),
    "action": (
        "action",
        "actions",
        "décision",
        "décisions",
        "suite|suites",
        "exploitation",
        "prise en compte",
        "ce qui change",
        "changement|changements",
    ),
    "done": (
        "intégré|intégrée|intégration",
        "mise|mis à jour",
        "modification|modifications",
        "mise en œuvre",
        "réalisé|réalisée|réalisation",
        "évolution|évolutions offre|programme|programmes|prestations",
    ),
}

_DONE = (
    r"(?:modifi|revis|adapt|actualis|remplac|ajout|retir|supprim|integr|corrig|generalis|adopt"
    r"|deploy|refondu|refait|reecrit|cre)"
)
#: A participle in its feminine or plural form (« CGV modifiées », « supports refondus »).
_DONE_FORMS = rf"re:\b{_DONE}(?:ee|ees|es|s)\b"
#: A participle after an auxiliary (« a été révisé », « nous avons ajouté », « j'ai retiré »).
_DONE_AFTER_AUXILIARY = (
    rf"re:\b(?:ete|avons|avez|ai|ont ete|a ete|sera|seront)\s+(?:[a-z']+\s+){{0,2}}?{_DONE}e?\b"
)
#: A participle before a date (« modèle de fiche modifié le 20/09 »).
_DONE_ON_A_DATE = rf"re:\b{_DONE}e?\s+(?:le\s+|en\s+|au\s+)?\d{{1,2}}[/.]\d"

#: How a watch document says what was done with it (an action, a decision, an update, an
#: impact on the offerings), as providers write it.
USE = Concept.of(
    # « Impact », « Impacts pour nous : … »; the match runs to the label's colon, so that
    # « Impact sur nos prestations : aucun » reads as negative
    r"re:\bimpacts?\b(?:[ '][a-z']+){0,4}?(?=\s?:)|\bimpacts?\b",
    "exploitation de la veille",
    "exploité|exploitée|exploitées|exploitons",
    "enseignements tirés|retenus",
    "tirer|tirons les enseignements",
    "pris|prise|prises en compte",
    "décision|décisions|décidé|décidée|décidons",
    "mise|mis|mises à jour",
    "mettre|mettons à jour",
    # what was done, not what the text of the watch does: « le décret modifie » (present) and
    # « modifié » (participle) fold alike, so a participle counts in its feminine or plural
    # form, after an auxiliary, or before a date; the nouns count as they are
    _DONE_FORMS,
    _DONE_AFTER_AUXILIARY,
    _DONE_ON_A_DATE,
    "actualisation|modification|modifications|révision|révisions|adaptation|adaptations",
    "ajout|ajouts|intégration|remplacement|suppression|refonte|réécriture|abandon",
    # the infinitives alone (a word's forms would take in « le décret modifie »)
    r"re:\b(?:modifier|reviser|revoir|adapter|ajouter|integrer|actualiser|corriger)\b",
    "nouveau|nouvelle module|formation|parcours|séquence|procédure|fiche|rubrique|atelier|offre",
    "conséquence|conséquences",
    "action|actions décidée|décidées|menée|menées|prévue|prévues|engagée|ouverte|corrective",
    "plan d'action|actions",
    r"re:\bactions? ?:",
    "suite|suites donnée|données",
    "suites à donner",
    "évolution|évolutions programme|programmes|contenus|formations|offre|prestations"
    "|parcours|modules|supports|pratiques|méthodes|outils",
    # our documents say it now (« nos CGV intègrent désormais… »)
    r"re:\b(?:nos|notre|mes|ma|mon)\s+(?:[a-z'-]+\s+){0,4}?(?:integrent|integre|mentionnent|"
    r"mentionne|precisent|precise|prevoient|prevoit|comportent|comporte|incluent|inclut|"
    r"indiquent|indique|contiennent|contient)\s+desormais\b",
    "ce que cela|ça change",
    "ce que nous en avons fait",
    "ce que j'en ai fait",
    "mise|mis|mises en conformité|application",
    "répercussion|répercussions",
    "mesure|mesures prise|prises",
    "fiche|fiches|action|actions|plan d'amélioration",
    "avons|avez changé",
    "ce qui change",
    "ce qu'on change",
    "changement|changements",
    r"re:\beffets? sur\b",
    "généralisation|adoption|déploiement",
    r"re:\b(?:test|teste|pilote)s? sur\b",
    r"re:\ba integrer\b",
    unless=("agricole", NEGATED),
)

#: The freshness rule of thumb of the watch (item ``veille-a-jour``): months, unless
#: ``freshness:`` in rnq.yaml says otherwise.
WATCH_MONTHS = 12


def _advise_freshness(
    kind: str,
    docs: Sequence[Evidence],
    place: Localized,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """A point de vigilance when every dated document of the watch is older than its freshness
    (rnq's rule of thumb, never a gap); undated documents are not judged."""
    months = freshness.get(kind, WATCH_MONTHS)
    dated = [e for e in docs if e.date is not None]
    if not dated:
        return
    latest = max(e.date for e in dated if e.date is not None)
    if add_months(latest, months) >= audit_date:
        return
    advise(
        msg(
            f"Point de vigilance ({place.fr}) — veille datée de moins de {months} mois : la preuve "
            f"la plus récente date du {fr_date(latest)}, plus de {months} mois avant l'audit du "
            f"{fr_date(audit_date)}. Règle de fraîcheur indicative de rnq, pas une exigence : "
            "montrez à l'auditeur que la veille se poursuit (dernières entrées du registre, "
            "dernière lettre de veille).",
            f"Point of vigilance ({place.en}) — watch dated within {months} months: the latest "
            f"evidence is from {latest.isoformat()}, more than {months} months before the audit "
            f"on {audit_date.isoformat()}. A rule of thumb of rnq, not a requirement: show the "
            "auditor the watch goes on (latest register entries, latest watch letter).",
        ),
        items=["veille-a-jour"],
        evidence=[e.path for e in dated],
        key="veille-a-jour",
    )


def new_entrant_watch(config: WorkspaceConfig, unit: Unit) -> bool:
    """A new entrant at its initial audit for every category of ``unit`` (reference §3.3:
    for 24 and 25, the watch in place is audited then, its impact at the surveillance audit)."""
    categories = {o.category for o in unit.offerings} or set(config.categories)
    return bool(categories) and all(new_entrant_at_initial(config, c) for c in categories)


def judge_watch(
    number: int,
    kind: str,
    what: Localized,
    concepts: Mapping[str, Finder],
    *,
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    freshness: Mapping[str, int],
    audit_date: dt.date,
    only: Iterable[str] | None = None,
) -> None:
    """Judge the watch of indicator ``number`` (``kind``: its kind of evidence) by its items:
    each requirement missing from every document is a gap, a draft proves nothing, and a watch
    whose dated documents are all older than its freshness is a point de vigilance. Stands aside
    when there is no readable evidence, or when all of it is stale: the presence check reports
    that."""
    docs = list(readable_not_stale(evidence, number, freshness, audit_date))
    place = where_kept(unit, docs, config)
    _advise_freshness(kind, docs, place, freshness, audit_date)
    subject = msg(f"{what.fr} ({place.fr})", f"{what.en} ({place.en})")
    try:
        judge(
            docs,
            concepts,
            indicator=number,
            referential=referential,
            facts=facts,
            only=only,
            subject=subject,
        )
    except Gap as gap:
        if "exploitation" not in gap.items:
            raise
        raise Gap(
            msg(
                gap.message.fr + " Une veille qui ne fait que lister des sources n'est pas "
                "exploitée : notez ce qui en découle (décision, document ou offre mis à jour).",
                gap.message.en + " A watch that only lists sources is not used: record what "
                "follows from it (decision, document or offering updated).",
            ),
            evidence=gap.evidence,
            items=gap.items,
        ) from None


# --- indicator 23 ----------------------------------------------------------------------------

#: Header words of the columns of a watch register that say who it was shared with.
SHARED_ROLES: Roles = {
    "shared": (
        "diffusé|diffusée|diffusion",
        "destinataire|destinataires",
        "communiqué|communication",
        "partagé|partage",
        "transmis|transmise",
        "informé|informés",
        "présenté|présentée",
        "canal",
    ),
}

#: How a document says the legal watch was shared with the staff.
SHARED = Concept.of(
    "diffusé|diffusée|diffusés|diffusées|diffusion|diffuser|diffusons",
    "transmis|transmise|transmises|transmettre|transmettons",
    "envoyé|envoyée|envoyés|envoyées",
    "envoi par mail|courriel|e-mail",
    "présenté|présentée|présentés|présentation réunion|équipe|équipes|comité|formateurs|salariés",
    "partagé|partagée|partagés|partage|partager",
    "affiché|affichée|affichage",
    "communiqué|communiquée|communiqués|communiquer",
    "communication interne",
    "informé|informée|informés|informer|information équipe|équipes|personnel|formateurs"
    "|salariés|collaborateurs|vacataires",
    "équipe|équipes|formateurs|salariés|personnel|collaborateurs informé|informée|informés"
    "|informées",
    "sensibilisation|sensibilisé|sensibilisés équipe|équipes|formateurs|personnel|salariés",
    "mail|mails|courriel|e-mail équipe|équipes|formateurs|salariés|tous",
    "CODIR",
    "comité de direction",
    "relayé|relayée",
    "point veille",
    "minute réglementaire",
    "veille réunion|réunions",
    "réunion|réunions veille",
    r"re:\bpresente(?:e|s|es)? (?:par|en|a l'equipe|aux)\b",
    "CR réunion|réunions",
    "compte rendu réunion|réunions",
    "conseil pédagogique",
    "lettre veille|information|interne",
    "newsletter interne",
    "note interne|service|synthèse",
    "intranet",
    "canal Teams|Slack",
    r"re:#veille",
    "tous les salariés|collaborateurs|formateurs",
    "toute l'équipe",
    "tous-salaries",
    r"re:(?m)^(?:a|destinataires?) ?: ?[^\n]*\b(?:equipe|tous|formateurs|salaries|personnel)",
    unless=(
        r"re:\baux (?:entreprises|stagiaires|clients|apprentis|beneficiaires)\b",
        "client|clients|clientèle",
        NEGATED,
    ),
)

#: Clause words that make a mention of the watch something else: postponed, or the name of the
#: indicator or of a heading (« Dossier qualité — Indicateur veille innovations »), or a mail's
#: subject (« Objet : RE: veille nouveautés pédagogiques ? »).
NOT_THE_WATCH = (
    NEGATED,
    "reporté|reportée|reportés|annulé|annulée",
    "indicateur|indicateurs veille",
    r"re:\bobjet ?: ?re ?:",
)

#: How a document says what a legal and regulatory watch is: its name, its sources.
LEGAL_WATCH = Concept.of(
    "veille légale|réglementaire|juridique|législative|réglementation",
    "réglementation relative|applicable",
    "textes réglementaires|législatifs|officiels",
    "actualité juridique|réglementaire",
    "Légifrance",
    "Centre Inffo",
    "Quotidien de la formation",
    "Journal officiel",
    "=JO",
    "JORF",
    "travail-emploi.gouv.fr",
    "code du travail",
    "France compétences",
    "Caisse des dépôts",
    "EDOF",
    "Fédération de la Formation Professionnelle",
    "=DREETS",
    "=DGEFP",
    "ministère du Travail",
    "information|informations|évolution|évolutions juridique|juridiques|réglementaire"
    "|réglementaires|législative|législatives|légale|légales",
    "loi Avenir professionnel",
    "décret|décrets",
    "arrêté|arrêtés",
    r"re:\bloi (?:n|du)\b",
    "réforme",
    unless=("veille concurrentielle", *NOT_THE_WATCH),
)

#: How a document states each item of indicator 23 (``items:`` of ``indicators/23.yaml``);
#: the watch's date (``veille-a-jour``) is read from the evidence's date.
CONCEPTS: dict[str, Finder] = {
    "veille-en-place": LEGAL_WATCH,
    "exploitation": table_aware(__name__, "exploitation", USE, USE_ROLES),
    "communication-interne": table_aware(__name__, "communication-interne", SHARED, SHARED_ROLES),
}


@mark.verifies("veille-legale")
def check_veille_legale(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille légale et réglementaire est en place, exploitée et communiquée en interne.

    Montrez la veille (sources suivies : Centre Inffo, Légifrance, réseaux, abonnements), ce
    qui en découle pour chaque évolution retenue (décision, document ou offre mis à jour,
    action ouverte) et sa diffusion aux équipes (réunion, note interne, lettre de veille, mail).
    Un registre dont les colonnes « Impact » ou « Action » restent vides ou « à analyser »
    n'est pas une exploitation ; un brouillon ne prouve rien. Une veille dont la preuve la plus
    récente a plus de 12 mois (réglable par « freshness: {veille-legale: N} ») est un point de
    vigilance, pas un écart.

    EN: The legal and regulatory watch (veille légale) is in place, used and shared internally.

    Show the watch (sources followed: Centre Inffo, Légifrance, networks, subscriptions), what
    follows from each change retained (decision, document or offering updated, action opened) and
    its circulation to staff (meeting, internal memo, watch letter, email). A register whose
    "Impact" or "Action" columns stay empty or "to analyse" is not a use of the watch; a draft
    proves nothing. A watch whose latest evidence is over 12 months old (set with "freshness:
    {veille-legale: N}") is a point of vigilance, not a gap.
    """
    judge_watch(
        23,
        "veille-legale",
        msg("Veille légale et réglementaire", "Legal and regulatory watch"),
        CONCEPTS,
        unit=unit,
        evidence=evidence,
        config=config,
        referential=referential,
        facts=facts,
        freshness=freshness,
        audit_date=audit_date,
    )
