"""Reports written in a forked child while the run is stored (:mod:`rnq.render.aside`): the
job's result or exception comes back, a child that dies is made up for, no child is forked
where it would not be safe, and ``rnq check`` writes the same bytes either way."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rnq.errors import ConfigError, UsageError
from rnq.render.aside import NO_FORK, aside, can_fork
from rnq.text import Localized

from .test_walk_ahead import _reaped  # neither running nor a zombie child

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")


@pytest.fixture(autouse=True)
def _forking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NO_FORK, raising=False)


def test_the_job_runs_in_a_child_and_its_result_comes_back() -> None:
    assert can_fork()
    here = os.getpid()
    pending = aside(lambda: (os.getpid(), [1, "deux", {"trois": 3.0}]))
    assert pending.forked
    pid = pending._pid
    assert pid is not None
    ran_in, value = pending.result()
    assert ran_in != here and ran_in == pid
    assert value == [1, "deux", {"trois": 3.0}]
    assert _reaped(pid)


def test_the_child_shares_what_the_parent_built_and_writes_files(tmp_path: Path) -> None:
    built = {f"ligne {i}": i for i in range(10_000)}
    target = tmp_path / "out.txt"

    def job() -> int:
        target.write_text("\n".join(built), encoding="utf-8")
        return len(built)

    assert aside(job).result() == 10_000
    assert target.read_text(encoding="utf-8").splitlines()[-1] == "ligne 9999"


def test_the_jobs_exception_is_raised_with_its_bilingual_message() -> None:
    def job() -> None:
        raise UsageError(Localized(fr="impossible d'écrire x", en="cannot write x"))

    pending = aside(job)
    assert pending.forked
    with pytest.raises(UsageError) as raised:
        pending.result()
    assert raised.value.message("en") == "cannot write x"
    assert raised.value.exit_code == 2


def test_rnq_errors_cross_a_process_whole() -> None:
    error = ConfigError(
        Localized(fr="clé inconnue", en="unknown key"), path="rnq.yaml", line=3, key="unitz"
    )
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ConfigError
    assert again.message("en") == error.message("en") == "rnq.yaml:3: unknown key"
    assert again.args == error.args
    assert [p.text("en") for p in again.problems] == [p.text("en") for p in error.problems]


def test_a_child_that_dies_without_an_answer_is_made_up_for_here() -> None:
    here = os.getpid()

    def job() -> int:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)  # killed (out of memory, say)
        return 42

    pending = aside(job)
    assert pending.forked
    pid = pending._pid
    assert pid is not None
    assert pending.result() == 42
    assert _reaped(pid)


def test_a_result_that_cannot_be_sent_is_made_here() -> None:
    here = os.getpid()
    pending = aside(lambda: lambda: os.getpid())  # a lambda does not pickle
    made = pending.result()
    assert made() == here


def test_an_exception_that_cannot_be_sent_is_met_here() -> None:
    class Local(Exception):  # a local class does not pickle
        pass

    def job() -> None:
        raise Local("raised where the job ran")

    with pytest.raises(Local):
        aside(job).result()


def test_no_child_while_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
        ran: list[int] = []
        pending = aside(lambda: ran.append(os.getpid()))
        assert not pending.forked and ran == []  # run when its result is asked for
        pending.result()
        assert ran == [os.getpid()]
    finally:
        stop.set()
        other.join()


def test_no_child_when_rnq_no_fork_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_FORK, "1")
    pending = aside(os.getpid)
    assert not pending.forked
    assert pending.result() == os.getpid()


def test_the_check_command_writes_the_same_bytes_with_and_without_a_child(
    tmp_path: Path,
) -> None:
    """Every report of ``rnq check`` (the JSON in this process, the others in the child), by
    the program itself, with and without ``RNQ_NO_FORK``; the same exit code and output."""
    runs = {}
    for who, fork in (("child", ""), ("here", "1")):
        folder = tmp_path / who
        folder.mkdir()
        args = [
            "check",
            "--example",
            "--today",
            "2026-11-28",
            "--no-cache",
            *("--json", str(folder / "r.json"), "--html", str(folder / "r.html")),
            *("--md", str(folder / "r.md"), "--junit", str(folder / "r.xml")),
            *("--xlsx", str(folder / "r.xlsx"), "--csv", str(folder / "csv")),
        ]
        env = {**os.environ, NO_FORK: fork}
        done = subprocess.run(
            [sys.executable, "-m", "rnq", *args],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        runs[who] = (done.returncode, done.stdout.replace(str(folder), "DIR"), folder)
    (code, out, child), (code_here, out_here, here) = runs["child"], runs["here"]
    assert code == code_here == 1
    assert out.split("\n")[:-2] == out_here.split("\n")[:-2]  # the last line says the time
    files = sorted(p.relative_to(child) for p in child.rglob("*") if p.is_file())
    assert len(files) > 5
    assert files == sorted(p.relative_to(here) for p in here.rglob("*") if p.is_file())
    for name in files:
        if name.suffix != ".xlsx":  # an XLSX file holds the time it was written
            assert (child / name).read_bytes() == (here / name).read_bytes(), name


def test_a_report_that_cannot_be_written_in_the_child_stops_the_command(
    tmp_path: Path,
) -> None:
    """The HTML page's folder removed once the run began: the child cannot write it, the
    command says which file and exits 2, as it did when it wrote the page itself."""
    folder = tmp_path / "gone"
    folder.mkdir()
    script = (
        "import importlib, shutil, sys\n"
        "module = importlib.import_module('rnq.run')\n"
        "real = module._run\n"
        "def run(*args, **kwargs):\n"
        f"    shutil.rmtree({str(folder)!r})\n"
        "    return real(*args, **kwargs)\n"
        "module._run = run\n"
        "from rnq.cli import program\n"
        "sys.argv = ['rnq', *sys.argv[1:]]\n"
        "program()\n"
    )
    args = ["check", "--example", "--today", "2026-11-28", "--no-cache", "-q"]
    args += ["--json", str(tmp_path / "r.json"), "--html", str(folder / "r.html")]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2, done.stderr
    assert f"{folder / 'r.html'}" in done.stderr
    assert (tmp_path / "r.json").is_file()  # written here, before the child was waited for
