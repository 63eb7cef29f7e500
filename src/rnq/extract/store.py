"""The documents of one run: what was read, kept in the cache rather than in memory.

:class:`DocumentStore` reads a workspace's files through the :class:`~rnq.extract.Extractor`
and its :class:`~rnq.extract.Cache`, and hands back, for each file, its extraction *without*
text and rows, a loader for them, a content key and the answers content checks already gave
about it (``facts``). So:

* a warm run (nothing changed) opens no document: one ``stat`` and one indexed lookup per file,
  and the checks answer from the stored facts;
* a cold run does not hold 50 000 texts in memory: each is written to the cache as it arrives
  and read back on demand, the last few kept in a bounded memory cache (:data:`KEEP_CHARS`).

Without a cache (``use_cache=False`` or a cache that could not be opened) texts stay in memory,
as small jobs and tests expect.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rnq.extract.dispatch import extract_file
from rnq.extract.model import Extraction, content_weight
from rnq.extract.packing import ExtractionCache, FileKey, Stored
from rnq.extract.pool import Extractor

__all__ = ["KEEP_CHARS", "Document", "DocumentStore", "LazyFacts", "stale"]

Rows = tuple[tuple[str, ...], ...]
Content = tuple[str | None, Rows | None]

#: Loaded content kept in memory between accesses, in characters of text plus an estimate of
#: the memory rows take (:func:`~rnq.extract.model.content_weight`: a cell costs far more than
#: its characters).
KEEP_CHARS = 24_000_000
#: Documents whose stored answers are loaded together (:meth:`DocumentStore._stored_facts`).
FACTS_BATCH = 256


@dataclass(slots=True)
class Document:
    """One file of the run: its extraction (text and rows left out when ``loader`` is set)."""

    extraction: Extraction
    loader: Callable[[], Content] | None = None
    content_key: str | None = None
    facts: dict[str, Any] | None = None
    #: The digest of what reading the file gave, when this run read it and the cache keeps it
    #: (the file memo keeps it for the next run: :meth:`DocumentStore.recall`).
    content: str | None = None


class LazyFacts(dict[str, Any]):
    """A document's stored answers, loaded from the cache on first use: a run after an edit
    runs again the checks of a few targets only, and needs the answers of their documents
    only."""

    __slots__ = ("_load", "loaded")

    def __init__(self, load: Callable[[], Mapping[str, Any]]) -> None:
        super().__init__()
        self._load: Callable[[], Mapping[str, Any]] | None = load
        #: How many answers were loaded (None until they are).
        self.loaded: int | None = None

    def _fill(self) -> None:
        load = self._load
        if load is not None:
            self._load = None
            self.update(load())
            self.loaded = dict.__len__(self)

    def preset(self, facts: Mapping[str, Any]) -> None:
        """Take ``facts`` as the stored answers, loaded with another document's (the loader is
        then never called); nothing if they are loaded already."""
        if self._load is not None:
            self._load = None
            self.update(facts)
            self.loaded = dict.__len__(self)

    def __contains__(self, key: object) -> bool:
        self._fill()
        return dict.__contains__(self, key)

    def __getitem__(self, key: str) -> Any:
        self._fill()
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        self._fill()
        return dict.get(self, key, default)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def __iter__(self) -> Any:
        self._fill()
        return dict.__iter__(self)

    def items(self) -> Any:
        self._fill()
        return dict.items(self)

    def keys(self) -> Any:
        self._fill()
        return dict.keys(self)

    def values(self) -> Any:
        self._fill()
        return dict.values(self)

    def __bool__(self) -> bool:
        self._fill()
        return dict.__len__(self) > 0


def stale(
    keys: Mapping[str, FileKey | None],
    stored: Mapping[FileKey, Stored],
    questions: Mapping[str, tuple[str, ...]],
) -> list[tuple[str, FileKey]]:
    """The files of ``keys`` whose extraction the cache holds (``stored``) with content but no
    answers of the current checks' version (after an upgrade, every one of them), and that are
    planned ``questions``: ``(relative path, key)``, for :meth:`Extractor.run`'s ``stale``."""
    again = []
    for rel, key in keys.items():
        hit = stored.get(key) if key is not None else None
        if (
            hit is not None
            and key is not None
            and hit.has_content
            and not hit.facts
            and questions.get(rel)
        ):
            again.append((rel, key))
    return again


