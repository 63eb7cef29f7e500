"""The report is inert (SPEC §9): file names, front matter and messages full of HTML or
spreadsheet formulas come out escaped in every format, present as text, never as markup.

Each renderer is tested when it exists (``pytest.importorskip``); the checks in a real browser
live with the HTML report's tests.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import rnq
from rnq.testing import CHROMIUM_ARGS, write_workspace
from rnq.verdict.report import Report

from .conftest import CONFIG, HEALTHY, TODAY

HTML_NAME = "siege/I23-<img src=x onerror=alert(1)>.md"
UNMAPPED_NAME = "siege/<svg onload=alert(3)>.txt"
FORMULA = "=cmd|' /C calc'!A0"
#: Markup that must never come out as markup, in any format.
DANGEROUS = (
    "<img src=x",
    "<script>alert",
    "<svg onload",
    "<b onclick",
    "<td onmouseover",
    "<iframe",
)
FRONT_MATTER = f"""---
indicators: [22]
title: "<script>alert(1)</script>"
note: "<iframe src=javascript:alert(5)></iframe> & <b onclick=alert(6)>gras</b>"
by: "{FORMULA}"
---
<script>alert('corps')</script>
"""
MANIFEST = '- path: "*.pdf"\n  indicators: [24]\n'
#: A mistake in an evidence file (a manifest's would stop the run: it is configuration).
BAD_FRONT_MATTER = '---\nindicators: [24]\n"<b onclick=alert(4)>": x\n---\n'


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = write_workspace(
        tmp_path_factory.mktemp("inert") / "ws",
        CONFIG,
        {
            **HEALTHY,
            HTML_NAME: "# Veille légale\n\nDécret analysé.\n",
            UNMAPPED_NAME: "rien\n",
            "siege/note-plan.md": FRONT_MATTER,
            "siege/rnq-evidence.yaml": MANIFEST,
            "siege/note-balise.md": BAD_FRONT_MATTER,
        },
    )
    return rnq.run(
        root,
        rnq.RunOptions(today=TODAY, use_cache=False, load_entrypoints=False, workers=1),
    )


def test_the_hostile_strings_are_in_the_report_data(report: Report) -> None:
    """The report model keeps them as plain data (nothing dropped): escaping is the views' job."""
    doc = json.loads(report.to_json())
    paths = {e["path"] for e in doc["evidence"]} | {u["path"] for u in doc["unmapped"]}
    assert {HTML_NAME, UNMAPPED_NAME} <= paths
    assert any("<b onclick=alert(4)>" in e["message"] for e in doc["errors"])
    assert any(e.get("by") == FORMULA for e in doc["evidence"])


def _no_markup(text: str) -> None:
    for fragment in DANGEROUS:
        assert fragment not in text, fragment


def test_markdown_has_no_raw_html(report: Report) -> None:
    """Rendered as a Markdown viewer with raw HTML on would (CommonMark), the report makes no
    element from evidence: names sit in code spans or are escaped."""
    markdown = pytest.importorskip("rnq.render.markdown")
    markdown_it = pytest.importorskip("markdown_it")
    text = markdown.render_markdown(report)
    parser = _Elements()
    parser.feed(markdown_it.MarkdownIt("commonmark").render(text))
    assert not [t for t, _ in parser.tags if t in ("img", "svg", "iframe", "script", "b", "td")]
    assert not [a for _, a in parser.tags for name in a if name.lower().startswith("on")]
    assert "<img src=x onerror=alert(1)>" in "".join(parser.text)  # shown, as text


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_has_no_markup_from_evidence(report: Report) -> None:
    html = pytest.importorskip("rnq.render.html")
    page = html.render_html(report)
    parser = _Elements()
    parser.feed(page)
    handlers = [(t, a) for t, a in parser.tags for name in a if name.lower().startswith("on")]
    assert handlers == []
    assert not [t for t, a in parser.tags if t in ("img", "svg", "iframe") and a.get("src") == "x"]
    assert not [t for t, _ in parser.tags if t == "iframe"]
    # inside <script> (data islands), no way out of the script element
    for chunk in page.split("<script")[1:]:
        body = chunk.split(">", 1)[1].split("</script>", 1)[0]
        assert "<!--" not in body and "</" not in body.replace("<\\/", "")
    assert "<img src=x onerror=alert(1)>" in "".join(parser.text) or "onerror=alert(1)" in page


def test_junit_is_well_formed_xml_with_the_names_as_text(report: Report) -> None:
    junit = pytest.importorskip("rnq.render.junit")
    text = junit.render_junit(report)
    root = ET.fromstring(text.encode("utf-8"))  # raises if anything broke the markup
    everything = " ".join(
        [*(v for e in root.iter() for v in e.attrib.values()), *(e.text or "" for e in root.iter())]
    )
    assert "onerror=alert(1)" in everything  # kept as text, escaped in the file
    _no_markup(text)


def test_csv_tables_start_no_cell_with_a_formula(report: Report, tmp_path: Path) -> None:
    tables = pytest.importorskip("rnq.render.tables")
    written = tables.write_csvs(tmp_path, report)
    cells: list[str] = []
    for path in written:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            cells += [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]
    assert any(FORMULA in c for c in cells)  # shown, neutralised


def test_the_hostile_report_runs_nothing_in_a_real_browser(report: Report, tmp_path: Path) -> None:
    """The report of the hostile workspace, opened in Debian's Chromium with every collapsed
    list expanded: no script from the evidence runs, no request leaves the page, and the hostile
    file name is there as text."""
    import shutil

    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    from rnq.render.html import render_html

    path = tmp_path / "rapport.html"
    path.write_text(render_html(report), encoding="utf-8")
    url = path.resolve().as_uri()
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            page = browser.new_page()
            # Anything that manages to run calls one of these: they leave a trace.
            page.add_init_script(
                "window.__ran = [];"
                "for (const name of ['alert', 'confirm', 'prompt']) {"
                "  window[name] = (...a) => window.__ran.push([name, ...a]); }"
            )
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url, wait_until="load")
            page.evaluate(
                "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"
            )
            for button in page.locator("button[data-more]").all():
                button.click()
            page.emulate_media(media="print")
            page.wait_for_timeout(300)
            ran = page.evaluate("() => window.__ran")
            text = page.inner_text("body")
            injected = page.evaluate(
                "() => document.querySelectorAll('iframe, svg[onload], img[onerror], "
                "[onclick], [onmouseover]').length"
            )
        finally:
            browser.close()
    assert ran == []
    assert errors == []
    assert requests == [url]
    assert injected == 0
    assert "I23-<img src=x onerror=alert(1)>.md" in text or "<img src=x" in text
