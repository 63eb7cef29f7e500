"""Benchmark: rnq's check runner vs pytest on N equivalent parametrized checks/tests (SPEC §8).

    python benchmarks/bench_runner.py [--n 10000] [--repeat 3]

Generates, in a temporary directory, an rnq workspace whose ``checks/`` folder holds ONE check
parametrized over ``range(N)`` and the equivalent pytest file, then measures side by side, in this
one run (best of ``--repeat``, wall clock, ``time.perf_counter``):

* engine: ``rnq.engine.session.run_checks`` alone (import of the check folder, collection,
  expansion, run, findings) against ``pytest.main`` in-process (collection + run, output
  suppressed);
* whole command: ``python -c "import rnq; rnq.run(...)"`` against ``python -m pytest -q FILE``,
  each as a fresh subprocess (interpreter start-up and imports included).

Two variants are measured: every check passes, and every 10th check fails. This is a benchmark,
not a test: it prints a table and exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rnq
from rnq.collect.collectors import collect
from rnq.engine.session import Session, run_checks
from rnq.plugins import PluginSet, get_plugin_manager
from rnq.workspace.applicable import applicable_indicators, choose_referential
from rnq.workspace.config import load

TODAY = dt.date(2026, 11, 28)

CONFIG = """\
version: 1
organization: {name: "Organisme benchmark"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", central: true}
checks: [checks]
"""

# The condition each variant asserts: every value passes, or every 10th value fails.
CONDITIONS = {"pass": "i >= 0", "fail10": "i % 10 != 9"}

RNQ_CHECK = '''\
import rnq


@rnq.mark.indicator(26)
@rnq.mark.parametrize("i", range({n}))
def check_value(i):
    """Valeur positive."""
    assert {condition}
'''

PYTEST_TEST = """\
import pytest


@pytest.mark.parametrize("i", range({n}))
def test_value(i):
    assert {condition}
"""

PYTEST_ARGS = ["-q", "-p", "no:cacheprovider", "-p", "no:randomly", "-o", "addopts="]


def write_variant(base: Path, n: int, variant: str) -> tuple[Path, Path]:
    """Write the rnq workspace and the pytest file for one variant; return (workspace, file)."""
    condition = CONDITIONS[variant]
    workspace = base / f"ws_{variant}"
    (workspace / "checks").mkdir(parents=True)
    (workspace / "rnq.yaml").write_text(CONFIG, encoding="utf-8")
    (workspace / "checks" / "check_bench.py").write_text(
        RNQ_CHECK.format(n=n, condition=condition), encoding="utf-8"
    )
    tests = base / f"pt_{variant}"
    tests.mkdir()
    test_file = tests / f"test_bench_{variant}.py"
    test_file.write_text(PYTEST_TEST.format(n=n, condition=condition), encoding="utf-8")
    return workspace, test_file


def rnq_session(root: Path) -> tuple[Session, PluginSet]:
    """Everything ``rnq.run`` does before ``run_checks`` (not timed): workspace, evidence…"""
    workspace = load(root)
    config = workspace.config
    referential = choose_referential(
        version=None, audit_date=config.audit.date, workspace=workspace, today=TODAY
    )
    decisions = applicable_indicators(workspace, referential)
    plugins = get_plugin_manager(
        workspace_root=workspace.root, workspace_plugins=config.plugins, load_entrypoints=False
    )
    collected = collect(workspace, plugins)
    session = Session(
        workspace=workspace,
        referential=referential,
        decisions=decisions,
        evidence=list(collected.evidence),
        today=TODAY,
        audit_date=config.audit.date or TODAY,
    )
    return session, plugins


def time_rnq_runner(root: Path, n: int, variant: str) -> float:
    """Seconds for one ``run_checks`` (fresh session each time; sanity-checks the findings)."""
    session, plugins = rnq_session(root)
    start = time.perf_counter()
    findings = run_checks(session, plugins)
    elapsed = time.perf_counter() - start
    mine = [f for f in findings if f.check.endswith("::check_value")]
    gaps = sum(f.outcome == "gap" for f in mine)
    expected_gaps = n // 10 if variant == "fail10" else 0
    if len(mine) != n or gaps != expected_gaps:
        sys.exit(f"rnq: expected {n} findings / {expected_gaps} gaps, got {len(mine)} / {gaps}")
    return elapsed


def time_pytest_inprocess(test_file: Path, n: int, variant: str, args: list[str]) -> float:
    """Seconds for one in-process ``pytest.main`` on the file, output suppressed."""
    sys.modules.pop(test_file.stem, None)  # re-import the test module every time, as rnq does
    sink = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        code = pytest.main([str(test_file), *args])
    elapsed = time.perf_counter() - start
    expected = pytest.ExitCode.TESTS_FAILED if variant == "fail10" else pytest.ExitCode.OK
    if code != expected:
        sys.exit(f"pytest: expected exit {expected!r}, got {code!r}\n{sink.getvalue()[-2000:]}")
    return elapsed


def time_subprocess(command: list[str], cwd: Path, expected: int) -> float:
    """Seconds for one fresh subprocess, output discarded (its exit code is checked)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != expected:
        sys.exit(f"{command[1:3]}: exit {done.returncode}, expected {expected}\n{done.stderr!r}")
    return elapsed


def rnq_command(root: Path) -> list[str]:
    """The ``rnq check`` equivalent: a fresh interpreter running ``rnq.run`` on the workspace."""
    code = textwrap.dedent(
        f"""\
        import datetime, rnq
        from rnq.render.console import console_text
        report = rnq.run({str(root)!r}, rnq.RunOptions(today=datetime.date(2026, 11, 28)))
        print(console_text(report, "fr"))
        """
    )
    return [sys.executable, "-c", code]


def best(repeat: int, measure: Callable[..., float], *args: Any) -> float:
    """The best (smallest) of ``repeat`` calls of ``measure(*args)``."""
    return min(measure(*args) for _ in range(repeat))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of parameters (10000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of how many runs (3)")
    parser.add_argument(
        "--pytest-tb",
        default="line",
        help="pytest's --tb for failures (line: one line per failure, as rnq's message; "
        "auto: pytest's default long tracebacks, about 4x slower on the failing variant)",
    )
    args = parser.parse_args(argv)
    n, repeat = args.n, args.repeat
    pytest_args = [*PYTEST_ARGS, f"--tb={args.pytest_tb}"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="rnq-bench-") as tmp:
        base = Path(tmp)
        for variant in CONDITIONS:
            root, test_file = write_variant(base, n, variant)
            pytest_cmd = [sys.executable, "-m", "pytest", str(test_file), *pytest_args]
            failed = int(variant == "fail10")
            engine_rnq = best(repeat, time_rnq_runner, root, n, variant)
            engine_pytest = best(repeat, time_pytest_inprocess, test_file, n, variant, pytest_args)
            cmd_rnq = best(repeat, time_subprocess, rnq_command(root), base, 0)
            cmd_pytest = best(repeat, time_subprocess, pytest_cmd, test_file.parent, failed)
            rows.append((variant, engine_rnq, engine_pytest, cmd_rnq, cmd_pytest))
    print(f"rnq {rnq.__version__}, pytest {pytest.__version__}, Python {sys.version.split()[0]}")
    print(f"N = {n}, best of {repeat}, {os.cpu_count()} CPU(s), pytest --tb={args.pytest_tb}\n")
    header = (
        f"{'variant':<8} {'N':>6} | {'rnq runner':>10} {'pytest':>8} {'ratio':>7} | "
        f"{'rnq cmd':>8} {'pytest cmd':>10} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for variant, e_rnq, e_pt, c_rnq, c_pt in rows:
        print(
            f"{variant:<8} {n:>6} | {e_rnq:>9.3f}s {e_pt:>7.3f}s {e_pt / e_rnq:>6.1f}x | "
            f"{c_rnq:>7.3f}s {c_pt:>9.3f}s {c_pt / c_rnq:>6.1f}x"
        )
    print("\nratio = pytest seconds / rnq seconds (SPEC §8 asks >= 10x for the runner).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
