"""The first run after an upgrade of the checks (a new facts version: every answer the cache
stores is stale) answers the planned questions in the extraction workers, from the stored
texts, as a cold run does, rather than in the main process one check at a time; and its report
is a cold run's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import rnq
from rnq.checks import helpers
from rnq.extract import early
from rnq.extract.pool import Extractor, ExtractStats

ROOT = Path(__file__).resolve().parents[1]


def _run(
    cache: Path | None, monkeypatch: pytest.MonkeyPatch, today: dt.date = dt.date(2026, 11, 28)
) -> tuple[str, list[tuple[ExtractStats, int]]]:
    """The JSON report of a run of the example workspace, and its extractors' statistics with
    the number of documents whose questions the workers answered."""
    seen: list[tuple[ExtractStats, int]] = []
    real = Extractor.run

    def spy(self: Extractor, *args: Any, **kwargs: Any) -> Any:
        result = real(self, *args, **kwargs)
        seen.append((self.stats, len(self.facts)))
        return result

    with monkeypatch.context() as patched:
        patched.setattr(Extractor, "run", spy)
        options = rnq.RunOptions(
            today=today, load_entrypoints=False, use_cache=cache is not None, cache_dir=cache
        )
        return rnq.run(ROOT / "evidence", options).to_json(), seen


def test_the_first_run_after_an_upgrade_answers_in_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the cold run reads every file in its reading phase: none early, while it collects
    # (tests/test_early_reading.py), whose files that phase would answer as it answers here
    monkeypatch.setenv(early.ENV_OFF, "1")
    cache = tmp_path / "cache"
    cold, [(cold_stats, cold_answered)] = _run(cache, monkeypatch)
    assert cold_stats.extracted > 16 and cold_answered > 16 and cold_stats.answered == 0

    monkeypatch.setattr(helpers, "_VERSION", ["a-later-version"])  # the checks' code changed
    upgraded, [(stats, answered)] = _run(cache, monkeypatch)
    assert stats.extracted == 0  # no file read again
    assert stats.answered == answered == cold_answered  # the documents a cold run answers
    assert upgraded == cold
    assert upgraded == _run(None, monkeypatch)[0]

    # the answers were stored: a later run (another date: nothing reused) asks nothing again
    later = dt.date(2026, 11, 29)
    again, [(after, _)] = _run(cache, monkeypatch, later)
    assert after.answered == 0 and after.extracted == 0
    assert again == _run(None, monkeypatch, later)[0]
