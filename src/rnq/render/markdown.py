"""The report as a Markdown document (``rnq check --md FILE``): the plain answer and its
reasons, the audit calendar, the mock audit's sample (``rnq sample``; a banner then says the
report covers the sample only), the counts, the action plan (majors first), then every indicator
criterion by criterion, the indicators that do not apply, the files in error and the plugins'
sections.

Everything that comes from the workspace (file names, messages, owners, notes) goes through
:func:`escape`: HTML-significant characters become entities and Markdown punctuation is
backslash-escaped, so a file named ``<img src=x onerror=alert(1)>.pdf`` or ``| a | b |`` can
neither inject markup nor break a table, whichever renderer displays the file. Plugin sections
(:attr:`rnq.verdict.report.Report.sections`) are Markdown written by code the workspace opted into;
they are included as they are, under a heading, after the report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from rnq.rehearsal.calendar import AuditCalendar, NcDeadline
from rnq.rehearsal.sampling import AuditSample, CategorySample, OfferingSample, SiteSample
from rnq.render.labels import criterion_label, label
from rnq.text import Lang, pick
from rnq.verdict.report import ActionItem, IndicatorResult, Obligation, Report, ReportFinding

__all__ = ["TITLES", "escape", "render_markdown"]

#: The report's title, its first line: how rnq knows its own reports again (a report written
#: inside the workspace is never read as evidence: :mod:`rnq.render.own_outputs`).
TITLES = {"fr": "Rapport pré-audit Qualiopi", "en": "Qualiopi pre-audit report"}

#: Majors first, then minors, then the optional advice.
_LEVEL_ORDER = {"nc_major": 0, "nc_minor": 1}

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: Punctuation that can start inline Markdown (emphasis, code, links, images, tables, strikes).
_PUNCT = re.compile(r"([\\`*_\[\]|~!#])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
_OPEN = ("gap", "not_verified", "waived")


def escape(text: str | None) -> str:
    """``text`` made inert inside a Markdown line or table cell: on one line, HTML special
    characters as entities, Markdown punctuation and pipes backslash-escaped."""
    if not text:
        return ""
    text = _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()
    text = "".join(_HTML.get(char, char) for char in text)
    return _PUNCT.sub(r"\\\1", text)


def _colon(lang: Lang) -> str:
    return " :" if lang == "fr" else ":"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GFM table; cells must already be escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _col(key: str, lang: Lang) -> str:
    return label("column", key, lang)


def _header(report: Report) -> list[str]:
    lang = report.lang
    org = report.organization.name if report.organization else ""
    title = TITLES[lang]
    lines = [f"# {title}" + (f" — {escape(org)}" if org else ""), ""]
    audit = label("audit", report.audit.type, lang)
    when = report.audit.date.isoformat() if report.audit.date else "—"
    referential = escape(report.referential_title or report.referential)
    c = _colon(lang)
    lines += [
        f"- {pick(lang, 'Référentiel', 'Referential')}{c} {referential} (`{report.referential}`)",
        f"- {audit[0].upper() + audit[1:]}{c} {when}",
        f"- {pick(lang, 'Date du rapport', 'Report date')}{c} {report.today.isoformat()}",
    ]
    if report.organization and report.organization.nda:
        lines.append(f"- NDA{c} {escape(report.organization.nda)}")
    return lines


def _limits(report: Report) -> list[str]:
    """« Limites »: the caveats of the referential in force that concern this workspace."""
    if not report.referential_notes:
        return []
    lang = report.lang
    lines = ["", f"## {pick(lang, 'Limites', 'Limits')}", ""]
    lines += [f"- {escape(note)}" for note in report.referential_notes]
    return lines


def _answer(report: Report) -> list[str]:
    lang = report.lang
    s = report.summary
    question = s.certifiable_question or pick(
        lang,
        "En l'état, le certificat serait-il délivré ?",
        "As things stand, would the certificate be delivered?",
    )
    key = "null" if s.certifiable is None else str(s.certifiable).lower()
    verdict = label("certifiable", key, lang)
    answer = escape(s.answer) if s.answer else f"**{verdict}.**"
    lines = ["", f"## {escape(question)}", "", answer]
    c = _colon(lang)
    if s.blocking:
        lines += ["", f"{pick(lang, 'Motifs bloquants', 'Blocking reasons')}{c}", ""]
        lines += [f"- {escape(reason)}" for reason in s.blocking]
    if s.undetermined:
        lines += ["", f"{pick(lang, 'Reste à établir', 'Still to be established')}{c}", ""]
        lines += [f"- {escape(reason)}" for reason in s.undetermined]
    return lines


def _day(value: dt.date | None) -> str:
    return "—" if value is None else value.isoformat()


def _countdown(days_left: int | None, lang: Lang) -> str:
    """« J-40 avant l'audit », or why there is no countdown."""
    if days_left is None:
        return pick(
            lang, "Aucune date d'audit : pas de compte à rebours", "No audit date: no countdown"
        )
    if days_left > 0:
        return pick(lang, f"J-{days_left} avant l'audit", f"{days_left} days before the audit")
    if days_left == 0:
        return pick(lang, "L'audit a lieu aujourd'hui", "The audit is today")
    return pick(
        lang,
        f"Date d'audit passée depuis {-days_left} jours",
        f"Audit date passed {-days_left} days ago",
    )


