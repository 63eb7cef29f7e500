"""Every figure of SPEC §8 on the synthetic national provider, in one command.

    python benchmarks/bench_scale.py                       # 50 000 files in /tmp/rnq-scale
    python benchmarks/bench_scale.py --files 5000 --root /tmp/rnq-5k --units 20 --offerings 500

It generates the workspace once (``gen_workspace.py``; reused on later runs), then measures, each
in a fresh process:

1. **bare extraction**: the text of every file with the same libraries rnq uses (pypdfium2,
   zipfile + defusedxml, python-calamine, plain reads), over every core, nothing else; and
   again with rnq's own readers (``rnq.extract.dispatch.extract_file``: rows of CSV and
   workbooks parsed too), still nothing else;
2. **cold run**: ``rnq check`` with an empty cache, writing the JSON and HTML reports; and
   once with the built-in content checks left out (``without_content_checks.py``), to tell
   what the framework adds from what the content checks cost; then rnq's readers once more,
   a second cold run (its report compared byte for byte with the first's), and the readers a
   third time: each cold run's ratio is to the mean of the readers' times just before and just
   after it, and the figure is the mean of the two ratios, the speed of a shared machine
   drifting by tens of percent within minutes;
3. **warm re-run**: the same command again, nothing changed (the report is reused);
   then after one file's modification time changed, then after one file was edited (only the
   checks that see it run again: ``rnq.engine.reuse``; five runs, each after an edit, the
   figure their median), and the last report compared byte for byte with a full run's with
   ``--no-cache``; then after the same file was made a draft (its findings change, as a
   quality officer's edits do), compared the same way, and put back;
4. **peak memory** of the largest process of each run (ru_maxrss);
5. **report sizes** (JSON, HTML);
6. **check runner vs pytest**: 10 000 parametrized checks against 10 000 parametrized tests
   (``bench_runner.py``, side by side in this run);
7. **HTML report in headless Chromium**: load time and the time for a filter to apply.

It prints a table against the SPEC's targets and always exits 0: it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_workspace  # noqa: E402

TODAY = "2026-11-28"


# --- 1. bare extraction -------------------------------------------------------------------------


def _bare_text(path: str) -> int:
    """Characters of text in one file, read with the libraries rnq uses and nothing else."""
    suffix = path.rsplit(".", 1)[-1].lower()
    if suffix == "pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
        try:
            return sum(len(page.get_textpage().get_text_range()) for page in document)
        finally:
            document.close()
    if suffix == "docx":
        import zipfile

        from defusedxml.ElementTree import iterparse

        with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
            return sum(len(el.text or "") for _, el in iterparse(part) if el.tag.endswith("}t"))
    if suffix == "xlsx":
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_path(path)
        return sum(
            len(str(cell))
            for name in book.sheet_names
            for row in book.get_sheet_by_name(name).to_python()
            for cell in row
        )
    with open(path, "rb") as handle:
        return len(handle.read().decode("utf-8", "replace"))


def _bare_chunk(paths: list[str]) -> int:
    return sum(_bare_text(p) for p in paths)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rnq_chunk(paths: list[str]) -> int:
    """Characters of text and rows rnq's own readers get from ``paths`` (nothing else)."""
    from rnq.extract.dispatch import DEFAULT_LIMITS, extract_file

    total = 0
    for path in paths:
        extraction = extract_file(Path(path), DEFAULT_LIMITS)
        total += len(extraction.text) + sum(len(c) for row in extraction.rows or () for c in row)
    return total


def bare_extraction(root: Path, chunk: Callable[[list[str]], int] = _bare_chunk) -> float:
    """Seconds to read the text of every evidence file over every core (forkserver workers),
    with ``chunk`` reading each batch of 64 files."""
    import multiprocessing

    files = sorted(
        str(p)
        for p in root.rglob("*")
        if p.is_file() and p.suffix in {".pdf", ".docx", ".xlsx", ".md", ".csv"}
    )
    context = multiprocessing.get_context("forkserver")
    start = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context) as pool:
        total = sum(pool.map(chunk, _chunks(files, 64)))
    elapsed = time.perf_counter() - start
    if total == 0:
        sys.exit("bare extraction read no text")
    return elapsed


