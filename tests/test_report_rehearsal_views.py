"""The audit rehearsal in the human-readable views (issues #11 and #7): the audit calendar, the
mock audit's sample, and the scope marks of each indicator, in HTML, Markdown and the console,
in French and English. Reports are built by ``rnq.run`` on small workspaces; the sample by
:func:`rnq.rehearsal.sampling.sample_audit`, as ``rnq sample`` draws it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import rnq
from rnq.rehearsal.sampling import sample_audit
from rnq.render.console import console_text
from rnq.render.html import render_html
from rnq.render.markdown import render_markdown
from rnq.testing import write_workspace
from rnq.text import Lang
from rnq.verdict.report import Report

from .test_report_html import Page

TODAY = dt.date(2025, 5, 1)
HOSTILE_UNIT = "Pôle <b>est</b> | *x*"

SURVEILLANCE = f"""\
version: 1
organization: {{name: "Organisme test"}}
categories: [AF]
audit:
  type: surveillance
  date: 2025-06-10
  certified_on: 2024-01-20
  previous_nc:
    - {{indicator: 31, level: minor, notified: 2024-01-10}}
    - {{indicator: 26, level: major, notified: 2024-01-10, lifted: 2024-03-01}}
units:
  - {{id: siege, name: "Siège", central: true}}
  - id: nord
    name: "Pôle nord"
    offerings:
      - {{id: n1, title: "Offre N1"}}
      - {{id: n2, title: "Offre N2"}}
  - id: sud
    name: "Pôle sud"
    offerings:
      - {{id: s1, title: "Offre S1", certification: "RNCP0001"}}
      - {{id: s2, title: "Offre S2"}}
  - id: est
    name: "{HOSTILE_UNIT}"
    offerings:
      - {{id: e1, title: "Offre E1"}}
      - {{id: e2, title: "Offre E2"}}
sites:
  - {{id: paris, units: [siege], audited_last: true}}
  - {{id: lille, units: [nord], audited_last: true}}
  - {{id: marseille, units: [sud], audited_last: true}}
  - {{id: strasbourg, units: [est]}}
"""

NEW_ENTRANT = """\
version: 1
organization: {name: "Nouvel organisme"}
categories: [AF]
activity: {new_entrant: true}
audit: {type: initial, date: 2025-06-10}
units:
  - id: siege
    name: "Siège"
    central: true
    offerings: [{id: f1, title: "Formation 1"}]
"""


def _run(root: Path, lang: Lang, *, seed: int | None = None) -> Report:
    options = rnq.RunOptions(
        today=TODAY, lang=lang, use_cache=False, load_entrypoints=False, workers=1
    )
    if seed is not None:
        drawn = sample_audit(rnq.load(root).config, seed, lang=lang)
        options = rnq.RunOptions(
            today=TODAY,
            lang=lang,
            use_cache=False,
            load_entrypoints=False,
            workers=1,
            sample=drawn,
        )
    return rnq.run(root, options)


@pytest.fixture(scope="module")
def roots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    surveillance = tmp_path_factory.mktemp("surveillance")
    write_workspace(surveillance, SURVEILLANCE, {})
    entrant = tmp_path_factory.mktemp("entrant")
    write_workspace(entrant, NEW_ENTRANT, {})
    return {"surveillance": surveillance, "entrant": entrant}


ReportOf = Callable[..., Report]


@pytest.fixture(scope="module")
def report_of(roots: dict[str, Path]) -> ReportOf:
    cache: dict[tuple[str, Lang, int | None], Report] = {}

    def get(name: str, lang: Lang = "fr", seed: int | None = None) -> Report:
        key = (name, lang, seed)
        if key not in cache:
            cache[key] = _run(roots[name], lang, seed=seed)
        return cache[key]

    return get


def _section(html: str, ident: str) -> str:
    start = html.index(f'<section id="{ident}"')
    return html[start : html.index("</section>", start)]


def _article(html: str, number: int) -> str:
    start = html.index(f'id="ind-{number}"')
    return html[start : html.index("</article>", start)]


def _e(text: str) -> str:
    """``text`` as Jinja's autoescape writes it."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


# --- the facts the views rely on (so the assertions below cannot pass vacuously) -------------


