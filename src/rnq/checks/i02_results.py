"""Indicator 2 — Published result indicators (« Indicateurs de résultats diffusés »), criterion 1.

Its built-in checks:

* :func:`check_resultats_publies` — quantified performance indicators are published (for a CFA,
  a pointer to the InserJeunes figures is enough); their freshness is a point de vigilance.
* :func:`check_methode_calcul_resultats` — the published results state how they are calculated
  or the scheme they come from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from rnq.checks.helpers import (
    date_of,
    files,
    is_current,
    new_entrant_at_initial,
    readable,
    readable_not_stale,
    where,
)
from rnq.checks.judging import Finder, Reader, judge, sources_of
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg
from rnq.match.folding import fold
from rnq.match.french import Concept, term
from rnq.match.questions import document_question, named_question
from rnq.match.tables import HEADER_ROWS, tables_in
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "FIGURES",
    "INSERJEUNES",
    "METHODE",
    "RESULTS_MONTHS",
    "check_methode_calcul_resultats",
    "check_resultats_publies",
]

#: The namespace of this module's check names (``rnq.checks.results::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.results"

#: Months after which published results are out of date when ``freshness`` sets none (rnq's
#: rule of thumb: the reference names no period).
RESULTS_MONTHS = 12

#: A year (« 2025 ») is a date, not a figure.
_YEAR = r"(?:19|20)\d\d"
#: A figure: « 17 », « 1 402 », « 8,6 » — never part of a date or of another number, never a year.
_NUMBER = rf"(?<![\d/.,])(?!{_YEAR}\b)\d{{1,3}}(?: \d{{3}})*(?:[,.]\d+)?"
#: Who or what a result counts (stems: « stagiaire·s », « salarié·e·s », « admis·es »).
_COUNTED = (
    r"(?:stagiaire|apprenant|beneficiaire|inscrit|candidat|participant|diplome|admis|recu"
    r"|repondant|reponse|questionnaire|session|entree|entre|sortie|sortant|alternant|apprenti"
    r"|personnes? (?:formee|accompagnee|accueillie|interrogee|sortie)|eleve|etudiant|certifie"
    r"|abandon|interruption|rupture|present|forme|laureat"
    r"|salarie|bilan|titre|validation|passage|accompagne)"
)
#: What a label of a result says (« Taux de satisfaction : », « Nombre de stagiaires »).
_RESULT_WORDS = (
    r"(?:taux|nombre|nb|effectifs?|moyenne|note|score|satisfaction|reussite|abandons?"
    r"|insertion|recommandation|assiduite|completion|obtention|retour)"
)

#: How a document states figures: rates, scores, counts of learners, « 9 sur 10 ».
FIGURES = Concept.of(
    rf"re:{_NUMBER} ?%(?! ?(?:\w+ ){{0,3}}(?:en ligne|a distance|distanciel|presentiel|financ\w*"
    r"|pris en charge|cpf|opco|remise|reduction|acompte|tva))",
    # « 8,4/10 », not the date « le 10/10 »
    rf"re:(?<!\ble )(?<!\bdu )(?<!\bau ){_NUMBER} ?/ ?(?:5|10|20|100)\b(?! ?/)",
    rf"re:{_NUMBER} {_COUNTED}",
    rf"re:\b{_RESULT_WORDS}\b[^\n.;]{{0,40}}?{_NUMBER}(?![\d/])",
    # a sheet's label cell, then its figure: « Nombre de stagiaires formés | 124 »
    rf"re:\b{_RESULT_WORDS}\b[^\n.;]{{0,40}} ; {_NUMBER}(?: ?%| ?/ ?\d+)?(?= ;|\n|$)",
    rf"re:{_NUMBER} (?:{_COUNTED}\S*\s)?sur {_NUMBER}\b",
    r"re:\b(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b[^\n.;]{0,30}\bsur (?:dix|cent"
    r"|vingt)\b",
    unless=("TVA", "remise", "réduction", "acompte", "tarif|tarifs", "prix"),
)

#: For a CFA: the mandatory indicators of art. L. 6111-8 are published on InserJeunes (InserSup
#: for higher education), and the CFA points to them (guide V9).
INSERJEUNES = Concept.of(
    "InserJeunes",
    "Inser Jeunes",
    "InserSup",
    unless=(
        "trop récent|récente",
        "pas encore",
        "aucune promotion",
        r"re:\b(?:seront|sera) (?:disponibles?|publie\w*|consultables?|mis en ligne)\b",
    ),
)


@cache
def _result_header() -> re.Pattern[str]:
    """A header cell naming a column of results in a table: compiled when a table is first
    read (4 ms, which a run answering no document in this process need not spend)."""
    return re.compile(
        "|".join(
            [
                *(
                    term(word, gap=1)
                    for word in (
                        "taux",
                        "nombre",
                        "nb",
                        "effectif",
                        "inscrits",
                        "admis",
                        "présentés",
                        "reçus",
                        "diplômés",
                        "réussite",
                        "satisfaction",
                        "abandon",
                        "interruption",
                        "insertion",
                        "emploi",
                        "note",
                        "moyenne",
                        "score",
                        "obtention",
                        "complétion",
                        "résultat",
                        "valeur",
                    )
                ),
                r"%",
                r"/ ?(?:5|10|20|100)\b",
            ]
        )
    )


#: A cell holding a figure: « 85 % », « 8,7 », « 17 », « 4,6/5 » — not a year, not a date.
_FIGURE_CELL = re.compile(rf"\s*{_NUMBER}(?: ?%| ?/ ?\d+)?\s*")

#: The question « does this document hold a table of results (a result column with figures) ».
FIGURES_TABLE = named_question(__name__, "figures-table")


@document_question(FIGURES_TABLE)
def _figures_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a table of the document has a column whose header names a result (taux, inscrits,
    admis, satisfaction…) and whose cells below hold figures (not years)."""
    for table in tables_in(text, rows):
        for start, header in enumerate(table[:HEADER_ROWS]):
            for index, cell in enumerate(header):
                if not _result_header().search(fold(str(cell))):
                    continue
                below = (row[index] for row in table[start + 1 :] if index < len(row))
                if any(_FIGURE_CELL.fullmatch(fold(str(value))) for value in below):
                    return True
    return False