def _cycle_facts(c: AuditCalendar, lang: Lang) -> list[tuple[str, str]]:
    """The certification cycle's dates, as (name, value) facts (none without ``certified_on``)."""
    if c.certified_on is None:
        return []
    validity = (
        ""
        if c.validity_months is None
        else pick(
            lang,
            f" (validité {c.validity_months} mois)",
            f" (validity {c.validity_months} months)",
        )
    )
    return [
        (pick(lang, "Certifié le", "Certified on"), _day(c.certified_on) + validity),
        (pick(lang, "Échéance du certificat", "Certificate expires"), _day(c.expires_on)),
        (
            pick(lang, "Fenêtre de surveillance", "Surveillance window"),
            f"{_day(c.surveillance_from)} – {_day(c.surveillance_until)}",
        ),
        (
            pick(lang, "Renouvellement : réserver dès", "Renewal: book from"),
            _day(c.renewal_plan_from),
        ),
        (
            pick(lang, "Renouvellement : audit au plus tard", "Renewal: audit at the latest"),
            _day(c.renewal_audit_by),
        ),
    ]


def _calendar_facts(c: AuditCalendar, lang: Lang) -> list[tuple[str, str]]:
    """The calendar's key facts, as (name, value) pairs: dates, days left, phase."""
    facts = [
        (pick(lang, "Aujourd'hui", "Today"), _day(c.today)),
        (
            pick(lang, "Audit préparé", "Audit prepared"),
            f"{label('audit', c.audit_type, lang)}, {_day(c.audit_date)}",
        ),
    ]
    if c.days_left is not None:
        facts.append((pick(lang, "Jours restants", "Days left"), str(c.days_left)))
    facts += _cycle_facts(c, lang)
    if c.phase is not None:
        facts.append(
            (pick(lang, "Situation", "Where you stand"), f"**{label('phase', c.phase, lang)}**")
        )
    return facts


def _nc_state(nc: NcDeadline, lang: Lang) -> str:
    """An NC's state cell: overdue in bold with a warning sign, then the lift date or days."""
    state = label("nc_state", nc.state, lang)
    if nc.state == "overdue":
        state = f"**⚠ {state}**"
    if nc.lifted is not None:
        return state + f" ({_day(nc.lifted)})"
    if nc.days_left is None:
        return state
    if nc.days_left < 0:
        return state + pick(
            lang, f" (dépassée de {-nc.days_left} jours)", f" ({-nc.days_left} days overdue)"
        )
    return state + pick(lang, f" ({nc.days_left} jours restants)", f" ({nc.days_left} days left)")


def _previous_nc(ncs: Sequence[NcDeadline], lang: Lang) -> list[str]:
    """The previous audit's NCs: a table of deadlines and states, then the rules as notes."""
    if not ncs:
        return []
    lines = ["", f"### {pick(lang, 'NC de l’audit précédent', 'NCs of the previous audit')}", ""]
    headers = (
        _col("indicator", lang),
        _col("level", lang),
        pick(lang, "Notifiée le", "Notified on"),
        pick(lang, "Échéance de levée", "Deadline"),
        _col("verification_by", lang),
        pick(lang, "État", "State"),
    )
    rows = [
        (
            str(nc.indicator),
            label("nc_level", nc.level, lang),
            _day(nc.notified),
            _day(nc.deadline),
            _day(nc.verification_by),
            _nc_state(nc, lang),
        )
        for nc in ncs
    ]
    lines += _table(headers, rows)
    notes = sorted({nc.note for nc in ncs if nc.note})
    if notes:
        lines += ["", *(f"- {escape(note)}" for note in notes)]
    return lines


