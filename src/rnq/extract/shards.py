"""Memos kept in shards: what a run remembers of each file (:class:`rnq.collect.filesystem.
FileMemo`) is stored in :data:`MEMO_SHARDS` parts by path, so a run after one edit writes back
the part holding that file, not 50 000 entries."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any

__all__ = ["MEMO_SHARDS", "ShardedMemo", "changed_shards", "memo_shard"]

#: The shards a memo is kept in.
MEMO_SHARDS = 64


def memo_shard(path: str) -> int:
    """The shard ``path`` belongs to (the same across runs and machines)."""
    return zlib.crc32(path.encode("utf-8", "surrogatepass")) % MEMO_SHARDS


def changed_shards(known: Mapping[str, Any], current: Mapping[str, Any]) -> set[int]:
    """The shards whose entries differ between what was loaded (``known``) and this run's
    (``current``): an entry kept as it was is the same object, a new one is not; a file gone
    changes its shard too."""
    shards = {memo_shard(p) for p, entry in current.items() if known.get(p) is not entry}
    shards |= {memo_shard(p) for p in known.keys() - current.keys()}
    return shards


class ShardedMemo:
    """What an earlier run remembered of each file (``known``, JSON-able entries by path, as
    the cache keeps them) and this run's entries (:attr:`current`, filled as files are seen:
    an entry kept as it was is the same object)."""

    def __init__(self, known: Mapping[str, list[Any]] | None = None) -> None:
        self.known: dict[str, list[Any]] = dict(known or {})
        #: The entries of this run's files, as the next run will read them.
        self.current: dict[str, list[Any]] = {}

    def changed(self) -> set[int]:
        """The shards the next run would read differently from what this one read."""
        return changed_shards(self.known, self.current)
