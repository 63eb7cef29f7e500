"""List a workspace's files safely and deterministically; never write inside it.

Rules:

* ``ignore`` globs are gitignore-like and matched against the relative POSIX path: ``*`` and
  ``?`` stay within a path segment, ``**`` spans segments, a pattern without ``/`` matches a
  name at any depth (``~$*``), one with ``/`` is anchored at the root (``drafts/**``), a
  trailing ``/`` matches directories only. An ignored directory is not entered.
* A symbolic link is resolved; if its target is outside the root it is not followed and is
  recorded as a problem. Links to files inside the root are listed under the link's own path;
  links to directories inside the root are followed unless the target is the directory itself
  or one of its ancestors (a loop, recorded), or a folder another link already led to (each
  folder is walked through links once per run: links to links to one folder would otherwise
  make the walk grow as 2^depth; recorded). Broken links and self-referencing links are
  recorded too.
* Directories and files that cannot be read are recorded; such files stay listed, as do files
  above ``max_file_bytes`` (the extractor then refuses them): evidence is never dropped.
* Pipes, sockets and devices are not listed (opening a pipe would block) but recorded.
* A name that is not valid UTF-8 (or holds control characters, C1 controls or bidirectional
  controls such as U+202E, which display a name reversed) is listed with ``\\xNN``/``\\uNNNN``
  escapes in its relative path, and recorded; its absolute path still opens the file.

Files come back sorted by relative path.

This module imports no pydantic (its problems are plain tuples until :func:`walk` returns), so
that :mod:`rnq.workspace.ahead` can walk in a child forked before rnq's heavy imports.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnq.errors import Problem

__all__ = [
    "DEFAULT_IGNORE",
    "DEFAULT_MAX_FILE_BYTES",
    "GlobError",
    "PlainWalk",
    "WalkKey",
    "WalkResult",
    "as_result",
    "compile_ignore",
    "locate",
    "printable_name",
    "reusing",
    "walk",
    "walk_key",
    "walk_plain",
]

DEFAULT_MAX_FILE_BYTES = 200 << 20
#: What ``ignore`` leaves out when ``rnq.yaml`` does not say: the files office suites, macOS and
#: Windows leave beside documents (Office and LibreOffice locks, AppleDouble ``._*`` files and
#: the ``__MACOSX`` folder of a Finder zip, Finder and Explorer settings), never evidence.
DEFAULT_IGNORE = (
    "**/~$*",
    "**/.~lock.*#",
    "**/._*",
    "**/__MACOSX/",
    "**/.DS_Store",
    "**/Thumbs.db",
    "**/desktop.ini",
)
_MAX_DEPTH = 64
#: C0 and C1 controls, DEL, and the bidirectional controls that reorder how a name displays
#: (``\u202egpj.exe.md`` shows as ``dm.exe.jpg``).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class WalkResult:
    """The files found (``entries``: ``(relative POSIX path, absolute path)``, sorted) and the
    problems met; ``stats``: each file's ``(size, mtime_ns, inode, ctime_ns)``, from the walk's
    own ``stat`` (the ctime changes with every write, even when the mtime is put back).

    Paths are kept as strings: building 50 000 :class:`~pathlib.Path` objects took most of a
    walk's time; :attr:`files` gives them as ``Path`` objects."""

    entries: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stats: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    #: With ``watch_ignored``: the ``(size, mtime_ns, inode, ctime_ns)`` of the files ``ignore``
    #: left out (plugins may read them: exports a collector reads are often ignored as evidence).
    ignored: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

    @property
    def files(self) -> list[tuple[str, Path]]:
        """``entries`` with the absolute paths as :class:`~pathlib.Path` objects."""
        return [(rel, Path(absolute)) for rel, absolute in self.entries]