def _calendar_remarks(c: AuditCalendar, lang: Lang) -> list[str]:
    """The calendar's warnings (with a warning sign) and provisional remarks."""
    lines: list[str] = []
    if c.warnings:
        lines += ["", f"### {pick(lang, 'Attention', 'Warnings')}", ""]
        lines += [f"- ⚠ {escape(w)}" for w in c.warnings]
    if c.provisional:
        lines += ["", f"{pick(lang, 'Provisoire', 'Provisional')}{_colon(lang)}", ""]
        lines += [f"- {escape(p)}" for p in c.provisional]
    return lines


def _calendar(calendar: AuditCalendar | None, lang: Lang) -> list[str]:
    """The audit calendar: key dates, days left, phase and next step, the previous audit's NCs
    with their deadlines (overdue ones in bold with a warning sign), warnings, provisional."""
    if calendar is None:
        return []
    c = calendar
    colon = _colon(lang)
    lines = ["", f"## {pick(lang, 'Calendrier de l’audit', 'Audit calendar')}", ""]
    lines.append(f"**{_countdown(c.days_left, lang)}**")
    if c.next_step:
        lines += ["", f"{pick(lang, 'Prochaine étape', 'Next step')}{colon} {escape(c.next_step)}"]
    lines += [""] + [f"- {name}{colon} {value}" for name, value in _calendar_facts(c, lang)]
    lines += _previous_nc(c.previous_nc, lang)
    return lines + _calendar_remarks(c, lang)


def _sample_banner(sample: AuditSample | None, lang: Lang) -> list[str]:
    """The warning at the top of a mock audit's report: it covers the sample only."""
    if sample is None:
        return []
    colon = _colon(lang)
    head = pick(lang, "Audit blanc — échantillon seulement", "Mock audit — sample only")
    body = pick(
        lang,
        f"ce rapport ne couvre que l'échantillon tiré (graine {sample.seed}) : les vérifications "
        "ont porté sur ces sites et ces prestations seulement. Le reste n'a pas été vérifié.",
        f"this report covers the drawn sample only (seed {sample.seed}): the checks ran on these "
        "sites and offerings only. The rest was not checked.",
    )
    sites = ", ".join(escape(i) for i in sample.sites.ids) or "—"
    offerings = ", ".join(escape(i) for i in sample.offering_ids) or "—"
    return [
        "",
        f"> **{head}**{colon} {body}",
        ">",
        f"> {pick(lang, 'Sites', 'Sites')}{colon} {sites} · "
        f"{pick(lang, 'Prestations', 'Offerings')}{colon} {offerings}",
    ]


def _sample_head(sample: AuditSample, lang: Lang) -> list[str]:
    """The sample section's title, the seed to rerun it and the audit type."""
    return [
        "",
        f"## {pick(lang, 'Échantillon de l’audit blanc', 'Mock-audit sample')}",
        "",
        pick(
            lang,
            f"Graine {sample.seed} (relancer avec `rnq sample --seed {sample.seed}`) — ",
            f"Seed {sample.seed} (rerun with `rnq sample --seed {sample.seed}`) — ",
        )
        + label("audit", sample.audit_type, lang),
    ]


def _sample_sites(sites: SiteSample, units: Mapping[str, str], lang: Lang) -> list[str]:
    """The sites drawn: the rule, a table of sites with their units and why, then the notes."""
    lines = [
        "",
        "### "
        + pick(
            lang,
            f"Sites ({len(sites.sites)} site(s) audité(s) sur {sites.total})",
            f"Sites ({len(sites.sites)} of {sites.total} site(s) audited)",
        ),
        "",
        f"{pick(lang, 'Règle', 'Rule')}{_colon(lang)} {escape(sites.rule)}",
        "",
    ]
    site_rows = []
    for site in sites.sites:
        name = escape(site.id)
        if site.central:
            name += pick(lang, " (fonction centrale)", " (central function)")
        site_rows.append(
            (
                name,
                ", ".join(escape(units.get(u, u)) for u in site.units),
                escape(site.why),
            )
        )
    headers = (pick(lang, "Site", "Site"), _col("units", lang), pick(lang, "Pourquoi", "Why"))
    lines += _table(headers, site_rows)
    if sites.notes:
        lines += [""] + [f"- ⚠ {escape(note)}" for note in sites.notes]
    return lines


