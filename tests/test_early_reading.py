"""A cold run reads the largest PDF and Word files while it collects (rnq.extract.early); the
reading phase then answers them from the cache without reading them again, and the report is
the same bytes as a run that read nothing early, and as a run without a cache. A run whose cache
holds those files already (the first run after an upgrade of the checks) reads nothing early."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import rnq
from rnq.checks import helpers
from rnq.extract.early import ENV_OFF, KINDS, EarlyReading
from rnq.extract.pool import Extractor, ExtractStats

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = rnq.RunOptions(today=dt.date(2026, 11, 28), load_entrypoints=False)


def _run(
    options: rnq.RunOptions, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, list[ExtractStats], list[int]]:
    """The JSON report of a run of the example workspace, its reading phase's statistics, and
    how many documents each early reading kept (every item read before it is stopped, as if
    the collection had lasted that long)."""
    phases: list[ExtractStats] = []
    kept: list[int] = []
    real_run, real_stop = Extractor.run, EarlyReading.stop

    def spy(self: Extractor, *args: Any, **kwargs: Any) -> Any:
        result = real_run(self, *args, **kwargs)
        phases.append(self.stats)
        return result

    def stop(self: EarlyReading) -> int:
        assert self.wait(120)
        kept.append(real_stop(self))
        return kept[-1]

    with monkeypatch.context() as patched:
        patched.setattr(Extractor, "run", spy)
        patched.setattr(EarlyReading, "stop", stop)
        return rnq.run(ROOT / "evidence", options).to_json(), phases, kept


def test_what_was_read_early_is_answered_and_the_report_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_OFF, raising=False)
    options = dataclasses.replace(OPTIONS, cache_dir=tmp_path / "early", workers=2)
    early, [phase], [kept] = _run(options, monkeypatch)
    heavy = [p for p in (ROOT / "evidence").rglob("*") if p.suffix.lower() in KINDS]
    assert 0 < kept <= len(heavy)
    assert phase.answered > 0  # answered from the stored text

    monkeypatch.setenv(ENV_OFF, "1")
    off = dataclasses.replace(options, cache_dir=tmp_path / "off")
    plain, [plain_phase], none = _run(off, monkeypatch)
    assert none == []  # nothing read early
    # what was read early was not read again (one early file is no evidence: never read)
    assert phase.extracted < plain_phase.extracted <= phase.extracted + kept
    assert plain_phase.answered == 0
    assert early == plain
    assert early == _run(dataclasses.replace(OPTIONS, use_cache=False), monkeypatch)[0]


def test_files_the_cache_holds_are_not_read_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_OFF, raising=False)
    options = dataclasses.replace(OPTIONS, cache_dir=tmp_path / "cache", workers=2)
    cold, _phases, [kept] = _run(options, monkeypatch)
    assert kept > 0
    monkeypatch.setattr(helpers, "_VERSION", ["a-later-version"])  # the checks' code changed
    started: list[int] = []
    real_start = EarlyReading.start

    def start(self: EarlyReading) -> bool:
        started.append(len(self.items))
        return real_start(self)

    monkeypatch.setattr(EarlyReading, "start", start)
    upgraded, [phase], none = _run(options, monkeypatch)
    assert started == [0] and none == []  # every candidate in the cache: nothing started
    assert phase.extracted == 0
    assert upgraded == cold


def test_one_worker_reads_nothing_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_OFF, raising=False)
    options = dataclasses.replace(OPTIONS, cache_dir=tmp_path / "cache", workers=1)
    _report, [phase], none = _run(options, monkeypatch)
    assert none == [] and phase.extracted >= 99
