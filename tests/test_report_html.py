"""The HTML report (SPEC §6, §9): self-contained, inert, bilingual, complete, deterministic."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from rnq.collect.evidence import Evidence
from rnq.collect.evidence_map import evidence_item
from rnq.engine.findings import Finding
from rnq.errors import Problem
from rnq.rehearsal.calendar import audit_calendar
from rnq.render.html import render_html
from rnq.text import Lang, Localized
from rnq.verdict.build import build_report
from rnq.verdict.report import Report, Section
from rnq.verdict.waivers import Waiver

from .test_verdict import (
    AUDIT,
    DECISIONS,
    REFERENTIAL,
    TODAY,
    advice,
    config,
    finding,
    with_gaps,
)

HOSTILE_PATH = "langues/</script><script>alert(1)</script>.pdf"
HOSTILE_MESSAGE = '<img src=x onerror="alert(2)">'
HOSTILE_FIX = (
    "Déposez la *preuve*.\n\n<script>alert(3)</script>\n\n"
    "![pixel](https://tracker.example/p.png) [Légifrance](https://www.legifrance.gouv.fr/)"
)
JUSTIFICATION = "Référente handicap recrutée, prise de poste le 2 janvier"


def hostile_gap() -> Finding:
    """A gap on indicator 9 whose texts try to inject markup."""
    base = finding(9, "gap", unit="langues")
    return base.model_copy(
        update={
            "message": Localized.same(HOSTILE_MESSAGE),
            "fix": Localized(fr=HOSTILE_FIX, en=HOSTILE_FIX),
            "evidence": (HOSTILE_PATH,),
        }
    )


def sample_report(lang: Lang = "fr", evidence: int = 0) -> Report:
    """A report with every kind of content: NCs of both levels, a waiver, a not-verified
    finding, N/A indicators, an error, evidence and unmapped files, a plugin section, the audit
    calendar (as ``rnq.run`` adds it).

    ``evidence``: add that many synthetic evidence rows (spread over the units) to the map."""
    gaps = with_gaps(
        finding(4, "gap", unit="pro", offering="cap", missing=True),
        finding(26, "gap", unit="pro"),
        finding(30, "gap", unit="langues"),
        finding(12, "not_verified", unit="siege"),
        hostile_gap(),
    )
    gaps += [advice(11, unit="pro"), advice(17, unit="langues", confirm=True)]
    pieces = [
        Evidence(path="siege/I23-veille.pdf", unit="siege", indicators=(23,), kind="veille"),
        Evidence(path="pro/cap/I04-besoin.docx", unit="pro", indicators=(4,), offering="cap"),
        Evidence(path=HOSTILE_PATH, unit="langues", indicators=(9,), read="ok"),
        Evidence(path="langues/I30-enquete.xlsx", unit="langues", indicators=(30,)),
    ]
    pieces += [
        Evidence(
            path=f"{unit}/lot{i // 100:03d}/I{(i % 32) + 1:02d}-piece-{i:05d}.pdf",
            unit=unit,
            indicators=((i % 32) + 1,),
        )
        for i in range(evidence)
        for unit in (("siege", "pro", "langues")[i % 3],)
    ]
    result = build_report(
        referential=REFERENTIAL,
        decisions=DECISIONS,
        config=config(),
        findings=gaps,
        problems=[Problem.make("pro/registre.csv", "ligne illisible", "unreadable line", line=7)],
        waivers=[
            Waiver(
                indicator=26,
                unit="pro",
                justification=JUSTIFICATION,
                approver="Directrice qualité",
                expires=AUDIT.replace(year=AUDIT.year + 1),
            )
        ],
        today=TODAY,
        audit_date=AUDIT,
        lang=lang,
        evidence=pieces,
        unmapped=[Evidence(path="langues/divers/notes.txt", unit="langues")],
    )
    section = Section(
        title="Extension <b>CRM</b>",
        markdown="**12 réclamations**, toutes traitées.\n\n<iframe src='https://x.example'></iframe>",
        plugin="rnq-crm",
    )
    calendar = audit_calendar(config(), TODAY, audit_date=AUDIT, lang=lang)
    return result.model_copy(update={"sections": (section,), "calendar": calendar})


class Page(HTMLParser):
    """The tags of a page, their attributes, and the text of its scripts and styles."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str]] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        self.tags.append((tag, found))
        if tag in ("script", "style"):
            self._open = (tag, found)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is None:
            return
        tag, attrs = self._open
        if tag == "script":
            self.scripts.append((attrs, data))
        else:
            self.styles.append(data)

    def find(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def french() -> Report:
    return sample_report("fr")


@pytest.fixture(scope="module")
def html(french: Report) -> str:
    return render_html(french)


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def island(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="rnq-data">(.*?)</script>', html, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


# --- self-contained and inert -----------------------------------------------------------------


def test_one_script_allowed_by_its_hash_in_the_csp(page: Page) -> None:
    metas = [m for m in page.find("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = metas[0]["content"]
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1]
    code = [text for attrs, text in page.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert not any("src" in attrs for attrs in page.find("script"))


def test_the_style_sheet_closes_every_block(html: str) -> None:
    """Every ``{`` of the page's style sheet is closed once: a stray ``}`` makes the browser drop
    the rule after it (a screen rule that hid the printed report's extra lines was lost so)."""
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 1
    css = re.sub(r"/\*.*?\*/", "", styles[0], flags=re.S)  # comments hold no block
    depth = 0
    for char in css:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, "a } closes no block"
    assert depth == 0


def test_no_external_resource(html: str, page: Page) -> None:
    for tag, attrs in page.tags:
        for name in ("src", "srcset", "data", "poster", "action", "formaction"):
            assert name not in attrs, (tag, attrs)
        if tag == "link":
            assert attrs.get("rel") == "icon" and attrs["href"].startswith("data:")
    assert not page.find("img") and not page.find("iframe") and not page.find("object")
    for style in page.styles:
        assert "url(" not in style and "@import" not in style
    # the only http(s) addresses are plain links, written in a fix's Markdown
    for attrs in page.find("a"):
        href = attrs["href"]
        if href.startswith("http"):
            assert href == "https://www.legifrance.gouv.fr/"
            assert attrs.get("rel") == "noopener noreferrer"
        else:
            assert href.startswith("#")
    assert "tracker.example" not in "".join(a.get("href", "") for _, a in page.tags)


def test_workspace_text_is_escaped(html: str, page: Page) -> None:
    assert "<script>alert" not in html
    assert HOSTILE_MESSAGE not in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html  # raw HTML in Markdown: text
    assert "<iframe" not in html and "&lt;iframe" in html
    assert "<b>CRM</b>" not in html and "Extension &lt;b&gt;CRM&lt;/b&gt;" in html
    # the path cannot close the JSON island, and still reads the same once parsed
    data = island(html)
    assert [row[0] for row in data["evidence"]].count(HOSTILE_PATH) == 1  # type: ignore[attr-defined]
    assert len([a for a, _ in page.scripts]) == 2


def test_markdown_is_rendered_without_raw_html(html: str) -> None:
    assert "Déposez la <em>preuve</em>." in html
    assert "<strong>12 réclamations</strong>, toutes traitées." in html


# --- content ------------------------------------------------------------------------------------


def test_plain_answer_and_reasons(french: Report, html: str) -> None:
    summary = french.summary
    assert summary.certifiable is False
    assert "En l&#39;état, le certificat serait-il délivré ?" in html
    assert summary.answer.replace("'", "&#39;") in html
    assert '<p class="verdict">Non</p>' in html
    for reason in (*summary.blocking, *summary.undetermined):
        assert reason.replace("'", "&#39;").replace('"', "&#34;") in html


def test_each_indicator_has_its_section_with_expected_level(french: Report, html: str) -> None:
    for result in french.indicators:
        start = html.index(f'id="ind-{result.number}"')
        end = html.index("</article>", start)
        block = html[start:end]
        assert f'data-s="{result.status}"' in block and f'data-c="{result.criterion}"' in block
        if result.applicable and result.expected_level:
            assert result.expected_level.replace("'", "&#39;") in block
        if result.reason:
            assert result.reason.replace("'", "&#39;").replace('"', "&#34;") in block


def test_gap_shows_fix_unit_offering_and_evidence(html: str) -> None:
    start = html.index('id="ind-4"')
    block = html[start : html.index("</article>", start)]
    assert "CAP Fleuriste" in block and "Pôle pro" in block
    assert "<code>pro/I04-preuve.pdf</code>" in block
    assert "preuve absente" in block and "corriger" in block
    assert "NC majeure uniquement" in block


def test_not_applicable_waivers_and_errors_are_shown(french: Report, html: str) -> None:
    na = [r for r in french.indicators if r.status == "not_applicable"]
    assert na
    section = html[html.index('id="na-waivers"') : html.index('id="display"')]
    for result in na:
        assert f'href="#ind-{result.number}"' in section
        assert (result.reason or "").replace("'", "&#39;") in section
    assert JUSTIFICATION in section and "Directrice qualité" in section
    errors = html[html.index('id="errors"') :]
    assert "<code>pro/registre.csv:7</code>" in errors and "ligne illisible" in errors


def test_action_plan_majors_first_with_owner_and_dates(french: Report, html: str) -> None:
    plan = french.action_plan
    assert {a.level for a in plan} == {"nc_major", "nc_minor", "advice"}
    section = html[html.index('<table class="plan">') : html.index('id="indicators"')]
    levels = re.findall(r'data-s="(nc_m\w+|advice)"', section)
    assert levels == [a.level for a in plan] and levels[0] == "nc_major"
    assert levels.index("nc_minor") > levels.index("nc_major")
    assert levels.index("advice") > max(i for i, x in enumerate(levels) if x != "advice")
    assert section.count('class="fx opt"') == levels.count("advice")
    for item in plan:
        assert item.owner.replace("'", "&#39;") in section
        assert item.due.strftime("%d/%m/%Y") in section
        if item.deadline_if_raised:
            assert item.deadline_if_raised.strftime("%d/%m/%Y") in section


def test_charts_are_accessible_and_count_right(french: Report, page: Page, html: str) -> None:
    svgs = page.find("svg")
    assert len(svgs) == 4  # three charts and the calendar's timeline
    assert sum("timeline" in s.get("class", "") for s in svgs) == 1
    assert all(s.get("role") == "img" and s.get("aria-labelledby") for s in svgs)
    for svg in svgs:
        assert f'<title id="{svg["aria-labelledby"]}">' in html
    start = html.index('aria-labelledby="chart-summary-t"')
    chart = html[start : html.index("</svg>", start)]
    counts = {m[0]: int(m[1]) for m in re.findall(r"<title>([^<:]+) : (\d+)</title>", chart)}
    summary = french.summary
    assert counts["NC majeure"] == summary.nc_major and counts["NC mineure"] == summary.nc_minor
    assert counts["non applicable"] == summary.not_applicable
    assert sum(counts.values()) == len(french.indicators)


def test_evidence_map_travels_in_the_island(french: Report, html: str) -> None:
    data = island(html)
    rows = data["evidence"]
    assert isinstance(rows, list) and len(rows) == len(french.evidence) == 4
    assert [r[0] for r in rows] == [e.path for e in french.evidence]
    assert [r[0] for r in data["unmapped"]] == ["langues/divers/notes.txt"]  # type: ignore[index]
    assert data["units"] == {"siege": "Siège", "pro": "Pôle pro", "langues": "Pôle langues"}


def test_no_personal_data_beyond_paths() -> None:
    person = Evidence(path="pro/cv/I21-cv.pdf", unit="pro", indicators=(21,), by="Jeanne Martin")
    result = sample_report().model_copy(update={"evidence": (evidence_item(person),)})
    text = render_html(result)
    assert "pro/cv/I21-cv.pdf" in text and "Jeanne Martin" not in text


def test_english_labels_with_lang_en() -> None:
    result = sample_report("en")
    english = render_html(result)
    assert result.summary.certifiable_question.replace("'", "&#39;") in english
    assert '<p class="verdict">No</p>' in english
    assert '<html lang="en">' in english
    assert "Action plan" in english and "Plan d&#39;actions" not in english
    assert "major NC" in english and "NC majeure" not in english
    assert "2026-12-15" in english  # dates in ISO


def test_french_by_default(html: str) -> None:
    assert '<html lang="fr">' in html and "Plan d&#39;actions" in html
    assert "15/12/2026" in html and "Action plan" not in html


def test_same_report_same_bytes(french: Report, html: str) -> None:
    again = Report.model_validate_json(french.to_json())
    assert render_html(again) == html
    assert render_html(french) == html


def test_a_different_report_gives_a_different_page(html: str) -> None:
    other = sample_report().model_copy(update={"action_plan": ()})
    changed = render_html(other)
    assert changed != html and "Aucune action" in changed


def test_print_css_hides_filters_and_opens_details(page: Page) -> None:
    css = "".join(page.styles)
    media = css[css.index("@media print") :]
    assert "nav.filters" in media and "display:none" in media
    # every list opens in print but the passed findings (a count: tests/test_report_print.py)
    assert "details:not(.others)::details-content" in media


def test_a_bare_report_renders() -> None:
    """The smallest report (no unit, no indicator, unknown referential) still makes a page."""
    bare = Report.model_validate(
        {
            "schema": "rnq.report/2",
            "referential": "inconnu",
            "audit": {"type": "initial", "date": None},
            "today": "2026-11-02",
            "summary": {
                "applicable": 0,
                "conform": 0,
                "nc_minor": 0,
                "nc_major": 0,
                "not_assessed": 0,
                "waived": 0,
                "certifiable": None,
                "blocking": [],
            },
            "indicators": [],
            "action_plan": [],
            "errors": [],
        }
    )
    text = render_html(bare)
    assert "non fixée" in text and "Impossible à dire" in text and "Critère 7" in text
    assert "Aucune action" in text and "Aucune erreur." in text


def test_a_fix_shared_by_several_findings_is_said_once() -> None:
    gaps = [finding(30, "gap", unit=u) for u in ("siege", "pro", "langues")]
    text = render_html(build_report_of(with_gaps(*gaps)))
    start = text.index('id="ind-30"')
    block = text[start : text.index("</article>", start)]
    assert block.count("<p>corriger</p>") == 1 and block.count('<tr class="fu ') == 3


def build_report_of(findings: list[Finding]) -> Report:
    return build_report(
        referential=REFERENTIAL,
        decisions=DECISIONS,
        config=config(),
        findings=findings,
        problems=[],
        today=TODAY,
        audit_date=AUDIT,
    )


@pytest.mark.parametrize("rows", [0, 1, 2000, 4001])
def test_the_data_island_is_what_tojson_wrote(rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The island is streamed in batches of rows: the same text as Jinja's tojson of the whole
    data (json.dumps with sorted keys, then <>&' escaped), whatever the number of rows."""
    import json as json_module

    from jinja2.utils import htmlsafe_json_dumps

    import rnq.render.html as html

    report = sample_report("fr", evidence=rows)
    hostile = report.evidence[0].model_copy(update={"path": "a</script><b>&'x'.pdf"})
    report = report.model_copy(update={"evidence": (hostile, *report.evidence[1:])})
    data = html._island(report, "fr")
    data["more"] = {"m1": "<tr><td>é & ’</td></tr>"}
    whole = {
        **data,
        "evidence": list(html._evidence_rows(report, "fr")),
        "unmapped": list(html._unmapped_rows(report)),
    }
    env = html._environment()
    expected = str(
        htmlsafe_json_dumps(
            whole, dumps=env.policies["json.dumps_function"], **env.policies["json.dumps_kwargs"]
        )
    )
    assert "".join(html._island_json(data, report, "fr")) == expected
    assert json_module.loads("".join(html._island_json(data, report, "fr"))) == whole


@pytest.mark.parametrize("at_once", [1, 50, 1 << 18])
@pytest.mark.parametrize("pieces", [0, 1, 30])
def test_the_deferred_markup_is_what_tojson_wrote(
    at_once: int, pieces: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deferred markup is written in parts: the same text as Jinja's tojson of the whole."""
    from jinja2.utils import htmlsafe_json_dumps

    import rnq.render.html as html

    monkeypatch.setattr(html, "_DEFERRED_AT_ONCE", at_once)
    deferred = {f"m{i}": "<tr><td>é & ’ '\"\\</td></tr>" * (i % 4) for i in range(1, pieces + 1)}
    env = html._environment()
    expected = str(
        htmlsafe_json_dumps(
            deferred,
            dumps=env.policies["json.dumps_function"],
            **env.policies["json.dumps_kwargs"],
        )
    )
    assert "".join(html._deferred_json(deferred)) == expected
