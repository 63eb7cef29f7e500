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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rnq.extract.dispatch import extract_file
from rnq.extract.model import Extraction, content_weight
from rnq.extract.packing import ExtractionCache, FileKey
from rnq.extract.pool import Extractor

__all__ = ["KEEP_CHARS", "Document", "DocumentStore"]

Rows = tuple[tuple[str, ...], ...]
Content = tuple[str | None, Rows | None]

#: Loaded content kept in memory between accesses, in characters of text plus an estimate of
#: the memory rows take (:func:`~rnq.extract.model.content_weight`: a cell costs far more than
#: its characters).
KEEP_CHARS = 24_000_000


@dataclass
class Document:
    """One file of the run: its extraction (text and rows left out when ``loader`` is set)."""

    extraction: Extraction
    loader: Callable[[], Content] | None = None
    content_key: str | None = None
    facts: dict[str, Any] | None = None


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

    def read(
        self,
        files: Sequence[tuple[str, Path]],
        questions: Mapping[str, tuple[str, ...]] | None = None,
    ) -> dict[str, Document]:
        """``{relative path: Document}`` for ``files`` (relative path, absolute path).

        ``questions``: per relative path, what the workers answer about a file they read
        (:meth:`Extractor.run`); the answers start the document's ``facts``."""
        version = self.extractor.cache_version
        keys = {rel: FileKey.of(path) for rel, path in files}
        cache = self.cache
        stored = (
            cache.get_stored(
                [k for k in keys.values() if k is not None], version, self.facts_version
            )
            if cache is not None
            else {}
        )
        todo = [(rel, path) for rel, path in files if keys[rel] not in stored]
        extracted = self.extractor.run(
            todo, lean=True, questions=questions, facts_version=self.facts_version
        )
        answered = self.extractor.facts
        documents: dict[str, Document] = {}
        for rel, _path in files:
            key = keys[rel]
            hit = stored.get(key) if key is not None else None
            if hit is not None and key is not None:
                extraction, has_content, facts = hit
            else:
                extraction = extracted[rel]
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
            content_key = (*map(str, key), version)
            documents[rel] = Document(extraction, loader, "\x1f".join(content_key), facts)
        return documents

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
        changed = [(key, facts) for key, facts, before in self._facts if len(facts) != before]
        if changed:
            self.cache.put_facts(changed, self.extractor.cache_version, self.facts_version)

    def release(self) -> None:
        """Drop what the store keeps in memory (loaded texts, the facts to save): the run is
        over. Loaders called afterwards still work: they read the cache again."""
        self._kept.clear()
        self._kept_chars = 0
        self._facts = []

    def close(self) -> None:
        """Close the cache."""
        if self.cache is not None:
            self.cache.close()
