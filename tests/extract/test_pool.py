"""The process pool: same results as in-process, timeouts, crashes, memory cap."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from rnq.extract import ExtractLimits, Extractor, extract_file

from . import files, hooks

FAST = ExtractLimits(timeout_s=1.0)


def _mixed(root: Path, n: int) -> list[tuple[str, Path]]:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        files.write_any(root / f"doc-{i:03d}", i)
    return [(p.name, p) for p in sorted(root.iterdir())]


def _touch(root: Path, *names: str) -> list[tuple[str, Path]]:
    root.mkdir(parents=True, exist_ok=True)
    items = []
    for name in names:
        path = root / name
        path.write_text(f"contenu de {name}", encoding="utf-8")
        items.append((name, path))
    return items


def test_pool_matches_in_process(tmp_path: Path) -> None:
    items = _mixed(tmp_path / "ws", 60)
    items.append(("vide.txt", tmp_path / "vide.txt"))
    (tmp_path / "vide.txt").touch()
    pooled = Extractor(workers=2, inprocess_below=0, batch_size=4)
    results = pooled.run(items)
    assert not pooled.stats.in_process
    assert list(results) == [key for key, _ in items]
    assert results == {key: extract_file(path) for key, path in items}
    assert pooled.stats.extracted == len(items)
    assert pooled.stats.errors == 1


def test_small_pure_python_jobs_run_in_process(tmp_path: Path) -> None:
    items = _touch(tmp_path, "a.md", "b.txt")
    extractor = Extractor()
    extractor.run(items)
    assert extractor.stats.in_process
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(files.pdf_bytes(["x"]))
    extractor.run([*items, ("c.pdf", pdf)])
    assert not extractor.stats.in_process  # PDFium only runs in workers


def test_soft_timeout_keeps_the_pool(tmp_path: Path) -> None:
    items = _touch(tmp_path, "a.txt", "slow.txt", "b.txt", "c.txt")
    extractor = Extractor(workers=2, limits=FAST, inprocess_below=0, extract=hooks.misbehave)
    started = time.monotonic()
    results = extractor.run(items)
    assert time.monotonic() - started < 10
    problem = results["slow.txt"].problem
    assert results["slow.txt"].status == "error"
    assert problem is not None
    assert problem.fr.startswith("délai dépassé")
    assert all(results[k].status == "ok" for k in ("a.txt", "b.txt", "c.txt"))
    assert extractor.stats.timeouts == 1
    assert extractor.stats.pool_restarts == 0


def test_hung_worker_is_killed_and_others_resubmitted(tmp_path: Path) -> None:
    names = ["stuck.txt", *(f"ok-{i}.txt" for i in range(12))]
    items = _touch(tmp_path, *names)
    extractor = Extractor(
        workers=2, limits=FAST, inprocess_below=0, batch_size=3, extract=hooks.misbehave
    )
    started = time.monotonic()
    results = extractor.run(items)
    assert time.monotonic() - started < 15
    assert results["stuck.txt"].status == "error"
    assert results["stuck.txt"].problem is not None
    assert "délai dépassé" in results["stuck.txt"].problem.fr
    assert all(results[name].status == "ok" for name in names[1:])
    assert extractor.stats.timeouts == 1
    assert extractor.stats.pool_restarts >= 1


def test_crashing_document_is_retried_alone_then_marked(tmp_path: Path) -> None:
    names = [*(f"ok-{i}.txt" for i in range(10)), "crash.txt", *(f"zz-{i}.txt" for i in range(10))]
    items = _touch(tmp_path, *names)
    extractor = Extractor(workers=2, inprocess_below=0, batch_size=2, extract=hooks.misbehave)
    results = extractor.run(items)
    assert list(results) == names
    crashed = results["crash.txt"]
    assert crashed.status == "error"
    assert crashed.problem is not None
    assert "arrêté brutalement" in crashed.problem.fr
    assert all(results[name].status == "ok" for name in names if name != "crash.txt")
    assert extractor.stats.crashes == 1
    assert extractor.stats.pool_restarts >= 2  # the crash, then its lone retry


def test_flaky_crash_succeeds_on_retry(tmp_path: Path) -> None:
    items = _touch(tmp_path / "ws", "a.txt", "flaky.txt", "b.txt")
    extractor = Extractor(workers=2, inprocess_below=0, extract=hooks.misbehave)
    results = extractor.run(items)
    assert {key: r.status for key, r in results.items()} == dict.fromkeys(
        ("a.txt", "flaky.txt", "b.txt"), "ok"
    )
    assert extractor.stats.crashes == 0
    assert extractor.stats.pool_restarts == 1


def test_memory_cap_in_workers(tmp_path: Path) -> None:
    items = _touch(tmp_path, "hog.txt", "a.txt", "b.txt", "c.txt")
    extractor = Extractor(
        workers=2,
        limits=ExtractLimits(memory_mb=1024),
        inprocess_below=0,
        batch_size=4,  # one batch: the other documents of the batch are still read
        extract=hooks.misbehave,
    )
    results = extractor.run(items)
    assert all(results[k].status == "ok" for k in ("a.txt", "b.txt", "c.txt"))
    hog = results["hog.txt"]
    assert hog.status == "error"
    assert hog.problem is not None
    assert "MemoryError" in hog.problem.en
    assert extractor.stats.timeouts == 0
    assert extractor.stats.extracted == 3  # a failure is not cached: it depends on the run


def test_empty_run() -> None:
    extractor = Extractor()
    assert extractor.run([]) == {}
    assert extractor.stats.extracted == 0


def test_crash_while_batches_are_still_being_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3.11 spawns workers lazily inside ``submit``: a crash meanwhile must not hang or raise."""
    spawn = ProcessPoolExecutor._spawn_process  # type: ignore[attr-defined]

    def slow_spawn(self: ProcessPoolExecutor) -> None:
        if self._processes:
            time.sleep(0.3)  # the first worker crashes meanwhile
        spawn(self)

    monkeypatch.setattr(ProcessPoolExecutor, "_spawn_process", slow_spawn)
    items = _touch(tmp_path, "crash.txt", "a.txt", "b.txt", "c.txt")
    (tmp_path / "crash.txt").write_text("x" * 1000, encoding="utf-8")  # largest: sent first
    extractor = Extractor(workers=2, inprocess_below=0, batch_size=1, extract=hooks.misbehave)
    results = extractor.run(items)
    assert results["crash.txt"].status == "error"
    assert all(results[k].status == "ok" for k in ("a.txt", "b.txt", "c.txt"))
