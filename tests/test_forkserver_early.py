"""The process the extraction workers are forked from starts while the run collects evidence,
when the run is likely to read many files (rnq.run._reads_many): its imports (the readers) then
load on another core instead of delaying the first results. A run after one edit reads one
file in this process and starts nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import multiprocessing.forkserver
import shutil
from pathlib import Path

import pytest

import rnq
from rnq.extract import pool
from rnq.workspace.walk import WalkResult

from .conftest import EXAMPLE

run_module = importlib.import_module("rnq.run")  # the module, not rnq.run the function


def _runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the calls of ``start_forkserver`` (the forkserver itself is not started)."""
    started: list[int] = []
    monkeypatch.setattr(pool, "start_forkserver", lambda: started.append(1))
    return started


def test_a_first_run_starts_the_forkserver_and_a_run_after_an_edit_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE, workspace)
    options = rnq.RunOptions(
        today=dt.date(2026, 11, 28), cache_dir=tmp_path / "cache", load_entrypoints=False
    )
    started = _runs(monkeypatch)
    first = rnq.run(workspace, options)
    assert started == [1]  # 116 files, none known: read in worker processes
    edited = next(p for p in sorted(workspace.rglob("*.md")) if "programme" in p.name)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nUne ligne.\n", encoding="utf-8")
    again = rnq.run(workspace, options)
    assert started == [1]  # one file changed: read here, no worker
    assert again.summary == first.summary
    without = rnq.run(workspace, dataclasses.replace(options, use_cache=False))
    assert started == [1, 1]  # no cache: every file is read
    assert without.summary == first.summary


def test_only_a_run_that_reads_many_files_starts_it() -> None:
    walked = WalkResult(stats={f"f{i}.md": (1, 1, i, 1) for i in range(40)})
    assert run_module._reads_many(walked, None)
    assert not run_module._reads_many(WalkResult(stats={"a.md": (1, 1, 1, 1)}), None)  # 1 file
    assert run_module._reads_many(None, None)  # no cache, no walk: every file is read


def test_start_forkserver_starts_it_once() -> None:
    pool.start_forkserver()
    # multiprocessing's own record of the server it started (private, stable since 3.4)
    server = multiprocessing.forkserver._forkserver
    pid = server._forkserver_pid
    assert pid is not None
    pool.start_forkserver()
    assert server._forkserver_pid == pid
