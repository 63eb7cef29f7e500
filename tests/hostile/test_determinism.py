"""Determinism (SPEC §9): the same workspace, ``--today`` and ``--audit-date`` give
byte-identical JSON — run twice, from another working directory, through the command in fresh
interpreters with different hash seeds, with and without the extraction cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import rnq

from .cases import mixed_workspace
from .conftest import AUDIT, TODAY


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("determinism")
    (base / "outside").mkdir()
    return mixed_workspace(base / "ws", base / "outside")


def _json(root: Path | str, **options: Any) -> str:
    settings: dict[str, Any] = {
        "today": TODAY,
        "audit_date": AUDIT,
        "load_entrypoints": False,
        "workers": 1,
        **options,
    }
    return rnq.run(root, rnq.RunOptions(**settings)).to_json()


def test_two_runs_are_byte_identical(workspace: Path) -> None:
    first = _json(workspace, use_cache=False)
    assert _json(workspace, use_cache=False) == first
    # the mixed workspace really exercises errors, unmapped files and findings
    assert '"errors": [\n    {' in first and '"not_verified"' in first


def test_cache_and_working_directory_change_nothing(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = _json(workspace, use_cache=False)
    cache = tmp_path / "cache"
    assert _json(workspace, cache_dir=cache) == reference  # cold cache
    assert _json(workspace, cache_dir=cache) == reference  # warm cache
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert _json(workspace, use_cache=False) == reference
    monkeypatch.chdir(workspace.parent)
    assert _json(workspace.name, use_cache=False) == reference  # a relative path


def _command(workspace: Path, cwd: Path, seed: str) -> str:
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "RNQ_DISABLE_PLUGIN_AUTOLOAD": "1",
        "PYTHONDONTWRITEBYTECODE": "",
    }
    env.pop("PYTHONDONTWRITEBYTECODE")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "rnq",
            "check",
            str(workspace),
            "--json",
            "-",
            "--today",
            TODAY.isoformat(),
            "--audit-date",
            AUDIT.isoformat(),
            "--no-cache",
            "--fail-on",
            "never",
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_command_output_is_identical_across_hash_seeds_and_directories(
    workspace: Path, tmp_path: Path
) -> None:
    first = _command(workspace, tmp_path, "0")
    second = _command(workspace, workspace.parent, "4242")
    assert first == second
    assert first == _json(workspace, use_cache=False)
