"""``rnq check --html/--md/--junit/--xlsx/--csv`` and ``rnq diff`` from the command line."""

from __future__ import annotations

import csv
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from junitparser import JUnitXml
from python_calamine import CalamineWorkbook

from rnq.cli import main
from rnq.verdict.report import Report

from .conftest import REPO

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: initial, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - {id: pro, name: "Pôle pro"}
"""
DAY = ("--today", "2026-11-28", "--no-cache")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*") if p.name.endswith(".tmp")]


def test_every_output_at_once(write_workspace: Callable[..., Path], tmp_path: Path) -> None:
    root = write_workspace(CONFIG, {"siege/I23-veille-legale-2026-10-01.md": "# Veille\n"})
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, _ = run(
        "check",
        str(root),
        *DAY,
        "--json",
        str(out / "r.json"),
        "--md",
        str(out / "r.md"),
        "--junit",
        str(out / "r.xml"),
        "--xlsx",
        str(out / "r.xlsx"),
        "--csv",
        str(out / "csv"),
    )
    assert code == 1
    assert "Écarts par indicateur" in stdout  # the console view is still printed
    report = Report.model_validate_json((out / "r.json").read_text(encoding="utf-8"))
    assert (out / "r.md").read_text(encoding="utf-8").startswith("# Rapport pré-audit Qualiopi")
    junit = JUnitXml.fromfile(str(out / "r.xml"))
    assert junit.tests == len(report.indicators) + len(report.obligations)
    assert junit.failures == report.summary.nc_major + report.summary.nc_minor
    book = CalamineWorkbook.from_path(str(out / "r.xlsx"))
    assert book.sheet_names[0] == "Plan d'action"
    plan = book.get_sheet_by_name("Plan d'action").to_python()
    assert len(plan) == 1 + len(report.action_plan)
    with (out / "csv" / "action-plan.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert len(rows) == 1 + len(report.action_plan)
    with (out / "csv" / "evidence-map.csv").open(encoding="utf-8-sig", newline="") as f:
        evidence = list(csv.reader(f, delimiter=";"))
    assert [row[3] for row in evidence[1:]] == ["siege/I23-veille-legale-2026-10-01.md"]
    assert not _leftovers(out)


def test_one_output_on_stdout(write_workspace: Callable[..., Path]) -> None:
    root = str(write_workspace(CONFIG))
    code, stdout, _ = run("check", root, *DAY, "--md", "-", "--lang", "en")
    assert code == 1
    assert stdout.startswith("# Qualiopi pre-audit report")
    assert "Gaps by indicator" not in stdout  # no console view mixed in
    code, stdout, _ = run("check", root, *DAY, "--junit", "-")
    assert stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert JUnitXml.fromstring(stdout).tests > 0
    code, _, err = run("check", root, *DAY, "--md", "-", "--json", "-")
    assert code == 2 and "--json" in err and "--md" in err
    code, _, err = run("check", root, *DAY, "--xlsx", "-")
    assert code == 2 and "--xlsx" in err


def test_html_option_calls_the_html_view(
    write_workspace: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rnq.render.html

    seen: list[Report] = []

    def fake(report: Report) -> Iterator[str]:  # the page comes in parts, written as they come
        seen.append(report)
        yield "<!doctype html>"
        yield f"<title>{report.referential}</title>\n"

    monkeypatch.setattr(rnq.render.html, "html_parts", fake)
    monkeypatch.setenv("RNQ_NO_FORK", "1")  # the page written here, where ``seen`` is seen
    target = tmp_path / "r.html"
    code, _, _ = run("check", str(write_workspace(CONFIG)), *DAY, "--html", str(target))
    assert code == 1 and len(seen) == 1
    assert (
        target.read_text(encoding="utf-8")
        == f"<!doctype html><title>{seen[0].referential}</title>\n"
    )


def test_unwritable_files_give_a_clear_error(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = str(write_workspace(CONFIG))
    missing = tmp_path / "no-such-dir" / "r.md"
    code, _, err = run("check", root, *DAY, "--md", str(missing))
    assert code == 2
    assert str(missing) in err and "impossible d'écrire" in err
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run("check", root, *DAY, "--csv", str(blocker / "csv"), "--lang", "en")
    assert code == 2 and str(blocker / "csv") in err and "cannot write" in err
    assert not _leftovers(tmp_path)


def test_an_existing_file_is_replaced_whole_keeping_its_mode(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    target = tmp_path / "r.md"
    target.write_text("old content that is longer than nothing " * 1000, encoding="utf-8")
    os.chmod(target, 0o640)
    code, _, _ = run("check", str(write_workspace(CONFIG)), *DAY, "--md", str(target))
    assert code == 1
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Rapport") and "old content" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "new.xml"
    run("check", str(write_workspace(CONFIG)), *DAY, "--junit", str(fresh))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_diff_between_two_runs(write_workspace: Callable[..., Path], tmp_path: Path) -> None:
    root = write_workspace(CONFIG)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    run("check", str(root), *DAY, "--json", str(old))
    (root / "siege").mkdir(exist_ok=True)
    (root / "siege" / "I23-veille-legale-2026-10-01.md").write_text(
        "# Veille légale\n\nSources : Légifrance. Exploitation : mise à jour du livret, "
        "diffusion à l'équipe pédagogique le 2026-10-05.\n",
        encoding="utf-8",
    )
    run("check", str(root), *DAY, "--json", str(new))
    code, stdout, _ = run("diff", str(old), str(new), "--json")
    assert code == 0
    data = json.loads(stdout)
    schema = json.loads((REPO / "docs/schemas/rnq.diff-1.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    old_report = Report.model_validate_json(old.read_text(encoding="utf-8"))
    missing_23 = {
        f.id for f in old_report.indicator(23).findings if f.outcome == "gap" and f.missing
    }
    assert missing_23 and missing_23 <= {f["id"] for f in data["fixed"]}
    assert {f["id"] for f in data["unchanged"]} & missing_23 == set()
    code, stdout, _ = run("diff", str(old), str(new))
    assert code == 0 and "Corrigés (" in stdout and "Inchangés (" in stdout


def test_diff_refuses_what_is_not_an_rnq_report(tmp_path: Path) -> None:
    other = tmp_path / "evidence.json"
    other.write_text('{"schema": "rnq.evidence/1"}', encoding="utf-8")
    code, _, err = run("diff", str(other), str(other))
    assert code == 2 and str(other) in err and "rnq.report/2" in err
    code, _, err = run("diff", str(tmp_path / "absent.json"), str(other), "--lang", "en")
    assert code == 2 and "absent.json" in err and "cannot be read" in err


def test_the_html_file_is_the_page_render_html_writes(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    """--html writes the page in parts as it is rendered: the same text as render_html."""
    from rnq.render.html import render_html

    target, data = tmp_path / "r.html", tmp_path / "r.json"
    root = write_workspace(CONFIG)
    run("check", str(root), *DAY, "--html", str(target), "--json", str(data))
    report = Report.model_validate_json(data.read_bytes())
    assert target.read_text(encoding="utf-8") == render_html(report)
