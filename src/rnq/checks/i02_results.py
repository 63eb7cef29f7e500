"""Indicator 2 — Published result indicators (« Indicateurs de résultats diffusés »), criterion 1.

Its built-in checks:

* :func:`check_resultats_publies` — quantified, up-to-date performance indicators are published.
* :func:`check_methode_calcul_resultats` — the published results state how they are calculated
  or the scheme they come from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from rnq.checks.helpers import (
    Folded,
    Term,
    ask,
    date_of,
    files,
    is_current,
    matches,
    mentions,
    new_entrant_at_initial,
    readable,
    readable_not_stale,
    where,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified
from rnq.match.questions import fold
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig

__all__ = ["CALCUL", "RESULTS_MONTHS", "check_methode_calcul_resultats", "check_resultats_publies"]

#: The namespace of this module's check names (``rnq.checks.results::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.results"


#: Months after which published results are out of date when ``freshness`` sets none.
RESULTS_MONTHS = 12


_COUNTED = (
    r"stagiaires|apprenants|beneficiaires|inscrits|candidats|participants|diplomes|admis"
    r"|repondants|sessions|entrees|sorties|alternants|apprentis|personnes|eleves|etudiants"
    r"|certifies|abandons|presents|formes|laureats"
)


_FIGURES = (
    r"\d+([,.]\d+)?\s?%",
    r"\b\d+([,.]\d+)?\s?/\s?(5|10|20|100)\b",
    rf"\b\d[\d \u202f]*\s({_COUNTED})\b",
    r"\b(taux|nombre|effectifs?|moyenne|note)\b[^\n]{0,40}?\d",
)


_RESULT_HEADER = r"\b(taux|nombre|effectifs?|inscrits|admis|reussite|satisfaction|abandons?|%)"


def _has_figures(item: Evidence) -> bool:
    """Whether a document gives figures: a rate, a score, counts, or a register whose header
    names a result and whose rows hold numbers."""
    return ask(item, "\x00has_figures", lambda _: _figures(item))


def _figures(item: Evidence) -> bool:
    if any(matches(item, p) for p in _FIGURES):
        return True
    rows = item.rows or ()
    if item.usable and len(rows) > 1 and re.search(_RESULT_HEADER, fold(" ".join(rows[0]))):
        return any(re.fullmatch(r"\s*\d+([,.]\d+)?\s*%?\s*", cell) for r in rows[1:] for cell in r)
    return False


def _unit_where(unit: Unit, docs: Iterable[Evidence], config: WorkspaceConfig) -> Localized:
    """The unit a finding is about: the central function when only its documents are concerned
    (the finding is then reported once, not once per unit)."""
    central = [u for u in config.units if u.central]
    units = {d.unit for d in docs}
    if central and units and units <= {u.id for u in central}:
        return where(next(u for u in central if u.id in units))
    return where(unit)


@mark.verifies("resultats-publies")
def check_resultats_publies(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """Des indicateurs de résultats chiffrés et à jour sont publiés.

    Publiez des résultats chiffrés adaptés aux prestations et aux publics (taux de
    satisfaction, de réussite, d'abandon, d'insertion, effectifs…), datés de moins de 12 mois à
    la date d'audit (règle de fraîcheur indicative, réglable par « freshness: {resultats: N} »).
    Un nouvel entrant à l'audit initial identifie ses indicateurs ; les chiffres sont audités en
    surveillance.

    EN: Quantified, up-to-date performance indicators are published.

    Publish quantified results suited to the offerings and to the audiences (satisfaction, success,
    drop-out and employment rates, numbers of learners…), dated less than 12 months before the audit
    date (freshness heuristic, set with "freshness: {resultats: N}"). A newcomer identifies its
    indicators at the initial audit; the figures are audited at surveillance.
    """
    docs = readable_not_stale(evidence, 2, freshness, audit_date)
    place = _unit_where(unit, docs, config)
    paths = docs.paths()
    if new_entrant_at_initial(config):
        identified = mentions(Folded(docs), r"\b(taux|indicateurs?|resultats?)\b")
        if not identified:
            raise Gap(
                msg(
                    f"Nouvel entrant : aucun indicateur de résultat identifié ({place.fr} ; "
                    f"{files(paths)}).",
                    f"New entrant: no result indicator identified ({place.en}; {files(paths)}).",
                ),
                evidence=paths,
            )
        return
    figured = [e for e in docs if _has_figures(e)]
    if not figured:
        raise Gap(
            msg(
                f"Aucun résultat chiffré (taux, effectifs, note) dans les preuves publiées "
                f"({place.fr} ; {files(paths)}).",
                f"No figures (rates, counts, scores) in the published results ({place.en}; "
                f"{files(paths)}).",
            ),
            evidence=paths,
        )
    months = freshness.get("resultats", RESULTS_MONTHS)
    dated = [(e, date_of(e)) for e in figured]
    if any(
        (e.valid_until is not None and e.valid_until >= audit_date)
        or (
            day is not None
            and is_current(e.model_copy(update={"date": day}), {}, audit_date, months)
        )
        for e, day in dated
    ):
        return
    figured_paths = [e.path for e in figured]
    newest = max((d for _, d in dated if d is not None), default=None)
    if newest is None:
        not_verified(
            msg(
                f"Les résultats chiffrés ne sont pas datés : leur actualité ne peut pas être "
                f"vérifiée ({place.fr} ; {files(figured_paths)}).",
                f"The published figures are undated: whether they are current cannot be "
                f"verified ({place.en}; {files(figured_paths)}).",
            ),
            evidence=figured_paths,
        )
    raise Gap(
        msg(
            f"Les résultats chiffrés les plus récents datent du {newest.isoformat()}, plus de "
            f"{months} mois avant l'audit ({audit_date.isoformat()}) — règle de fraîcheur "
            f"indicative ({place.fr} ; {files(figured_paths)}).",
            f"The latest figures are dated {newest.isoformat()}, over {months} months before "
            f"the audit ({audit_date.isoformat()}) — freshness is a heuristic ({place.en}; "
            f"{files(figured_paths)}).",
        ),
        evidence=figured_paths,
    )


CALCUL = Term.of(
    "modalités de calcul ou source des indicateurs",
    "calculation method or source of the figures",
    r"(modalites?|methodes?|mode|formule|regles?) de calcul",
    r"\bcalcule\w* (sur|a partir|en divisant|par rapport|comme|selon)",
    r"\b(rapport|ratio) entre\b",
    r"\bnombre d[e'][^\n]{1,60}(divise|rapporte|sur le nombre)",
    r"\btaux\s*=",
    r"\b(sur|parmi) (un total de )?\d+ (repondants|reponses|stagiaires|apprenants|inscrits"
    r"|candidats|presents|beneficiaires|sortants|personnes)",
    r"(perimetre|periode) (de reference|couvert\w*|d'observation|de l'enquete)",
    r"inserjeunes",
    r"dispositifs? existants?",
    r"\bsource\s*:\s*(france competences|dares|ministere|education nationale|certif ?info)",
)


@mark.verifies("methode-calcul-resultats")
def check_methode_calcul_resultats(
    unit: Unit, evidence: EvidenceSet, config: WorkspaceConfig
) -> None:
    """Les résultats publiés précisent leurs modalités de calcul ou le dispositif dont ils sont
    issus.

    Indiquez à côté de chaque indicateur comment il est calculé (« taux de réussite = admis /
    présentés, session 2025, 48 candidats ») ou le dispositif existant sur lequel il s'appuie
    (InserJeunes, France compétences…).

    EN: The published results state how they are calculated or the scheme they come from.

    State next to each indicator how it is calculated ("taux de réussite = admis / présentés,
    session 2025, 48 candidats": success rate = passed / sat, 2025 session, 48 candidates) or the
    existing scheme it relies on (InserJeunes, France compétences…).
    """
    docs = readable(evidence, 2)
    text = Folded(docs)
    place = _unit_where(unit, docs, config)
    if not CALCUL.found_in(text):
        raise Gap(
            msg(
                f"Les résultats publiés ne précisent ni leurs modalités de calcul ni leur source "
                f"({place.fr} ; {files(docs.paths())}).",
                f"The published results state neither their calculation method nor their source "
                f"({place.en}; {files(docs.paths())}).",
            ),
            evidence=docs.paths(),
        )
