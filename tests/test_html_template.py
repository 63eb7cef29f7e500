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
        template = html._template()
        assert template.root_render_func.__globals__ is vars(compiled)  # the compiled one
        assert template.filename is not None and template.filename.endswith(html.TEMPLATE)
        from_module = html.render_html(report)
        monkeypatch.setattr(compiled, "FINGERPRINT", "compiled from another source")
        html._template.cache_clear()
        template = html._template()
        assert template.root_render_func.__globals__ is not vars(compiled)  # the source
        assert html.render_html(report) == from_module
    finally:
        monkeypatch.undo()
        html._template.cache_clear()


def test_an_error_in_the_page_names_the_template_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled template's errors point at report.html.j2, as the source's did."""
    import traceback

    report = sample_report("fr")
    html._template.cache_clear()
    try:

        def label(*args: object) -> str:
            raise LookupError(args)

        monkeypatch.setitem(html._environment().globals, "label", label)
        with pytest.raises(LookupError) as caught:
            html.render_html(report)
        frames = traceback.extract_tb(caught.value.__traceback__)
        assert any(f.filename.endswith(html.TEMPLATE) for f in frames), frames
    finally:
        html._template.cache_clear()
