"""The page's template ships compiled to Python (src/rnq/render/_report_template.py, written by
tools/gen_template.py): it must be what Jinja2 compiles from the template's source, and a run
falls back on the source when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

import rnq.render._report_template as compiled
import rnq.render.html as html
from rnq.text import Lang

from .test_report_html import sample_report


def test_the_compiled_template_is_not_stale() -> None:
    written = Path(compiled.__file__).read_text(encoding="utf-8")
    assert written == html.compiled_template(), (
        "src/rnq/render/_report_template.py is stale: run python tools/gen_template.py"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_compiled_template_writes_what_its_source_writes(
    lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = sample_report(lang, evidence=40)
    html._template.cache_clear()
    try:
        assert html._template().filename == compiled.__file__  # the compiled one is used
        from_module = html.render_html(report)
        monkeypatch.setattr(compiled, "FINGERPRINT", "compiled from another source")
        html._template.cache_clear()
        template = html._template()
        assert template.filename is not None and template.filename.endswith(html.TEMPLATE)
        assert html.render_html(report) == from_module
    finally:
        monkeypatch.undo()
        html._template.cache_clear()
