"""Documents the cache holds whose stored answers are another version's (the first run after an
upgrade of the checks): their planned questions are answered in the workers, from the stored
text, as a cold run answers them, and no file is read again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rnq.cache.store import Cache
from rnq.extract import Extractor
from rnq.extract.packing import FileKey
from rnq.extract.store import stale
from rnq.match.questions import HAS_TEXT

from . import hooks

QUESTIONS = (r"\bhandicap\b", r"\bformation\w*", HAS_TEXT)


def _workspace(root: Path, n: int) -> list[tuple[str, Path]]:
    root.mkdir(parents=True, exist_ok=True)
    items = []
    for i in range(n):
        path = root / f"doc-{i:02d}.md"
        words = ["Référent handicap" if i % 2 else "Plan de formations", f"pièce {i}"]
        path.write_text("# " + "\n\n".join(words) + "\n", encoding="utf-8")
        items.append((path.name, path))
    return items


def _cold(cache: Cache, items: list[tuple[str, Path]]) -> tuple[dict[str, object], dict]:
    """A cold run's answers under facts version ``v1``, and the files' keys."""
    extractor = Extractor(cache, workers=2, inprocess_below=0)
    extractor.run(items, questions=dict.fromkeys(dict(items), QUESTIONS), facts_version="v1")
    assert extractor.stats.extracted == len(items)
    keys = {rel: FileKey.of(path) for rel, path in items}
    return dict(extractor.facts), keys


@pytest.mark.parametrize("inprocess_below", [0, 16], ids=["workers", "in-process"])
def test_stale_answers_are_given_again_from_the_stored_text(
    tmp_path: Path, inprocess_below: int
) -> None:
    items = _workspace(tmp_path / "ws", 12)
    cache = Cache(tmp_path / "cache.sqlite3")
    answered, keys = _cold(cache, items)
    assert answered and all(answered[rel] for rel, _ in items)
    questions = dict.fromkeys(keys, QUESTIONS)

    # an upgrade: the stored answers are v1's, the checks now v2
    upgraded = Extractor(
        cache, workers=2, inprocess_below=inprocess_below, extract=hooks.unreadable
    )
    stored = cache.get_stored([k for k in keys.values() if k], upgraded.cache_version, "v2")
    assert len(stored) == len(items) and not any(hit.facts for hit in stored.values())
    again = stale(keys, stored, questions)
    assert [rel for rel, _key in again] == [rel for rel, _ in items]

    assert upgraded.run([], questions=questions, facts_version="v2", stale=again) == {}
    assert upgraded.stats.in_process == bool(inprocess_below)
    assert upgraded.stats.extracted == 0  # no file read (reading one fails here)
    assert upgraded.stats.answered == len(items)
    assert upgraded.facts == answered
    # stored for v2, the texts as they were
    again_stored = cache.get_stored(list(stored), upgraded.cache_version, "v2")
    assert {key.path: hit.facts for key, hit in again_stored.items()} == {
        key.path: answered[rel] for rel, key in keys.items() if key
    }
    assert all(cache.load(key, upgraded.cache_version) for key in again_stored)
    cache.close()


@pytest.mark.parametrize("inprocess_below", [0, 32], ids=["workers", "in-process"])
def test_a_document_gone_from_the_cache_is_read_again(tmp_path: Path, inprocess_below: int) -> None:
    items = _workspace(tmp_path / "ws", 20)
    cache = Cache(tmp_path / "cache.sqlite3")
    answered, keys = _cold(cache, items)
    questions = dict.fromkeys(keys, QUESTIONS)
    upgraded = Extractor(cache, workers=2, inprocess_below=inprocess_below)
    stored = cache.get_stored([k for k in keys.values() if k], upgraded.cache_version, "v2")
    again = stale(keys, stored, questions)
    gone = keys["doc-03.md"]
    assert gone is not None
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        db.execute("DELETE FROM extracts WHERE path = ?", (gone.path,))

    upgraded.run([], questions=questions, facts_version="v2", stale=again)
    assert upgraded.stats.in_process == bool(inprocess_below)
    assert upgraded.facts == answered  # doc-03 read again, the others loaded
    cache.close()


def test_documents_with_current_or_no_planned_questions_are_not_answered_again(
    tmp_path: Path,
) -> None:
    items = _workspace(tmp_path / "ws", 4)
    cache = Cache(tmp_path / "cache.sqlite3")
    _answered, keys = _cold(cache, items)
    version = Extractor(cache).cache_version
    stored_keys = [k for k in keys.values() if k]
    current = cache.get_stored(stored_keys, version, "v1")
    assert stale(keys, current, dict.fromkeys(keys, QUESTIONS)) == []
    outdated = cache.get_stored(stored_keys, version, "v2")
    planned = {"doc-00.md": QUESTIONS, "doc-01.md": ()}
    assert [rel for rel, _key in stale(keys, outdated, planned)] == ["doc-00.md"]
    cache.close()
