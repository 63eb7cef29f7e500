"""Where one ``rnq check`` spends its time, phase by phase (wall time, one process).

    python benchmarks/bench_phases.py /tmp/rnq-scale --cache-dir /tmp/c50         # as it is
    python benchmarks/bench_phases.py /tmp/rnq-scale --cache-dir /tmp/c50 --edit  # one edit

``--edit`` first adds a line to the end of the workspace's first offering Markdown file, or
takes it out again (the edit ``bench_scale.py`` makes), so that the run is a re-run after one
edit; without it, with a cache filled by an earlier run, it is a warm re-run. The run writes the
JSON and HTML reports to ``--out`` (a temporary folder by default), with ``--today 2026-11-28``.
The workspace's walk starts in a child process before the imports, as in the ``rnq`` program
(:mod:`rnq.workspace.ahead`). It prints, in seconds: the imports, each phase of :func:`rnq.run`
(wrapping its functions, so the same functions of another version of rnq are measured the same
way), the reports written, and the whole process.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The line ``--edit`` adds to (or takes out of) one file, as ``bench_scale.py`` does.
EDIT = "\nLigne ajoutée par le benchmark.\n"


def _edit(root: Path) -> Path:
    """Add :data:`EDIT` to the end of the first offering Markdown file, or take it out."""
    edited = next(p for p in sorted(root.rglob("*.md")) if "/off" in p.as_posix())
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.removesuffix(EDIT) if text.endswith(EDIT) else text + EDIT, encoding="utf-8"
    )
    return edited


def _timed(times: dict[str, float], owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` with a wrapper adding its wall time to ``times[label]``."""
    function: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--edit", action="store_true")
    args = parser.parse_args(argv)
    if args.edit:
        print(f"edited: {_edit(args.root)}")
    out = args.out or Path(tempfile.mkdtemp(prefix="rnq-phases-"))
    times: dict[str, float] = {}
    command = [
        *("check", str(args.root), "--today", "2026-11-28"),
        *("--cache-dir", str(args.cache_dir), "--fail-on", "never", "-q"),
        *("--json", str(out / "report.json"), "--html", str(out / "report.html")),
    ]
    started = time.perf_counter()
    # as the program does (rnq.__main__.main): the walk starts in a child before the imports
    importlib.import_module("rnq.workspace.ahead").start_for(command)
    run = importlib.import_module("rnq.run")  # rnq.run is also the function
    cli = importlib.import_module("rnq.cli")
    config = importlib.import_module("rnq.workspace.config")
    times["imports"] = time.perf_counter() - started
    _timed(times, config, "load", "rnq.yaml")
    phases = [
        ("_setting", "settings, plugins"),
        ("collect_code", "checks' code"),
        ("_reuse", "walk and run key"),
        ("_collect", "collection"),
        ("_read_documents", "reading"),
        ("run_checks", "checks"),
        ("build_report", "report"),
        ("_stored_form", "keeping: the report serialised"),
    ]
    for name, label in phases:
        _timed(times, run, name, label)
    _timed(times, run._Memos, "load", "memos loaded")
    _timed(times, run._Memos, "save", "keeping: the memos")
    _timed(times, run.Cache, "put_run", "keeping: the report stored")
    _timed(times, cli._Outputs, "start", "reports: the writer forked")
    _timed(times, cli._Outputs, "write", "reports: JSON, the writer awaited")
    sys.argv = ["rnq", *command]
    with contextlib.suppress(SystemExit):  # the command's exit code
        cli.main()
    times["process"] = time.perf_counter() - started
    for label, seconds in times.items():
        print(f"{label:32s} {seconds:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