def _sample_group(
    group: CategorySample, units: Mapping[str, str], titles: Mapping[str, str], lang: Lang
) -> list[str]:
    """One category's offerings drawn: a count heading, then a table of offerings and why."""
    count = pick(
        lang,
        f"{group.count}/{group.candidates} prestation(s)",
        f"{group.count}/{group.candidates} offering(s)",
    )
    lines = ["", f"#### {escape(group.category)} — {count}", ""]
    if not group.offerings:
        return [*lines, pick(lang, "Aucune prestation déclarée.", "No offering declared.")]
    rows = []
    for o in group.offerings:
        name = f"{escape(titles.get(o.id, o.id))} (`{_code(o.id)}`)"
        if o.certifying:
            name += pick(lang, " — certifiante", " — certifying")
        rows.append((name, escape(units.get(o.unit, o.unit)), escape(o.why)))
    headers = (_col("offering", lang), _col("unit", lang), pick(lang, "Pourquoi", "Why"))
    return lines + _table(headers, rows)


def _sample_offerings(
    offerings: OfferingSample, units: Mapping[str, str], titles: Mapping[str, str], lang: Lang
) -> list[str]:
    """The offerings drawn: the rule, one table per category requested, then the notes."""
    lines = [
        "",
        f"### {pick(lang, 'Prestations', 'Offerings')}",
        "",
        f"{pick(lang, 'Règle', 'Rule')}{_colon(lang)} {escape(offerings.rule)}",
    ]
    for group in offerings.categories:
        lines += _sample_group(group, units, titles, lang)
    if offerings.notes:
        lines += [""] + [f"- ⚠ {escape(note)}" for note in offerings.notes]
    return lines


def _sample(report: Report) -> list[str]:
    """The mock audit's sample: the rules, the sites and offerings drawn and why, the seed."""
    sample = report.sample
    if sample is None:
        return []
    lang = report.lang
    units = {unit.id: unit.name for unit in report.units}
    titles = {o.id: o.title for unit in report.units for o in unit.offerings}
    lines = _sample_head(sample, lang)
    lines += _sample_sites(sample.sites, units, lang)
    lines += _sample_offerings(sample.offerings, units, titles, lang)
    provisional = (*sample.sites.provisional, *sample.offerings.provisional)
    if provisional:
        lines += ["", f"{pick(lang, 'Provisoire', 'Provisional')}{_colon(lang)}", ""]
        lines += [f"- {escape(note)}" for note in provisional]
    return lines


def _summary(report: Report) -> list[str]:
    lang = report.lang
    s = report.summary
    rows = [
        (label("status", key, lang), str(count))
        for key, count in (
            ("conform", s.conform),
            ("nc_minor", s.nc_minor),
            ("nc_major", s.nc_major),
            ("not_assessed", s.not_assessed),
            ("waived", s.waived),
        )
    ]
    rows.append((pick(lang, "**Applicables**", "**Applicable**"), f"**{s.applicable}**"))
    rows.append((label("status", "not_applicable", lang), str(s.not_applicable)))
    lines = ["", f"## {pick(lang, 'Synthèse', 'Summary')}", ""]
    lines += _table((_col("status", lang), _col("count", lang)), rows)
    code = sum(1 for e in report.errors if e.kind == "code")
    files = len(report.errors) - code
    evidence = pick(
        lang,
        f"{len(report.evidence)} preuves, {len(report.unmapped)} fichiers non rattachés, "
        f"{files} fichiers en erreur" + (f", {code} erreurs de code." if code else "."),
        f"{len(report.evidence)} pieces of evidence, {len(report.unmapped)} unmapped files, "
        f"{files} files with errors" + (f", {code} code errors." if code else "."),
    )
    return [*lines, "", evidence]


def majors_first(plan: Iterable[ActionItem]) -> list[ActionItem]:
    """The action plan with major NCs first (stable: the builder's order within a level)."""
    return sorted(plan, key=lambda item: _LEVEL_ORDER.get(item.level, 2))


