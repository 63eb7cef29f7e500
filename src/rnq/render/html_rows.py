"""The page's many rows, written in Python rather than by the template's macros.

A report of 50 000 files has thousands of findings (each with its evidence paths), a thousand
actions and thousands of per-offering statuses. Written by Jinja macros they cost tens of
thousands of macro calls and a quarter of a million escapes; :class:`Rows` writes the very same
markup (``tests/test_html_rows.py`` compares it with the macros it replaced), escaping every text
as Jinja's autoescape does (:func:`escape_text`), each distinct text once per page.

The template keeps the page's structure and calls these functions where it called the macros:
``findings_table``, ``plan_rows``, ``unit_statuses`` and ``offering_statuses``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from rnq.render.labels import label
from rnq.text import Lang
from rnq.verdict.report import ActionItem, ReportFinding

__all__ = ["Escaped", "Rows", "escape_text"]


def escape_text(text: str) -> str:
    """``markupsafe.escape(text)``, what Jinja's autoescape applies, as a plain ``str``."""
    return str(escape(text))


#: Joins a finding's paths to escape them at once (see :meth:`Rows._path_items`); and what it
#: becomes in the markup.
_SEP = "\x00"
_BETWEEN = "</code></li><li><code>"


class Escaped(dict[str, str]):
    """Texts and their escaped form, each escaped once: ``escaped[text]``. A page cites the
    same paths, names and messages many times."""

    def __missing__(self, key: str) -> str:
        value = self[key] = escape_text(key)
        return value


