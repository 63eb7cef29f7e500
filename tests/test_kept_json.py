"""The report's JSON is serialised once a run (rnq.render.report_json): the form a run keeps for
the next one is the ``--json`` file's bytes, handed to the command that writes that file."""

from __future__ import annotations

import datetime as dt
import importlib
import shutil
import sqlite3
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import rnq
from rnq.cli import main
from rnq.render import report_json
from rnq.render.report_json import capturing, json_parts

from .conftest import EXAMPLE
from .test_rerun import CONFIG, FILES  # a small workspace a cache serves

TODAY = dt.date(2026, 11, 28)
run_module = importlib.import_module("rnq.run")  # rnq.run is also the function


def _run(root: Path, cache: Path, **options: Any) -> tuple[rnq.Report, bytes | None]:
    """A run with ``cache``, and the JSON it handed over."""
    settings: dict[str, Any] = {"today": TODAY, "load_entrypoints": False, "cache_dir": cache}
    with capturing() as captured:
        report = rnq.run(root, rnq.RunOptions(**settings, **options))
    return report, captured.take(report)


def _stored(cache: Path) -> bytes:
    with sqlite3.connect(cache / "extract.sqlite3") as db:
        (blob,) = db.execute("SELECT report FROM runs").fetchone()
    return zlib.decompress(blob)


def test_a_run_hands_over_the_json_it_keeps(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, FILES)
    cache = tmp_path / "cache"
    first, handed = _run(root, cache)
    assert handed is not None
    assert b"".join(json_parts(first, handed)) == b"".join(first.json_parts())
    assert handed == _stored(cache)  # the form kept is the --json file's, serialised once
    again, reused = _run(root, cache)  # nothing changed: the stored report, and its bytes
    assert reused == handed
    assert b"".join(again.json_parts()) == b"".join(first.json_parts())


def test_nothing_is_handed_over_without_a_cache_or_a_capture(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, FILES)
    report, handed = _run(root, tmp_path / "cache", use_cache=False)
    assert handed is None
    settings: dict[str, Any] = {"today": TODAY, "load_entrypoints": False}
    rnq.run(root, rnq.RunOptions(**settings, cache_dir=tmp_path / "cache"))
    assert report_json._capture.get() is None  # a library caller keeps no second copy
    assert json_parts(report) == report.json_parts()


def test_the_bytes_are_taken_once_and_only_for_their_report(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, FILES)
    with capturing() as captured:
        report = rnq.run(
            root, rnq.RunOptions(today=TODAY, load_entrypoints=False, cache_dir=tmp_path / "c")
        )
    other = report.model_copy()
    assert captured.take(other) is None  # another report (even equal) gets nothing
    with capturing() as captured:
        report = rnq.run(
            root, rnq.RunOptions(today=TODAY, load_entrypoints=False, cache_dir=tmp_path / "c")
        )
    assert captured.take(report) is not None
    assert captured.take(report) is None  # not held once taken


def test_a_capture_sees_the_runs_of_its_own_thread_only(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, FILES)
    options = rnq.RunOptions(today=TODAY, load_entrypoints=False, cache_dir=tmp_path / "c")
    ran: list[rnq.Report] = []
    with capturing() as captured:
        elsewhere = threading.Thread(target=lambda: ran.append(rnq.run(root, options)))
        elsewhere.start()
        elsewhere.join()
        assert captured.take(ran[0]) is None  # another thread's run hands nothing to it
        assert captured.take(rnq.run(root, options)) is not None


def test_a_stored_form_in_another_shape_is_reused_but_not_handed_over(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    root = write_workspace(CONFIG, FILES)
    cache = tmp_path / "cache"
    first, _ = _run(root, cache)
    compact = first.__pydantic_serializer__.to_json(first, by_alias=True)
    with sqlite3.connect(cache / "extract.sqlite3") as db:
        db.execute("UPDATE runs SET report = ?", (zlib.compress(compact),))
    again, handed = _run(root, cache)
    assert handed is None
    assert again.to_json() == first.to_json()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cli_json_is_the_same_bytes_full_kept_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE, workspace)

    def check(name: str, *cache: str) -> bytes:
        out = tmp_path / f"{name}.json"
        args = ["check", str(workspace), "--today", "2026-11-28", "--fail-on", "never"]
        args += ["--lang", lang, "-q", "--json", str(out), *cache]
        done = CliRunner().invoke(main, args, env={"RNQ_DISABLE_PLUGIN_AUTOLOAD": "1"})
        assert done.exit_code == 0, done.output
        return out.read_bytes()

    cached = ("--cache-dir", str(tmp_path / "cache"))
    handed: list[bool] = []
    real = json_parts

    def spy(report: rnq.Report, data: bytes | None = None) -> tuple[bytes, ...]:
        handed.append(data is not None)
        return real(report, data)

    monkeypatch.setattr(report_json, "json_parts", spy)
    no_cache = check("none", "--no-cache")
    assert check("kept", *cached) == no_cache
    assert check("reused", *cached) == no_cache
    assert handed == [False, True, True]


def _runs_stored(cache: Path) -> int:
    with sqlite3.connect(cache / "extract.sqlite3") as db:
        (count,) = db.execute("SELECT count(*) FROM runs").fetchone()
    return int(count)


def test_running_gives_the_report_before_it_keeps_the_run(
    write_workspace: Callable[..., Path], tmp_path: Path
) -> None:
    """``rnq.run.running``: the block gets the report first (``rnq check`` writes its other
    reports meanwhile), and the run is kept for the next once the block ends well; a block
    that raises keeps nothing; ``unfreed`` holds what the run would have freed."""
    root = write_workspace(CONFIG, FILES)
    cache = tmp_path / "cache"
    options = rnq.RunOptions(today=TODAY, load_entrypoints=False, cache_dir=cache)

    def fail() -> None:
        with run_module.running(root, options) as report:
            assert report.summary is not None
            raise RuntimeError("the caller failed")

    with pytest.raises(RuntimeError):
        fail()
    assert _runs_stored(cache) == 0  # nothing kept: the next run runs in full
    unfreed: list[object] = []
    with run_module.running(root, options, unfreed=unfreed) as report:
        assert _runs_stored(cache) == 0  # not yet
    assert _runs_stored(cache) == 1
    assert len(unfreed) == 1
    assert b"".join(report.json_parts()) == b"".join(rnq.run(root, options).json_parts())