def test_the_workspaces_give_what_the_views_show(report_of: ReportOf) -> None:
    report = report_of("surveillance")
    cal = report.calendar
    assert cal is not None and cal.days_left == 40 and cal.phase == "surveillance_window"
    assert [(nc.indicator, nc.state) for nc in cal.previous_nc] == [(26, "lifted"), (31, "overdue")]
    assert report.sample is None
    assert any(r.surveillance_scope for r in report.indicators)
    assert any(not r.surveillance_scope for r in report.indicators if r.applicable)
    entrant = report_of("entrant")
    assert any(r.process_only for r in entrant.indicators)
    assert not any(r.surveillance_scope for r in entrant.indicators)
    sampled = report_of("surveillance", seed=5)
    assert sampled.sample is not None and sampled.sample.seed == 5


# --- HTML ---------------------------------------------------------------------------------------


def test_html_calendar_french(report_of: ReportOf) -> None:
    report = report_of("surveillance")
    html = render_html(report)
    assert html.index('id="answer"') < html.index('id="calendar"') < html.index('id="summary"')
    assert '<a href="#calendar">' in html
    cal = _section(html, "calendar")
    assert "J-40 avant l&#39;audit" in cal
    for text in ("20/01/2024", "20/01/2027", "20/03/2025 – 20/11/2025", "20/05/2026", "20/09/2026"):
        assert text in cal, text
    assert "fenêtre de surveillance ouverte" in cal
    assert report.calendar is not None and _e(report.calendar.next_step) in cal
    rows = dict(
        re.findall(r'<tr class="[^"]*" data-state="(\w+)">\s*<td><a href="#ind-(\d+)"', cal)
    )
    assert rows == {"lifted": "26", "overdue": "31"}
    overdue = cal[cal.index('data-state="overdue"') :]
    overdue = overdue[: overdue.index("</tr>")]
    assert "badge nc-overdue" in overdue and "échéance dépassée" in overdue
    assert "10/07/2024" in overdue and "dépassée de 295 jours" in overdue
    assert re.search(r'<tr class="[^"]*\boverdue\b[^"]*" data-state="overdue"', cal)
    lifted = cal[cal.index('data-state="lifted"') :]
    lifted = lifted[: lifted.index("</tr>")]
    assert "badge nc-lifted" in lifted and "badge nc-overdue" not in lifted
    for warning in report.calendar.warnings:
        assert _e(warning) in cal
    assert 'class="warnings"' in cal
    for note in report.calendar.provisional:
        assert _e(note) in cal


def test_html_calendar_timeline_is_accessible_and_ordered(report_of: ReportOf) -> None:
    html = render_html(report_of("surveillance"))
    page = Page(html)
    svg = [s for s in page.find("svg") if "timeline" in s.get("class", "")]
    assert len(svg) == 1 and svg[0]["role"] == "img"
    title = re.search(rf'<title id="{svg[0]["aria-labelledby"]}">([^<]+)</title>', html)
    assert title is not None
    assert "aujourd&#39;hui 01/05/2025" in title.group(1) and "audit 10/06/2025" in title.group(1)
    cal = _section(html, "calendar")
    x = {cls: float(v) for v, cls in re.findall(r'<line x1="([\d.]+)"[^>]*class="(tl-\w+)"', cal)}
    assert x["tl-cert"] < x["tl-today"] < x["tl-audit"] < x["tl-exp"]
    rect = re.search(r'<rect x="([\d.]+)" y="36" width="([\d.]+)" height="18" class="tl-surv"', cal)
    assert rect is not None
    start, width = float(rect.group(1)), float(rect.group(2))
    # the audit (2025-06-10) falls in the surveillance window (2025-03-20 – 2025-11-20)
    assert start < x["tl-audit"] < start + width and x["tl-cert"] < start
    assert x["tl-cert"] >= 0 and x["tl-exp"] <= 1000


def test_html_calendar_english(report_of: ReportOf) -> None:
    html = render_html(report_of("surveillance", "en"))
    cal = _section(html, "calendar")
    assert "<h2>Audit calendar</h2>" in cal and "40 days before the audit" in cal
    assert "2025-03-20 – 2025-11-20" in cal and "2027-01-20" in cal
    assert "surveillance window open" in cal and "295 days overdue" in cal
    assert "badge nc-overdue" in cal and "Calendrier" not in html


def test_html_without_certification_date_has_no_timeline(report_of: ReportOf) -> None:
    html = render_html(report_of("entrant"))
    cal = _section(html, "calendar")
    assert "pas encore certifié" in cal and "J-40 avant l&#39;audit" in cal
    assert "<svg" not in cal and "<dt>Fenêtre de surveillance</dt>" not in cal
    assert "<dt>Fenêtre de surveillance</dt>" in _section(
        render_html(report_of("surveillance")), "calendar"
    )