#: How a document states how its figures are calculated, or the existing scheme they rest on.
METHODE = Concept.of(
    "modalités|méthode|mode|formule|règle|règles|méthodologie de calcul",
    r"re:\bcalcul\w*",
    "méthode|méthodologie",
    r"re:\bdivisee?s? par\b",
    r"re:\brapport\w*\b[^\n.;]{0,80}\b(?:au|a l'|a la) (?:nombre|total|effectif)",
    "rapporte|rapporté|rapportant nombre",
    r"re:\bsur le nombre\b",
    "ratio",
    r"re:\btaux\b[^\n.;=]{0,50}=",
    r"re:=\s?[^\n]{0,60}/",
    r"re:\b[a-z]+s?(?: \w+){0,3} ?/ ?(?:\w+ ){0,2}(?:presente|inscrit|entre|candidat|repondant"
    r"|reponse|stagiaire|questionnaire|apprenant|beneficiaire|sortant|evalue|heure|participant"
    r"|termine|demarre)\w*",
    rf"re:\bn ?= ?{_NUMBER}",
    rf"re:\bbase\b[^\n.;]{{0,20}}{_NUMBER}",
    "échantillon",
    rf"re:{_NUMBER} (?:reponses|repondants|questionnaires? (?:retournes|recus|completes))",
    r"re:\bperiode (?:de reference|d'observation|couverte|de calcul|d'enquete)\b",
    r"re:\bhors (?:abandons?|absents?|dispenses?|interruptions?|ruptures?)\b",
    "chiffres|données|taux|résultats|indicateurs issus|tirés|produits|fournis|établis",
    "source|sources",
    r"re:\bd'apres (?:le|la|les|l'|notre|nos)\b",
    "dispositif|dispositifs existant|existants",
    "InserJeunes",
    "InserSup",
    "DARES",
    "DEPP",
    "France compétences",
    unless=(
        "ci-dessous",
        "ci-après",
        "plus bas",
        r"re:\ba venir\b",
        "prochainement",
        "en cours de calcul",
        "pédagogique|pédagogiques",
    ),
)

#: How a new entrant at its initial audit names the indicators it will publish.
IDENTIFIED = Concept.of(
    "indicateur|indicateurs",
    "taux",
    "résultats",
)

#: How a document states each item of indicator 2 (``items:`` of ``indicators/02.yaml``); the
#: freshness of the figures (``resultats-a-jour``, rnq's rule of thumb) is read from their dates.
CONCEPTS: dict[str, Finder] = {
    "resultats-chiffres": (FIGURES, Reader(FIGURES_TABLE), INSERJEUNES),
    "methode-calcul": METHODE,
}


def _place(unit: Unit, docs: Iterable[Evidence], config: WorkspaceConfig) -> Localized:
    """The unit a finding is about: the central function when only its documents are concerned
    (the finding then reads the same for every unit and is reported once)."""
    central = [u for u in config.units if u.central]
    units = {d.unit for d in docs}
    if central and units and units <= {u.id for u in central}:
        return where(next(u for u in central if u.id in units))
    return where(unit)


def _stating(docs: Iterable[Evidence], finder: Finder) -> list[Evidence]:
    """The documents (not drafts) that state what ``finder`` finds."""
    found: list[Evidence] = []
    for source in sources_of(docs):
        if source.draft() is None and source.states(finder) and source.item not in found:
            found.append(source.item)
    return found


def _fresh(items: Sequence[Evidence], audit_date: dt.date, months: int) -> bool:
    return any(
        (e.valid_until is not None and e.valid_until >= audit_date)
        or (
            (day := date_of(e)) is not None
            and is_current(e.model_copy(update={"date": day, "kind": None}), {}, audit_date, months)
        )
        for e in items
    )


