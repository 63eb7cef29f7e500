"""The walk ahead (:mod:`rnq.workspace.ahead`): a child forked when the ``rnq`` program starts
walks the workspace; :func:`rnq.workspace.walk.walk` takes its result only for the very key it
walked with, once, and walks itself whenever the child is wrong, dead, late or garbled. No child
is left behind, and the program's reports are the same bytes with and without it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest

from rnq import cli
from rnq.workspace import ahead
from rnq.workspace import walk as walk_module
from rnq.workspace.config import load
from rnq.workspace.walk import DEFAULT_IGNORE, WalkKey, walk, walk_key

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork")

ROOT = Path(__file__).resolve().parents[1]
IGNORE = ("brouillons/", "*.bak")
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
ignore: ["brouillons/", "*.bak"]
units:
  - {id: siege, name: "Siège", central: true}
"""


def _workspace(root: Path) -> Path:
    """Files, ignored files and folders, links of every kind, odd names, a pipe."""
    for name in ("a/b.txt", "a/c/d.md", "e.md", "brouillons/x.md", "vieux.bak", "vrai/f.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, encoding="utf-8")
    (root / "rnq.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "alias").symlink_to(root / "vrai")
    (root / "lien.txt").symlink_to("e.md")
    (root / "dehors").symlink_to(root.parent)
    (root / "casse").symlink_to("nulle-part")
    (root / "a" / "boucle").symlink_to(root)
    with open(os.path.join(os.fsencode(root), b"r\xe9sultats.txt"), "wb") as handle:
        handle.write(b"92 %")
    (root / "saut\nligne.txt").write_text("x", encoding="utf-8")
    os.mkfifo(root / "tube")
    return root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    folder.mkdir()
    return _workspace(folder)


@pytest.fixture(autouse=True)
def _no_child_left(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(ahead.ENV_OFF, raising=False)
    monkeypatch.setattr(ahead, "PATIENCE", 30.0)
    yield
    ahead.discard()
    assert not ahead._CHILD


def _own_walks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The walks this process makes to the end itself (the child, forked before, is not
    patched; a walk racing the child's and stopped is not counted)."""
    calls: list[tuple[Any, ...]] = []
    real = walk_module.walk_plain

    def counted(*args: Any, **kwargs: Any) -> Any:
        plain = real(*args, **kwargs)
        if plain is not None:
            calls.append(args)
        return plain

    monkeypatch.setattr(walk_module, "walk_plain", counted)
    return calls


def _wait_done(key: WalkKey) -> None:
    """Wait until the child has walked ``key`` (so that the run does not walk at all)."""
    deadline = time.monotonic() + 30
    while not ahead.done(key):
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _wait_key() -> None:
    """Wait until the child has said which key it walks."""
    deadline = time.monotonic() + 30
    while not ahead._knows_key(ahead._CHILD[0]):
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _reaped(pid: int) -> bool:
    """Whether ``pid`` is neither running nor a zombie child of this process."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _child_pid() -> int:
    return ahead._CHILD[0].pid


def _tree_state(root: Path) -> list[tuple[str, int, int]]:
    state = []
    for folder, folders, files in os.walk(root):
        for name in sorted([*folders, *files]):
            info = os.lstat(os.path.join(folder, name))
            state.append((os.path.join(folder, name), info.st_mtime_ns, info.st_size))
    return sorted(state)


@pytest.mark.parametrize("watch_ignored", [True, False])
@pytest.mark.parametrize("case", ["tree", "empty", "missing", "limit"])
def test_the_walk_ahead_is_the_walk(
    root: Path, tmp_path: Path, case: str, watch_ignored: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case == "empty":
        root = tmp_path / "vide"
        root.mkdir()
    elif case == "missing":
        root = tmp_path / "absent"
    limit = 3 if case == "limit" else walk_module.DEFAULT_MAX_FILE_BYTES
    expected = walk(root, IGNORE, max_file_bytes=limit, watch_ignored=watch_ignored)
    before = _tree_state(tmp_path)
    assert ahead.start(root, IGNORE, max_file_bytes=limit, watch_ignored=watch_ignored)
    pid = _child_pid()
    _wait_done(walk_key(root, IGNORE, limit, watch_ignored))
    own = _own_walks(monkeypatch)
    taken = walk(root, IGNORE, max_file_bytes=limit, watch_ignored=watch_ignored)
    assert own == []  # the child's
    assert taken == expected
    assert _reaped(pid) and not ahead._CHILD
    assert walk(root, IGNORE, max_file_bytes=limit, watch_ignored=watch_ignored) == expected
    assert len(own) == 1  # used once
    assert _tree_state(tmp_path) == before  # nothing written
    if case == "tree":  # the workspace has every kind of problem, and ignored files
        assert len(expected.problems) == 6
        assert sorted(expected.ignored) == (
            ["brouillons/x.md", "vieux.bak"] if watch_ignored else []
        )


def test_the_child_reads_the_ignore_of_rnq_yaml(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = load(root)
    assert tuple(workspace.config.ignore) == IGNORE
    assert ahead.start(root)
    _wait_done(walk_key(workspace.root, workspace.config.ignore, watch_ignored=True))
    own = _own_walks(monkeypatch)
    assert walk(workspace.root, workspace.config.ignore, watch_ignored=True) is not None
    assert own == []
    plain = tmp_path / "sans-ignore"
    plain.mkdir()
    (plain / "rnq.yaml").write_text("version: 1\n", encoding="utf-8")
    assert ahead.ignore_of(plain) == DEFAULT_IGNORE
    assert ahead.ignore_of(tmp_path / "rien") is None
    for text in ("ignore: [1, 2]\n", "ignore: a\n", "[a, b]\n", "ignore: [a\n", "ignore:\n"):
        (plain / "rnq.yaml").write_text(text, encoding="utf-8")
        assert ahead.ignore_of(plain) is None, text


def test_another_key_is_not_given_the_childs_walk(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "autre"
    other.mkdir()
    (other / "x.md").write_text("x", encoding="utf-8")
    expected = walk(root, IGNORE, watch_ignored=True)
    assert ahead.start(root, IGNORE, watch_ignored=True)
    pid = _child_pid()
    own = _own_walks(monkeypatch)
    assert walk(root, IGNORE).ignored == {}  # watch_ignored differs
    assert list(walk(root, ("*.bak",), watch_ignored=True).ignored) == ["vieux.bak"]
    assert walk(root, IGNORE, max_file_bytes=10, watch_ignored=True).problems
    assert [p.path for p in walk(other, IGNORE, watch_ignored=True).problems] == []
    assert len(own) == 4 and ahead._CHILD  # each walked here; the child still waits
    _wait_done(walk_key(root, IGNORE, watch_ignored=True))
    assert walk(root, IGNORE, watch_ignored=True) == expected
    assert len(own) == 4 and _reaped(pid)


def _raise(*_args: Any) -> Any:
    raise RuntimeError("the child's walk failed")


def _zeros(fd: int, data: bytes) -> None:
    os.write(fd, len(data).to_bytes(8, "little"))
    os.write(fd, bytes(min(len(data), 1000)))
    os._exit(0)


def _huge(fd: int, data: bytes) -> None:
    os.write(fd, (1 << 40).to_bytes(8, "little"))


@pytest.mark.parametrize(
    ("failure", "patch"),
    [
        ("killed", ("walk_key", lambda *_a: time.sleep(60))),  # killed before it sends
        ("raises", ("walk_plain", _raise)),
        ("wrong shape", ("walk_plain", lambda *_a: ("x", [], {}, {}))),
        ("other key", ("walk_key", lambda *_a: ("/elsewhere", (), 1, True))),
        ("garbage", ("_send", _zeros)),
        ("huge frame", ("_send", _huge)),
        ("late", ("walk_plain", lambda *_a: time.sleep(60))),
    ],
)
def test_a_failed_child_leaves_the_walk_to_the_run(
    root: Path, failure: str, patch: tuple[str, Any] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = walk(root, IGNORE, watch_ignored=True)
    with monkeypatch.context() as patched:
        if patch is not None:
            patched.setattr(ahead, *patch)  # in the child only: it is forked now
        assert ahead.start(root, IGNORE)
    pid = _child_pid()
    if failure == "killed":
        os.kill(pid, signal.SIGKILL)
    if failure == "late":
        _wait_key()
    else:  # the child has failed before the run walks: no race
        deadline = time.monotonic() + 30
        while not ahead._readable(ahead._CHILD[0].fd) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
    monkeypatch.setattr(ahead, "PATIENCE", 0.5)
    own = _own_walks(monkeypatch)
    started = time.monotonic()
    assert walk(root, IGNORE, watch_ignored=True) == expected
    assert time.monotonic() - started < 10
    assert len(own) == 1
    if failure == "other key":
        assert ahead._CHILD  # left for a walk of its key, discarded at the end
        ahead.discard()
    assert _reaped(pid) and not ahead._CHILD


def test_the_run_walks_too_when_the_child_is_late(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = walk(root, IGNORE, watch_ignored=True)
    real = ahead.walk_plain

    def late(*args: Any) -> Any:
        time.sleep(5)
        return real(*args)

    with monkeypatch.context() as patched:
        patched.setattr(ahead, "walk_plain", late)  # in the child only
        assert ahead.start(root, IGNORE)
    pid = _child_pid()
    _wait_key()
    own = _own_walks(monkeypatch)
    started = time.monotonic()
    assert walk(root, IGNORE, watch_ignored=True) == expected
    assert time.monotonic() - started < 2  # the run's own walk ended first
    assert len(own) == 1
    assert _reaped(pid) and not ahead._CHILD  # stopped at once


def test_the_run_takes_the_childs_walk_when_it_ends_first(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = walk(root, IGNORE, watch_ignored=True)
    assert ahead.start(root, IGNORE)
    pid = _child_pid()
    real = os.scandir
    folders: list[str] = []

    key = walk_key(root, IGNORE, walk_module.DEFAULT_MAX_FILE_BYTES, True)

    def slow(path: Any) -> Any:  # in this process only: the child is forked
        # this walk waits until the child's result arrives (however loaded the machine)
        folders.append(path)
        deadline = time.monotonic() + 60
        while not ahead.done(key) and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(path)

    monkeypatch.setattr(os, "scandir", slow)
    own = _own_walks(monkeypatch)
    assert walk(root, IGNORE, watch_ignored=True) == expected
    monkeypatch.undo()
    assert own == []  # given up for the child's
    assert len(folders) <= 1  # of the tree's 9: the child's result came first (or before)
    assert _reaped(pid) and not ahead._CHILD


def test_a_bad_ignore_pattern_is_the_runs_error(root: Path) -> None:
    assert ahead.start(root, ["[z-a]"])
    pid = _child_pid()
    _wait_key()
    with pytest.raises(walk_module.GlobError):
        walk(root, ["[z-a]"])
    with pytest.raises(walk_module.GlobError):
        walk(root, ["[z-a]"], watch_ignored=True)
    assert _reaped(pid) and not ahead._CHILD


def test_no_walk_ahead_without_fork_when_told_or_already_started(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ahead.ENV_OFF, "1")
    assert not ahead.start(root, IGNORE)
    monkeypatch.delenv(ahead.ENV_OFF)
    with monkeypatch.context() as windows:
        windows.delattr(os, "fork")
        assert not ahead.start(root, IGNORE)
    assert ahead.start(root, IGNORE)
    assert not ahead.start(root, IGNORE)
    assert len(ahead._CHILD) == 1


@pytest.mark.parametrize(
    ("args", "guess"),
    [
        (["check"], (None, True)),
        (["check", "ws"], ("ws", True)),
        (["--lang", "en", "check", "ws", "--no-cache"], ("ws", False)),
        (["--lang=en", "check", "--json", "-", "--html=r.html", "ws", "-qq"], ("ws", True)),
        (["check", "--today", "2026-11-28", "--cache-dir", "c", "-v", "ws"], ("ws", True)),
        (["check", "--unit", "u1", "--unit=u2", "--indicator", "3", "--debug", "ws"], ("ws", True)),
        (["check", "--", "-ws"], ("-ws", True)),
        (["sample", "ws", "--seed", "7", "--json", "--md", "x.md"], ("ws", True)),
        (["check", "--example"], None),
        (["check", "ws", "--help"], None),
        (["check", "-h"], None),
        (["check", "a", "b"], None),
        (["check", "--json"], None),
        (["check", "--frobnicate", "ws"], None),
        (["sample", "-q", "ws"], None),
        (["--version"], None),
        (["--lang"], None),
        (["indicators"], None),
        (["evidence", "ws"], None),
        ([], None),
    ],
)
def test_the_command_line_guess(args: list[str], guess: tuple[str | None, bool] | None) -> None:
    assert ahead._guess(args) == guess


@pytest.mark.parametrize("name", ["check", "sample"])
def test_the_guess_knows_the_commands_options(name: str) -> None:
    command = cli.main.commands[name]
    options = [p for p in command.params if isinstance(p, click.Option)]
    flags = {o for p in options if p.is_flag or p.count for o in p.opts if o.startswith("--")}
    valued = {o for p in options if not (p.is_flag or p.count) for o in p.opts}
    short = {o[1] for p in options if p.is_flag or p.count for o in p.opts if o[1] != "-"}
    assert ahead.VALUED[name] == valued
    assert ahead.FLAGS[name] == flags - {"--example"}
    assert ahead._SHORT_FLAGS[name] == short
    assert cli.main.params[-1].opts == ["--lang"]
    assert frozenset({"--lang"}) == ahead._GROUP_VALUED


def test_the_workspace_is_found_as_the_cli_finds_it(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root / "a" / "c")
    assert ahead._workspace(None) == root
    assert ahead._workspace(str(root / "rnq.yaml")) == root
    assert ahead._workspace(str(root)) == root
    assert ahead._workspace(str(root / "a")) is None
    assert ahead.start_for(["check", "-q"])
    workspace = load(root)
    _wait_done(walk_key(workspace.root, workspace.config.ignore, watch_ignored=True))
    own = _own_walks(monkeypatch)
    walk(workspace.root, workspace.config.ignore, watch_ignored=True)
    assert own == []
    monkeypatch.chdir(tmp_path)
    assert not ahead.start_for(["check", "--example"])


def _run(
    code: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("how", ["exit", "leave", "late"])
def test_no_child_outlives_the_program(root: Path, how: str) -> None:
    code = f"""
import os, sys, time
from rnq.workspace import ahead
if {how!r} == "late":
    ahead.walk_plain = lambda *a: time.sleep(60)
assert ahead.start(sys.argv[1], ["brouillons/"])
print(ahead._CHILD[0].pid, flush=True)
if {how!r} == "leave":
    from rnq import cli
    cli._PROGRAM[0] = True
    cli._leave(0)
"""
    done = _run(code, str(root))
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout)
    deadline = time.monotonic() + 5
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        time.sleep(0.05)
    if os.path.isdir("/proc/self"):
        assert not os.path.exists(f"/proc/{pid}")  # neither walking nor a zombie


def test_importing_the_walk_or_rnq_loads_no_pydantic() -> None:
    code = """
import sys
import rnq.workspace.walk, rnq.workspace.ahead
import rnq
assert "pydantic" not in sys.modules, "pydantic"
assert "yaml" not in sys.modules, "yaml"
"""
    done = _run(code)
    assert done.returncode == 0, done.stderr


#: ``python -m rnq`` with the walk ahead, and the run's own walk never ending (it waits for the
#: child) or refused: the run can only have used the child's.
_FORCED = """
import sys
from rnq.workspace import ahead, walk
assert ahead.start_for(sys.argv[1:]), "no walk ahead"
def slowest(*args, stop=None):
    while stop is not None and not stop():
        pass
    if stop is None:
        raise AssertionError("the run walked itself")
    return None
walk.walk_plain = slowest
from rnq.cli import program
program()
"""


@pytest.mark.parametrize("cached", [True, False])
def test_the_programs_reports_are_the_same_bytes(tmp_path: Path, cached: bool) -> None:
    workspace = tmp_path / "evidence"
    shutil.copytree(ROOT / "evidence", workspace, symlinks=True)
    outputs: dict[str, list[bytes]] = {}
    for who in ("ahead", "alone"):
        out = tmp_path / who
        out.mkdir()
        cache = ["--cache-dir", str(tmp_path / f"cache-{who}")] if cached else ["--no-cache"]
        for run in ("first", "again", "edited"):
            if run == "edited":
                (workspace / "rnq.yaml").touch()
            args = [
                "check",
                str(workspace),
                "--today",
                "2026-11-28",
                *cache,
                "--json",
                str(out / f"{run}.json"),
                "--html",
                str(out / f"{run}.html"),
            ]
            if who == "ahead":
                done = _run(_FORCED, *args)
            else:
                done = subprocess.run(
                    [sys.executable, "-m", "rnq", *args],
                    capture_output=True,
                    text=True,
                    check=False,
                    env={**os.environ, ahead.ENV_OFF: "1"},
                )
            assert done.returncode == 1, done.stderr
            said = done.stdout.replace(str(out), "OUT").splitlines()[:-1]  # the last: the time
            outputs.setdefault(who, []).append("\n".join(said).encode())
            outputs[who] += [(out / f"{run}.{kind}").read_bytes() for kind in ("json", "html")]
    assert outputs["ahead"] == outputs["alone"]
    assert json.loads(outputs["ahead"][1])["evidence"]


def test_the_console_script_starts_the_walk_first() -> None:
    """``rnq`` (the console script) calls :func:`rnq.__main__.main`, which forks the child
    before :mod:`rnq.cli` and pydantic are imported."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        scripts = tomllib.load(handle)["project"]["scripts"]
    assert scripts == {"rnq": "rnq.__main__:main"}
    code = """
import sys
from rnq.workspace import ahead
def start_for(args):
    print("start", list(args), "rnq.cli" in sys.modules, "pydantic" in sys.modules)
    return False
ahead.start_for = start_for
sys.argv = ["rnq", "indicators", "--json"]
from rnq.__main__ import main
sys.exit(main())
"""
    done = _run(code)
    assert done.returncode == 0, done.stderr
    first = "start ['indicators', '--json'] False False\n"  # then rnq.cli.program's
    assert done.stdout.startswith(first)
