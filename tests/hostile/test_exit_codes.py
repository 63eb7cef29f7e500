"""Exit codes when something goes wrong inside rnq (issue #22, F12; SPEC §6): an unexpected
exception is exit 3 with one line naming a log file that holds the traceback (the traceback on
stderr only with ``--debug``), never exit 1 (« écarts trouvés ») with a traceback; Ctrl-C is
exit 130."""

from __future__ import annotations

import importlib
import re
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import rnq
import rnq.cli
from rnq.cli import main
from rnq.testing import write_workspace

from .conftest import CONFIG, HEALTHY


def _workspace(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws", CONFIG, HEALTHY)


def _crash(*_args: object, **_kwargs: object) -> None:
    raise RecursionError("maximum recursion depth exceeded")


def _interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.fixture(autouse=True)
def _no_plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("RNQ_DEBUG", raising=False)
    # the log goes to the temporary directory: this test's, not the machine's /tmp (tempfile
    # keeps the directory it found first, so TMPDIR alone comes too late)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def test_an_internal_error_is_exit_3_in_one_line_with_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.import_module("rnq.run"), "_run", _crash)
    root = _workspace(tmp_path)
    result = CliRunner().invoke(main, ["check", str(root), "--no-cache"])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("rnq: erreur interne : RecursionError")
    log = re.search(r"détails dans (\S+)", line)
    assert log is not None, line
    text = Path(log.group(1)).read_text(encoding="utf-8")
    assert "Traceback" in text and "RecursionError" in text
    assert not list(root.rglob("rnq-erreur-*")), "never written in the workspace"
    assert Path(log.group(1)).parent == tmp_path


def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("rnq.run"), "_run", _crash)
    root = _workspace(tmp_path)
    result = CliRunner().invoke(main, ["check", str(root), "--no-cache", "--debug"])
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("rnq: erreur interne")


def test_internal_error_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("rnq.run"), "_run", _crash)
    result = CliRunner().invoke(
        main, ["check", str(_workspace(tmp_path)), "--no-cache", "--lang", "en"]
    )
    assert result.exit_code == 3
    assert result.stderr.startswith("rnq: internal error: RecursionError")


def test_ctrl_c_is_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("rnq.run"), "_run", _interrupt)
    result = CliRunner().invoke(main, ["check", str(_workspace(tmp_path)), "--no-cache"])
    assert result.exit_code == 130
    assert "Aborted" not in result.output
    assert "Traceback" not in result.output


def test_every_command_takes_debug() -> None:
    for name, command in main.commands.items():
        if getattr(command.callback, "__wrapped__", None) is not None:
            assert any(p.name == "debug" for p in command.params), name
    assert rnq.cli.EXIT_INTERNAL == 3
