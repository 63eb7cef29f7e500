"""The question plan (rnq.checks._plan): current, shared, and a hint only: a run gives the same
report whether the workers answer the planned questions or the checks answer them all."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import rnq
from rnq.checks import _plan
from rnq.extract.pool import Extractor

ROOT = Path(__file__).resolve().parents[1]


def test_the_plan_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_question_plan.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_questions_are_shared_per_indicators_and_kind() -> None:
    first = _plan.questions_for([1], "programme")
    assert first and first is _plan.questions_for((1, 1), "programme")
    assert set(_plan.questions_for([1])) <= set(first)
    assert _plan.questions_for([99]) == ()
    with _plan.recording():
        assert _plan.questions_for([1], "programme") == ()  # recording: the checks ask all


def _run(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, answered: list[int], cache: Path | None
) -> str:
    real = Extractor.run

    def spy(self: Extractor, *args: Any, **kwargs: Any) -> Any:
        result = real(self, *args, **kwargs)
        answered.append(sum(len(f) for f in self.facts.values()))
        return result

    monkeypatch.setattr(Extractor, "run", spy)
    options = rnq.RunOptions(
        today=dt.date(2026, 11, 28),
        load_entrypoints=False,
        use_cache=cache is not None,
        cache_dir=cache,
    )
    return rnq.run(workspace, options).to_json()


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_planned_answers_change_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cache: bool
) -> None:
    workspace = ROOT / "evidence"
    planned: list[int] = []
    with_plan = _run(workspace, monkeypatch, planned, tmp_path / "a" if cache else None)
    assert planned and planned[0] > 100  # the workers did answer

    monkeypatch.setattr(_plan, "_plan", dict)
    _plan._for.cache_clear()
    try:
        unplanned: list[int] = []
        without = _run(workspace, monkeypatch, unplanned, tmp_path / "b" if cache else None)
    finally:
        _plan._for.cache_clear()
    assert unplanned == [0]
    assert with_plan == without
