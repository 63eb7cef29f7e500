"""The Markdown view of a report: the plain answer, the plan (majors first), every indicator,
and nothing from evidence that can inject markup or break a table."""

from __future__ import annotations

import datetime as dt
import re

from markdown_it import MarkdownIt

from rnq.collect.evidence import Evidence
from rnq.errors import Problem
from rnq.render.markdown import escape, render_markdown
from rnq.text import Lang
from rnq.verdict.build import build_report
from rnq.verdict.report import Report, Section
from rnq.verdict.waivers import Waiver

from .test_verdict import AUDIT, DECISIONS, REFERENTIAL, TODAY, config, finding, with_gaps

EVIL_NAME = "pro/<img src=x onerror=alert(1)>.pdf"
PIPES_NAME = "pro/| pipes | here |.pdf"
EVIL_MESSAGE = "<img src=x onerror=alert(1)> | a | b | *bold* [link](javascript:alert(1))"


def rich_report(lang: Lang = "fr") -> Report:
    """A report with every status: a major NC (26), two minor NCs (23, 24 — 24 with hostile
    text from evidence), a waived indicator (25), a not-assessed one (30), indicators that do
    not apply, an error on a hostile file name, evidence and an unmapped file."""
    hostile = finding(24, "gap", unit="pro", message=EVIL_MESSAGE).model_copy(
        update={"evidence": (EVIL_NAME, PIPES_NAME, "pro/ctrl\x01char.pdf")}
    )
    return build_report(
        referential=REFERENTIAL,
        decisions=DECISIONS,
        config=config(),
        findings=with_gaps(
            finding(26, "gap", unit="pro", missing=True),
            finding(23, "gap", unit="pro"),
            finding(30, "not_verified", unit="pro"),
            finding(25, "gap", unit="pro"),
            hostile,
        ),
        problems=[Problem.make("pro/<script>alert(1)</script>|x.pdf", "PDF <b>chiffré</b>", "bad")],
        waivers=[
            Waiver(
                indicator=25,
                justification="Refonte en cours",
                approver="DG",
                expires=dt.date(2027, 1, 31),
            )
        ],
        today=TODAY,
        audit_date=AUDIT,
        lang=lang,
        evidence=[
            Evidence(
                path='=HYPERLINK("http://x.example","clic")',
                unit="pro",
                indicators=(26, 23),
                kind="handicap",
                note="@SUM(1+1)",
                by="+33 1 23",
                date=dt.date(2026, 1, 2),
            ),
            Evidence(path="siege/I23-veille.md", unit="siege", indicators=(23,), read="ok"),
        ],
        unmapped=[Evidence(path="-2+3.txt", unit="pro")],
    )


def _html(markdown: str, *, html: bool) -> str:
    """Rendered as a permissive renderer would (raw HTML allowed) or a strict one."""
    return MarkdownIt("commonmark", {"html": html}).enable("table").render(markdown)


def _table_after(text: str, heading: str) -> list[list[str]]:
    """The rows (header included) of the first Markdown table after ``heading``."""
    lines = text[text.index(heading) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
    return [rows[0], *rows[2:]]


def test_answer_summary_plan_and_indicators_in_french() -> None:
    report = rich_report()
    text = render_markdown(report)
    assert text.startswith("# Rapport pré-audit Qualiopi — Institut d")
    assert "## En l'état, le certificat serait-il délivré ?" in text
    assert report.summary.answer.startswith("Non")
    assert escape(report.summary.answer) in text
    for reason in report.summary.blocking:
        assert f"- {escape(reason)}" in text
    summary = {row[0]: row[1] for row in _table_after(text, "## Synthèse")[1:]}
    assert summary["NC majeure"] == "1" and summary["NC mineure"] == "2"
    assert summary["non évalué"] == "1" and summary["dérogation"] == "1"
    plan = _table_after(text, "## Plan d’action")
    assert plan[0][:3] == ["#", "Niveau", "Indicateur"]
    assert [(row[1], row[2]) for row in plan[1:]] == [
        ("NC majeure", "26"),
        ("NC mineure", "23"),
        ("NC mineure", "24"),
    ]
    assert plan[1][6] == "Référente handicap"  # owners.indicators[26]
    assert "#### 26 — " in text and "— NC majeure" in text
    assert "#### 30 — " in text and "— non évalué" in text
    assert "### Critère 6 — " in text
    assert "Niveau attendu :" in text


def test_not_applicable_waived_errors_and_sections() -> None:
    report = rich_report()
    section = Section(title="Extension CRM", markdown="Texte **du plugin**.", plugin="crm")
    text = render_markdown(report.model_copy(update={"sections": (section,)}))
    na = _table_after(text, "## Indicateurs non applicables")
    numbers = [row[0] for row in na[1:]]
    expected = [str(r.number) for r in report.indicators if r.status == "not_applicable"]
    assert numbers == expected and numbers
    assert all(row[2] for row in na[1:]), "every exclusion has its reason"
    assert "#### 25 — " in text and "Dérogation accordée par DG" in text
    errors = _table_after(text, "## Fichiers en erreur")
    assert len(errors) == 2 and "alert(1)" in errors[1][0]
    assert text.rstrip().endswith("Texte **du plugin**.")
    assert "## Extension CRM (crm)" in text


def test_evidence_text_cannot_inject_html_or_break_tables() -> None:
    text = render_markdown(rich_report())
    for permissive in (True, False):
        html = _html(text, html=permissive)
        assert "<img" not in html and "<script" not in html and "<b>" not in html
        assert 'href="javascript' not in html
        for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
            widths = {
                len(re.findall(r"<t[hd][ >]", row))
                for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S)
            }
            assert len(widths) == 1, table
    html = _html(text, html=True)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as text
    assert "\x01" not in text
    cells = [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    ]
    plan_24 = next(row for row in cells if len(row) > 5 and row[2] == "24")
    assert "&lt;img src=x onerror=alert(1)&gt; | a | b | *bold*" in plan_24[5]
    error_row = next(row for row in cells if row and "alert(1)" in row[0])
    assert error_row[0] == "pro/&lt;script&gt;alert(1)&lt;/script&gt;|x.pdf"
    assert error_row[2] == "PDF &lt;b&gt;chiffré&lt;/b&gt;"


def test_escape_is_inert_and_keeps_the_text() -> None:
    nasty = "a | b <i>c</i> *d* `e` [f](g) \\ h\nnext & ~~s~~"
    escaped = escape(nasty)
    assert "\n" not in escaped and "|" not in escaped.replace("\\|", "")
    rendered = _html(escaped, html=True)
    assert "<i>" not in rendered and "<em>" not in rendered and "<code>" not in rendered
    assert "<a " not in rendered and "<del>" not in rendered
    plain = re.sub(r"<[^>]+>", "", rendered).strip()
    for word in ("a | b", "&lt;i&gt;c&lt;/i&gt;", "*d*", "`e`", "[f](g)", "next &amp; ~~s~~"):
        assert word in plain


def test_english_and_deterministic() -> None:
    text = render_markdown(rich_report("en"))
    assert text.startswith("# Qualiopi pre-audit report")
    assert "## Action plan" in text and "## Indicators not applicable" in text
    assert "major NC" in text and "NC majeure" not in text
    assert render_markdown(rich_report("en")) == text


def test_clean_report_says_so() -> None:
    report = rich_report()
    clean = report.model_copy(update={"action_plan": (), "errors": ()})
    text = render_markdown(clean)
    assert "Aucun écart à traiter." in text
    assert "## Fichiers en erreur" not in text
