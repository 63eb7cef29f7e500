"""The printed HTML report (issue #20), in Debian's headless Chromium print-to-PDF: the answer on
page 1, the action plan with its fixes, each indicator's gaps and advice, passed findings as a
count — and the example in at most 12 A4 pages, whatever the day of its audit window.

Pages are counted and read with pypdfium2, the PDF reader of ``rnq.extract.pdf``. Skipped only
when Debian's ``chromium`` is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import Browser, Route, sync_playwright

import rnq
from rnq.render.html import markdown, render_html
from rnq.testing import CHROMIUM_ARGS
from rnq.verdict.report import Report

from .test_verdict import report as verdict_report

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "evidence"
TODAY = dt.date(2026, 11, 28)
MAX_PAGES = 12


#: The example's six plugins (``plugins/``).
PLUGINS = (
    "rnq-crm-complaints",
    "rnq-moodle",
    "rnq-registrations",
    "rnq-hr",
    "rnq-exam-registrations",
    "rnq-reports",
)


def _plugins() -> tuple[ModuleType, ...]:
    """The example's six plugins, importable without installing them."""
    for name in PLUGINS:
        src = str(REPO / "plugins" / name / "src")
        if src not in sys.path:
            sys.path.insert(0, src)
    return tuple(importlib.import_module(name.replace("-", "_")) for name in PLUGINS)


def example(today: dt.date = TODAY) -> Report:
    options = rnq.RunOptions(
        today=today,
        use_cache=False,
        load_entrypoints=False,
        extra_plugins=_plugins(),
        workers=1,
    )
    return rnq.run(EXAMPLE, options)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True
        )
        yield launched
        launched.close()


def printed(browser: Browser, report: Report, tmp_path: Path) -> list[str]:
    """The report printed to an A4 PDF by Chromium: the text of each page, spaces collapsed."""
    path = tmp_path / "rapport.html"
    path.write_text(render_html(report), encoding="utf-8")
    url = path.resolve().as_uri()
    page = browser.new_page()

    def route(route: Route) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    data = page.pdf(format="A4")
    page.close()
    document = pdfium.PdfDocument(data)
    try:
        return [_plain(document[i].get_textpage().get_text_range()) for i in range(len(document))]
    finally:
        document.close()


def _plain(text: str) -> str:
    return " ".join(text.split())


def _words(markup: str, count: int = 8) -> str:
    """The first ``count`` words of rendered Markdown, as a PDF reader reads them back."""
    text = re.sub(r"<[^>]+>", " ", markup)
    text = text.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
    return " ".join(text.split()[:count])


@pytest.fixture(scope="module")
def example_report() -> Report:
    return example()


@pytest.fixture(scope="module")
def example_pages(
    browser: Browser, example_report: Report, tmp_path_factory: pytest.TempPathFactory
) -> list[str]:
    """The example's report, printed once for the tests that read it."""
    return printed(browser, example_report, tmp_path_factory.mktemp("print"))


def test_the_example_prints_in_at_most_12_pages_with_the_answer_first(
    example_report: Report, example_pages: list[str]
) -> None:
    pages = example_pages
    assert 1 <= len(pages) <= MAX_PAGES, f"{len(pages)} pages"
    first = pages[0]
    summary = example_report.summary
    assert summary.certifiable_question in first  # no blank first page
    assert _plain(summary.answer)[:80] in first
    assert "Première action" in first


def test_the_printed_action_plan_has_its_fixes(
    example_report: Report, example_pages: list[str]
) -> None:
    text = " ".join(example_pages)
    fixes = {item.fix for item in example_report.action_plan if item.fix}
    assert fixes
    plan = text[text.index("Plan d'actions") : text.index("Indicateurs")]
    for fix in fixes:
        assert _words(str(markdown(fix))) in plan, fix
    assert plan.count("Pour corriger") >= len(fixes)


def test_passed_findings_print_as_a_count(example_report: Report, example_pages: list[str]) -> None:
    text = " ".join(example_pages)
    passed = [
        f.message
        for r in example_report.indicators
        for f in r.findings
        if f.outcome == "passed" and len(f.message) > 40
    ]
    assert passed
    shown = [m for m in passed if _plain(m)[:60] in text]
    assert not shown, shown[:3]
    assert re.search(r"(Autres constats|Constats) \(\d+\)", text)
    # no evidence map on paper: one sentence says where it is
    assert "La carte des preuves" in text and "n'est pas imprimée" in text


@pytest.mark.parametrize("today", ["2026-06-01", "2026-12-14", "2027-03-01"])
def test_other_days_of_the_audit_window_stay_within_12_pages(
    browser: Browser, tmp_path: Path, today: str
) -> None:
    pages = printed(browser, example(dt.date.fromisoformat(today)), tmp_path)
    assert len(pages) <= MAX_PAGES, f"{today}: {len(pages)} pages"


def test_a_long_answer_still_starts_on_page_1(browser: Browser, tmp_path: Path) -> None:
    """Nothing assessed: the answer lists every indicator not assessed, longer than a page."""
    long = verdict_report([])
    assert len(long.summary.undetermined) > 20
    pages = printed(browser, long, tmp_path)
    assert long.summary.certifiable_question in pages[0]
    assert long.summary.undetermined[0][:40] in pages[0]
