"""The workspace walked ahead, by a child process, while the ``rnq`` program imports rnq.

A ``rnq check`` process first imports rnq and reads ``rnq.yaml``, the settings and the checks'
code (≈ 0.65 s), and only then walks the workspace (≈ 0.4 s of CPU at 50 000 files). On a
machine with two cores the walk can run meanwhile, on the other one:

* the program (:func:`rnq.__main__.main`: the ``rnq`` command and ``python -m rnq``; then
  :func:`rnq.cli.program`, when it is called first) calls :func:`start_for` with the command
  line before the heavy imports. For ``check`` and ``sample``
  it guesses the workspace as :mod:`rnq.workspace.root` finds it (the folder given, else the
  nearest folder holding ``rnq.yaml``) and forks a child (:func:`start`);
* the child reads the ``ignore`` patterns of that ``rnq.yaml`` (:func:`ignore_of`), sends the key
  it will walk with (:func:`~rnq.workspace.walk.walk_key`), walks with
  :func:`~rnq.workspace.walk.walk_plain` (the very code of :func:`~rnq.workspace.walk.walk`) and
  sends the result: :mod:`marshal` of plain tuples over a pipe, each frame its length first;
* :func:`~rnq.workspace.walk.walk` takes the child's result (:func:`take`) only when the
  child's key is exactly the one it would walk with, and once. If the child is not done yet,
  the run walks too, asking between folders whether the child is (:func:`done`), and takes
  whichever walk ends first (:func:`drop` stops the child when the run's own ends first). With
  another key, no child, or a child that failed, died or sent something else, the run walks
  itself, as before. A wrong guess costs the other core's time, never a wrong report; the
  child runs at a lower priority (:data:`_NICE`), so that a busy machine's cores go to the
  program first.

The child writes nothing but its pipe (its standard streams are the null device: ``rnq check |
less`` would wait for every writer of its pipe), and ends with :func:`os._exit` (no exit
handler, no buffer flushed). It is reaped by :func:`take`, or killed and reaped by
:func:`discard` (an exit handler: :func:`rnq.cli._leave` runs them before its own
``os._exit``); a child whose parent died meets a closed pipe and ends. Nothing is started
without :func:`os.fork` (Windows), when ``$RNQ_NO_WALK_AHEAD`` is set, or when a child was
already started.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import select
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rnq.workspace.walk import (
    DEFAULT_IGNORE,
    DEFAULT_MAX_FILE_BYTES,
    PlainWalk,
    WalkKey,
    walk_key,
    walk_plain,
)

__all__ = [
    "ENV_OFF",
    "PATIENCE",
    "discard",
    "done",
    "drop",
    "ignore_of",
    "start",
    "start_for",
    "take",
    "walking",
]

#: Set (to anything but an empty string) in the environment: never walk ahead.
ENV_OFF = "RNQ_NO_WALK_AHEAD"
#: How long :func:`take` waits for the child's key and result, in seconds, before the run walks
#: itself (:func:`~rnq.workspace.walk.walk` calls it once :func:`done` says the result arrives).
PATIENCE = 60.0
_CONFIG = "rnq.yaml"
#: A larger ``rnq.yaml`` is not read by the child (rnq refuses it anyway).
_MAX_CONFIG_BYTES = 4 << 20
#: A frame longer than this is taken for garbage.
_MAX_FRAME = 1 << 31
_HEADER = 8
#: The child's niceness: it yields to the program (and to other work) on a busy machine.
_NICE = 10
#: The pipe's buffer (Linux; the default 64 KiB makes the 8 MB of a 50 000-file walk 130 reads).
_PIPE_BYTES = 1 << 20


@dataclass
class _Child:
    pid: int
    #: The read end of the pipe.
    fd: int
    #: The process that forked the child (a process forked from it does not own it).
    owner: int
    #: The key the child walks with, once read from its first frame.
    key: WalkKey | None = None


_CHILD: list[_Child] = []
_REGISTERED: list[bool] = [False]


def start(
    root: str | Path,
    ignore: Sequence[str] | None = None,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    watch_ignored: bool = True,
) -> bool:
    """Fork a child walking ``root`` with ``ignore`` (``None``: the ``ignore`` of its
    ``rnq.yaml``, read by the child); whether one was started."""
    folder = Path(root)

    def key() -> WalkKey | None:
        patterns = ignore_of(folder) if ignore is None else tuple(ignore)
        if patterns is None:
            return None
        return walk_key(folder, patterns, max_file_bytes, watch_ignored)

    return _fork(key)


def start_for(args: Sequence[str]) -> bool:
    """Walk ahead for the ``rnq`` command line ``args`` (``sys.argv[1:]``) when it runs a check
    (``check`` or ``sample``) of a workspace; whether a child was started."""
    guess = _guess(args)
    if guess is None:
        return False
    directory, watch_ignored = guess

    def key() -> WalkKey | None:
        folder = _workspace(directory)
        if folder is None:
            return None
        patterns = ignore_of(folder)
        if patterns is None:
            return None
        return walk_key(folder, patterns, DEFAULT_MAX_FILE_BYTES, watch_ignored)

    return _fork(key)


def walking(key: WalkKey) -> bool:
    """Whether a child of this process may be walking ``key`` (its key not known yet, or
    ``key``): then :func:`~rnq.workspace.walk.walk` walks too, asking :func:`done` between
    folders, and takes whichever walk ends first."""
    child = _current()
    return child is not None and child.key in (None, key)


def done(key: WalkKey) -> bool:
    """Whether the child walked ``key`` and its result is arriving (never waits)."""
    child = _current()
    if child is None or not _knows_key(child):
        return False
    return child.key == key and _readable(child.fd)


def take(key: WalkKey) -> PlainWalk | None:
    """The child's walk if it walked with ``key`` (then never again), waiting for it at most
    :data:`PATIENCE` seconds; else None."""
    child = _current()
    if child is None:
        return None
    deadline = time.monotonic() + PATIENCE
    try:
        if child.key is None:
            child.key = _key_from(marshal.loads(_frame(child.fd, deadline)))
        if child.key != key:
            return None  # another walk of this process: the child's may still be wanted
        plain = _plain_from(marshal.loads(_frame(child.fd, deadline)))
    except Exception:
        discard()
        return None
    _CHILD.clear()
    os.close(child.fd)
    ended = _reap(child.pid)
    return plain if ended == 0 else None


def drop(key: WalkKey) -> None:
    """This process walked ``key`` first: stop a child that walks it too. A child that has
    not said what it walks yet is left (for a later walk, or :func:`discard` at the end)."""
    child = _current()
    if child is not None and _knows_key(child) and child.key == key:
        discard()


def discard() -> None:
    """Stop and reap the child, if any (its walk is not wanted, or the process ends)."""
    child = _current()
    if child is None:
        return
    _CHILD.clear()
    with contextlib.suppress(OSError):
        os.close(child.fd)
    with contextlib.suppress(OSError):
        os.kill(child.pid, signal.SIGKILL)
    _reap(child.pid)


def ignore_of(root: Path) -> tuple[str, ...] | None:
    """The ``ignore`` patterns of the ``rnq.yaml`` in ``root`` as rnq will read them (the
    default when it says nothing), or None when that cannot be told here (no such file, not
    YAML, not a list of strings): then :func:`~rnq.workspace.config.load` reports the mistake
    and nothing is walked ahead."""
    import yaml

    try:
        with open(root / _CONFIG, "rb") as config:
            text = config.read(_MAX_CONFIG_BYTES + 1)
    except OSError:
        return None
    if len(text) > _MAX_CONFIG_BYTES:
        return None
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except (yaml.YAMLError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    patterns = data.get("ignore", DEFAULT_IGNORE)
    if not isinstance(patterns, (list, tuple)) or not all(isinstance(p, str) for p in patterns):
        return None
    return tuple(patterns)


def _fork(key: Callable[[], WalkKey | None]) -> bool:
    """Fork a child that sends ``key()`` and the walk it names."""
    if _CHILD or not hasattr(os, "fork") or os.environ.get(ENV_OFF):
        return False
    import fcntl  # POSIX, as fork

    read_fd, write_fd = os.pipe()
    with contextlib.suppress(AttributeError, OSError):  # Linux: fewer, larger reads
        fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return False
    if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
        _child(read_fd, write_fd, key)
    os.close(write_fd)
    _CHILD.append(_Child(pid, read_fd, os.getpid()))
    if not _REGISTERED[0]:
        atexit.register(discard)
        _REGISTERED[0] = True
    return True


def _child(read_fd: int, write_fd: int, key: Callable[[], WalkKey | None]) -> None:
    """The child's whole life: the key, then the walk, then :func:`os._exit`."""
    status = 1
    try:
        os.close(read_fd)
        # the program's standard streams are not the child's to hold
        null = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(null, stream)
        # a core the program leaves idle is the child's; a busy one is the program's, which
        # walks itself when the child is late
        os.nice(_NICE)
        walked = key()
        if walked is not None:
            _send(write_fd, marshal.dumps(walked))
            root, ignore, max_file_bytes, watch_ignored = walked
            _send(write_fd, marshal.dumps(walk_plain(root, ignore, max_file_bytes, watch_ignored)))
            status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)


