"""The audit calendar as the terminal shows it, and as ``rnq calendar --json`` prints it
(:class:`rnq.rehearsal.calendar.AuditCalendar` is the model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rnq.rehearsal.calendar import AuditCalendar, NcDeadline, format_day
from rnq.render.labels import LABELS
from rnq.text import Lang, pick

__all__ = ["calendar_document", "calendar_text"]


def calendar_document(calendar: AuditCalendar) -> dict[str, object]:
    """The JSON document ``rnq calendar --json`` prints: ``{"schema": "rnq.calendar/1", …}``."""
    return {"schema": "rnq.calendar/1", **calendar.model_dump(mode="json")}


def _t(pair: tuple[str, str], lang: Lang) -> str:
    """The French or English text of ``pair``."""
    return pick(lang, *pair)


def _d(day: dt.date | None, lang: Lang) -> str:
    """A date as the calendar writes it, or a dash when unknown."""
    return "—" if day is None else format_day(day, lang)


def _rows(calendar: AuditCalendar, lang: Lang) -> list[tuple[str, str]]:
    """The calendar's key dates and phase, as (label, value) rows."""
    c = calendar
    rows: list[tuple[str, str]] = [
        (_t(("Aujourd'hui", "Today"), lang), _d(c.today, lang)),
        (
            _t(("Audit préparé", "Audit prepared"), lang),
            f"{_t(LABELS['audit'][c.audit_type], lang)}, {_d(c.audit_date, lang)}",
        ),
    ]
    if c.days_left is not None:
        rows.append((_t(("Jours restants", "Days left"), lang), str(c.days_left)))
    rows += [
        (_t(("Certifié le", "Certified on"), lang), _d(c.certified_on, lang)),
        (_t(("Échéance du certificat", "Certificate expires"), lang), _d(c.expires_on, lang)),
        (
            _t(("Fenêtre de surveillance", "Surveillance window"), lang),
            f"{_d(c.surveillance_from, lang)} – {_d(c.surveillance_until, lang)}",
        ),
        (
            _t(("Renouvellement : réserver dès", "Renewal: book from"), lang),
            _d(c.renewal_plan_from, lang),
        ),
        (
            _t(("Renouvellement : audit au plus tard", "Renewal: audit at the latest"), lang),
            _d(c.renewal_audit_by, lang),
        ),
    ]
    if c.phase is not None:
        rows.append(
            (_t(("Situation", "Where you stand"), lang), _t(LABELS["phase"][c.phase], lang))
        )
    return rows


def _nc_line(nc: NcDeadline, lang: Lang) -> str:
    """One NC of the previous audit: level, notification, deadline and state."""
    level = _t(LABELS["nc_level"][nc.level], lang)
    state = _t(LABELS["nc_state"][nc.state], lang)
    line = (
        f"  {nc.indicator:>2} {level} {_t(('notifiée le', 'notified'), lang)} "
        f"{_d(nc.notified, lang)} — {_t(('échéance', 'deadline'), lang)} {_d(nc.deadline, lang)}"
    )
    if nc.verification_by is not None:
        line += (
            f" ({_t(('vérification avant', 'verified by'), lang)} {_d(nc.verification_by, lang)})"
        )
    line += f" — {state}"
    if nc.lifted is not None:
        line += f" {_d(nc.lifted, lang)}"
    elif nc.days_left is not None and nc.days_left >= 0:
        line += f", {nc.days_left} {_t(('jours', 'days'), lang)}"
    return line


def _section(title: tuple[str, str], lines: Sequence[str], lang: Lang) -> list[str]:
    """A titled section of lines, after a blank line (nothing when ``lines`` is empty)."""
    if not lines:
        return []
    return ["", _t(title, lang), *lines]


def calendar_text(calendar: AuditCalendar, lang: Lang = "fr") -> str:
    """The calendar as the terminal shows it."""
    sep = ": " if lang == "en" else " : "
    c = calendar
    rows = _rows(c, lang)
    width = max(len(label) for label, _ in rows)
    out = [_t(("Calendrier d'audit", "Audit calendar"), lang), ""]
    out += [f"  {label.ljust(width)}{sep}{value}" for label, value in rows]
    if c.next_step:
        out += ["", f"  {c.next_step}"]
    out += _section(
        ("NC de l'audit précédent", "NCs of the previous audit"),
        [_nc_line(nc, lang) for nc in c.previous_nc],
        lang,
    )
    out += _section(("Attention", "Warnings"), [f"  - {w}" for w in c.warnings], lang)
    out += _section(("Provisoire", "Provisional"), [f"  - {p}" for p in c.provisional], lang)
    return "\n".join(out)
