"""Indicator 3 — Certification outcomes (« Taux d'obtention et débouchés des certifications »),
criterion 1.

Its built-in checks:

* :func:`check_resultats_certification` — the certifying offering gives its pass rate, skill
  blocks, equivalences, bridges, further pathways and job outcomes.
"""

from __future__ import annotations

from rnq.checks.helpers import (
    OfferSections,
    Term,
    cert_provisional,
    files,
    labels,
    missing_terms,
    new_entrant_at_initial,
    not_for_category,
    offering_reading,
    rs_note,
    where,
)
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, skip
from rnq.referential.loader import Referential
from rnq.referential.verifications import indicators_for
from rnq.workspace.config import Offering, Unit, WorkspaceConfig

__all__ = [
    "BLOCS",
    "DEBOUCHES",
    "EQUIVALENCES",
    "PASSERELLES",
    "POURSUITES",
    "SUITES",
    "TAUX_OBTENTION",
    "check_resultats_certification",
]

#: The namespace of this module's check names (``rnq.checks.results::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.results"


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
    rs = rs_note(offering)
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