# --- 2–5. the rnq command ---------------------------------------------------------------------


def rnq_check(
    root: Path,
    out: Path,
    cache: Path | None,
    html: bool,
    content_checks: bool = True,
    name: str = "report",
) -> tuple[float, int]:
    """Seconds for ``rnq check`` writing the JSON (and HTML) report ``out/name.json``, and the
    peak RSS in KiB of its largest process (its CPU time goes to :data:`CPU`);
    ``content_checks=False``: with the presence check only (``without_content_checks.py``);
    ``cache=None``: ``--no-cache``."""
    entry = ["-m", "rnq"] if content_checks else [str(HERE / "without_content_checks.py")]
    command = [
        sys.executable,
        *entry,
        "check",
        str(root),
        "--today",
        TODAY,
        "--fail-on",
        "never",
        *(["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]),
        "--json",
        str(out / f"{name}.json"),
    ]
    if html:
        command += ["--html", str(out / f"{name}.html")]
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(done.returncode, elapsed, used.ru_maxrss, used.ru_utime + used.ru_stime)\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "RNQ_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    code, elapsed, peak, cpu = done.stdout.split()
    if code != "0":
        sys.exit(f"rnq check failed ({code}): {done.stderr[-2000:]}")
    CPU[name] = float(cpu)
    return float(elapsed), int(peak)


#: The CPU time (user and system) of the last ``rnq_check`` of each name and of the processes
#: it waited for: less sensitive than the wall time to the machine's other work, for the
#: re-runs, which run in one process.
CPU: dict[str, float] = {}


# --- 6. the check runner ------------------------------------------------------------------------


def runner_ratio(n: int) -> tuple[float, float]:
    """(rnq runner seconds, pytest seconds) for ``n`` parametrized checks / tests."""
    import bench_runner

    with tempfile.TemporaryDirectory(prefix="rnq-bench-") as tmp:
        root, test_file = bench_runner.write_variant(Path(tmp), n, "pass")
        rnq_s = bench_runner.best(2, bench_runner.time_rnq_runner, root, n, "pass")
        pytest_args = [*bench_runner.PYTEST_ARGS, "--tb=line"]
        pytest_s = bench_runner.best(
            2, bench_runner.time_pytest_inprocess, test_file, n, "pass", pytest_args
        )
    return rnq_s, pytest_s


# --- 7. the HTML report in Chromium -------------------------------------------------------------


def browser_times(html: Path) -> tuple[float, float] | None:
    """(load seconds, filter seconds) of the HTML report in headless Chromium, or None when
    Chromium or Playwright is missing."""
    chromium = shutil.which("chromium")
    if chromium is None or not html.exists():
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    from rnq.testing import CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=list(CHROMIUM_ARGS)
        )
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load")
        loaded = time.perf_counter() - start
        units = page.eval_on_selector_all(
            "#f-unit option", "els => els.map(e => e.value).filter(v => v)"
        )
        filtered = float("nan")
        if units:
            start = time.perf_counter()
            page.select_option("#f-unit", units[-1])
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
            filtered = time.perf_counter() - start
        browser.close()
    return loaded, filtered


# --- the table ----------------------------------------------------------------------------------


def _yes(value: bool) -> str:
    return "yes" if value else "NO"


def _mb(kib: int) -> str:
    """A peak RSS in KiB as MB (the SPEC's unit) and MiB."""
    return f"{kib * 1024 / 1e6:.0f} MB ({kib / 1024:.0f} MiB)"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/rnq-scale"))
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--offerings", type=int, default=500)
    parser.add_argument("--runner-n", type=int, default=10_000)
    parser.add_argument("--skip-runner", action="store_true")
    return parser.parse_args(argv)


def _generate(args: argparse.Namespace) -> dict[str, object]:
    """Generate the workspace and say what it holds."""
    start = time.perf_counter()
    described = gen_workspace.generate(
        args.root, files=args.files, units=args.units, offerings=args.offerings
    )
    generated = time.perf_counter() - start
    print(
        f"workspace: {args.root} — {described['files']} files, "
        f"{int(described['bytes']) / 2**20:.0f} MiB {described['formats']} "  # type: ignore[call-overload]
        f"(ready in {generated:.1f} s)",
        flush=True,
    )
    return described


#: How many runs after an edit the benchmark times (the figure is their median).
EDITS = 5
#: The line the benchmark adds to (or takes out of) one file to edit it.
EDIT = "\nLigne ajoutée par le benchmark.\n"
#: What that file then says, to change the report: it becomes a draft.
DRAFT = "# Programme\n\nÀ rédiger.\n"


def _runs(root: Path) -> dict[str, Any]:
    """The timed runs: bare extractions, cold (with and without content checks), warm, one file
    changed, and the report opened in Chromium."""
    got: dict[str, Any] = {}
    got["bare"] = bare_extraction(root)
    print(f"bare extraction: {got['bare']:.2f} s", flush=True)
    got["bare_rnq"] = bare_extraction(root, _rnq_chunk)
    print(f"bare extraction with rnq's readers: {got['bare_rnq']:.2f} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="rnq-scale-") as tmp:
        out, cache = Path(tmp), Path(tmp) / "cache"
        got["bare_cold"], _ = rnq_check(
            root, out, Path(tmp) / "c0", html=True, content_checks=False
        )
        print(f"cold run without content checks: {got['bare_cold']:.2f} s", flush=True)
        got["cold"], got["cold_peak"] = rnq_check(root, out, cache, html=True)
        print(f"cold run: {got['cold']:.2f} s, peak {got['cold_peak'] / 1024:.0f} MiB", flush=True)
        # the readers again, right after: a shared machine's speed drifts by tens of percent
        # within minutes, and each cold run's ratio is taken to the readers around it
        got["bare_rnq_after"] = bare_extraction(root, _rnq_chunk)
        print(f"rnq's readers again: {got['bare_rnq_after']:.2f} s", flush=True)
        # a second cold run between two measures of the readers: a ratio per cold run, each to
        # the readers measured around it
        got["cold2"], got["cold2_peak"] = rnq_check(
            root, out, Path(tmp) / "c2", html=True, name="cold2"
        )
        got["cold_same"] = (out / "report.json").read_bytes() == (out / "cold2.json").read_bytes()
        print(f"cold run again: {got['cold2']:.2f} s, same report: {got['cold_same']}", flush=True)
        got["bare_rnq_third"] = bare_extraction(root, _rnq_chunk)
        print(f"rnq's readers a third time: {got['bare_rnq_third']:.2f} s", flush=True)
        got["warm"], got["warm_peak"] = rnq_check(root, out, cache, html=True)
        got["warm_cpu"] = CPU["report"]  # the cold run's name: its CPU time, now the warm one's
        print(f"warm re-run: {got['warm']:.2f} s, peak {got['warm_peak'] / 1024:.0f} MiB")
        got["json_size"] = (out / "report.json").stat().st_size
        # one file's modification time changed: that file is read again, and the checks that
        # see it run again (rnq.engine.reuse)
        touched = next(p for p in sorted(root.rglob("*.md")))
        info = touched.stat()
        os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        got["touched"], _ = rnq_check(root, out, cache, html=True, name="touched")
        print(f"re-run, one file's mtime changed: {got['touched']:.2f} s")
        # one file's content changed (a line added, or taken out again at the next run), and
        # run again: EDITS times, each after an edit, for the median (a single run of 3 s moves
        # by tenths of a second from one minute to the next on a shared machine)
        edited = next(p for p in sorted(root.rglob("*.md")) if "/off" in p.as_posix())
        got.update(_edited_runs(root, out, cache, edited))
        # the same report as a full run without a cache (SPEC §8)
        got["full"], _ = rnq_check(root, out, None, html=False, name="full")
        got["same"] = (out / "edit.json").read_bytes() == (out / "full.json").read_bytes()
        print(f"full run without a cache: {got['full']:.2f} s, same report: {got['same']}")
        # the same file edited so that the report changes: the offering's programme becomes a
        # draft, as a quality officer's edit changes findings (then put back as it was)
        original = edited.read_bytes()
        try:
            edited.write_text(DRAFT, encoding="utf-8")
            got["drafted"], _ = rnq_check(root, out, cache, html=True, name="drafted")
            print(f"re-run, one file made a draft: {got['drafted']:.2f} s", flush=True)
            got["drafted_full"], _ = rnq_check(root, out, None, html=False, name="drafted-full")
        finally:
            edited.write_bytes(original)
        drafted = (out / "drafted.json").read_bytes()
        got["drafted_same"] = drafted == (out / "drafted-full.json").read_bytes()
        got["drafted_changed"] = drafted != (out / "edit.json").read_bytes()
        print(
            f"full run without a cache: {got['drafted_full']:.2f} s, same report: "
            f"{got['drafted_same']}, the report changed: {got['drafted_changed']}"
        )
        html_path = out / "report.html"
        got["html_size"] = html_path.stat().st_size if html_path.exists() else 0
        got["shown"] = browser_times(html_path)
    return got


def _edited_runs(root: Path, out: Path, cache: Path, edited: Path) -> dict[str, Any]:
    """:data:`EDITS` runs, each after ``edited`` got :data:`EDIT` added or taken out: their
    median time and CPU time, their times, and their largest peak; the last run's report is
    ``out/edit.json``."""
    runs: list[tuple[float, int, float]] = []
    for _ in range(EDITS):
        text = edited.read_text(encoding="utf-8")
        edited.write_text(
            text.removesuffix(EDIT) if text.endswith(EDIT) else text + EDIT, encoding="utf-8"
        )
        seconds, peak = rnq_check(root, out, cache, html=True, name="edit")
        runs.append((seconds, peak, CPU["edit"]))
        print(f"re-run, one file edited: {seconds:.2f} s", flush=True)
    return {
        "changed": statistics.median(seconds for seconds, _, _ in runs),
        "changed_runs": sorted(seconds for seconds, _, _ in runs),
        "changed_peak": max(peak for _, peak, _ in runs),
        "edit_cpu": statistics.median(cpu for _, _, cpu in runs),
    }


def _cpu(got: dict[str, Any], name: str) -> str:
    """`` (CPU … s)``: the CPU time of the run ``name`` (``warm``, or a name of
    :func:`rnq_check`), if it ran."""
    cpu = got.get(f"{name}_cpu", CPU.get(name))
    return f" (CPU {cpu:.2f} s)" if cpu is not None else ""


def _rows(got: dict[str, Any], runner: tuple[float, float] | None, n: int) -> list[tuple[str, ...]]:
    """The table's rows: each figure and its target."""
    cold, cold2, bare = got["cold"], got["cold2"], got["bare"]
    readers = (got["bare_rnq"], got["bare_rnq_after"], got["bare_rnq_third"])
    # the readers measured just before and just after each cold run (the first's also around
    # the cold run without the content checks, which comes just before it)
    around = ((readers[0] + readers[1]) / 2, (readers[1] + readers[2]) / 2)
    ratios = (cold / around[0], cold2 / around[1])
    ratio = statistics.mean(ratios)
    rows = [
        ("cold run (twice)", f"{cold:.2f} s, {cold2:.2f} s", "—"),
        ("  the second's report = the first's", _yes(got["cold_same"]), "yes"),
        ("bare extraction (same libraries, every core)", f"{bare:.2f} s", "—"),
        # SPEC §8 asks for this ratio to be printed, with no target (the +30 % of its first
        # version was replaced by the ratio to rnq's own readers, below)
        ("cold run / bare extraction", f"{cold / bare:.2f}", "—"),
        (
            "bare extraction with rnq's own readers (three times)",
            ", ".join(f"{t:.2f} s" for t in readers),
            "—",
        ),
        ("cold overhead over rnq's readers alone", f"{ratio - 1:+.0%}", "—"),
        ("cold run without the content checks", f"{got['bare_cold']:.2f} s", "—"),
        (
            "  its overhead over rnq's readers alone",
            f"{got['bare_cold'] / around[0] - 1:+.0%}",
            "—",
        ),
        (
            "cold run / rnq's readers around it (mean of two)",
            f"{ratio:.2f} ({ratios[0]:.2f}, {ratios[1]:.2f})",
            "≤ 2.0",
        ),
        ("warm re-run (nothing changed)", f"{got['warm']:.2f} s{_cpu(got, 'warm')}", "< 3 s"),
        (
            "re-run after one file's mtime changed",
            f"{got['touched']:.2f} s{_cpu(got, 'touched')}",
            "—",
        ),
        (
            f"re-run after one file edited (median of {len(got['changed_runs'])})",
            f"{got['changed']:.2f} s{_cpu(got, 'edit')}, "
            f"{got['changed_runs'][0]:.2f}–{got['changed_runs'][-1]:.2f} s",
            "< 3 s",
        ),
        ("  its report = a full run's with --no-cache", "yes" if got["same"] else "NO", "yes"),
        (
            "re-run after that file became a draft",
            f"{got['drafted']:.2f} s{_cpu(got, 'drafted')}",
            "< 3 s",
        ),
        ("  its report = a full run's with --no-cache", _yes(got["drafted_same"]), "yes"),
        ("  and differs from the report before", _yes(got["drafted_changed"]), "yes"),
        (
            "peak memory (largest process, cold run)",
            f"{_mb(max(got['cold_peak'], got['cold2_peak']))}",
            "< 500 MB",
        ),
        ("peak memory (largest process, warm run)", f"{_mb(got['warm_peak'])}", "< 500 MB"),
        ("peak memory (one file changed)", f"{_mb(got['changed_peak'])}", "< 500 MB"),
        ("JSON report", f"{got['json_size'] / 2**20:.1f} MiB", "—"),
        ("HTML report", f"{got['html_size'] / 2**20:.1f} MiB", "—"),
    ]
    if runner is not None:
        rnq_s, pytest_s = runner
        rows.append(
            (
                f"check runner, {n} parametrized checks vs pytest",
                f"{rnq_s:.3f} s vs {pytest_s:.2f} s = {pytest_s / rnq_s:.1f}×",
                "≥ 10×",
            )
        )
    if got["shown"] is not None:
        loaded, filtered = got["shown"]
        rows.append(("HTML report: load in Chromium", f"{loaded:.2f} s", "< 2 s"))
        rows.append(("HTML report: apply a unit filter", f"{filtered:.2f} s", "< 2 s"))
    else:
        rows.append(("HTML report in Chromium", "not measured (no chromium/report)", "< 2 s"))
    return rows


def _compiled() -> None:
    """Compile rnq's modules to bytecode first, as ``pip install`` does: the runs below do not
    write bytecode (``PYTHONDONTWRITEBYTECODE``), and in a fresh checkout each would otherwise
    compile every module from source (about 0.5 s a run, half of that a warm run's margin)."""
    import compileall

    import rnq

    compileall.compile_dir(str(Path(rnq.__file__).parent), quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    described = _generate(args)
    _compiled()
    got = _runs(args.root)
    runner = None if args.skip_runner else runner_ratio(args.runner_n)
    print()
    python = sys.version.split()[0]
    print(f"rnq on {described['files']} files, {os.cpu_count()} CPU(s), Python {python}")
    rows = _rows(got, runner, args.runner_n)
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:>28}  {target}")
    print(json.dumps({"peak_self_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