def _current() -> _Child | None:
    """The child this process forked, if it has not been taken or discarded."""
    child = _CHILD[0] if _CHILD else None
    return child if child is not None and child.owner == os.getpid() else None


def _knows_key(child: _Child) -> bool:
    """Whether the child's key is known, reading it if it has arrived (never waits)."""
    if child.key is None and _readable(child.fd):
        try:
            child.key = _key_from(marshal.loads(_frame(child.fd, time.monotonic() + PATIENCE)))
        except Exception:
            discard()
            return False
    return child.key is not None


def _readable(fd: int) -> bool:
    """Whether reading ``fd`` would not block (data, or the child's end)."""
    return bool(select.select([fd], [], [], 0)[0])


def _send(fd: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
    while view:
        view = view[os.write(fd, view) :]


def _frame(fd: int, deadline: float) -> bytearray:
    size = int.from_bytes(_read(fd, _HEADER, deadline), "little")
    if size > _MAX_FRAME:
        raise ValueError(f"frame of {size} bytes")
    return _read(fd, size, deadline)


def _read(fd: int, size: int, deadline: float) -> bytearray:
    """Exactly ``size`` bytes from ``fd`` before ``deadline`` (:class:`TimeoutError`, or
    :class:`EOFError` when the child ended before)."""
    data = bytearray(size)
    view = memoryview(data)
    done = 0
    while done < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError("the walk ahead is late")
        count = os.readv(fd, [view[done:]])
        if not count:
            raise EOFError("the walk ahead ended early")
        done += count
    return data


def _key_from(value: object) -> WalkKey:
    if not (
        isinstance(value, tuple)
        and len(value) == 4
        and isinstance(value[0], str)
        and isinstance(value[1], tuple)
        and all(isinstance(p, str) for p in value[1])
        and type(value[2]) is int
        and type(value[3]) is bool
    ):
        raise ValueError("not a walk's key")
    return (value[0], value[1], value[2], value[3])


def _plain_from(value: object) -> PlainWalk:
    if not (isinstance(value, tuple) and len(value) == 4):
        raise ValueError("not a walk")
    entries, problems, stats, ignored = value
    if not (
        isinstance(entries, list)
        and isinstance(problems, list)
        and isinstance(stats, dict)
        and isinstance(ignored, dict)
        and all(
            isinstance(p, tuple) and len(p) == 3 and all(isinstance(t, str) for t in p)
            for p in problems
        )
    ):
        raise ValueError("not a walk")
    return entries, problems, stats, ignored


def _reap(pid: int) -> int | None:
    """Wait for the child to end; its exit code (None when it was already reaped)."""
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:
        return None


def _workspace(directory: str | None) -> Path | None:
    """The folder :func:`rnq.workspace.root.workspace_root` will find for ``directory`` (the
    argument given) without its errors: the folder given (or holding the ``rnq.yaml`` given),
    else the nearest of the current folder and its parents holding ``rnq.yaml``."""
    if directory is not None:
        folder = Path(directory)
        if folder.name == _CONFIG:
            folder = folder.parent
        return folder if (folder / _CONFIG).is_file() else None
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / _CONFIG).is_file():
            return folder
    return None


