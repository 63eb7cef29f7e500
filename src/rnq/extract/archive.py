"""Zip archives (OOXML, ODF) opened behind a zip-bomb guard, and their XML parsed safely.

Two guards, because declared sizes can lie:

* before anything is read, :class:`SafeZip` checks ``infolist()``: number of members, total
  declared uncompressed size, and the compression ratio of each member above 1 MiB;
* every member is then read through a counter that stops at the same limits on the bytes
  actually inflated (CPython's ``zipfile`` also stops at the declared size and raises
  ``BadZipFile: Bad CRC-32``; python-calamine refuses a member larger than declared).

XML is parsed with ``defusedxml`` with DTDs forbidden: office files never carry one, so any
``<!DOCTYPE``/``<!ENTITY`` (billion laughs, external entities) is refused at once.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import defusedxml.ElementTree as SafeET

from rnq.extract.limits import MIB, ExtractLimits
from rnq.extract.model import ExtractFailure

__all__ = ["SafeZip", "iter_xml"]

_RATIO_FLOOR = MIB  # small members may compress very well (a blank sheet): not suspicious


def _bomb(detail_fr: str, detail_en: str) -> ExtractFailure:
    return ExtractFailure(
        f"archive refusée (bombe zip possible) : {detail_fr}",
        f"archive refused (possible zip bomb): {detail_en}",
    )


class _CountingReader:
    """A member stream that fails once it has inflated more than the archive may."""

    def __init__(self, raw: IO[bytes], owner: SafeZip, info: zipfile.ZipInfo) -> None:
        self._raw = raw
        self._owner = owner
        self._info = info
        self._read = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._read += len(data)
        self._owner.account(len(data))
        limit = self._owner.limits.max_compression_ratio * max(self._info.compress_size, 1)
        if self._read > _RATIO_FLOOR and self._read > limit:
            raise _bomb(
                f"{self._info.filename} se décompresse au-delà du taux autorisé",
                f"{self._info.filename} inflates beyond the allowed ratio",
            )
        return data

    def close(self) -> None:
        self._raw.close()


class SafeZip:
    """A zip archive whose declared sizes passed the guard; use as a context manager."""

    def __init__(self, path: Path, limits: ExtractLimits) -> None:
        self.limits = limits
        self._inflated = 0
        self._zip = zipfile.ZipFile(path)
        try:
            self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise
        self.names = frozenset(self._zip.namelist())

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self.limits
        if len(infos) > limits.max_zip_members:
            raise _bomb(
                f"{len(infos)} éléments (limite {limits.max_zip_members})",
                f"{len(infos)} members (limit {limits.max_zip_members})",
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            raise _bomb(
                f"{total // MIB} Mio déclarés une fois décompressée "
                f"(limite {limits.max_uncompressed_bytes // MIB} Mio)",
                f"{total // MIB} MiB declared uncompressed "
                f"(limit {limits.max_uncompressed_bytes // MIB} MiB)",
            )
        for info in infos:
            ratio_limit = limits.max_compression_ratio * max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and info.file_size > ratio_limit:
                raise _bomb(
                    f"taux de compression de {info.filename} supérieur à "
                    f"{limits.max_compression_ratio}",
                    f"compression ratio of {info.filename} above {limits.max_compression_ratio}",
                )

    def account(self, n: int) -> None:
        """Count ``n`` more inflated bytes against the archive's total."""
        self._inflated += n
        if self._inflated > self.limits.max_uncompressed_bytes:
            raise _bomb(
                "plus de données décompressées que la limite",
                "more inflated data than the limit",
            )

    def open(self, name: str) -> _CountingReader:
        """A counted stream over member ``name``."""
        info = self._zip.getinfo(name)
        return _CountingReader(self._zip.open(info), self, info)

    def read(self, name: str) -> bytes:
        """The whole (counted) content of member ``name``."""
        stream = self.open(name)
        try:
            return stream.read()
        finally:
            stream.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._zip.close()


def iter_xml(zf: SafeZip, name: str, events: tuple[str, ...] = ("end",)) -> Iterator[Any]:
    """``(event, element)`` pairs of member ``name``, parsed with DTDs and entities refused."""
    stream = zf.open(name)
    try:
        yield from SafeET.iterparse(stream, events=events, forbid_dtd=True)
    finally:
        stream.close()
