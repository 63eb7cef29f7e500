"""What the checks of indicators 4 and 8 read in a registrations export (SPEC §3 "Registers").

A collector such as ``rnq-registrations`` gives, per offering, a record of kind
``inscriptions`` whose rows hold each learner (first name and initial), the line of the export,
and the dates of their needs analysis, positioning and entry. :func:`check_before_entry` finds
the learners who entered (entry on or before the run's date) without the step dated on or before
entry, and names them as the report names complaints of indicator 31: the learner, the line of
the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.outcomes import Gap, msg, stand_aside
from rnq.text import Localized
from rnq.workspace.config import Offering

__all__ = ["KIND", "STEPS", "check_before_entry", "registrations"]

#: The kind of a registrations record.
KIND = "inscriptions"
#: The columns a registrations record's header must hold.
_NEEDED = ("ligne", "apprenant", "entree")
#: Each step checked: its column, its label (fr, en), the French word for « dated » agreeing
#: with it, and the demanded item it evidences.
STEPS: dict[str, tuple[Localized, str, str]] = {
    "analyse_besoin": (msg("analyse du besoin", "needs analysis"), "datée", "analyse-besoin"),
    "positionnement": (msg("positionnement", "positioning"), "daté", "procedure-positionnement"),
}
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
    """Raise a :class:`Gap` naming the offering's learners who entered without ``step`` dated
    on or before their entry; stand aside when the offering has no registrations record."""
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
    learners = [m for found in missing.values() for m in found]
    sources = ", ".join(dict.fromkeys(p.split(":", 1)[-1].split("#", 1)[0] for p in missing))
    named = _named(learners, label)
    raise Gap(
        msg(
            f"Prestation « {offering.title} » : {len(learners)} apprenant(s) entré(s) sans "
            f"{label.fr} {dated} au plus tard le jour de l'entrée — {named.fr} "
            f"(export des inscriptions {sources}).",
            f"Offering '{offering.title}': {len(learners)} learner(s) entered without a "
            f"{label.en} dated on or before entry — {named.en} (registrations export {sources}).",
        ),
        evidence=list(missing),
        items=[item],
    )
