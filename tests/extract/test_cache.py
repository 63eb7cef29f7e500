"""The extraction cache: unchanged files cost a stat, changes are seen, damage is survived."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from rnq.cache.store import Cache, default_cache_dir
from rnq.extract import Extraction, ExtractLimits, Extractor, FileKey

from . import files


def _workspace(root: Path, n: int = 12) -> list[tuple[str, Path]]:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        kind = i % 4
        if kind == 0:
            (root / f"note-{i}.md").write_text(f"# Note {i}\n", encoding="utf-8")
        elif kind == 1:
            (root / f"registre-{i}.csv").write_text(f"a;b\n{i};x\n", encoding="utf-8")
        elif kind == 2:
            files.write_docx(root / f"procedure-{i}.docx", [f"Procédure {i}"])
        else:
            (root / f"programme-{i}.pdf").write_bytes(files.pdf_bytes([f"Programme {i}"]))
    return [(p.name, p) for p in sorted(root.iterdir())]


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "explicit"))
    assert default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("RNQ_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "rnq"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "rnq"
    monkeypatch.setenv("RNQ_CACHE_DIR", str(tmp_path / "c"))
    with Cache() as cache:
        assert cache.path == tmp_path / "c" / "extract.sqlite3"
        assert cache.enabled


@pytest.mark.parametrize("inprocess_below", [0, 100], ids=["pool", "in-process"])
def test_warm_run_reads_nothing_and_touch_rereads_one(tmp_path: Path, inprocess_below: int) -> None:
    items = _workspace(tmp_path / "ws")
    db = tmp_path / "cache" / "extract.sqlite3"
    with Cache(db) as cache:
        first = Extractor(cache, workers=2, inprocess_below=inprocess_below)
        cold = first.run(items)
        assert first.stats.extracted == len(items)
        assert first.stats.cached == 0
    assert all(result.status == "ok" for result in cold.values())

    with Cache(db) as cache:
        warm = Extractor(cache, workers=2, inprocess_below=inprocess_below)
        assert warm.run(items) == cold
        assert (warm.stats.extracted, warm.stats.cached) == (0, len(items))

        touched = items[3][1]
        info = touched.stat()
        os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        again = warm.run(items)
        assert (warm.stats.extracted, warm.stats.cached) == (1, len(items) - 1)
        assert again == cold

        # The content changed, same size and mtime restored: the inode still tells.
        info = touched.stat()
        replacement = touched.with_name("tmp")
        replacement.write_bytes(touched.read_bytes())
        os.replace(replacement, touched)
        os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns))
        assert (touched.stat().st_size, touched.stat().st_mtime_ns) == (
            info.st_size,
            info.st_mtime_ns,
        )
        warm.run(items)
        assert warm.stats.extracted == 1


@pytest.mark.parametrize("inprocess_below", [0, 100], ids=["pool", "in-process"])
def test_keys_given_by_the_caller_are_the_ones_stored(tmp_path: Path, inprocess_below: int) -> None:
    """A caller that stat-ed the files in its walk gives their keys (no second ``stat`` per
    file): the extractions are stored under them, and a run with the files' own keys finds
    them; paths may be strings."""
    items = _workspace(tmp_path / "ws", 8)
    keys = [FileKey.of(path) for _, path in items]
    as_strings = [(name, str(path)) for name, path in items]
    with Cache(tmp_path / "c.sqlite3") as cache:
        given = Extractor(cache, workers=2, inprocess_below=inprocess_below)
        cold = given.run(as_strings, keys=keys)
        assert given.stats.extracted == len(items)
        again = Extractor(cache, workers=2, inprocess_below=inprocess_below)
        assert again.run(items) == cold
        assert (again.stats.extracted, again.stats.cached) == (0, len(items))
        # a key from an older stat: stored under it, so a run that stats the file reads it again
        older = [k._replace(mtime_ns=k.mtime_ns - 10**9) if k else k for k in keys]
        with Cache(tmp_path / "d.sqlite3") as other:
            Extractor(other, workers=2, inprocess_below=inprocess_below).run(items, keys=older)
            fresh = Extractor(other, workers=2, inprocess_below=inprocess_below)
            assert fresh.run(items) == cold
            assert fresh.stats.extracted == len(items)
        with pytest.raises(ValueError, match="one key per item"):
            given.run(items, keys=keys[:-1])


def test_limits_are_part_of_the_key(tmp_path: Path) -> None:
    items = _workspace(tmp_path / "ws", 4)
    with Cache(tmp_path / "c.sqlite3") as cache:
        Extractor(cache).run(items)
        small = Extractor(cache, limits=ExtractLimits(max_text_chars=5))
        results = small.run(items)
        assert small.stats.extracted == len(items)
        assert all(result.truncated for result in results.values())


def test_cache_is_outside_workspace_and_stores_json(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    items = _workspace(root, 4)
    before = sorted(p.name for p in root.iterdir())
    db = tmp_path / "c.sqlite3"
    with Cache(db) as cache:
        Extractor(cache).run(items)
    assert sorted(p.name for p in root.iterdir()) == before
    import zlib

    with sqlite3.connect(db) as conn:
        blobs = [row[0] for row in conn.execute("SELECT data FROM extracts")]
    assert len(blobs) == 4
    for blob in blobs:
        Extraction.model_validate_json(zlib.decompress(blob))


def test_corrupt_database_is_recreated(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    db.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    items = _workspace(tmp_path / "ws", 4)
    with Cache(db) as cache:
        assert cache.enabled
        assert cache.problem is None
        Extractor(cache).run(items)
    with Cache(db) as cache:
        extractor = Extractor(cache)
        extractor.run(items)
        assert extractor.stats.cached == 4


#: The table as rnq wrote it before pass 7c (``WITHOUT ROWID``, the text before ``meta``).
_OLD_EXTRACTS = """
CREATE TABLE extracts (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, version TEXT NOT NULL,
    data BLOB NOT NULL, meta TEXT NOT NULL, facts_version TEXT, facts BLOB
) WITHOUT ROWID
"""


@pytest.mark.parametrize("order", ["old", "new"])
def test_older_table_layout_is_reset_and_the_rest_kept(tmp_path: Path, order: str) -> None:
    """An ``extracts`` table of an earlier layout is dropped on open, even one with the same
    columns as today's (the rows written by the code before are then read again, never
    misread), with the memos of what runs read (they say which texts the table holds); the
    other tables are kept."""
    db = tmp_path / "c.sqlite3"
    items = _workspace(tmp_path / "ws", 4)
    with Cache(db) as cache:
        Extractor(cache).run(items)
        cache.put_run("k", b"{}")
        cache.put_memo("reads", "base", {"a.md": [1]})
        assert cache.get_memo("reads", "base") == {"a.md": [1]}
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT path, size, mtime_ns, inode, ctime_ns, version, data, meta, facts_version,"
            " facts FROM extracts"
        ).fetchall()
        conn.execute("DROP TABLE extracts")
        schema = _OLD_EXTRACTS
        if order == "new":  # today's columns and order, without rowids
            schema = schema.replace(
                "data BLOB NOT NULL, meta TEXT NOT NULL, facts_version TEXT, facts BLOB",
                "meta TEXT NOT NULL, facts_version TEXT, facts BLOB, data BLOB NOT NULL",
            )
            rows = [(*row[:6], row[7], row[8], row[9], row[6]) for row in rows]
        conn.execute(schema)
        conn.executemany(f"INSERT INTO extracts VALUES ({','.join('?' * 10)})", rows)
    with Cache(db) as cache:
        assert cache.enabled and cache.problem is None
        assert cache.get_run("k") == b"{}"
        assert cache.get_memo("reads", "base") == {}
        extractor = Extractor(cache)
        extractor.run(items)
        assert (extractor.stats.extracted, extractor.stats.cached) == (4, 0)
    with sqlite3.connect(db) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'extracts'").fetchone()
        assert "WITHOUT ROWID" not in sql
    with Cache(db) as cache:
        extractor = Extractor(cache)
        again = extractor.run(items)
        assert (extractor.stats.extracted, extractor.stats.cached) == (0, 4)
        assert all(extraction.status == "ok" for extraction in again.values())


def test_damaged_entry_is_read_again(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    items = _workspace(tmp_path / "ws", 2)
    with Cache(db) as cache:
        Extractor(cache).run(items)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE extracts SET data = x'00'")
    with Cache(db) as cache:
        extractor = Extractor(cache)
        extractor.run(items)
        assert (extractor.stats.extracted, extractor.stats.cached) == (2, 0)


def test_unwritable_cache_runs_without_and_says_so_once(tmp_path: Path) -> None:
    blocker = tmp_path / "pas-un-dossier"
    blocker.write_text("x", encoding="utf-8")
    cache = Cache(blocker / "extract.sqlite3")
    assert not cache.enabled
    assert cache.problem is not None
    assert "cache désactivé" in cache.problem.fr
    items = _workspace(tmp_path / "ws", 4)
    extractor = Extractor(cache)
    first = extractor.run(items)
    extractor.run(items)
    assert extractor.stats.extracted == 4
    assert extractor.problems == [cache.problem]
    assert all(result.status == "ok" for result in first.values())


def test_read_only_database_disables_on_write(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    items = _workspace(tmp_path / "ws", 2)
    with Cache(db) as cache:
        Extractor(cache).run(items[:1])
    cache = Cache(db)
    cache._db.execute("PRAGMA query_only=ON")  # type: ignore[union-attr]
    extractor = Extractor(cache)
    results = extractor.run(items)
    assert results[items[1][0]].status == "ok"
    assert extractor.stats.cached == 1
    assert not cache.enabled
    assert extractor.problems and "cache" in extractor.problems[0].en


def test_file_key_of_missing_file(tmp_path: Path) -> None:
    assert FileKey.of(tmp_path / "absent") is None
    extractor = Extractor(Cache(tmp_path / "c.sqlite3"))
    result = extractor.run([("absent.pdf", tmp_path / "absent.pdf")])
    assert result["absent.pdf"].status == "error"


def test_rows_in_asks_about_every_value_past_the_parameter_limit() -> None:
    from rnq.cache.store import _CHUNK, _rows_in

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (k TEXT, v INTEGER)")
    values = [f"k{i}" for i in range(2 * _CHUNK + 7)]
    db.executemany("INSERT INTO t VALUES (?, ?)", [(k, i % 2) for i, k in enumerate(values)])
    rows = list(_rows_in(db, "SELECT k FROM t WHERE v = ? AND k IN ({})", values, [1]))
    assert sorted(k for (k,) in rows) == sorted(values[1::2])
    assert list(_rows_in(db, "SELECT k FROM t WHERE k IN ({})", [])) == []
