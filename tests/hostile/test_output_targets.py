"""Reports go where the options say, and nothing else is touched (reliability review, F2): an
output on a device, a pipe or ``/dev/stdout`` is written through, never replaced by a regular
file; a link to a file keeps its link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rnq.render.files import write_bytes_atomic, write_parts_atomic, write_text_atomic

from .conftest import CONFIG, HEALTHY, TODAY


def _drain(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with path.open("rb") as pipe:
            into.append(pipe.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(
    "write",
    [
        lambda p: write_text_atomic(p, "rapport"),
        lambda p: write_bytes_atomic(p, [b"rap", b"port"]),
        lambda p: write_parts_atomic(p, ["rap", "port"]),
    ],
    ids=["text", "bytes", "parts"],
)
def test_a_fifo_is_written_through(write: object, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    write(fifo)  # type: ignore[operator]
    reader.join(timeout=10)
    assert got == [b"rapport"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left


def test_a_proc_fd_link_is_written_through(tmp_path: Path) -> None:
    """``/dev/stdout`` is a link to ``/proc/self/fd/1``: the same shape, on a pipe of ours."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc on this system")
    read_end, write_end = os.pipe()
    link = tmp_path / "stdout"
    link.symlink_to(f"/proc/self/fd/{write_end}")
    try:
        write_text_atomic(link, "rapport")
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        assert pipe.read() == b"rapport"
    assert link.is_symlink()
    assert os.readlink(link) == f"/proc/self/fd/{write_end}"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_is_written_through(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a clone of /dev/null
    write_text_atomic(null, "rapport")
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_link_to_a_file_keeps_its_link(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "rapport.json"
    real.write_text("ancien", encoding="utf-8")
    link = tmp_path / "dernier.json"
    link.symlink_to(real)
    write_text_atomic(link, "nouveau")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "nouveau"


def test_check_writes_its_json_to_a_stdout_link(tmp_path: Path) -> None:
    """``rnq check --json /dev/stdout | …``, with a link of the same shape as ``/dev/stdout``
    (the real one is never put at risk): the report comes down the pipe, the link is kept."""
    root = tmp_path / "ws"
    root.mkdir()
    (root / "rnq.yaml").write_text(CONFIG, encoding="utf-8")
    for rel, content in HEALTHY.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(str(content), encoding="utf-8")
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    env = {**os.environ, "RNQ_DISABLE_PLUGIN_AUTOLOAD": "1"}
    args = ["check", str(root), "--today", TODAY.isoformat(), "--no-cache"]
    done = subprocess.run(
        [sys.executable, "-m", "rnq", *args, "--json", str(stdout)],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert b'"schema": "rnq.report/' in done.stdout
    assert os.readlink(stdout) == "/proc/self/fd/1"