def _content_key(key: FileKey, version: str, content: str | None = None) -> str:
    """What identifies a file's content across runs (:attr:`Evidence.content_key
    <rnq.collect.evidence.Evidence.content_key>`): the digest of what reading it gave
    (``content``: :attr:`~rnq.extract.packing.Packed.content`) and the extractor's version, so
    that a file written again with the same content (a ``touch``, a checkout, a copy kept
    with its content) has the same key and the checks that read it are not run again; without
    that digest (a reading the cache did not keep: a timeout, a failure), its ``stat`` key and
    the extractor's version. The two forms never meet: a digest key starts with NUL."""
    if content is not None:
        return f"\x00{content}\x1f{version}"
    path, size, mtime_ns, inode, ctime_ns = key
    return f"{path}\x1f{size}\x1f{mtime_ns}\x1f{inode}\x1f{ctime_ns}\x1f{version}"


class DocumentStore:
    """Reads files (see the module docstring); :meth:`save_facts` then :meth:`close`."""

    def __init__(
        self, cache: ExtractionCache | None, workers: int | None, facts_version: str
    ) -> None:
        self.cache = cache
        self.extractor = Extractor(cache=cache, workers=workers)
        self.facts_version = facts_version
        self._kept: OrderedDict[FileKey, Content] = OrderedDict()
        self._kept_chars = 0
        self._facts: list[tuple[FileKey, dict[str, Any], int]] = []
        #: The recalled documents' answers not loaded yet, in the files' order, and each one's
        #: place (worked out when a first one is loaded).
        self._pending: list[tuple[FileKey, LazyFacts]] = []
        self._positions: dict[FileKey, int] | None = None
        self._version: str | None = None  # the extractor's cache version (:meth:`recall`)

    def read(
        self,
        files: Sequence[tuple[str, str | Path]],
        questions: Mapping[str, tuple[str, ...]] | None = None,
        stats: Mapping[str, tuple[int, int, int, int]] | None = None,
    ) -> dict[str, Document]:
        """``{relative path: Document}`` for ``files`` (relative path, absolute path: a string
        is taken as normalized already, what :func:`os.path.abspath` gives).

        ``questions``: per relative path, what the workers answer about a file they read
        (:meth:`Extractor.run`); the answers start the document's ``facts``. ``stats``: the
        files' ``(size, mtime_ns, inode, ctime_ns)`` from the walk, by relative path (no second
        ``stat``). A file an earlier run read as it is now is recalled instead
        (:meth:`recall`).

        A file the cache holds without answers of this checks' version (:func:`stale`: the
        first run after an upgrade) is not read again, but its planned questions are answered
        in the workers, from its stored text, as a cold run answers them, and stored."""
        version = self.extractor.cache_version
        stats = stats or {}
        cache = self.cache
        keys = {rel: FileKey.of(path, stats.get(rel)) for rel, path in files}
        stored = (
            cache.get_stored(
                [k for k in keys.values() if k is not None], version, self.facts_version
            )
            if cache is not None
            else {}
        )
        todo = [(rel, path) for rel, path in files if keys[rel] not in stored]
        again = stale(keys, stored, questions) if questions is not None else []
        extracted = self.extractor.run(
            todo,
            lean=True,
            questions=questions,
            facts_version=self.facts_version,
            stale=again,
            keys=[keys[rel] for rel, _path in todo],  # the walk's stat: no second one per file
        )
        answered, contents = self.extractor.facts, self.extractor.contents
        documents: dict[str, Document] = {}
        for rel, _path in files:
            key = keys[rel]
            hit = stored.get(key) if key is not None else None
            if hit is not None and key is not None:
                extraction, has_content, facts, content = hit
                if not facts:  # stale: answered again (in the cache already)
                    facts = answered.get(rel, facts)
            else:
                extraction, content = extracted[rel], contents.get(rel)
                has_content = extraction.status == "ok" and not (
                    extraction.text or extraction.rows is not None
                )
                facts = answered.get(rel, {})  # in the cache already, with the extraction
            # A text left in the cache is read back on demand (or the file again, should the
            # cache have failed since).
            loader = self._loader(key) if has_content and key is not None else None
            if key is None or cache is None or not cache.enabled:
                documents[rel] = Document(extraction, loader, facts=facts or None)
                continue
            self._facts.append((key, facts, len(facts)))
            content_key = _content_key(key, version, content)
            documents[rel] = Document(extraction, loader, content_key, facts, content)
        return documents

    def recall(
        self, files: Iterable[tuple[str, Sequence[int], bool, str | None]]
    ) -> Iterator[tuple[Callable[[], Content] | None, str, LazyFacts]]:
        """The loader, content key and answers of each of ``files`` an earlier run read as they
        are now (their ``stat``, the same extractor: :class:`rnq.collect.filesystem.FileMemo`),
        in their order: ``files`` are ``(normalized absolute path, stat, has content, content
        digest)``, where ``has content`` says the text and rows are in the cache (the loader is
        None otherwise) and the digest is :attr:`Document.content` when that run had one.
        50 000 of them after one edit, in one loop, each without a cache row; the answers are
        loaded when a check first asks (:class:`LazyFacts`), with those of the documents
        recalled after it: recall them in the files' order."""
        version = self._version
        if version is None:
            version = self._version = self.extractor.cache_version
        make_key = tuple.__new__  # :class:`FileKey` without its ``__new__`` in Python
        content, stored = self._content, self._stored_facts
        add_facts, add_pending = self._facts.append, self._pending.append
        partial = functools.partial
        try:
            for absolute, (size, mtime_ns, inode, ctime_ns), has_content, digest in files:
                key: FileKey = make_key(FileKey, (absolute, size, mtime_ns, inode, ctime_ns))
                lazy = LazyFacts(partial(stored, key))
                add_facts((key, lazy, -1))
                add_pending((key, lazy))
                # :func:`_content_key`, inline
                if digest is not None:
                    content_key = f"\x00{digest}\x1f{version}"
                else:
                    content_key = f"{absolute}\x1f{size}\x1f{mtime_ns}\x1f{inode}\x1f{ctime_ns}"
                    content_key += f"\x1f{version}"
                yield partial(content, key) if has_content else None, content_key, lazy
        finally:
            self._positions = None  # worked out again with these documents

    def _stored_facts(self, key: FileKey) -> Mapping[str, Any]:
        """The answers stored for ``key``'s document, loaded with those of the documents
        recalled after it (:data:`FACTS_BATCH`): a check reads a target's documents in that
        order, so 3 000 documents of a unit cost a dozen queries, not 3 000."""
        if self.cache is None:
            return {}
        if self._positions is None:
            self._positions = {k: i for i, (k, _lazy) in enumerate(self._pending)}
        start = self._positions.get(key)
        batch = [] if start is None else self._pending[start + 1 : start + FACTS_BATCH]
        neighbours = [(k, lazy) for k, lazy in batch if lazy.loaded is None]
        found = self.cache.get_facts(
            [key, *(k for k, _lazy in neighbours)],
            self.extractor.cache_version,
            self.facts_version,
        )
        for other, lazy in neighbours:
            lazy.preset(found.get(other, {}))
        return found.get(key, {})

    def _loader(self, key: FileKey) -> Callable[[], Content]:
        return functools.partial(self._content, key)

    def _content(self, key: FileKey) -> Content:
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        found = self.cache.load(key, self.extractor.cache_version) if self.cache else None
        if found is None:  # the entry is gone or damaged: read the file again
            found = extract_file(Path(key.path), self.extractor.limits)
        content: Content = (found.text or None, found.rows)
        self._kept[key] = content
        self._kept_chars += content_weight(*content)
        while self._kept_chars > KEEP_CHARS and len(self._kept) > 1:
            _, dropped = self._kept.popitem(last=False)
            self._kept_chars -= content_weight(*dropped)
        return content

    def save_facts(self) -> None:
        """Write the new answers content checks gave back to the cache, for the next run."""
        if self.cache is None:
            return
        changed = [
            (key, facts)
            for key, facts, before in self._facts
            if (facts.loaded if isinstance(facts, LazyFacts) else before) is not None
            and len(facts) != (facts.loaded if isinstance(facts, LazyFacts) else before)
        ]
        if changed:
            self.cache.put_facts(changed, self.extractor.cache_version, self.facts_version)

    def release(self) -> None:
        """Drop what the store keeps in memory (loaded texts, the facts to save): the run is
        over. Loaders called afterwards still work: they read the cache again."""
        self._kept.clear()
        self._kept_chars = 0
        self._facts = []
        self._pending = []
        self._positions = None

    def close(self) -> None:
        """Close the cache."""
        if self.cache is not None:
            self.cache.close()
