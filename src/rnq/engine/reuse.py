"""Findings of an earlier run reused where nothing a check depends on changed (SPEC §8: the
re-run after one edit).

A quality officer's loop is « edit one file, run again »: at 50 000 files, running every check
again costs seconds where one or two targets changed. So each item (one check on one target,
:class:`~rnq.engine.items.Item`) gets a key made of what its findings depend on:

* the run's **base**: everything but the evidence files (the configuration, the dates, the
  options that shape the report, the code of rnq, of the plugins and of the workspace's
  checks, the plugins' outside sources: :func:`rnq.cache.runkey.run_keys`);
* the item itself: its check (name and source), its target, its indicators, its parameters;
* a **fingerprint of the evidence it can see**: its target's evidence (always: a finding lists
  it); its unit's and the central function's when it uses a fixture declared ``sees="unit"``
  (only their documents that belong to no offering for ``sees="unit_documents"``);
  every piece of evidence when a fixture it uses reads ``all_evidence``; the whole workspace's
  listing when it asks for ``workspace`` (it may look at files itself); and the declared
  folders that exist (the ``folders`` fixture).
* what it was **seen to read** as it ran: a check that asks for ``all_evidence`` often reads it
  only in some cases (the presence check, when its target has no evidence);
  :class:`WatchedEvidence` notes when it does, and the stored findings then carry the
  fingerprint of all the evidence, compared before they are reused.

An evidence fingerprint covers every field of the evidence and its content: the file's content
key (path, size, modification and change times, inode, extractor version) or, for a plugin's
record held in memory, its text and rows. Content checks' answers are a function of that
content and of the checks' code (in the base).

When an earlier run stored findings under the same key, they are the item's findings; only the
others run. The report is then the same, byte for byte, as a full run's
(``tests/test_rerun_items.py`` changes one thing at a time and compares with ``--no-cache``).
A run where a step ran out of time keeps nothing (the next run tries again).

The fingerprints an item depends on enter its key through their digest (:meth:`ItemMemo.seen`),
worked out once for the items of one target that depend on the same. The findings are kept by
**group** — the items of one target unit, and those of the whole run —, one cache row a group
(:class:`ItemMemo`): after an edit, about 20 rows are loaded and validated rather than 8 000,
and only the groups where an item ran are written back. :data:`ITEM_KEY_VERSION` is in every
key and every group's key: a cache written by another version is never read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import TypeAdapter
from pydantic_core import PydanticSerializationError

from rnq.collect.evidence import EvidenceSet
from rnq.engine.findings import Finding

if TYPE_CHECKING:
    from rnq.collect.evidence import Evidence
    from rnq.engine.items import Item

__all__ = ["ItemMemo", "WatchedEvidence", "evidence_fingerprint"]

_FINDINGS: TypeAdapter[list[Finding]] = TypeAdapter(list[Finding])
#: A group of items as stored: ``{item key: [seen, findings]}`` (``seen``: ``-``, or the
#: fingerprint of all the evidence when the item read it).
_GROUP: TypeAdapter[dict[str, tuple[str, list[Finding]]]] = TypeAdapter(
    dict[str, tuple[str, list[Finding]]]
)
#: Bump when what an item key covers, or how items' findings are stored, changes.
ITEM_KEY_VERSION = "5"
_first = itemgetter(0)


#: A piece of evidence's digest: 128 bits tell 50 000 pieces apart with room to spare, and the
#: file memo keeps one per file (``rnq.collect.filesystem.FileMemo.keep_digest``).
_DIGEST_BYTES = 16


def _digest(item: Evidence) -> str:
    """A stable digest of one piece of evidence, in hexadecimal: its fields and its content's
    identity."""
    private = item.__pydantic_private__ or {}
    content = private.get("_content_key")
    if content is None:  # a record held in memory (a plugin's, or a run without a cache)
        text, rows = (item.text, item.rows) if item.read == "ok" else (None, None)
        content = repr((text, rows))
    fields = repr(tuple(item.__dict__.values()))
    data = f"{fields}\x00{content}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=_DIGEST_BYTES).hexdigest()


def evidence_fingerprint(items: Iterable[Evidence], digests: dict[int, str]) -> str:
    """The fingerprint of ``items`` in order (``digests``: each piece's digest, by ``id``, filled
    as they are computed: a piece is digested once per run)."""
    each = []
    for item in items:
        one = digests.get(id(item))
        if one is None:
            one = digests[id(item)] = _digest(item)
        each.append(one)
    return hashlib.blake2b("".join(each).encode("ascii")).hexdigest()


class WatchedEvidence(EvidenceSet):
    """Every piece of evidence (the ``all_evidence`` fixture), noting when a check reads it:
    :attr:`seen` is set by any use (iterating, querying, counting). The run resets it before
    each item and again once the item's fixtures are resolved (what a fixture reads, it
    declares: its arguments, or ``sees``); when it is set after the check ran, the
    item's findings depend on all the evidence."""

    __slots__ = ()
    #: Set when the evidence is read (one run checks one item at a time).
    seen: ClassVar[list[bool]] = [False]

    def __init__(self, inner: EvidenceSet) -> None:
        super().__init__()
        object.__setattr__(self, "_items", tuple(inner))

    def __getattribute__(self, name: str) -> Any:
        WatchedEvidence.seen[0] = True
        return object.__getattribute__(self, name)


