"""Read-only (SPEC §9): a run writes nothing inside the workspace — no bytecode when its checks
and plugins are imported, no cache, no file touched (paths, bytes and modes compared) — and the
extraction cache lives outside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rnq.cli import main

from .cases import mixed_workspace
from .conftest import TODAY, bytecode_in, run_doc, snapshot


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "outside").mkdir()
    return mixed_workspace(tmp_path / "ws", tmp_path / "outside")


def test_library_run_with_the_cache_writes_nothing_inside(workspace: Path, tmp_path: Path) -> None:
    before = snapshot(workspace)
    cache = tmp_path / "cache"
    doc = run_doc(workspace, use_cache=True, cache_dir=cache)
    assert any(e["collector"] == "extranet" for e in doc["evidence"])  # the plugin was imported
    assert any("check_hostile" in f["check"] for i in doc["indicators"] for f in i["findings"])
    assert snapshot(workspace) == before
    assert bytecode_in(workspace) == []
    assert list(cache.iterdir())  # the cache is where it was told to be


def test_command_writes_nothing_inside(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``rnq check`` and ``rnq evidence`` with the default cache location (XDG) and bytecode
    writing allowed: the cache goes to the user's cache folder, nothing into the workspace."""
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("RNQ_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    before = snapshot(workspace)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["check", str(workspace), "--json", str(out), "--today", TODAY.isoformat()]
    )
    assert result.exit_code in (0, 1), result.output
    result = CliRunner().invoke(main, ["evidence", str(workspace), "--json"])
    assert result.exit_code == 0, result.output
    assert snapshot(workspace) == before
    assert bytecode_in(workspace) == []
    assert (tmp_path / "xdg" / "rnq").is_dir()


def test_fresh_interpreter_writes_no_bytecode_in_the_workspace(
    workspace: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "RNQ_DISABLE_PLUGIN_AUTOLOAD": "1", "RNQ_CACHE_DIR": str(tmp_path / "c")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = snapshot(workspace)
    done = subprocess.run(
        [sys.executable, "-m", "rnq", "check", str(workspace), "--today", TODAY.isoformat()],
        cwd=workspace,  # even run from inside the workspace
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert snapshot(workspace) == before
    assert bytecode_in(workspace) == []
