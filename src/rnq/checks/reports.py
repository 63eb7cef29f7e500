"""What the 2026 checks of indicators 12 and 14 read in a reporting device's log (SPEC §3
"Registers").

A collector such as ``rnq-reports`` gives, per unit, a record of kind ``signalements`` whose
rows hold each report of violence, harassment or discrimination — reference, line of the log,
category and dates (reception, acknowledgement, handling, closing) — and the due dates the
provider's procedure sets (``echeance_prise_en_charge``, ``echeance_accuse``). The log is
anonymised: findings name the reference (or the line), the category and the dates, nothing
else. :func:`check_reports` finds the reports not handled (or not acknowledged) by their due
date; a report still within its delay is pending, not a gap, as complaints are for indicator 31.

What may make a gap (SPEC §4): the handling — 12 (2026) « s'assure de la prévention et du
traitement de toute situation de violence », 14 (2026) « une procédure de traitement sans délai »,
and the procedure sets the delay. An acknowledgement is in neither wording nor niveau attendu: one
missing or late is a point de vigilance, never a gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.engine.outcomes import Gap, advise, msg, not_verified, stand_aside
from rnq.text import Localized

__all__ = ["KIND", "check_reports", "reports"]

#: The kind of a reports log record.
KIND = "signalements"
#: The columns a reports record's header must hold.
_NEEDED = ("reference", "ligne", "categorie", "date_reception", "date_prise_en_charge")
_DUE = "echeance_prise_en_charge"
#: How many reports a gap names before « et N autres ».
_NAMED = 20


@dataclass(frozen=True)
class _Late:
    """One report past a due date: what the finding may say of it."""

    reference: str
    line: str
    category: str
    received: dt.date
    step: Localized
    absent: str
    due: dt.date
    done: dt.date | None
    column: str = "date_prise_en_charge"

    def said(self, today: dt.date) -> Localized:
        """« S-02 (ligne 3, discrimination, reçu le 10/02/2026 : prise en charge … ) »."""
        name_fr = self.reference or f"ligne {self.line}"
        name_en = self.reference or f"line {self.line}"
        line_fr = f"ligne {self.line}, " if self.reference else ""
        line_en = f"line {self.line}, " if self.reference else ""
        if self.done is None:
            what_fr = f"{self.step.fr} toujours {self.absent} au {fr_date(today)}"
            what_en = f"no {self.step.en} yet on {today.isoformat()}"
        else:
            what_fr = f"{self.step.fr} le {fr_date(self.done)}"
            what_en = f"{self.step.en} on {self.done.isoformat()}"
        return msg(
            f"{name_fr} ({line_fr}{self.category}, reçu le {fr_date(self.received)} : "
            f"{what_fr}, échéance le {fr_date(self.due)})",
            f"{name_en} ({line_en}{self.category}, received on {self.received.isoformat()}: "
            f"{what_en}, due on {self.due.isoformat()})",
        )


_STEPS = (
    ("date_prise_en_charge", _DUE, msg("prise en charge", "handling"), "absente"),
    ("date_accuse", "echeance_accuse", msg("accusé de réception", "acknowledgement"), "absent"),
)


def reports(evidence: EvidenceSet) -> list[Evidence]:
    """The usable reports logs among ``evidence``."""
    return [
        e
        for e in evidence.of_kind(KIND).usable()
        if e.rows and all(name in e.rows[0] for name in (*_NEEDED, _DUE))
    ]


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _late(record: Evidence, today: dt.date) -> list[_Late]:
    """The reports of ``record`` past a due date by ``today`` (pending ones are not)."""
    rows = record.rows or ()
    header = rows[0]
    at = {name: i for i, name in enumerate(header)}
    found = []
    for row in rows[1:]:
        cell = {name: row[i] if i < len(row) else "" for name, i in at.items()}
        for done_column, due_column, step, absent in _STEPS:
            try:
                received = _day(cell["date_reception"])
                done = _day(cell.get(done_column, ""))
                due = _day(cell.get(due_column, ""))
            except ValueError:
                continue  # the collector writes ISO dates; anything else is not ours to judge
            if received is None or due is None:
                continue
            if (done is None and today > due) or (done is not None and done > due):
                found.append(
                    _Late(
                        cell["reference"],
                        cell["ligne"],
                        cell["categorie"],
                        received,
                        step,
                        absent,
                        due,
                        done,
                        done_column,
                    )
                )
    return found


def _named(late: Sequence[_Late], today: dt.date) -> Localized:
    said = [item.said(today) for item in late[:_NAMED]]
    fr, en = [s.fr for s in said], [s.en for s in said]
    more = len(late) - _NAMED
    if more > 0:
        fr.append(f"et {more} autre(s)")
        en.append(f"and {more} more")
    return msg(" ; ".join(fr), "; ".join(en))


def check_reports(evidence: EvidenceSet, today: dt.date) -> None:
    """Raise a :class:`Gap` naming the reports not handled within the delay the procedure sets,
    and advise on those not acknowledged within theirs (an acknowledgement is not in the text);
    stand aside when the unit keeps no reports log."""
    records = reports(evidence)
    if not records:
        unusable = [e.path for e in evidence.of_kind(KIND)]
        if unusable:
            not_verified(
                msg(
                    f"Journal des signalements illisible ou aux en-têtes non reconnus : "
                    f"{', '.join(unusable)}.",
                    f"Reports log unreadable or with unrecognised headers: {', '.join(unusable)}.",
                ),
                evidence=unusable,
            )
        stand_aside(msg("Aucun journal des signalements.", "No reports log."))
    late = {r.path: found for r in records if (found := _late(r, today))}
    if not late:
        return
    acknowledged = {
        path: kept
        for path, found in late.items()
        if (kept := [item for item in found if item.column == "date_accuse"])
    }
    handled = {
        path: kept
        for path, found in late.items()
        if (kept := [item for item in found if item.column != "date_accuse"])
    }
    if acknowledged:
        advise(
            _message(
                acknowledged,
                today,
                msg("non accusé(s) de réception", "not acknowledged"),
                msg(
                    " Point de vigilance : l'accusé de réception n'est pas dans le texte de "
                    "l'indicateur, mais votre procédure le prévoit.",
                    " Point of vigilance: the acknowledgement is not in the indicator's text, "
                    "but your procedure provides for it.",
                ),
            ),
            evidence=list(acknowledged),
            key="accuse-de-reception",
        )
    if handled:
        raise Gap(
            _message(handled, today, msg("non traité(s)", "not handled"), msg("", "")),
            evidence=list(handled),
        )


def _message(
    late: dict[str, list[_Late]], today: dt.date, what: Localized, why: Localized
) -> Localized:
    items = [item for found in late.values() for item in found]
    count = len({(path, item.line) for path, found in late.items() for item in found})
    sources = ", ".join(dict.fromkeys(p.split(":", 1)[-1] for p in late))
    named = _named(items, today)
    return msg(
        f"{count} signalement(s) de violence, harcèlement ou discrimination {what.fr} dans le "
        f"délai fixé par la procédure — {named.fr} (journal des signalements {sources}).{why.fr}",
        f"{count} report(s) of violence, harassment or discrimination {what.en} within the "
        f"delay the procedure sets — {named.en} (reports log {sources}).{why.en}",
    )