def _plan(report: Report) -> list[str]:
    lang = report.lang
    lines = ["", f"## {pick(lang, 'Plan d’action', 'Action plan')}", ""]
    if not report.action_plan:
        return [*lines, pick(lang, "Aucun écart à traiter.", "No gap to fix.")]
    headers = [
        "#",
        _col("level", lang),
        _col("indicator", lang),
        _col("unit", lang),
        _col("offering", lang),
        _col("what", lang),
        _col("owner", lang),
        _col("due", lang),
        _col("deadline_if_raised", lang),
    ]
    rows = []
    if any(item.optional for item in report.action_plan):
        note = pick(
            lang,
            "Les conseils sont facultatifs : ils ne conditionnent pas la certification.",
            "Advice is optional: certification does not depend on it.",
        )
        lines += [f"*{note}*", ""]
    for n, item in enumerate(majors_first(report.action_plan), 1):
        deadline = item.deadline_if_raised.isoformat() if item.deadline_if_raised else "—"
        if item.verification_by:
            check = pick(lang, "vérification", "verification")
            deadline += f" ({check}{_colon(lang)} {item.verification_by.isoformat()})"
        rows.append(
            (
                str(n),
                label("level", item.level, lang),
                str(item.indicator) if item.indicator else _display_name(report),
                escape(item.unit),
                escape(item.offering),
                escape(item.what),
                escape(item.owner),
                item.due.isoformat(),
                deadline,
            )
        )
    return lines + _table(headers, rows)


def _display_name(report: Report) -> str:
    """How the action plan names the certificate-display obligation (indicator 0)."""
    for obligation in report.obligations:
        return escape(obligation.title)
    return pick(report.lang, "Affichage du certificat", "Certificate display")


def _where(finding: ReportFinding) -> str:
    parts = [p for p in (finding.unit, finding.offering, finding.item) if p]
    return " / ".join(escape(p) for p in parts) or "—"


def _finding_lines(finding: ReportFinding, lang: Lang) -> list[str]:
    outcome = label("outcome", finding.outcome, lang)
    line = f"- **{outcome}** — {_where(finding)}{_colon(lang)} {escape(finding.message)}"
    if finding.provisional:
        line += pick(lang, " *(donnée provisoire)*", " *(provisional data)*")
    lines = [line]
    c = _colon(lang)
    if finding.evidence:
        paths = ", ".join(f"`{_code(path)}`" for path in finding.evidence)
        lines.append(f"  - {pick(lang, 'Preuves', 'Evidence')}{c} {paths}")
    if finding.fix:
        lines.append(f"  - {pick(lang, 'Correction', 'Fix')}{c} {escape(finding.fix)}")
    lines.append(f"  - {pick(lang, 'Constat', 'Finding')}{c} `{_code(finding.id)}`")
    return lines


