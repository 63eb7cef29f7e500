"""The ``rnq`` program ends a finished check at once (:func:`rnq.cli._leave`): same exit
code, same output and same reports as when :data:`rnq.cli.main` is called from Python."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rnq import cli

TODAY = ("--today", "2026-11-28")


def test_called_from_python_it_raises_system_exit() -> None:
    assert cli._PROGRAM == [False]
    with pytest.raises(SystemExit) as stop:
        cli._leave(2)
    assert stop.value.code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--example", *TODAY, "--md", "-", "--json", "{json}"],
        ["sample", "--example", *TODAY, "--seed", "7", "--json", "--md", "{md}"],
    ],
    ids=["check", "sample"],
)
def test_the_program_ends_with_the_code_output_and_reports_of_main(
    args: list[str], tmp_path: Path
) -> None:
    def written(who: str) -> tuple[list[str], Path]:
        folder = tmp_path / who
        folder.mkdir()
        json_file, md_file = folder / "report.json", folder / "report.md"
        return [a.format(json=json_file, md=md_file) for a in args], folder

    program_args, program_dir = written("program")
    main_args, main_dir = written("main")
    done = subprocess.run(
        [sys.executable, "-m", "rnq", *program_args], capture_output=True, text=True, check=False
    )
    called = CliRunner().invoke(cli.main, main_args)
    assert done.returncode == called.exit_code == 1, done.stderr
    # everything said reached the pipes before the process ended (the paths aside)
    assert done.stdout.replace(str(program_dir), "DIR") == called.stdout.replace(
        str(main_dir), "DIR"
    )
    assert done.stderr.replace(str(program_dir), "DIR") == called.stderr.replace(
        str(main_dir), "DIR"
    )
    assert len(done.stdout) > 5000
    reports = sorted(p.name for p in program_dir.iterdir())
    assert reports == sorted(p.name for p in main_dir.iterdir()) and reports
    for name in reports:
        assert (program_dir / name).read_bytes() == (main_dir / name).read_bytes()
