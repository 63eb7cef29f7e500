"""``rnq`` with the built-in content checks left out: the presence check only, no question plan.

    python benchmarks/without_content_checks.py check WORKSPACE [rnq check options]

What the framework alone (collection, extraction over every core, the cache, the presence check,
the report and its outputs) adds over reading the files, without the cost of what the content
checks read. ``bench_scale.py`` runs it for its « cold run without content checks » figure. A
benchmark device, not a way to use rnq: the report it writes lacks every content finding.
"""

from __future__ import annotations

import runpy
import sys


def main() -> None:
    import rnq.checks as checks

    every = checks.builtin_check_modules
    # The presence check only; the question plan, derived from these modules, is then empty.
    checks.builtin_check_modules = lambda: [  # type: ignore[assignment]
        module for module in every() if module.__name__ == "rnq.checks.presence"
    ]
    sys.argv = ["rnq", *sys.argv[1:]]
    runpy.run_module("rnq", run_name="__main__")


if __name__ == "__main__":
    main()
