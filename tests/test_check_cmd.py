"""``rnq check``: the report, its JSON, options and exit codes (SPEC §6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from rnq.cli import main

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


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_report_validates_and_exit_code_follows_fail_on(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG)
    out = tmp_path / "report.json"
    code, stdout, _ = run(
        "check", str(root), "--json", str(out), "--today", "2026-11-28", "--no-cache"
    )
    assert code == 1  # no evidence at all: major NCs
    doc = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((REPO / "docs/schemas/rnq.report-2.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["schema"] == "rnq.report/2"
    assert doc["summary"]["certifiable"] is False
    assert "Écarts par indicateur" in stdout
    assert "NC majeures" in stdout.splitlines()[-1]
    code, _, _ = run(
        "check", str(root), "--today", "2026-11-28", "--fail-on", "never", "--no-cache"
    )
    assert code == 0


def test_json_to_stdout_is_deterministic(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG, {"pro/I23-veille-legale-2026-10-01.md": "# Veille\n"})
    args = ("check", str(root), "--json", "-", "--today", "2026-11-28", "--no-cache")
    first, second = run(*args), run(*args)
    assert first[1] == second[1]
    assert json.loads(first[1])["today"] == "2026-11-28"


def test_filters_and_usage_errors(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(CONFIG)
    code, stdout, _ = run(
        "check",
        str(root),
        "--json",
        "-",
        "--indicator",
        "26",
        "--today",
        "2026-11-28",
        "--no-cache",
    )
    doc = json.loads(stdout)
    assert [i["number"] for i in doc["indicators"]] == [26]
    assert doc["summary"]["applicable"] == 1
    code, _, err = run("check", str(root), "--unit", "nope")
    assert code == 2
    assert "nope" in err
    code, _, err = run("check", str(root), "--today", "28/11/2026")
    assert code == 2


def test_english(write_workspace: Callable[..., Path]) -> None:
    code, stdout, _ = run(
        "check", str(write_workspace(CONFIG)), "--lang", "en", "--today", "2026-11-28", "--no-cache"
    )
    assert code == 1
    assert "Gaps by indicator" in stdout
    assert "major NC" in stdout.splitlines()[-1]


def test_cache_dir_is_a_folder_that_serves_the_next_run(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, {"siege/I26-referent-handicap.md": "# Référent handicap\n"})
    cache = tmp_path / "cache"
    args = ("check", str(root), "--today", "2026-11-28", "--json", "-", "--cache-dir", str(cache))
    first = run(*args)
    second = run(*args)  # the folder exists now: it must be accepted and reused
    assert first[0] == second[0] and first[1] == second[1]
    assert cache.is_dir() and (cache / "extract.sqlite3").is_file()
