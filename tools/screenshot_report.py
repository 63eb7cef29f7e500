"""Render the HTML report of the shipped example workspace (``evidence/``) and save a picture
of it as ``docs/report.png`` with Debian's headless Chromium.

Run after changing the report or the example: ``python tools/screenshot_report.py``
(``--lang en``, ``--full-page``, ``--html FILE`` to keep the page too). ``--today`` is fixed by
default so the picture only changes when the report does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import rnq
from rnq.render.html import render_html
from rnq.testing import CHROMIUM_ARGS
from rnq.text import Lang

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "evidence"
OUT = REPO / "docs" / "report.png"
TODAY = dt.date(2026, 11, 28)
ARGS = list(CHROMIUM_ARGS)


def report_html(workspace: Path, today: dt.date, lang: Lang) -> str:
    """The HTML report of ``workspace`` as ``rnq check --html`` writes it."""
    options = rnq.RunOptions(
        today=today, lang=lang, use_cache=False, load_entrypoints=False, workers=1
    )
    return render_html(rnq.run(workspace, options))


def screenshot(html: str, out: Path, *, full_page: bool, height: int = 1600) -> None:
    """Open ``html`` in headless Chromium (no request may leave it) and save a PNG."""
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium introuvable / chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "rapport.html"
        page_file.write_text(html, encoding="utf-8")
        url = page_file.as_uri()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": height})
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url == url else route.abort(),
            )
            page.goto(url, wait_until="load")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=full_page)
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("workspace", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--html", type=Path, help="also write the HTML page there")
    args = parser.parse_args(argv)
    html = report_html(args.workspace, args.today, args.lang)
    if args.html is not None:
        args.html.write_text(html, encoding="utf-8")
    screenshot(html, args.out, full_page=args.full_page)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
