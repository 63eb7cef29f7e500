"""How one extraction is identified and packed for storage, and what a store of extractions
must offer (:class:`ExtractionCache`; the SQLite one is :class:`rnq.cache.store.Cache`).

Extraction workers pack what they read (:func:`pack`) so that a document's text crosses to the
parent process compressed, or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from rnq.extract.deflate import compress
from rnq.extract.model import Extraction
from rnq.text import Localized

__all__ = [
    "ExtractionCache",
    "FileKey",
    "Packed",
    "Stored",
    "compressed_json",
    "content_digest",
    "pack",
]


class FileKey(NamedTuple):
    """What identifies one version of a file: absolute path and its ``stat`` fingerprint.

    The change time (``ctime_ns``) is part of it: every write changes it, and unlike the
    modification time nothing can set it back (``touch -r``, ``cp -p`` and archives restore
    mtimes), so a file edited in place to the same size is never mistaken for the version
    read before."""

    path: str
    size: int
    mtime_ns: int
    inode: int
    ctime_ns: int

    @classmethod
    def of(cls, path: str | Path, stat: tuple[int, int, int, int] | None = None) -> FileKey | None:
        """The key of ``path`` from one ``os.stat`` (None if it cannot be stat-ed), or from
        ``stat`` when the walk already took it (``(size, mtime_ns, inode, ctime_ns)``)."""
        if stat is not None:
            return cls(os.path.abspath(path), *stat)
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        return cls(
            os.path.abspath(path), info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns
        )


class Stored(NamedTuple):
    """What the cache knows of one file without reading its text: the extraction with its
    ``text`` and ``rows`` left out, whether it has any, the answers content checks already
    gave about it (``facts``, for the current checks' version; empty otherwise), and the digest
    of what reading it gave (:attr:`Packed.content`; None when unknown)."""

    extraction: Extraction
    has_content: bool
    facts: dict[str, Any]
    content: str | None = None


def _meta(extraction: Extraction) -> str:
    return extraction.model_copy(update={"text": "", "rows": None}).model_dump_json()


class Packed(NamedTuple):
    """One extraction as the cache stores it (:func:`pack`): made where the document was read,
    so that its text crosses to the parent process compressed, or not at all."""

    #: The whole extraction as JSON, zlib-compressed (:func:`rnq.extract.deflate.compress`).
    data: bytes
    #: The extraction without text and rows, as JSON.
    meta: str
    #: The answers content checks get about it (:mod:`rnq.match.questions`), compressed JSON.
    facts: bytes | None
    #: The bytes it stores (to size the parent's cache transactions): free to count, where the
    #: memory of its text and rows (:func:`~rnq.extract.model.content_weight`) cost the
    #: workers ≈ 1.5 s per 50 000 files.
    weight: int
    #: What the extraction holds, as a digest of ``data`` (:func:`content_digest`): the same
    #: for a file written again with the same content (a ``touch``, a checkout, a
    #: synchronisation), so that the checks that read it are not run again (the content key of
    #: :mod:`rnq.extract.store`).
    content: str


def compressed_json(value: Any) -> bytes:
    return compress(json.dumps(value, separators=(",", ":")).encode())


def pack(extraction: Extraction, facts: dict[str, Any] | None = None) -> Packed:
    """``extraction`` (and the ``facts`` answered about it) ready for :meth:`Cache.put_packed`."""
    # the bytes model_dump_json decodes: not decoded to be encoded again
    data = compress(extraction.__pydantic_serializer__.to_json(extraction))
    meta = _meta(extraction)
    packed_facts = compressed_json(facts) if facts else None
    weight = len(data) + len(meta) + len(packed_facts or b"")
    return Packed(data, meta, packed_facts, weight, content_digest(data))


def content_digest(data: bytes) -> str:
    """The digest of a packed extraction's ``data`` (:attr:`Packed.content`): equal digests,
    equal extractions (a zlib stream is decompressed to one text only)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ExtractionCache(Protocol):
    """What the extractor asks of a cache of extractions (:class:`rnq.cache.store.Cache`)."""

    problem: Localized | None

    @property
    def enabled(self) -> bool:
        """Whether the cache is in use."""

    def get_many(self, keys: Sequence[FileKey], version: str) -> dict[FileKey, Extraction]:
        """The cached extractions of ``keys`` (text and rows included)."""

    def get_stored(
        self, keys: Sequence[FileKey], version: str, facts_version: str
    ) -> dict[FileKey, Stored]:
        """What is known of ``keys`` without their text."""

    def get_facts(
        self, keys: Sequence[FileKey], version: str, facts_version: str
    ) -> dict[FileKey, dict[str, Any]]:
        """The answers stored for ``keys`` (``get_stored``'s ``facts`` alone)."""

    def load(self, key: FileKey, version: str) -> Extraction | None:
        """The whole cached extraction of ``key``, or None."""

    def reader(self, version: str) -> Callable[[FileKey], Extraction | None] | None:
        """A picklable function loading a key's whole extraction (:meth:`load`) in a worker
        process, or None when workers cannot read the cache (they then read the file)."""

    def put_packed(
        self,
        entries: Iterable[tuple[FileKey, Packed]],
        version: str,
        facts_version: str | None = None,
    ) -> None:
        """Store packed ``entries``."""

    def put_facts(
        self, entries: Iterable[tuple[FileKey, dict[str, Any]]], version: str, facts_version: str
    ) -> None:
        """Record the answers content checks gave about files already in the cache."""

    def close(self) -> None:
        """Close the cache."""
