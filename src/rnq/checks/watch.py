"""Criterion 6: the legal (23), jobs and skills (24) and pedagogical (25) watch, current and used.

A watch that only lists its sources is the classic minor NC (« absence d'exploitation », guide
V9): the expected level asks for the watch to be taken into account — actions, decisions,
updates of the offer or of documents, impacts on the services, internal circulation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from rnq.checks._common import (
    Term,
    is_current,
    labels,
    missing_terms,
    new_entrant_at_initial,
    readable_not_stale,
    text_of,
    where_kept,
)
from rnq.collect.evidence import EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["check_veille_legale", "check_veille_metiers", "check_veille_pedagogique"]

#: The watch is used: something was decided, changed or planned because of it.
USE = Term.of(
    "exploitation de la veille (actions, décisions, mises à jour, impacts)",
    "use of the watch (actions, decisions, updates, impacts)",
    r"\bexploit",
    r"\bimpacts?\b",
    r"enseignements? (tire|retenu)",
    r"pris(e)? en compte",
    r"\bdecid|\bdecision",
    r"mis(e|es)? a jour|\bactualise",
    r"\bmodifi(e|ee|es|ees|cation|cations)\b",
    r"\badapt(e|ee|es|ees|ation|ations)\b",
    r"action(s)? (a mener|menee|decidee|prevue|corrective|engagee)|plan d'actions?",
    r"consequences? (pour|sur)",
    r"\bintegr(e|ee|es|ees|ation) (dans|a|au|aux)",
    r"evolution(s)? (de l'offre|des programmes|des formations|des contenus|des prestations)",
    r"\bsuites? (donnee|a donner)",
)
#: The legal watch is circulated internally (expected level of indicator 23).
SHARED = Term.of(
    "communication en interne",
    "internal circulation",
    r"\bdiffus",
    r"\bcommuniqu",
    r"\btransmi(s|se)\b",
    r"\bpartag",
    r"\binform(e|ee|es|ees|ation) (des|les|aux|a l'|de l') ?(equipes?|formateurs|salaries|"
    r"personnels?|collaborateurs|intervenants|services)",
    r"newsletter|lettre (interne|d'information)|note (interne|de service)|intranet",
    r"reunion (d'equipe|pedagogique|de service|qualite)|comite",
)


def _watch(
    number: int,
    kind: str,
    what: tuple[str, str],
    terms: Sequence[Term],
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """The watch of ``kind`` evidencing indicator ``number`` is current and shows ``terms``."""
    docs = list(readable_not_stale(evidence, number, freshness, audit_date))
    months = freshness.get(kind, 12)
    fresh = [e for e in docs if is_current(e, freshness, audit_date, months=months)]
    place = where_kept(unit, docs, config)
    if not fresh:
        dated = ", ".join(f"{e.path} ({fr_date(e.date)})" for e in docs if e.date)
        dated_en = ", ".join(f"{e.path} ({e.date.isoformat()})" for e in docs if e.date)
        raise Gap(
            msg(
                f"{what[0].capitalize()} pas à jour ({place.fr}) : aucune preuve datée de moins "
                f"de {months} mois avant l'audit du {fr_date(audit_date)} — {dated} — règle de "
                "fraîcheur indicative.",
                f"{what[1].capitalize()} not current ({place.en}): no evidence dated within "
                f"{months} months of the audit on {audit_date.isoformat()} — {dated_en} — "
                "freshness is a heuristic.",
            ),
            evidence=[e.path for e in docs],
        )
    # what the current watch shows (an attestation's note counts, as a manual statement)
    absent = missing_terms(text_of(fresh), terms)
    place = where_kept(unit, fresh, config)
    if absent:
        raise Gap(
            msg(
                f"{what[0].capitalize()} ({place.fr}) : rien ne montre {labels(absent).fr} — "
                "une veille qui ne fait que lister des sources n'est pas exploitée.",
                f"{what[1].capitalize()} ({place.en}): nothing shows {labels(absent).en} — a "
                "watch that only lists sources is not used.",
            ),
            evidence=[e.path for e in fresh],
        )


@mark.verifies("veille-legale")
def check_veille_legale(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille légale et réglementaire est à jour, exploitée et communiquée en interne.

    Tenez la veille à jour (moins de 12 mois à l'audit, kind: veille-legale) et notez pour
    chaque évolution retenue ce qui en découle : décision, document ou offre mis à jour,
    diffusion aux équipes (réunion, note interne, lettre d'information).

    EN: The legal and regulatory watch (veille légale) is up to date, used and shared internally.

    Keep the watch up to date (less than 12 months old at the audit, kind: veille-legale) and record
    for each change retained what follows from it: decision, document or offering updated,
    circulation to staff (meeting, internal memo, newsletter).
    """
    _watch(
        23,
        "veille-legale",
        ("la veille légale et réglementaire", "the legal and regulatory watch"),
        (USE, SHARED),
        unit,
        evidence,
        config,
        freshness,
        audit_date,
    )


@mark.verifies("veille-metiers")
def check_veille_metiers(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille sur les compétences, les métiers et les emplois est à jour et exploitée.

    Tenez la veille à jour (moins de 12 mois à l'audit, kind: veille-metiers) et notez ce qui
    en découle pour les prestations : programmes adaptés, nouvelle offre, décision motivée.

    EN: The watch (veille) on skills, trades and jobs is up to date and used.

    Keep the watch up to date (less than 12 months old at the audit, kind: veille-metiers) and
    record what follows for the offerings: adapted programmes, new offering, reasoned decision.
    """
    _watch(
        24,
        "veille-metiers",
        ("la veille sur les compétences, les métiers et les emplois", "the jobs and skills watch"),
        () if new_entrant_at_initial(config) else (USE,),
        unit,
        evidence,
        config,
        freshness,
        audit_date,
    )


@mark.verifies("veille-pedagogique")
def check_veille_pedagogique(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La veille sur les innovations pédagogiques et technologiques est à jour et exploitée.

    Tenez la veille à jour (moins de 12 mois à l'audit, kind: veille-pedagogique) et notez ce
    qui en découle : outils ou méthodes adoptés, contenus modifiés, analyse d'opportunité.

    EN: The watch (veille) on teaching and technological innovations is up to date and used.

    Keep the watch up to date (less than 12 months old at the audit, kind: veille-pedagogique) and
    record what follows from it: tools or methods adopted, contents changed, opportunity analysis.
    """
    _watch(
        25,
        "veille-pedagogique",
        ("la veille pédagogique et technologique", "the pedagogical and technological watch"),
        () if new_entrant_at_initial(config) else (USE,),
        unit,
        evidence,
        config,
        freshness,
        audit_date,
    )
