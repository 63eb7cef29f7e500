"""The cache's zlib streams (:mod:`rnq.extract.deflate`): ISA-L's when installed, the standard
library's otherwise, one format either way."""

from __future__ import annotations

import sqlite3
import sys
import zlib
from pathlib import Path

import pytest

from rnq.cache.store import Cache
from rnq.extract import Extractor, FileKey, deflate

from .test_cache import _workspace

_DATA = "Procédure de réclamation : délai de réponse 15 jours.\n".encode() * 400


def test_round_trip_and_the_standard_format() -> None:
    packed = deflate.compress(_DATA)
    assert len(packed) < len(_DATA) // 10
    assert deflate.decompress(packed) == _DATA
    assert zlib.decompress(packed) == _DATA  # what either library wrote, the other reads
    for level in (1, 6, 9):
        assert deflate.decompress(zlib.compress(_DATA, level)) == _DATA
    assert deflate.compress(b"") and deflate.decompress(deflate.compress(b"")) == b""


@pytest.mark.parametrize("damage", [b"garbage", None])
def test_a_damaged_stream_raises_a_known_error(damage: bytes | None) -> None:
    blob = damage if damage is not None else deflate.compress(_DATA)[:-7]  # truncated
    with pytest.raises(deflate.DECOMPRESS_ERRORS):
        deflate.decompress(blob)


def test_without_isal_the_standard_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "isal.isal_zlib", None)  # as if no wheel were installed
    compress, decompress, errors = deflate._load()
    assert (compress, decompress, errors) == (zlib.compress, zlib.decompress, (zlib.error,))


def test_isal_where_installed() -> None:
    try:
        import isal.isal_zlib  # noqa: F401
    except ImportError:
        pytest.skip("isal is not installed here")
    assert deflate.ISAL


def test_a_cache_written_by_the_standard_library_is_read(tmp_path: Path) -> None:
    """Streams of any zlib (here the standard library's, level 6) are read as they are: the
    library doing the work changes nothing stored, so no cache is reset for it."""
    items = _workspace(tmp_path / "ws", 8)
    db = tmp_path / "c.sqlite3"
    with Cache(db) as cache:
        Extractor(cache).run(items)
        first = Extractor(cache).run(items)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT rowid, data FROM extracts").fetchall()
        assert len(rows) == 8
        conn.executemany(
            "UPDATE extracts SET data = ? WHERE rowid = ?",
            [(zlib.compress(zlib.decompress(data), 6), rowid) for rowid, data in rows],
        )
    with Cache(db) as cache:
        extractor = Extractor(cache)
        again = extractor.run(items)
        assert extractor.stats.cached == 8
        assert again == first
        for rel, path in items:
            key = FileKey.of(path)
            assert key is not None
            assert cache.load(key, extractor.cache_version) == first[rel]
