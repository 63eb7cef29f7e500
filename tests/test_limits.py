"""« Limites » (issue #20): every view that shows caveats lists only those that concern the
workspace — the referential in force, the provider's profile, its audit."""

from __future__ import annotations

import datetime as dt
import json
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

import rnq
from rnq.cli import main
from rnq.render.html import render_html
from rnq.render.markdown import render_markdown
from rnq.testing import write_workspace
from rnq.verdict.report import Report

CONFIG = """\
version: 1
organization: {{name: "Organisme test"}}
categories: [AF]
activity: {{new_entrant: {new_entrant}}}
audit: {{type: initial, date: {audit}}}
units:
  - {{id: siege, name: "Siège", central: true}}
"""

GUIDE = "le guide de lecture V10 n'est pas publié"
NEW_ENTRANTS = "Nouveaux entrants : la liste des 11 indicateurs"


def run(tmp_path: Path, *, new_entrant: bool, audit: str = "2026-12-15") -> Report:
    config = CONFIG.format(new_entrant=str(new_entrant).lower(), audit=audit)
    root = write_workspace(tmp_path / f"ws-{new_entrant}-{audit}", config)
    options = rnq.RunOptions(
        today=dt.date(2026, 9, 1),
        indicators=(1,),
        use_cache=False,
        load_entrypoints=False,
        workers=1,
    )
    return rnq.run(root, options)


def limits_of_html(report: Report) -> str:
    html = render_html(report)
    if 'id="limits"' not in html:
        return ""
    start = html.index('id="limits"')
    return unescape(html[start : html.index("</section>", start)])


def limits_of_markdown(report: Report) -> str:
    text = render_markdown(report)
    if "\n## Limites\n" not in text:
        return ""
    start = text.index("\n## Limites\n")
    return text[start : text.index("\n## ", start + 1)]


def test_no_new_entrant_caveat_when_the_provider_is_not_one(tmp_path: Path) -> None:
    report = run(tmp_path, new_entrant=False)
    assert report.referential == "rnq-2026"
    assert any(GUIDE in note for note in report.referential_notes)
    assert not any(NEW_ENTRANTS in note for note in report.referential_notes)
    for limits in (limits_of_html(report), limits_of_markdown(report)):
        assert GUIDE in limits
        assert NEW_ENTRANTS not in limits
    assert NEW_ENTRANTS not in unescape(render_html(report))  # nor anywhere else on the page


def test_a_new_entrant_gets_its_caveat(tmp_path: Path) -> None:
    report = run(tmp_path, new_entrant=True)
    for limits in (limits_of_html(report), limits_of_markdown(report)):
        assert GUIDE in limits and NEW_ENTRANTS in limits


@pytest.mark.parametrize("new_entrant", [False, True])
def test_no_unpublished_guide_caveat_under_the_2019_referential(
    tmp_path: Path, new_entrant: bool
) -> None:
    """An audit before 1 November 2026 is held under RNQ 2019 and guide V9, which is published:
    no caveat of the 2026 version concerns it, and the page has no « Limites »."""
    report = run(tmp_path, new_entrant=new_entrant, audit="2026-10-15")
    assert report.referential == "rnq-2019-v9"
    assert report.referential_notes == ()
    assert limits_of_html(report) == "" and limits_of_markdown(report) == ""
    assert GUIDE not in unescape(render_html(report)) and GUIDE not in render_markdown(report)


def test_limits_are_in_english_with_lang_en(tmp_path: Path) -> None:
    config = CONFIG.format(new_entrant="false", audit="2026-12-15")
    root = write_workspace(tmp_path / "en", config)
    options = rnq.RunOptions(
        today=dt.date(2026, 9, 1), indicators=(1,), use_cache=False, workers=1, lang="en"
    )
    report = rnq.run(root, options)
    assert any("reading guide V10 is not published" in n for n in report.referential_notes)
    assert "<h2>Limits</h2>" in render_html(report)
    assert "\n## Limits\n" in render_markdown(report)


@pytest.mark.parametrize("new_entrant", [False, True])
def test_rnq_indicators_of_a_workspace_lists_its_caveats_only(
    tmp_path: Path, new_entrant: bool
) -> None:
    config = CONFIG.format(new_entrant=str(new_entrant).lower(), audit="2026-12-15")
    root = write_workspace(tmp_path / "ws", config)
    result = CliRunner().invoke(main, ["indicators", str(root), "--json"])
    assert result.exit_code == 0, result.output
    notes = " ".join(json.loads(result.stdout)["provisional_notes"])
    assert GUIDE in notes
    assert (NEW_ENTRANTS in notes) is new_entrant
    # without a workspace, the referential's every caveat
    alone = CliRunner().invoke(main, ["indicators", "--referential", "rnq-2026", "--json"])
    assert NEW_ENTRANTS in " ".join(json.loads(alone.stdout)["provisional_notes"])
