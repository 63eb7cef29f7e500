"""The first commands: indicators, explain, changes, schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from rnq.cli import main

from .conftest import EXAMPLE, MINIMAL


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_indicators_json_for_a_workspace() -> None:
    code, out, _ = run("indicators", str(EXAMPLE), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "rnq.indicators/1"
    assert doc["referential"] == "rnq-2026"
    assert doc["total"] == 33
    assert doc["applicable"] == 26
    rows = {row["number"]: row for row in doc["indicators"]}
    assert rows[27]["applicable"] is False
    assert rows[27]["declared_not_applicable"] is True
    assert rows[26]["nc_weighting"] == "major_only"
    assert rows[1]["assessed_at"] == "offering"
    assert rows[33]["provisional"] is True
    for row in doc["indicators"]:
        assert {
            "number",
            "criterion",
            "applicable",
            "reason",
            "nc_weighting",
            "assessed_at",
            "provisional",
        } <= set(row)
        assert row["reason"]


def test_indicators_referential_option_and_english() -> None:
    code, out, _ = run(
        "indicators", str(EXAMPLE), "--referential", "rnq-2019-v9", "--json", "--lang", "en"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["total"] == 32
    assert doc["indicators"][0]["reason"].startswith("applies to AF")


def test_indicators_without_workspace_lists_the_referential(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("indicators", "--audit-date", "2026-06-01")
    assert code == 0
    assert "rnq-2019-v9 : 32 indicateurs" in out


def test_bad_workspace_exits_2_naming_file_and_line(write_workspace: Callable[..., Path]) -> None:
    root = write_workspace(MINIMAL + "colour: blue\n")
    code, _, err = run("indicators", str(root))
    assert code == 2
    assert "rnq.yaml:6" in err and "colour" in err


def test_unknown_referential_is_a_usage_error() -> None:
    code, _, err = run("indicators", "--referential", "rnq-1999")
    assert code == 2
    assert "rnq-2026" in err


def test_explain() -> None:
    code, out, _ = run("explain", "12")
    assert code == 0
    assert "Niveau attendu" in out
    assert "rnq-2019-v9" in out or "RNQ 2019" in out
    assert "violence" in out  # the 2026 addition
    code, out, _ = run("explain", "33", "--lang", "en")
    assert code == 0
    assert "does not exist in rnq-2019-v9" in out
    assert "provisional" in out
    code, _, _ = run("explain", "40")
    assert code == 2


def test_changes_lists_the_13_changed_indicators_and_33() -> None:
    code, out, _ = run("changes")
    assert code == 0
    for number in (1, 2, 3, 7, 12, 14, 15, 19, 20, 27, 30, 31, 32, 33):
        assert f"Indicateur {number} —" in out
    assert "Indicateur 9 —" not in out


def test_schema_is_the_workspace_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "rnq.yaml"
    assert "units" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rnq", "indicators", str(EXAMPLE), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["applicable"] == 26
