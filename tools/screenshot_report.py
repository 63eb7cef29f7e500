"""Render the HTML report of the shipped example workspace (``evidence/``, with its six example
plugins) and save pictures of it with Debian's headless Chromium: the screen as
``docs/report.png``, and the first page of the report printed to A4 as ``docs/report-print.png``.

Run after changing the report or the example: ``python tools/screenshot_report.py``
(``--lang en``, ``--full-page``, ``--html FILE`` to keep the page too, ``--pdf FILE`` to keep
the printed report). ``--today`` is fixed by default so the pictures only change when the report
does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pypdfium2 as pdfium
from playwright.sync_api import Page, sync_playwright

import rnq
from rnq.render.html import render_html
from rnq.testing import CHROMIUM_ARGS
from rnq.text import Lang

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "evidence"
OUT = REPO / "docs" / "report.png"
PRINT_OUT = REPO / "docs" / "report-print.png"
PLUGINS = (
    "rnq-crm-complaints",
    "rnq-moodle",
    "rnq-registrations",
    "rnq-hr",
    "rnq-exam-registrations",
    "rnq-reports",
)
TODAY = dt.date(2026, 11, 28)
ARGS = list(CHROMIUM_ARGS)


def _example_plugins() -> tuple[ModuleType, ...]:
    """The example's plugins (``plugins/``), importable without installing them."""
    for name in PLUGINS:
        src = str(REPO / "plugins" / name / "src")
        if src not in sys.path:
            sys.path.insert(0, src)
    return tuple(importlib.import_module(name.replace("-", "_")) for name in PLUGINS)


def report_html(workspace: Path, today: dt.date, lang: Lang) -> str:
    """The HTML report of ``workspace`` as ``rnq check --html`` writes it (with the example's
    plugins installed)."""
    options = rnq.RunOptions(
        today=today,
        lang=lang,
        use_cache=False,
        load_entrypoints=False,
        extra_plugins=_example_plugins(),
        workers=1,
    )
    return render_html(rnq.run(workspace, options))


def _open(html: str, directory: Path, page_of: Callable[[Path], Page]) -> Page:
    """``html`` written in ``directory`` and opened by ``page_of``; no request may leave it."""
    page_file = directory / "rapport.html"
    page_file.write_text(html, encoding="utf-8")
    url = page_file.as_uri()
    page = page_of(page_file)
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url == url else route.abort()
    )
    page.goto(url, wait_until="load")
    return page


def _chromium() -> str:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium introuvable / chromium not found (apt-get install chromium)")
    return chromium


def screenshot(html: str, out: Path, *, full_page: bool, height: int = 1600) -> None:
    """Open ``html`` in headless Chromium (no request may leave it) and save a PNG."""
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=ARGS)
        page = _open(
            html, Path(tmp), lambda _: browser.new_page(viewport={"width": 1280, "height": height})
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=full_page)
        browser.close()


def print_first_page(html: str, out: Path, *, pdf: Path | None = None, scale: float = 1.6) -> int:
    """Print ``html`` to an A4 PDF as Chromium's « Imprimer » does and save its first page as a
    PNG (``scale`` × 72 dpi); return the number of pages."""
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=ARGS)
        page = _open(html, Path(tmp), lambda _: browser.new_page())
        data = page.pdf(format="A4")
        browser.close()
    if pdf is not None:
        pdf.write_bytes(data)
    document = pdfium.PdfDocument(data)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        document[0].render(scale=scale).to_pil().save(out, optimize=True)
        return len(document)
    finally:
        document.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("workspace", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--print-out", type=Path, default=PRINT_OUT)
    parser.add_argument("--html", type=Path, help="also write the HTML page there")
    parser.add_argument("--pdf", type=Path, help="also write the printed report (A4 PDF) there")
    args = parser.parse_args(argv)
    html = report_html(args.workspace, args.today, args.lang)
    if args.html is not None:
        args.html.write_text(html, encoding="utf-8")
    screenshot(html, args.out, full_page=args.full_page)
    print(args.out)
    pages = print_first_page(html, args.print_out, pdf=args.pdf)
    print(f"{args.print_out} (1/{pages})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
