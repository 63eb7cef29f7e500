"""F16 of the reliability review: an output that cannot be written is refused before the run
(not after minutes of reading), and the temporary file a killed run left beside a target is
cleaned by the next write of that target."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from rnq.cli import main
from rnq.errors import UsageError
from rnq.render.files import STALE_TEMP_SECONDS, check_writable, write_text_atomic
from rnq.testing import write_workspace

from .conftest import CONFIG, HEALTHY


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RNQ_DISABLE_PLUGIN_AUTOLOAD", "1")
    return write_workspace(tmp_path / "ws", CONFIG, HEALTHY)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_missing_output_folder_is_refused_before_the_run(workspace: Path, tmp_path: Path) -> None:
    html = tmp_path / "out" / "rapport.html"
    html.parent.mkdir()
    missing = tmp_path / "nulle-part" / "rapport.json"
    code, out, err = _run("check", str(workspace), "--html", str(html), "--json", str(missing))
    assert code == 2
    assert f"impossible d'écrire {missing}" in err and "n'existe pas" in err
    assert out == ""
    assert not html.exists()  # stopped before the run: no output written
    assert not (tmp_path / "cache").exists()  # and nothing read


def test_a_folder_given_as_an_output_file_is_refused(workspace: Path, tmp_path: Path) -> None:
    code, _, err = _run("check", str(workspace), "--md", str(tmp_path), "--lang", "en")
    assert code == 2 and str(tmp_path) in err  # the command line's own check
    with pytest.raises(UsageError) as refused:  # the library's, for a path that looks like a file
        check_writable(tmp_path)
    assert "it is a folder" in refused.value.message("en")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the mode")
def test_a_read_only_folder_is_refused(workspace: Path, tmp_path: Path) -> None:
    locked = tmp_path / "verrou"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = _run("check", str(workspace), "--csv", str(locked / "exports"))
    finally:
        locked.chmod(0o700)
    assert code == 2 and "n'est pas accessible en écriture" in err


def test_a_temporary_file_left_by_a_killed_run_is_cleaned(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    old = tmp_path / ".rapport.html.k1ll3d.tmp"
    young = tmp_path / ".rapport.html.c0ncur.tmp"
    other = tmp_path / ".autre.html.k1ll3d.tmp"
    for path in (old, young, other):
        path.write_text("à moitié écrit", encoding="utf-8")
    past = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    write_text_atomic(target, "<html></html>")
    assert target.read_text(encoding="utf-8") == "<html></html>"
    assert not old.exists()  # left by a killed run: removed
    assert young.exists()  # maybe a concurrent run's: kept
    assert other.exists()  # another target's: not ours to remove