def _advise_freshness(
    figured: Sequence[Evidence], place: Localized, audit_date: dt.date, months: int
) -> None:
    """A point de vigilance when the figures are undated or older than ``months`` (rnq's rule of
    thumb, never a gap: the reference names no period)."""
    if not figured or _fresh(figured, audit_date, months):
        return
    paths = [e.path for e in figured]
    dates = [d for d in (date_of(e) for e in figured) if d is not None]
    if not dates:
        text = msg(
            f"Point de vigilance ({place.fr}) — les résultats chiffrés ne sont pas datés : "
            f"datez-les (période couverte, date de mise à jour) pour montrer qu'ils sont à jour "
            f"({files(paths)}). Règle indicative de rnq, pas une exigence.",
            f"Point of vigilance ({place.en}) — the figures are undated: date them (period "
            f"covered, date of update) to show they are current ({files(paths)}). A rule of "
            "thumb of rnq, not a requirement.",
        )
    else:
        latest = max(dates).isoformat()
        text = msg(
            f"Point de vigilance ({place.fr}) — les résultats chiffrés les plus récents datent du "
            f"{latest}, plus de {months} mois avant l'audit ({audit_date.isoformat()}) : "
            f"actualisez-les ({files(paths)}). Règle de fraîcheur indicative de rnq, pas une "
            "exigence.",
            f"Point of vigilance ({place.en}) — the latest figures are dated {latest}, over "
            f"{months} months before the audit ({audit_date.isoformat()}): update them "
            f"({files(paths)}). A freshness rule of thumb of rnq, not a requirement.",
        )
    advise(text, items=["resultats-a-jour"], evidence=paths, key="resultats-a-jour")


def _new_entrant(docs: EvidenceSet, place: Localized) -> None:
    """At a new entrant's initial audit the indicators are only pre-identified (guide V9)."""
    if any(s.draft() is None and s.states(IDENTIFIED) for s in sources_of(docs)):
        return
    raise Gap(
        msg(
            f"Nouvel entrant : aucun indicateur de résultat identifié ({place.fr} ; "
            f"{files(docs.paths())}).",
            f"New entrant: no result indicator identified ({place.en}; {files(docs.paths())}).",
        ),
        evidence=docs.paths(),
        items=["resultats-chiffres"],
    )


@mark.verifies("resultats-publies")
def check_resultats_publies(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Des indicateurs de résultats chiffrés sont publiés.

    Publiez des résultats chiffrés adaptés aux prestations et aux publics (taux de
    satisfaction, de réussite, d'abandon, d'insertion, effectifs…). Un CFA peut renvoyer aux
    indicateurs publiés sur InserJeunes (article L. 6111-8). Point de vigilance, jamais un
    écart : des chiffres non datés ou datés de plus de 12 mois à la date d'audit (règle
    indicative, réglable par « freshness: {resultats: N} »). Un nouvel entrant à l'audit
    initial identifie ses indicateurs ; les chiffres sont audités en surveillance. Un brouillon
    (« à venir », « TBD ») ne prouve rien.

    EN: Quantified performance indicators are published.

    Publish quantified results suited to the offerings and to the audiences (satisfaction, success,
    drop-out and employment rates, numbers of learners…). A CFA may point to the indicators
    published on InserJeunes (article L. 6111-8). A point of vigilance, never a gap: figures
    undated or dated more than 12 months before the audit date (rule of thumb, set with
    "freshness: {resultats: N}"). A newcomer identifies its indicators at the initial audit; the
    figures are audited at surveillance. A draft ("à venir", "TBD") proves nothing.
    """
    docs = readable_not_stale(evidence, 2, freshness, audit_date)
    place = _place(unit, docs, config)
    if new_entrant_at_initial(config):
        _new_entrant(docs, place)
        return
    judge(
        docs,
        CONCEPTS,
        indicator=2,
        referential=referential,
        facts=facts,
        only=["resultats-chiffres"],
        subject=msg(f"Résultats publiés ({place.fr})", f"Published results ({place.en})"),
    )
    figured = _stating(docs, (FIGURES, Reader(FIGURES_TABLE)))
    _advise_freshness(figured, place, audit_date, freshness.get("resultats", RESULTS_MONTHS))


@mark.verifies("methode-calcul-resultats")
def check_methode_calcul_resultats(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les résultats publiés précisent leurs modalités de calcul ou le dispositif dont ils sont
    issus.

    Indiquez à côté de chaque indicateur comment il est calculé (« taux de réussite = admis /
    présentés, session 2025, 48 candidats », période, nombre de répondants) ou le dispositif
    existant sur lequel il s'appuie (InserJeunes, France compétences…).

    EN: The published results state how they are calculated or the scheme they come from.

    State next to each indicator how it is calculated ("taux de réussite = admis / présentés,
    session 2025, 48 candidats": success rate = passed / sat, 2025 session, 48 candidates; the
    period, the number of respondents) or the existing scheme it relies on (InserJeunes, France
    compétences…).
    """
    docs = readable(evidence, 2)
    place = _place(unit, docs, config)
    judge(
        docs,
        CONCEPTS,
        indicator=2,
        referential=referential,
        facts=facts,
        only=["methode-calcul"],
        subject=msg(
            f"Modalités de calcul des résultats ({place.fr})",
            f"Calculation method of the results ({place.en})",
        ),
    )
