"""The watchdog interrupts a step past its limit, in the main thread, and nothing else."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest

import rnq
from rnq.testing import write_workspace
from rnq.timeouts import StepTimeout, Watchdog


def _spin() -> None:
    while True:
        pass


def _careless() -> None:
    try:  # noqa: SIM105 — written as a careless check would be
        time.sleep(30)
    except Exception:
        pass


def test_a_busy_loop_is_interrupted() -> None:
    with Watchdog(limit_s=0.3) as dog, pytest.raises(StepTimeout), dog.step():
        _spin()


def test_a_sleep_is_interrupted() -> None:
    start = time.monotonic()
    with Watchdog(limit_s=0.3) as dog, pytest.raises(StepTimeout), dog.step():
        time.sleep(30)
    assert time.monotonic() - start < 10


def test_an_except_exception_cannot_swallow_the_timeout() -> None:
    with Watchdog(limit_s=0.3) as dog, pytest.raises(StepTimeout), dog.step():
        _careless()


def test_quick_steps_are_left_alone_and_the_next_step_starts_fresh() -> None:
    with Watchdog(limit_s=0.4) as dog:
        assert dog.active
        for _ in range(3):
            with dog.step():
                time.sleep(0.25)  # each under the limit, together over it
        with pytest.raises(StepTimeout), dog.step():
            time.sleep(30)
        with dog.step():  # after a timeout, the next step runs normally
            time.sleep(0.05)


def test_no_limit_or_another_thread_watches_nothing() -> None:
    with Watchdog(limit_s=None) as dog:
        assert not dog.active
    seen: list[bool] = []

    def elsewhere() -> None:
        with Watchdog(limit_s=0.1) as other:
            seen.append(other.active)

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert seen == [False]


# --- End to end: a check or a plugin collector that hangs -------------------------------------

HANGING = '''
import time

import rnq


@rnq.mark.indicator(26)
def check_hangs(unit):
    """Une vérification qui ne rend jamais la main."""
    time.sleep(3600)


@rnq.mark.indicator(26)
def check_fine(unit):
    """Une vérification normale."""
'''

CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
  - {id: pro, name: "Pôle pro", collectors: [{use: slow}]}
checks: [checks]
"""


class SlowCollector:
    @rnq.hookimpl
    def rnq_register_collectors(self) -> dict[str, object]:
        def slow(context: object) -> list[object]:
            time.sleep(3600)
            return []

        return {"slow": slow}


def test_a_hanging_check_and_a_hanging_collector_are_interrupted_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rnq.collect.collectors.COLLECTOR_TIMEOUT_S", 0.5)
    root = write_workspace(tmp_path / "ws", CONFIG, {"checks/check_hang.py": HANGING})
    start = time.monotonic()
    report = rnq.run(
        root,
        rnq.RunOptions(
            today=dt.date(2026, 11, 28),
            use_cache=False,
            load_entrypoints=False,
            extra_plugins=(SlowCollector(),),
            check_timeout_s=0.5,
        ),
    )
    assert time.monotonic() - start < 60
    findings = report.indicator(26).findings
    hung = [f for f in findings if f.check.endswith("::check_hangs")]
    assert [(f.outcome, f.message) for f in hung] == [
        ("not_verified", "la vérification a dépassé le délai de 0.5 s : interrompue")
    ]
    assert [f.outcome for f in findings if f.check.endswith("::check_fine")] == ["passed"]
    assert report.indicator(26).status != "conform"
    assert any(e.path == "plugin:slow" and "délai de 0.5 s" in e.message for e in report.errors), (
        report.errors
    )
