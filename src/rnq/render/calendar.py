"""The audit calendar as the terminal shows it, and as ``rnq calendar --json`` prints it
(:class:`rnq.rehearsal.calendar.AuditCalendar` is the model)."""

from __future__ import annotations

import datetime as dt

from rnq.rehearsal.calendar import AuditCalendar, format_day
from rnq.render.labels import LABELS
from rnq.text import Lang

__all__ = ["calendar_document", "calendar_text"]


def calendar_document(calendar: AuditCalendar) -> dict[str, object]:
    """The JSON document ``rnq calendar --json`` prints: ``{"schema": "rnq.calendar/1", …}``."""
    return {"schema": "rnq.calendar/1", **calendar.model_dump(mode="json")}


def calendar_text(calendar: AuditCalendar, lang: Lang = "fr") -> str:
    """The calendar as the terminal shows it."""

    def t(pair: tuple[str, str]) -> str:
        return pair[1] if lang == "en" else pair[0]

    def d(day: dt.date | None) -> str:
        return "—" if day is None else format_day(day, lang)

    sep = ": " if lang == "en" else " : "
    c = calendar
    rows: list[tuple[str, str]] = [
        (t(("Aujourd'hui", "Today")), d(c.today)),
        (
            t(("Audit préparé", "Audit prepared")),
            f"{t(LABELS['audit'][c.audit_type])}, {d(c.audit_date)}",
        ),
    ]
    if c.days_left is not None:
        rows.append((t(("Jours restants", "Days left")), str(c.days_left)))
    rows += [
        (t(("Certifié le", "Certified on")), d(c.certified_on)),
        (t(("Échéance du certificat", "Certificate expires")), d(c.expires_on)),
        (
            t(("Fenêtre de surveillance", "Surveillance window")),
            f"{d(c.surveillance_from)} – {d(c.surveillance_until)}",
        ),
        (t(("Renouvellement : réserver dès", "Renewal: book from")), d(c.renewal_plan_from)),
        (
            t(("Renouvellement : audit au plus tard", "Renewal: audit at the latest")),
            d(c.renewal_audit_by),
        ),
    ]
    if c.phase is not None:
        rows.append((t(("Situation", "Where you stand")), t(LABELS["phase"][c.phase])))
    width = max(len(label) for label, _ in rows)
    out = [t(("Calendrier d'audit", "Audit calendar")), ""]
    out += [f"  {label.ljust(width)}{sep}{value}" for label, value in rows]
    if c.next_step:
        out += ["", f"  {c.next_step}"]
    if c.previous_nc:
        out += ["", t(("NC de l'audit précédent", "NCs of the previous audit"))]
        for nc in c.previous_nc:
            level = t(LABELS["nc_level"][nc.level])
            state = t(LABELS["nc_state"][nc.state])
            line = (
                f"  {nc.indicator:>2} {level} {t(('notifiée le', 'notified'))} "
                f"{d(nc.notified)} — {t(('échéance', 'deadline'))} {d(nc.deadline)}"
            )
            if nc.verification_by is not None:
                line += f" ({t(('vérification avant', 'verified by'))} {d(nc.verification_by)})"
            line += f" — {state}"
            if nc.lifted is not None:
                line += f" {d(nc.lifted)}"
            elif nc.days_left is not None and nc.days_left >= 0:
                line += f", {nc.days_left} {t(('jours', 'days'))}"
            out.append(line)
    if c.warnings:
        out += ["", t(("Attention", "Warnings"))]
        out += [f"  - {w}" for w in c.warnings]
    if c.provisional:
        out += ["", t(("Provisoire", "Provisional"))]
        out += [f"  - {p}" for p in c.provisional]
    return "\n".join(out)
