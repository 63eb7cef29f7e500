"""What the checks of indicators 4 and 8 read in a registrations export (SPEC §3 "Registers").

A collector such as ``rnq-registrations`` gives, per offering, a record of kind
``inscriptions`` whose rows hold each learner (first name and initial), the line of the export,
and the dates of their needs analysis, positioning, information sent and entry.
:func:`check_before_entry` finds the learners who entered (entry on or before the run's date)
without the step dated on or before entry, and names them as the report names complaints of
indicator 31: the learner, the line of the export; :func:`advise_information_before_entry` does
the same, per unit, for the information sent (indicator 9).

What may make a gap (SPEC §4): indicator 4's wording demands that « le prestataire analyse le
besoin du bénéficiaire », so an entrant with no needs analysis at all is a gap; neither wording
dates the step against entry (the guide even says positioning « peut avoir lieu lors de
l'admission ou en début de formation »), and indicator 8 demands procedures, not a positioning
per learner — so a step dated after entry, and any missing positioning, is advice « point de
vigilance ». Indicator 9 demands that the delivery conditions be « formalisées et diffusées »,
neither dated against entry nor recorded per learner: an entrant with no sending recorded, or one
recorded after entry, is advice too — the export not recording it does not show the learner was
not informed (a welcome booklet handed over, a notice sent from another tool).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.outcomes import Gap, advise, msg, stand_aside
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit

__all__ = [
    "KIND",
    "STEPS",
    "advise_information_before_entry",
    "check_before_entry",
    "registrations",
]

#: The kind of a registrations record.
KIND = "inscriptions"
#: The columns a registrations record's header must hold.
_NEEDED = ("ligne", "apprenant", "entree")
#: Each step checked: its column, its label (fr, en), the French word for « dated » agreeing
#: with it, and the demanded item it evidences.
STEPS: dict[str, tuple[Localized, str, str]] = {
    "analyse_besoin": (msg("analyse du besoin", "needs analysis"), "datée", "analyse-besoin"),
    "positionnement": (msg("positionnement", "positioning"), "daté", "procedure-positionnement"),
    "informations": (
        msg("envoi des informations", "information sent"),
        "daté",
        "horaires-planning",
    ),
}
#: Why a step missing or dated after entry is only advice, per step.
_WHY: dict[str, Localized] = {
    step: msg(
        " Point de vigilance : le texte ne date pas cette étape par rapport à l'entrée "
        "(le positionnement peut avoir lieu en début de formation, l'indicateur 8 demande "
        "des procédures) ; vérifiez-la dans les dossiers.",
        " Point of vigilance: the text does not date this step against entry (positioning "
        "may take place at the start of training, indicator 8 demands procedures); check "
        "it in the files.",
    )
    for step in ("analyse_besoin", "positionnement")
}
_WHY["informations"] = msg(
    " Point de vigilance : l'indicateur 9 demande que les conditions de déroulement soient "
    "formalisées et diffusées, sans dater leur envoi par rapport à l'entrée ; un envoi que "
    "l'export n'enregistre pas ne prouve pas que l'apprenant n'a pas été informé (livret "
    "d'accueil remis, convocation envoyée par un autre outil) : vérifiez-le dans les dossiers.",
    " Point of vigilance: indicator 9 demands that the delivery conditions be formalised and "
    "given out, without dating their sending against entry; a sending the export does not record "
    "does not show the learner was not informed (welcome booklet handed over, notice sent from "
    "another tool): check it in the files.",
)
#: The steps whose absence (no date at all) is a gap: the needs analysis of each beneficiary is
#: in indicator 4's wording; indicator 8's wording demands procedures, not a positioning per
#: learner.
_ABSENT_IS_GAP = frozenset({"analyse_besoin"})
#: How many learners a gap names before « et N autres ».
_NAMED = 20


@dataclass(frozen=True)
class _Missing:
    learner: str
    line: str
    entry: dt.date
    step: dt.date | None


def registrations(evidence: EvidenceSet, offering: Offering, step: str) -> list[Evidence]:
    """The offering's usable registrations records that have a ``step`` column."""
    return [
        e
        for e in evidence.for_offering(offering.id).of_kind(KIND).usable()
        if e.rows and all(name in e.rows[0] for name in (*_NEEDED, step))
    ]


def _missing(record: Evidence, step: str, today: dt.date) -> list[_Missing]:
    """The learners of ``record`` who entered by ``today`` without ``step`` dated by entry."""
    rows = record.rows or ()
    header = rows[0]
    at = {name: header.index(name) for name in (*_NEEDED, step)}
    found = []
    for row in rows[1:]:
        try:
            entry = dt.date.fromisoformat(row[at["entree"]]) if row[at["entree"]] else None
            done = dt.date.fromisoformat(row[at[step]]) if row[at[step]] else None
        except (ValueError, IndexError):
            continue  # the collector writes ISO dates; anything else is not ours to judge
        if entry is None or entry > today:
            continue  # not entered (yet): not a gap
        if done is None or done > entry:
            found.append(_Missing(row[at["apprenant"]], row[at["ligne"]], entry, done))
    return found