def printable_name(name: str) -> tuple[str, bool]:
    """``name`` with undecodable bytes and control characters as ``\\xNN`` (bidirectional
    controls as ``\\uNNNN``); and whether it had any.

    ``os.scandir`` gives undecodable bytes as lone surrogates (``surrogateescape``).
    """
    if name.isprintable():
        return name, False
    text = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    text = _CONTROL.sub(_escape, text)
    return text, text != name


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def locate(root: Path, relative: str) -> Path:
    """The file a walked ``relative`` path names: ``root / relative``, except that segments
    shown with ``\\xNN`` escapes (names not valid UTF-8, or with control characters) are
    matched back to their real names on disk."""
    if "\\x" not in relative and "\\u" not in relative:
        return root / relative
    path = root
    for segment in relative.split("/"):
        if "\\x" in segment or "\\u" in segment:
            try:
                names = os.listdir(path)
            except OSError:
                return root / relative
            segment = next((n for n in names if printable_name(n)[0] == segment), segment)
        path = path / segment
    return path


class GlobError(ValueError):
    """A glob that cannot be matched (a reversed range such as ``[2026-2025]``), with a
    message in French and English."""

    def __init__(self, pattern: str, fr: str, en: str) -> None:
        super().__init__(fr)
        self.pattern = pattern
        self.fr = fr
        self.en = en


#: Tokens of a glob: a star within a segment, a star across segments (``**``), ``**/``, and
#: fixed-length pieces (a literal, ``?``, a class).
_STAR, _DSTAR, _DSTAR_SLASH, _LITERAL, _ANY, _CLASS = range(6)


def _glob_tokens(pattern: str) -> list[tuple[int, str]]:
    tokens: list[tuple[int, str]] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            tokens.append((_DSTAR_SLASH, "(?:.*/)?"))
            i += 3
        elif pattern.startswith("**", i):
            tokens.append((_DSTAR, ".*"))
            i += 2
        elif pattern[i] == "*":
            if not tokens or tokens[-1][0] not in (_STAR, _DSTAR):  # ``***`` is ``**``
                tokens.append((_STAR, "[^/]*"))
            i += 1
        elif pattern[i] == "?":
            tokens.append((_ANY, "[^/]"))
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                tokens.append((_LITERAL, re.escape("[")))
                i += 1
                continue
            raw = pattern[i : end + 1]
            body = pattern[i + 1 : end].replace("\\", "\\\\")
            if body.startswith("!"):
                body = "^" + body[1:]
            try:
                re.compile(f"[{body}]")
            except re.error:
                raise GlobError(
                    pattern,
                    f"motif « {pattern} » : intervalle invalide {raw} (le premier caractère doit "
                    "précéder le second, par exemple [0-9] ou [a-z])",
                    f"pattern '{pattern}': invalid range {raw} (the first character must come "
                    "before the second, e.g. [0-9] or [a-z])",
                ) from None
            tokens.append((_CLASS, f"[{body}]"))
            i = end + 1
        else:
            tokens.append((_LITERAL, re.escape(pattern[i])))
            i += 1
    return tokens


def _glob_to_regex(pattern: str) -> str:
    """``pattern`` as a regular expression that cannot backtrack catastrophically: a star
    followed by a fixed piece and another star of its kind matches the piece's first
    occurrence, in an atomic group (the classic linear glob match: the earliest occurrence of
    each middle piece is always the one to take). Raises :class:`GlobError` for a class that
    cannot be compiled."""
    tokens = _glob_tokens(pattern)
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        kind, text = tokens[i]
        if kind not in (_STAR, _DSTAR):
            out.append(text)
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j][0] in (_LITERAL, _ANY, _CLASS):
            j += 1
        piece = tokens[i + 1 : j]
        same_kind_next = j < n and tokens[j][0] == kind
        plain = all(t[0] != _CLASS and t[1] != "/" for t in piece)
        if piece and same_kind_next and (kind == _DSTAR or plain):
            lazy = "[^/]*?" if kind == _STAR else ".*?"
            out.append(f"(?>{lazy}{''.join(t[1] for t in piece)})")
        else:
            out.append(text + "".join(t[1] for t in piece))
        i = j
    return "".join(out)