class Rows:
    """The rows of one page: what the template's macros wrote, for one report.

    ``defer`` keeps a piece of markup in the page's data island and gives its key (see
    :func:`rnq.render.html.html_parts`); ``markdown`` renders a fix; ``day`` writes a date.
    Pieces are deferred in the order the macros deferred them, so the keys are the same.
    """

    def __init__(
        self,
        *,
        lang: Lang,
        words: Mapping[str, str],
        unit_names: Mapping[str, str],
        offering_titles: Mapping[str, str],
        criterion_of: Mapping[int, int],
        title_of: Mapping[int, str],
        in_scope: Mapping[int, bool],
        defer: Callable[[str], str],
        markdown: Callable[[str | None], Markup],
        day: Callable[[Any, Lang], str],
        shown: int,
        paths_shown: int,
    ) -> None:
        self.lang = lang
        self.esc = esc = Escaped()
        self.words_raw = words
        self.words = {key: esc[value] for key, value in words.items()}
        self.unit_names = {key: esc[value] for key, value in unit_names.items()}
        self.offering_titles = {key: esc[value] for key, value in offering_titles.items()}
        self.criterion_of = criterion_of
        self.title_of = title_of
        self.in_scope = in_scope
        self.defer = defer
        self.markdown = markdown
        self.day = day
        self.shown = shown
        self.paths_shown = paths_shown
        self._badges: dict[str, str] = {}
        self._outcomes: dict[tuple[str, bool], str] = {}
        self._paths: dict[tuple[str, ...], str] = {}
        self._head = (
            '<table class="findings">\n<thead><tr><th scope="col">'
            f"{self.words['outcome']}</th>"
            f'<th scope="col">{self.words["unit"]} / {self.words["offering"]}</th>'
            f'<th scope="col">{self.words["message"]}</th></tr></thead>\n<tbody>\n'
        )

    # --- names and badges ------------------------------------------------------------------

    def unit_name(self, unit: str | None) -> str:
        """The template's ``unit_name`` macro: the unit's name, escaped; ``—`` for none."""
        if not unit:
            return "—"
        name = self.unit_names.get(unit)
        return self.esc[unit] if name is None else name

    def offering_name(self, offering: str | None) -> str:
        """The template's ``offering_name`` macro: the offering's title, escaped; ``—``."""
        if not offering:
            return "—"
        title = self.offering_titles.get(offering)
        return self.esc[offering] if title is None else title

    def badge(self, status: str) -> str:
        """The template's ``badge`` macro: a status as a coloured badge."""
        html = self._badges.get(status)
        if html is None:
            esc = self.esc
            html = self._badges[status] = (
                f'<span class="badge s-{esc[status]}">'
                f"{esc[label('status', status, self.lang)]}</span>"
            )
        return html

    def _outcome(self, outcome: str, confirm: bool) -> str:
        """A finding's outcome badge (« à confirmer » for advice to confirm)."""
        key = (outcome, confirm)
        html = self._outcomes.get(key)
        if html is None:
            esc = self.esc
            if outcome == "advice" and confirm:
                text = label("advice", "confirm", self.lang)
                html = f'<span class="badge o-confirm">{esc[text]}</span>'
            else:
                text = label("outcome", outcome, self.lang)
                html = f'<span class="badge o-{esc[outcome]}">{esc[text]}</span>'
            self._outcomes[key] = html
        return html

    # --- statuses per unit and per offering ------------------------------------------------

    def unit_statuses(self, units: Mapping[str, str]) -> Markup:
        """The items of a per-unit ``<ul class="statuses">``."""
        esc, name, badge = self.esc, self.unit_name, self.badge
        return Markup(
            "".join(
                f'<li class="fu" data-u="{esc[unit]}">{name(unit)} {badge(status)}</li>'
                for unit, status in units.items()
            )
        )

    def offering_statuses(self, offerings: Mapping[str, str]) -> Markup:
        """The items of a per-offering ``<ul class="statuses">``."""
        name, badge = self.offering_name, self.badge
        return Markup(
            "".join(
                f"<li>{name(offering)} {badge(status)}</li>"
                for offering, status in offerings.items()
            )
        )

    # --- findings --------------------------------------------------------------------------

    def findings_table(
        self, findings: Sequence[ReportFinding], shared_fix: str | None = None
    ) -> Markup:
        """A table of findings: the first :attr:`shown` rows written, the others deferred
        behind a « show the others » button. ``shared_fix`` is said above the table, not in
        its rows."""
        shown = self.shown
        parts = [self._head, self._finding_rows(findings[:shown], shared_fix), "\n</tbody>\n"]
        if len(findings) > shown:
            rest = self._finding_rows(findings[shown:], shared_fix)
            more = self.words_n("more_findings", len(findings) - shown)
            parts.append(
                '<tfoot><tr><td colspan="3"><button type="button" class="more" data-more="'
                f'{self.esc[self.defer(rest)]}">{more}</button></td></tr></tfoot>\n'
            )
        parts.append("</table>")
        return Markup("".join(parts))

    def words_n(self, key: str, n: int) -> str:
        """A sentence of the page's words with its ``{n}`` replaced, escaped."""
        return self.esc[self.words_raw[key].replace("{n}", str(n))]

    def _finding_rows(self, findings: Sequence[ReportFinding], shared_fix: str | None) -> str:
        out: list[str] = []
        for f in findings:
            self._finding_row(f, shared_fix, out)
        return "".join(out)

    def _finding_row(self, f: ReportFinding, shared_fix: str | None, out: list[str]) -> None:
        esc, words = self.esc, self.words
        unit = f.unit
        out.append(
            f'<tr class="fu of-{esc[f.outcome]}" data-u="{esc[unit] if unit else ""}">\n<td>'
            f"{self._outcome(f.outcome, f.confirm)}"
        )
        if f.missing:
            out.append(f"<br><small>{words['missing']}</small>")
        if f.provisional:
            out.append(f'<br><small class="prov">{words["provisional"]}</small>')
        out.append(f"</td>\n<td>{self.unit_name(unit)}")
        if f.offering:
            out.append(f"<br><small>{self.offering_name(f.offering)}</small>")
        if f.item:
            out.append(f'<br><small class="item">{esc[f.item]}</small>')
        out.append(f'</td>\n<td><p class="msg">{esc[f.message]}</p>')
        if f.evidence:
            out.append(self._evidence(f.evidence))
        fix = f.fix
        if fix and f.outcome != "passed" and fix != shared_fix:
            out.append(
                f'<div class="fix"><strong>{words["fix"]}</strong>{self.markdown(fix)}</div>'
            )
        out.append(f'<small class="check">{esc[f.check]}</small></td>\n</tr>\n')

    def _evidence(self, evidence: tuple[str, ...]) -> str:
        """A finding's evidence paths: the first :attr:`paths_shown`, then the others in a
        closed ``<details>`` filled from the data island. Findings citing the same paths share
        the markup (and the deferred key, as the template's ``defer`` gave it)."""
        html = self._paths.get(evidence)
        if html is None:
            shown = self.paths_shown
            items = self._path_items(evidence[:shown])
            if len(evidence) > shown:
                rest = f'<ul class="paths">{self._path_items(evidence[shown:])}</ul>'
                more = self.words_n("more_paths", len(evidence) - shown)
                items += (
                    f'<li><details data-more="{self.esc[self.defer(rest)]}">'
                    f"<summary>{more}</summary></details></li>"
                )
            html = self._paths[evidence] = f'<ul class="paths">{items}</ul>'
        return html

    def _path_items(self, paths: Sequence[str]) -> str:
        """``<li><code>path</code></li>`` for each path. Escaping replaces characters one by
        one, so the paths are escaped together, joined by a character that escaping leaves
        alone and no path holds, which then becomes the markup between two items: a few calls
        for a finding's paths rather than a few for each path (113 000 paths at 50k)."""
        if not paths:
            return ""
        joined = _SEP.join(paths)
        if joined.count(_SEP) != len(paths) - 1:  # a path holds the separator
            esc = self.esc
            return "".join([f"<li><code>{esc[p]}</code></li>" for p in paths])
        return f"<li><code>{escape_text(joined).replace(_SEP, _BETWEEN)}</code></li>"

    # --- the action plan -------------------------------------------------------------------

    def plan_rows(self, actions: Sequence[ActionItem]) -> Markup:
        """Rows of the action plan, each followed by a new line."""
        return Markup("".join([f"{self._plan_row(a)}\n" for a in actions]))

    def _plan_row(self, a: ActionItem) -> str:
        esc, words, lang, day = self.esc, self.words, self.lang, self.day
        indicator = a.indicator
        optional = a.optional
        head = (
            f'<tr class="fx{" opt" if optional else ""}"'
            f' data-c="{esc[str(self.criterion_of.get(indicator, ""))]}"'
            f' data-s="{esc[a.level]}" data-u="{esc[a.unit] if a.unit else ""}"'
            f' data-k="{1 if self.in_scope.get(indicator) else 0}"'
            f' data-a="{1 if optional else 0}">\n<td>'
        )
        if optional:
            level = f'<span class="badge o-advice">{esc[label("level", "advice", lang)]}</span>'
        else:
            level = self.badge(a.level)
        effort = a.effort_label or label("effort", a.effort, lang)
        if indicator:
            number = esc[str(indicator)]
            title = esc[self.title_of.get(indicator, "")]
            what = f'<a href="#ind-{number}">{number}</a><br><small>{title}</small>'
        else:
            what = f'<a href="#display">{words["display_obligation"]}</a>'
        where = self.unit_name(a.unit)
        if a.offering:
            where += f"<br><small>{self.offering_name(a.offering)}</small>"
        fix = ""
        if a.fix:
            fix = (
                f'<details class="plan-fix"><summary>{words["fix"]}</summary><div class="fix">'
                f'<strong class="print-only">{words["fix"]}</strong>{self.markdown(a.fix)}'
                "</div></details>"
            )
        return (
            f'{head}{level}<br><small class="effort effort-{esc[a.effort]}">{esc[effort]}'
            f"</small></td>\n<td>{what}</td>\n<td>{where}</td>\n"
            f'<td class="act"><span class="what">{esc[a.what]}</span>{fix}</td>\n'
            f"<td>{esc[a.owner]}</td>\n"
            f'<td class="d">{esc[day(a.due, lang)]}</td>\n'
            f'<td class="d">{esc[day(a.deadline_if_raised, lang)]}</td>\n'
            f'<td class="d">{esc[day(a.verification_by, lang)]}</td>\n</tr>'
        )