def test_html_sample_only_when_set(report_of: ReportOf) -> None:
    plain = render_html(report_of("surveillance"))
    assert 'id="sample"' not in plain and 'id="sample-banner"' not in plain
    assert "Audit blanc" not in plain
    report = report_of("surveillance", seed=5)
    assert report.sample is not None
    html = render_html(report)
    assert html.index('id="sample-banner"') < html.index('id="answer"')
    banner = _section(html, "sample-banner")
    assert "échantillon seulement" in banner and "graine 5" in banner
    for site in report.sample.sites.ids:
        assert site in banner
    for offering in report.sample.offering_ids:
        assert offering in banner
    assert html.index('id="calendar"') < html.index('id="sample"') < html.index('id="summary"')
    section = _section(html, "sample")
    assert "Échantillon de l&#39;audit blanc" in section and "rnq sample --seed 5" in section
    sites = report.sample.sites
    assert _e(sites.rule) in section and _e(report.sample.offerings.rule) in section
    for site in sites.sites:
        row = section[section.index(f'data-site="{site.id}"') :]
        assert _e(site.why) in row[: row.index("</tr>")]
    for group in report.sample.offerings.categories:
        for offering in group.offerings:
            row = section[section.index(f'data-offering="{offering.id}"') :]
            assert _e(offering.why) in row[: row.index("</tr>")]
    for note in (*sites.provisional, *report.sample.offerings.provisional):
        assert _e(note) in section
    # a unit's name from rnq.yaml is escaped
    assert "<b>est</b>" not in html and "Pôle &lt;b&gt;est&lt;/b&gt;" in section


def test_html_sample_english(report_of: ReportOf) -> None:
    html = render_html(report_of("surveillance", "en", seed=5))
    assert "Mock audit — sample only" in _section(html, "sample-banner")
    section = _section(html, "sample")
    assert "Mock-audit sample" in section and "rerun with" in section
    assert "central function" in section and "fonction centrale" not in section


def test_html_surveillance_scope_badges_and_filter(report_of: ReportOf) -> None:
    report = report_of("surveillance")
    html = render_html(report)
    assert 'id="f-scope"' in html and "Périmètre de surveillance uniquement" in html
    for result in report.indicators:
        block = _article(html, result.number)
        badge = "périmètre minimal de surveillance</span>" in block
        assert badge == result.surveillance_scope, result.number
        assert f'data-k="{1 if result.surveillance_scope else 0}"' in block
        if result.scope_reason:
            assert _e(result.scope_reason) in block
        assert "nouvel entrant)</span>" not in block
    english = render_html(report_of("surveillance", "en"))
    assert "surveillance minimum scope</span>" in _article(english, 1)
    assert "Surveillance scope only" in english


def test_html_new_entrant_process_only_badge(report_of: ReportOf) -> None:
    report = report_of("entrant")
    html = render_html(report)
    assert 'id="f-scope"' not in html  # no surveillance scope: no filter
    for result in report.indicators:
        block = _article(html, result.number)
        badge = "processus formalisé uniquement (nouvel entrant)</span>" in block
        assert badge == result.process_only, result.number
        if result.process_only:
            assert result.scope_reason and _e(result.scope_reason) in block
    english = render_html(report_of("entrant", "en"))
    first = next(r.number for r in report.indicators if r.process_only)
    assert "formalised process only (new entrant)</span>" in _article(english, first)


# --- Markdown -----------------------------------------------------------------------------------


def _md_section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end >= 0 else len(text)]


def test_markdown_calendar(report_of: ReportOf) -> None:
    report = report_of("surveillance")
    text = render_markdown(report)
    assert text.index("## En l'état") < text.index("## Calendrier de l’audit")
    cal = _md_section(text, "## Calendrier de l’audit")
    assert "**J-40 avant l'audit**" in cal
    assert "- Fenêtre de surveillance : 2025-03-20 – 2025-11-20" in cal
    assert "- Échéance du certificat : 2027-01-20" in cal
    assert "**fenêtre de surveillance ouverte**" in cal
    rows = [line for line in cal.splitlines() if line.startswith(("| 3", "| 2"))]
    assert rows == [
        "| 26 | NC majeure | 2024-01-10 | 2024-04-10 | 2024-05-10 | levée (2024-03-01) |",
        "| 31 | NC mineure | 2024-01-10 | 2024-07-10 | — | **⚠ échéance dépassée** "
        "(dépassée de 295 jours) |",
    ]
    assert "### Attention" in cal and "- ⚠ NC mineure de l'indicateur 31" in cal
    english = _md_section(render_markdown(report_of("surveillance", "en")), "## Audit calendar")
    assert (
        "**40 days before the audit**" in english and "**⚠ overdue** (295 days overdue)" in english
    )