#: The options of the group ``rnq`` that take a value.
_GROUP_VALUED = frozenset({"--lang"})
#: The options of ``rnq check`` and ``rnq sample`` that take a value (tests/test_walk_ahead.py
#: compares them with the commands' click options).
VALUED: dict[str, frozenset[str]] = {
    "check": frozenset(
        {
            "--json",
            "--html",
            "--md",
            "--junit",
            "--xlsx",
            "--csv",
            "--today",
            "--audit-date",
            "--referential",
            "--unit",
            "--indicator",
            "--fail-on",
            "--cache-dir",
            "--lang",
        }
    ),
    "sample": frozenset(
        {
            "--seed",
            "--audit-type",
            "--today",
            "--audit-date",
            "--html",
            "--md",
            "--fail-on",
            "--lang",
        }
    ),
}
#: Their flags (any other option, ``--example`` and ``--help`` among them: no walk ahead).
FLAGS: dict[str, frozenset[str]] = {
    "check": frozenset({"--no-cache", "--open", "--quiet", "--verbose", "--debug"}),
    "sample": frozenset({"--no-cache", "--json", "--debug"}),
}
_SHORT_FLAGS = {"check": frozenset("qv"), "sample": frozenset()}


def _guess(args: Sequence[str]) -> tuple[str | None, bool] | None:
    """The folder argument of a ``check`` or ``sample`` command line (None when there is none)
    and whether the run will walk with ``watch_ignored`` (not with ``--no-cache``: then the
    collector walks); None for any other command line, or one click would refuse."""
    rest = list(args)
    while rest and rest[0].startswith("-"):
        name, equals, _value = rest[0].partition("=")
        if name not in _GROUP_VALUED:
            return None  # --version, --help, a mistake
        del rest[: 1 if equals else 2]
    if not rest or rest[0] not in VALUED:
        return None
    command, rest = rest[0], rest[1:]
    directory: str | None = None
    no_cache = positional = False
    items = iter(rest)
    for arg in items:
        if positional or arg == "-" or not arg.startswith("-"):
            if directory is not None:
                return None
            directory = arg
        elif arg == "--":
            positional = True
        elif arg.partition("=")[0] in VALUED[command]:
            if "=" not in arg and next(items, None) is None:
                return None
        elif arg in FLAGS[command]:
            no_cache = no_cache or arg == "--no-cache"
        elif arg[1] != "-" and set(arg[1:]) <= _SHORT_FLAGS[command]:
            continue
        else:
            return None
    return directory, not no_cache
