"""The zlib streams the cache stores, made and read by ISA-L (the ``isal`` package) when it is
installed, by the standard library's :mod:`zlib` otherwise.

Both write and read the same format (RFC 1950), so a cache written by either is read by the
other and nothing stored changes with the library. ISA-L's level 1 compresses the extractions a
cold run stores about three times faster than zlib's level 1, to 6 % fewer bytes, and reads them
back twice as fast (pass 9a in ``docs/performance.md``): the workers pack every document they
read, so this is CPU taken from reading on every core.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable
from typing import Any

__all__ = ["DECOMPRESS_ERRORS", "ISAL", "compress", "decompress"]


def _load() -> tuple[
    Callable[[bytes, int], bytes], Callable[[bytes], bytes], tuple[type[Exception], ...]
]:
    try:  # imported by name: its stubs call its exception class an instance
        codec: Any = importlib.import_module("isal.isal_zlib")
    except ImportError:  # no wheel for this platform: the standard library, same format
        return zlib.compress, zlib.decompress, (zlib.error,)
    return codec.compress, codec.decompress, (zlib.error, codec.error)


_compress, decompress, DECOMPRESS_ERRORS = _load()
#: Whether ISA-L does the work.
ISAL = _compress is not zlib.compress
#: ``decompress`` reads a zlib stream; a damaged one raises one of :data:`DECOMPRESS_ERRORS`,
#: whichever library reads it.


def compress(data: bytes) -> bytes:
    """``data`` as a zlib stream at the fastest level that still compresses (1)."""
    return _compress(data, 1)