class ItemMemo:
    """The findings of earlier runs' items, by item key, and what this run adds.

    Items are kept by **group**: the items of one target unit (``""``: those of the whole
    run), one cache row a group, under :meth:`group_key` (the item key version, the run's base
    and the group). A row is one JSON document, ``{item key: [seen, findings]}``: after an edit,
    20 rows are loaded and validated in 20 calls, not 8 000 (one per item), and only the groups
    where something changed are written back.

    ``prefetch(groups)`` loads the groups' findings (one query); ``get`` gives an item's stored
    findings; ``keep`` remembers the findings of an item that ran; ``added`` gives the groups to
    write back once the run ended well — each with every item of this run in it, so that a
    group holds the items of its last run only.
    """

    def __init__(self, base: str, listing: str, load: Any = None) -> None:
        #: What every key starts from (the run's base key).
        self.base = base
        #: The workspace's listing (every file and its stat: the run key): what an item asking
        #: for ``workspace`` also depends on.
        self.listing = listing
        #: ``load(group keys) -> {group key: bytes}``: the stored groups (None: nothing is
        #: stored).
        self._load = load
        #: The stored findings of every loaded group's items, by item key: ``(seen, findings)``.
        self._found: dict[str, tuple[str, list[Finding]]] = {}
        #: The item keys each loaded group holds.
        self._stored: dict[str, frozenset[str]] = {}
        #: This run's items, by group: their key and findings, as stored (``bytes``: an item
        #: that ran) or as taken from the stored group.
        self._items: dict[str, dict[str, tuple[str, bytes | list[Finding]]]] = {}
        #: Groups where an item ran: written back.
        self._ran: set[str] = set()
        self.reused = 0
        self.ran = 0
        #: Each piece of evidence's digest, by ``id``: seeded with those an earlier run computed
        #: for files that did not change (see ``rnq.run``), filled with the others as the
        #: fingerprints need them.
        self.digests: dict[int, str] = {}
        #: The start of the keys of each check's items, by the check's ``id``.
        self._heads: dict[int, str] = {}

    def key(self, item: Item, seen: str) -> str:
        """The key of ``item``, whose findings depend on what ``seen`` digests (the
        fingerprints of the evidence it sees, :meth:`seen`)."""
        check = item.check
        head = self._heads.get(id(check))
        if head is None:  # what every item of the check starts with, joined once per check
            head = self._heads[id(check)] = "\x1f".join(
                (ITEM_KEY_VERSION, self.base, check.name, check.source)
            )
        unit, offering, params = item.unit, item.offering, item.params
        target = (unit.id if unit else None, offering.id if offering else None)
        values = repr(sorted(params.items(), key=_first)) if params else "[]"
        text = f"{head}\x1f{target!r}\x1f{item.indicators!r}\x1f{item.param_id or ''}\x1f{values}"
        data = f"{text}\x1f{seen}".encode("utf-8", "surrogatepass")
        # 128 bits, as an evidence digest: an item key is stored once per item in its group
        # (32 hexadecimal digits rather than 128: a tenth of a group's JSON)
        return hashlib.blake2b(data, digest_size=_DIGEST_BYTES).hexdigest()

    @staticmethod
    def seen(fingerprints: Iterable[str]) -> str:
        """What :meth:`key` takes of the ``fingerprints`` an item depends on: their digest,
        worked out once for the items that see the same."""
        text = "\x1f".join(fingerprints)  # the folders may have any name
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass")).hexdigest()

    def group_key(self, group: str) -> str:
        """The cache key of ``group``'s row: the version, the run's base and the group."""
        text = f"{ITEM_KEY_VERSION}\x1fgroup\x1f{self.base}\x1f{group}"
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass")).hexdigest()

    def prefetch(self, groups: Iterable[str]) -> None:
        """Load the findings stored for the items of ``groups`` (one query); a group that is
        damaged or does not read as this version's is left out (its items run again)."""
        if self._load is None:
            return
        wanted = {self.group_key(group): group for group in dict.fromkeys(groups)}
        for key, blob in self._load(list(wanted)).items():
            group = wanted.get(key)
            if group is None:
                continue
            try:
                stored = _GROUP.validate_json(blob)
            except ValueError:  # damaged or from another model: its items run again
                continue
            self._stored[group] = frozenset(stored)
            self._found.update(stored)

    def get(self, group: str, key: str, everything: Callable[[], str]) -> list[Finding] | None:
        """The findings stored for ``key`` (an item of ``group``), or None (not stored, no
        longer readable, or the item read every piece of evidence and some changed:
        ``everything()`` gives their fingerprint now)."""
        found = self._found.get(key)
        if found is None:
            return None
        seen, findings = found
        if seen != "-" and seen != everything():
            return None
        self._items.setdefault(group, {})[key] = (seen, findings)
        self.reused += 1
        return findings

    def keep(
        self, group: str, key: str, findings: list[Finding], everything: str | None = None
    ) -> None:
        """Remember ``findings`` for ``key``, an item of ``group`` that ran (written once the
        run ended well); ``everything``: the fingerprint of all the evidence, when the item read
        it."""
        self.ran += 1
        self._ran.add(group)
        items = self._items.setdefault(group, {})
        try:
            stored = _FINDINGS.dump_json(findings)
        except PydanticSerializationError:  # a lone surrogate from a file name: not kept
            items.pop(key, None)
            return
        items[key] = (everything or "-", stored)

    def added(self) -> Iterator[tuple[str, bytes]]:
        """The groups to write back, by group key: those where an item ran, or whose items are
        not those stored (an item added, gone, or a group not stored yet)."""
        for group, items in self._items.items():
            if group not in self._ran and self._stored.get(group) == items.keys():
                continue
            parts = []
            for key, (seen, findings) in items.items():
                if not isinstance(findings, bytes):
                    try:
                        findings = _FINDINGS.dump_json(findings)
                    except PydanticSerializationError:  # not kept: runs again next time
                        continue
                parts.append(b'"%s":["%s",%s]' % (key.encode(), seen.encode(), findings))
            yield self.group_key(group), b"{" + b",".join(parts) + b"}"
