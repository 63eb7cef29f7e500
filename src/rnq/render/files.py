"""Writing an output file atomically: a reader never sees half a report.

Every file ``rnq check`` writes (``--json``, ``--html``, ``--md``, ``--junit``, ``--xlsx``,
``--csv``) is first written to a temporary file beside its target, then moved over it with
:func:`os.replace`. A file that cannot be written raises :class:`~rnq.errors.UsageError`
naming it (exit 2), and leaves no temporary file behind.

Before a run, :func:`check_writable` refuses an output that could not be written after it (a
missing or read-only folder, a folder given as a file). A temporary file a killed run left
beside a target (``kill -9`` during the write) is removed by the next write of that target once
it is an hour old.

A target that exists and is not a regular file — a terminal or ``/dev/null``, a pipe
(``/dev/stdout`` redirected, ``--json >(jq .)``), a socket — is written through, in place: it is
never replaced by a regular file. A link to a regular file keeps its link: the file it names
is replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rnq.errors import UsageError
from rnq.text import Localized

__all__ = [
    "STALE_TEMP_SECONDS",
    "atomic_path",
    "cannot_write",
    "check_writable",
    "write_bytes_atomic",
    "write_parts_atomic",
    "write_text_atomic",
]


def cannot_write(path: Path, exc: OSError) -> UsageError:
    """The error for an output file that cannot be written."""
    reason = exc.strerror or str(exc)
    return UsageError(
        Localized(
            fr=f"impossible d'écrire {path} : {reason}",
            en=f"cannot write {path}: {reason}",
        )
    )


#: A temporary file of rnq's beside a target, older than this, was left by a killed run
#: (``kill -9``, a power cut): the next write of that target removes it. A younger one may be a
#: concurrent run's, and is left alone.
STALE_TEMP_SECONDS = 3600


def check_writable(path: Path, *, folder: bool = False) -> None:
    """Refuse, before a run, an output that could not be written after it: a file output whose
    folder does not exist or cannot be written, or that names a folder; for ``folder=True``
    (``--csv DIR``), a folder whose nearest existing parent cannot be written.

    :raises UsageError: naming the output and the reason (exit 2).
    """
    path = Path(path)
    if str(path) == "-" or _is_stream(path):
        return

    def refuse(fr: str, en: str) -> UsageError:
        return UsageError(
            Localized(fr=f"impossible d'écrire {path} : {fr}", en=f"cannot write {path}: {en}")
        )

    if folder:
        if path.exists() and not path.is_dir():
            raise refuse("ce n'est pas un dossier", "not a folder")
        existing = path
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not os.access(existing, os.W_OK | os.X_OK):
            raise refuse(
                f"{existing} n'est pas accessible en écriture", f"{existing} is not writable"
            )
        return
    if path.is_dir():
        raise refuse(
            "c'est un dossier (donnez un nom de fichier)", "it is a folder (give a file name)"
        )
    parent = Path(os.path.realpath(path)).parent if path.is_symlink() else path.absolute().parent
    if not parent.is_dir():
        raise refuse(f"le dossier {parent} n'existe pas", f"folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise refuse(
            f"le dossier {parent} n'est pas accessible en écriture",
            f"folder {parent} is not writable",
        )


def _remove_stale_temps(target: Path) -> None:
    """Remove the temporary files a killed run left beside ``target`` (older than
    :data:`STALE_TEMP_SECONDS`)."""
    import time

    limit = time.time() - STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if (
                entry.name.startswith(f".{target.name}.")
                and entry.name.endswith(".tmp")
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < limit
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _mode_for(path: Path) -> int:
    """The permissions the file would get if written directly: those of the file it replaces,
    else the usual ones under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is written through rather than replaced: a path in ``/dev`` or
    ``/proc`` (``/dev/stdout``, ``/dev/fd/63`` from ``>(…)``, ``/dev/null``), or one that exists
    and is neither a regular file nor a folder (a device, a pipe, a socket), links followed."""
    absolute = Path(os.path.abspath(path))
    if absolute.parts[1:2] in (("dev",), ("proc",)):
        return True
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; moved over ``path`` when the block ends
    without error, removed otherwise. OS errors become a :class:`UsageError` naming ``path``."""
    path = Path(path)
    if _is_stream(path):
        try:
            yield path
        except OSError as exc:
            raise cannot_write(path, exc) from None
        return
    # A link to a file: the file it names is replaced, the link kept.
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    _remove_stale_temps(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically."""
    _write_with(path, lambda temp: _write_encoded(temp, text))


def write_bytes_atomic(path: Path, parts: Iterable[bytes]) -> None:
    """Write ``parts``, one after the other, to ``path`` atomically."""

    def write(temp: Path) -> None:
        with temp.open("wb") as out:
            for part in parts:
                out.write(part)

    _write_with(path, write)


def write_parts_atomic(path: Path, parts: Iterable[str]) -> None:
    """Write the text ``parts`` (UTF-8), as they come, to ``path`` atomically: encoded about
    :data:`_CHUNK` characters at a time, so a long text is never held whole."""

    def write(temp: Path) -> None:
        with temp.open("wb") as out:
            pending: list[str] = []
            size = 0
            for part in parts:
                if len(part) >= _CHUNK:  # a large part (the page's data): in slices, not copied
                    out.write("".join(pending).encode("utf-8"))
                    pending, size = [], 0
                    for start in range(0, len(part), _CHUNK):
                        out.write(part[start : start + _CHUNK].encode("utf-8"))
                    continue
                pending.append(part)
                size += len(part)
                if size >= _CHUNK:
                    out.write("".join(pending).encode("utf-8"))
                    pending, size = [], 0
            out.write("".join(pending).encode("utf-8"))

    _write_with(path, write)


#: Characters encoded at a time: a report of tens of MiB is never held twice (text and bytes).
_CHUNK = 1 << 20


def _write_encoded(temp: Path, text: str) -> None:
    with temp.open("wb") as out:
        for start in range(0, len(text), _CHUNK):
            out.write(text[start : start + _CHUNK].encode("utf-8"))


def _write_with(path: Path, write: Callable[[Path], object]) -> None:
    with atomic_path(path) as temp:
        write(temp)
