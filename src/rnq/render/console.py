"""The terminal view of a report, in the spirit of pytest's output: one or two calendar lines
(days left, overdue NCs of the previous audit), gaps grouped by indicator (each explained once),
points de vigilance, errors, the action plan by owner, the plain answer, the files written, and
one closing line with the counts and the time taken.

* **Safe.** Every text that may come from a document (messages, file names, register cells,
  owners) goes through :func:`visible`: escape sequences, bell, C1 and bidi controls are shown as
  ``\\x1b``, ``\\u202e``…, never sent raw to the terminal.
* **Readable.** Colour only when asked for (:func:`terminal_style`: a terminal, no ``NO_COLOR``,
  not in CI), lines wrapped to the terminal's width, French typography (no-break spaces inside
  « » and before « : », so a guillemet never starts a line), one date style per language
  (``28/11/2026`` in French, ``2026-11-28`` in English), singular for 0 and 1 in French.
* ``verbosity``: -1 (``-q``) one line per indicator with a gap, the answer and the counts;
  0 the findings, advice, errors and the plan by owner; 1 (``-v``) also each finding's evidence,
  the suggested fix and the conform indicators.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from rnq.rehearsal.calendar import AuditCalendar
from rnq.render.labels import LABELS, count_text, label
from rnq.text import Lang, pick
from rnq.verdict.report import ActionItem, IndicatorResult, Report, ReportFinding

__all__ = [
    "ConsoleStyle",
    "advice_label",
    "calendar_lines",
    "console_text",
    "date_text",
    "summary_line",
    "terminal_style",
    "visible",
    "written_lines",
]

_STATUS = LABELS["status"]
_AUDIT = LABELS["audit"]
_WIDTH = 96
_MIN_WIDTH, _MAX_WIDTH = 40, 200

#: Status → SGR colour; the closing line takes the answer's colour.
_COLOURS = {
    "nc_major": "1;31",
    "nc_minor": "33",
    "not_assessed": "35",
    "waived": "36",
    "conform": "32",
    "advice": "36",
    "error": "31",
    "rule": "1",
    "dim": "2",
    "owner": "1",
}
_ANSWER_COLOUR = {False: "1;31", None: "1;33", True: "1;32"}


@dataclasses.dataclass(frozen=True)
class ConsoleStyle:
    """How the console view is drawn: its width, colour, ``file://`` links (OSC 8) and
    verbosity (-1 quiet, 0 normal, 1 verbose). The default is plain text, 96 columns."""

    width: int = _WIDTH
    color: bool = False
    links: bool = False
    verbosity: int = 0


def terminal_style(stream: IO[str] | None = None, *, verbosity: int = 0) -> ConsoleStyle:
    """The style for ``stream`` (standard output by default): colour and links on a terminal
    unless ``NO_COLOR`` is set or ``CI`` is (``FORCE_COLOR`` forces them, ``NO_COLOR`` still
    wins); the terminal's width (``COLUMNS`` too), 96 columns when piped."""
    import sys

    stream = stream if stream is not None else sys.stdout
    try:
        tty = bool(stream.isatty())
    except (AttributeError, ValueError):
        tty = False
    forced = bool(os.environ.get("FORCE_COLOR"))
    colour = (forced or (tty and not os.environ.get("CI"))) and not os.environ.get("NO_COLOR")
    if colour and os.name == "nt" and not forced:
        colour = _windows_ansi()
    width = shutil.get_terminal_size((_WIDTH, 24)).columns if tty else _WIDTH
    width = max(_MIN_WIDTH, min(_MAX_WIDTH, width))
    return ConsoleStyle(width=width, color=colour, links=colour and tty, verbosity=verbosity)


def _windows_ansi() -> bool:  # pragma: no cover - Windows only
    """Turn on the Windows console's escape sequences (Windows 10 and later); False if not."""
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.GetStdHandle(-11)
        mode = ctypes.c_ulong()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))
    except (AttributeError, OSError):
        return False


# --- Safe, French text ------------------------------------------------------------------------

