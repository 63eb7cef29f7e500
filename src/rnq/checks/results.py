"""Indicators 2 and 3: the results published (and from 1 November 2026 how they are
calculated), and the outcomes of certifying offerings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from rnq.checks._common import (
    Folded,
    Term,
    ask,
    fold,
    is_current,
    labels,
    matches,
    mentions,
    missing_terms,
    new_entrant_at_initial,
    readable,
    readable_not_stale,
    where,
)
from rnq.checks._offering import (
    OfferSections,
    _date_of,
    _rs_note,
    cert_provisional,
    files,
    not_for_category,
    offering_reading,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified, skip
from rnq.referential.loader import Referential
from rnq.referential.verifications import indicators_for
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit, WorkspaceConfig

__all__ = [
    "check_methode_calcul_resultats",
    "check_resultats_certification",
    "check_resultats_publies",
]

#: Months after which published results are out of date when ``freshness`` sets none.
RESULTS_MONTHS = 12

# --- Indicator 2: published results --------------------------------------------------------

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
    dated = [(e, _date_of(e)) for e in figured]
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


# --- Indicator 3: certification outcomes ----------------------------------------------------

TAUX_OBTENTION = Term.of(
    "taux d'obtention de la certification",
    "certification pass rate",
    r"taux (d'obtention|de reussite|de certification|d'admission|de validation|de diplomes?)",
    r"\d+([,.]\d+)?\s?%[^.\n]{0,40}(reussite|obtention|admis|diplomes|certifies|valid)",
    r"(reussite|obtention|admis|diplomes|certifies)[^.\n]{0,40}\d+([,.]\d+)?\s?%",
)
BLOCS = Term.of(
    "possibilité de valider des blocs de compétences",
    "blocks of competences",
    r"blocs? de competences?",
    r"\bblocs?\s*(n\s*[o°]\s*)?\d",
)
EQUIVALENCES = Term.of("équivalences", "equivalences", r"equivalences?")
PASSERELLES = Term.of("passerelles", "bridges", r"passerelles?")
SUITES = Term.of(
    "suites de parcours",
    "follow-on paths",
    r"suites? de parcours",
    r"poursuites? d'etudes",
    r"poursuite de (formation|parcours)",
    r"(apres|a l'issue de) (la|cette) (formation|certification)[^.\n]{0,40}(poursuivre|acceder)",
)
POURSUITES = Term.of(
    "poursuites d'études",
    "further study",
    r"poursuites? d'etudes",
    r"poursuivre (ses|des|vos|leurs|les) etudes",
)
DEBOUCHES = Term.of(
    "débouchés",
    "job outcomes",
    r"debouches?",
    r"(metiers?|emplois?|postes?) (vises|accessibles|cibles|possibles)",
    r"taux d'insertion",
    r"insertion professionnelle",
)


@mark.verifies("resultats-certification", "poursuites-etudes")
def check_resultats_certification(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    config: WorkspaceConfig,
    referential: Referential,
) -> None:
    """La prestation certifiante informe sur le taux d'obtention, les blocs de compétences, les
    équivalences, passerelles, suites de parcours et débouchés.

    Publiez, pour la certification préparée : le taux d'obtention (avec le taux de présentation
    à l'examen), la possibilité de valider des blocs de compétences, les équivalences,
    passerelles, suites de parcours (à partir du 1er novembre 2026 : en particulier les
    poursuites d'études) et les débouchés (taux d'insertion, métiers visés).

    EN: The certifying offering gives its pass rate, skill blocks, equivalences, bridges, further
    pathways and job outcomes.

    Publish, for the certification prepared: the pass rate (with the rate of candidates sitting the
    exam), whether skill blocks (blocs de compétences) can be validated, the equivalences, bridges
    (passerelles), further pathways (from 1 November 2026: in particular further studies) and job
    outcomes (employment rate, target jobs).
    """
    if not offering.certifying:
        skip(msg("Prestation non certifiante.", "Not a certifying offering."))
    not_for_category(offering, referential, 3)
    reading = offering_reading(
        offering, unit, evidence, offer_sections, 3, kinds=("programme", "certification")
    )
    terms = [TAUX_OBTENTION, BLOCS, EQUIVALENCES, PASSERELLES, SUITES]
    if 3 in indicators_for(("poursuites-etudes",), referential.id):
        terms.append(POURSUITES)
    terms.append(DEBOUCHES)
    if new_entrant_at_initial(config, offering.category):
        terms.remove(TAUX_OBTENTION)  # audited at surveillance for a new entrant
    missing = missing_terms(reading.text, terms)
    names = labels(missing)
    rate = msg("", "")
    if TAUX_OBTENTION in missing:
        rate = msg(
            " L'absence du taux d'obtention ne peut pas être une NC mineure (guide V9).",
            " A missing pass rate cannot be a minor NC (guide V9).",
        )
    rs = _rs_note(offering)
    if missing:
        raise Gap(
            msg(
                f"Information sur la certification incomplète pour la {where(offering).fr} : "
                f"absent(s) — {names.fr} (lu dans : {files(reading.paths)}).{rate.fr}{rs.fr}",
                f"Incomplete certification information for {where(offering).en}: missing — "
                f"{names.en} (read in: {files(reading.paths)}).{rate.en}{rs.en}",
            ),
            evidence=reading.paths,
            provisional=cert_provisional(offering),
        )