def _code(text: str) -> str:
    """``text`` for a code span: one line, no backtick (a code span shows the rest literally,
    HTML included)."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).replace("`", "'").strip() or " "


def _parts(statuses: Mapping[str, str], lang: Lang) -> str:
    return ", ".join(f"{escape(k)} ({label('status', v, lang)})" for k, v in statuses.items())


def _indicator(result: IndicatorResult, lang: Lang) -> list[str]:
    status = label("status", result.status, lang)
    title = f"{result.number} — {escape(result.title)}" if result.title else str(result.number)
    lines = ["", f"#### {title} — {status}", ""]
    c = _colon(lang)
    facts: list[str] = []
    if result.reason:
        facts.append(f"{_col('reason', lang)}{c} {escape(result.reason)}")
    for key in ("surveillance_scope", "process_only"):
        if getattr(result, key):
            scope = f"**{label('scope', key, lang)}**"
            why = f" — {escape(result.scope_reason)}" if result.scope_reason else ""
            facts.append(f"{pick(lang, 'Périmètre', 'Scope')}{c} {scope}{why}")
    if result.expected_level:
        facts.append(
            f"{pick(lang, 'Niveau attendu', 'Expected level')}{c} {escape(result.expected_level)}"
        )
    if result.nc_weighting:
        facts.append(
            f"{_col('weighting', lang)}{c} {label('weighting', result.nc_weighting, lang)}"
        )
    if result.assessed_at:
        facts.append(
            f"{_col('assessed_at', lang)}{c} {label('assessed_at', result.assessed_at, lang)}"
        )
    if result.units:
        facts.append(f"{_col('units', lang)}{c} {_parts(result.units, lang)}")
    if result.offerings:
        facts.append(f"{_col('offerings', lang)}{c} {_parts(result.offerings, lang)}")
    for key, note in result.provisional_notes.items():
        facts.append(f"{pick(lang, 'Provisoire', 'Provisional')} ({escape(key)}){c} {escape(note)}")
    for nc in result.previous_nc:
        level = label("status", f"nc_{nc.level}", lang)
        state = (
            pick(lang, "toujours en écart", "still failing")
            if nc.still_failing
            else pick(lang, "levée", "lifted")
        )
        facts.append(
            f"{pick(lang, 'NC du dernier audit', 'NC at the last audit')}{c} {level}, "
            f"{nc.notified.isoformat()}, {state}"
        )
    lines += [f"- {fact}" for fact in facts]
    return lines + _findings(result.findings, lang)


def _findings(findings: Sequence[ReportFinding], lang: Lang) -> list[str]:
    shown = [f for f in findings if f.outcome in _OPEN]
    advice = [f for f in findings if f.outcome == "advice"]
    passed = sum(1 for f in findings if f.outcome == "passed")
    lines: list[str] = []
    if shown:
        lines += ["", f"{pick(lang, 'Constats', 'Findings')}{_colon(lang)}", ""]
        for finding in shown:
            lines += _finding_lines(finding, lang)
    if advice:
        title = pick(
            lang,
            "Points de vigilance (ne comptent pas dans le verdict)",
            "Points to watch (not counted in the verdict)",
        )
        lines += ["", f"{title}{_colon(lang)}", ""]
        for finding in advice:
            kind = label("advice", "confirm" if finding.confirm else "watch", lang)
            lines.append(f"- *{kind}* — {_where(finding)}{_colon(lang)} {escape(finding.message)}")
    if passed:
        lines += [
            "",
            pick(lang, f"{passed} constat(s) satisfait(s).", f"{passed} finding(s) passed."),
        ]
    return lines


def _indicators(report: Report) -> list[str]:
    lang = report.lang
    lines = ["", f"## {pick(lang, 'Indicateurs', 'Indicators')}"]
    applicable = [r for r in report.indicators if r.status != "not_applicable"]
    criteria = sorted({r.criterion for r in applicable})
    for criterion in criteria:
        lines += ["", f"### {escape(criterion_label(report.referential, criterion, lang))}"]
        for result in applicable:
            if result.criterion == criterion:
                lines += _indicator(result, lang)
    return lines


def _obligations(obligations: Sequence[Obligation], lang: Lang) -> list[str]:
    lines: list[str] = []
    for obligation in obligations:
        status = label("status", obligation.status, lang)
        lines += ["", f"## {escape(obligation.title)} — {status}", ""]
        if obligation.reason:
            lines.append(f"- {_col('reason', lang)}{_colon(lang)} {escape(obligation.reason)}")
        lines += _findings(obligation.findings, lang)
    return lines


def _not_applicable(report: Report) -> list[str]:
    lang = report.lang
    rows = [
        (str(r.number), escape(r.title), escape(r.reason))
        for r in report.indicators
        if r.status == "not_applicable"
    ]
    if not rows:
        return []
    title = pick(lang, "Indicateurs non applicables", "Indicators not applicable")
    headers = (_col("indicator", lang), _col("title", lang), _col("reason", lang))
    return ["", f"## {title}", "", *_table(headers, rows)]


def _errors(report: Report) -> list[str]:
    """« Code en erreur » (checks, plugins, collectors), then « Fichiers en erreur »."""
    lang = report.lang
    lines: list[str] = []
    for kind, title in (
        ("code", pick(lang, "Code en erreur", "Code errors")),
        ("file", pick(lang, "Fichiers en erreur", "Files with errors")),
    ):
        rows = [
            (escape(e.path), "" if e.line is None else str(e.line), escape(e.message))
            for e in report.errors
            if e.kind == kind
        ]
        if rows:
            headers = (_col("file", lang), _col("line", lang), _col("message", lang))
            lines += ["", f"## {title}", "", *_table(headers, rows)]
    return lines


def _sections(report: Report) -> list[str]:
    lines: list[str] = []
    for section in report.sections:
        lines += ["", f"## {escape(section.title)} ({escape(section.plugin)})", ""]
        lines += [section.markdown.strip()]
    return lines


def render_markdown(report: Report) -> str:
    """The whole report as Markdown, in the report's language (newline-terminated, deterministic:
    the same report gives the same text)."""
    lang = report.lang
    lines = [
        *_header(report),
        *_sample_banner(report.sample, lang),
        *_answer(report),
        *_limits(report),
        *_calendar(report.calendar, lang),
        *_sample(report),
        *_summary(report),
        *_plan(report),
        *_obligations(report.obligations, lang),
        *_indicators(report),
        *_not_applicable(report),
        *_errors(report),
        *_sections(report),
    ]
    return "\n".join(lines) + "\n"
