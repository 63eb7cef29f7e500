"""Files read while the run collects (rnq.extract.early): the largest PDF and Word files are read
in one worker, kept in the cache without answers when the collection ends, and the reading
phase answers them from the stored text without reading them again; a stop never waits for a
document that hangs, and what timed out is left to the reading phase."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rnq.cache.store import Cache
from rnq.extract import ExtractLimits, Extractor, extract_file
from rnq.extract.early import ENV_OFF, MOST, EarlyReading, candidates, wanted
from rnq.extract.packing import FileKey
from rnq.extract.store import stale
from rnq.match.questions import HAS_TEXT

from . import files, hooks

QUESTIONS = (r"\bhandicap\b", r"\bformation\w*", HAS_TEXT)


def _documents(root: Path, n: int) -> list[tuple[str, FileKey]]:
    """``n`` PDF and Word files, each saying something a question asks about."""
    root.mkdir(parents=True, exist_ok=True)
    items = []
    for i in range(n):
        words = [f"Pièce {i}", "Référent handicap" if i % 2 else "Plan de formations"]
        if i % 3:
            path = root / f"doc-{i:02d}.pdf"
            path.write_bytes(files.pdf_bytes(words))
        else:
            path = files.write_docx(root / f"doc-{i:02d}.docx", words)
        key = FileKey.of(path)
        assert key is not None
        items.append((path.name, key))
    return items


def test_the_candidates_are_the_largest_pdf_and_word_files() -> None:
    stats = {
        "a.pdf": (10, 1, 1, 1),
        "b.DOCX": (30, 1, 2, 1),
        "c.md": (99, 1, 3, 1),  # read cheaply, and maybe rnq's own report
        "d.html": (500, 1, 4, 1),
        "e.pdf": (20, 1, 5, 1),
    }
    relatives = [*stats, "gone.pdf"]  # gone: not stat-ed
    asked: list[str] = []

    def path_of(rel: str) -> str:
        asked.append(rel)
        return f"/ws/{rel}"

    chosen = candidates(relatives, stats, path_of)
    assert chosen == [
        ("b.DOCX", FileKey("/ws/b.DOCX", 30, 1, 2, 1)),
        ("e.pdf", FileKey("/ws/e.pdf", 20, 1, 5, 1)),
        ("a.pdf", FileKey("/ws/a.pdf", 10, 1, 1, 1)),
    ]
    assert sorted(asked) == ["a.pdf", "b.DOCX", "e.pdf"]  # the chosen only are located
    assert candidates(relatives, stats, path_of, most=1) == chosen[:1]
    assert MOST >= 1000


def test_what_is_read_early_is_kept_without_answers_and_never_read_again(
    tmp_path: Path,
) -> None:
    items = _documents(tmp_path / "ws", 10)
    cache = Cache(tmp_path / "cache.sqlite3")
    extractor = Extractor(cache, workers=2)
    reading = EarlyReading(cache, items, extractor=extractor)
    assert reading.start()
    assert reading.wait(60)
    assert reading.read == len(items)
    assert reading.stop() == len(items)
    assert reading.stop() == 0  # stopped already: nothing more

    keys = dict(items)
    stored = cache.get_stored(list(keys.values()), extractor.cache_version, "v1")
    assert set(stored) == set(keys.values())
    assert not any(hit.facts for hit in stored.values())  # kept without answers
    for key in keys.values():
        assert cache.load(key, extractor.cache_version) == extract_file(Path(key.path))

    # the reading phase: answered from the stored text, no file read (reading one fails here)
    questions = dict.fromkeys(keys, QUESTIONS)
    again = stale(keys, stored, questions)
    assert [rel for rel, _key in again] == [rel for rel, _key in items]
    phase = Extractor(cache, workers=2, inprocess_below=0, extract=hooks.unreadable)
    assert phase.run([], questions=questions, facts_version="v1", stale=again) == {}
    assert phase.stats.extracted == 0
    assert phase.stats.answered == len(items)

    # the same answers as a cold run's, which reads the files while answering
    cold = Extractor(Cache(tmp_path / "other.sqlite3"), workers=2, inprocess_below=0)
    paths = [(rel, Path(key.path)) for rel, key in items]
    cold.run(paths, questions=questions, facts_version="v1")
    assert phase.facts == cold.facts
    assert all(phase.facts[rel] for rel, _key in items)
    cache.close()


def test_a_stop_does_not_wait_for_a_document_that_hangs(tmp_path: Path) -> None:
    items = _documents(tmp_path / "ws", 4)  # one batch, then the stuck one alone
    stuck = tmp_path / "ws" / "stuck.pdf"  # deaf to signals, as native code would be
    stuck.write_bytes(files.pdf_bytes(["bloqué"]))
    key = FileKey.of(stuck)
    assert key is not None
    items.append(("stuck.pdf", key))
    cache = Cache(tmp_path / "cache.sqlite3")
    extractor = Extractor(cache, workers=2, limits=ExtractLimits(timeout_s=30))
    reading = EarlyReading(cache, items, extractor=extractor, extract=hooks.misbehave)
    assert reading.start()
    deadline = time.monotonic() + 60
    while reading.read < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reading.read == 4
    assert not reading.wait(0.3)  # still stuck
    started = time.monotonic()
    assert reading.stop() == 4
    assert time.monotonic() - started < 5  # the grace, then the worker is killed
    stored = cache.get_stored([k for _rel, k in items], extractor.cache_version, "v1")
    assert key not in stored and len(stored) == 4
    assert reading.failure is None
    cache.close()


def test_a_document_that_times_out_is_left_to_the_reading_phase(tmp_path: Path) -> None:
    items = _documents(tmp_path / "ws", 2)
    slow = tmp_path / "ws" / "slow.docx"  # sleeps in Python: interrupted by the soft timeout
    files.write_docx(slow, ["lent"])
    key = FileKey.of(slow)
    assert key is not None
    items.insert(1, ("slow.docx", key))
    cache = Cache(tmp_path / "cache.sqlite3")
    extractor = Extractor(cache, workers=2, limits=ExtractLimits(timeout_s=0.5))
    reading = EarlyReading(cache, items, extractor=extractor, extract=hooks.misbehave)
    assert reading.start()
    assert reading.wait(60)
    assert reading.stats.timeouts == 1
    assert reading.stop() == 2
    stored = cache.get_stored([k for _rel, k in items], extractor.cache_version, "v1")
    assert key not in stored and len(stored) == 2
    cache.close()


def test_nothing_is_read_early_on_one_core_or_when_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV_OFF, raising=False)
    assert wanted(2)
    assert not wanted(1)
    monkeypatch.setenv(ENV_OFF, "1")
    assert not wanted(2)
    monkeypatch.setenv(ENV_OFF, "")
    assert wanted(2)


def test_nothing_to_read_starts_nothing(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite3")
    reading = EarlyReading(cache, [], extractor=Extractor(cache))
    assert not reading.start()
    assert reading.wait(0)
    assert reading.stop() == 0
    cache.close()