#: C0 controls but tab and newline, DEL, C1, the bidi embeddings, overrides and isolates, the
#: marks, the line and paragraph separators: shown as escapes, never sent to the terminal.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character a terminal would obey (ESC, CSI, OSC, BEL, C1,
    bidi controls…) written as a visible escape: ``\\x1b[2J``, ``\\u202e``."""
    return _CONTROL.sub(_escape, text)


_ISO_DATE = re.compile(r"(?<![\w/.\-])(\d{4})-(\d{2})-(\d{2})(?![\w\-]|\.\w)")
_NBSP = "\u00a0"


def date_text(day: dt.date | None, lang: Lang = "fr") -> str:
    """``28/11/2026`` in French, ``2026-11-28`` in English, « — » for no date."""
    if day is None:
        return "—"
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def _typography(text: str, lang: Lang) -> str:
    """One line of text for the terminal: controls escaped, whitespace collapsed; in French,
    dates as dd/mm/yyyy (not inside file names) and no-break spaces inside « » and before
    « : ; ? » so that a guillemet or a colon never starts a line."""
    text = " ".join(visible(text).split())
    text = text.replace("« ", "«" + _NBSP).replace(" »", _NBSP + "»")
    if lang == "fr":
        text = _ISO_DATE.sub(r"\3/\2/\1", text)
        text = re.sub(r"(?<=\S) ([:;?!])(?=\s|$)", _NBSP + r"\1", text)
    return text


def _ruled(title: str, width: int) -> str:
    """`` title `` centred in « = » over the width, at least « == » on each side."""
    return f" {title} ".center(width - 1, "=") if len(title) + 6 <= width - 1 else f"== {title} =="


class _Screen:
    """The lines of the view, each with an optional colour, drawn at the end."""

    def __init__(self, style: ConsoleStyle, lang: Lang) -> None:
        self.style = style
        self.lang = lang
        self.lines: list[tuple[str, str | None]] = []

    def para(
        self, text: str, prefix: str = "", colour: str | None = None, *, head: int = 0
    ) -> None:
        """``text`` wrapped at the width, continuation lines indented two more spaces; the
        first ``head`` characters (a status tag) take ``colour``, or the whole text if 0."""
        width = max(self.style.width - 1, 20)
        wrapped = textwrap.wrap(
            _typography(text, self.lang),
            width,
            initial_indent=prefix,
            subsequent_indent=prefix + "  ",
            break_on_hyphens=False,
            break_long_words=False,
        ) or [prefix]
        for i, line in enumerate(wrapped):
            if colour and head and i == 0:
                start = len(prefix)
                self.lines.append((line, f"{colour}@{start}:{start + head}"))
            else:
                self.lines.append((line, colour if not head else None))

    def rule(self, title: str, colour: str | None = "rule") -> None:
        """An empty line, then `` title `` centred in a line of « = »."""
        self.lines.append(("", None))
        self.lines.append((_ruled(_typography(title, self.lang), self.style.width), colour))

    def raw(self, line: str, colour: str | None = None) -> None:
        self.lines.append((line, colour))

    def text(self) -> str:
        return "\n".join(self._draw(line, colour) for line, colour in self.lines)

    def _draw(self, line: str, colour: str | None) -> str:
        if not self.style.color or not colour:
            return line
        name, _, span = colour.partition("@")
        code = _COLOURS.get(name, name)
        if not span:
            return f"\x1b[{code}m{line}\x1b[0m"
        start, end = (int(x) for x in span.split(":"))
        return f"{line[:start]}\x1b[{code}m{line[start:end]}\x1b[0m{line[end:]}"


# --- Counts -----------------------------------------------------------------------------------

_COUNTED = ("nc_major", "nc_minor", "not_assessed", "waived", "conform")


def _counts(report: Report, lang: Lang, *, all_statuses: bool) -> list[str]:
    s = report.summary
    values = {
        "nc_major": s.nc_major,
        "nc_minor": s.nc_minor,
        "not_assessed": s.not_assessed,
        "waived": s.waived,
        "conform": s.conform,
    }
    parts = [
        count_text(values[key], key, lang)
        for key in _COUNTED
        if all_statuses or values[key] or key == "conform"
    ]
    if s.advice:
        parts.append(count_text(s.advice, "advice", lang))
    return parts


def summary_line(report: Report, lang: Lang = "fr") -> str:
    """One line: the count of each status over the applicable indicators (singular for 0 and 1
    in French: « 0 conforme », « 1 non évalué »), then the number applicable."""
    parts = _counts(report, lang, all_statuses=True)
    return f"{', '.join(parts)} — {count_text(report.summary.applicable, 'applicable', lang)}"


def _closing(report: Report, lang: Lang, elapsed: float | None) -> str:
    """« 2 NC majeures, 2 NC mineures, 1 non évalué, 21 conformes en 3,2 s » (the statuses that
    occur, conform always)."""
    text = ", ".join(_counts(report, lang, all_statuses=False))
    if elapsed is not None:
        seconds = f"{elapsed:.1f}"
        text += (
            f" {pick(lang, 'en', 'in')} {seconds.replace('.', ',') if lang == 'fr' else seconds} s"
        )
    return text


# --- The sections -----------------------------------------------------------------------------


def _t(pair: tuple[str, str], lang: Lang) -> str:
    return pick(lang, *pair)


def calendar_lines(
    calendar: AuditCalendar | None, lang: Lang = "fr", *, width: int = _WIDTH
) -> list[str]:
    """At most two lines: the days left before the audit (and where the provider stands in its
    cycle), then the previous audit's NCs whose deadline passed unlifted (``rnq calendar`` has
    the whole calendar)."""
    screen = _Screen(ConsoleStyle(width=width), lang)
    _calendar(screen, calendar)
    return [line for line, _ in screen.lines]


def _calendar(screen: _Screen, calendar: AuditCalendar | None) -> None:
    if calendar is None:
        return
    c, lang = calendar, screen.lang
    audit = _t(_AUDIT[c.audit_type], lang)
    when = date_text(c.audit_date, lang) if c.audit_date else ""
    if c.days_left is None:
        head = _t(("aucune date d'audit", "no audit date"), lang)
    elif c.days_left > 0:
        head = pick(
            lang,
            f"J-{c.days_left} avant l'{audit} ({when})",
            f"{c.days_left} days before the {audit} ({when})",
        )
    elif c.days_left == 0:
        head = pick(lang, f"{audit} aujourd'hui ({when})", f"{audit} today ({when})")
    else:
        head = pick(
            lang,
            f"date d'audit ({when}) passée depuis {-c.days_left} jours",
            f"audit date ({when}) passed {-c.days_left} days ago",
        )
    if c.phase is not None:
        head += f" — {label('phase', c.phase, lang)}"
    sep = " : " if lang == "fr" else ": "
    screen.para(f"{_t(('Calendrier', 'Calendar'), lang)}{sep}{head}")
    overdue = [nc for nc in c.previous_nc if nc.state == "overdue"]
    if overdue:
        parts = ", ".join(
            f"{nc.indicator} ({label('nc_level', nc.level, lang)}, "
            f"{_t(('échéance', 'deadline'), lang)} {date_text(nc.deadline, lang)})"
            for nc in overdue
        )
        title = _t(
            ("NC de l'audit précédent non levées, échéance dépassée", "Previous-audit NCs overdue"),
            lang,
        )
        word = _t(("indicateur", "indicator"), lang) + ("s" if len(overdue) > 1 else "")
        screen.para(f"! {title}{sep}{word} {parts}", colour="nc_major", head=1)


def _where(finding: ReportFinding) -> str:
    """« unit/offering », then the item unless the message already names it; a path in the
    item loses the unit it starts with (``siege/…`` after ``siege``)."""
    where = "/".join(x for x in (finding.unit, finding.offering) if x)
    item = finding.item
    if item:
        pieces = [re.sub(r"#\d+$", "", p.strip()) for p in item.split(" — ")]
        if not all(p and p in finding.message for p in pieces):
            for prefix in (finding.unit, finding.offering):
                if prefix:
                    item = re.sub(rf"(^|\s){re.escape(prefix)}/", r"\1", item)
            where = f"{where} · {item}" if where else item
    return where or "—"


def _gap_block(
    screen: _Screen, indicator: IndicatorResult, fixes: dict[str, str], *, shown_reason: bool
) -> None:
    lang, verbose = screen.lang, screen.style.verbosity
    tag = f"[{_t(_STATUS[indicator.status], lang)}]"
    screen.para(
        f"{tag} {indicator.number:>2} {indicator.title}", colour=indicator.status, head=len(tag)
    )
    if verbose < 0:
        return
    sep = " : " if lang == "fr" else ": "
    seen_fixes: set[str] = set()
    for finding in indicator.findings:
        if finding.outcome in ("passed", "not_applicable", "advice"):
            continue
        screen.para(f"{_where(finding)}{sep}{finding.message}", "    ")
        if verbose > 0:
            if finding.evidence:
                proofs = pick(lang, "preuves", "evidence")
                screen.para(f"{proofs}{sep}{', '.join(finding.evidence)}", "      ", "dim")
            fix = fixes.get(finding.id) or finding.fix
            if fix and fix not in seen_fixes:
                seen_fixes.add(fix)
                screen.para(f"{pick(lang, 'à faire', 'to do')}{sep}{fix}", "      ", "dim")
    if indicator.reason and shown_reason:
        screen.para(indicator.reason, "    ", "dim")


def advice_label(confirm: bool, lang: Lang) -> str:
    """« à confirmer » for a provisional text or a screening hit, else « point de vigilance »."""
    return label("advice", "confirm" if confirm else "watch", lang)


def _advice(screen: _Screen, report: Report) -> None:
    """The points de vigilance, by indicator: shown, never counted."""
    lang = screen.lang
    found = [
        (result, finding)
        for result in report.indicators
        for finding in result.findings
        if finding.outcome == "advice"
    ]
    if not found:
        return
    screen.rule(
        pick(
            lang,
            f"Points de vigilance ({len(found)}) — ne comptent pas dans le verdict",
            f"Points to watch ({len(found)}) — not counted in the verdict",
        )
    )
    sep = " : " if lang == "fr" else ": "
    for result, finding in found:
        where = "/".join(x for x in (finding.unit, finding.offering) if x) or "—"
        tag = f"[{advice_label(finding.confirm, lang)}]"
        screen.para(
            f"{tag} {result.number:>2} {where}{sep}{finding.message}",
            colour="advice",
            head=len(tag),
        )


def _errors(screen: _Screen, report: Report) -> None:
    for kind, title in (
        ("code", pick(screen.lang, "Code en erreur", "Code errors")),
        ("file", pick(screen.lang, "Fichiers en erreur", "Files with errors")),
    ):
        errors = [e for e in report.errors if e.kind == kind]
        if errors:
            screen.rule(title)
        for error in errors:
            where = error.path if error.line is None else f"{error.path}:{error.line}"
            screen.para(f"{where} — {error.message}", colour="error", head=len(visible(where)))


def owner_order(items: Iterable[ActionItem]) -> list[tuple[str, list[ActionItem]]]:
    """The items grouped by owner, owners in alphabetical order, each group in plan order."""
    groups: dict[str, list[ActionItem]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item)
    return sorted(groups.items(), key=lambda pair: (pair[0].casefold(), pair[0]))


def _plan(screen: _Screen, report: Report) -> None:
    """The required actions by owner: level, indicator, where, due date (and effort)."""
    lang = screen.lang
    required = [item for item in report.action_plan if not item.optional]
    if not required:
        return
    screen.rule(pick(lang, "Plan d'action par responsable", "Action plan by owner"))
    for owner, items in owner_order(required):
        screen.para(f"{owner} — {count_text(len(items), 'gap', lang)}", colour="owner")
        merged: dict[tuple[object, ...], list[ActionItem]] = {}
        for item in items:
            key = (item.level, item.indicator, item.unit, item.offering, item.due)
            merged.setdefault(key, []).append(item)
        for same in merged.values():
            item = same[0]
            tag = f"[{label('level', item.level, lang)}]"
            what = pick(lang, "affichage du certificat", "certificate display")
            number = what if item.indicator == 0 else str(item.indicator)
            where = "/".join(x for x in (item.unit, item.offering) if x)
            due = pick(
                lang, f"avant le {date_text(item.due, lang)}", f"by {date_text(item.due, lang)}"
            )
            line = f"{tag} {number:>2}{f' {where}' if where else ''} — {due}"
            effort = getattr(item, "effort_label", "")
            if effort:
                line += f" — {effort}"
            if len(same) > 1:
                line += f" ({count_text(len(same), 'gap', lang)})"
            screen.para(line, "  ", item.level, head=len(tag))


def _answer(screen: _Screen, report: Report, shown: set[int]) -> None:
    """The plain answer, then what blocks and what is undetermined — by indicator number and
    title when the gap is listed above (its reason is there), in full otherwise."""
    lang, s = screen.lang, report.summary
    screen.rule(s.certifiable_question or pick(lang, "Certifiable ?", "Certifiable?"))
    screen.para(s.answer, colour=_answer_colour(s.certifiable))
    if screen.style.verbosity < 0:
        return
    titles = {r.number: r.title for r in report.indicators}
    for reasons, head in (
        (s.blocking, pick(lang, "Bloquant", "Blocking")),
        (s.undetermined, pick(lang, "À établir", "To establish")),
    ):
        listed = []
        for reason in reasons:
            number, sep, _ = reason.partition(":")
            if sep and number.isdigit() and int(number) in shown:
                listed.append(f"{number} {titles.get(int(number), '')}".strip())
            else:
                listed.append(reason)
        if listed:
            sep = " : " if lang == "fr" else ": "
            screen.para(
                f"{head}{sep}{' ; '.join(listed) if lang == 'fr' else '; '.join(listed)}", "  "
            )
    required = [item for item in report.action_plan if not item.optional]
    if required:
        first = required[0]
        head = pick(lang, "Première action :", "First action:")
        what = pick(lang, "affichage du certificat", "certificate display")
        number = what if first.indicator == 0 else str(first.indicator)
        where = "/".join(x for x in (first.unit, first.offering) if x)
        due = pick(
            lang, f"avant le {date_text(first.due, lang)}", f"by {date_text(first.due, lang)}"
        )
        screen.para(f"{head} {number}{f' ({where})' if where else ''} — {first.owner}, {due}")


def _answer_colour(certifiable: bool | None) -> str:
    return _ANSWER_COLOUR[certifiable]


def _link(path: Path, style: ConsoleStyle) -> str:
    text = visible(str(path))
    if not style.links:
        return text
    return f"\x1b]8;;{path.as_uri()}\x1b\\{text}\x1b]8;;\x1b\\"


def written_lines(
    written: Sequence[tuple[str, Path]], lang: Lang = "fr", style: ConsoleStyle | None = None
) -> list[str]:
    """One line per file written: « rapport HTML : /abs/rapport.html » (a ``file://`` link on a
    terminal: OSC 8)."""
    style = style or ConsoleStyle()
    sep = " : " if lang == "fr" else ": "
    return [f"  {name}{sep}{_link(path.absolute(), style)}" for name, path in written]


def console_text(
    report: Report,
    lang: Lang = "fr",
    *,
    evidence_count: int | None = None,
    style: ConsoleStyle | None = None,
    elapsed: float | None = None,
    written: Sequence[tuple[str, Path]] = (),
) -> str:
    """The whole terminal report; ``style`` sets width, colour and verbosity (plain, 96 columns
    by default), ``elapsed`` the seconds in the closing line, ``written`` the files written
    (name, path) listed before it."""
    del evidence_count  # kept for callers; the closing line counts indicators
    style = style or ConsoleStyle()
    screen = _Screen(style, lang)
    org = report.organization.name if report.organization else ""
    audit = _t(_AUDIT[report.audit.type], lang)
    when = date_text(report.audit.date, lang)
    head = f"rnq — {org} — {report.referential}"
    if report.calendar is None:  # else the calendar line names the audit and its date
        head += f" — {audit} : {when}" if lang == "fr" else f" — {audit}: {when}"
    screen.para(head, colour="rule")
    _calendar(screen, report.calendar)
    order = {"nc_major": 0, "nc_minor": 1, "not_assessed": 2, "waived": 3}
    gaps = sorted(
        (i for i in report.indicators if i.status in order),
        key=lambda i: (order[i.status], i.number),
    )
    fixes = {item.finding: item.fix for item in report.action_plan if item.finding and item.fix}
    if gaps:
        screen.rule(pick(lang, "Écarts par indicateur", "Gaps by indicator"))
        for indicator in gaps:
            _gap_block(screen, indicator, fixes, shown_reason=True)
    if style.verbosity > 0:
        conform = [i for i in report.indicators if i.status == "conform"]
        if conform:
            screen.rule(pick(lang, "Conformes", "Conform"))
            for indicator in conform:
                _gap_block(screen, indicator, fixes, shown_reason=False)
    if style.verbosity >= 0:
        _advice(screen, report)
    _errors(screen, report)
    if style.verbosity >= 0:
        _plan(screen, report)
    _answer(screen, report, {i.number for i in gaps})
    if written:
        screen.rule(pick(lang, "Fichiers écrits", "Files written"))
        for line in written_lines(written, lang, style):
            screen.raw(line)
    screen.raw("")
    screen.raw(
        _ruled(_closing(report, lang, elapsed), style.width),
        _answer_colour(report.summary.certifiable),
    )
    return screen.text()
