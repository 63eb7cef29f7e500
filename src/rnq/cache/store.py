"""A cache of extractions across runs: one SQLite file outside the workspace.

An entry is keyed by the file's absolute path and validated by ``(size, mtime_ns, inode,
ctime_ns)`` from one ``os.stat`` (the change time catches an in-place edit whose mtime was put
back) plus a version string (:data:`~rnq.extract.model.EXTRACTOR_VERSION` and the
limits that shape results), so an unchanged file costs one ``stat`` and one indexed lookup, and
a changed, replaced or re-limited file is read again. Values are the extraction as JSON,
zlib-compressed (by ISA-L when installed: :mod:`rnq.extract.deflate`; never pickle: a cache file
must not be able to run code).

The cache never stops a run: a corrupt database is deleted and recreated; one that cannot be
opened or written turns the cache off for the rest of the run, and :attr:`Cache.problem` says so
once.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import ValidationError

from rnq.extract.deflate import DECOMPRESS_ERRORS, compress, decompress
from rnq.extract.model import Extraction
from rnq.extract.packing import FileKey, Packed, Stored, compressed_json
from rnq.extract.shards import MEMO_SHARDS, memo_shard
from rnq.text import Localized

__all__ = ["Cache", "default_cache_dir"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extracts (
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    version TEXT NOT NULL,
    meta TEXT NOT NULL,
    facts_version TEXT,
    facts BLOB,
    content TEXT,
    data BLOB NOT NULL
)
"""
#: What file names say (:class:`rnq.collect.mapping.NameFacts`), so a warm run maps paths from
#: memory.
_NAMES_SCHEMA = """
CREATE TABLE IF NOT EXISTS names (
    name TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    data TEXT NOT NULL
) WITHOUT ROWID
"""
#: Reports of earlier runs, by run key (:mod:`rnq.cache.runkey`): an unchanged workspace is not run
#: again.
_RUNS_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    key TEXT PRIMARY KEY,
    stored_ns INTEGER NOT NULL,
    report BLOB NOT NULL
) WITHOUT ROWID
"""
#: The findings of the check items of earlier runs, a row per group of items (the items of one
#: target unit, :class:`rnq.engine.reuse.ItemMemo`), by group key: a run after one change runs
#: only the items whose evidence or inputs changed. The rows hold a few hundred KiB each: the
#: table has rowids, so that they lie in overflow pages of their own.
_ITEMS_SCHEMA = """
CREATE TABLE IF NOT EXISTS item_groups (
    key TEXT PRIMARY KEY,
    stored_ns INTEGER NOT NULL,
    findings BLOB NOT NULL
)
"""
#: The table of earlier versions, one row per item (dropped: what it holds is never read).
_OLD_ITEMS = "DROP TABLE IF EXISTS items"
#: What an earlier run of a workspace mapped and read of each file (:class:`rnq.collect.filesystem.
#: FileMemo`), by workspace, with the inputs it depends on.
_MEMOS_SCHEMA = """
CREATE TABLE IF NOT EXISTS memos (
    name TEXT PRIMARY KEY,
    inputs TEXT NOT NULL,
    stored_ns INTEGER NOT NULL,
    data BLOB NOT NULL
) WITHOUT ROWID
"""
_MEMOS_KEPT_NS = 30 * 24 * 3600 * 10**9  # memos not written for a month are dropped

#: Items stored longer ago than this are dropped (other workspaces, other dates, edits).
_ITEMS_KEPT_NS = 14 * 24 * 3600 * 10**9
_RUNS_KEPT = 8  # reports kept (the most recent): a few option sets of one workspace, or several
#: The columns of ``extracts``. The text (``data``, several KiB) comes last and the table has
#: rowids (pass 7c): a row then lies in its table's leaf pages and, past a page, in overflow
#: pages of its own, and the lookups of a warm run read ``meta`` and ``facts`` without walking
#: the text's overflow chain. An earlier layout (``data`` before ``meta``, ``WITHOUT ROWID``:
#: every row over 1 KiB spilled, random inserts rewrote full leaves) is dropped on open.
_COLUMNS = (
    "path",
    "size",
    "mtime_ns",
    "inode",
    "ctime_ns",
    "version",
    "meta",
    "facts_version",
    "facts",
    "content",
    "data",
)
_INSERT = (
    f"INSERT OR REPLACE INTO extracts ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_COLUMNS))})"
)
#: Pages the write-ahead log may hold before SQLite copies them into the database (its default
#: is 1 000): a cold run writes ~250 MB, and each checkpoint copies pages and syncs twice. The
#: log is checkpointed and removed when the cache is closed.
_CHECKPOINT_PAGES = 10_000
_PAGE_CACHE_KIB = 16_384  # SQLite's page cache (default 2 MiB): the path index's interior pages
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_CHUNK = 500  # host parameters per SELECT … IN (…)
_FACTS_CHUNK = 4000  # files whose facts are parsed in one json.loads
_SCAN_FROM = 2000  # files from which one pass over the table may beat indexed lookups
#: What a damaged stored JSON raises when read (the stream, then the JSON).
_DAMAGED_JSON: tuple[type[Exception], ...] = (*DECOMPRESS_ERRORS, ValueError)
_DAMAGED_EXTRACTION: tuple[type[Exception], ...] = (*_DAMAGED_JSON, ValidationError)


def _stored(path: str) -> str:
    """``path`` as SQLite can store it: a name that is not valid UTF-8 (lone surrogates from
    ``os.fsdecode``) gets ``\\xNN`` escapes; the stat fingerprint keeps keys apart."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def default_cache_dir() -> Path:
    """``$RNQ_CACHE_DIR``, else ``$XDG_CACHE_HOME/rnq``, else ``~/.cache/rnq``."""
    explicit = os.environ.get("RNQ_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "rnq"
    return Path.home() / ".cache" / "rnq"


def _rows(db: sqlite3.Connection) -> int:
    """How many files the cache holds."""
    row = db.execute("SELECT count(*) FROM extracts").fetchone()
    return int(row[0]) if row else 0


def _current_layout(db: sqlite3.Connection) -> bool:
    """Whether ``extracts`` has this version's columns, in this order, and rowids."""
    columns = tuple(row[1] for row in db.execute("PRAGMA table_info(extracts)"))
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'extracts'")
    sql = (row.fetchone() or ("",))[0] or ""
    return columns == _COLUMNS and "WITHOUT ROWID" not in sql.upper()


def _reset_extracts(db: sqlite3.Connection) -> None:
    """Replace ``extracts`` with an empty table of this version's layout, in one transaction,
    and forget the memos (what earlier runs read of each file says which texts the table
    holds)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if not _current_layout(db):  # another process may have just done it
            db.execute("DROP TABLE extracts")
            db.execute(_SCHEMA)
            db.execute("DELETE FROM memos")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _facts_or_empty(text: bytes) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return {}


def _parsed_facts(blobs: list[tuple[FileKey, bytes]]) -> Iterator[tuple[FileKey, dict[str, Any]]]:
    """Each file's facts (compressed JSON objects), parsed :data:`_FACTS_CHUNK` files per
    ``json.loads``, so that the questions (the keys, the same for thousands of files) are one
    string per chunk in memory, not one per file, and the decompressed text of only one chunk
    is held at once. Damaged facts are left out (the checks answer again)."""
    for start in range(0, len(blobs), _FACTS_CHUNK):
        keys, texts = [], []
        for key, blob in blobs[start : start + _FACTS_CHUNK]:
            try:
                texts.append(decompress(blob))
                keys.append(key)
            except DECOMPRESS_ERRORS:
                continue
        try:
            parsed = json.loads(b"[" + b",".join(texts) + b"]")
        except ValueError:  # one damaged entry: parse them one by one
            parsed = [_facts_or_empty(text) for text in texts]
        del texts
        for key, facts in zip(keys, parsed, strict=True):
            if isinstance(facts, dict):
                yield key, facts


#: The read-only connections :func:`read_stored` opened in this process, by database path.
_READERS: dict[str, sqlite3.Connection] = {}


def read_stored(database: str, version: str, key: FileKey) -> Extraction | None:
    """The whole extraction stored for ``key`` (``version``) in the cache at ``database``, read
    over a read-only connection of this process's own (an extraction worker's: the parent
    writes meanwhile, which the write-ahead log allows); None when it is not there, damaged,
    or the database cannot be read."""
    try:
        db = _READERS.get(database)
        if db is None:
            uri = Path(os.path.abspath(database)).as_uri() + "?mode=ro"
            db = _READERS[database] = sqlite3.connect(uri, uri=True, timeout=5.0)
        row = db.execute(
            "SELECT size, mtime_ns, inode, ctime_ns, version, data FROM extracts WHERE path = ?",
            (_stored(key.path),),
        ).fetchone()
    except sqlite3.Error:
        return None
    if row is None or tuple(row[:5]) != (*key[1:], version):
        return None
    try:
        return Extraction.model_validate_json(decompress(row[5]))
    except _DAMAGED_EXTRACTION:
        return None


def _rows_in(
    db: sqlite3.Connection, select: str, values: Sequence[Any], before: Sequence[Any] = ()
) -> Iterator[Any]:
    """The rows of ``select``, a query ending in ``IN ({})``, for every one of ``values``:
    :data:`_CHUNK` of them per query (SQLite's host parameters are limited); ``before``: the
    parameters that come before the list."""
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        yield from db.execute(select.format(",".join("?" * len(chunk))), [*before, *chunk])


class Cache:
    """Extractions stored in SQLite at ``path`` (default: ``default_cache_dir()/extract.sqlite3``).

    Only the parent process writes it; workers only read extractions it stores
    (:meth:`reader`).
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_dir() / "extract.sqlite3"
        #: Set (once) when the cache had to be turned off; the run goes on without it.
        self.problem: Localized | None = None
        self._db: sqlite3.Connection | None = None
        self._db = self._open()

    @property
    def enabled(self) -> bool:
        """Whether the cache is in use."""
        return self._db is not None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA wal_autocheckpoint={_CHECKPOINT_PAGES}")
            db.execute(f"PRAGMA cache_size=-{_PAGE_CACHE_KIB}")
            db.execute(_SCHEMA)
            db.execute(_NAMES_SCHEMA)
            db.execute(_RUNS_SCHEMA)
            db.execute(_ITEMS_SCHEMA)
            db.execute(_OLD_ITEMS)
            db.execute(_MEMOS_SCHEMA)
            if not _current_layout(db):  # an older layout: it is only a cache, start afresh
                _reset_extracts(db)
            db.execute("SELECT count(*) FROM extracts LIMIT 1").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in _CORRUPT_CODES:
                self._disable(exc)
                return None
        except OSError as exc:
            self._disable(exc)
            return None
        try:  # corrupt: start afresh
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return self._connect()
        except (sqlite3.Error, OSError) as exc:
            self._disable(exc)
            return None

    def _disable(self, exc: BaseException) -> None:
        self.close()
        if self.problem is None:
            self.problem = Localized(
                fr=f"cache désactivé ({self.path} : {exc}) : les documents seront relus à chaque "
                "exécution",
                en=f"cache disabled ({self.path}: {exc}): documents will be read on every run",
            )

    def _transaction(self, work: Callable[[sqlite3.Connection], None]) -> None:
        """Run ``work`` in one transaction (rolled back if it fails); a database error turns the
        cache off."""
        db = self._db
        if db is None:
            return
        try:
            db.execute("BEGIN")
            try:
                work(db)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._disable(exc)

    def get_many(self, keys: Sequence[FileKey], version: str) -> dict[FileKey, Extraction]:
        """The cached extractions of ``keys`` whose stat fingerprint and version still match."""
        found: dict[FileKey, Extraction] = {}
        db = self._db
        if db is None or not keys:
            return found
        wanted = {_stored(key.path): key for key in keys}
        paths = list(wanted)
        try:
            rows = _rows_in(
                db,
                "SELECT path, size, mtime_ns, inode, ctime_ns, version, data FROM extracts "
                "WHERE path IN ({})",
                paths,
            )
            for path, size, mtime_ns, inode, ctime_ns, row_version, data in rows:
                key = wanted[path]
                if (size, mtime_ns, inode, ctime_ns, row_version) != (*key[1:], version):
                    continue
                try:
                    found[key] = Extraction.model_validate_json(decompress(data))
                except _DAMAGED_EXTRACTION:
                    continue  # a damaged entry: read the file again
        except sqlite3.Error as exc:
            self._disable(exc)
        return found

    def put_packed(
        self,
        entries: Iterable[tuple[FileKey, Packed]],
        version: str,
        facts_version: str | None = None,
    ) -> None:
        """Store packed ``entries`` (with their facts, valid for ``facts_version``) in one
        transaction."""
        db = self._db
        if db is None:
            return
        rows = [
            (
                _stored(key.path),
                key.size,
                key.mtime_ns,
                key.inode,
                key.ctime_ns,
                version,
                packed.meta,
                facts_version if packed.facts is not None else None,
                packed.facts if facts_version is not None else None,
                packed.content,
                packed.data,
            )
            for key, packed in entries
        ]
        if not rows:
            return

        def work(db: sqlite3.Connection) -> None:
            db.executemany(_INSERT, rows)

        self._transaction(work)

    def get_stored(
        self, keys: Sequence[FileKey], version: str, facts_version: str
    ) -> dict[FileKey, Stored]:
        """What is known of ``keys`` without their text (see :class:`Stored`): one indexed
        lookup per file (one pass over the table when the keys are most of it), no
        decompression of the text. Entries whose stat fingerprint or version changed are left
        out."""
        found: dict[FileKey, Stored] = {}
        db = self._db
        if db is None or not keys:
            return found
        wanted = {_stored(key.path): key for key in keys}
        paths = list(wanted)
        blobs: list[tuple[FileKey, bytes]] = []
        columns = (
            "path, size, mtime_ns, inode, ctime_ns, version, meta, facts_version, facts, content"
        )
        try:
            if len(paths) >= _SCAN_FROM and 2 * len(paths) >= _rows(db):
                batches: Iterable[Iterable[Any]] = [db.execute(f"SELECT {columns} FROM extracts")]
            else:
                batches = [
                    _rows_in(db, f"SELECT {columns} FROM extracts WHERE path IN ({{}})", paths)
                ]
            for rows in batches:
                for (
                    path,
                    size,
                    mtime,
                    inode,
                    ctime,
                    row_version,
                    meta,
                    f_version,
                    facts,
                    content,
                ) in rows:
                    key = wanted.get(path)
                    if key is None or (size, mtime, inode, ctime, row_version) != (
                        *key[1:],
                        version,
                    ):
                        continue
                    try:
                        extraction = Extraction.model_validate_json(meta)
                    except (ValidationError, ValueError):
                        continue  # a damaged entry: read the file again
                    found[key] = Stored(
                        extraction,
                        extraction.status == "ok",
                        {},
                        content if isinstance(content, str) else None,
                    )
                    if facts is not None and f_version == facts_version:
                        blobs.append((key, facts))
        except sqlite3.Error as exc:
            self._disable(exc)
        self._add_facts(found, blobs)
        return found

    def get_facts(
        self, keys: Sequence[FileKey], version: str, facts_version: str
    ) -> dict[FileKey, dict[str, Any]]:
        """The answers content checks gave about ``keys`` (:meth:`get_stored`'s ``facts``),
        without the rest of what is stored: a run after an edit loads those of the 3 000
        documents of the edited unit, whose readings the file memo gave already. Entries
        whose stat fingerprint or version changed, or without answers of ``facts_version``,
        are left out."""
        db = self._db
        if db is None or not keys:
            return {}
        wanted = {_stored(key.path): key for key in keys}
        paths = list(wanted)
        blobs: list[tuple[FileKey, bytes]] = []
        try:
            rows = _rows_in(
                db,
                "SELECT path, size, mtime_ns, inode, ctime_ns, version, facts FROM extracts "
                "WHERE facts_version = ? AND path IN ({})",
                paths,
                [facts_version],
            )
            for path, size, mtime, inode, ctime, row_version, facts in rows:
                key = wanted.get(path)
                if key is None or facts is None:
                    continue
                if (size, mtime, inode, ctime, row_version) == (*key[1:], version):
                    blobs.append((key, facts))
        except sqlite3.Error as exc:
            self._disable(exc)
        return dict(_parsed_facts(blobs))

    @staticmethod
    def _add_facts(found: dict[FileKey, Stored], blobs: list[tuple[FileKey, bytes]]) -> None:
        """Give the files of ``found`` their facts (:func:`_parsed_facts`)."""
        for key, facts in _parsed_facts(blobs):
            found[key] = found[key]._replace(facts=facts)

    def load(self, key: FileKey, version: str) -> Extraction | None:
        """The whole cached extraction of ``key`` (text and rows included), or None."""
        found = self.get_many([key], version)
        return found.get(key)

    def reader(self, version: str) -> Callable[[FileKey], Extraction | None] | None:
        """What loads a key's whole stored extraction (:meth:`load`) in another process, an
        extraction worker (:func:`read_stored`: picklable); None when the cache is off."""
        if self._db is None:
            return None
        return functools.partial(read_stored, str(self.path), version)

    def put_facts(
        self, entries: Iterable[tuple[FileKey, dict[str, Any]]], version: str, facts_version: str
    ) -> None:
        """Record the answers content checks gave about files already in the cache."""
        db = self._db
        if db is None:
            return
        rows = [
            (
                facts_version,
                compressed_json(facts),
                _stored(key.path),
                key.size,
                key.mtime_ns,
                key.inode,
                key.ctime_ns,
                version,
            )
            for key, facts in entries
        ]
        if not rows:
            return

        def work(db: sqlite3.Connection) -> None:
            db.executemany(
                "UPDATE extracts SET facts_version = ?, facts = ? WHERE path = ? AND size = ?"
                " AND mtime_ns = ? AND inode = ? AND ctime_ns = ? AND version = ?",
                rows,
            )

        self._transaction(work)

    def get_names(self, version: str) -> dict[str, Any]:
        """Every remembered file name of ``version`` and its JSON-decoded record."""
        db = self._db
        if db is None:
            return {}
        try:
            rows = db.execute("SELECT name, data FROM names WHERE version = ?", (version,))
            names, texts = [], []
            for name, data in rows:
                names.append(name)
                texts.append(data)
        except sqlite3.Error as exc:
            self._disable(exc)
            return {}
        try:
            parsed = json.loads("[" + ",".join(texts) + "]")
        except ValueError:  # one damaged entry: parse them one by one
            parsed = [_facts_or_empty(text.encode()) for text in texts]
        return dict(zip(names, parsed, strict=True))

    def put_names(self, entries: Iterable[tuple[str, Any]], version: str) -> None:
        """Remember file names (with JSON-able records) for ``version``, forgetting those of
        other versions."""
        db = self._db
        if db is None:
            return
        rows = []
        for name, data in entries:
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                continue
            rows.append((name, version, json.dumps(data, separators=(",", ":"))))
        if not rows:
            return

        def work(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM names WHERE version != ?", (version,))
            db.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, ?)", rows)

        self._transaction(work)

    def get_run(self, key: str) -> bytes | None:
        """The report (JSON) an earlier run with ``key`` stored, or None."""
        db = self._db
        if db is None:
            return None
        try:
            row = db.execute("SELECT report FROM runs WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._disable(exc)
            return None
        if row is None:
            return None
        try:
            return decompress(row[0])
        except DECOMPRESS_ERRORS:
            return None  # damaged: the run is done again

    def put_run(self, key: str, report: bytes) -> None:
        """Keep ``report`` (JSON) for runs with ``key``; only the most recent few are kept."""
        db = self._db
        if db is None:
            return
        blob = compress(report)

        def work(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?)", (key, time.time_ns(), blob))
            db.execute(
                "DELETE FROM runs WHERE key NOT IN "
                "(SELECT key FROM runs ORDER BY stored_ns DESC LIMIT ?)",
                (_RUNS_KEPT,),
            )

        self._transaction(work)

    def get_memo(self, name: str, inputs: str) -> dict[str, Any]:
        """The memo stored under ``name`` for ``inputs``: ``{path: entry}`` from its shards
        (:meth:`put_memo`); a shard stored for other inputs, or damaged, is left out (its
        files are simply done again)."""
        db = self._db
        found: dict[str, Any] = {}
        if db is None:
            return found
        try:
            rows = db.execute(
                "SELECT inputs, data FROM memos WHERE name >= ? AND name < ?",
                (f"{name}\x00", f"{name}\x01"),
            ).fetchall()
        except sqlite3.Error as exc:
            self._disable(exc)
            return found
        for stored_for, blob in rows:
            if stored_for != inputs:
                continue
            try:
                shard = json.loads(decompress(blob))
            except _DAMAGED_JSON:
                continue
            if isinstance(shard, dict):
                found.update(shard)
        return found

    def put_memo(
        self, name: str, inputs: str, data: Mapping[str, Any], shards: Iterable[int] | None = None
    ) -> None:
        """Keep ``data`` (``{path: entry}``, JSON-able) under ``name`` for ``inputs``, in
        :data:`MEMO_SHARDS` shards by path (:func:`memo_shard`): only the ``shards`` given are
        written (None: every one), so a run after one edit writes one shard, not 50 000
        entries. Memos not written for a month are dropped."""
        if self._db is None:
            return
        wanted = set(range(MEMO_SHARDS)) if shards is None else set(shards)
        if not wanted:
            return
        grouped: dict[int, dict[str, Any]] = {shard: {} for shard in wanted}
        for path, entry in data.items():
            shard = memo_shard(path)
            if shard in grouped:
                grouped[shard][path] = entry
        now = time.time_ns()
        rows = [
            (
                f"{name}\x00{shard:02d}",
                inputs,
                now,
                compress(json.dumps(entries, separators=(",", ":")).encode()),
            )
            for shard, entries in sorted(grouped.items())
        ]

        def work(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR REPLACE INTO memos VALUES (?, ?, ?, ?)", rows)
            db.execute("DELETE FROM memos WHERE stored_ns < ?", (now - _MEMOS_KEPT_NS,))

        self._transaction(work)

    def get_items(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The groups of findings (JSON) stored for each of ``keys`` that has one
        (:class:`rnq.engine.reuse.ItemMemo`)."""
        db = self._db
        found: dict[str, bytes] = {}
        if db is None or not keys:
            return found
        try:
            rows = _rows_in(db, "SELECT key, findings FROM item_groups WHERE key IN ({})", keys)
            for key, blob in rows:
                with contextlib.suppress(*DECOMPRESS_ERRORS):  # damaged: its items run again
                    found[key] = decompress(blob)
        except sqlite3.Error as exc:
            self._disable(exc)
        return found

    def put_items(self, added: Iterable[tuple[str, bytes]]) -> None:
        """Keep the groups of findings a run wrote (``added``, by group key) and drop those
        stored more than two weeks ago (a group still current is then computed once again:
        marking every group reused at every run would cost more than that)."""
        db = self._db
        if db is None:
            return
        now = time.time_ns()
        rows = [(key, now, compress(blob)) for key, blob in added]

        def work(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR REPLACE INTO item_groups VALUES (?, ?, ?)", rows)
            db.execute("DELETE FROM item_groups WHERE stored_ns < ?", (now - _ITEMS_KEPT_NS,))

        self._transaction(work)

    def close(self) -> None:
        """Close the database (the cache is then off)."""
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
