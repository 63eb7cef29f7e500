"""Long lists of the HTML report wait in the data island until asked for (#10): a report of 500
offerings opens in under two seconds. Rendered with tiny limits, the sample report defers every
findings table, evidence list, per-offering list and all but one action; expanded (a button, an
opened ``<details>``, printing), the page shows exactly what the page written whole shows, and
the filters count the actions still waiting."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from rnq.render import html as html_module
from rnq.render.html import render_html
from rnq.verdict.report import Report

from .test_report_browser import ARGS, CHROMIUM, Opened, number, open_report
from .test_report_html import HOSTILE_PATH, sample_report

TINY = {"FINDINGS_SHOWN": 0, "PATHS_SHOWN": 0, "OFFERINGS_SHOWN": 0, "PLAN_SHOWN": 1}


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in TINY.items():
        monkeypatch.setattr(html_module, name, value)


def island(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="rnq-data">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert isinstance(data, dict)
    return data


def test_a_small_report_defers_nothing() -> None:
    page = render_html(sample_report("fr"))
    assert "data-more=" not in page and island(page)["more"] == {}
    assert island(page)["plan_rest"] == []


@pytest.mark.usefixtures("tiny")
def test_deferred_html_is_escaped_in_the_island_and_deterministic() -> None:
    report = sample_report("fr")
    page = render_html(report)
    assert page == render_html(report)
    assert HOSTILE_PATH not in page and "<script>alert" not in page
    data = island(page)
    more = data["more"]
    assert isinstance(more, dict) and more
    assert any("&lt;/script&gt;&lt;script&gt;alert(1)" in str(v) for v in more.values())
    assert len(data["plan_rest"]) == len(report.action_plan) - 1  # type: ignore[arg-type]
    plan = page[page.index('<table class="plan">') : page.index("</table>", page.index('"plan"'))]
    assert plan.count("<tr class=") == 1  # the first action only
    # every deferred key is used by the page, and every key the page uses exists
    used = set(re.findall(r'data-more="(m\d+)"', page))
    nested = {k for v in more.values() for k in re.findall(r'data-more="(m\d+)"', str(v))}
    assert used | nested == set(more)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


def expanded_text(opened: Opened) -> tuple[str, str]:
    """The text of the indicators and of the action plan once every list is written: printing
    writes every gap (not the passed findings, which print as a count), then every closed list
    is opened as a reader would."""
    page = opened.page
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("table.plan [data-more], #indicators button.more").count() == 0
    for _ in range(3):  # a list opened may hold closed lists (long evidence paths)
        page.evaluate(
            "() => { document.querySelectorAll('details').forEach(d => { d.open = true; });"
            " document.querySelectorAll('button.more[data-more]').forEach(b => b.click()); }"
        )
        page.wait_for_timeout(50)
    assert page.locator("[data-more]").count() == 0
    return page.inner_text("#indicators"), page.inner_text("table.plan")


def undeferred(text: str) -> str:
    """The text of an expanded page without the summaries of the lists that were deferred
    (« … et 2 autre(s) », « Par prestation (12) » where the whole page says « Par prestation »)."""
    text = re.sub(r"\n… et \d+ autre\(s\)(?=\n)", "", text)
    return re.sub(r"Par prestation \(\d+\)", "Par prestation", text)


def plan_counter(opened: Opened) -> tuple[int, int]:
    shown, total = opened.page.inner_text('[data-count="plan"]').split("/")
    return number(shown), number(total)


def visible_plan_rows(opened: Opened) -> list[str]:
    units = opened.page.eval_on_selector_all(
        "table.plan tbody tr", "els => els.filter(e => !e.hidden).map(e => e.dataset.u)"
    )
    return [str(u) for u in units]


def test_expanded_page_shows_what_the_whole_page_shows(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = sample_report("fr")
    whole = open_report(browser, report, tmp_path / "whole.html")
    for name, value in TINY.items():
        monkeypatch.setattr(html_module, name, value)
    deferred = open_report(browser, report, tmp_path / "deferred.html")
    try:
        assert deferred.page.locator("#ind-4 tr.fu").count() == 0
        assert deferred.page.locator("#ind-4 button.more").count() == 1
        assert tuple(map(undeferred, expanded_text(deferred))) == expanded_text(whole)
        for opened in (whole, deferred):
            assert opened.console_errors == [] and opened.page_errors == []
            assert opened.requests == [opened.url]
    finally:
        whole.page.close()
        deferred.page.close()


def units_of(report: Report) -> list[str]:
    return [a.unit or "" for a in report.action_plan]


@pytest.mark.usefixtures("tiny")
def test_filters_count_the_actions_still_waiting(browser: Browser, tmp_path: Path) -> None:
    report = sample_report("fr")
    plan = units_of(report)
    assert plan[0] != "langues" and plan[1:].count("langues") >= 1
    opened = open_report(browser, report, tmp_path / "rapport.html")
    page = opened.page
    try:
        assert plan_counter(opened) == (len(plan), len(plan))
        assert len(visible_plan_rows(opened)) == 1
        assert number(page.inner_text("#plan-more")) == len(plan) - 1

        page.select_option("#f-unit", "langues")
        langues = sum(1 for u in plan if u in ("langues", ""))
        assert plan_counter(opened) == (langues, len(plan))
        assert visible_plan_rows(opened) == []  # the one written is another unit's
        assert number(page.inner_text("#plan-more")) == langues

        page.click("#plan-more")
        assert page.locator("#plan-more").count() == 0
        assert visible_plan_rows(opened) == [u for u in plan if u in ("langues", "")]
        assert plan_counter(opened) == (langues, len(plan))

        # a deferred findings table, once written, follows the unit filter like the others
        page.click("#ind-30 button.more")
        rows = "#ind-30 tr.fu"
        visible = "els => els.filter(e => !e.hidden).map(e => e.dataset.u)"
        assert page.eval_on_selector_all(rows, visible) == ["langues"]
        page.select_option("#f-unit", "pro")
        assert page.eval_on_selector_all(rows, visible) == []
        page.click("#f-reset")
        assert page.eval_on_selector_all(rows, visible) == ["langues"]
        assert len(visible_plan_rows(opened)) == len(plan)

        # an evidence list, itself in a deferred table, opens on demand
        page.click("#ind-9 button.more")
        paths = page.locator("#ind-9 details[data-more]")
        assert paths.count() == 1
        page.click("#ind-9 details[data-more] > summary")
        # the list is written on the details' "toggle" event, which fires after the click
        expect(page.locator("#ind-9")).to_contain_text(HOSTILE_PATH)
        assert opened.console_errors == [] and opened.page_errors == []
    finally:
        page.close()