def _named(missing: Sequence[_Missing], label: Localized) -> Localized:
    """« Camille D. (ligne 3, entrée le 02/03/2026, positionnement le 05/03/2026) », …"""
    fr, en = [], []
    for m in missing[:_NAMED]:
        late_fr = f", {label.fr} le {fr_date(m.step)}" if m.step else ""
        late_en = f", {label.en} on {m.step.isoformat()}" if m.step else ""
        fr.append(f"{m.learner} (ligne {m.line}, entrée le {fr_date(m.entry)}{late_fr})")
        en.append(f"{m.learner} (line {m.line}, entered on {m.entry.isoformat()}{late_en})")
    more = len(missing) - _NAMED
    if more > 0:
        fr.append(f"et {more} autre(s)")
        en.append(f"and {more} more")
    return msg(", ".join(fr), ", ".join(en))


def check_before_entry(
    offering: Offering, evidence: EvidenceSet, today: dt.date, step: str
) -> None:
    """Raise a :class:`Gap` naming the offering's learners who entered with no needs analysis
    at all, and advise on those whose ``step`` is dated after entry (and, for the positioning,
    missing): the texts do not date these steps against entry; stand aside when the offering
    has no registrations record."""
    records = registrations(evidence, offering, step)
    if not records:
        stand_aside(
            msg(
                "Aucun export d'inscriptions pour cette prestation.",
                "No registrations export for this offering.",
            )
        )
    label, dated, item = STEPS[step]
    missing = {r.path: found for r in records if (found := _missing(r, step, today))}
    if not missing:
        return
    gap_paths = {
        path: [m for m in found if m.step is None]
        for path, found in missing.items()
        if step in _ABSENT_IS_GAP
    }
    gap_paths = {path: found for path, found in gap_paths.items() if found}
    vigilance = {
        path: [m for m in found if path not in gap_paths or m.step is not None]
        for path, found in missing.items()
    }
    vigilance = {path: found for path, found in vigilance.items() if found}
    if vigilance:
        advise(
            _message(offering, vigilance, label, dated, advice=True, step=step),
            items=[item],
            evidence=list(vigilance),
            key=f"{step}-apres-entree",
        )
    if gap_paths:
        raise Gap(
            _message(offering, gap_paths, label, dated, advice=False),
            evidence=list(gap_paths),
            items=[item],
        )


def advise_information_before_entry(unit: Unit, evidence: EvidenceSet, today: dt.date) -> None:
    """Advise, one offering at a time, on the unit's learners who entered without the
    information sent dated on or before entry — never a gap (see the module's docstring); stand
    aside when no registrations export of the unit records any sending (the export has no such
    column, or leaves it empty: nothing to judge)."""
    step = "informations"
    label, dated, item = STEPS[step]
    recording = False
    for offering in unit.offerings:
        records = [r for r in registrations(evidence, offering, step) if _records(r, step)]
        recording = recording or bool(records)
        missing = {r.path: found for r in records if (found := _missing(r, step, today))}
        if missing:
            advise(
                _message(offering, missing, label, dated, advice=True, step=step),
                items=[item],
                evidence=list(missing),
                key=f"{step}-apres-entree-{offering.id}",
            )
    if not recording:
        stand_aside(
            msg(
                "Aucun export d'inscriptions de l'unité n'enregistre l'envoi des informations.",
                "No registrations export of the unit records the information sent.",
            )
        )


def _records(record: Evidence, step: str) -> bool:
    """Whether ``record`` holds a date of ``step`` on at least one row."""
    rows = record.rows or ()
    at = rows[0].index(step)
    return any(len(row) > at and row[at] for row in rows[1:])


def _message(
    offering: Offering,
    missing: dict[str, list[_Missing]],
    label: Localized,
    dated: str,
    *,
    advice: bool,
    step: str = "positionnement",
) -> Localized:
    learners = [m for found in missing.values() for m in found]
    sources = ", ".join(dict.fromkeys(p.split(":", 1)[-1].split("#", 1)[0] for p in missing))
    named = _named(learners, label)
    why = _WHY[step] if advice else msg("", "")
    return msg(
        f"Prestation « {offering.title} » : {len(learners)} apprenant(s) entré(s) sans "
        f"{label.fr} {dated} au plus tard le jour de l'entrée — {named.fr} "
        f"(export des inscriptions {sources}).{why.fr}",
        f"Offering '{offering.title}': {len(learners)} learner(s) entered without a "
        f"{label.en} dated on or before entry — {named.en} (registrations export {sources})."
        f"{why.en}",
    )