def compile_ignore(patterns: Sequence[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two regexes from gitignore-like ``patterns``: for any path, and for directories only.

    Raises :class:`GlobError` for a pattern that cannot be matched (``[z-a]``)."""
    any_kind: list[str] = []
    dirs_only: list[str] = []
    for raw in patterns:
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        target = any_kind
        if pattern.endswith("/"):
            target, pattern = dirs_only, pattern.rstrip("/")
        # gitignore: a pattern without "/" matches a name at any depth
        pattern = pattern.lstrip("/") if "/" in pattern else "**/" + pattern
        try:
            target.append(_glob_to_regex(pattern))
        except GlobError as exc:  # named as written
            raise GlobError(
                raw, exc.fr.replace(pattern, raw), exc.en.replace(pattern, raw)
            ) from None
    never = "(?!)"
    return (
        re.compile("(?:" + ("|".join(any_kind) or never) + r")\Z", re.DOTALL),
        re.compile("(?:" + ("|".join(any_kind + dirs_only) or never) + r")\Z", re.DOTALL),
    )


class _Stopped(Exception):
    """A walk given up (:func:`walk_plain`'s ``stop``)."""


class _Walker:
    def __init__(
        self,
        root: Path,
        ignore: Sequence[str],
        max_file_bytes: int,
        watch_ignored: bool = False,
        stop: Callable[[], bool] | None = None,
    ) -> None:
        self.watch_ignored = watch_ignored
        self.stop = stop
        self.root = os.path.realpath(root)
        self.ignore_file, self.ignore_dir = compile_ignore(ignore)
        self.max_file_bytes = max_file_bytes
        self.entries: list[tuple[str, str]] = []
        #: ``(relative path, French, English)``: made :class:`~rnq.errors.Problem` by :func:`walk`.
        self.problems: list[tuple[str, str, str]] = []
        self.stats: dict[str, tuple[int, int, int, int]] = {}
        self.ignored: dict[str, tuple[int, int, int, int]] = {}
        #: Folders already reached through a link (``(st_dev, st_ino)``).
        self.linked: set[tuple[int, int]] = set()

    def problem(self, rel: str, fr: str, en: str) -> None:
        self.problems.append((rel or ".", fr, en))

    def unreadable(self, rel: str, exc: OSError, what_fr: str, what_en: str) -> None:
        reason = exc.strerror or str(exc)
        self.problem(rel, f"{what_fr} illisible : {reason}", f"unreadable {what_en}: {reason}")

    def inside(self, target: str) -> bool:
        return target == self.root or target.startswith(self.root.rstrip(os.sep) + os.sep)

    def walk_dir(self, path: str, rel: str, ancestors: tuple[tuple[int, int], ...]) -> None:
        if self.stop is not None and self.stop():
            raise _Stopped
        if len(ancestors) > _MAX_DEPTH:
            self.problem(
                rel,
                f"arborescence trop profonde (plus de {_MAX_DEPTH} niveaux) : non parcourue",
                f"tree too deep (over {_MAX_DEPTH} levels): not walked",
            )
            return
        try:
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            self.unreadable(rel, exc, "dossier", "folder")
            return
        for entry in entries:
            self.visit(entry, rel, ancestors)

    def visit(
        self, entry: os.DirEntry[str], parent: str, ancestors: tuple[tuple[int, int], ...]
    ) -> None:
        name, escaped = printable_name(entry.name)
        rel = f"{parent}/{name}" if parent else name
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_link = is_dir = False
        if is_link:
            self.visit_link(entry.path, rel, ancestors, escaped)
        elif is_dir:
            if not self.ignore_dir.match(rel):
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError as exc:
                    self.unreadable(rel, exc, "dossier", "folder")
                    return
                self.walk_dir(entry.path, rel, (*ancestors, (info.st_dev, info.st_ino)))
            elif self.watch_ignored:
                self.watch_dir(entry.path, rel, len(ancestors))
        elif not self.ignore_file.match(rel):
            self.add_file(entry.path, rel, escaped)
        elif self.watch_ignored:
            self.watch(entry, rel)

    def watch(self, entry: os.DirEntry[str], rel: str) -> None:
        """Remember an ignored file's stat (see :attr:`WalkResult.ignored`)."""
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            return
        self.ignored[rel] = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)

    def watch_dir(self, path: str, rel: str, depth: int) -> None:
        """Remember the stat of every file under an ignored folder (no link followed)."""
        if depth > _MAX_DEPTH:
            return
        try:
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            name = f"{rel}/{printable_name(entry.name)[0]}"
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                self.watch_dir(entry.path, name, depth + 1)
            else:
                self.watch(entry, name)

    def visit_link(
        self, path: str, rel: str, ancestors: tuple[tuple[int, int], ...], escaped: bool
    ) -> None:
        try:
            target = os.path.realpath(path, strict=True)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.problem(
                    rel,
                    "boucle de liens symboliques : non suivie",
                    "symbolic link loop: not followed",
                )
            else:
                self.problem(
                    rel,
                    "lien symbolique cassé : sa cible n'existe pas",
                    "broken symbolic link: its target does not exist",
                )
            return
        if not self.inside(target):
            self.problem(
                rel,
                "lien symbolique vers l'extérieur de l'espace de travail : non suivi",
                "symbolic link to outside the workspace: not followed",
            )
            return
        try:
            info = os.stat(target)
        except OSError as exc:
            self.unreadable(rel, exc, "lien", "link")
            return
        if stat.S_ISDIR(info.st_mode):
            if self.ignore_dir.match(rel):
                return
            if (info.st_dev, info.st_ino) in ancestors:
                self.problem(
                    rel,
                    "boucle de liens symboliques (le lien mène à un dossier parent) : non suivie",
                    "symbolic link loop (the link leads to a parent folder): not followed",
                )
                return
            folder = (info.st_dev, info.st_ino)
            if folder in self.linked:
                self.problem(
                    rel,
                    "lien symbolique vers un dossier déjà atteint par un autre lien : non suivi",
                    "symbolic link to a folder another link already led to: not followed",
                )
                return
            self.linked.add(folder)
            self.walk_dir(path, rel, (*ancestors, folder))
        elif not self.ignore_file.match(rel):
            self.add_file(path, rel, escaped)

    def add_file(self, path: str, rel: str, escaped: bool) -> None:
        try:
            info = os.stat(path)
        except OSError as exc:
            self.unreadable(rel, exc, "fichier", "file")
            return
        if not stat.S_ISREG(info.st_mode):
            # sockets, FIFOs, devices: not evidence, and opening a FIFO would block; said, not
            # silently dropped
            self.problem(
                rel,
                "pas un fichier ordinaire (tube, socket ou périphérique) : non lu",
                "not a regular file (pipe, socket or device): not read",
            )
            return
        if escaped:
            self.problem(
                rel,
                "nom de fichier non UTF-8 ou avec caractères de contrôle : affiché avec des "
                "échappements \\xNN",
                "file name not valid UTF-8 or with control characters: shown with \\xNN escapes",
            )
        # readable by anyone (the common case): no need to ask the system for each file
        if not info.st_mode & stat.S_IROTH and not os.access(path, os.R_OK):
            self.problem(rel, "fichier illisible : accès refusé", "unreadable file: access denied")
        elif info.st_size > self.max_file_bytes:
            # worded as the extractor words it: the report lists the file once
            size, limit = info.st_size / (1 << 20), self.max_file_bytes / (1 << 20)
            self.problem(
                rel,
                f"fichier trop volumineux ({size:.1f} Mio, limite {limit:.1f} Mio) : non lu",
                f"file too large ({size:.1f} MiB, limit {limit:.1f} MiB): not read",
            )
        self.entries.append((rel, path))
        self.stats[rel] = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


#: What :func:`reusing` keeps a walk under: :data:`WalkKey` but ``watch_ignored``.
_WalkKey = tuple[str, tuple[str, ...], int]
_KEPT: ContextVar[tuple[_WalkKey, WalkResult] | None] = ContextVar("rnq_walk", default=None)

#: What decides a walk (with the files on disk): the root's real path, the ``ignore`` patterns,
#: ``max_file_bytes`` and ``watch_ignored``.
WalkKey = tuple[str, tuple[str, ...], int, bool]
#: A walk in plain values (what :mod:`marshal` takes): ``entries``, ``problems`` as
#: ``(relative path, French, English)``, ``stats`` and ``ignored`` (see :class:`WalkResult`).
PlainWalk = tuple[
    list[tuple[str, str]],
    list[tuple[str, str, str]],
    dict[str, tuple[int, int, int, int]],
    dict[str, tuple[int, int, int, int]],
]


@contextmanager
def reusing(root: Path, ignore: Sequence[str], result: WalkResult) -> Iterator[None]:
    """While the block runs, :func:`walk` of ``root`` with ``ignore`` returns ``result`` (a
    copy) instead of walking again: a run that walked the workspace to recognise it does not
    walk it twice."""
    token = _KEPT.set((walk_key(root, ignore)[:3], result))
    try:
        yield
    finally:
        _KEPT.reset(token)


def walk_key(
    root: str | Path,
    ignore: Sequence[str],
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    watch_ignored: bool = False,
) -> WalkKey:
    """The key of a walk: two walks with the same key, of the same files, give the same result."""
    return (os.path.realpath(root), tuple(ignore), max_file_bytes, watch_ignored)


def walk_plain(
    root: str | Path,
    ignore: Sequence[str],
    max_file_bytes: int,
    watch_ignored: bool,
    stop: Callable[[], bool] | None = None,
) -> PlainWalk | None:
    """:func:`walk` in plain values (no pydantic: see :mod:`rnq.workspace.ahead`); None when
    ``stop()``, asked before each folder, says to give up. Raises :class:`GlobError` for an
    ``ignore`` pattern that cannot be matched."""
    if stop is not None and stop():
        return None
    walker = _Walker(Path(root), ignore, max_file_bytes, watch_ignored, stop)
    try:
        info = os.stat(walker.root)
    except OSError as exc:
        walker.unreadable("", exc, "dossier", "folder")
    else:
        try:
            walker.walk_dir(walker.root, "", ((info.st_dev, info.st_ino),))
        except _Stopped:
            return None
        walker.entries.sort(key=lambda item: item[0])
        walker.problems.sort(key=lambda problem: problem[0])
    return walker.entries, walker.problems, walker.stats, walker.ignored


def walk(
    root: Path,
    ignore: Sequence[str] = (),
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    watch_ignored: bool = False,
) -> WalkResult:
    """Every regular file under ``root`` (see the module docstring for the rules);
    ``watch_ignored``: also the stat of every file ``ignore`` leaves out
    (:attr:`WalkResult.ignored`).

    When a child forked by the ``rnq`` program walks this very key (:mod:`rnq.workspace.ahead`),
    its result is taken, once: at once if it is done, else this process walks too and takes
    whichever walk ends first."""
    key = walk_key(root, ignore, max_file_bytes, watch_ignored)
    kept = _KEPT.get()
    if kept is not None and kept[0] == key[:3]:  # whether ignored files were watched or not
        done = kept[1]
        return WalkResult(
            list(done.entries), list(done.problems), dict(done.stats), dict(done.ignored)
        )
    from rnq.workspace import ahead

    plain = None
    if ahead.walking(key):
        try:
            plain = walk_plain(
                root, ignore, max_file_bytes, watch_ignored, stop=lambda: ahead.done(key)
            )
        except BaseException:
            ahead.drop(key)
            raise
        if plain is None:  # the child was done first
            plain = ahead.take(key)
        else:
            ahead.drop(key)
    if plain is None:
        plain = walk_plain(root, ignore, max_file_bytes, watch_ignored)
    assert plain is not None  # never stopped
    return as_result(plain)


def as_result(plain: PlainWalk) -> WalkResult:
    """A :class:`WalkResult` from a walk's plain values (its problems made
    :class:`~rnq.errors.Problem`)."""
    from rnq.errors import Problem

    entries, problems, stats, ignored = plain
    return WalkResult(entries, [Problem.make(*problem) for problem in problems], stats, ignored)
