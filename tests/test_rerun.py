"""A run with a cache reuses the report of an earlier run when nothing it depends on changed
(rnq.cache.runkey), and runs in full as soon as anything did."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import rnq
from rnq.cli import main
from rnq.text import Localized

from .conftest import EXAMPLE

TODAY = dt.date(2026, 11, 28)
run_module = importlib.import_module("rnq.run")  # rnq.run is also the function

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: initial, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
"""
FILES = {
    "siege/I01-programme.md": "# Programme\n\nObjectifs, durée, tarifs, modalités d'accès.\n",
    "siege/I31-procedure-reclamations.md": "# Réclamations\n\nRéponse sous 10 jours ouvrés.\n",
}


class Runs:
    """Runs ``rnq.run`` with a cache and says whether each one was a full run."""

    def __init__(self, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cache = cache
        self.full: list[bool] = []
        real = run_module._collect

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.full[-1] = True
            return real(*args, **kwargs)

        monkeypatch.setattr(run_module, "_collect", spy)

    def __call__(self, root: Path, **options: Any) -> rnq.Report:
        self.full.append(False)
        told: list[Localized] = []
        settings: dict[str, Any] = {
            "today": TODAY,
            "load_entrypoints": False,
            "cache_dir": self.cache,
            "progress": told.append,
            **options,
        }
        report = rnq.run(root, rnq.RunOptions(**settings))
        reused = any("nothing changed" in t.en for t in told)
        assert reused is not self.full[-1]
        return report


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runs:
    return Runs(tmp_path / "cache", monkeypatch)


def test_an_unchanged_workspace_is_not_run_again(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    root = write_workspace(CONFIG, FILES)
    first = runs(root)
    again = runs(root)
    assert runs.full == [True, False]
    assert again.to_json() == first.to_json()


@pytest.mark.parametrize(
    "change",
    ["touch", "new file", "remove", "rnq.yaml", "today", "lang", "indicator", "referential"],
)
def test_any_change_runs_again(
    write_workspace: Callable[..., Path], runs: Runs, change: str
) -> None:
    root = write_workspace(CONFIG, FILES)
    first = runs(root)
    options: dict[str, Any] = {}
    target = root / "siege" / "I01-programme.md"
    if change == "touch":  # same bytes, a new modification time
        info = target.stat()
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    elif change == "new file":
        (root / "siege" / "I23-veille-legale.md").write_text("# Veille\n", encoding="utf-8")
    elif change == "remove":
        target.unlink()
    elif change == "rnq.yaml":
        config = (root / "rnq.yaml").read_text(encoding="utf-8")
        (root / "rnq.yaml").write_text(config.replace("test", "testé"), encoding="utf-8")
    elif change == "today":
        options["today"] = TODAY + dt.timedelta(days=1)
    elif change == "lang":
        options["lang"] = "en"
    elif change == "indicator":
        options["indicators"] = (1,)
    else:
        options["referential"] = "rnq-2019-v9"
    second = runs(root, **options)
    assert runs.full == [True, True]
    if change in {"remove", "new file", "rnq.yaml", "lang", "indicator", "referential"}:
        assert second.to_json() != first.to_json()
    runs(root, **options)
    assert runs.full == [True, True, False]  # and the new state is remembered in turn


def test_hook_rnq_run_key(write_workspace: Callable[..., Path], runs: Runs) -> None:
    said: list[str | None] = ["export-1"]

    class Remote:
        @rnq.hookimpl
        def rnq_run_key(self, workspace: rnq.Workspace) -> str | None:
            assert workspace.root.name == "ws"
            return said[0]

    root = write_workspace(CONFIG, FILES)
    runs(root, extra_plugins=(Remote(),))
    runs(root, extra_plugins=(Remote(),))
    assert runs.full == [True, False]
    said[0] = "export-2"  # the outside source changed
    runs(root, extra_plugins=(Remote(),))
    assert runs.full[-1] is True
    said[0] = None  # the plugin cannot tell: every run is a full run
    runs(root, extra_plugins=(Remote(),))
    runs(root, extra_plugins=(Remote(),))
    assert runs.full[-2:] == [True, True]


def test_a_failing_run_key_hook_means_a_full_run(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    class Broken:
        @rnq.hookimpl
        def rnq_run_key(self) -> str:
            raise RuntimeError("remote down")

    root = write_workspace(CONFIG, FILES)
    runs(root, extra_plugins=(Broken(),))
    runs(root, extra_plugins=(Broken(),))
    assert runs.full == [True, True]


def test_a_run_cut_short_by_a_time_limit_is_not_kept(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    config = CONFIG + "checks: [checks]\n"
    slow = (
        "import time\n\nimport rnq\n\n\n@rnq.mark.indicator(1)\ndef check_slow(unit):\n"
        '    """Une vérification lente."""\n'
        "    time.sleep(5)\n"
    )
    root = write_workspace(config, {**FILES, "checks/check_slow.py": slow})
    runs(root, check_timeout_s=0.5)
    runs(root, check_timeout_s=0.5)
    assert runs.full == [True, True]  # the timeout depends on the machine, not the files


def test_the_report_is_reused_only_with_a_cache(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    root = write_workspace(CONFIG, FILES)
    runs(root, use_cache=False)
    runs(root, use_cache=False)
    assert runs.full == [True, True]


def test_cli_outputs_are_the_same_bytes_when_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE, workspace)
    outputs = ("json", "html", "md", "junit", "xlsx")

    def check(name: str) -> dict[str, bytes]:
        folder = tmp_path / name
        folder.mkdir()
        args = ["check", str(workspace), "--today", "2026-11-28", "--fail-on", "never"]
        args += ["--cache-dir", str(tmp_path / "cache")]
        for kind in outputs:
            args += [f"--{kind}", str(folder / f"report.{kind}")]
        done = CliRunner().invoke(main, args, env={"RNQ_DISABLE_PLUGIN_AUTOLOAD": "1"})
        assert done.exit_code == 0, done.output
        return {kind: (folder / f"report.{kind}").read_bytes() for kind in outputs}

    full = check("full")

    def collect(*args: object) -> None:
        raise AssertionError("the workspace is unchanged: nothing to collect")

    monkeypatch.setattr(run_module, "_collect", collect)
    assert check("reused") == full


def test_a_changed_workspace_check_runs_again(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    config = CONFIG + "checks: [checks]\n"
    check = (
        "import rnq\n\n\n@rnq.mark.indicator(1)\ndef check_house(unit):\n"
        '    """Règle maison."""\n'
        "    assert {}\n"
    )
    root = write_workspace(config, {**FILES, "checks/check_house.py": check.format("True")})
    first = runs(root)
    (root / "checks" / "check_house.py").write_text(check.format("False"), encoding="utf-8")
    second = runs(root)
    assert runs.full == [True, True]
    assert second.to_json() != first.to_json()


def test_a_damaged_stored_report_means_a_full_run(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    import sqlite3
    import zlib

    root = write_workspace(CONFIG, FILES)
    first = runs(root)
    with sqlite3.connect(runs.cache / "extract.sqlite3") as db:
        db.execute("UPDATE runs SET report = ?", (zlib.compress(b'{"schema": "nope"}'),))
    again = runs(root)
    assert runs.full == [True, True]
    assert again.to_json() == first.to_json()


def test_a_changed_waivers_file_runs_again_even_when_ignored(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    config = CONFIG + 'waivers: interne/derogations.yaml\nignore: ["interne/"]\n'
    root = write_workspace(config, {**FILES, "interne/derogations.yaml": ""})
    runs(root)
    runs(root)
    (root / "interne" / "derogations.yaml").write_text("[]\n", encoding="utf-8")
    runs(root)
    assert runs.full == [True, False, True]


def test_a_changed_ignored_file_runs_again(
    write_workspace: Callable[..., Path], runs: Runs
) -> None:
    """Files `ignore` leaves out of the evidence still count: plugins read exports that are
    ignored as evidence (the example ignores */exports/**, which its CRM plugin reads)."""
    config = CONFIG + 'ignore: ["exports/", "*.bak"]\n'
    files = {**FILES, "exports/crm/reclamations.csv": "id;date\n1;2026-01-02\n", "vieux.bak": "x"}
    root = write_workspace(config, files)
    runs(root)
    runs(root)
    (root / "exports" / "crm" / "reclamations.csv").write_text("id;date\n", encoding="utf-8")
    runs(root)
    runs(root)
    (root / "vieux.bak").write_text("xy", encoding="utf-8")
    runs(root)
    assert runs.full == [True, False, True, False, True]


def test_the_example_reuses_its_report_until_an_export_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example with its six plugins: the CRM export is ignored as evidence, read by the
    plugin; changing it runs the checks again."""
    from .test_example import _plugins

    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE, workspace)
    runs = Runs(tmp_path / "cache", monkeypatch)
    plugins = _plugins()  # imported from plugins/, installed or not
    first = runs(workspace, extra_plugins=plugins)
    assert not [e for e in first.errors if e.path.startswith("plugin:")]
    runs(workspace, extra_plugins=plugins)
    export = next(workspace.glob("pro/exports/reclamations-*.csv"))
    export.write_bytes(export.read_bytes() + b"\r\n")  # a Windows-1252 export
    runs(workspace, extra_plugins=plugins)
    assert runs.full == [True, False, True]


def test_the_key_reads_the_walk_by_its_values(write_workspace: Callable[..., Path]) -> None:
    """The walk's part of the key is the same for a walk made of other objects (the one the
    child walking ahead of the imports sends through a pipe, rnq.workspace.ahead), and tells
    apart a changed stat and a renamed file."""
    import marshal

    from rnq.cache.runkey import run_keys
    from rnq.plugins import get_plugin_manager
    from rnq.workspace.walk import DEFAULT_MAX_FILE_BYTES, as_result, walk, walk_plain

    root = write_workspace(CONFIG, FILES)
    workspace = rnq.load(root)
    plugins = get_plugin_manager(workspace_root=root, load_entrypoints=False)

    def keys(walked: Any) -> tuple[str, str]:
        found = run_keys(workspace, walked, plugins, {"today": "2026-11-28"}, ["v"])
        assert found is not None
        return found

    walked = walk(root, workspace.config.ignore)
    plain = walk_plain(root, workspace.config.ignore, DEFAULT_MAX_FILE_BYTES, False)
    assert plain is not None
    sent = as_result(marshal.loads(marshal.dumps(plain)))  # other objects, shared otherwise
    sent.stats = marshal.loads(marshal.dumps(sent.stats))  # names no longer shared with entries
    assert sent.stats == walked.stats
    assert keys(sent) == keys(walked)

    changed = as_result(marshal.loads(marshal.dumps(plain)))
    path = "siege/I01-programme.md"
    size, mtime_ns, inode, ctime_ns = changed.stats[path]
    changed.stats[path] = (size, mtime_ns, inode, ctime_ns + 1)
    assert keys(changed)[0] != keys(walked)[0]
    assert keys(changed)[1] == keys(walked)[1]  # the base leaves the files' listing out

    renamed = as_result(marshal.loads(marshal.dumps(plain)))
    renamed.stats = {p.replace("I31", "I32"): s for p, s in renamed.stats.items()}
    assert keys(renamed)[0] != keys(walked)[0]
