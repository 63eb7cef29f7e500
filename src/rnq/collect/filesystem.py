"""The built-in filesystem collector: every file of the workspace becomes evidence (SPEC §3).

It walks the workspace (:func:`rnq.workspace.walk.walk`, honouring ``ignore``), leaves out rnq's own
files (``rnq.yaml``, the manifests, the waivers file, the workspace's check and plugin code),
places each file in its unit and offering, and maps it (:mod:`rnq.collect.mapping`). Dates come from
the manifest, the front matter or the file name only — never the modification time; document
metadata dates are added after text extraction (:func:`rnq.collect.enrich.apply_extraction`).

Files that map to no indicator are returned too (``indicators=()``): the orchestrator lists them
as unmapped. Nothing is written in the workspace.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from rnq._yaml import read_config_bytes
from rnq.collect.collectors import CollectContext
from rnq.collect.evidence import Evidence, shared_fields_set
from rnq.collect.mapping import (
    MANIFEST_NAME,
    Layout,
    Manifest,
    Manifests,
    Source,
    combine,
    parse_front_matter,
    parse_manifest,
    path_facts,
    unmapped,
)
from rnq.errors import ConfigError, Problem
from rnq.extract.shards import ShardedMemo
from rnq.hookspecs import hookimpl
from rnq.text import Localized
from rnq.workspace.config import CONFIG_NAME, Workspace, WorkspaceConfig
from rnq.workspace.walk import walk

__all__ = [
    "FRONT_MATTER_MAX_BYTES",
    "MARKDOWN_SUFFIXES",
    "FileMemo",
    "collect_files",
    "is_configuration",
    "rnq_collect_evidence",
    "using_files",
]

#: Files whose front matter is read.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
#: How much of a Markdown file is read to find its front matter.
FRONT_MATTER_MAX_BYTES = 64 * 1024
_BOM = b"\xef\xbb\xbf"


def is_configuration(path: str, config: WorkspaceConfig) -> bool:
    """True for rnq's own files: ``rnq.yaml``, manifests, the waivers file, the workspace's
    plugin files and the Python files of its check folders. They are not evidence."""
    return _configuration_test(config)(path)


def _configuration_test(config: WorkspaceConfig) -> Callable[[str], bool]:
    """:func:`is_configuration` for ``config``, what it looks for gathered once (a run asks it
    of every file)."""
    exact = {CONFIG_NAME, *config.plugins}
    if config.waivers is not None:
        exact.add(config.waivers)
    in_a_folder = f"/{MANIFEST_NAME}"
    checks = [(folder, f"{folder.rstrip('/')}/") for folder in config.checks]

    def test(path: str) -> bool:
        if path in exact or path == MANIFEST_NAME or path.endswith(in_a_folder):
            return True
        return path.endswith(".py") and any(
            path == folder or path.startswith(inside) for folder, inside in checks
        )

    return test


def _suffix(path: str) -> str:
    """``PurePosixPath(path).suffix``, without building the path object."""
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _read_manifest(path: str, absolute: str, problems: list[Problem]) -> Manifest | None:
    try:
        text = read_config_bytes(Path(absolute), shown=path).decode("utf-8-sig")
    except ConfigError as exc:  # a pipe, a device, over 1 MiB
        problems.append(Problem(path=path, message=exc.localized))
        return None
    except UnicodeDecodeError as exc:
        problems.append(
            Problem.make(path, f"manifeste illisible : {exc}", f"unreadable manifest: {exc}")
        )
        return None
    manifest, manifest_problems = parse_manifest(text, path)
    problems += manifest_problems
    return manifest


#: ``os.open``'s flags to read a file as bytes (``O_BINARY``: no newline translation on Windows).
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _head(absolute: str) -> bytes | None:
    """The first :data:`FRONT_MATTER_MAX_BYTES` of a file when it starts with ``---`` (after a
    byte order mark), ``b""`` when it does not, ``None`` when it cannot be read. One ``open``
    and one ``read`` for a file without front matter (``os.open``: no buffered file object)."""
    try:
        fd = os.open(absolute, _READ_FLAGS)
    except OSError:
        return None
    try:
        head = os.read(fd, FRONT_MATTER_MAX_BYTES)
        # read on to the limit or the end, as ``read(FRONT_MATTER_MAX_BYTES)`` would, when the
        # bytes read so far may start a front matter (or are too few to tell)
        while len(head) < FRONT_MATTER_MAX_BYTES and (
            len(head) < len(_BOM) + 3 or head.removeprefix(_BOM).startswith(b"---")
        ):
            more = os.read(fd, FRONT_MATTER_MAX_BYTES - len(head))
            if not more:
                break
            head += more
    except OSError:
        return None
    finally:
        os.close(fd)
    return head if head.removeprefix(_BOM).startswith(b"---") else b""


def _front_matter(path: str, absolute: str, problems: list[Problem]) -> Source | None:
    """The front matter of a Markdown file, read from its first bytes only."""
    head = _head(absolute)
    if not head:
        return None  # none, or unreadable: the walk already reported the unreadable file
    if len(head) == FRONT_MATTER_MAX_BYTES:  # do not cut a character in two
        head = head[: head.rfind(b"\n") + 1]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(
            Problem.make(
                path,
                "en-tête YAML non lu : le fichier n'est pas en UTF-8",
                "front matter not read: the file is not UTF-8",
            )
        )
        return None
    source, front_problems = parse_front_matter(text, path)
    problems += front_problems
    return source


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _misnamed_folders(root: Path, config: WorkspaceConfig) -> tuple[dict[str, str], list[Problem]]:
    """The unit and offering folders ``rnq.yaml`` declares that exist on disk only under another
    case (``Pro/`` for ``path: pro``) or another Unicode form (macOS writes ``pôle`` decomposed,
    NFD): ``{folder on disk: folder declared}``, and a problem naming each folder whose case
    differs. Their files are placed in the declared unit or offering, never in the central unit
    (issue #22). A few directory listings, whatever the number of files."""
    listings: dict[str, list[str]] = {}

    def names(folder: str) -> list[str]:
        """The folders (links to folders included) in ``folder``."""
        if folder not in listings:
            try:
                with os.scandir(root / folder if folder else root) as scan:
                    listings[folder] = [entry.name for entry in scan if entry.is_dir()]
            except OSError:
                listings[folder] = []
        return listings[folder]

    declared = [unit.folder for unit in config.units] + [
        unit.offering_folder(offering) for unit in config.units for offering in unit.offerings
    ]
    renamed: dict[str, str] = {}
    problems: list[Problem] = []
    for folder in dict.fromkeys(declared):
        wanted = folder.split("/")
        actual: list[str] = []
        for segment in wanted:
            present = names("/".join(actual))
            if segment not in present:
                near = [name for name in present if _fold(name) == _fold(segment)]
                if len(near) != 1:
                    break
                segment = near[0]
            actual.append(segment)
        else:
            on_disk = "/".join(actual)
            if on_disk != folder:
                renamed[on_disk] = folder
                if _fold(on_disk) == _fold(folder) and unicodedata.normalize(
                    "NFC", on_disk
                ) != unicodedata.normalize("NFC", folder):
                    problems.append(
                        Problem.make(
                            on_disk,
                            f"dossier « {on_disk}/ » : rnq.yaml déclare « {folder} » (la casse "
                            f"diffère) ; ses fichiers comptent pour « {folder} » — renommez le "
                            "dossier ou corrigez « path: » pour qu'ils s'écrivent pareil (sous "
                            "Linux et en CI, la casse compte)",
                            f"folder '{on_disk}/': rnq.yaml declares '{folder}' (the case "
                            f"differs); its files count for '{folder}' — rename the folder or fix "
                            "'path:' so that they are written alike (case matters on Linux and "
                            "in CI)",
                        )
                    )
    return renamed, problems


def _as_declared(path: str, renamed: dict[str, str]) -> str:
    """``path`` with a misnamed folder (:func:`_misnamed_folders`) as ``rnq.yaml`` writes it."""
    for on_disk in sorted(renamed, key=len, reverse=True):
        if path.startswith(on_disk + "/"):
            return renamed[on_disk] + path[len(on_disk) :]
    return path


#: Where a file memo's entry keeps what reading the file gave (:meth:`FileMemo.keep_read`).
_READ = 5
#: The fields of a record, in their order: a memo's record is its values by position (``path``,
#: the entry's key, left out) and a mask of the fields set (:meth:`FileMemo.put`).
_FIELDS = ("path", "unit", "indicators", "offering", "kind", "stakeholder", "date",
           "valid_until", "by", "note", "mapped_by", "collector", "read", "problem")  # fmt: skip
if tuple(Evidence.model_fields) != _FIELDS:  # :func:`_rebuilt` names them
    raise RuntimeError(f"the file memo's fields differ from Evidence's: {_FIELDS}")
#: The layout of a memo's entries: a memo stored under another (an older rnq, a field added to
#: :class:`Evidence`) is not read (:meth:`FileMemo.inputs`).
FILE_MEMO_LAYOUT = "files-4:" + ",".join(_FIELDS)
#: The fields set of every rebuilt record (``path`` is the entry's key), and of one once read.
_ALWAYS = 1 << _FIELDS.index("path") | 1 << _FIELDS.index("indicators")
_READ_SET = 1 << _FIELDS.index("read") | 1 << _FIELDS.index("problem") | 1 << _FIELDS.index("date")
#: :func:`shared_fields_set` by mask of the fields' positions.
_SETS: dict[int, set[str]] = {}


def _fields_set(mask: int) -> set[str]:
    found = _SETS.get(mask)
    if found is None:
        if not 0 <= mask < 1 << len(_FIELDS):
            raise ValueError(f"fields mask out of range: {mask}")
        names = (name for i, name in enumerate(_FIELDS) if mask >> i & 1)
        found = _SETS[mask] = shared_fields_set(names)
    return found


class FileMemo(ShardedMemo):
    """What each file mapped to in an earlier run, by path, with the ``stat`` of the file and
    what a manifest declared for it: a run after an edit maps again only the files that changed
    (:func:`using_files`), and does not read them again either.

    An entry is a JSON-able list (as the cache keeps it): ``[stat, declared, record, problems,
    own output, read]``, where ``record`` is the record's values in the fields' order but for
    its path (the entry's key), then the mask of the fields set (:data:`FILE_MEMO_LAYOUT`), and
    ``read`` (None until the run read the file: :meth:`keep_read`) is ``[read, problem, date,
    has content, digest, content]``: the record's fields once its file was read, whether its
    text and rows are in the cache, the digest of the record (for the check items'
    fingerprints, :mod:`rnq.engine.reuse`; None when it has none) and the digest of what
    reading it gave (:attr:`rnq.extract.store.Document.content`; None when the run had none).
    What reading gave depends on the file's content and the extractor's version, which the
    memo's inputs (the run's base key) cover: an unchanged entry is an unchanged reading.
    :attr:`current` holds this run's entries."""

    @staticmethod
    def inputs(base: str) -> str:
        """What a memo is stored for: the run's base key and the entries' layout."""
        return f"{base}\x00{FILE_MEMO_LAYOUT}"

    def get(
        self, path: str, stat: list[int], declared: str
    ) -> tuple[Evidence, list[Problem]] | None:
        """The evidence and problems of ``path`` if it is unchanged (same ``stat``, same
        manifest entry ``declared``): the record once read when the entry says what reading
        gave (:meth:`recalled_read`), else the record as mapped. None for an entry that is not
        of this layout (damaged): the file is mapped again."""
        entry = self.known.get(path)
        try:
            if entry is None or entry[0] != stat or entry[1] != declared:
                return None
            record = _rebuilt(path, entry[2], entry[_READ])
            problems = [Problem.model_validate(p) for p in entry[3]] if entry[3] else []
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            return None  # an entry of another layout: map the file again
        self.current[path] = entry
        return record, problems

    def recalled_read(self, path: str) -> tuple[bool, str | None] | None:
        """Whether ``path``'s text and rows are in the cache, and its record's digest (None:
        none kept), if :meth:`get` gave its record as read; else None (:meth:`recalled_reads`
        gives its content's digest too)."""
        entry = self.current.get(path)
        if entry is None or entry is not self.known.get(path):
            return None
        read = entry[_READ]
        if read is None:
            return None
        digest = read[4]
        return bool(read[3]), digest if isinstance(digest, str) else None

    def recalled_reads(
        self, paths: Iterable[str]
    ) -> Iterator[tuple[str, list[int], bool, str | None, str | None]]:
        """:meth:`recalled_read` for each of ``paths`` it answers, in their order (one loop for
        50 000 files): ``(path, stat, has content, digest, content digest)``, where ``stat`` is
        the one :meth:`get` found unchanged."""
        current, known = self.current, self.known
        for path in paths:
            entry = current.get(path)
            if entry is None or entry is not known.get(path):
                continue
            read = entry[_READ]
            if read is None:
                continue
            digest, content = read[4], read[5] if len(read) > 5 else None
            yield (
                path,
                entry[0],
                bool(read[3]),
                digest if isinstance(digest, str) else None,
                content if isinstance(content, str) else None,
            )

    def put(
        self,
        path: str,
        stat: list[int],
        declared: str,
        record: Evidence,
        problems: list[Problem],
    ) -> None:
        if record.path != path:
            return  # not kept (the collector's records are keyed by their path)
        values = record.__dict__
        # a field at its default is kept as None: the defaults' strings are shared by the
        # records rebuilt rather than decoded for each (50 000 of "filesystem": 3 MB)
        row: list[Any] = [
            None if name in _DEFAULT_NONE and value == _DEFAULTS[name] else _json_value(value)
            for name in _FIELDS[1:]
            for value in (values[name],)
        ]
        defaults = _DEFAULTS
        row.append(sum(1 << i for i, name in enumerate(_FIELDS) if values[name] != defaults[name]))
        self.current[path] = [
            stat,
            declared,
            row,
            [p.model_dump(mode="json") for p in problems],
            None,
            None,
        ]

    def keep_read(
        self, path: str, record: Evidence, has_content: bool, content: str | None = None
    ) -> None:
        """Remember what reading ``path`` (mapped in this run) gave: ``record`` is its record
        once read; ``has_content``: its text and rows are in the cache; ``content``: the digest
        of what reading it gave, if any."""
        entry = self.current.get(path)
        if entry is None:
            return
        problem = record.problem
        read = [
            record.read,
            problem.model_dump() if problem is not None else None,
            record.date.isoformat() if record.date is not None else None,
            has_content,
            None,
            content,
        ]
        if entry is self.known.get(path):  # a new list: ``known`` stays as it was
            self.current[path] = [*entry[:_READ], read]
        else:  # this run's own entry (:meth:`put`)
            entry[_READ] = read

    def keep_digest(self, path: str, digest: str | None) -> None:
        """Keep ``digest`` as the digest of ``path``'s record once read (None: keep none)."""
        entry = self.current.get(path)
        read = entry[_READ] if entry is not None else None
        if entry is None or read is None or read[4] == digest:
            return
        # a new list: ``known`` stays as it was, and the entry's shard is written
        self.current[path] = [*entry[:_READ], [*read[:4], digest, *read[5:]]]

    def own_output(self, path: str) -> bool | None:
        """Whether ``path`` was found to be one of rnq's own outputs in this run or an earlier
        one with the same content (None: not known)."""
        entry = self.current.get(path)
        return entry[4] if entry is not None else None

    def learn_own_output(self, path: str, own: bool) -> None:
        """Remember whether ``path`` (a file of this run) is one of rnq's own outputs."""
        entry = self.current.get(path)
        if entry is not None:
            # a new list: ``known`` stays as it was
            self.current[path] = [*entry[:4], own, *entry[_READ:]]


#: The default of each field (required ones: never equal to a value).
_DEFAULTS: dict[str, Any] = {name: f.default for name, f in Evidence.model_fields.items()}
#: The fields whose default is a string, kept as None in a memo's row (:meth:`FileMemo.put`).
_DEFAULT_NONE = frozenset({"mapped_by", "collector", "read"})
_MAPPED_BY, _COLLECTOR = _DEFAULTS["mapped_by"], _DEFAULTS["collector"]
#: One string object for each way a file reads (a record rebuilt holds it, not its own copy).
#: None: a row's default.
_STATUSES: dict[Any, str] = {
    None: _DEFAULTS["read"],
    **{status: status for status in ("ok", "no_text", "error", "not_read")},
}


def _json_value(value: Any) -> Any:
    """A record's field as the memo keeps it (JSON)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Localized):
        return value.model_dump()
    if isinstance(value, tuple):
        return list(value)
    return value


def _rebuilt(path: str, row: Sequence[Any], read: Sequence[Any] | None) -> Evidence:
    """The evidence of ``path`` from :meth:`FileMemo.put`'s ``row``, without validating it
    again; ``read``: its ``read``, ``problem`` and ``date`` once its file was read (and more:
    :meth:`FileMemo.keep_read`). Raises for a row or ``read`` of another shape."""
    if type(row) is not list or len(row) != len(_FIELDS):  # the values but the path, the mask
        raise ValueError("not a record of this layout")
    # the fields by name rather than ``dict(zip(...))``: half the time (``_FIELDS`` is checked)
    (unit, indicators, offering, kind, stakeholder, date, valid_until, by, note, mapped_by,
     collector, status, problem, mask) = row  # fmt: skip
    mask |= _ALWAYS
    if read is not None:
        status, problem, date = read[0], read[1], read[2]
        mask |= _READ_SET
    values = {
        "path": path,
        "unit": unit,
        "indicators": tuple(indicators),
        "offering": offering,
        "kind": kind,
        "stakeholder": stakeholder,
        "date": None if date is None else _day(date),
        "valid_until": None if valid_until is None else _day(valid_until),
        "by": by,
        "note": note,
        "mapped_by": _MAPPED_BY if mapped_by is None else mapped_by,
        "collector": _COLLECTOR if collector is None else collector,
        "read": _STATUSES.get(status, status),
        "problem": None if problem is None else Localized(**problem),
    }
    return Evidence.trusted_whole(values, _SETS.get(mask) or _fields_set(mask))


_day = dt.date.fromisoformat


_files: ContextVar[FileMemo | None] = ContextVar("rnq_file_memo", default=None)


@contextmanager
def using_files(memo: FileMemo) -> Iterator[FileMemo]:
    """Within the block, :func:`collect_files` maps again only the files ``memo`` does not
    know as they are."""
    token = _files.set(memo)
    try:
        yield memo
    finally:
        _files.reset(token)


def _declared(source: Source | None) -> str:
    """What a manifest declares for a file, as a string to compare across runs."""
    return "" if source is None else repr((source, sorted(source.lines.items())))


#: How the path of a manifest in a folder ends.
_IN_A_FOLDER = f"/{MANIFEST_NAME}"


def collect_files(workspace: Workspace) -> tuple[list[Evidence], list[Problem]]:
    """Every file of ``workspace`` as evidence (mapped or not), and the problems met."""
    config = workspace.config
    walked = walk(workspace.root, config.ignore)
    problems = list(walked.problems)
    renamed, misnamed = _misnamed_folders(workspace.root, config)
    problems += misnamed
    memo = _files.get() if not renamed else None  # a renamed folder: map every file afresh
    manifests = Manifests(
        manifest
        for path, absolute in walked.entries
        if (path == MANIFEST_NAME or path.endswith(_IN_A_FOLDER))
        and (manifest := _read_manifest(path, absolute, problems)) is not None
    )
    layout = Layout(config.units)
    evidence: list[Evidence] = []
    own = _configuration_test(config)
    stats = walked.stats
    remembered = memo.known if memo is not None else {}
    for path, absolute in walked.entries:
        stat: list[int] | None = None
        if path in remembered and (found := stats.get(path)) is not None:
            # A file an earlier run kept (for the same configuration: the memo's inputs) was
            # not one of rnq's files and had a unit: its record, if it did not change.
            declared = manifests.lookup(path)
            stat, mark = list(found), "" if declared is None else _declared(declared)
            known = memo.get(path, stat, mark) if memo is not None else None
            if known is not None:
                evidence.append(known[0])
                problems += known[1]
                continue
        if own(path):
            continue
        placement = layout.place(_as_declared(path, renamed) if renamed else path)
        if placement.unit is None:
            evidence.append(unmapped(path))
            continue
        if stat is None:
            declared = manifests.lookup(path)
            found = stats.get(path) if memo is not None else None
            stat, mark = (list(found), _declared(declared)) if found is not None else (None, "")
        mine: list[Problem] = []
        sources = [declared]
        if _suffix(path).lower() in MARKDOWN_SUFFIXES:
            sources.append(_front_matter(path, absolute, mine))
        record, record_problems = combine(
            path,
            placement.unit,
            path_facts(path, placement),
            [source for source in sources if source is not None],
        )
        mine += record_problems
        evidence.append(record)
        problems += mine
        if memo is not None and stat is not None:
            memo.put(path, stat, mark, record, mine)
    problems += manifests.unused()
    return evidence, problems


@hookimpl
def rnq_collect_evidence(workspace: Workspace, context: CollectContext) -> list[Evidence]:
    """The built-in filesystem collector (see the module docstring)."""
    evidence, problems = collect_files(workspace)
    context.problems.extend(problems)
    return evidence