def test_markdown_sample_only_when_set_and_escaped(report_of: ReportOf) -> None:
    assert "Audit blanc" not in render_markdown(report_of("surveillance"))
    report = report_of("surveillance", seed=5)
    assert report.sample is not None
    text = render_markdown(report)
    banner = text.index("> **Audit blanc — échantillon seulement** :")
    assert banner < text.index("## En l'état")
    section = _md_section(text, "## Échantillon de l’audit blanc")
    assert "rnq sample --seed 5" in section
    for site in report.sample.sites.sites:
        assert f"| {site.id}" in section
    for offering in report.sample.offering_ids:
        assert f"(`{offering}`)" in section
    assert "<b>" not in text and r"Pôle &lt;b&gt;est&lt;/b&gt; \| \*x\*" in section
    for line in section.splitlines():
        if line.startswith("| strasbourg"):
            assert line.count(" | ") == 2  # the pipe in the unit's name does not add a cell
    english = render_markdown(report_of("surveillance", "en", seed=5))
    assert "> **Mock audit — sample only**:" in english and "## Mock-audit sample" in english


def test_markdown_scope_marks(report_of: ReportOf) -> None:
    report = report_of("surveillance")
    text = render_markdown(report)
    blocks = {int(b.split(" ", 1)[0]): b for b in text.split("\n#### ")[1:]}
    shown = [r for r in report.indicators if r.status != "not_applicable"]
    assert set(blocks) == {r.number for r in shown}
    for result in shown:
        fact = "- Périmètre : **périmètre minimal de surveillance** — "
        assert (fact in blocks[result.number]) == result.surveillance_scope, result.number
    entrant = render_markdown(report_of("entrant", "en"))
    assert "- Scope: **formalised process only (new entrant)** — New entrant (AF)" in entrant


# --- console ------------------------------------------------------------------------------------


def test_console_calendar_lines(report_of: ReportOf) -> None:
    text = console_text(report_of("surveillance"), "fr")
    head = " ".join(line.strip() for line in text.split("\n\n", 1)[0].splitlines()[1:])
    calendar, overdue = head.replace("\u00a0", " ").split(" ! ")
    assert calendar == (
        "Calendrier : J-40 avant l'audit de surveillance (10/06/2025) — fenêtre de surveillance "
        "ouverte"
    )
    assert overdue.startswith("NC de l'audit précédent") and "indicateur 31 (NC mineure" in overdue
    assert "10/07/2024" in overdue and "26" not in overdue  # the lifted one is not listed
    english = console_text(report_of("surveillance", "en"), "en").split("\n\n", 1)[0]
    english = " ".join(line.strip() for line in english.splitlines())
    assert "Calendar: 40 days before the surveillance audit (2025-06-10)" in english
    assert "! Previous-audit NCs overdue: indicator 31 (minor NC, deadline 2024-07-10)" in english


def test_console_without_overdue_nc_has_one_calendar_line(report_of: ReportOf) -> None:
    text = console_text(report_of("entrant"), "fr")
    head = text.replace("\u00a0", " ").split("\n\n", 1)[0].splitlines()
    assert len(head) == 2 and head[1].startswith("Calendrier : J-40 avant l'audit initial")
    assert "pas encore certifié" in head[1]


# --- in a browser -------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_scope_filter_in_the_browser(report_of: ReportOf, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from .test_report_browser import ARGS, open_report, visible_indicators

    report = report_of("surveillance", seed=5)
    wanted = [r.number for r in report.indicators if r.surveillance_scope]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=ARGS, headless=True
        )
        try:
            opened = open_report(browser, report, tmp_path / "audit-blanc.html")
            page = opened.page
            assert visible_indicators(page) == [r.number for r in report.indicators]
            page.check("#f-scope")
            assert visible_indicators(page) == wanted and len(wanted) < len(report.indicators)
            plan = page.eval_on_selector_all(
                "table.plan tbody tr",
                "els => els.filter(e => !e.hidden).map(e => e.querySelector('a').textContent)",
            )
            assert plan and {int(n) for n in plan if n.isdigit()} <= set(wanted)
            page.click("#f-reset")
            assert not page.is_checked("#f-scope")
            assert visible_indicators(page) == [r.number for r in report.indicators]
            assert page.is_visible("#sample-banner") and page.is_visible("svg.timeline")
            assert opened.console_errors == [] and opened.page_errors == []
            assert opened.requests == [opened.url]
        finally:
            browser.close()
